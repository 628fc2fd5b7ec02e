"""One claim told twice is one statement: the lede's claim told again in the body, a paraphrase and then
the quote that says the same. The later telling joins the first as another of its ``spans``."""

from __future__ import annotations

import re
from typing import Any

from .link_terms import words_of_text
from .quotes import translates

#: Content words two tellings must share, and how much of the shorter one they must cover.
_SHARED_AT_LEAST = 3
_COVER = 0.7
#: Figures two tellings must share to be one claim whatever their words ('from 9.50 zloty to 6.40 zloty',
#: then “It went from 9.50 to 6.40 overnight”).
_SHARED_FIGURES = 2
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: Where the headline and lede end, roughly: a paraphrase quoting a fragment there is retold below it.
_LEDE = 600
#: How many of a speaker's earlier statements a telling is compared with (keeps long texts linear).
_BACK = 24


def merge_retellings(statements: list[dict[str, Any]], text: str = "") -> dict[str, str]:
    """Fold later tellings into the first, in place; {folded id: kept id}. Statements in text order;
    ``text`` (the article, which their spans point into) lets a quotation's translation join it."""
    words = {s["id"]: words_of_text(s["text"]) for s in statements}
    figures = {s["id"]: _figures(s["text"]) for s in statements}
    counts = {s["id"]: _counts(s["text"]) for s in statements}  # (read once: pairs are many)
    told = _Told(statements)
    folded: dict[str, str] = {}
    kept: list[dict[str, Any]] = []
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        mine = by_speaker.setdefault(s["speaker"], [])
        first = next((k for k in mine[-_BACK:] if _same_claim(k, s, words, figures, counts, told)
                      or _translated(k, s, text)), None)
        if first is None:
            kept.append(s)
            mine.append(s)
            continue
        folded[s["id"]] = first["id"]
        tellings = first.get("spans") or [list(first["span"])]
        if not any(a <= s["span"][0] and s["span"][1] <= b for a, b in tellings):
            first["spans"] = [*tellings, list(s["span"])]  # (a fragment quoted inside its paraphrase is no
            # telling of its own)
        if s["quote"] and not first["quote"]:
            first.update(mode="quote", quote=s["quote"])
        first["about"] = list(dict.fromkeys([*first["about"], *s["about"]]))
        first["confidence"] = max(first["confidence"], s["confidence"])
    statements[:] = kept
    return folded


def _same_claim(
    a: dict[str, Any], b: dict[str, Any], words: dict[str, set[str]], figures: dict[str, set[str]],
    counts: dict[str, set[str]], told: _Told,
) -> bool:
    """Whether two statements are one speaker's one claim told twice."""
    if a["speaker"] != b["speaker"] or a["act"] != b["act"] and "claim" not in (a["act"], b["act"]):
        return False
    if a["quote"] and b["quote"]:
        return False  # two quotations are two things said, however alike
    short = min(a, b, key=lambda s: len(s["text"]))
    if told.said_again(a["id"], b["id"]) and (short["quote"] or not _inside(a, b)):
        return True  # 'its own testing had found “nothing of concern”' and 'nothing of concern' alone; a
        # clause read twice inside one sentence only when it is the quoted fragment
    wa, wb = words[a["id"]], words[b["id"]]
    shared = len(wa & wb)
    if shared >= _SHARED_AT_LEAST and shared >= _COVER * min(len(wa), len(wb)):
        return True
    if a["span"][0] < _LEDE and a["id"] in told.fragments and told.fragment_retold(a["id"], b["id"], shared):
        return True  # the headline's or lede's quoted words said again in the body
    if a["span"][0] < _LEDE and counts[a["id"]] & counts[b["id"]]:
        return True  # the lede's 'filled its tankers at least 1,870 times', the body's '1,870 stops'
    return len(figures[a["id"]] & figures[b["id"]]) >= _SHARED_FIGURES  # 'fell from 9.50 to 6.40'


#: Words a paraphrase quotes inside itself: "maternity unit is 'not safe'", 'the unit was “safe”'.
_QUOTE_MARK = re.compile(r"['‘“\"]")
_FRAGMENT = re.compile(r"(?:^|\s)['‘“\"]([^'’”\"]{3,60}?)['’”\"](?=\W|$)")


class _Told:
    """Each statement's quoted fragments (a paraphrase's own quoted words), read once per article, and its
    words as one spaced string, read when a fragment is looked for in it: the fragment test runs for
    every pair of one speaker's tellings."""

    def __init__(self, statements: list[dict[str, Any]]) -> None:
        self.text = {s["id"]: s["text"] for s in statements}
        self.fragments: dict[str, list[str]] = {}
        self.spaced: dict[str, str] = {}
        for s in statements:
            if not s["quote"] and _QUOTE_MARK.search(s["text"]):
                found = [f for f in (_spaced(m.group(1)).strip() for m in _FRAGMENT.finditer(s["text"])) if f]
                if found:
                    self.fragments[s["id"]] = found

    def fragment_retold(self, a: str, b: str, shared: int) -> bool:
        """Whether paraphrase a's quoted fragment is said again in b: the headline's 'not safe' in “It is
        not safe. …”; a one-word fragment ('“safe”') needs another content word in common too."""
        fragments = self.fragments.get(a)
        if not fragments:
            return False
        return any(f" {f} " in self.padded(b) and (len(f.split()) >= 2 or shared >= 2) for f in fragments)

    def padded(self, sid: str) -> str:
        """A statement's words as one spaced string with a space at each end, read once."""
        if sid not in self.spaced:
            self.spaced[sid] = padded_words(self.text[sid])
        return self.spaced[sid]

    def said_again(self, a: str, b: str) -> bool:
        """Whether one statement's words stand whole in the other's (see ``words_within``)."""
        return words_within(self.padded(a), self.padded(b))


def padded_words(text: str) -> str:
    """A text's lower-case words with one space between them and one at each end: ' it is not safe '."""
    return " " + " ".join(_spaced(text).split()) + " "


def words_within(a: str, b: str) -> bool:
    """Whether the shorter of two ``padded_words`` strings stands whole in the longer, and is long enough
    to be a claim: 'nothing of concern' in 'its own testing had turned up nothing of concern'; 'false and
    irresponsible' in the paraphrase that quotes it; never 'safe' in 'safer'."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) - 2 >= _SAID_AGAIN_AT_LEAST and short in long_


#: The fewest characters that, said again as whole words inside a longer statement of the same speaker,
#: make it one claim.
_SAID_AGAIN_AT_LEAST = 12


def _translated(a: dict[str, Any], b: dict[str, Any], text: str) -> bool:
    """Whether quotation b is quotation a's translation, given in brackets right after it: one claim."""
    return bool(a["quote"] and b["quote"] and text and a["speaker"] == b["speaker"]
                and translates(text, a["span"][1], b["span"][0]))


def _inside(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether one statement's span lies inside the other's."""
    (a0, a1), (b0, b1) = a["span"], b["span"]
    return b0 <= a0 and a1 <= b1 or a0 <= b0 and b1 <= a1


def _spaced(text: str) -> str:
    """Lower-case words with one space between them ('It is not safe.' -> 'it is not safe ')."""
    return re.sub(r"\W+", " ", text.lower())


def _counts(text: str) -> set[str]:
    """The figures rare enough to tell one claim by: numbers of at least 100 with their scale ('1870',
    '412 million'; so '500 million shillings' is no '500 transformers'), never a year ('2,000 jobs' is a
    count, '2023' is no figure)."""
    out = set()
    for m in _COUNT.finditer(text):
        raw, scale = m.group(1), (m.group(2) or "").lower()
        number = raw.replace(",", "")
        if int(number) >= 100 and (scale or "," in raw or not re.fullmatch(r"(?:19|20)\d\d", number)):
            out.add(f"{number} {scale}".strip())
    return out


#: A whole number and its scale: '1,870 stops', 'Rs. 412 million'.
_COUNT = re.compile(r"(?<![\w.,$£€¥₹])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)"
                    r"(?:\s*(million|billion|trillion|thousand|crore|lakh|bn)\b)?")


def _figures(text: str) -> set[str]:
    """The numbers a statement gives, as written without thousands separators ('1,340' -> '1340')."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}
