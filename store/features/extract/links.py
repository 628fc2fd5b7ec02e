"""Links between proposed records: denials, accusations, responses, restatements and support."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .quantities import quantities

_WINDOW = 40  # statements further apart than this are never linked (keeps long texts linear)
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_DIGIT = re.compile(r"\d")
_STOP = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "for",
        "from",
        "this",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "its",
        "their",
        "his",
        "her",
        "they",
        "them",
        "not",
        "but",
        "any",
        "all",
        "also",
        "said",
        "says",
        "would",
        "will",
        "could",
        "been",
        "being",
        "over",
        "into",
        "onto",
        "about",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
    ]
)


_ANAPHORIC = re.compile(
    r"\b(?:that|the|this|these|those|such|its|their|his|her)\s+(?:\w+\s+)?(?:claim|charge|accusation|allegation|"
    r"finding|report|assessment|view|argument|suggestion|criticism|assertion|account|remark|comment|warning|idea)s?\b",
    re.I,
)
_DENIED_AT_MOST = 3  # a denial answers at most this many statements
_SECOND_DENIED = 1.8  # the score another accusation needs to be denied alongside the best match


@dataclass(slots=True)
class Proposed:
    """A link before it becomes a record."""

    src: str
    dst: str
    type: str
    confidence: float
    note: str


def side_of(affiliation: dict[str, str | None]) -> Callable[[str], set[str]]:
    """An actor's side: itself and what it belongs to, up to three hops ('spokesman' -> ministry -> state)."""

    def side(actor: str) -> set[str]:
        out = {actor}
        aff = affiliation.get(actor)
        hops = 0
        while aff and hops < 3:
            out.add(aff)
            aff = affiliation.get(aff)
            hops += 1
        return out

    return side


@functools.lru_cache(maxsize=4096)
def words_of_text(text: str) -> frozenset[str]:
    """The content words of a text (what two statements share), lower case and cut to their first five
    letters, a crude stem ('replacement' and 'replaced' share 'repla', 'vessels' and 'vessel' 'vesse'); the
    acts and links stages ask for the same statements' words several times, hence the cache."""
    return frozenset(w.rstrip("s")[:5] for w in _WORD.findall(text.lower()) if w not in _STOP)


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


#: A figure with what it counts ('14 transfers', '$4.6 million'): a bare number or a year says too little.
_COUNTED = re.compile(r"(\d[\d,.]*\d|\d)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,})", re.IGNORECASE)


def _figures(text: str) -> set[tuple[str, str]]:
    """(number, counted word) pairs of a text, the word singular: {('14', 'transfer')}."""
    return {(n.replace(",", ""), w.lower().rstrip("s")) for n, w in _COUNTED.findall(text)
            if len(n.replace(",", "")) >= 2 and not re.fullmatch(r"(?:1[89]|20)\d\d", n)}


def _figure_index(statements: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Statements by the figures they state, built once per article."""
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for s in statements:
        for key in _figures(s["text"]):
            index.setdefault(key, []).append(s)
    return index


def _same_figure(ev: dict[str, Any], index: dict, order: dict[str, int], near: int,
                 side: Callable[[str], set[str]]) -> list[dict[str, Any]]:
    """Statements of the evidence's side, nearby, stating its figure with what it counts ('at least 14
    transfers' in the lede and 'carried out at least 14 transfers' in the body)."""
    found: dict[str, dict[str, Any]] = {}
    mine = side(ev["reported_by"]) if ev.get("reported_by") else set()
    for key in _figures(ev["text"]):
        for s in index.get(key, ()):
            if s["speaker"] in mine and abs(order[s["id"]] - near) <= _WINDOW \
                    and not (s["span"][0] <= ev["span"][0] and ev["span"][1] <= s["span"][1]):
                found[s["id"]] = s
    return list(found.values())


def _accusations(statements: list[dict[str, Any]], targets: dict[str, list[str]],
                 side: Callable[[str], set[str]], kinds: dict[str, str]) -> list[Proposed]:
    """Who each accusation accuses: the reporting verb's target ('accused X of'), else every other actor
    its words name (a state or a news outlet only as a verb's target)."""
    out: list[Proposed] = []
    for s in statements:
        for t in targets.get(s["id"], ()):
            if t != s["speaker"]:
                out.append(Proposed(s["id"], t, "accuses", 0.75, "accused by the reporting verb"))
        if s["act"] != "accusation" or targets.get(s["id"]):
            continue
        mine = side(s["speaker"])
        for a in s.get("about", ()):
            if a not in mine and kinds.get(a) not in ("state", "media"):
                out.append(Proposed(s["id"], a, "accuses", 0.45, "accusing words about this actor"))
    return out


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
    if not _DIGIT.search(text):
        return []
    return [m for f in quantities(text, 0, len(text)) for m in _counted(f.quantity)]


def _contradicting_figures(statements: list[dict[str, Any]], evidence: list[dict[str, Any]],
                           words: dict, side: Callable[[str], set[str]],
                           sentence: Callable[[str], str]) -> list[Proposed]:
    """Two sides giving different amounts of one measure on one subject cannot both be right ('the death
    toll is 17 people' and '31 people dead'): the later statement contradicts the earlier, and a figure
    offered as evidence contradicts another side's statement of a different amount (what a figure
    counts is read from its sentence: '37 homes' alone names no subject)."""
    told = [(s, s["speaker"], _measures(s["text"]), words[s["id"]]) for s in statements]
    out: list[Proposed] = []
    for j, later in enumerate(told):
        for earlier in told[max(0, j - _WINDOW) : j]:
            if later[2] and earlier[2] and _disagree(later, earlier, side):
                out.append(Proposed(later[0]["id"], earlier[0]["id"], "contradicts", 0.4,
                                    "another side gives a different amount of the same measure"))
    starts = [s["span"][0] for s in statements]
    for e in evidence:
        figure = (e, e.get("reported_by"), _evidence_measures(e), frozenset())
        if not figure[1] or not figure[2]:
            continue
        figure = (*figure[:3], words_of_text(sentence(e["id"]) or e["text"]))
        near = bisect.bisect_left(starts, e["span"][0])
        for statement in told[max(0, near - _WINDOW) : near + _WINDOW]:
            if statement[2] and _disagree(figure, statement, side):
                out.append(Proposed(e["id"], statement[0]["id"], "contradicts", 0.4,
                                    "a figure another side gives differs from this one"))
    return out


def _evidence_measures(e: dict[str, Any]) -> list[tuple[float, str]]:
    return _counted(e["quantity"]) if e.get("quantity") else _measures(e["text"])


def _disagree(a: tuple, b: tuple, side: Callable[[str], set[str]]) -> bool:
    """Whether two sides' figures disagree: other sides, a shared unit and subject word, every amount of
    that unit different."""
    _, who, figures, topic = a
    _, other, their_figures, their_topic = b
    if other in side(who) or who in side(other):
        return False
    units = {u for _, u in figures} & {u for _, u in their_figures}
    if not units or not (topic & their_topic) - {u[:5] for u in units}:
        return False
    return all(_differ(v, w) for v, u in figures if u in units for w, uw in their_figures if uw == u)


def _differ(a: float, b: float) -> bool:
    """Whether two amounts of one measure disagree (not a rounding of one another)."""
    return abs(a - b) > 0.1 * max(abs(a), abs(b))


def _aimed_at(s: dict[str, Any], mine: set[str], about: dict, tsets: dict) -> bool:
    """Whether an accusation is aimed at this side (its verb's target, else the actors it names)."""
    return s["act"] == "accusation" and bool(mine & (tsets[s["id"]] or about[s["id"]]))


def _denied(d: dict[str, Any], statements: list[dict[str, Any]], order: dict[str, int], words: dict,
            about: dict, tsets: dict, side: Callable[[str], set[str]], kinds: dict[str, str],
            sentence: str) -> list[Proposed]:
    """What one denial answers. When accusations are aimed at the denier's side, it answers those (the
    best by wording and nearness, and any other aimed accusation that shares its words); otherwise the
    claim about its side that shares most words."""
    mine = side(d["speaker"])
    known_side = len(mine) > 1 or kinds.get(d["speaker"]) != "person"
    anaphoric = bool(_ANAPHORIC.search(d["text"]) or _ANAPHORIC.search(sentence))
    k = order[d["id"]]
    near = statements[max(0, k - _WINDOW) : k + _WINDOW]
    best: list[tuple[float, dict[str, Any]]] = []
    aimed = [s for s in near if s["speaker"] not in mine and _aimed_at(s, mine, about, tsets)]
    for s in aimed or near:
        if s is d or s["speaker"] in mine or s["act"] in ("denial", "response"):
            continue
        if known_side and tsets[s["id"]] and not mine & (tsets[s["id"]] | about[s["id"]]):
            continue  # an accusation against someone else is not what this speaker denies
        score = 0.0
        if s["act"] == "accusation":
            score += 1.0
        if mine & tsets[s["id"]]:
            score += 2.0
        elif mine & about[s["id"]]:
            score += 0.8
        score += 2.0 * _overlap(words[d["id"]], words[s["id"]])
        dist = abs(order[s["id"]] - k)
        score -= 0.05 * dist
        if anaphoric and order[s["id"]] < k:
            score += 1.2 - 0.1 * dist
        best.append((score, s))
    if not best:
        return []
    best.sort(key=lambda x: -x[0])
    top_score, top = best[0]
    if top_score < 1.0:
        return []
    out: list[Proposed] = []
    linked: set[str] = set()
    for score, s in best[:_DENIED_AT_MOST]:
        same_words = s["span"] == top["span"]
        shares = aimed and s is not top and len(words[d["id"]] & words[s["id"]]) >= 2
        if (s is top or same_words or score >= _SECOND_DENIED or shares) and s["id"] not in linked \
                and (score >= top_score - 0.5 or shares):
            linked.add(s["id"])
            conf = (0.7 if top_score >= 2.5 else 0.45) * (1.0 if s is top or same_words else 0.8)
            out.append(Proposed(d["id"], s["id"], "denies", conf, "denial matched by subject and wording"))
    return out


def propose_links(
    statements: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
    affiliation: dict[str, str | None],
    kinds: dict[str, str],
    targets: dict[str, list[str]],
    sentence_of: dict[str, int],
    sentence_texts: Sequence[str] = (),
) -> list[Proposed]:
    """Typed links between the extracted statements, evidence and actors, each with a confidence.

    `sentence_texts` (the article's sentences, indexed as in `sentence_of`) lets a denial whose own words
    are a bare quotation ('calling them “baseless”') find what it answers ('rejected the accusations').
    """

    def sentence(sid: str) -> str:
        k = sentence_of.get(sid, -1)
        return sentence_texts[k] if 0 <= k < len(sentence_texts) else ""

    out: list[Proposed] = []
    words = {s["id"]: words_of_text(s["text"]) for s in statements}
    order = {s["id"]: k for k, s in enumerate(statements)}
    about = {s["id"]: set(s.get("about", ())) for s in statements}
    tsets = {s["id"]: set(targets.get(s["id"], ())) for s in statements}

    side = side_of(affiliation)

    out.extend(_accusations(statements, targets, side, kinds))
    # Denials: the accusation (or claim) about the denier's side that shares most words.
    for d in statements:
        if d["act"] == "denial":
            out.extend(_denied(d, statements, order, words, about, tsets, side, kinds, sentence(d["id"])))
    # Responses: the latest earlier statement by another side.
    for r in statements:
        if r["act"] != "response":
            continue
        mine = side(r["speaker"])
        k = order[r["id"]]
        prev = [s for s in statements[max(0, k - _WINDOW) : k] if s["speaker"] not in mine]
        aimed = [s for s in prev if s["act"] == "accusation" and mine & (tsets[s["id"]] | about[s["id"]])]
        if aimed:
            prev = aimed  # an answer to an accusation against this side
        if prev:
            target = max(prev, key=lambda s: _overlap(words[r["id"]], words[s["id"]]) + 0.05 * order[s["id"]])
            out.append(
                Proposed(
                    r["id"], target["id"], "responds_to", 0.4, "answers an earlier statement by another side"
                )
            )
    out.extend(_contradicting_figures(statements, evidence, words, side, sentence))
    # Restatements: the same speaker saying the same words twice (a lede quoting part of a later quote).
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        by_speaker.setdefault(s["speaker"], []).append(s)
    low = {s["id"]: s["text"].lower().strip(" .,") for s in statements}
    for group in by_speaker.values():
        for i, a in enumerate(group):
            ta = low[a["id"]]
            if len(ta) < 12:
                continue
            for b in group[max(0, i - 12) : i + 12]:
                tb = low[b["id"]]
                if len(ta) < len(tb) and ta in tb and a["span"] != b["span"]:
                    out.append(
                        Proposed(a["id"], b["id"], "restates", 0.75, "the same words in a longer statement")
                    )
    # Evidence supports the statement whose span holds it, else one in the same sentence.
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for s in statements:
        by_sentence.setdefault(sentence_of.get(s["id"], -1), []).append(s)
    figure_index = _figure_index(statements)
    starts = [s["span"][0] for s in statements]
    for ev in evidence:
        es, ee = ev["span"]
        same = by_sentence.get(sentence_of.get(ev["id"], -2), [])
        holder = [s for s in same if s["span"][0] <= es and ee <= s["span"][1]]
        conf = 0.6
        if not holder:
            holder = same
            conf = 0.4
        near = bisect.bisect_left(starts, es)
        for s in _same_figure(ev, figure_index, order, near, side):
            if s not in holder:  # the lede's '14 transfers' backs the body's claim of 14 transfers
                out.append(Proposed(ev["id"], s["id"], "supports", 0.45,
                                    "the same figure in another telling"))
        seen_spans = set()
        for s in holder:
            key = tuple(s["span"])
            if key in seen_spans and s["speaker"] == holder[0]["speaker"]:
                continue
            seen_spans.add(key)
            out.append(Proposed(ev["id"], s["id"], "supports", conf, "stated in the statement it supports"))
    return out

