"""What an import proposes across sources: its actors matched to stored ones, and links from its
statements and evidence to stored ones making the same claim or answering one.

The importer calls ``propose_across`` after extraction and before the proposals are applied; the
extraction is rewritten in place so matched actors' records point at the stored actor, and the extra
links and the reasons for every match come back to be added with the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.ids import new_id, now

from .actor_match import ActorMatch, actor_keys, match_actor
from .claim_index import claim_index, item_of
from .claim_match import ClaimLink, match_items

if TYPE_CHECKING:
    from claimnet.store.features.extract.extract import Extraction
    from claimnet.store.network.core import Store

#: The key under which an import's history entry keeps what was matched across sources.
DETAILS_KEY = "across"


@dataclass(slots=True)
class AcrossProposals:
    """Actor matches made (already applied to the extraction) and links to add, each with why."""

    actors: list[ActorMatch] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    reasons: dict[str, ClaimLink] = field(default_factory=dict)
    kept_apart: list[dict[str, Any]] = field(default_factory=list)

    def details(self) -> dict[str, Any]:
        """The JSON kept in the import's history entry for the review queue."""
        return {DETAILS_KEY: {
            "actors": [m.to_dict() for m in self.actors],
            "links": [{"id": lid, "from": r.from_id, "to": r.to_id, "type": r.type, "why": r.why,
                       "confidence": r.confidence} for lid, r in self.reasons.items()],
            "kept_apart": self.kept_apart,
        }}


def propose_across(store: Store, extraction: Extraction, text: str = "") -> AcrossProposals:
    """Match the extraction's actors and claims against the store; rewrites ``extraction`` in place.

    ``text`` is the article's: with it, a stored actor the extraction found only under a common noun
    ("the union", "residents") is kept apart as a new actor of this article (precision first).
    """
    out = AcrossProposals()
    if text:
        out.kept_apart = _keep_apart_generic(store, extraction, text)
    out.actors = _match_actors(store, extraction)
    _repoint(extraction, out.actors)
    affiliation = {a["id"]: a.get("affiliation") for a in extraction.actors}

    def side(actor_id: str | None) -> set[str]:
        if actor_id is None:
            return set()
        parent = affiliation.get(actor_id) if actor_id in affiliation else (store.raw(actor_id) or {}).get(
            "affiliation")
        return {actor_id, parent} - {None}

    def same_side(a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and (a == b or a in side(b) or b in side(a))

    index = claim_index(store)
    if not len(index):
        return out  # nothing stored to match (an empty store's first import): no claim need be read
    news = [item_of("statements", s) for s in extraction.statements]
    news += [item_of("evidence", e) for e in extraction.evidence]
    stamp = now()
    with_status = "status" in model.field_names("links")
    for proposal in match_items(index, news, same_side):
        record = model.defaults("links")
        record.update({"id": new_id(model.Link.PREFIX), "created": stamp, "updated": stamp,
                       "from": proposal.from_id, "to": proposal.to_id, "type": proposal.type,
                       "note": proposal.why})
        if with_status:  # the lead's proposed links: reviewed like statements
            record.update(status="proposed", origin="extracted", confidence=proposal.confidence)
        out.links.append(record)
        out.reasons[record["id"]] = proposal
    return out


def _match_actors(store: Store, extraction: Extraction) -> list[ActorMatch]:
    """The stored actors the extraction's new actors are, most certain matches first."""
    keys = actor_keys(store)
    new_ids = {a["id"] for a in extraction.actors}
    known = {s["speaker"] for s in extraction.statements} | {
        a for s in extraction.statements for a in s["about"]}
    known = {a for a in known if a not in new_ids and store.raw(a) is not None}
    matches: list[ActorMatch] = []

    def sources_of(actor_id: str) -> set[str]:
        said = [*store.statements_by(actor_id), *store.statements_about(actor_id)]
        return {s.source for s in said if s.source}

    def story() -> set[str]:
        """The sources of the article's actors already known (read only when a surname needs it)."""
        out: set[str] = set()
        for actor_id in known | {m.actor for m in matches}:
            out |= sources_of(actor_id)
        return out

    for actor in extraction.actors:
        found = match_actor(keys, actor, story, sources_of)
        if found is not None:
            matches.append(found)
    return matches


def _keep_apart_generic(store: Store, extraction: Extraction, text: str) -> list[dict[str, Any]]:
    """Stored actors the extractor found here only under common words ("the union") become new actors."""
    new_ids = {a["id"] for a in extraction.actors}
    kept = []
    for aid, spans in list(extraction.actor_spans.items()):
        stored = store.raw(aid) if aid not in new_ids else None
        surfaces = [text[s:e] for s, e in spans if 0 <= s < e <= len(text)]
        if stored is None or not surfaces or any(_names_it(f, stored) for f in surfaces):
            continue
        name = max(surfaces, key=len).strip()
        name = name[4:] if name.lower().startswith("the ") else name
        actor = model.defaults("actors")
        actor.update(id=new_id(model.Actor.PREFIX), name=name, kind=stored["kind"], created=now(),
                     updated=now(), status="proposed", origin="extracted", confidence=0.6)
        _repoint(extraction, [ActorMatch(aid, actor["id"], [name], stored["kind"], "", 0.0)])
        extraction.actors.append(actor)
        kept.append({"actor": actor["id"], "not": aid, "names": sorted(set(surfaces)),
                     "why": f"only common words ('{name}') named it here, not {stored['name']}"})
    return kept


def _names_it(surface: str, actor: dict[str, Any]) -> bool:
    """Whether a mention carries a capitalised word of the actor's name or aliases ("Mr Hwang", "Seoul")."""
    proper = {w for n in [actor["name"], *actor.get("aliases", ())] for w in n.split() if w[:1].isupper()}
    return any(w.strip(".,'’s") in proper or w in proper for w in surface.split())


def _repoint(extraction: Extraction, matches: list[ActorMatch]) -> None:
    """Make the extraction's records point at the stored actors its new actors were matched to."""
    if not matches:
        return
    moved = {m.proposed_id: m.actor for m in matches}
    by_match = {m.proposed_id: m for m in matches}
    extraction.actors = [a for a in extraction.actors if a["id"] not in moved]
    for actor in extraction.actors:
        if actor.get("affiliation") in moved:
            actor["affiliation"] = moved[actor["affiliation"]]
    for st in extraction.statements:
        touched = [a for a in [st["speaker"], *st["about"]] if a in moved]
        st["speaker"] = moved.get(st["speaker"], st["speaker"])
        st["about"] = [a for a in dict.fromkeys(moved.get(a, a) for a in st["about"]) if a != st["speaker"]]
        for old in touched:
            by_match[old].records.append(st["id"])
    for ev in extraction.evidence:
        if ev.get("reported_by") in moved:
            by_match[ev["reported_by"]].records.append(ev["id"])
            ev["reported_by"] = moved[ev["reported_by"]]
    for link in extraction.links:
        link["from"], link["to"] = moved.get(link["from"], link["from"]), moved.get(link["to"], link["to"])
    for table in (extraction.actor_spans, extraction.actor_confidence):
        for old, new in moved.items():
            if old in table:
                table.setdefault(new, table.pop(old))
