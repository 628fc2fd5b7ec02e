"""Merging another copy of a store into this one: three-way by record id, as one undoable change.

Two copies of a store that went separate ways share the beginning of their history (history
entries are numbered by sequence and carry time, analyst and summary, so the shared part is the
longest common prefix). The *base* is the state both copies had where they parted: each side's
state there is rebuilt from its own history (each record as it is now, with every later change
taken back, newest first: the history keeps the fields each change found and left). After an
earlier merge, the base moves on: a merge records the other side's newest history entry
(``theirs_head``), and the newest such point found in either history (still done, not undone)
replaces the fork when it is later. Then, per record id:

- the same on both sides: nothing to do;
- changed (added, edited or deleted) on one side only: that side's version is taken;
- changed on both sides, one side deleted it: the edited version is kept and reported
  (*kept despite delete*);
- changed on both sides to different versions: a *conflict*; ``prefer="ours"`` or ``"theirs"``
  decides, else the version with the newer ``updated`` time wins (ours on a tie);
- no base known (the two sides' rebuilt bases differ, say for stores made separately): a record
  on one side only is added, a record on both sides that differs is a conflict.

Annotations are records like any other, so new annotations from both sides are all kept. The
result must stand as a whole: a record that something kept still refers to is kept too (a
deletion is cancelled, or the record restored from the other side, and reported); a record from
the other side that would break a rule here (a duplicate link, a span outside a changed text) is
left out and reported as *refused* (annotations on a duplicate link move to the link kept).
Actors added by the merge whose name or alias matches another actor are reported as duplicate
candidates. The whole merge is one history entry, so ``store.undo()`` takes it back in one step;
the entry's ``details["merge"]`` keeps each conflict's losing version and the other side's head.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from claimnet.store import model
from claimnet.store.engine.document import (
    HISTORY_TABLE,
    SCHEMA_VERSION,
    check_document,
    read_store_bytes,
)
from claimnet.store.engine.journal import read_journal
from claimnet.store.engine.migrate import MIGRATIONS
from claimnet.store.model.errors import StoreError, StoreFileError, ValidationError
from claimnet.store.model.ids import now
from claimnet.store.model.textnorm import normalise
from claimnet.store.network import history as hist
from claimnet.store.network.portable import FORMAT, check_network
from claimnet.store.network.validate import validate

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

Record = dict[str, Any]
UNKNOWN: Any = object()  # a base that cannot be rebuilt
_REFS = {"statements": ("speaker", "source", "about"), "evidence": ("reported_by", "source"),
         "actors": ("affiliation",), "links": ("from", "to"), "annotations": ("target",),
         "sources": ()}


@dataclass
class Side:
    """One copy's records by id and its history entries in sequence order."""

    records: dict[str, Record]
    history: list[Record]

    @classmethod
    def of_tables(cls, tables: dict[str, dict[str, Record]]) -> Side:
        """A side from a store's tables (refused with a sentence if its history is malformed)."""
        records = {rid: r for t in model.RECORD_TABLES for rid, r in tables.get(t, {}).items()}
        history = list(tables.get(HISTORY_TABLE, {}).values())
        for entry in history:
            sound = (
                isinstance(entry, dict)
                and isinstance(entry.get("seq"), int)
                and isinstance(entry.get("changes"), list)
                and all(isinstance(c, dict) and {"id", "before"} <= set(c) for c in entry["changes"])
            )
            if not sound:
                raise StoreFileError("The other store's history is malformed; it cannot be merged.")
        return cls(records, sorted(history, key=lambda e: e["seq"]))

    def at(self, seq: int) -> dict[str, Any]:
        """Records whose value at sequence ``seq`` may differ from now, with that value (or UNKNOWN).

        The history keeps what each change did (fields before and after, records added or
        removed), so the value then is rebuilt from the value now by taking back every later
        change, newest first.
        """
        then: dict[str, Any] = {}
        for entry in reversed(self.history):
            if entry["seq"] <= seq:
                break
            for change in reversed(entry["changes"]):
                rid = change["id"]
                image = then[rid] if rid in then else self.records.get(rid)
                then[rid] = hist.earlier(change, image)
        return {rid: UNKNOWN if image is hist.UNKNOWN else image for rid, image in then.items()}


def load_side(path: str) -> Side:
    """Read another store (or a claimnet JSON export) without changing or locking it for writing."""
    if not os.path.isfile(path):
        raise StoreFileError(f"There is no store at {path}.")
    lock = None
    if os.path.exists(path + ".lock"):
        with contextlib.suppress(OSError):
            lock = os.open(path + ".lock", os.O_RDONLY)
            fcntl.flock(lock, fcntl.LOCK_SH)
    try:
        try:
            document = orjson.loads(read_store_bytes(path))
        except orjson.JSONDecodeError as error:
            raise StoreFileError(f"{path} is not valid JSON ({error.msg} at byte {error.pos}).") from None
        if isinstance(document, dict) and document.get("format") == FORMAT:
            tables = check_network(document, path)
            if any(not isinstance(r.get("id"), str) for rs in tables.values() for r in rs):
                raise StoreFileError(f"{path} has a record without an id.")
            return Side.of_tables({t: {r["id"]: {**model.defaults(t), **r} for r in rs}
                                   for t, rs in tables.items()})
        loaded = check_document(document, path)
        for step in range(loaded.version, SCHEMA_VERSION):
            MIGRATIONS[step](loaded.tables)
        seq = int(loaded.tables["meta"]["meta"].get("seq", 0))
        for entry in read_journal(path + ".journal").entries:
            if entry.get("seq", 0) > seq:
                for table, rid, record in entry["ops"]:
                    if record is None:
                        loaded.tables[table].pop(rid, None)
                    else:
                        loaded.tables[table][rid] = record
        return Side.of_tables(loaded.tables)
    finally:
        if lock is not None:
            os.close(lock)


def _key(entry: Record) -> tuple:
    return entry["id"], entry["at"], entry["who"], entry["kind"], entry["summary"]


def _merged_heads(side: Side) -> list[dict[str, Any]]:
    """The other sides' heads this side merged, from merges still in effect."""
    heads = []
    for entry in side.history:
        head = (entry.get("details") or {}).get("merge", {}).get("theirs_head")
        if head and entry["kind"] == hist.CHANGE and entry.get("state", hist.DONE) == hist.DONE:
            heads.append(head)
    return heads


def find_base(ours: Side, theirs: Side) -> tuple[Any, str]:
    """A function giving each record's base version (or UNKNOWN), and a description of the base."""
    common = 0
    for a, b in zip(ours.history, theirs.history, strict=False):
        if _key(a) != _key(b):
            break
        common += 1
    fork = ours.history[common - 1] if common else None
    best: tuple[str, Side, Record | None] = ("fork", ours, fork)
    for side, other, name in ((ours, theirs, "theirs"), (theirs, ours, "ours")):
        index = {(e["id"], e["at"]): e for e in other.history}
        for head in _merged_heads(side):
            found = index.get((head.get("id"), head.get("at")))
            if found is not None and (best[2] is None or found["at"] > best[2]["at"]):
                best = (name, other, found)
    kind, side, entry = best
    seq = entry["seq"] if entry else 0
    where = f"{entry['id']} ({entry['at'][:19]})" if entry else "the start (no shared history)"
    if kind != "fork":
        earlier = side.at(seq)
        return (lambda rid: earlier[rid] if rid in earlier else side.records.get(rid)), \
            f"{kind}' state at {where}, merged before"
    ours_then, theirs_then = ours.at(seq), theirs.at(seq)

    def base(rid: str) -> Any:
        mine = ours_then[rid] if rid in ours_then else ours.records.get(rid)
        other = theirs_then[rid] if rid in theirs_then else theirs.records.get(rid)
        return mine if mine == other else UNKNOWN

    return base, f"shared history up to {where}"


@dataclass
class MergePlan:
    """What a merge would change and why; ``ops`` are whole-record writes for the store."""

    other: str
    base: str
    ops: list[list[Any]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    updated: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    theirs_head: dict[str, Any] | None = None
    history_id: str | None = None
    lost: dict[str, Record | None] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the history."""
        return (f"merge {os.path.basename(self.other)}: {len(self.added)} added, {len(self.updated)} "
                f"updated, {len(self.deleted)} deleted, {len(self.conflicts)} conflict(s)")

    def to_json(self) -> dict[str, Any]:
        """The plan as plain JSON (without the ops)."""
        keys = ("other", "base", "added", "updated", "deleted", "conflicts", "kept", "refused",
                "candidates", "history_id")
        return {key: getattr(self, key) for key in keys}


class _Planner:
    """Works out the merged version of every record, then repairs what would not stand."""

    def __init__(self, ours: Side, theirs: Side, prefer: str | None) -> None:
        self.ours, self.theirs, self.prefer = ours, theirs, prefer
        self.merged: dict[str, Record | None] = {}
        self.conflicts: dict[str, str] = {}
        self.kept: dict[str, dict[str, Any]] = {}
        self.refused: dict[str, str] = {}

    def view(self, rid: str) -> Record | None:
        return self.merged[rid] if rid in self.merged else self.ours.records.get(rid)

    def decide(self, base: Any) -> None:
        ours, theirs = self.ours.records, self.theirs.records
        for rid in [*ours, *(r for r in theirs if r not in ours)]:
            o, t = ours.get(rid), theirs.get(rid)
            if o == t:
                continue
            b = base(rid)
            if b is UNKNOWN:
                if o is None:
                    self.merged[rid] = t
                elif t is not None:
                    self._conflict(rid, o, t)
                continue
            if t == b:
                continue
            if o == b:
                self.merged[rid] = t
            elif o is None:
                self.merged[rid] = t
                self.kept[rid] = {"deleted_by": "ours", "why": "edited by theirs"}
            elif t is None:
                self.kept[rid] = {"deleted_by": "theirs", "why": "edited by ours"}
            else:
                self._conflict(rid, o, t)

    def _conflict(self, rid: str, o: Record, t: Record) -> None:
        ours_time, theirs_time = o.get("updated", ""), t.get("updated", "")
        if self.prefer:
            take_theirs, why = self.prefer == "theirs", f"--prefer {self.prefer}"
        elif theirs_time != ours_time:
            take_theirs = theirs_time > ours_time
            why = "theirs changed it later" if take_theirs else "ours changed it later"
        else:
            take_theirs, why = False, "changed at the same time; ours kept"
        self.conflicts[rid] = why
        if take_theirs:
            self.merged[rid] = t

    def repair(self) -> None:
        for _round in range(1000):
            fixed = self._references()
            fixed = self._validity() or fixed
            if not fixed:
                return
        raise StoreError("The merge could not settle on a consistent result; nothing was written.")

    def _all_ids(self) -> list[str]:
        return [*self.ours.records, *(r for r in self.merged if r not in self.ours.records)]

    def _references(self) -> bool:
        """Keep or restore what kept records refer to; True when anything changed."""
        fixed = False
        for rid in self._all_ids():
            record = self.view(rid)
            for ref in _refs(rid, record) if record is not None else ():
                if self.view(ref) is not None:
                    continue
                if self.ours.records.get(ref) is not None:
                    del self.merged[ref]
                    self.kept[ref] = {"deleted_by": "theirs", "why": f"still used by {rid}"}
                elif self.theirs.records.get(ref) is not None and ref not in self.refused:
                    self.merged[ref] = self.theirs.records[ref]
                    self.kept[ref] = {"deleted_by": "ours", "why": f"used by {rid}"}
                elif rid in self.merged:
                    self._refuse(rid, f"refers to {ref}, which neither store keeps")
                    break
                else:
                    continue  # a dangling reference ours already had: claimnet check reports it
                fixed = True
        return fixed

    def _validity(self) -> bool:
        """Leave out changed records that break a rule here; True when anything changed."""
        changed = {rid for rid, r in self.merged.items() if r is not None}
        sources = {rid for rid in changed if rid.startswith("src-")}
        check = [rid for rid in self._all_ids() if rid in changed or (
            sources and rid.startswith(("st-", "ev-")) and (self.view(rid) or {}).get("source") in sources)]
        triples: dict[tuple, str] = {}
        for rid in self.ours.records:
            link = self.view(rid) if rid.startswith("ln-") and rid not in changed else None
            if link is not None:
                triples[(link["from"], link["to"], link["type"])] = rid
        fixed = False
        for rid in check:
            record, table = self.view(rid), model.table_of_id(rid)
            if record is None:
                continue
            try:
                validate(table, record, self.view)
            except ValidationError as error:
                if rid in changed:
                    self._refuse(rid, str(error))
                else:  # an unchanged record broken by a changed source: keep our source
                    self._refuse(record["source"], f"{rid} would break: {error}")
                fixed = True
                continue
            if table == "links":
                held = triples.setdefault((record["from"], record["to"], record["type"]), rid)
                if held != rid:
                    self._refuse(rid, f"duplicates link {held}; its annotations move there")
                    for aid in self._all_ids():
                        note = self.view(aid)
                        if aid.startswith("an-") and note is not None and note["target"] == rid:
                            self.merged[aid] = dict(note, target=held, updated=now())
                    fixed = True
        return fixed

    def _refuse(self, rid: str, reason: str) -> None:
        """Leave ``rid`` as ours has it (or without it, when ours has none)."""
        self.refused[rid] = reason
        self.kept.pop(rid, None)
        self.merged.pop(rid, None)


def _refs(rid: str, record: Record) -> list[str]:
    out: list[str] = []
    for key in _REFS[model.table_of_id(rid)]:
        value = record.get(key)
        if isinstance(value, list):
            out.extend(value)
        elif value:
            out.append(value)
    return out


def plan_merge(ours: Side, theirs: Side, other: str, prefer: str | None = None) -> MergePlan:
    """Work out the merge of ``theirs`` into ``ours`` without writing anything."""
    if prefer not in (None, "ours", "theirs"):
        raise ValidationError(f"prefer must be ours or theirs, not {prefer!r}.", field="prefer")
    base, where = find_base(ours, theirs)
    planner = _Planner(ours, theirs, prefer)
    planner.decide(base)
    planner.repair()
    plan = MergePlan(other=other, base=where)
    if theirs.history:
        head = theirs.history[-1]
        plan.theirs_head = {"id": head["id"], "at": head["at"], "seq": head["seq"]}
    view, o_recs, t_recs = planner.view, ours.records, theirs.records

    def item(rid: str, **extra: Any) -> dict[str, Any]:
        record = view(rid) or o_recs.get(rid) or t_recs.get(rid) or {}
        return {"id": rid, "kind": model.kind_of_id(rid), "label": _label(record), **extra}

    for table in model.RECORD_TABLES:
        for rid, record in planner.merged.items():
            if model.table_of_id(rid) != table or record == o_recs.get(rid):
                continue
            plan.ops.append([table, rid, record])
            bucket = plan.deleted if record is None else plan.updated if rid in o_recs else plan.added
            bucket.append(item(rid))
    for rid, why in planner.conflicts.items():
        took_theirs = view(rid) == t_recs.get(rid)
        if rid in planner.refused:
            why += f"; theirs' version refused: {planner.refused[rid]}"
        plan.conflicts.append(item(rid, kept="theirs" if took_theirs else "ours", why=why,
                                   ours_updated=o_recs[rid].get("updated"),
                                   theirs_updated=t_recs[rid].get("updated")))
        plan.lost[rid] = o_recs[rid] if took_theirs else t_recs[rid]
    plan.kept = [item(rid, **info) for rid, info in planner.kept.items() if view(rid) is not None]
    plan.refused = [item(rid, reason=why) for rid, why in planner.refused.items()]
    plan.candidates = _candidates(planner, {i["id"] for i in plan.added})
    return plan


def _candidates(planner: _Planner, added: set[str]) -> list[dict[str, Any]]:
    """Pairs of an actor this store had and one the merge adds that share a name or alias."""
    names: dict[str, list[str]] = {}
    for rid in planner._all_ids():
        actor = planner.view(rid) if rid.startswith("act-") else None
        if actor is not None:
            for name in {normalise(n) for n in (actor["name"], *actor["aliases"])}:
                names.setdefault(name, []).append(rid)
    pairs: dict[tuple[str, str], str] = {}
    for name, ids in names.items():
        for new in (i for i in ids if i in added):
            for other in ids:
                if other not in added:
                    pairs.setdefault((other, new), name)
    return [{"ours": a, "theirs": b, "name": planner.view(b)["name"], "matched": n,
             "ours_name": planner.view(a)["name"]} for (a, b), n in sorted(pairs.items())]


def _label(record: Record) -> str:
    for key in ("name", "title", "text", "note", "type"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    return record.get("id", "")


def merge(store: Store, other: str, prefer: str | None = None, dry_run: bool = False) -> MergePlan:
    """Merge the store file ``other`` into ``store`` as one undoable change (or only plan it)."""
    if os.path.exists(other) and os.path.realpath(other) == os.path.realpath(store.path):
        raise StoreError("A store cannot be merged with itself; name the other copy.")
    theirs = load_side(other)
    store.refresh()
    with store.storage._thread_lock:
        seq = store.storage.seq
        ours = Side.of_tables(store.storage.tables)
    plan = plan_merge(ours, theirs, os.path.abspath(other), prefer)
    merged_before = plan.theirs_head in _merged_heads(ours)
    if dry_run or (not plan.ops and (merged_before or not (plan.conflicts or plan.kept or plan.refused))):
        return plan
    details = {"merge": {"from": plan.other, "theirs_head": plan.theirs_head, "base": plan.base,
                         "conflicts": [dict(c, lost=plan.lost[c["id"]]) for c in plan.conflicts],
                         "kept": plan.kept, "refused": plan.refused, "candidates": plan.candidates}}
    entry = store.apply_prepared(plan.summary(), plan.ops, expect_seq=seq, details=details)
    plan.history_id = entry.id
    return plan


def merge_details(store: Store, entry_id: str) -> dict[str, Any] | None:
    """What a merge's history entry recorded (conflicts with their losing versions …), or None."""
    entry = store.storage.tables[HISTORY_TABLE].get(entry_id)
    return None if entry is None else (entry.get("details") or {}).get("merge")
