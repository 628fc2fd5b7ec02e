"""Bring a store file of an older schema up to date, keeping a backup of the original.

Schema 0 is a TinyDB file with claimnet's tables but no meta table (written by TinyDB directly,
say by a script): its records get the fields they lack at their defaults and the meta table is
added. Schema 1 lacks review fields on actors and links and the tellings of a statement.
"""

from __future__ import annotations

import secrets

from claimnet.store import model
from claimnet.store.model.ids import now

from .document import META_TABLE, SCHEMA_VERSION, Tables, parse_store, read_store_bytes
from .storage import State, Storage


def _from_0(tables: Tables) -> None:
    stamp = now()
    for table in model.RECORD_TABLES:
        blank = model.defaults(table)
        for rid, record in list(tables[table].items()):
            migrated = {**blank, **record}
            migrated["created"] = migrated["created"] or stamp
            migrated["updated"] = migrated["updated"] or migrated["created"]
            tables[table][rid] = migrated


def _from_1(tables: Tables) -> None:
    """Schema 2 adds review to actors and links (status, origin, confidence) and every telling of a
    statement (spans): records get the new fields at their defaults."""
    for table in model.RECORD_TABLES:
        blank = model.defaults(table)
        for rid, record in list(tables[table].items()):
            if set(blank) - set(record):
                tables[table][rid] = {**blank, **record}


MIGRATIONS = {0: _from_0, 1: _from_1}


def migrate(storage: Storage) -> int:
    """Migrate the file behind ``storage`` in place (backup first); the version it had."""
    storage.refuse_if_read_only()
    with storage.locked(exclusive=True):
        loaded = parse_store(read_store_bytes(storage.path), storage.path)
        version = loaded.version
        if version >= SCHEMA_VERSION:
            return version
        storage.backup(f"v{version}.bak")
        meta = loaded.tables[META_TABLE]["meta"]
        state = State.adopt(loaded.tables, loaded.doc_keys, seq=meta.get("seq", 0))
        if meta.get("store"):  # changes an older claimnet saved in the journal but had not folded
            storage.apply_journal(state, older_schema=True)
        tables = state.tables
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](tables)
        tables[META_TABLE]["meta"] = {"schema": SCHEMA_VERSION, "seq": 0,
                                      "store": secrets.token_hex(8)}
        storage.replace_state(tables, state.doc_keys)
    return version
