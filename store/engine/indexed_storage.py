"""A session that reads the store through its lookup index instead of parsing the whole file.

The quick commands of the shell open the store this way: records are read from the index by id,
by group key or by search text, and a change is appended to the journal (the same durable line a
full session writes) and then applied to the index, all under the store's lock. The index is
brought in step with the store file and journal at the start of every operation (see
``lookup_index.py``); when it cannot be (a store folder that cannot be written), the session
loads the whole file like any other.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

from claimnet.store.model.errors import StoreError, StoreFileError

from .document import META_TABLE, TABLES
from .document_lines import LineTotals, NotOurLayout, record_lines
from .fold_lines import plan_fold, write_fold
from .journal import read_journal
from .lock import read_only_reason
from .lookup_index import Derivations, LookupIndex, Stamp, is_busy, rowid_of, stamp_text
from .shapes import refuse
from .storage import FileStamp, State, Storage


def main_text(stamp: FileStamp | None) -> str:
    """How an index stamp names the store file it was built from ('' for none)."""
    return "" if stamp is None else stamp_text(stamp)


class IndexedTable(Mapping[str, dict[str, Any]]):
    """One table as a read-only mapping over the index, decoding records as they are asked for."""

    def __init__(self, index: LookupIndex, table: str) -> None:
        self.index = index
        self.table = table
        self.cache: dict[str, dict[str, Any] | None] = {}

    def get(self, rid: Any, default: Any = None) -> Any:
        """The record with this id (decoded once per session), or ``default``."""
        if not isinstance(rid, str):
            return default
        if rid not in self.cache:
            row = self.index.get(self.table, rid)
            self.cache[rid] = None if row is None else orjson.loads(row[1])
        found = self.cache[rid]
        return default if found is None else found

    def __getitem__(self, rid: str) -> dict[str, Any]:
        found = self.get(rid)
        if found is None:
            raise KeyError(rid)
        return found

    def __contains__(self, rid: object) -> bool:
        return self.get(rid) is not None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self.index.rows(self.table, with_body=False))

    def __len__(self) -> int:
        return self.index.count(self.table)

    def values(self) -> _Values:  # type: ignore[override]
        """The records in store order; ``reversed()`` gives them newest first."""
        return _Values(self)

    def items(self) -> Iterator[tuple[str, dict[str, Any]]]:  # type: ignore[override]
        """(id, record) in store order."""
        return ((rid, orjson.loads(body)) for rid, body in self.index.rows(self.table))

    def starting_with(self, prefix: str) -> list[str]:
        """Ids of this table that start with ``prefix``."""
        return self.index.ids_starting(self.table, prefix)


class _Values:
    """A table's records, forwards or (``reversed``) newest first, read as they are iterated."""

    def __init__(self, table: IndexedTable) -> None:
        self.table = table

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (orjson.loads(body) for _rid, body in self.table.index.rows(self.table.table))

    def __reversed__(self) -> Iterator[dict[str, Any]]:
        rows = self.table.index.rows(self.table.table, descending=True)
        return (orjson.loads(body) for _rid, body in rows)

    def __len__(self) -> int:
        return len(self.table)


class IndexedState(State):
    """The loaded state as tables over the index; applying a change writes the index."""

    def __init__(self, index: LookupIndex, stamp: Stamp) -> None:
        super().__init__({name: IndexedTable(index, name) for name in TABLES}, seq=stamp.seq)
        self.index = index
        self.next_doc = dict(stamp.next_doc)

    def apply(self, ops: list[list[Any]]) -> set[str]:
        """Write whole-record puts and deletes into the index (inside its write transaction)."""
        touched = set()
        for table, rid, record in ops:
            rowid = self.index.rowid(table, rid)
            if rowid is None:
                if record is None:
                    continue
                rowid = rowid_of(table, self.next_doc.get(table, 1))
                self.next_doc[table] = self.next_doc.get(table, 1) + 1
            self.index.put(table, rowid, rid, record)
            self.tables[table].cache[rid] = record
            touched.add(table)
        return touched


def advance_by(index: LookupIndex, stamp: Stamp, entries: list[dict[str, Any]], journal_inode: int,
               journal_end: int) -> Stamp:
    """Apply journal entries that continue ``stamp`` to the index and stamp it as ending at
    ``journal_end`` (inside ``writing``); the new stamp."""
    state = IndexedState(index, stamp)
    for entry in entries:
        state.apply(entry["ops"])
        state.seq = entry["seq"]
    return _stamp_applied(index, stamp, state, journal_inode, journal_end)


def _stamp_applied(index: LookupIndex, stamp: Stamp, state: IndexedState, journal_inode: int,
                   journal_end: int) -> Stamp:
    """Stamp the index as holding ``state`` (the journal applied up to ``journal_end``); the stamp."""
    stamp.journal_inode = journal_inode
    stamp.journal_end = journal_end
    stamp.seq = state.seq
    stamp.next_doc = state.next_doc
    index.advance(stamp)
    return stamp


class IndexedStorage(Storage):
    """A ``Storage`` whose data is read from the lookup index; it folds only on close, once the
    journal passed its threshold."""

    def __init__(self, path: str, derive: Derivations) -> None:
        super().__init__(path)
        self.derive = derive
        self.index: LookupIndex | None = None
        self.fold_due = False  # the journal passed its threshold: fold on close (a record at a time)
        self.rebuilt = False  # the index was refilled since the state was last installed

    def open(self) -> None:
        """Open the index (falling back to a whole load when it cannot be kept) and catch up."""
        if not self.exists():
            raise StoreFileError(f"There is no store at {self.path}.")
        try:
            self.index = LookupIndex(self.path, self.derive)
        except (sqlite3.Error, OSError):
            self.index = None  # a folder we cannot write to: read the whole file instead
        super().open()

    def _reload(self) -> None:
        if self.index is None:
            super()._reload()
            return
        self._sync()

    def _catch_up(self) -> bool:
        if self.index is None:
            return super()._catch_up()
        return self._sync()

    # -- keeping the index in step ----------------------------------------------------------

    def _sync(self) -> bool:
        """Bring the index in step with the store file and journal; True when anything changed."""
        index = self.index
        assert index is not None
        main = FileStamp.of(self.path)
        if main is None:
            raise StoreFileError(f"The store {self.path} was removed while in use.")
        journal = FileStamp.of(self.journal_path)
        stamp = index.stamp()
        if self._current(stamp, main, journal):
            return self._adopt(stamp, main, journal)
        try:
            with index.writing():
                stamp = index.stamp()  # another session may have brought it in step meanwhile
                if not self._current(stamp, main, journal):
                    stamp = self._follow(stamp, main, journal)
        except sqlite3.DatabaseError as error:
            try:
                if is_busy(error):
                    raise  # another session holds the index (building it, say): not damage
                index.reset()  # damaged: rebuilt from the store, never trusted
                with index.writing():
                    stamp = self._rebuild(main)
            except sqlite3.Error:  # it cannot be written here: read the whole store instead
                index.close()
                self.index = None
                super()._reload()
                return True
        return self._adopt(stamp, main, journal)

    def _current(self, stamp: Stamp, main: FileStamp, journal: FileStamp | None) -> bool:
        if stamp.main != main_text(main) or not stamp.store:
            return False
        if journal is None:
            return stamp.journal_end == 0 and stamp.seq == stamp.main_seq
        return journal.inode == stamp.journal_inode and journal.size == stamp.journal_end

    def _follow(self, stamp: Stamp, main: FileStamp, journal: FileStamp | None) -> Stamp:
        """Apply the journal's new entries to the index, or rebuild it (inside ``writing``)."""
        if stamp.main != main_text(main) or not stamp.store:
            return self._rebuild(main)
        if journal is None:
            return self._rebuild(main) if stamp.seq != stamp.main_seq else stamp
        start = stamp.journal_end if journal.inode == stamp.journal_inode and \
            journal.size >= stamp.journal_end else 0
        try:
            read = read_journal(self.journal_path, start)
        except StoreFileError:
            if start == 0:
                raise
            start, read = 0, read_journal(self.journal_path, 0)
        entries = [e for e in self._ours(read.entries, stamp.store) if e["seq"] > stamp.seq]
        if entries and entries[0]["seq"] != stamp.seq + 1:
            return self._rebuild(main)  # a gap: the index missed changes it cannot recover
        return advance_by(self.index, stamp, entries, journal.inode, read.good_end)

    def _rebuild(self, main: FileStamp) -> Stamp:
        """Fill the index from the store file and journal: record by record when the file has our
        layout, else from a parse of the whole file (inside ``writing``)."""
        self.rebuilt = True  # new data whatever its seq: readers drop what they cached
        try:
            return self._rebuild_by_lines()
        except NotOurLayout:
            return self._rebuild_whole()

    def _rebuild_whole(self) -> Stamp:
        """Parse the whole store file and journal, and fill the index from them."""
        super()._reload()
        state = self.state
        journal = self._journal_stamp
        stamp = Stamp(store=state.store_id or "", main=main_text(self._main_stamp),
                      journal_inode=journal.inode if journal else 0, journal_end=self._journal_end,
                      seq=state.seq, next_doc=dict(state.next_doc),
                      main_seq=state.tables[META_TABLE]["meta"].get("seq", 0))
        try:
            self.index.rebuild(state.tables, state.doc_keys, stamp)
        except orjson.JSONEncodeError as error:  # a record nested deeper than the JSON writer goes
            raise refuse(self.path, f"a record cannot be written back ({error})") from None
        return stamp

    def _rebuild_by_lines(self) -> Stamp:
        """Fill the index a record at a time from a file in our layout, then apply the journal.

        What a whole load would refuse or read otherwise raises ``NotOurLayout`` (see
        ``document_lines``), and so do ids that repeat within a table (the index's unique index).
        """
        index = self.index
        assert index is not None
        totals = LineTotals()
        try:
            with open(self.path, "rb", buffering=1 << 20) as handle:
                st = os.fstat(handle.fileno())
                rows = ((table, rowid_of(table, key), rid, record)
                        for table, key, rid, record in record_lines(handle, totals))
                try:
                    index.refill(rows)
                except sqlite3.IntegrityError:
                    raise NotOurLayout("an id twice in a table") from None
        except OSError as error:
            raise StoreFileError(f"Cannot read the store {self.path}: {error.strerror}.") from error
        meta = totals.meta
        assert meta is not None
        next_doc = totals.next_docs()
        main = FileStamp(st.st_ino, st.st_size, st.st_mtime_ns)
        stamp = Stamp(store=meta.get("store") or "", main=main_text(main), seq=meta.get("seq", 0),
                      next_doc=next_doc, main_seq=meta.get("seq", 0))
        journal = FileStamp.of(self.journal_path)
        state = IndexedState(index, stamp)
        read = self.apply_journal(state)  # as a whole load does, into the index
        self.main_seq = stamp.main_seq
        return _stamp_applied(index, stamp, state, journal.inode if journal else 0, read.good_end)

    def _adopt(self, stamp: Stamp, main: FileStamp, journal: FileStamp | None) -> bool:
        """Install the index's state as this session's; True when it differs from what it had."""
        changed = self.rebuilt or not isinstance(self.state, IndexedState) or \
            self.state.seq != stamp.seq or self._main_stamp != main
        self.rebuilt = False
        self._main_stamp = main
        self._journal_stamp = journal
        self._journal_end = stamp.journal_end
        if changed:
            self._install(IndexedState(self.index, stamp))
        return changed

    # -- writing ----------------------------------------------------------------------------

    def commit(self, ops: list[list[Any]]) -> int:
        """Append the change to the journal (durable), then apply it to the index."""
        if self.index is None:
            return super().commit(ops)
        index = self.index
        index.db.execute("BEGIN IMMEDIATE")
        end_before, seq = self._journal_end, self.seq + 1
        try:
            self._in_step_again(index.stamp())
            main_seq = index.stamp().main_seq
            seq = super().commit(ops)  # journal line synced, then State.apply writes the index
        except sqlite3.Error:
            index.db.execute("ROLLBACK")
            if self._journal_end == end_before:
                raise StoreFileError(f"Cannot use the lookup index of {self.path}; nothing was "
                                     "changed.") from None
            self._install(IndexedState(index, index.stamp()))  # saved: the index catches up next time
            return seq
        except BaseException:
            index.db.execute("ROLLBACK")
            raise
        try:  # the change is saved: a failure from here on only leaves the index behind the journal
            state = self.state
            assert isinstance(state, IndexedState)
            journal = self._journal_stamp
            index.advance(Stamp(state.store_id or "", main_text(self._main_stamp),
                                journal.inode if journal else 0, self._journal_end, seq,
                                dict(state.next_doc), main_seq))
            index.db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                index.db.execute("ROLLBACK")
            self._install(IndexedState(index, index.stamp()))  # caught up from the journal next time
        return seq

    def _in_step_again(self, stamp: Stamp) -> None:
        """Bring the index back to this session's state when another session rewrote it after this
        transaction caught up (inside the commit's index transaction, under the store's lock).

        The app refills the index from a snapshot of its records without holding the store's lock;
        a refill from a snapshot older than this session's state that lands between the catch-up
        and the commit would otherwise lose the changes in between: the commit would stamp the index
        as holding them. The journal still holds them, so they are applied again here.
        """
        journal = self._journal_stamp
        in_step = (stamp.seq == self.seq and stamp.journal_end == self._journal_end
                   and stamp.main == main_text(self._main_stamp))
        if not in_step:
            self._adopt(self._follow(stamp, self._main_stamp, journal), self._main_stamp, journal)

    def _fold(self) -> None:
        if self.index is None:
            super()._fold()
        else:
            self.fold_due = True  # reading the whole file twice: done on close, not inside a change

    def close(self) -> None:
        """Release the files; fold the journal first when it passed its threshold."""
        with self._thread_lock:
            if self.index is None:
                super().close()
                return
            if self.fold_due:
                self.fold_due = not self._fold_by_lines()
            self._committed = False  # never fold from the index's records (see fold_due)
            super().close()
            self.index.close()
        if self.fold_due:  # not our layout: fold with a whole load
            with contextlib.suppress(StoreFileError, OSError):
                full = Storage(self.path)
                full.open()
                full._committed = True
                full.close()

    def _fold_by_lines(self) -> bool:
        """Fold the journal into the store file a record at a time (see ``fold_lines``); False when
        the file is not in our layout. A fold that fails is left to the next session, as a whole
        session's is."""
        try:
            with self.locked(exclusive=True):
                if not self._lock.writable or read_only_reason(self.path) is not None:
                    return True
                self._sync()
                if not self._journal_end:
                    return True
                folded_from = FileStamp.of(self.path)
                plan = plan_fold(self.path, read_journal(self.journal_path), self._ours)
                write_fold(self.path, plan)
                self._main_stamp = FileStamp.of(self.path)
                self._after_fold(folded_from, plan.seq)
        except NotOurLayout:
            return False
        except (StoreError, OSError, sqlite3.Error):
            pass
        return True
