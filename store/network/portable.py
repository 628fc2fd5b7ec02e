"""The portable network document: every record of a network as JSON lists, versioned.

The default network in ``assets/`` has this shape, and so does ``claimnet export --format json``:
``{"format": "claimnet-network", "version": 2, "sources": [...], "actors": [...], ...}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from claimnet.store import model
from claimnet.store.model.errors import StoreFileError, ValidationError
from claimnet.store.model.ids import new_id, now

FORMAT = "claimnet-network"
VERSION = 2


def check_network(document: Any, origin: str) -> dict[str, list[dict[str, Any]]]:
    """The record lists of a network document; refused with a message if it is not one."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise StoreFileError(f"{origin} is not a claimnet network document.")
    version = document.get("version")
    if type(version) is not int or version > VERSION:
        raise StoreFileError(
            f"{origin} has network version {version!r}; this claimnet reads up to {VERSION}."
        )
    unknown = sorted(str(key) for key in document if key not in ("format", "version", *model.RECORD_TABLES))
    if unknown:  # refused, not dropped: it may hold records a newer claimnet would have kept
        raise StoreFileError(f"{origin} has a top-level key claimnet does not know, {unknown[0]!r}; "
                             "nothing was imported.")
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in model.RECORD_TABLES:
        items = document.get(table, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise StoreFileError(f"{origin}: {table!r} must be a list of records.")
        tables[table] = items
    return tables


def network_document(tables: dict[str, Iterable[dict[str, Any]]]) -> dict[str, Any]:
    """A network document holding the given record dicts."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for table in model.RECORD_TABLES:
        document[table] = list(tables.get(table, ()))
    return document


def prepare_records(
    tables: dict[str, Iterable[dict[str, Any]]],
    existing: Callable[[str], dict[str, Any] | None],
    normalise: Callable[[str, dict[str, Any]], None],
) -> list[list[Any]]:
    """Complete records to add beside ``existing`` ones; the ops that add them (check them with
    ``batch.check_batch``)."""
    pending: dict[str, dict[str, Any]] = {}
    ops: list[list[Any]] = []
    stamp = now()
    for table in model.RECORD_TABLES:
        for fields in tables.get(table, ()):
            record = model.defaults(table)
            record.update({("from" if k == "from_" else k): v for k, v in fields.items()})
            rid = record["id"] or new_id(model.BY_TABLE[table].PREFIX, pending)
            record["id"] = rid
            if not isinstance(rid, str) or model.table_of_id(rid) != table:
                raise ValidationError(f"id {rid!r} does not belong in {table}.", field="id")
            if existing(rid) is not None or rid in pending:
                raise ValidationError(f"id {rid!r} is taken.", field="id")
            record["created"] = record["created"] or stamp
            record["updated"] = record["updated"] or stamp
            normalise(table, record)
            pending[rid] = record
            ops.append([table, rid, record])

    return ops
