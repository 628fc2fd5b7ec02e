"""Folds the journal into a store file a record at a time, for a session that holds no records.

A session reading through the lookup index (a store of a million statements) must not load the
whole file to fold its journal (6 GB at 1M). When the file has the layout ``render_store`` writes
(see ``document_lines``), the fold reads it twice a line at a time: once to check it as a whole
load would and to find the doc ids of the records the journal touches, once to write the new file
(temp file + fsync + rename, as every fold). Records the journal leaves alone are written again as
they were read (parsed, checked and dumped the same canonical way, not copied byte for byte), the
others replaced, removed or appended, and the meta record carries the new last change: the bytes
are those a whole load and ``render_store`` would write. Memory is the journal's changes and one
table's ids. Anything else raises ``NotOurLayout`` before the file is replaced, and the caller
folds with a whole load.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from .document import META_TABLE, TABLES, dump_record, write_atomically
from .document_lines import LineTotals, NotOurLayout, record_lines
from .journal import JournalRead

Key = tuple[str, str]  # (table, record id)


@dataclass(slots=True)
class FoldPlan:
    """What the journal does to the file: final records by (table, id), and their doc ids."""

    meta: dict[str, Any]
    seq: int
    final: dict[Key, dict[str, Any] | None] = field(default_factory=dict)
    keys: dict[Key, str] = field(default_factory=dict)  # the doc id of every touched record still there
    file_keys: dict[Key, str] = field(default_factory=dict)  # the doc id each touched record had
    next_doc: dict[str, int] = field(default_factory=dict)


def plan_fold(path: str, read: JournalRead, ours: Any) -> FoldPlan:
    """Check the file line by line and work out what the journal's pending changes do to it.

    ``ours(entries, store_id)`` filters and checks the journal's entries as a whole load does.
    """
    touched = {(op[0], op[1]) for entry in read.entries if type(entry.get("ops")) is list
               for op in entry["ops"] if type(op) is list and len(op) == 3
               and type(op[0]) is str and type(op[1]) is str}  # checked properly once the store id is known
    totals = LineTotals()
    file_keys: dict[Key, str] = {}
    with open(path, "rb", buffering=1 << 20) as handle:
        seen: set[str] = set()
        current = ""
        for table, key, rid, _record in record_lines(handle, totals):
            if table != current:
                seen, current = set(), table
            if rid in seen:
                raise NotOurLayout("an id twice in a table")  # a whole load says so in its words
            seen.add(rid)
            if (table, rid) in touched:
                file_keys[(table, rid)] = key
    meta = totals.meta
    assert meta is not None
    start = meta.get("seq", 0)
    pending = [e for e in ours(read.entries, meta.get("store")) if e["seq"] > start]
    if pending and pending[0]["seq"] != start + 1:
        raise NotOurLayout("a journal that does not continue the file")
    plan = FoldPlan(meta, start, keys=dict(file_keys), file_keys=file_keys, next_doc=totals.next_docs())
    for entry in pending:  # as State.apply does to whole tables
        for table, rid, record in entry["ops"]:
            if table == META_TABLE:
                raise NotOurLayout("a change of the meta record")
            if record is None:
                plan.keys.pop((table, rid), None)
            elif (table, rid) not in plan.keys:
                plan.keys[(table, rid)] = str(plan.next_doc[table])
                plan.next_doc[table] += 1
            plan.final[(table, rid)] = record
        plan.seq = entry["seq"]
    return plan


def write_fold(path: str, plan: FoldPlan) -> None:
    """Write the folded file (atomically) from the old one and the plan."""
    meta = dict(plan.meta)
    meta["seq"] = plan.seq
    meta["next_doc"] = {name: plan.next_doc[name] for name in TABLES if name != META_TABLE}
    with open(path, "rb", buffering=1 << 20) as handle:
        write_atomically(path, _chunks(record_lines(handle, LineTotals()), plan, meta))


def _chunks(rows: Iterator[tuple[str, str, str, dict[str, Any]]], plan: FoldPlan,
            meta: dict[str, Any]) -> Iterator[bytes]:
    """The new file, a record at a time, laid out as ``render_store`` lays it out."""
    added: dict[str, list[tuple[str, str]]] = {}
    for (table, rid), key in plan.keys.items():
        if plan.file_keys.get((table, rid)) != key:
            added.setdefault(table, []).append((key, rid))
    row = next(rows, None)
    yield b"{"
    for t_index, name in enumerate(TABLES):
        yield (b"\n" if t_index == 0 else b",\n") + orjson.dumps(name) + b": {"
        if name == META_TABLE:
            yield b'\n"1": ' + orjson.dumps(meta, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
            while row is not None and row[0] == name:
                row = next(rows, None)
            yield b"\n}"
            continue
        first = True
        last = (0, "")
        while row is not None and row[0] == name:
            _table, key, rid, record = row
            row = next(rows, None)
            if (name, rid) in plan.final:
                record = plan.final[(name, rid)]
                if record is None or plan.keys.get((name, rid)) != key:
                    continue  # removed (or removed and added again under a new doc id)
            yield (b"\n" if first else b",\n") + orjson.dumps(key) + b": " + dump_record(record, name, rid)
            first, last = False, (len(key), key)
        for key, rid in sorted(added.get(name, ()), key=lambda kr: (len(kr[0]), kr[0])):
            if (len(key), key) <= last:
                raise NotOurLayout("a new doc id that sorts before the file's")
            record = plan.final[(name, rid)]
            assert record is not None
            yield (b"\n" if first else b",\n") + orjson.dumps(key) + b": " + dump_record(record, name, rid)
            first = False
        yield b"\n}"
    yield b"\n}\n"
