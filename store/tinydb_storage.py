"""A read-only TinyDB storage over a claimnet store: ``TinyDB(path, storage=ClaimnetStorage)``.

The store file is a TinyDB document, but TinyDB's own ``JSONStorage`` reads only the file: it
misses the changes still in the journal beside it, takes no lock, and would write around the
``Store`` API. ``ClaimnetStorage`` gives TinyDB the current state instead (journal included,
read under the store's lock, caught up with other sessions on every read), so a script can use
TinyDB's ``Query`` on it::

    from tinydb import Query, TinyDB
    from claimnet.store.tinydb_storage import ClaimnetStorage

    with TinyDB("store.json", storage=ClaimnetStorage) as db:
        denials = db.table("statements").search(Query().act == "denial")

Writes are refused: they would bypass validation and history.
"""

from __future__ import annotations

from typing import Any

from tinydb.storages import Storage as TinyDBStorage

from claimnet.store.engine.document import META_TABLE, TABLES
from claimnet.store.engine.storage import Storage
from claimnet.store.model.errors import StoreError

WRITE_REFUSED = (
    "ClaimnetStorage is read-only: a write through TinyDB would bypass claimnet's validation "
    "and history. Change the store through the Store API: claimnet.store.open_store(path), "
    "then create, update, annotate, link or delete."
)


class ClaimnetStorage(TinyDBStorage):
    """TinyDB storage reading a claimnet store's current state; every write is refused."""

    def __init__(self, path: str, **_options: Any) -> None:
        self._storage = Storage(path)
        self._storage.open()
        self._cache: tuple[int, dict[str, dict[str, Any]]] | None = None

    def read(self) -> dict[str, dict[str, Any]]:
        """The store as a TinyDB document (tables of doc id -> record), journal included."""
        storage = self._storage
        with storage.locked(exclusive=False):
            storage.refresh()  # catch up with other sessions, under the same shared lock
            if self._cache is None or self._cache[0] != storage.generation:
                self._cache = storage.generation, self._document()
        # fresh table dicts: TinyDB's write path replaces tables in what read() returned
        return {name: dict(table) for name, table in self._cache[1].items()}

    def _document(self) -> dict[str, dict[str, Any]]:
        state = self._storage.state
        document = {
            name: {state.doc_keys[name][rid]: record for rid, record in state.tables[name].items()}
            for name in TABLES if name != META_TABLE
        }
        document[META_TABLE] = {"1": dict(state.tables[META_TABLE]["meta"], seq=state.seq)}
        return document

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Refused: changes go through the Store API (nothing reaches the files)."""
        # TinyDB changed the records it read before calling write: read the store afresh
        path = self._storage.path
        self._storage.close()
        self._storage, self._cache = Storage(path), None
        self._storage.open()
        raise StoreError(WRITE_REFUSED)

    def close(self) -> None:
        """Release the store's files (nothing is written)."""
        self._storage.close()
