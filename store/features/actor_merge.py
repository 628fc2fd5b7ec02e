"""Merging two actors that are one (an imported "Mr Shin" and the existing "Shin Wonsik").

Every reference to the merged actor moves to the kept one (speaker, about, affiliation,
reported_by, link ends, annotation targets); its name and aliases become aliases of the kept
actor; nothing else is lost, and the merge is one undoable change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import ValidationError
from claimnet.store.model.ids import now
from claimnet.store.network import history as hist
from claimnet.store.network.dependents import removal_ops

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

_ACTOR_REFS = {
    "statements": ("speaker", "about"),
    "actors": ("affiliation",),
    "evidence": ("reported_by",),
    "links": ("from", "to"),
    "annotations": ("target",),
}


def merge_actors(store: Store, keep_id: str, gone_id: str) -> model.Actor:
    """Fold actor ``gone_id`` into ``keep_id`` (references and aliases move); the kept actor."""
    def plan() -> tuple[str, list[list[Any]]]:
        ops = merge_ops(store, keep_id, gone_id)
        return f"merge actor {hist.label(store.raw(gone_id))} into {hist.label(ops[0][2])}", ops

    return model.Actor.from_dict(store.apply_planned(plan)[0][2])


def merge_ops(store: Store, keep_id: str, gone_id: str) -> list[list[Any]]:
    """The ops that fold actor ``gone_id`` into actor ``keep_id``."""
    keep, gone = store.raw(keep_id), store.raw(gone_id)
    for rid, record in ((keep_id, keep), (gone_id, gone)):
        if record is None or model.kind_of_id(rid) != "actor":
            raise ValidationError(f"{rid!r} is not an actor in this store.", field="id")
    if keep_id == gone_id:
        raise ValidationError("An actor cannot be merged into itself.", field="id")
    stamp = now()
    changed: dict[str, dict[str, Any]] = {}
    for table, fields in _ACTOR_REFS.items():
        for rid, record in store.storage.tables[table].items():
            if rid in (keep_id, gone_id):
                continue
            updated = _repoint(record, fields, gone_id, keep_id)
            if updated is not None:
                changed[rid] = dict(updated, updated=stamp)
    merged = dict(keep, updated=stamp)
    if merged.get("affiliation") == gone_id:  # a ministry merged into its own state
        parent = gone.get("affiliation")
        merged["affiliation"] = parent if parent != keep_id else None
    names = [gone["name"], *gone["aliases"]]
    merged["aliases"] = list(dict.fromkeys(
        [*keep["aliases"], *(n for n in names if n != keep["name"])]))
    for field in ("role", "affiliation"):
        if not merged.get(field) and gone.get(field) not in (None, keep_id):
            merged[field] = gone[field]
    ops = [["actors", keep_id, merged], ["actors", gone_id, None]]
    ops += [[model.table_of_id(rid), rid, record] for rid, record in changed.items()]
    return _drop_duplicate_links(store, ops)


def _repoint(record: dict[str, Any], fields: tuple[str, ...], gone: str, keep: str) -> dict | None:
    updated = None
    for field in fields:
        value = record.get(field)
        if value == gone:
            updated = dict(updated or record, **{field: keep})
        elif isinstance(value, list) and gone in value:
            moved = [keep if v == gone else v for v in value]
            updated = dict(updated or record, **{field: list(dict.fromkeys(moved))})
    return updated


def _drop_duplicate_links(store: Store, ops: list[list[Any]]) -> list[list[Any]]:
    """Links that become duplicates (or self links) after the move are deleted instead."""
    seen: set[tuple[str, str, str]] = set()
    rewritten = {rid for table, rid, _rec in ops if table == "links"}
    for rid, link in store.storage.tables["links"].items():
        if rid not in rewritten:
            seen.add((link["from"], link["to"], link["type"]))
    out = []
    for table, rid, record in ops:
        if table == "links" and record is not None:
            key = (record["from"], record["to"], record["type"])
            if key in seen or record["from"] == record["to"]:
                out += removal_ops(store, rid, cascade=True)  # with notes on notes on it
                continue
            seen.add(key)
        out.append([table, rid, record])
    return out
