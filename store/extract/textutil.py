"""Small text helpers shared by the extractor: accent folding and word tokens with offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w&' -]+")

#: A word: letters/digits with inner apostrophes (not a possessive 's), or dotted initials like U.S.
WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b")


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-normalised, single-spaced form of a name for matching."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold()).strip()


def name_key(text: str) -> str:
    """A matching key for an actor name: folded, punctuation and a leading 'the' and trailing 's removed."""
    key = _PUNCT.sub(" ", fold(text))
    key = _SPACES.sub(" ", key).strip()
    if key.endswith(" 's") or key.endswith("'s"):
        key = key[:-2].rstrip()
    if key.startswith("the "):
        key = key[4:]
    return key


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text with its character offsets."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The word in lower case with straight apostrophes."""
        return self.text.lower().replace("’", "'")

    @property
    def is_cap(self) -> bool:
        """Whether the word starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        """Whether the word is an all-capital abbreviation such as UN or U.S."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_possessive(self) -> bool:
        """Whether this token is a possessive 's."""
        return self.text in ("'s", "’s", "'S", "’S")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end] with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]


def between(text: str, a: int, b: int) -> str:
    """The text between two offsets (empty when b <= a)."""
    return text[a:b] if b > a else ""
