"""Reads a store file record by record, when it has the layout ``render_store`` writes.

``render_store`` writes the TinyDB document with its tables in order, one record per line
(``"doc id": {…}`` with a comma after all but a table's last). A file in exactly that layout can be
read a line at a time in bounded memory, which is what building the lookup index of a store of a
million statements needs (a whole parse of its 915 MB takes 6 GB). Each record passes the same
checks a whole load applies; anything else (another layout: hand-edited, pretty-printed or written
by TinyDB itself; a record a whole load would refuse; an older or newer schema) raises
``NotOurLayout`` and the caller parses the whole file instead, which accepts or refuses it with
its own words. So this reader never accepts a file, or reads one differently, where a whole
load would not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from claimnet.store import model

from .document import HISTORY_TABLE, META_TABLE, SCHEMA_VERSION, TABLES, next_doc_of
from .shapes import history_problem, meta_problem, nesting_problem, record_problem

#: Lines with fewer brackets than this are nested too shallowly to reach a JSON depth limit.
_SHALLOW = 200


class NotOurLayout(Exception):
    """The file is not one this reader can vouch for: parse it whole instead."""


@dataclass(slots=True)
class LineTotals:
    """What reading the file gathered besides the records: the meta record, per-table doc ids."""

    meta: dict[str, Any] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    top_keys: dict[str, int] = field(default_factory=dict)

    def next_docs(self) -> dict[str, int]:
        """The next TinyDB doc id of every table, as a whole load works it out (``next_doc_of``)."""
        stored = (self.meta or {}).get("next_doc")
        return {table: next_doc_of(stored, table, self.counts[table], self.top_keys[table])
                for table in TABLES}


def record_lines(handle: IO[bytes], totals: LineTotals) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(table, doc id, record id, record) for every record of the file, in store order.

    Raises ``NotOurLayout`` as soon as the file leaves the layout or holds what a whole load
    refuses; ``totals`` is complete once the iterator is exhausted. Ids unique within a table are
    left to the caller (the lookup index's unique index checks them without a set of a million).
    """
    if handle.readline() != b"{\n":
        raise NotOurLayout("the first line")
    for t_index, table in enumerate(TABLES):
        header = orjson.dumps(table) + b": {\n"
        if handle.readline() != header:
            raise NotOurLayout(f"the header of {table}")
        totals.counts[table] = 0
        totals.top_keys[table] = 0
        last_key = (0, "")
        line = handle.readline()
        more = not line.startswith(b"}")
        while more:
            key, value, more = _split(line)
            if (len(key), key) <= last_key:
                raise NotOurLayout(f"doc ids out of order in {table}")  # a duplicate, or not ours
            last_key = (len(key), key)
            rid, record = _checked(table, key, value)
            totals.counts[table] += 1
            totals.top_keys[table] = max(totals.top_keys[table], int(key))
            if table == META_TABLE:
                totals.meta = record
            yield table, key, rid, record
            line = handle.readline()
        closing = b"}\n" if t_index == len(TABLES) - 1 else b"},\n"
        if line != closing:
            raise NotOurLayout(f"the end of {table}")
    if handle.readline() != b"}\n" or handle.read(1):
        raise NotOurLayout("the end of the document")
    if totals.meta is None:
        raise NotOurLayout("no meta record")


def _split(line: bytes) -> tuple[str, bytes, bool]:
    """A record line's doc id, its JSON value, and whether another record follows it."""
    if not line.endswith(b"\n") or not line.startswith(b'"'):
        raise NotOurLayout("a record line")
    end = line.find(b'": ', 1)
    key = line[1:end]
    if end < 2 or not (key.isdigit() and key.isascii()):
        raise NotOurLayout("a doc id")
    more = line.endswith(b",\n")
    value = line[end + 3 : -2 if more else -1]
    return key.decode(), value, more


def _checked(table: str, key: str, value: bytes) -> tuple[str, dict[str, Any]]:
    """The record id and record of one line, with the checks of a whole load."""
    deep = value.count(b"{") + value.count(b"[") >= _SHALLOW
    try:  # as deep as the document nests it: a whole parse refuses what is too deep there
        record = orjson.loads(b"[[" + value + b"]]")[0][0] if deep else orjson.loads(value)
    except orjson.JSONDecodeError:
        raise NotOurLayout("a record that is not JSON") from None
    if type(record) is not dict:
        raise NotOurLayout("a record that is not an object")
    if table == META_TABLE:
        schema = record.get("schema")
        if key != "1" or type(schema) is not int or schema != SCHEMA_VERSION or meta_problem(record) \
                or nesting_problem(record, "meta"):
            raise NotOurLayout("the meta record")
        return "meta", record
    rid = record.get("id")
    if type(rid) is not str or not rid:
        raise NotOurLayout("a record without an id")
    if table == HISTORY_TABLE:
        if history_problem(record) or deep and nesting_problem({rid: record}, "history"):
            raise NotOurLayout("a history entry")
    elif table in model.RECORD_TABLES and (record_problem(table, record)
                                            or deep and nesting_problem(record, table)):
        raise NotOurLayout("a record")  # (one nested too deep to write back: the whole parse refuses it)
    return rid, record
