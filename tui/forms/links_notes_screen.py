"""A record's links and annotations in one list: e edits one, d deletes a link or withdraws a note."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from claimnet.store import Store, model
from claimnet.tui.safe_text import one_line

from .confirm_delete_screen import ConfirmDeleteScreen
from .describe import name_of, side_text
from .record_form_screen import RecordFormScreen
from .record_listing import RecordListingScreen


def link_line(store: Store, link: model.Link, record_id: str, width: int) -> Content:
    """A link as seen from one end: arrow, type, weight and the other end's words."""
    out = link.from_ != record_id
    other = link.from_ if out else link.to
    weight = "" if link.weight is None else f" {link.weight:+d}"
    head = f"{'←' if out else '→'} {link.type.replace('_', ' ')}{weight} "
    record = store.find(other)
    side = side_text(store, record, 20) if record is not None else ""
    words = name_of(store, other, max(10, width - len(head) - len(side) - 4))
    return (Content(head).stylize("cyan") + Content(words)
            + (Content(f" ({side})").stylize("dim") if side else Content("")))


def note_line(annotation: model.Annotation, width: int) -> Content:
    """An annotation on one line: who, verdict, tags and the start of the note."""
    parts = [p for p in (annotation.verdict and f"verdict {annotation.verdict.replace('_', ' ')}",
                         annotation.tags and "tags " + ", ".join(annotation.tags),
                         annotation.note) if p]
    who = Content(one_line(annotation.analyst, 14)).stylize("bold")
    return Content("✎ ").stylize("cyan") + who + Content(" ") + Content(
        one_line(" · ".join(parts), max(10, width - 18)))


class LinksNotesScreen(RecordListingScreen):
    """Every link and annotation on ``record_id``; dismisses with the record to go to, or with
    whether something changed."""

    BINDINGS = [
        Binding("e", "edit", "Edit", id="links.edit"),
        Binding("d", "delete", "Delete/withdraw", id="links.delete"),
        Binding("enter", "open", "Go to other end", id="links.open"),
    ]
    TITLE_TEXT = "Links and annotations"
    FOOTER_EXTRA = "enter go to the other end"
    EMPTY = "No links or annotations yet: l links, a annotates."

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__(store, record_id)
        self.changed = False

    def read_rows(self) -> list[tuple[str | None, Content]]:
        """The links, then the annotations."""
        store, rid = self.store, self.record_id
        width = max(40, self.size.width - 6)
        rows: list[tuple[str | None, Content]] = [
            (lk.id, link_line(store, lk, rid, width)) for lk in store.links_of(rid)]
        rows += [(a.id, note_line(a, width)) for a in store.annotations_of(rid)]
        return rows

    def _own(self, record_id: str) -> bool:
        record = self.store.find(record_id)
        if isinstance(record, model.Annotation) and record.analyst != self.store.analyst:
            self.show_error(f"This is {record.analyst}'s annotation: you ({self.store.analyst}) "
                            "can edit or withdraw only your own.")
            return False
        return record is not None

    def action_edit(self) -> None:
        """Edit the link's type, weight and note, or your annotation's note, tags and verdict."""
        chosen = self.chosen
        if chosen and self._own(chosen):
            self.app.push_screen(RecordFormScreen(self.store, model.kind_of_id(chosen), record_id=chosen),
                                 self._after)

    def action_delete(self) -> None:
        """Delete the link (never the record at its other end), or withdraw your annotation."""
        chosen = self.chosen
        if chosen and self._own(chosen):
            self.app.push_screen(ConfirmDeleteScreen(self.store, chosen), self._after)

    def _after(self, result: object) -> None:
        if result:
            self.changed = True
            self.error_line.clear()
            self.reload()

    def action_open(self) -> None:
        """Leave, going to the record at the other end of the link."""
        link = self.store.find(self.chosen or "")
        if isinstance(link, model.Link):
            other = link.to if link.from_ == self.record_id else link.from_
            self.dismiss(other)

    def action_cancel(self) -> None:
        """Back, saying whether anything changed."""
        self.dismiss(self.changed)
