"""Keeps the lookup index in step with a whole-file session, so the app can search through it.

The app holds every record in memory (a ``Storage``). Searching memory means folding every text
once per session (0.7 s at 100,000 statements) before the first answer, while the lookup index
already holds the folded texts. The follower says, under the session's lock, whether the index
describes exactly what the session holds: the same store file, the journal up to the same byte,
the same last change. When the index is only behind the journal (the session's own writes, or a
full session's elsewhere) it applies the missing entries; anything else (never built, another
fold, a damaged file, another writer busy with it) and the caller searches memory instead, until
``build`` refills the index from a snapshot of the session's records without holding its lock.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, Any

from claimnet.store.model.errors import StoreFileError

from .document import META_TABLE
from .indexed_storage import advance_by, main_text
from .journal import decode_lines
from .lookup_index import Derivations, LookupIndex, Stamp

if TYPE_CHECKING:
    from .storage import Storage

#: How long a search waits for another writer of the index before it searches memory instead.
BUSY_MS = 50


class IndexFollower:
    """A whole-file session's view of its lookup index: used only when it is exactly in step."""

    def __init__(self, storage: Storage, derive: Derivations) -> None:
        self.storage = storage
        self.derive = derive
        self.index: LookupIndex | None = None
        self.unusable = False  # the index cannot be opened here (a read-only folder …)

    def _open(self) -> LookupIndex | None:
        if self.index is None and not self.unusable:
            try:
                self.index = LookupIndex(self.storage.path, self.derive)
                self.index.db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            except (sqlite3.Error, OSError):
                self.unusable = True
        return self.index

    def close(self) -> None:
        """Release the index's connection."""
        if self.index is not None:
            self.index.close()
            self.index = None

    # -- in step with the session --------------------------------------------------------

    def session_stamp(self) -> Stamp:
        """The stamp an index holding exactly the session's records would carry."""
        st = self.storage
        journal = st._journal_stamp
        return Stamp(store=st.state.store_id or "", main=main_text(st._main_stamp),
                     journal_inode=journal.inode if journal else 0, journal_end=st._journal_end,
                     seq=st.seq, next_doc=dict(st.state.next_doc), main_seq=st.main_seq)

    def _exact(self, stamp: Stamp, mine: Stamp) -> bool:
        if not stamp.store or stamp.store != mine.store or stamp.main != mine.main or stamp.seq != mine.seq:
            return False
        if mine.journal_end == 0:
            return stamp.journal_end == 0
        return stamp.journal_inode == mine.journal_inode and stamp.journal_end == mine.journal_end

    def _behind(self, stamp: Stamp, mine: Stamp) -> bool:
        same_journal = stamp.journal_end == 0 or stamp.journal_inode == mine.journal_inode
        return (bool(stamp.store) and stamp.store == mine.store and stamp.main == mine.main
                and same_journal and stamp.journal_end < mine.journal_end and stamp.seq < mine.seq)

    def current(self) -> LookupIndex | None:
        """The index when it holds exactly the session's records (catching up with the journal
        when it is only behind it), else None. Call it holding the session's thread lock."""
        index = self._open()
        if index is None:
            return None
        mine = self.session_stamp()
        try:
            stamp = index.stamp()
            if self._exact(stamp, mine):
                return index
            if not self._behind(stamp, mine):
                return None
            with index.writing():
                stamp = index.stamp()  # another session may have moved it meanwhile
                if not self._exact(stamp, mine):
                    if not self._behind(stamp, mine):
                        return None
                    self._follow(index, stamp, mine)
            return index
        except (sqlite3.Error, StoreFileError):
            with contextlib.suppress(sqlite3.Error):
                if index.db.in_transaction:
                    index.db.execute("ROLLBACK")
            return None

    def _follow(self, index: LookupIndex, stamp: Stamp, mine: Stamp) -> None:
        """Apply the journal lines between the index's end and the session's (inside ``writing``)."""
        path = self.storage.journal_path
        with open(path, "rb") as handle:
            handle.seek(stamp.journal_end)
            data = handle.read(mine.journal_end - stamp.journal_end)
        read = decode_lines(data, stamp.journal_end, path)
        entries = [e for e in read.entries if e.get("store") in (None, mine.store)]
        if read.good_end != mine.journal_end or not entries or entries[0].get("seq") != stamp.seq + 1 \
                or entries[-1].get("seq") != mine.seq:
            raise StoreFileError("the journal does not continue the index")  # not used: memory is searched
        advance_by(index, stamp, entries, mine.journal_inode, mine.journal_end)

    def keep_up(self) -> None:
        """Bring an index that was in step up to the session's last change (before a fold, which
        restamps only an index that applied every change)."""
        with contextlib.suppress(Exception):
            self.current()

    # -- refilling ---------------------------------------------------------------------------

    def build(self) -> bool:
        """Refill the index from the session's records unless it is in step; whether it is now.

        The records are copied (by reference: records are never changed in place) under the
        session's lock, and the index is written without it, on a connection of its own, so
        reads and searches go on meanwhile (searching memory). Changes made during the build
        are applied from the journal by the next ``current``.
        """
        st = self.storage
        with st._thread_lock:
            if not st.is_open or self._open() is None:
                return False
            st.refresh()
            if self.current() is not None:
                return True
            mine = self.session_stamp()
            tables: dict[str, dict[str, Any]] = {name: dict(records) for name, records in st.tables.items()}
            doc_keys = {name: dict(keys) for name, keys in st.state.doc_keys.items()}
        if META_TABLE in tables:
            tables[META_TABLE] = {k: dict(v) for k, v in tables[META_TABLE].items()}
        try:
            builder = LookupIndex(st.path, self.derive)
        except (sqlite3.Error, OSError):
            return False
        try:
            with builder.writing():
                if not self._exact(builder.stamp(), mine):
                    builder.rebuild(tables, doc_keys, mine)
        except sqlite3.Error:
            return False
        finally:
            builder.close()
        return True
