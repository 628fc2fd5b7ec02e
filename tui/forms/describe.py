"""Short, safe descriptions of records for headers, pickers and lists (user text made visible)."""

from __future__ import annotations

from textual.content import Content

from claimnet.store import Store, model
from claimnet.tui.safe_text import one_line


def name_of(store: Store, record_id: str | None, width: int | None = 60) -> str:
    """What a person calls the record with this id (an actor's name, a statement's text …)."""
    if not record_id:
        return ""
    record = store.find(record_id)
    if record is None:
        return f"{record_id} (missing)"
    return main_text(store, record, width)


def main_text(store: Store, record: model.Record, width: int | None = 60) -> str:
    """The record's main line of text, on one line with control characters made visible."""
    if isinstance(record, model.Actor):
        text = record.name
    elif isinstance(record, model.Source):
        text = record.title
    elif isinstance(record, model.Statement | model.Evidence):
        text = record.text
    elif isinstance(record, model.Link):
        ends = (name_of(store, record.from_, 24), name_of(store, record.to, 24))
        text = f"{ends[0]} —{record.type}→ {ends[1]}"
    elif isinstance(record, model.Annotation):
        text = record.note or ", ".join(record.tags) or (record.verdict or "") or record.id
    else:
        text = record.id
    return one_line(text or record.id, width)


def side_text(store: Store, record: model.Record, width: int | None = 30) -> str:
    """A short secondary line: an actor's role, a statement's speaker, a source's outlet."""
    if isinstance(record, model.Actor):
        text = record.role or record.kind
    elif isinstance(record, model.Source):
        text = record.outlet or ""
    elif isinstance(record, model.Statement):
        text = name_of(store, record.speaker, 24)
    elif isinstance(record, model.Evidence):
        text = record.kind
    elif isinstance(record, model.Annotation):
        text = f"on {record.target}"
    else:
        text = ""
    return one_line(text, width)


def record_line(store: Store, record: model.Record, width: int = 74) -> Content:
    """One line of at most ``width`` cells: the kind, the main text, and the secondary text dimmed."""
    side = side_text(store, record, min(26, width // 4))
    room = max(10, width - 10 - (len(side) + 3 if side else 0))
    markup = "[b]$kind[/b] $main" + (" [dim]($side)[/dim]" if side else "")
    main = main_text(store, record, room)
    return Content.from_markup(markup, kind=f"{record.KIND:<9}", main=main, side=side)
