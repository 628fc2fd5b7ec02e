"""What depends on a record, and the changes that delete it together with its dependents.

Deleting an actor takes its statements (and what hangs on those), links and annotations with it,
and clears it from other records (``about`` lists, ``affiliation``, ``reported_by``); deleting a
source keeps its statements and evidence but clears their source and span. Without ``cascade``
a delete with dependents is refused with the list.
"""

from __future__ import annotations

from typing import Any

from claimnet.store import model
from claimnet.store.model.errors import DependentsExist
from claimnet.store.model.ids import now

from .queries import QueriesMixin


def _plan(store: QueriesMixin, record_id: str) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Ids to delete (``record_id`` first) and records to rewrite, keyed by id."""
    deleted: list[str] = []
    rewritten: dict[str, dict[str, Any]] = {}
    queue = [record_id]
    while queue:
        rid = queue.pop(0)
        if rid in deleted:
            continue
        deleted.append(rid)
        rewritten.pop(rid, None)
        queue.extend(a.id for a in store.annotations_of(rid))
        kind = model.kind_of_id(rid)
        if kind in ("statement", "evidence", "actor"):
            queue.extend(link.id for link in store.links_of(rid))
        if kind == "actor":
            queue.extend(s.id for s in store.statements_by(rid))
            for statement in store.statements_about(rid):
                _rewrite(store, rewritten, deleted, statement.id, about=lambda r, gone=rid: [
                    a for a in r["about"] if a != gone])
            for actor in store.affiliates(rid):
                _rewrite(store, rewritten, deleted, actor.id, affiliation=lambda r: None)
            for evidence in store.evidence_reported_by(rid):
                _rewrite(store, rewritten, deleted, evidence.id, reported_by=lambda r: None)
        elif kind == "source":
            for item in store.records_from_source(rid):
                changes = {"source": lambda r: None, "span": lambda r: None}
                if "spans" in store.raw(item.id):
                    changes["spans"] = lambda r: []  # the tellings pointed into the same text
                _rewrite(store, rewritten, deleted, item.id, **changes)
    return deleted, rewritten


def _rewrite(store: QueriesMixin, rewritten: dict, deleted: list[str], rid: str, **changes) -> None:
    if rid in deleted:
        return
    record = rewritten.get(rid) or dict(store.raw(rid))
    for key, compute in changes.items():
        record[key] = compute(record)
    rewritten[rid] = record


def dependents_of(store: QueriesMixin, record_id: str) -> list[str]:
    """The ids that a cascading delete of ``record_id`` would remove or change."""
    deleted, rewritten = _plan(store, record_id)
    return [rid for rid in deleted if rid != record_id] + sorted(rewritten)


def removal_ops(store: QueriesMixin, record_id: str, cascade: bool) -> list[list[Any]]:
    """The ops that delete ``record_id``; refused if it has dependents and not ``cascade``."""
    deleted, rewritten = _plan(store, record_id)
    others = [rid for rid in deleted if rid != record_id] + sorted(rewritten)
    if others and not cascade:
        shown = ", ".join(others[:8]) + (f" and {len(others) - 8} more" if len(others) > 8 else "")
        raise DependentsExist(
            f"{record_id} has {len(others)} dependent record(s) ({shown}); "
            "delete with cascade to remove or detach them too.",
            others,
        )
    stamp = now()
    ops: list[list[Any]] = [[model.table_of_id(rid), rid, None] for rid in deleted]
    for rid, record in rewritten.items():
        record["updated"] = stamp
        ops.append([model.table_of_id(rid), rid, record])
    return ops
