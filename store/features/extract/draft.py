"""The records an extraction builds up, stage after stage, and the helpers that shape them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimnet.store.model import defaults
from claimnet.store.model.ids import new_id, now

from .actors import Doc

_TEMPLATES: dict[str, dict[str, Any]] = {}


@dataclass(slots=True)
class Extraction:
    """A proposed claim network: record dicts in the store's JSON shape, plus actor confidences and spans."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    actor_confidence: dict[str, float] = field(default_factory=dict)
    actor_spans: dict[str, list[list[int]]] = field(default_factory=dict)


@dataclass(slots=True)
class Draft:
    """What the record stages share: the read article, the records so far, and what links will need."""

    doc: Doc
    stored: str  # the text as the store keeps it (quotes are taken from it, hard wraps and all)
    source_id: str
    said_on: str | None
    out: Extraction = field(default_factory=Extraction)
    ts: str = field(default_factory=now)
    used: set[str] = field(default_factory=set)  # entities that speak or are accused
    targets: dict[str, list[str]] = field(default_factory=dict)  # statement id -> accused entity ids
    sentence_of: dict[str, int] = field(default_factory=dict)  # record id -> sentence index

    def proposal(self, table: str, prefix: str, **fields: Any) -> dict[str, Any]:
        """A new record proposed by this extraction: fresh id, stamps, status proposed, origin extracted."""
        return record(table, id=new_id(prefix), created=self.ts, updated=self.ts, status="proposed",
                      origin="extracted", **fields)


def record(table: str, **fields: Any) -> dict[str, Any]:
    """A record dict in exactly the store's to_dict() shape: the table's defaults with these fields set."""
    if table not in _TEMPLATES:
        _TEMPLATES[table] = defaults(table)
    out = {k: list(v) if isinstance(v, list) else v for k, v in _TEMPLATES[table].items()}  # no shared lists
    for k, v in fields.items():
        if k not in out:
            raise KeyError(f"{table} has no field {k!r}")
        out[k] = list(v) if isinstance(v, tuple) else v
    return out


def clean(text: str) -> str:
    """Words for a record's text: white space folded, edge punctuation dropped, a capital first."""
    text = " ".join(text.split()).strip(" ,;:")
    return text[:1].upper() + text[1:] if text else text
