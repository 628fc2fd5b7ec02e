"""Figures in statements and evidence: the same figure told again supports its telling, and two sides giving
different amounts of one measure contradict each other."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .link_terms import WINDOW, Proposed, words_of_text
from .quantities import quantities

_DIGIT = re.compile(r"\d")

@functools.lru_cache(maxsize=32768)
def _amounts(text: str) -> tuple[dict[str, Any], ...]:
    """The quantities a text states in digits, read once for both questions asked of them."""
    if not _DIGIT.search(text):
        return ()
    return tuple(f.quantity for f in quantities(text, 0, len(text)) if f.quantity and f.quantity.get("unit"))


def _figures(text: str) -> set[tuple[float, str]]:
    """(value, unit) of every amount a text states with its unit ('14 transfers', '$4.6 million'); a bare
    number says too little."""
    return {(float(q["value"]), q["unit"].lower().rstrip("s")) for q in _amounts(text)}


def figure_index(statements: list[dict[str, Any]]) -> dict[tuple[float, str], list[dict[str, Any]]]:
    """Statements by the figures they state, built once per article."""
    index: dict[tuple[float, str], list[dict[str, Any]]] = {}
    for s in statements:
        for key in _figures(s["text"]):
            index.setdefault(key, []).append(s)
    return index


def same_figure(ev: dict[str, Any], index: dict, order: dict[str, int], near: int,
                side: Callable[[str], set[str]]) -> list[dict[str, Any]]:
    """Statements of the evidence's side, nearby, stating its figure with what it counts ('at least 14
    transfers' in the lede and 'carried out at least 14 transfers' in the body)."""
    found: dict[str, dict[str, Any]] = {}
    mine = side(ev["reported_by"]) if ev.get("reported_by") else set()
    for key in _figures(ev["text"]):
        for s in index.get(key, ()):
            if s["speaker"] in mine and abs(order[s["id"]] - near) <= WINDOW \
                    and not (s["span"][0] <= ev["span"][0] and ev["span"][1] <= s["span"][1]):
                found[s["id"]] = s
    return list(found.values())


#: Units too general to say two figures measure one thing: shares, rates and sums of money ('78%' of one
#: turnout and '100%' of another; '£180m invested' and '£62m paid').
_GENERAL_UNITS = frozenset({"%", "per cent", "percent", "basis point", "point", "time", "year", "month",
                            "day", "hour", "week"})


def _counted(quantity: dict[str, Any] | None) -> list[tuple[float, str]]:
    """(value, unit) of a quantity that counts or measures some thing (not money, a share or a time)."""
    unit = (quantity or {}).get("unit") or ""
    if not unit or unit.isupper():  # a currency code
        return []
    unit = unit.lower().rstrip("s")
    return [] if unit in _GENERAL_UNITS else [(float(quantity["value"]), unit)]


def _measures(text: str) -> list[tuple[float, str]]:
    """(value, unit) of each thing a text counts or measures in digits: (37.0, 'home'), (900.0, 'hectare')."""
    return [m for q in _amounts(text) for m in _counted(q)]


class _Telling(NamedTuple):
    """A statement or piece of evidence as two sides' figures are compared: who gives it, what it counts
    or measures, and the words that say what about."""

    record: dict[str, Any]
    who: str | None
    figures: list[tuple[float, str]]
    topic: frozenset[str]


def contradicting_figures(statements: list[dict[str, Any]], evidence: list[dict[str, Any]],
                          words: dict, side: Callable[[str], set[str]],
                          sentence: Callable[[str], str]) -> list[Proposed]:
    """Two sides giving different amounts of one measure on one subject cannot both be right ('the death
    toll is 17 people' and '31 people dead'): the later statement contradicts the earlier, and a figure
    offered as evidence contradicts another side's statement of a different amount (what a figure
    counts is read from its sentence: '37 homes' alone names no subject)."""
    told = [_Telling(s, s["speaker"], _measures(s["text"]), words[s["id"]]) for s in statements]
    out: list[Proposed] = []
    for j, later in enumerate(told):
        for earlier in told[max(0, j - WINDOW) : j]:
            if _disagree(later, earlier, side):
                out.append(Proposed(later.record["id"], earlier.record["id"], "contradicts", 0.4,
                                    "another side gives a different amount of the same measure"))
    starts = [s["span"][0] for s in statements]
    for e in evidence:
        figures = _counted(e["quantity"]) if e.get("quantity") else _measures(e["text"])
        if not e.get("reported_by") or not figures:
            continue
        shown = _Telling(e, e["reported_by"], figures, words_of_text(sentence(e["id"]) or e["text"]))
        near = bisect.bisect_left(starts, e["span"][0])
        for statement in told[max(0, near - WINDOW) : near + WINDOW]:
            if _disagree(shown, statement, side):
                out.append(Proposed(e["id"], statement.record["id"], "contradicts", 0.4,
                                    "a figure another side gives differs from this one"))
    return out


def _disagree(a: _Telling, b: _Telling, side: Callable[[str], set[str]]) -> bool:
    """Whether two sides' figures disagree: other sides, a shared unit and subject word, every amount of
    that unit different."""
    if not a.figures or not b.figures or a.who is None or b.who is None:
        return False
    if b.who in side(a.who) or a.who in side(b.who):
        return False
    units = {u for _, u in a.figures} & {u for _, u in b.figures}
    if not units or not (a.topic & b.topic) - {u[:5] for u in units}:
        return False
    return all(_differ(v, w) for v, u in a.figures if u in units for w, uw in b.figures if uw == u)


def _differ(a: float, b: float) -> bool:
    """Whether two amounts of one measure disagree (not a rounding of one another)."""
    return abs(a - b) > 0.1 * max(abs(a), abs(b))
