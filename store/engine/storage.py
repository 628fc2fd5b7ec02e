"""The store file on disk: a TinyDB JSON document, written atomically, with a journal and a lock.

The data lives in memory as ``{table: {record_id: record_dict}}``. Each change is appended to the
journal (see ``journal.py``) under an exclusive ``flock``; the journal is folded into the TinyDB
file by temp file + fsync + rename + fsync of the folder when it grows or on close. Before every
operation the session checks whether another session changed the files and catches up, so two
sessions on one file never lose each other's writes.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimnet.store.model.errors import StoreError, StoreFileError

from .document import (
    META_TABLE,
    SCHEMA_VERSION,
    TABLES,
    OlderSchema,
    Tables,
    copy_durably,
    next_doc_of,
    parse_store,
    read_store_bytes,
    render_store,
    write_atomically,
)
from .journal import JournalRead, JournalWriter, encode_entry, read_journal
from .lock import StoreLock, read_only_reason, remove_stale_temps
from .lookup_index import follow_fold
from .shapes import entry_problem, meta_problem, nesting_problem, refuse, tables_problem

#: Fold the journal into the store file once it passes this size or this share of the file.
FOLD_MIN_BYTES = 4 * 1024 * 1024
FOLD_SHARE = 0.25


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
        except OSError as error:
            raise StoreFileError(f"Cannot look at {path}: {error.strerror}.") from error
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(slots=True)
class State:
    """The loaded data: tables keyed by record id, TinyDB doc ids, the last applied change."""

    tables: Tables
    doc_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    next_doc: dict[str, int] = field(default_factory=dict)
    seq: int = 0

    @classmethod
    def adopt(cls, tables: Tables, doc_keys: dict[str, dict[str, str]], seq: int) -> State:
        """State for freshly parsed tables, giving every record a doc id."""
        meta = tables[META_TABLE].setdefault("meta", {})
        meta["schema"] = SCHEMA_VERSION
        stored_next = meta.get("next_doc") if isinstance(meta.get("next_doc"), dict) else {}
        state = cls(tables, seq=seq)
        for name, records in tables.items():
            keys = doc_keys.get(name)
            if keys is None or len(keys) != len(records):
                keys = {rid: str(n) for n, rid in enumerate(records, start=1)}
            state.doc_keys[name] = keys
            top_key = max((int(k) for k in keys.values() if k.isdigit()), default=0)
            state.next_doc[name] = next_doc_of(stored_next, name, len(keys), top_key)
        return state

    @property
    def store_id(self) -> str | None:
        """The random id of this store, which its journal entries carry."""
        return self.tables[META_TABLE]["meta"].get("store")

    def apply(self, ops: list[list[Any]]) -> set[str]:
        """Apply whole-record puts and deletes; the tables touched."""
        touched = set()
        for table, rid, record in ops:
            records = self.tables[table]
            if record is None:
                records.pop(rid, None)
                self.doc_keys[table].pop(rid, None)
            else:
                if rid not in records:
                    self.doc_keys[table][rid] = str(self.next_doc[table])
                    self.next_doc[table] += 1
                records[rid] = record
            touched.add(table)
        return touched


class Storage:
    """One session's view of a store file: loads it, appends changes, folds, catches up."""

    def __init__(self, path: str) -> None:
        # resolved once: through a symlink, the journal, lock and temp files sit beside the real file
        self.path = os.path.realpath(path)
        self.journal_path = self.path + ".journal"
        self.lock_path = self.path + ".lock"
        self.read_only: str | None = None  # why the store cannot be changed, when it cannot
        self._lock = StoreLock(self.lock_path)
        self._temps_checked = False
        self._committed = False  # only a session that changed something folds on close
        self.state = State({})
        self.generation = 0  # bumped whenever the in-memory data changes
        self.table_generation: dict[str, int] = {}  # the same, per table
        self.written_generations: set[int] = set()  # generations this process's own commits made
        self.fold_error: StoreFileError | None = None  # the last fold that failed (retried later)
        self._fold_retry_at = 0
        self._main_stamp: FileStamp | None = None
        self._journal_end = 0
        self._journal_stamp: FileStamp | None = None
        self.main_seq = 0  # the last change the store file itself holds (the journal holds the rest)
        self.before_fold: Callable[[], None] | None = None  # keeps a derived index in step (the app)
        self._writer: JournalWriter | None = None
        self._closed = False
        self._thread_lock = threading.RLock()
        self.depth = 0  # how deep this thread is in Store calls (see sync.py)
        self.is_open = False

    @property
    def tables(self) -> Tables:
        """The records, ``{table: {record_id: record_dict}}``; never mutate them."""
        return self.state.tables

    @property
    def seq(self) -> int:
        """The sequence number of the last change applied."""
        return self.state.seq

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
            if os.path.exists(self.journal_path):  # left by a store that was removed: keep it aside
                stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
                os.replace(self.journal_path, f"{self.journal_path}.orphaned-{stamp}")
            tables[META_TABLE]["meta"]["store"] = secrets.token_hex(8)
            self._install(State.adopt(tables, {}, seq=0))
            self._write_main()
            return True

    def open(self) -> None:
        """Load the store file and its journal, refusing a file it cannot trust."""
        if not self.exists():
            raise StoreFileError(f"There is no store at {self.path}.")
        self.read_only = read_only_reason(self.path)
        with self.locked(exclusive=False):
            self._reload()
        self.is_open = True

    def close(self) -> None:
        """Fold the journal into the store file (if this session changed it) and release the files.

        A session that only read leaves the files byte for byte as they were.
        """
        with self._thread_lock:
            self.is_open = False
            if self._committed and self._lock.writable and read_only_reason(self.path) is None:
                with contextlib.suppress(StoreError, OSError), self.locked(exclusive=True):
                    self._catch_up()
                    if self._journal_end:
                        self._fold()
            self._closed = True
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            self._lock.close()

    # -- locking and catching up ---------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, exclusive: bool) -> Iterator[None]:
        """Hold the store's lock (shared to read, exclusive to write) for one operation."""
        with self._thread_lock:
            if self._closed:
                raise StoreError(f"The store {self.path} was closed; open it again.")
            self._lock.acquire(exclusive, may_create=self.read_only is None)
            try:
                if not self._temps_checked and self._lock.writable:
                    self._temps_checked = True
                    remove_stale_temps(self.path)  # a kill mid-fold left them; nobody writes now
                yield
            finally:
                self._lock.release()

    def refuse_if_read_only(self) -> None:
        """Refuse a change, in one sentence, when the store cannot be changed (checked afresh)."""
        self.read_only = read_only_reason(self.path)
        if self.read_only:
            raise StoreFileError(
                f"The store {self.path} is read-only ({self.read_only}); nothing was changed."
            )

    def refresh(self) -> bool:
        """Catch up with changes another session made; True when anything changed."""
        with self.locked(exclusive=False):
            return self._catch_up()

    def write_transaction(self) -> contextlib.AbstractContextManager[None]:
        """The exclusive lock, caught up with other sessions: validate and commit inside it."""
        return self._transaction()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.refuse_if_read_only()
        with self.locked(exclusive=True):
            self._catch_up()
            yield

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
        entries = None if read is None else self._ours(read.entries, self.state.store_id)
        if entries is None or (entries and entries[0]["seq"] != self.seq + 1):
            self._reload()  # a gap in the sequence means we missed a fold; read everything
            return True
        touched: set[str] = set()
        for entry in entries:
            touched |= self.state.apply(entry["ops"])
            self.state.seq = entry["seq"]
        self._touched(touched)
        self._journal_end = read.good_end
        self._journal_stamp = journal
        return bool(entries)

    def _ours(self, entries: list[dict[str, Any]], mine: str | None,
              records: bool = True) -> list[dict[str, Any]]:
        """Entries of store ``mine`` (an orphaned journal of another store is ignored), checked."""
        ours = [e for e in entries if mine is None or e.get("store") in (None, mine)]
        for entry in ours:
            problem = entry_problem(entry, TABLES, records)
            if problem:
                raise refuse(self.journal_path, problem, "journal")
        return ours

    def _reload(self) -> None:
        """Read file and journal into a new state, then swap it in whole (readers never see half)."""
        stamp = FileStamp.of(self.path)
        loaded = parse_store(read_store_bytes(self.path), self.path)
        if loaded.version < SCHEMA_VERSION:
            raise OlderSchema(loaded.version, self.path)
        meta = loaded.tables[META_TABLE]["meta"]
        problem = meta_problem(meta) or tables_problem(loaded.tables) or nesting_problem(
            meta, "the meta table") or nesting_problem(loaded.tables["history"], "the history")
        if problem:
            raise refuse(self.path, problem)
        state = State.adopt(loaded.tables, loaded.doc_keys, seq=meta.get("seq", 0))
        journal_stamp = FileStamp.of(self.journal_path)
        read = self.apply_journal(state)
        self._main_stamp = stamp
        self.main_seq = meta.get("seq", 0)
        self._journal_stamp = journal_stamp
        self._journal_end = read.good_end
        self._install(state)

    def apply_journal(self, state: State, older_schema: bool = False) -> JournalRead:
        """Apply the journal's changes after the state's last one to it: the file and its journal are
        one store, and a change is saved once its journal line is (a migration reads both too, its
        records in the older schema)."""
        seq = state.seq
        read = read_journal(self.journal_path)
        pending = [e for e in self._ours(read.entries, state.store_id, not older_schema) if e["seq"] > seq]
        if pending and pending[0]["seq"] != seq + 1:
            raise StoreFileError(
                f"The journal {self.journal_path} does not continue the store file (it starts at "
                f"change {pending[0]['seq']}, the file ends at {seq}), as if an older copy of the "
                "store was put back; move the journal aside to open the store without it."
            )
        for entry in pending:
            state.apply(entry["ops"])
            state.seq = entry["seq"]
        return read

    def _install(self, state: State) -> None:
        self.state = state
        self.generation += 1
        for name in TABLES:
            self.table_generation[name] = self.generation

    def _touched(self, tables: set[str]) -> None:
        self.generation += 1
        for name in tables:
            self.table_generation[name] = self.generation

    # -- writing -------------------------------------------------------------------------

    def commit(self, ops: list[list[Any]]) -> int:
        """Make ``ops`` ([table, id, record-or-None], …) durable, then apply them; the new seq.

        The caller holds ``write_transaction()``, so the change was validated against the
        newest state. Once the journal line is synced the change is saved: folding the journal
        into the store file afterwards is housekeeping, and a failed fold is retried later.
        """
        if self._writer is None:
            self._writer = JournalWriter(self.journal_path)
        seq = self.seq + 1
        try:
            line = encode_entry({"seq": seq, "store": self.state.store_id, "ops": ops})
        except (TypeError, ValueError) as error:  # orjson: nested too deep, or not JSON
            raise StoreFileError(f"The change cannot be saved ({error}); nothing was changed.") from None
        self._journal_end = self._writer.append(line, self._journal_end)
        self._journal_stamp = FileStamp.of(self.journal_path)
        self.written_generations.add(self.generation + 1)  # before the bump: no reader sees it unmarked
        self._touched(self.state.apply(ops))
        self.state.seq = seq
        self._committed = True
        main_size = self._main_stamp.size if self._main_stamp else 0
        threshold = max(FOLD_MIN_BYTES, FOLD_SHARE * main_size, self._fold_retry_at)
        if self._journal_end > threshold:
            try:
                self._fold()
            except StoreFileError as error:
                self.fold_error = error
                self._fold_retry_at = self._journal_end + FOLD_MIN_BYTES
        return seq

    def _fold(self) -> None:
        if self.before_fold is not None:
            self.before_fold()
        folded_from = self._main_stamp
        self._write_main()
        self._after_fold(folded_from, self.seq)
        self.fold_error = None
        self._fold_retry_at = 0

    def _after_fold(self, folded_from: FileStamp | None, seq: int) -> None:
        """What follows writing a folded store file: the lookup index told, the journal emptied."""
        follow_fold(self.path, folded_from, self._main_stamp, seq)
        if self._writer is None:
            self._writer = JournalWriter(self.journal_path)
        self._writer.clear()
        self._journal_end = 0
        self._journal_stamp = FileStamp.of(self.journal_path)

    def _write_main(self) -> None:
        state = self.state
        meta = dict(state.tables[META_TABLE]["meta"])
        meta["seq"] = state.seq
        meta["next_doc"] = {name: state.next_doc[name] for name in TABLES if name != META_TABLE}
        data = render_store(state.tables, state.doc_keys, meta)
        write_atomically(self.path, data)  # its temp file is named after this store
        self._main_stamp = FileStamp.of(self.path)
        self.main_seq = state.seq

    def replace_state(self, tables: Tables, doc_keys: dict[str, dict[str, str]]) -> None:
        """Install migrated tables and write them as the store file (under the exclusive lock)."""
        problem = tables_problem(tables)
        if problem:
            raise refuse(self.path, problem)
        self.written_generations.add(self.generation + 1)
        self._install(State.adopt(tables, doc_keys, seq=0))
        self._write_main()

    def backup(self, suffix: str) -> str:
        """Copy the store file durably beside itself (owner-only, never over another backup)."""
        target = f"{self.path}.{suffix}"
        if os.path.exists(target):
            stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
            target = f"{self.path}.{stamp}.{suffix}"
        copy_durably(self.path, target)
        return target
