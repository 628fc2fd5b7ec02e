"""One claim told twice is one statement: the lede's claim told again in the body, a paraphrase and then
the quote that says the same. The later telling joins the first as another of its ``spans``."""

from __future__ import annotations

import re
from typing import Any

from .link_terms import words_of_text

#: Content words two tellings must share, and how much of the shorter one they must cover.
_SHARED_AT_LEAST = 3
_COVER = 0.7
#: Figures two tellings must share to be one claim whatever their words ('from 9.50 zloty to 6.40 zloty',
#: then “It went from 9.50 to 6.40 overnight”).
_SHARED_FIGURES = 2
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: How many of a speaker's earlier statements a telling is compared with (keeps long texts linear).
_BACK = 24


def merge_retellings(statements: list[dict[str, Any]]) -> dict[str, str]:
    """Fold later tellings into the first, in place; {folded id: kept id}. Statements in text order."""
    words = {s["id"]: words_of_text(s["text"]) for s in statements}
    figures = {s["id"]: _figures(s["text"]) for s in statements}
    folded: dict[str, str] = {}
    kept: list[dict[str, Any]] = []
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        mine = by_speaker.setdefault(s["speaker"], [])
        first = next((k for k in mine[-_BACK:] if _same_claim(k, s, words, figures)), None)
        if first is None:
            kept.append(s)
            mine.append(s)
            continue
        folded[s["id"]] = first["id"]
        if not first.get("spans"):
            first["spans"] = [list(first["span"])]
        first["spans"].append(list(s["span"]))
        if s["quote"] and not first["quote"]:
            first.update(mode="quote", quote=s["quote"])
        first["about"] = list(dict.fromkeys([*first["about"], *s["about"]]))
        first["confidence"] = max(first["confidence"], s["confidence"])
    statements[:] = kept
    return folded


def _same_claim(
    a: dict[str, Any], b: dict[str, Any], words: dict[str, set[str]], figures: dict[str, set[str]]
) -> bool:
    """Whether two statements are one speaker's one claim told twice."""
    if a["speaker"] != b["speaker"] or a["act"] != b["act"] and "claim" not in (a["act"], b["act"]):
        return False
    if a["quote"] and b["quote"]:
        return False  # two quotations are two things said, however alike
    wa, wb = words[a["id"]], words[b["id"]]
    shared = len(wa & wb)
    if shared >= _SHARED_AT_LEAST and shared >= _COVER * min(len(wa), len(wb)):
        return True
    if _fragment_retold(a, b, shared) or _fragment_retold(b, a, shared):
        return True
    return len(figures[a["id"]] & figures[b["id"]]) >= _SHARED_FIGURES  # 'fell from 9.50 to 6.40'


#: Words a paraphrase quotes inside itself: "maternity unit is 'not safe'", 'the unit was “safe”'.
_FRAGMENT = re.compile(r"(?:^|\s)['‘“\"]([^'’”\"]{3,60}?)['’”\"](?=\W|$)")


def _fragment_retold(a: dict[str, Any], b: dict[str, Any], shared: int) -> bool:
    """Whether a paraphrase's quoted fragment is said again in the other telling: the headline's 'not safe'
    in “It is not safe. …”; a one-word fragment ('“safe”') needs another content word in common too."""
    if a["quote"]:
        return False
    other = " " + re.sub(r"\W+", " ", b["text"].lower()) + " "
    for m in _FRAGMENT.finditer(a["text"]):
        fragment = re.sub(r"\W+", " ", m.group(1).lower()).strip()
        if fragment and f" {fragment} " in other and (len(fragment.split()) >= 2 or shared >= 2):
            return True
    return False


def _figures(text: str) -> set[str]:
    """The numbers a statement gives, as written without thousands separators ('1,340' -> '1340')."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}
