"""Changes that write many records at once, each as one undoable change: a whole network,
many status decisions, a change a feature plans under the lock, the prepared result of merging two stores.

Mixed into ``Store``; every batch is validated against the state it would leave
(``batch.check_batch``) before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from claimnet.store.engine.document import HISTORY_TABLE
from claimnet.store.model.errors import StaleChange

from . import history as hist
from .portable import prepare_records


class BulkChangesMixin:
    """Batch changes for ``Store`` (which provides the locking, checking and committing)."""

    def update_many(self, changes: dict[str, dict[str, Any]], summary: str) -> int:
        """Change fields of many records as one undoable change (e.g. accept all proposals)."""
        with self.storage.write_transaction():
            ops = []
            for record_id, fields in changes.items():
                table, record = self._updated(record_id, fields, check=False)
                before = self.raw(record_id)
                if any(record[k] != before.get(k) for k in record if k != "updated"):
                    ops.append([table, record_id, record])
            self._check_batch(ops)
            if ops:
                self._commit(summary, ops)
        return len(ops)

    def prepare(self, tables: dict[str, Iterable[dict[str, Any]]]) -> list[list[Any]]:
        """Complete records to add (defaults, ids, stamps) as ops for ``apply_prepared``; not checked."""
        return prepare_records(tables, self.raw, self._normalise)

    def add_many(self, tables: dict[str, Iterable[dict[str, Any]]], summary: str,
                 guard: Callable[[], None] | None = None) -> int:
        """Add many records (a whole network) as one undoable change; the number added.

        ``guard`` runs under the store's lock after catching up, before anything is written:
        it may refuse the change (an importer checks there that the text is still new).
        """
        with self.storage.write_transaction():
            ops = self.prepare(tables)
            if guard is not None:
                guard()
            self._check_batch(ops)
            if ops:
                self._commit(summary, ops)
        return len(ops)

    def apply_prepared(self, summary: str, ops: list[list[Any]], expect_seq: int,
                       details: dict[str, Any] | None = None) -> hist.HistoryEntry:
        """Apply whole-record ops prepared (and validated) against ``expect_seq`` as one undoable change.

        Refused with nothing written when the store changed since ``expect_seq``; ``details``
        is kept in the history entry (a merge keeps there what it decided).
        """
        with self.storage.write_transaction():
            if self.storage.seq != expect_seq:
                raise StaleChange("The store changed while the change was being prepared; "
                                   "nothing was written, run it again.")
            self._commit(summary, ops, details=details)
            entry = self.storage.tables[HISTORY_TABLE][hist.history_id(self.storage.seq)]
        return hist.HistoryEntry.from_dict(entry)

    def apply_fresh(
        self, plan: Callable[[], tuple[str, list[list[Any]], dict[str, Any] | None]], attempts: int = 5
    ) -> int:
        """Plan a change on the newest state and apply it unless another session wrote in between (then
        plan again, up to ``attempts`` times); the number of ops written.

        ``plan`` gives (summary, ops, details) of ops prepared and validated by the caller (as for
        ``apply_prepared``), and may raise to refuse the change on what it finds (a decision another
        session made meanwhile). Unlike ``apply_planned`` the planning runs outside the lock.
        """
        for _attempt in range(attempts):
            self.refresh()
            seq = self.storage.seq
            summary, ops, details = plan()
            if not ops:
                return 0
            try:
                self.apply_prepared(summary, ops, expect_seq=seq, details=details)
            except StaleChange:
                continue
            return len(ops)
        raise StaleChange("The store kept changing while the change was written; nothing was written, "
                          "try again.")

    def apply_planned(self, plan: Callable[[], tuple[str, list[list[Any]]]]) -> list[list[Any]]:
        """Commit the ops ``plan`` computes under the store's lock, as one undoable change.

        ``plan`` runs after catching up with other sessions and returns ``(summary, ops)``; a
        feature built on this API (merging two actors) decides its change there, on the newest
        state. The ops are validated as a batch before anything is written; they are returned.
        """
        with self.storage.write_transaction():
            summary, ops = plan()
            self._check_batch(ops)
            if ops:
                self._commit(summary, ops)
        return ops
