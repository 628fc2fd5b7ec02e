"""Following a claim or an actor across articles: the reports making the same claim, and timelines.

The same claim is what ``restates`` links join, and ``supports`` links between records of two
different sources (the matching proposes those for another speaker's report of the same claim);
links a reviewer rejected are not followed.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import ValidationError

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

_SAME = ("restates", "supports")


@dataclass(frozen=True, slots=True)
class Report:
    """One statement or evidence in a timeline: what was said, by whom, where and when."""

    id: str
    kind: str
    date: str | None
    act: str | None
    speaker: str | None
    speaker_name: str | None
    text: str
    quote: str | None
    source: str | None
    source_title: str | None
    outlet: str | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape ``--json`` prints."""
        return asdict(self)


def report_of(store: Store, record: model.Statement | model.Evidence) -> Report:
    """The timeline row for a statement or evidence."""
    source = store.find(record.source) if record.source else None
    if isinstance(record, model.Statement):
        speaker, act, date, quote = record.speaker, record.act, record.said_on, record.quote
    else:
        speaker, act, date, quote = record.reported_by, None, None, None
    actor = store.find(speaker) if speaker else None
    return Report(
        id=record.id, kind=record.KIND, date=date or (source.published if source else None), act=act,
        speaker=speaker, speaker_name=actor.name if actor else None, text=record.text, quote=quote,
        source=record.source, source_title=source.title if source else None,
        outlet=source.outlet if source else None, status=record.status,
    )


def _same_links(store: Store, record_id: str) -> list[str]:
    """The records one same-claim link away."""
    out = []
    for link in store.links_of(record_id):
        if link.type not in _SAME or getattr(link, "status", None) == "rejected":
            continue
        other = link.to if link.from_ == record_id else link.from_
        if link.type == "supports" and not _other_sources(store, record_id, other):
            continue  # evidence supporting a claim in its own article is not the same claim
        out.append(other)
    return out


def _other_sources(store: Store, a: str, b: str) -> bool:
    ra, rb = store.raw(a) or {}, store.raw(b) or {}
    return bool(ra.get("source")) and bool(rb.get("source")) and ra["source"] != rb["source"]


def same_claim(store: Store, record_id: str) -> list[model.Record]:
    """Every statement and evidence making the same claim as ``record_id`` (itself included)."""
    record = store.get(record_id)
    if not isinstance(record, model.Statement | model.Evidence):
        raise ValidationError(f"{record_id} is {_a(record.KIND)}; give a statement or evidence.",
                              field="ref")
    seen = {record_id}
    queue = deque([record_id])
    while queue:
        for other in _same_links(store, queue.popleft()):
            if other not in seen and model.kind_of_id(other) in ("statement", "evidence"):
                seen.add(other)
                queue.append(other)
    return [store.get(rid) for rid in seen]


def timeline(store: Store, record_id: str) -> list[Report]:
    """An actor's statements, or a claim's reports, oldest first (undated last)."""
    record = store.get(record_id)
    if isinstance(record, model.Actor):
        items: list[Any] = [*store.statements_by(record.id), *store.evidence_reported_by(record.id)]
    elif isinstance(record, model.Statement | model.Evidence):
        items = same_claim(store, record_id)
    else:
        raise ValidationError(f"{record_id} is {_a(record.KIND)}; give an actor, a statement or evidence.",
                              field="ref")
    rows = [report_of(store, item) for item in items]
    created = {item.id: item.created for item in items}
    return sorted(rows, key=lambda r: (r.date is None, r.date or "", created[r.id]))


def also_reported_by(store: Store, record_id: str) -> list[Report]:
    """The other sources' reports of the same claim, for a statement's detail."""
    own = (store.raw(record_id) or {}).get("source")
    return [r for r in timeline(store, record_id) if r.id != record_id and r.source != own]


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
