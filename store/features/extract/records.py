"""Stages 7 to 9: evidence with who reported it, the links between the records, and the actors worth
proposing. Every record is a proposal (status proposed, origin extracted) with its confidence."""

from __future__ import annotations

import bisect
from collections import Counter

from claimnet.store.model import Actor, Evidence, Link

from . import wordlists as wl
from .act_model import ActContext, weigh_acts
from .actors import Doc
from .acts import refine_acts
from .draft import Draft, clean
from .entities import Entity
from .evidence import find_evidence
from .link_terms import side_of
from .links import propose_links
from .normalise import headline_left
from .papers import author_of
from .retellings import merge_retellings
from .sources import without_its_town
from .textutil import SEEN_BY, fold

#: The consistency weight a proposed link carries by its type (the seed network's convention).
LINK_WEIGHTS = {"denies": -2, "contradicts": -1, "supports": 1}


def evidence_records(draft: Draft) -> None:
    """Evidence in the text, reported by the speaker of the statement holding it (else by nobody)."""
    doc, text, out = draft.doc, draft.doc.text, draft.out
    by_start = sorted(out.statements, key=lambda s: s["span"][0])
    st_starts = [s["span"][0] for s in by_start]
    for f in find_evidence(text, doc.sentences, [(q.outer_start, q.outer_end) for q in doc.quotes]):
        k = bisect.bisect_right(st_starts, f.start)
        sentence = doc.sentence_index(f.start)
        holder = next((s for s in reversed(by_start[max(0, k - 8) : k]) if f.end <= s["span"][1]), None)
        author = (_author_named_in(doc, by_start[max(0, k - 4) : k + 4], f.start, f.end)
                  if holder is None and f.kind == "document" else None)
        if holder is None and author is None:
            author = _sole_speaker(by_start[max(0, k - 4) : k + 4], draft.sentence_of, sentence)
        rec = draft.proposal(
            Evidence.TABLE,
            Evidence.PREFIX,
            text=clean(text[f.start : f.end]),
            kind=f.kind,
            quantity=f.quantity,
            reported_by=holder["speaker"] if holder else author,
            source=draft.source_id,
            span=(f.start, f.end),
            credibility=6,
            confidence=round(f.confidence * (1.0 if holder else 0.85), 2),
        )
        draft.sentence_of[rec["id"]] = sentence
        out.evidence.append(rec)


def _sole_speaker(statements: list[dict], sentence_of: dict[str, int], sentence: int) -> str | None:
    """The one speaker of a sentence's statements ('X released water samples that it said showed …'):
    evidence that sentence names is theirs. None when the sentence has no statement or several speakers."""
    speakers = {s["speaker"] for s in statements if sentence_of.get(s["id"]) == sentence}
    return speakers.pop() if len(speakers) == 1 else None


def _author_named_in(doc: Doc, statements: list[dict], start: int, end: int) -> str | None:
    """The speaker a document's own words name as its author: 'according to a 90-page report by a UN
    panel' — a statement's speaker mentioned inside the document's phrase (never one who only saw it), or
    right after it: 'the inspection report of the County Health Office'."""
    of = author_of(doc.text, end)
    for s in statements:
        ent = doc.reg.by_id.get(s["speaker"])
        spans = ent.final().spans if ent is not None else []
        for a, b in spans:
            if start <= a and b <= end and not SEEN_BY.search(doc.text[max(start, a - 16) : a]):
                return s["speaker"]
            if of is not None and end < a <= of.end():
                return s["speaker"]
    return None


def link_records(draft: Draft) -> None:
    """One claim told twice becomes one statement; acts are read from the words (rules, then the act
    model); then the links."""
    doc, out = draft.doc, draft.out
    live = doc.reg.live()
    affiliation = {e.id: e.affiliation for e in live}
    kinds = {e.id: e.kind for e in live}
    sentence_texts = [doc.text[a:b] for a, b in doc.sentences]
    for gone, kept in merge_retellings(out.statements, doc.text).items():
        folded = [*draft.targets.get(kept, []), *draft.targets.pop(gone, [])]
        draft.targets[kept] = list(dict.fromkeys(folded))
    _drop_headline_only(draft, headline_left(doc.text))
    side = side_of(affiliation)
    given = refine_acts(out.statements, side, draft.targets)
    context = ActContext(given, kinds, doc.text, doc.sentences, draft.sentence_of)
    weigh_acts(out.statements, context, side, draft.targets)
    words_of = {r["id"]: r["text"] for r in out.statements + out.evidence}
    told_in = {st["id"]: [doc.sentence_index(a) for a, _ in st["spans"][1:]]
               for st in out.statements if st.get("spans")}
    for p in propose_links(out.statements, out.evidence, affiliation, kinds, draft.targets, draft.sentence_of,
                           sentence_texts, told_in):
        rec = draft.proposal(
            Link.TABLE,
            Link.PREFIX,
            type=p.type,
            weight=LINK_WEIGHTS.get(p.type),
            note=_rests_on(p.note, words_of.get(p.src, "")),
            confidence=round(p.confidence, 2),
        )
        rec["from"], rec["to"] = p.src, p.dst
        out.links.append(rec)


def _drop_headline_only(draft: Draft, headline: tuple[int, int] | None) -> None:
    """A claim told only in a headline kept in the working copy is no statement (its speaker and the ones
    it accuses then play no part, unless another statement gives them one); told again in the body, it is
    one of that statement's tellings."""
    if headline is None:
        return
    a, b = headline
    out = draft.out
    dropped = [s for s in out.statements if all(a <= x and y <= b for x, y in s.get("spans") or [s["span"]])]
    if not dropped:
        return
    gone = {s["id"] for s in dropped}
    out.statements[:] = [s for s in out.statements if s["id"] not in gone]
    still = {s["speaker"] for s in out.statements}
    still |= {t for s in out.statements for t in draft.targets.get(s["id"], ())}
    for s in dropped:
        for actor in [s["speaker"], *draft.targets.pop(s["id"], [])]:
            if actor not in still:
                draft.used.discard(actor)


def _rests_on(reason: str, words: str) -> str:
    """A proposed link's note: why it was proposed and the words it rests on."""
    short = words if len(words) <= 90 else words[:89].rstrip() + "…"
    return f"{reason}: “{short}”" if short else reason


def actor_records(draft: Draft) -> None:
    """Actor records for the new entities worth proposing (mentioned by name, speaking or accused)."""
    doc, out, used, ts = draft.doc, draft.out, draft.used, draft.ts
    live = doc.reg.live()
    ids = {e.id for e in live}
    by_id = doc.reg.by_id
    # Only the owner of people plays a part by owning ('Kremlin spokesman Dmitry Peskov': Russia; 'keepers
    # at the Fernhollow Zoo'). The owner of a body it names ('Kenya's competition regulator', 'the United
    # Nations human rights office') does not (real-copy design sets: 0 of 6 such owners are actors).
    owners = {by_id[e.affiliation].final().id for e in live if e.affiliation in by_id
              and e.kind in ("person", "group") and not _a_place(by_id[e.affiliation])}
    nationals_only = _owning_only_citizens(live, by_id)
    for ln in out.links:  # an actor folded into another since its link was drawn is that other one
        if ln["to"] in by_id:
            ln["to"] = by_id[ln["to"]].final().id
    targets = {t for found in draft.targets.values() for t in found}
    targets |= {ln["to"] for ln in out.links if ln["type"] == "accuses"}
    told_of = Counter(a for st in out.statements for a in st["about"])
    contested = _subjects_of_disputes(out.statements, by_id, doc.text)
    about = set(told_of) | targets
    reporters = {ev["reported_by"] for ev in out.evidence}
    plays_a_part = used | owners | reporters | targets  # speaks, owns a speaker, reports, or is accused
    in_network = plays_a_part | about
    for e in live:
        if not e.spans and e.id not in used:
            continue
        if e.id not in in_network and not (e.kind == "person" and e.speaker):
            continue  # named in passing ('the Singapore Strait', a byline) or only told or shown something
            # ('told the BBC', 'seen by Reuters'): no part in the network
        if e.kind == "state" and _a_place_here(e.id, used | reporters | targets | contested, owners,
                                                nationals_only, told_of):
            continue  # a country in the words of one plain claim and no other part ('beans smuggled into
            # Guinea'), or its citizens' nationality ('Spain's Ruben Aldaz'): a place, not a party
        if e.placeholder and e.id not in used:
            continue
        if e.kind == "state" and 0 < e.mentions <= e.placed and e.id not in used | owners:
            continue  # only ever a place: 'companies registered in Cyprus'
        if e.kind == "media" and e.id not in plays_a_part:
            continue  # an outlet only named in others' words: 'showed AFP the records', 'seen by the AP'
        if e.kind == "person" and e.placed and e.id not in plays_a_part:
            continue  # a bare name nothing showed to be a person, once written as a place ('homes in
            # Kyzyl-Bel') and otherwise only named inside what others said
        out.actor_spans[e.id] = [list(s) for s in sorted(set(e.spans))]
        out.actor_confidence[e.id] = round(
            e.confidence if e.id in used or e.mentions > 1 else e.confidence * 0.8, 2
        )
        if e.known:
            continue
        aff = by_id[e.affiliation].final().id if e.affiliation in by_id else None
        aff = aff if aff in ids and aff != e.id else None
        if aff is None and e.aff_name:
            found = doc.reg.lookup(e.aff_name)
            aff = (
                found.id
                if found is not None and found.id in out.actor_spans or (found is not None and found.spans)
                else None
            )
        name = _proposed_name(e)
        out.actors.append(
            Actor(
                id=e.id,
                created=ts,
                updated=ts,
                name=name,
                kind=e.kind if e.kind in ("person", "state", "organisation", "group", "media") else "unknown",
                aliases=tuple(dict.fromkeys(a for a in [e.name, *e.aliases, *_described_as_told(e, doc.text),
                                                        *without_its_town(e, name)] if a != name)),
                affiliation=aff,
                role=e.role,
                reliability="F",
                status="proposed",
                origin="extracted",
                confidence=out.actor_confidence[e.id],
            ).to_dict()
        )
    listed = {a["id"] for a in out.actors} | {e.id for e in live if e.known}
    for a in out.actors:
        if a["affiliation"] not in listed:
            a["affiliation"] = None
    for st in out.statements:  # a claim is about no actor left out of the proposal
        st["about"] = [a for a in st["about"] if a in listed]
    out.links[:] = [ln for ln in out.links if ln["to"] not in by_id or ln["to"] in listed]


def _subjects_of_disputes(statements: list[dict], by_id: dict[str, Entity], text: str) -> set[str]:
    """The actors an accusation, denial or threat opens with, its subject: 'Uganda had illegally closed the
    border' (not 'smuggled beans into Guinea', where the country is a place, nor 'A Swiss cable car operator
    skipped …', where it only says whose the operator is)."""
    out = set()
    for st in statements:
        if st["act"] == "claim":
            continue
        start = st["span"][0]
        for a in st["about"]:
            ent = by_id.get(a)
            if ent is not None and any(start <= s <= start + 4 and not _as_adjective(ent.final(), text[s:e])
                                       for s, e in ent.final().spans):
                out.add(a)
    return out


def _as_adjective(ent: Entity, surface: str) -> bool:
    """Whether a state is named by its adjective ('Swiss'), no name or alias of its own."""
    return ent.kind == "state" and fold(surface) not in {fold(ent.name), *(fold(a) for a in ent.aliases)}


def _a_place_here(state: str, parts: set[str], owners: set[str], nationals_only: set[str],
                  told_of: Counter[str]) -> bool:
    """Whether a country plays no part: it does not speak, report, stand accused or come up in a dispute's
    words, it owns no one but its citizens, and at most one plain claim names it (real-copy design sets:
    16 of 17 countries named in one claim were no actor)."""
    return state not in parts and (state not in owners or state in nationals_only) and told_of[state] <= 1


def _a_place(owner: Entity) -> bool:
    """Whether what someone belongs to is a place after all: a bare name read as a person's, never shown to
    be one, and written as a place's ('Marta Ruiz, who grows cherries in San Telmo'; 'homes in San Telmo')."""
    owner = owner.final()
    return owner.kind == "person" and owner.placed > 0 and not owner.role and not owner.speaker


def _owning_only_citizens(live: list[Entity], by_id: dict[str, Entity]) -> set[str]:
    """States that own people only as their nationality: none of them holds one of its offices ('Spanish
    grandmaster Ruben Aldaz', not 'Kremlin spokesman Dmitry Peskov' or 'Tajik border guards')."""
    offices = wl.name_words()["state_offices"]
    members: dict[str, list[Entity]] = {}
    for e in live:
        owner = by_id[e.affiliation].final() if e.affiliation in by_id else None
        if owner is not None and owner.kind == "state" and e.kind in ("person", "group"):
            members.setdefault(owner.id, []).append(e)
    return {state for state, people in members.items()
            if not any(set(fold(f"{p.role or ''} {p.name}").split()) & offices for p in people)}


def _described_as_told(e: Entity, text: str) -> list[str]:
    """The words an unnamed source is described by where the story first tells of it, as a surface form of
    its own ('A machine operator who worked on the site'), when they are a short phrase (two to ten words)."""
    if "unnamed" not in e.tags or not e.spans:
        return []
    a, b = min(e.spans)
    words = " ".join(text[a:b].split()).strip(" ,")
    return [words] if 2 <= len(words.split()) <= 10 and words.lower() != e.name.lower() else []


def _proposed_name(e: Entity) -> str:
    """An unnamed source's one whole description ('Doctors at the district hospital'), else its name; two
    descriptions mean two groups were told as one, and the head they share ('nurses') names them."""
    if "unnamed" in e.tags and len(e.full_descriptions) == 1:
        return next(iter(e.full_descriptions))
    return e.name
