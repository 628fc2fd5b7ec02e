"""claimnet's headless core: the claim-network model, its storage, queries, import and export.

Open a store with :func:`open_store`; every read and change goes through the returned
:class:`Store`. Nothing here imports textual or rich.
"""

from __future__ import annotations

import contextlib
import os

from claimnet.store.engine.document import OlderSchema, empty_tables
from claimnet.store.engine.indexed_storage import IndexedStorage
from claimnet.store.engine.location import default_network, default_store_path
from claimnet.store.engine.migrate import migrate
from claimnet.store.engine.storage import Storage
from claimnet.store.model.errors import (
    Ambiguous,
    DependentsExist,
    NotFound,
    NothingToDo,
    StaleChange,
    StoreError,
    StoreFileError,
    ValidationError,
)
from claimnet.store.network.batch import check_batch
from claimnet.store.network.core import Store
from claimnet.store.network.portable import check_network, prepare_records

__all__ = [
    "Ambiguous",
    "DependentsExist",
    "NotFound",
    "NothingToDo",
    "StaleChange",
    "Store",
    "StoreError",
    "StoreFileError",
    "ValidationError",
    "open_store",
]


def open_store(path: str | None = None, *, create: bool = True, analyst: str | None = None,
               network: dict | None = None, lookups: bool = False, search_index: bool = False) -> Store:
    """Open the store at ``path`` (default: ``CLAIMNET_STORE`` or the user data directory).

    With no file there and ``create``, a new store is made holding ``network`` (by default the
    network of the seed article) and ``store.created_new`` is True. An older schema is migrated
    with a backup kept (``store.migrated_from`` says from which version).

    With ``lookups`` the session reads through the store's lookup index instead of parsing the
    whole file, and leaves folding the journal to the app (quick commands from a shell).
    With ``search_index`` a session that loads the whole file (the app) searches through the
    lookup index whenever it is in step, and keeps it in step with its own changes.
    """
    if lookups:
        from claimnet.store.network.lookups import DERIVATIONS

        storage: Storage = IndexedStorage(path or default_store_path(), DERIVATIONS)
    else:
        storage = Storage(path or default_store_path())
    store = Store(storage, analyst=analyst)
    if not storage.exists():
        if not create:
            raise StoreFileError(f"There is no store at {storage.path}; check the path (only the app "
                                 "and commands that write create a store).")
        tables = empty_tables()
        document = default_network() if network is None else network
        records = check_network(document, "the default network")
        ops = prepare_records(records, lambda _rid: None, store._normalise)
        check_batch(ops, lambda _rid: None, lambda _key, _pending: None)
        for table, rid, record in ops:
            tables[table][rid] = record
        store.created_new = storage.create(tables)
    lock_existed = os.path.exists(storage.lock_path)
    try:
        storage.open()
    except OlderSchema:
        store.migrated_from = migrate(storage)
        storage.open()
    except StoreFileError:
        if not lock_existed:  # leave nothing behind beside a file we refused
            storage.close()
            with contextlib.suppress(OSError):
                os.unlink(storage.lock_path)
        raise
    if search_index and not lookups:
        from claimnet.store.network.lookups import DERIVATIONS

        store.use_lookup_index(DERIVATIONS)
    return store

