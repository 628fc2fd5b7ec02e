"""The records of a claim network and their vocabularies, as typed, immutable Python objects.

The store keeps records as plain JSON dicts (the shape written to disk); these dataclasses are
what the API hands out, so callers get attribute access and type hints without the store paying
for object construction on every load.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, ClassVar

ACTOR_KINDS = ("person", "state", "organisation", "group", "media", "unknown")
ACTS = (
    "claim",
    "denial",
    "accusation",
    "threat",
    "response",
    "demand",
    "condemnation",
    "prediction",
    "confirmation",
    "retraction",
)
MODES = ("quote", "paraphrase")
EVIDENCE_KINDS = ("quantity", "physical", "document", "testimony", "imagery", "other")
LINK_TYPES = ("supports", "contradicts", "denies", "accuses", "responds_to", "restates", "undercuts")
STATUSES = ("proposed", "accepted", "rejected")
ORIGINS = ("manual", "extracted")
VERDICTS = (
    "true",
    "mostly_true",
    "mixed",
    "misleading",
    "mostly_false",
    "false",
    "unproven",
    "not_checkable",
)
RELIABILITIES = ("A", "B", "C", "D", "E", "F")
CREDIBILITIES = (1, 2, 3, 4, 5, 6)
CHECKS = ("position_to_know", "biased", "consistent_with_others", "consistent_with_facts")

#: Human words for the Admiralty grades, used in help texts and exports.
RELIABILITY_LABELS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LABELS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True, slots=True)
class Record:
    """Fields every record has: a stable prefixed id and ISO 8601 UTC timestamps."""

    KIND: ClassVar[str] = ""
    TABLE: ClassVar[str] = ""
    PREFIX: ClassVar[str] = ""

    id: str
    created: str = ""
    updated: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of this record, as stored on disk."""
        return {key: _plain(getattr(self, name)) for name, key in _field_keys(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Build a record from its JSON shape, ignoring keys it does not know."""
        kwargs = {}
        for name, key in _field_keys(cls):
            if key in data:
                value = data[key]
                kwargs[name] = (tuple(tuple(v) if isinstance(v, list) else v for v in value)
                                if isinstance(value, list) else value)  # spans: pairs as tuples too
        return cls(**kwargs)


@functools.cache
def _field_keys(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute name, JSON key) for each field of a record class."""
    return tuple((f.name, f.metadata.get("json", f.name)) for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Source(Record):
    """An article or document, with its full text so quotes stay checkable offline."""

    KIND: ClassVar[str] = "source"
    TABLE: ClassVar[str] = "sources"
    PREFIX: ClassVar[str] = "src"

    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    text: str = ""
    sha256: str = ""
    reliability: str = "F"


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """A person, state, organisation or group that says things or is talked about."""

    KIND: ClassVar[str] = "actor"
    TABLE: ClassVar[str] = "actors"
    PREFIX: ClassVar[str] = "act"

    name: str = ""
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    role: str | None = None
    reliability: str = "F"
    status: str = "accepted"
    origin: str = "manual"
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """Something an actor said: a claim, denial, accusation, threat and so on."""

    KIND: ClassVar[str] = "statement"
    TABLE: ClassVar[str] = "statements"
    PREFIX: ClassVar[str] = "st"

    speaker: str = ""
    source: str | None = None
    act: str = "claim"
    mode: str = "paraphrase"
    cue: str | None = None
    text: str = ""
    quote: str | None = None
    span: tuple[int, int] | None = None
    said_on: str | None = None
    about: tuple[str, ...] = ()
    credibility: int = 6
    status: str = "accepted"
    origin: str = "manual"
    confidence: float | None = None
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A concrete fact offered for or against statements."""

    KIND: ClassVar[str] = "evidence"
    TABLE: ClassVar[str] = "evidence"
    PREFIX: ClassVar[str] = "ev"

    text: str = ""
    kind: str = "other"
    quantity: dict[str, Any] | None = None
    reported_by: str | None = None
    source: str | None = None
    span: tuple[int, int] | None = None
    credibility: int = 6
    status: str = "accepted"
    origin: str = "manual"
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Link(Record):
    """A typed edge between two records (`from` and `to` in the stored JSON)."""

    KIND: ClassVar[str] = "link"
    TABLE: ClassVar[str] = "links"
    PREFIX: ClassVar[str] = "ln"

    from_: str = field(default="", metadata={"json": "from"})
    to: str = ""
    type: str = "supports"
    weight: int | None = None
    note: str | None = None
    status: str = "accepted"
    origin: str = "manual"
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Annotation(Record):
    """What an analyst adds to a record: a note, tags, a verdict, answers to critical questions."""

    KIND: ClassVar[str] = "annotation"
    TABLE: ClassVar[str] = "annotations"
    PREFIX: ClassVar[str] = "an"

    target: str = ""
    note: str | None = None
    tags: tuple[str, ...] = ()
    verdict: str | None = None
    checks: dict[str, bool | None] = field(default_factory=dict)
    analyst: str = ""


RECORD_TYPES: tuple[type[Record], ...] = (Source, Actor, Statement, Evidence, Link, Annotation)
BY_KIND: dict[str, type[Record]] = {cls.KIND: cls for cls in RECORD_TYPES}
BY_TABLE: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}
BY_PREFIX: dict[str, type[Record]] = {cls.PREFIX: cls for cls in RECORD_TYPES}
RECORD_TABLES: tuple[str, ...] = tuple(cls.TABLE for cls in RECORD_TYPES)


def kind_of_id(record_id: str) -> str | None:
    """The record kind an id names by its prefix (``act-…`` is an actor), or None."""
    prefix, sep, _ = record_id.partition("-")
    cls = BY_PREFIX.get(prefix) if sep else None
    return cls.KIND if cls else None


def table_of_id(record_id: str) -> str | None:
    """The table an id belongs to by its prefix, or None."""
    prefix, sep, _ = record_id.partition("-")
    cls = BY_PREFIX.get(prefix) if sep else None
    return cls.TABLE if cls else None


def from_dict(table: str, data: dict[str, Any]) -> Record:
    """The typed record for a stored dict of the given table."""
    return BY_TABLE[table].from_dict(data)


def defaults(table: str) -> dict[str, Any]:
    """The JSON shape of an empty record of a table, with every field at its default."""
    return {k: (v.copy() if isinstance(v, list | dict) else v) for k, v in _blank(table).items()}


@functools.cache
def _blank(table: str) -> dict[str, Any]:
    return BY_TABLE[table](id="").to_dict()


@functools.cache
def field_names(table: str) -> frozenset[str]:
    """The JSON keys a record of ``table`` has."""
    return frozenset(_blank(table))
