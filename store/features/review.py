"""Reviewing an import's proposals: accept or reject actors, statements, evidence and links as one
undoable change each, with what follows from the decision.

- Rejecting a statement or evidence rejects the links proposed from or to it.
- Accepting a statement or evidence accepts the actor proposed as its speaker or reporter.
- Rejecting (dropping) a proposed actor removes it with its proposals; it is refused while accepted
  records depend on it (change their speaker first).
- A proposed actor left with nothing after a decision (every statement, evidence and link touching it
  rejected) is removed with those rejected proposals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import NotFound, StaleChange, ValidationError
from claimnet.store.model.ids import now
from claimnet.store.network.dependents import removal_ops
from claimnet.store.network.history import label
from claimnet.store.network.validate import validate

from .across.match_review import MatchProposal, accept_ops, decisions

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

PROPOSED, ACCEPTED, REJECTED = model.STATUSES
# What a planned change is: (history summary, ops, history details).
_Plan = tuple[str, list[list[Any]], dict[str, Any] | None]


def decide(store: Store, ids: list[str], status: str, summary: str | None = None,
           matches: Sequence[MatchProposal] = (), still: str | None = None,
           skip_decided: bool = False) -> int:
    """Set the review status of ``ids`` and what follows from it, as one change; records changed.

    ``matches`` (actor matches across sources, accepted only) are kept in the same change. With
    ``still``, each record must still have that status (a reviewer decides what was shown, never what
    another session decided meanwhile); with ``skip_decided``, what is no longer proposed is left out.
    """
    if status not in model.STATUSES:
        raise ValidationError(f"status must be one of {', '.join(model.STATUSES)}, not {status!r}.",
                              field="status")
    def plan() -> _Plan:
        if still is not None:
            _refuse_if_decided(store, ids, still)
        todo = [rid for rid in ids if (store.raw(rid) or {}).get("status") == PROPOSED] \
            if skip_decided else ids
        ops = decision_ops(store, todo, status)
        if matches and status == ACCEPTED:
            ops = _with_matches(store, ops, matches)
        what = summary or f"{'accept' if status == ACCEPTED else 'reject'} {_named(store, ids)}"
        return what, ops, decisions(list(matches), ACCEPTED) if matches else None

    return store.apply_fresh(plan)


def _with_matches(store: Store, ops: list[list[Any]], matches: Sequence[MatchProposal]) -> list[list[Any]]:
    """The ops with each match's new aliases added to its stored actor (decided or not)."""
    by_id = {op[1]: op for op in ops}
    for match in matches:
        for table, rid, record in accept_ops(store, match):
            pending = by_id.get(rid)
            if pending is not None and pending[2] is None:
                continue  # the actor goes in this very change
            if pending is None:
                by_id[rid] = pending = [table, rid, record]
                ops.append(pending)
            known = {a.casefold() for a in [pending[2]["name"], *pending[2]["aliases"]]}
            new = [a for a in record["aliases"] if a.casefold() not in known]
            pending[2] = {**pending[2], "aliases": [*pending[2]["aliases"], *new]}
    return ops


def _refuse_if_decided(store: Store, ids: list[str], still: str) -> None:
    """One sentence when another session decided one of ``ids`` since it was shown."""
    for rid in ids:
        record = store.raw(rid)
        if record is not None and record.get("status") != still:
            raise StaleChange(f"{label(record)} was {record.get('status')} meanwhile in another session; "
                              "nothing was changed.")


def reattribute(store: Store, record_id: str, field: str, actor_id: str) -> int:
    """Give a proposal another speaker (``speaker``) or reporter (``reported_by``), as one change; the
    proposed actor it had, when the import made it and nothing else refers to it, goes with it."""
    if field not in ("speaker", "reported_by"):
        raise ValidationError(f"{field} is neither a speaker nor a reporter.", field=field)
    def plan() -> _Plan:
        record = store.raw(record_id)
        if record is None:
            raise NotFound(f"There is no record with id {record_id!r}.")
        table = model.table_of_id(record_id)
        moved = {**record, field: actor_id, "updated": now()}
        validate(table, moved, store.raw)
        ops: list[list[Any]] = [[table, record_id, moved]]
        old = record.get(field)
        gone = store.raw(old) if old and old != actor_id else None
        if gone and gone.get("status") == PROPOSED and gone.get("origin") == "extracted" and not any(
                (store.raw(rid) or {}).get("status") != REJECTED
                for rid in _users(store, old) if rid != record_id):
            ops += [op for op in removal_ops(store, old, cascade=True) if op[1] != record_id]
        summary = (f"{field.replace('_', ' ')} of {label(record)} is now "
                   f"{label(store.raw(actor_id) or {'id': actor_id})}")
        return summary, _detached(ops), None

    return store.apply_fresh(plan)


def _named(store: Store, ids: list[str]) -> str:
    """How a decision names what it decided: one record's label, or a count."""
    if len(ids) == 1:
        return label(store.raw(ids[0]) or {"id": ids[0]})
    return f"{len(ids)} proposals"


def decision_ops(store: Store, ids: list[str], status: str) -> list[list[Any]]:
    """The whole-record ops that set ``status`` on ``ids`` and carry out what follows (module doc)."""
    stamp = now()
    changed: dict[str, dict[str, Any]] = {}

    def current(rid: str) -> dict[str, Any] | None:
        return changed.get(rid) or store.raw(rid)

    def set_status(rid: str, value: str) -> None:
        record = current(rid)
        if record is not None and record.get("status") != value:
            changed[rid] = {**record, "status": value, "updated": stamp}

    dropped: list[str] = []
    for rid in ids:
        kind = model.kind_of_id(rid)
        record = current(rid)
        if record is None:
            raise NotFound(f"There is no record with id {rid!r}; another session may have deleted it.")
        if kind == "actor" and status == REJECTED:
            dropped.append(rid)
            continue
        set_status(rid, status)
        if kind in ("statement", "evidence") and status == REJECTED:
            for link in store.links_of(rid):
                if current(link.id)["status"] == PROPOSED:
                    set_status(link.id, REJECTED)
        if kind in ("statement", "evidence") and status == ACCEPTED:
            who = record.get("speaker") or record.get("reported_by")
            if who and (current(who) or {}).get("status") == PROPOSED:
                set_status(who, ACCEPTED)
    touched = {a for rid in changed for a in _actors_of(current(rid))}
    gone: list[str] = []
    for actor_id in dropped:
        _refuse_if_accepted(store, actor_id, current)
        gone.append(actor_id)
    left = sorted(touched - set(dropped))
    while True:  # an actor only its removed affiliates belonged to goes too, in any order
        more = [actor_id for actor_id in left if actor_id not in gone and _unused_proposal(
            store, actor_id, current, set(gone))]
        if not more:
            break
        gone += more
    planned = [op for actor_id in gone for op in removal_ops(store, actor_id, cascade=True)]
    deleted = {rid for _table, rid, record in planned if record is None}
    ops: list[list[Any]] = [[t, rid, None] for t, rid in dict.fromkeys((t, r) for t, r, rec in planned
                                                                        if rec is None)]
    rewritten: set[str] = set()
    for table, rid, record in planned:  # a deletion wins over another removal's rewrite
        if record is None or rid in deleted or rid in rewritten:
            continue
        rewritten.add(rid)
        if rid in changed:  # detached from the actor and decided as well
            record = {**record, "status": changed[rid]["status"], "updated": stamp}
        ops.append([table, rid, record])
    ops += [[model.table_of_id(rid), rid, rec] for rid, rec in changed.items()
            if rid not in deleted and rid not in rewritten]
    return _detached(ops)


def _detached(ops: list[list[Any]]) -> list[list[Any]]:
    """The ops with every kept record cleared of the actors deleted (several removals may touch one)."""
    deleted = {rid for _table, rid, record in ops if record is None}
    for op in ops:
        record = op[2]
        if record is None:
            continue
        if any(a in deleted for a in record.get("about", ())):
            record = {**record, "about": [a for a in record["about"] if a not in deleted]}
        for key in ("reported_by", "affiliation"):
            if record.get(key) in deleted:
                record = {**record, key: None}
        op[2] = record
    return ops


def _actors_of(record: dict[str, Any] | None) -> list[str]:
    """The actors a record points at: speaker, reporter, the accused or answered end of a link."""
    if not record:
        return []
    out = [record.get("speaker"), record.get("reported_by"), *record.get("about", ())]
    out += [record.get("from"), record.get("to")]
    return [a for a in out if isinstance(a, str) and model.kind_of_id(a) == "actor"]


def _users(store: Store, actor_id: str) -> list[str]:
    """Every record that refers to an actor: what it said, what is about it, what it reported, its links,
    the actors that belong to it and the annotations on it."""
    out = [s.id for s in store.statements_by(actor_id)] + [s.id for s in store.statements_about(actor_id)]
    out += [e.id for e in store.evidence_reported_by(actor_id)] + [ln.id for ln in store.links_of(actor_id)]
    out += [a.id for a in store.affiliates(actor_id)] + [a.id for a in store.annotations_of(actor_id)]
    return out


def _still_used(store: Store, actor_id: str, current: Any, gone: set[str] = frozenset()) -> bool:
    """Whether anything not rejected and not being removed still refers to an actor (an annotation always
    counts)."""
    return any(rid not in gone and (current(rid) or {}).get("status") != REJECTED
               for rid in _users(store, actor_id))


def _unused_proposal(store: Store, actor_id: str, current: Any, gone: set[str]) -> bool:
    """Whether an actor the import proposed is left with nothing once ``gone`` are removed."""
    actor = current(actor_id)
    return bool(actor) and actor.get("status") == PROPOSED and actor.get("origin") == "extracted" \
        and not _still_used(store, actor_id, current, gone)


def _refuse_if_accepted(store: Store, actor_id: str, current: Any) -> None:
    """Dropping an actor takes its proposals with it, never a record someone accepted or wrote: an
    accepted statement, an actor that belongs to it, an analyst's annotation on it."""
    kept = [rid for rid in _users(store, actor_id)
            if (current(rid) or {}).get("status", ACCEPTED) == ACCEPTED and rid != actor_id]
    if kept:
        raise ValidationError(
            f"{label(store.raw(actor_id))} has {len(kept)} accepted or annotated record(s) "
            f"({', '.join(kept[:3])}); change their speaker or merge the actor instead of dropping it.",
            field="status")
