"""Checking a change that writes many records at once against the state it would leave.

Each record is validated with the batch's own records visible (so two edits in one batch cannot
make an affiliation loop or two identical links between them), and a refusal names the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimnet.store.model.errors import ValidationError

from .validate import validate

Op = list[Any]  # [table, record id, record dict or None to delete]


def check_batch(
    ops: list[Op],
    existing: Callable[[str], dict[str, Any] | None],
    existing_link: Callable[[tuple[str, str, str], dict[str, Any]], str | None],
) -> None:
    """Refuse ``ops`` if any record they write would be invalid once they are all applied.

    ``existing_link(key, pending)`` names a link already in the store with that (from, to,
    type) and not rewritten by the batch, if there is one.
    """
    pending = {rid: record for _table, rid, record in ops}

    def lookup(rid: str) -> dict[str, Any] | None:
        return pending[rid] if rid in pending else existing(rid)

    seen: dict[tuple[str, str, str], str] = {}
    for table, rid, record in ops:
        if record is None:
            continue
        try:
            validate(table, record, lookup)
        except ValidationError as error:
            raise ValidationError(f"{rid}: {error}", field=error.field) from None
        if table == "links":
            key = (record["from"], record["to"], record["type"])
            other = seen.get(key) or existing_link(key, pending)
            if other is not None and other != rid:
                raise ValidationError(
                    f"{rid}: link {key[0]} already {key[2]} {key[1]} ({other}).", field="type"
                )
            seen[key] = rid
