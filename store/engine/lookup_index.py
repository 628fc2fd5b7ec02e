"""The lookup index: a SQLite file beside the store (``STORE.lookup.sqlite``) derived from it.

It holds every record as JSON by id, in store order, with the keys the queries group by (speaker,
link ends, annotation targets, names …), each record's folded search text in an FTS5 trigram
table, and which history entries touched which record. So a shell lookup reads a few rows instead
of parsing the whole store file.

It is never trusted over the store: it carries the stamp (inode, size, mtime) of the store file
it was built from, the store's id, and how far into the journal it has applied changes (the
journal's inode, an offset, the last sequence number). Whoever opens it under the store's lock
checks the stamp: the journal's new lines are applied, anything else (another file, a fold it
did not follow, a gap in the sequence, a damaged database) rebuilds it from the store file.
What is derived (the grouping keys, the search text) is given by the network layer.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from .document import TABLES

_VERSION = "1"
#: rowid = table number × this + TinyDB doc id: one id space, and rowid order is store order.
_TABLE_SPAN = 1 << 40
_TABLE_NO = {name: n for n, name in enumerate(TABLES)}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS records(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, tbl TEXT NOT NULL,
    body BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS records_id ON records(id, tbl);
CREATE TABLE IF NOT EXISTS keys(grp TEXT, key TEXT, rid INTEGER);
CREATE INDEX IF NOT EXISTS keys_grp ON keys(grp, key, rid);
CREATE INDEX IF NOT EXISTS keys_rid ON keys(rid);
CREATE TABLE IF NOT EXISTS touches(id TEXT, seq INTEGER);
CREATE INDEX IF NOT EXISTS touches_id ON touches(id, seq);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(folded, tokenize='trigram');
"""
_BATCH = 5_000  # records encoded and inserted at a time while rebuilding (97 MB peak at 100k; 20k: 269 MB)
_INDEXES = ("records_id", "keys_grp", "keys_rid", "touches_id")

KeyFn = Callable[[dict[str, Any]], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class Derivations:
    """What the index derives from records: named groups of keys and each table's search text."""

    groups: dict[str, tuple[str, KeyFn]]
    texts: dict[str, Callable[[str, dict[str, Any]], str]]
    version: str = "1"


@dataclass(slots=True)
class Stamp:
    """What the index was built from: the store file's identity, and how far into the journal."""

    store: str = ""
    main: str = ""  # "inode:size:mtime_ns" of the store file
    journal_inode: int = 0
    journal_end: int = 0
    seq: int = -1
    next_doc: dict[str, int] = field(default_factory=dict)
    main_seq: int = 0  # the sequence number the store file itself ends at

    def rows(self) -> list[tuple[str, str]]:
        """The stamp as meta rows."""
        return [("store", self.store), ("main", self.main), ("journal_inode", str(self.journal_inode)),
                ("journal_end", str(self.journal_end)), ("seq", str(self.seq)),
                ("next_doc", orjson.dumps(self.next_doc).decode()), ("main_seq", str(self.main_seq))]


def rowid_of(table: str, doc_key: str | int) -> int:
    """The index's row number of a record: its table and TinyDB doc id."""
    return _TABLE_NO[table] * _TABLE_SPAN + int(doc_key)


#: How long a session waits for another one writing the index (a rebuild at 1M takes minutes).
BUSY_TIMEOUT_S = 60.0


def is_busy(error: sqlite3.Error) -> bool:
    """Whether SQLite says another connection holds the index (it is then not damaged: never discard it)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(error)


def index_path(store_path: str) -> str:
    """Where the lookup index of a store file lives."""
    return store_path + ".lookup.sqlite"


class LookupIndex:
    """One connection to a store's lookup index."""

    def __init__(self, store_path: str, derive: Derivations) -> None:
        self.path = index_path(store_path)
        self.derive = derive
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        for attempt in range(2):
            try:
                db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                     timeout=BUSY_TIMEOUT_S)
                db.execute("PRAGMA journal_mode=WAL")  # readers never wait behind a writer
                db.executescript(_SCHEMA)
                return db
            except sqlite3.DatabaseError as error:
                if attempt or is_busy(error):
                    raise
                self.discard()  # derived data: a damaged file is rebuilt, never trusted
        raise AssertionError("unreachable")

    def discard(self) -> None:
        """Remove the index files (they are rebuilt from the store)."""
        with contextlib.suppress(AttributeError, sqlite3.Error):
            self.db.close()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(self.path + suffix)

    def reset(self) -> None:
        """Start again from an empty index (after damage)."""
        self.discard()
        self.db = self._connect()

    def close(self) -> None:
        """Release the connection."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    # -- the stamp ---------------------------------------------------------------------------

    def stamp(self) -> Stamp:
        """What the index says it was built from (an empty stamp when it was never built)."""
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("version") != f"{_VERSION}.{self.derive.version}":
            return Stamp()
        try:
            return Stamp(meta["store"], meta["main"], int(meta["journal_inode"]),
                         int(meta["journal_end"]), int(meta["seq"]), orjson.loads(meta["next_doc"]),
                         int(meta["main_seq"]))
        except (KeyError, ValueError):
            return Stamp()

    def _write_stamp(self, stamp: Stamp) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                            [*stamp.rows(), ("version", f"{_VERSION}.{self.derive.version}")])

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction (SQLite serialises writers of several processes)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- filling ----------------------------------------------------------------------------

    def rebuild(self, tables: dict[str, dict[str, dict]], doc_keys: dict[str, dict[str, str]],
                stamp: Stamp) -> None:
        """Fill the index from whole tables (inside ``writing``), then stamp it."""
        self.refill((table, rowid_of(table, doc_keys[table][rid]), rid, record)
                    for table, records in tables.items() for rid, record in records.items())
        self._write_stamp(stamp)

    def refill(self, rows: Iterable[tuple[str, int, str, dict]]) -> None:
        """Empty the index and fill it with (table, rowid, id, record) rows, read as they come, so
        memory stays bounded at any size (inside ``writing``; the caller stamps it)."""
        db = self.db
        for name in ("records", "keys", "touches", "texts"):
            db.execute(f"DELETE FROM {name}")
        for name in _INDEXES:
            db.execute(f"DROP INDEX IF EXISTS {name}")  # filling first and indexing after is faster
        for table, group in itertools.groupby(rows, key=lambda row: row[0]):
            batches = ((rowid, rid, record) for _table, rowid, rid, record in group)
            while batch := list(itertools.islice(batches, _BATCH)):
                self._insert(table, batch)
        for statement in _SCHEMA.split(";"):
            if "CREATE UNIQUE" in statement or "CREATE INDEX" in statement:
                db.execute(statement)  # not executescript: it would commit the transaction

    def _insert(self, table: str, rows: Iterable[tuple[int, str, dict]]) -> None:
        groups = [(name, fn) for name, (t, fn) in self.derive.groups.items() if t == table]
        text = self.derive.texts.get(table)
        records, keys, touches, texts = [], [], [], []
        for rowid, rid, record in rows:
            records.append((rowid, rid, table, orjson.dumps(record)))
            for name, fn in groups:
                keys.extend((name, key, rowid) for key in set(fn(record)) if key is not None)
            if text is not None:
                texts.append((rowid, text(table, record)))
            if table == "history":
                touches.extend((rid_, record.get("seq")) for rid_ in _touched_ids(record))
        db = self.db
        db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", records)
        db.executemany("INSERT INTO keys VALUES (?, ?, ?)", keys)
        db.executemany("INSERT INTO texts(rowid, folded) VALUES (?, ?)", texts)
        db.executemany("INSERT INTO touches VALUES (?, ?)", touches)

    def put(self, table: str, rowid: int, rid: str, record: dict | None) -> None:
        """Write (or, with None, remove) one record (inside ``writing``)."""
        db = self.db
        if table == "history":
            old = self.get(table, rid)
            if old is not None:
                db.execute("DELETE FROM touches WHERE seq = ?", (orjson.loads(old[1]).get("seq"),))
        db.execute("DELETE FROM records WHERE id = ? AND tbl = ?", (rid, table))
        db.execute("DELETE FROM keys WHERE rid = ?", (rowid,))
        db.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
        if record is not None:
            self._insert(table, [(rowid, rid, record)])

    def advance(self, stamp: Stamp) -> None:
        """Record how far the index has got (inside ``writing``)."""
        self._write_stamp(stamp)

    # -- reading ----------------------------------------------------------------------------

    def get(self, table: str, rid: str) -> tuple[int, bytes] | None:
        """(rowid, JSON) of one record, or None."""
        return self.db.execute("SELECT rowid, body FROM records WHERE id = ? AND tbl = ?",
                               (rid, table)).fetchone()

    def rowid(self, table: str, rid: str) -> int | None:
        """The row number of a record, or None."""
        row = self.db.execute("SELECT rowid FROM records WHERE id = ? AND tbl = ?", (rid, table)).fetchone()
        return None if row is None else row[0]

    def count(self, table: str) -> int:
        """How many records a table holds."""
        low = rowid_of(table, 0)
        return self.db.execute("SELECT COUNT(*) FROM records WHERE rowid >= ? AND rowid < ?",
                               (low, low + _TABLE_SPAN)).fetchone()[0]

    def rows(self, table: str, descending: bool = False, with_body: bool = True) -> Iterator[tuple]:
        """(id, JSON) of a table's records in store order (or newest first)."""
        low = rowid_of(table, 0)
        order = "DESC" if descending else "ASC"
        what = "id, body" if with_body else "id"
        return self.db.execute(f"SELECT {what} FROM records WHERE rowid >= ? AND rowid < ? "
                               f"ORDER BY rowid {order}", (low, low + _TABLE_SPAN))

    def ids_starting(self, table: str, prefix: str) -> list[str]:
        """Ids of a table's records that start with ``prefix``."""
        return [row[0] for row in self.db.execute(
            "SELECT id FROM records WHERE tbl = ? AND id >= ? AND id < ? ORDER BY rowid",
            (table, prefix, prefix + "\U0010ffff"))]

    def grouped(self, group: str, key: str) -> list[str]:
        """Ids of the records whose ``group`` keys hold ``key``, in store order."""
        return [row[0] for row in self.db.execute(
            "SELECT r.id FROM keys k JOIN records r ON r.rowid = k.rid "
            "WHERE k.grp = ? AND k.key = ? ORDER BY k.rid", (group, key))]

    def group_items(self, group: str) -> dict[str, list[str]]:
        """Every key of a group with its record ids, in store order."""
        out: dict[str, list[str]] = {}
        for key, rid in self.db.execute(
                "SELECT k.key, r.id FROM keys k JOIN records r ON r.rowid = k.rid "
                "WHERE k.grp = ? ORDER BY k.rid", (group,)):
            out.setdefault(key, []).append(rid)
        return out

    def group_counts(self, group: str) -> dict[str, int]:
        """How many records each key of a group holds."""
        return dict(self.db.execute("SELECT key, COUNT(*) FROM keys WHERE grp = ? GROUP BY key", (group,)))

    def texts_holding(self, table: str, words: list[str]) -> Iterator[tuple[str, str]]:
        """(id, folded text) of a table's records whose text holds every word, in store order.

        Words of three characters or more go through the trigram index; shorter ones are
        checked by the caller against the folded text returned.
        """
        low = rowid_of(table, 0)
        long_words = [w for w in words if len(w) >= 3]
        if long_words:
            query = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
            return self.db.execute(
                "SELECT r.id, t.folded FROM texts t JOIN records r ON r.rowid = t.rowid "
                "WHERE texts MATCH ? AND t.rowid >= ? AND t.rowid < ? ORDER BY t.rowid",
                (query, low, low + _TABLE_SPAN))
        return self.db.execute(
            "SELECT r.id, t.folded FROM texts t JOIN records r ON r.rowid = t.rowid "
            "WHERE t.rowid >= ? AND t.rowid < ? ORDER BY t.rowid", (low, low + _TABLE_SPAN))

    def history_touching(self, rid: str) -> list[int]:
        """Sequence numbers of the history entries that changed a record, newest first."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT seq FROM touches WHERE id = ? ORDER BY seq DESC", (rid,))]


def _touched_ids(entry: dict[str, Any]) -> set[str]:
    """The records a history entry changed, and those whose annotations or links it changed."""
    out = set()
    for change in entry.get("changes") or ():
        out.add(change.get("id"))
        for side in (change.get("before"), change.get("after")):
            if isinstance(side, dict):
                out.update(side.get(k) for k in ("target", "from", "to"))
    out.discard(None)
    return out


def follow_fold(store_path: str, before: Any, after: Any, seq: int) -> None:
    """Restamp an index that was in step with the store file a fold just replaced.

    Called under the store's exclusive lock after the new file is in place and before the journal
    is emptied. Only an index that had applied every change up to ``seq`` to the old file is moved
    over; any other is left stale and rebuilt by the next session that needs it. A kill in
    between leaves the old stamp, which no longer matches: a rebuild, never a wrong answer.
    """
    path = index_path(store_path)
    if before is None or after is None or not os.path.exists(path):
        return
    with contextlib.suppress(sqlite3.Error, OSError):
        db = sqlite3.connect(path, isolation_level=None, timeout=5)
        try:
            db.execute("BEGIN IMMEDIATE")
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("main") == stamp_text(before) and meta.get("seq") == str(seq):
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
                    ("main", stamp_text(after)), ("journal_end", "0"), ("main_seq", str(seq))])
            db.execute("COMMIT")
        finally:
            db.close()


def stamp_text(stamp: Any) -> str:
    """A file stamp as the index stores it: "inode:size:mtime_ns"."""
    return f"{stamp.inode}:{stamp.size}:{stamp.mtime_ns}"
