"""The claimnet network document (``claimnet-network``, version 2): export it, and import it back.

The document is ``{"format": "claimnet-network", "version": 2, "sources": [...], "actors": [...],
"statements": [...], "evidence": [...], "links": [...], "annotations": [...]}``, each record in
its stored JSON shape (ids and timestamps included, keys in the model's order), indented by two
spaces, UTF-8 without escapes. Importing it into an empty store and exporting again gives the
same bytes. The history of changes is not part of the document.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

import orjson

from claimnet.store import model
from claimnet.store.model.errors import StoreFileError, ValidationError
from claimnet.store.network.portable import FORMAT, VERSION, check_network

from .snapshot import Network, Progress, Ticker, ordered

if TYPE_CHECKING:
    from claimnet.store.network.core import Store


def document(net: Network) -> dict[str, Any]:
    """The network document of ``net``."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for table in model.RECORD_TABLES:
        doc[table] = [ordered(table, record) for record in net.tables[table]]
    return doc


def write_json(net: Network, out: IO[bytes], progress: Progress | None = None) -> None:
    """Write the network document of ``net`` to ``out``."""
    ticker = Ticker(progress, net.total())
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for table in model.RECORD_TABLES:
        rows = doc[table] = []
        for record in net.tables[table]:
            rows.append(ordered(table, record))
            ticker.advance()
    out.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n")
    ticker.finish()


def read_document(path: str) -> dict[str, Any]:
    """Read a network document from a file, refusing anything that is not one."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise StoreFileError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreFileError(f"{path} is not valid JSON ({error.msg} at byte {error.pos}).") from None
    check_network(doc, path)
    return doc


def import_document(store: Store, doc: dict[str, Any], origin: str) -> tuple[int, int]:
    """Add a network document's records to ``store`` as one undoable change; (added, already there).

    A record whose id the store already holds is skipped when it is identical and refused (with
    nothing imported) when it differs: ids are random per store, so a clash means the same
    record was changed in two places, which ``claimnet merge`` reconciles.
    """
    tables = check_network(doc, origin)
    fresh: dict[str, list[dict[str, Any]]] = {}
    clashes: list[str] = []
    same = 0
    for table in model.RECORD_TABLES:
        fresh[table] = []
        for record in tables[table]:
            rid = record.get("id")
            held = store.find(rid) if isinstance(rid, str) and rid else None
            if held is None:
                fresh[table].append(record)
            elif _comparable(store, table, record) == held.to_dict():
                same += 1
            else:
                clashes.append(rid)
    if clashes:
        more = f" and {len(clashes) - 1} more" if len(clashes) > 1 else ""
        raise ValidationError(
            f"{origin}: {clashes[0]}{more} already exist in the store with different content; "
            "nothing was imported (use claimnet merge to reconcile two stores).", field="id")
    added = store.add_many(fresh, f"import {os.path.basename(origin)}") if any(fresh.values()) else 0
    return added, same


def _comparable(store: Store, table: str, record: dict[str, Any]) -> dict[str, Any]:
    full = model.defaults(table)
    full.update(record)
    store._normalise(table, full)
    return ordered(table, full)
