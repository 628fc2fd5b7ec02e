"""The store file on disk: a TinyDB JSON document, written atomically, with a journal and a lock.

The data lives in memory as ``{table: {record_id: record_dict}}``. Each change is appended to the
journal (see ``journal.py``) under an exclusive ``flock``; the journal is folded into the TinyDB
file by temp file + fsync + rename + fsync of the folder when it grows or on close. Before every
operation the session checks whether another session changed the files and catches up, so two
sessions on one file never lose each other's writes.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from .errors import StoreFileError
from .journal import JournalWriter, encode_entry, read_journal
from .model import RECORD_TABLES

SCHEMA_VERSION = 1
HISTORY_TABLE = "history"
META_TABLE = "meta"
TABLES = tuple(sorted((*RECORD_TABLES, HISTORY_TABLE, META_TABLE)))
#: Fold the journal into the store file once it passes this size or this share of the file.
FOLD_MIN_BYTES = 4 * 1024 * 1024
FOLD_SHARE = 0.25

Tables = dict[str, dict[str, dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of a file: inode, size and modification time."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> FileStamp | None:
        """The stamp of ``path`` now, or None when it does not exist."""
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


def empty_tables() -> Tables:
    """A store with no records, just its schema version."""
    tables: Tables = {name: {} for name in TABLES}
    tables[META_TABLE] = {"meta": {"schema": SCHEMA_VERSION, "seq": 0}}
    return tables


class Storage:
    """One session's view of a store file: loads it, appends changes, folds, catches up."""

    def __init__(self, path: str) -> None:
        self.path = os.path.abspath(path)
        self.journal_path = self.path + ".journal"
        self.lock_path = self.path + ".lock"
        self.tables: Tables = {}
        self.seq = 0
        self.generation = 0  # bumped whenever the in-memory data changes
        self.table_generation: dict[str, int] = {}  # the same, per table
        self._doc_keys: dict[str, dict[str, str]] = {}  # record id -> TinyDB doc id
        self._next_doc: dict[str, int] = {}
        self._main_stamp: FileStamp | None = None
        self._journal_end = 0
        self._journal_stamp: FileStamp | None = None
        self._writer: JournalWriter | None = None
        self._lock_fd: int | None = None
        self._thread_lock = threading.RLock()
        self.depth = 0  # how deep this thread is in Store calls (see sync.py)
        self.is_open = False

    # -- opening -------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the store file is there."""
        return os.path.exists(self.path)

    def create(self, tables: Tables) -> bool:
        """Write a new store file holding ``tables``; False if another session made one first."""
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise StoreFileError(
                f"Cannot create the folder {folder} for the store: {error.strerror}."
            ) from error
        with self.locked(exclusive=True):
            if self.exists():
                return False
            self._adopt(tables, {}, seq=0)
            self._write_main()
            return True

    def open(self) -> None:
        """Load the store file and its journal, refusing a file it cannot trust."""
        if not self.exists():
            raise StoreFileError(f"There is no store at {self.path}.")
        with self.locked(exclusive=False):
            self._reload()
        self.is_open = True

    def close(self) -> None:
        """Fold the journal into the store file and release the files."""
        self.is_open = False
        if self._writer is None and self._lock_fd is None:
            return
        with contextlib.suppress(StoreFileError, OSError), self.locked(exclusive=True):
            self._catch_up()
            if self._journal_end:
                self._fold()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- locking and catching up ---------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, exclusive: bool) -> Iterator[None]:
        """Hold the store's lock (shared to read, exclusive to write) for one operation."""
        with self._thread_lock:
            if self._lock_fd is None:
                try:
                    self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                except OSError as error:
                    raise StoreFileError(
                        f"Cannot open the lock file {self.lock_path}: {error.strerror}."
                    ) from error
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def refresh(self) -> bool:
        """Catch up with changes another session made; True when anything changed."""
        with self.locked(exclusive=False):
            return self._catch_up()

    def _catch_up(self) -> bool:
        main = FileStamp.of(self.path)
        if main is None:
            raise StoreFileError(f"The store {self.path} was removed while in use.")
        if main != self._main_stamp:
            self._reload()
            return True
        journal = FileStamp.of(self.journal_path)
        if journal == self._journal_stamp:
            return False
        if journal is None or self._journal_stamp is None or (
            journal.inode != self._journal_stamp.inode or journal.size < self._journal_end
        ):
            self._reload()
            return True
        try:
            read = read_journal(self.journal_path, self._journal_end)
        except StoreFileError:
            read = None  # our offset no longer starts a line: the journal was folded and rewritten
        if read is None or (read.entries and read.entries[0].get("seq") != self.seq + 1):
            self._reload()  # a gap in the sequence means we missed a fold; read everything
            return True
        self._apply_journal(read.entries)
        self._journal_end = read.good_end
        self._journal_stamp = journal
        return bool(read.entries)

    def _reload(self) -> None:
        raw = read_store_bytes(self.path)
        loaded = parse_store(raw, self.path)
        if loaded.version < SCHEMA_VERSION:
            raise OlderSchema(loaded.version)
        self._main_stamp = FileStamp.of(self.path)
        seq = int(loaded.tables[META_TABLE]["meta"].get("seq", 0))
        self._adopt(loaded.tables, loaded.doc_keys, seq=seq)
        self._journal_stamp = FileStamp.of(self.journal_path)
        read = read_journal(self.journal_path)
        self._apply_journal(read.entries)
        self._journal_end = read.good_end

    def _adopt(self, tables: Tables, doc_keys: dict[str, dict[str, str]], seq: int) -> None:
        meta = tables[META_TABLE].setdefault("meta", {})
        meta["schema"] = SCHEMA_VERSION
        stored_next = meta.get("next_doc") if isinstance(meta.get("next_doc"), dict) else {}
        self.tables = tables
        self.seq = seq
        self._doc_keys = {}
        self._next_doc = {}
        for name, records in tables.items():
            keys = doc_keys.get(name)
            if keys is None or len(keys) != len(records):
                keys = {rid: str(n) for n, rid in enumerate(records, start=1)}
            self._doc_keys[name] = keys
            top = stored_next.get(name)
            if not isinstance(top, int) or top <= len(keys):
                top = 1 + max((int(k) for k in keys.values() if k.isdigit()), default=0)
            self._next_doc[name] = top
        self.generation += 1
        for name in TABLES:
            self.table_generation[name] = self.generation

    def _apply_journal(self, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            if entry.get("seq", 0) <= self.seq:
                continue  # already folded into the store file
            self._apply_ops(entry["ops"])
            self.seq = entry["seq"]

    def _apply_ops(self, ops: list[list[Any]]) -> None:
        for table, rid, record in ops:
            records = self.tables[table]
            if record is None:
                records.pop(rid, None)
                self._doc_keys[table].pop(rid, None)
            else:
                if rid not in records:
                    self._doc_keys[table][rid] = str(self._next_doc[table])
                    self._next_doc[table] += 1
                records[rid] = record
            self.table_generation[table] = self.generation + 1
        self.generation += 1

    # -- writing -------------------------------------------------------------------------

    def commit(self, ops: list[list[Any]]) -> int:
        """Make ``ops`` ([table, id, record-or-None], …) durable, then apply them; the new seq.

        The caller holds the exclusive lock (``locked(True)``) and has caught up, so the
        change was validated against the newest state.
        """
        if self._writer is None:
            self._writer = JournalWriter(self.journal_path)
        seq = self.seq + 1
        line = encode_entry({"seq": seq, "ops": ops})
        self._journal_end = self._writer.append(line, self._journal_end)
        self._journal_stamp = FileStamp.of(self.journal_path)
        self._apply_ops(ops)
        self.seq = seq
        main_size = self._main_stamp.size if self._main_stamp else 0
        if self._journal_end > max(FOLD_MIN_BYTES, FOLD_SHARE * main_size):
            self._fold()
        return seq

    def _fold(self) -> None:
        self._write_main()
        if self._writer is None:
            self._writer = JournalWriter(self.journal_path)
        self._writer.clear()
        self._journal_end = 0
        self._journal_stamp = FileStamp.of(self.journal_path)

    def _write_main(self) -> None:
        meta = dict(self.tables[META_TABLE]["meta"])
        meta["seq"] = self.seq
        meta["next_doc"] = {name: self._next_doc[name] for name in TABLES if name != META_TABLE}
        data = render_store(self.tables, self._doc_keys, meta)
        write_atomically(self.path, data)
        self._main_stamp = FileStamp.of(self.path)

    def backup(self, suffix: str) -> str:
        """Copy the store file beside itself (owner-only) and return the copy's path."""
        target = f"{self.path}.{suffix}"
        shutil.copyfile(self.path, target)
        os.chmod(target, 0o600)
        return target


def read_store_bytes(path: str) -> bytes:
    """The raw bytes of a store file, with a clear message when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise StoreFileError(f"Cannot read the store {path}: {error.strerror}.") from error


class OlderSchema(Exception):
    """The file is a store of an older schema version and must be migrated before use."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


@dataclass(slots=True)
class LoadedStore:
    """A parsed store file: its tables keyed by record id, TinyDB doc ids, schema version."""

    tables: Tables
    doc_keys: dict[str, dict[str, str]]
    version: int


def parse_store(raw: bytes, path: str) -> LoadedStore:
    """Parse and check a TinyDB store document; anything untrustworthy is refused."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing builds millions of objects; the collector would only slow it down
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        kind = "truncated" if raw.strip() and error.pos >= len(raw.rstrip()) else "not valid JSON"
        raise StoreFileError(
            f"The store {path} is {kind} ({error.msg} at byte {error.pos}); "
            "it was left untouched."
        ) from None
    finally:
        if gc_was_enabled:
            gc.enable()
    return check_document(document, path)


def check_document(document: Any, path: str) -> LoadedStore:
    """Turn a parsed TinyDB document into tables keyed by record id, refusing a foreign shape.

    A document of known tables without a meta table is a store written by TinyDB directly
    (schema version 0); it is read so that it can be migrated.
    """
    if not isinstance(document, dict):
        raise StoreFileError(f"The store {path} is not a claimnet store (not a JSON object).")
    unknown = sorted(
        name for name in set(document) - set(TABLES) if name != "_default" or document[name]
    )
    if unknown:
        raise StoreFileError(
            f"The store {path} is not a claimnet store (unknown table {unknown[0]!r})."
        )
    meta_docs = document.get(META_TABLE)
    if meta_docs is None:
        meta = {"schema": 0, "seq": 0}
    else:
        meta = next(iter(meta_docs.values()), None) if isinstance(meta_docs, dict) else None
    if not isinstance(meta, dict) or not isinstance(meta.get("schema"), int):
        raise StoreFileError(
            f"The store {path} has no valid schema version; it was left untouched."
        )
    if meta["schema"] > SCHEMA_VERSION:
        raise StoreFileError(
            f"The store {path} has schema version {meta['schema']}, newer than this claimnet "
            f"understands ({SCHEMA_VERSION}); upgrade claimnet. The file was left untouched."
        )
    tables: Tables = {name: {} for name in TABLES}
    tables[META_TABLE] = {"meta": meta}
    doc_keys: dict[str, dict[str, str]] = {}
    for name in TABLES:
        if name == META_TABLE:
            continue
        docs = document.get(name, {})
        if not isinstance(docs, dict):
            raise StoreFileError(f"The store {path} is malformed: table {name!r} is not an object.")
        try:  # the fast path for a sound file: two dict comprehensions per table
            records = {doc["id"]: doc for doc in docs.values()}
            keys = {doc["id"]: key for key, doc in docs.items()}
            sound = len(records) == len(docs) and all(type(r) is str and r for r in records)
        except (TypeError, KeyError):
            sound = False
        if not sound:
            _explain_bad_table(docs, name, path)
        tables[name] = records
        doc_keys[name] = keys
    return LoadedStore(tables, doc_keys, meta["schema"])


def _explain_bad_table(docs: dict[str, Any], name: str, path: str) -> None:
    seen: set[str] = set()
    for doc in docs.values():
        rid = doc.get("id") if isinstance(doc, dict) else None
        if not isinstance(rid, str) or not rid:
            raise StoreFileError(f"The store {path} is malformed: a record in {name!r} has no id.")
        if rid in seen:
            raise StoreFileError(f"The store {path} is malformed: id {rid!r} appears twice.")
        seen.add(rid)
    raise StoreFileError(f"The store {path} is malformed: table {name!r} has unreadable records.")


_DUMP = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def render_store(tables: Tables, doc_keys: dict[str, dict[str, str]], meta: dict) -> bytes:
    """The TinyDB document as bytes: tables and keys sorted, one record per line."""
    parts = [b"{"]
    for t_index, name in enumerate(TABLES):
        parts.append(b"\n" if t_index == 0 else b",\n")
        parts.append(orjson.dumps(name) + b": {")
        if name == META_TABLE:
            parts.append(b'\n"1": ' + orjson.dumps(meta, option=_DUMP))
        else:
            keys = doc_keys.get(name, {})
            # digit strings without leading zeros sort numerically by (length, text)
            ordered = sorted(tables[name].items(), key=lambda kv: (len(keys[kv[0]]), keys[kv[0]]))
            for r_index, (rid, record) in enumerate(ordered):
                parts.append(b"\n" if r_index == 0 else b",\n")
                parts.append(orjson.dumps(keys[rid]) + b": " + orjson.dumps(record, option=_DUMP))
        parts.append(b"\n}")
    parts.append(b"\n}\n")
    return b"".join(parts)


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new file, never half."""
    folder = os.path.dirname(path) or "."
    fd, temp = tempfile.mkstemp(prefix=".claimnet-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise StoreFileError(
            f"Could not write the store {path} ({error.strerror or error}); "
            "the previous version is intact."
        ) from error
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)

