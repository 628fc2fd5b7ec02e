"""Reviewing an import's actor matches across sources: accept one (its names become the stored actor's
aliases) or split it (a new actor takes back the records the match moved), each one undoable change.

A match lives in the import's history entry (``details["across"]["actors"]``); a decision is a history
entry whose ``details["across_decisions"]`` names it, so undoing the decision brings the match back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import StaleChange, ValidationError
from claimnet.store.model.ids import new_id, now
from claimnet.store.network.history import DONE

from .propose import DETAILS_KEY

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

DECISION_KEY = "across_decisions"


@dataclass(frozen=True, slots=True)
class MatchProposal:
    """An actor of an import taken to be a stored one, and what the reviewer decided of it."""

    source_id: str
    proposed_id: str
    actor: str
    names: tuple[str, ...]
    kind: str
    why: str
    confidence: float
    records: tuple[str, ...]
    state: str = "proposed"  # proposed, accepted or split


def actor_matches(store: Store, source_id: str) -> list[MatchProposal]:
    """The actor matches the import of ``source_id`` made, each with the reviewer's decision so far."""
    found: list[dict[str, Any]] = []
    decided: dict[str, str] = {}
    for entry in store.history():  # newest first
        details = entry.details or {}
        for decision in details.get(DECISION_KEY, ()) if entry.state == DONE else ():
            if decision.get("source") == source_id:
                decided.setdefault(decision["proposed_id"], decision["decision"])
        if DETAILS_KEY in details and entry.state == DONE and any(
                c["id"] == source_id and c["before"] is None for c in entry.changes):
            found = details[DETAILS_KEY].get("actors", [])
    return [MatchProposal(source_id, m["proposed_id"], m["actor"], tuple(m["names"]), m["kind"], m["why"],
                          m["confidence"], tuple(m.get("records", ())),
                          decided.get(m["proposed_id"], "proposed"))
            for m in found if store.raw(m["actor"]) is not None]


def accept_ops(store: Store, match: MatchProposal) -> list[list[Any]]:
    """The ops that keep a match: the names it came under join the stored actor's aliases."""
    actor = dict(store.raw(match.actor) or {})
    if not actor:
        raise ValidationError(f"The actor {match.actor} is no longer in the store.", field="actor")
    known = {n.casefold() for n in [actor["name"], *actor["aliases"]]}
    new = [n for n in match.names if n.casefold() not in known]
    actor.update(aliases=[*actor["aliases"], *new], updated=now())
    return [["actors", match.actor, actor]]


def decisions(matches: list[MatchProposal], decision: str) -> dict[str, Any]:
    """The history details that record a decision on matches (undoing the entry takes it back)."""
    return {DECISION_KEY: [{"source": m.source_id, "proposed_id": m.proposed_id, "decision": decision}
                           for m in matches]}


def accept_match(store: Store, match: MatchProposal) -> model.Actor:
    """Keep the match: the names it came under become the stored actor's aliases."""
    _apply(store, match, "accepted", f"accept that “{match.names[0]}” is {_name(store, match.actor)}",
           lambda: accept_ops(store, match))
    return model.Actor.from_dict(store.raw(match.actor))


def split_match(store: Store, match: MatchProposal) -> model.Actor:
    """Undo the match: a new actor under the first name takes back the records the match moved."""
    new_actor = model.defaults("actors")
    stamp = now()
    new_actor.update(id=new_id(model.Actor.PREFIX, store.storage.tables["actors"]), name=match.names[0],
                     kind=match.kind if match.kind in model.ACTOR_KINDS else "unknown",
                     aliases=list(match.names[1:]), created=stamp, updated=stamp)

    def ops() -> list[list[Any]]:
        out: list[list[Any]] = [["actors", new_actor["id"], new_actor]]
        for rid in match.records:
            record = store.raw(rid)
            if record is None:
                continue
            moved = dict(record)
            for key in ("speaker", "reported_by"):
                if moved.get(key) == match.actor:
                    moved[key] = new_actor["id"]
            if match.actor in moved.get("about", ()):
                moved["about"] = [new_actor["id"] if a == match.actor else a for a in moved["about"]]
            if moved != record:
                moved["updated"] = stamp
                out.append([model.table_of_id(rid), rid, moved])
        mine = set(match.records)
        for link in store.links_of(match.actor):  # 'accuses' from the article's statements come back too
            raw = store.raw(link.id)
            if raw and raw["to"] == match.actor and raw["from"] in mine:
                out.append(["links", link.id, {**raw, "to": new_actor["id"], "updated": stamp}])
        return out

    _apply(store, match, "split", f"split “{match.names[0]}” from {_name(store, match.actor)}", ops)
    return model.Actor.from_dict(store.raw(new_actor["id"]))


def _name(store: Store, actor_id: str) -> str:
    return (store.raw(actor_id) or {}).get("name", actor_id)


def _apply(store: Store, match: MatchProposal, decision: str, summary: str, build: Any) -> None:
    """Write a decision's ops with its details, planned on the newest state: refused when the match was
    decided or undone meanwhile."""
    details = decisions([match], decision)

    def plan() -> tuple[str, list[list[Any]], dict[str, Any]]:
        now_state = next((m.state for m in actor_matches(store, match.source_id)
                          if m.proposed_id == match.proposed_id), None)
        if now_state != "proposed":
            raise StaleChange(f"The match of “{match.names[0]}” was {now_state or 'undone'} meanwhile; "
                              "nothing was changed.")
        return summary, build(), details

    store.apply_fresh(plan)
