"""Links between proposed records: denials, accusations, responses, restatements and support (figures in
figures.py)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

from . import wordlists as wl
from .acts import speaks_for
from .denial_model import answered, candidates
from .figures import contradicting_figures, figure_index, same_figure
from .link_terms import WINDOW, Proposed, side_of, words_of_text
from .retellings import padded_words, words_within

__all__ = ["Proposed", "propose_links"]


def _accusations(statements: list[dict[str, Any]], targets: dict[str, list[str]],
                 side: Callable[[str], set[str]], kinds: dict[str, str]) -> list[Proposed]:
    """Who each accusation accuses: the reporting verb's target ('accused X of'), else every other actor
    its words name (a state or a news outlet only as a verb's target), else, when it names nobody ('They
    knew in October'), the side the article's other accusations and denials are about."""
    out: list[Proposed] = []
    for k, s in enumerate(statements):
        for t in targets.get(s["id"], ()):
            if t != s["speaker"]:
                out.append(Proposed(s["id"], t, "accuses", 0.75, "accused by the reporting verb"))
        if s["act"] != "accusation" or targets.get(s["id"]):
            continue
        mine = side(s["speaker"])
        named = [a for a in s.get("about", ()) if a not in mine and kinds.get(a) not in ("state", "media")]
        for a in named:
            out.append(Proposed(s["id"], a, "accuses", 0.45, "accusing words about this actor"))
        if not named:
            default = _usual_target(k, statements, targets, side, kinds)
            if default:
                out.append(Proposed(s["id"], default, "accuses", 0.35, "the side this article's accusations "
                                    "and answers are about"))
    return out


def _usual_target(k: int, statements: list[dict[str, Any]], targets: dict[str, list[str]],
                  side: Callable[[str], set[str]], kinds: dict[str, str]) -> str | None:
    """Whom an accusation that names nobody ('They knew in October') accuses: the side the article's
    other accusations name (an outlet only as a verb's target) or whose answers deny them,
    weighed by how often and how near (``k`` is the accusation's place in ``statements``)."""
    mine = side(statements[k]["speaker"])
    score: dict[str, float] = {}
    for j in range(max(0, k - WINDOW), min(len(statements), k + WINDOW)):
        x = statements[j]
        if j == k:
            continue
        near = 1.0 / (1 + abs(j - k) / 8)
        if x["act"] == "accusation":
            for a in targets.get(x["id"]) or [a for a in x.get("about", ()) if a not in side(x["speaker"])
                                              and kinds.get(a) != "media"]:
                w = 2.0 if x["speaker"] in mine else 1.0
                score[a] = score.get(a, 0.0) + w * near
        elif x["act"] in ("denial", "response"):
            a = speaks_for(x["speaker"], side)
            score[a] = score.get(a, 0.0) + near
    others = [a for a in score if not side(a) & mine]
    return max(others, key=score.__getitem__) if others else None  # a tie: the one met first


def _responded_to(r: dict[str, Any], before: list[dict[str, Any]], side: Callable[[str], set[str]],
                  about: dict, aimed_at: dict, aimed_only: bool = False) -> list[Proposed]:
    """What a response answers, of the statements ``before`` it (at most WINDOW back): the first of them
    that accuses its side (in a news story, usually the charge of its lede), else the first accusation by
    another side, else the latest statement by another side. (The latest aimed accusation was right 23%
    of the time on the design sets' responses, the first 34%.) A threat (`aimed_only`) answers only an
    accusation against its side: a regulator's 'could fine the company' answers no one charge (the first
    aimed accusation was right for 6 of 17 threats on the design sets, any other choice for under 1 in 10)."""
    mine = side(r["speaker"])
    prev = [s for s in before if not side(s["speaker"]) & mine]
    aimed = [s for s in prev if s["act"] == "accusation" and mine & (aimed_at[s["id"]] | about[s["id"]])]
    if aimed_only and not aimed:
        return []
    accusations = [s for s in prev if s["act"] == "accusation"]
    if aimed or accusations:
        return [Proposed(r["id"], (aimed or accusations)[0]["id"], "responds_to", 0.45 if aimed else 0.35,
                         "answers the first accusation before it against its side" if aimed else
                         "answers the first accusation before it")]
    if prev:
        return [Proposed(r["id"], prev[-1]["id"], "responds_to", 0.3,
                         "answers an earlier statement by another side")]
    return []


#: Day and month names, cut as words_of_text cuts words: no sign that one statement answers another.
_TIME_WORDS = words_of_text(" ".join(wl.name_words()["months_days"]))


def _answering_a_demand(r: dict[str, Any], before: list[dict[str, Any]], side: Callable[[str], set[str]],
                        words: dict[str, frozenset[str]], about: dict, aimed_at: dict) -> list[Proposed]:
    """A claim by the side a demand before it names, sharing a word with it (never a day or a month),
    answers that demand ('The committee demanded that QEC pay wages directly' … 'QEC said it was ready to pay
    wages directly if …'): the latest such demand of those ``before`` it."""
    mine = side(r["speaker"])
    for d in reversed(before):
        named = mine & (about[d["id"]] | aimed_at[d["id"]])
        shared = words[r["id"]] & words[d["id"]] - _TIME_WORDS
        if named and shared and not side(d["speaker"]) & mine:
            return [Proposed(r["id"], d["id"], "responds_to", 0.35, "answers a demand made of its side")]
    return []


def propose_links(
    statements: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
    affiliation: dict[str, str | None],
    kinds: dict[str, str],
    targets: dict[str, list[str]],
    sentence_of: dict[str, int],
    sentence_texts: Sequence[str] = (),
    told_in: dict[str, list[int]] | None = None,
) -> list[Proposed]:
    """Typed links between the extracted statements, evidence and actors, each with a confidence.

    `sentence_texts` (the article's sentences, indexed as in `sentence_of`) lets a denial whose own words
    are a bare quotation ('calling them “baseless”') find what it answers ('rejected the accusations');
    `told_in` (a statement told twice: the sentence of each telling) lets a figure given in its second
    telling back it.
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
    for d in statements:  # what each denial answers, by the learned model
        if d["act"] == "denial":
            out.extend(answered(d, candidates(d, statements, order, words, about, tsets, side, kinds,
                                              sentence(d["id"]))))
    accused = {s["id"]: set(tsets[s["id"]]) for s in statements}  # whom each accusation is aimed at, by its
    for p in out:  # verb or by the links just proposed ('A milk processor of …' → the company named later)
        if p.type == "accuses":
            accused[p.src].add(p.dst)
    for r in statements:
        if r["act"] in ("response", "threat"):
            k = order[r["id"]]
            out.extend(_responded_to(r, statements[max(0, k - WINDOW) : k], side, about, accused,
                                     aimed_only=r["act"] == "threat"))
    answered_already = {p.src for p in out if p.type in ("responds_to", "denies")}
    demands = [k for k, s in enumerate(statements) if s["act"] == "demand"]
    for r in statements:
        if demands and r["act"] == "claim" and r["id"] not in answered_already:
            k = order[r["id"]]
            before = [statements[j] for j in demands[bisect.bisect_left(demands, k - WINDOW) :] if j < k]
            out.extend(_answering_a_demand(r, before, side, words, about, tsets))
    out.extend(contradicting_figures(statements, evidence, words, side, sentence))
    # Restatements: the same speaker saying the same words twice (a lede quoting part of a later quote).
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        by_speaker.setdefault(s["speaker"], []).append(s)
    padded = {s["id"]: padded_words(s["text"]) for s in statements}
    for group in by_speaker.values():
        for i, a in enumerate(group):
            for b in group[max(0, i - 12) : i + 12]:  # (two quotations: retellings fold every other pair)
                ta, tb = padded[a["id"]], padded[b["id"]]
                if len(ta) < len(tb) and words_within(ta, tb) and a["span"] != b["span"]:
                    out.append(
                        Proposed(a["id"], b["id"], "restates", 0.75, "the same words in a longer statement")
                    )
    # Evidence supports the statement whose span holds it, else one in the same sentence.
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for s in statements:
        for k in dict.fromkeys([sentence_of.get(s["id"], -1), *(told_in or {}).get(s["id"], ())]):
            by_sentence.setdefault(k, []).append(s)
    figures_at = figure_index(statements)
    starts = [s["span"][0] for s in statements]
    for ev in evidence:
        es, ee = ev["span"]
        same = by_sentence.get(sentence_of.get(ev["id"], -2), [])
        holder = [s for s in same if any(a <= es and ee <= b for a, b in s.get("spans") or [s["span"]])]
        conf = 0.6
        if not holder:
            holder = same
            conf = 0.4
        near = bisect.bisect_left(starts, es)
        backed = {s["id"] for s in holder}
        for s in same_figure(ev, figures_at, order, near, side):
            if s["id"] not in backed:  # the lede's '14 transfers' backs the body's claim of 14 transfers
                backed.add(s["id"])
                out.append(Proposed(ev["id"], s["id"], "supports", 0.45,
                                    "the same figure in another telling"))
        if ev["kind"] == "document" and ev.get("reported_by"):
            for s in _told_through(ev, statements[max(0, near - 1) : near + CARRIED_WITHIN], sentence):
                if s["id"] not in backed:
                    backed.add(s["id"])
                    out.append(Proposed(ev["id"], s["id"], "supports", 0.35,
                                        "its author's claim told through this document"))
        seen_spans = set()
        for s in holder:
            key = tuple(s["span"])
            if key in seen_spans and s["speaker"] == holder[0]["speaker"]:
                continue
            seen_spans.add(key)
            out.append(Proposed(ev["id"], s["id"], "supports", conf, "stated in the statement it supports"))
    return out + _contradicted_through_what_is_denied(out, statements, evidence)


def _contradicted_through_what_is_denied(proposed: list[Proposed], statements: list[dict[str, Any]],
                                         evidence: list[dict[str, Any]]) -> list[Proposed]:
    """Evidence that backs what a denial denies bears on the denial too, against it ('The 52-page audit'
    supports the charge that posts were never filled, so it contradicts 'every post was filled'). The
    annotation guide links evidence to every statement it bears on; the last nine real-copy design sets'
    gold draws about half of these links (documents seven in ten, figures four in ten), older sets' few."""
    denials = {s["id"] for s in statements if s["act"] == "denial"}
    evidence_ids = {e["id"] for e in evidence}
    denied_by: dict[str, list[Proposed]] = {}
    for p in proposed:
        if p.type == "denies" and p.src in denials:
            denied_by.setdefault(p.dst, []).append(p)
    backs = {(p.src, p.dst) for p in proposed if p.type == "supports"}
    out: list[Proposed] = []
    seen: set[tuple[str, str]] = set()
    for p in proposed:
        if p.type != "supports" or p.src not in evidence_ids:
            continue
        for d in denied_by.get(p.dst, ()):
            if (p.src, d.src) in backs or (p.src, d.src) in seen:
                continue
            seen.add((p.src, d.src))
            out.append(Proposed(p.src, d.src, "contradicts", round(min(p.confidence, d.confidence) * 0.8, 2),
                                "backs what this denial denies"))
    return out


#: How many statements after a document its author's claims told through it may stand.
CARRIED_WITHIN = 4
_PAPER_WORD = re.compile(r"[a-z]+")


def _told_through(doc_ev: dict[str, Any], near: list[dict[str, Any]],
                  sentence: Callable[[str], str]) -> list[dict[str, Any]]:
    """The statements near a document that its author makes through a paper ('The report said …',
    'according to the audit, …', 'the letter says …'): the claims the document carries, which it supports
    (on the design sets 21 of 65 such pairs are gold links)."""
    papers = wl.document_speakers()
    return [s for s in near if s["speaker"] == doc_ev["reported_by"]
            and papers & set(_PAPER_WORD.findall(sentence(s["id"]).lower()))]
