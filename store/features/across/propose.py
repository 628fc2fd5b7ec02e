"""What an import proposes across sources: its actors matched to stored ones, and links from its
statements and evidence to stored ones making the same claim or answering one.

The importer calls ``propose_across`` after extraction and before the proposals are applied; the
extraction is rewritten in place so matched actors' records point at the stored actor, and the extra
links and the reasons for every match come back to be added with the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store import model
from store.ids import new_id, now

from .actor_match import ActorMatch, actor_keys, match_actor
from .claim_index import claim_index, item_of
from .claim_match import ClaimLink, match_items

if TYPE_CHECKING:
    from store.core import Store
    from store.extract.extract import Extraction

#: The key under which an import's history entry keeps what was matched across sources.
DETAILS_KEY = "across"


@dataclass(slots=True)
class AcrossProposals:
    """Actor matches made (already applied to the extraction) and links to add, each with why."""

    actors: list[ActorMatch] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    reasons: dict[str, ClaimLink] = field(default_factory=dict)

    def details(self) -> dict[str, Any]:
        """The JSON kept in the import's history entry for the review queue."""
        return {DETAILS_KEY: {
            "actors": [m.to_dict() for m in self.actors],
            "links": [{"id": lid, "from": r.from_id, "to": r.to_id, "type": r.type, "why": r.why,
                       "confidence": r.confidence} for lid, r in self.reasons.items()],
        }}


def propose_across(store: Store, extraction: Extraction) -> AcrossProposals:
    """Match the extraction's actors and claims against the store; rewrites ``extraction`` in place."""
    out = AcrossProposals()
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

    news = [item_of("statements", s) for s in extraction.statements]
    news += [item_of("evidence", e) for e in extraction.evidence]
    index = claim_index(store)
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

    def sources_of(actor_id: str) -> set[str]:
        return {s.source for s in store.statements_for_actor(actor_id) if s.source}

    context: set[str] = set()
    for actor_id in known:
        context |= sources_of(actor_id)
    matches = []
    for actor in extraction.actors:
        found = match_actor(keys, actor, context, sources_of)
        if found is not None:
            matches.append(found)
            context |= sources_of(found.actor)
    return matches


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
