"""Verify a store: every reference resolves to the right kind and every span fits its source."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from claimnet.store import model
from claimnet.store.model.errors import ValidationError
from claimnet.store.network.validate import validate

if TYPE_CHECKING:
    from claimnet.store.network.core import Store


def problems(store: Store) -> list[str]:
    """One sentence per problem found, naming the record; empty when the store is sound."""
    found: list[str] = []
    seen_links: dict[tuple[str, str, str], str] = {}
    for table in model.RECORD_TABLES:
        for rid, record in store.storage.tables[table].items():
            if model.table_of_id(rid) != table:
                found.append(f"{rid}: the id does not belong in {table}.")
                continue
            try:
                validate(table, record, store.raw)
            except ValidationError as error:
                found.append(f"{rid}: {error}")
            if table == "sources":
                found.extend(_source_hash(store, rid))
            if table == "links":
                key = (record["from"], record["to"], record["type"])
                if key in seen_links:
                    found.append(f"{rid}: duplicates link {seen_links[key]}.")
                seen_links.setdefault(key, rid)
    return found


def _source_hash(store: Store, rid: str) -> list[str]:
    record = store.storage.tables["sources"][rid]
    digest = hashlib.sha256((record.get("text") or "").encode("utf-8")).hexdigest()
    if record.get("sha256") != digest:
        return [f"{rid}: sha256 does not match the source text."]
    return []
