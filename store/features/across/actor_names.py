"""The forms an actor's name takes across outlets, reduced to keys that agree when the names do:
titles and honorifics dropped, accents folded, hyphens and spaces of romanised names ignored,
a capital or demonym read as its state.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimnet.store.features.extract.wordlists import gazetteer, honorifics, title_words
from claimnet.store.model.textnorm import fold

_PARTS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_GLUE = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "le", "von", "van", "der", "al", "el"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.cache
def _drop_words() -> frozenset[str]:
    """Title and honorific words that may stand before a person's name ("President", "Dr")."""
    marks = {fold(h).rstrip(".") for h in honorifics()}
    return frozenset(marks | set(title_words()) | {"gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov"})


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name reduced for matching: its words without titles, and the keys built from them."""

    text: str
    words: tuple[str, ...]

    @property
    def spaced(self) -> str:
        """The words, hyphenated parts joined ("lee jaemyung")."""
        return " ".join(w.replace("-", "") for w in self.words)

    @property
    def compact(self) -> str:
        """Every letter in order, no spaces ("leejaemyung" for "Lee Jae Myung" or "Lee Jae-myung")."""
        return "".join(self.words).replace("-", "")

    @property
    def unordered(self) -> str:
        """The words in sorted order, for names written family name first or last."""
        return " ".join(sorted(w.replace("-", "") for w in self.words))

    @property
    def surname(self) -> str:
        """The last word, hyphens dropped."""
        return self.words[-1].replace("-", "") if self.words else ""

    @property
    def initials_only(self) -> bool:
        """Whether every word but the last is a single letter ("J. K. Rowling")."""
        return len(self.words) > 1 and all(len(w) == 1 for w in self.words[:-1])


def person_form(name: str) -> NameForm:
    """A person's name without leading titles or honorifics and trailing suffixes."""
    words = [w for w in _PARTS.findall(fold(name).replace("’", "'").replace("'", "")) if w]
    drop = _drop_words()
    while len(words) > 1 and words[0] in drop:
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return NameForm(name, tuple(words))


def plain_form(name: str) -> NameForm:
    """An organisation's or group's name, folded, without a leading "the"."""
    words = _PARTS.findall(fold(name).replace("&", " and "))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return NameForm(name, tuple(words))


def acronym(form: NameForm) -> str:
    """The initials of an organisation's significant words ("sec" for Securities and Exchange Commission)."""
    return "".join(w[0] for w in form.words if w not in _GLUE) if len(form.words) > 2 else ""


def state_of(name: str) -> tuple[str, str] | None:
    """The state a name stands for and how ("capital", "alias", "demonym", "name"), from the shipped list."""
    found = gazetteer().get(name)
    if found is None or found[0].kind != "state":
        return None
    known, how = found
    return known.name, {"metonym": "capital or seat of government"}.get(how, how)
