"""The modal that shows what deleting a record takes with it, and deletes only on a clear yes."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from claimnet.store import Store, model
from claimnet.tui.safe_text import visible

from .describe import main_text, record_line
from .form_parts import ErrorLine, FormBody, FormFooter, FormScreen

#: How many dependents are named one by one; the rest are counted.
NAMED = 6
PLURALS = {"evidence": "evidence", "actor": "actors", "statement": "statements", "source": "sources",
           "link": "links", "annotation": "annotations"}
WHAT_CHANGES = {
    "actor": "Statements it made go too; statements about it, affiliates and evidence it reported "
             "only lose the reference.",
    "source": "Statements and evidence taken from it stay, without their source and span.",
}


class ConfirmDeleteScreen(FormScreen[list[str] | None]):
    """Show ``record_id`` and its dependents; ``y`` deletes them all, ``n`` or escape keeps them."""

    BINDINGS = [
        Binding("y", "delete", "Delete", id="delete.confirm"),
        Binding("n", "cancel", "Keep", id="delete.cancel"),
    ]

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__()
        self.store = store
        self.record_id = record_id
        self.record = store.find(record_id)
        self.dependents: list[str] | None = None
        self.dependents_text = Content("")

    def compose(self) -> ComposeResult:
        """The record, what goes or changes with it, and the keys."""
        kind = self.record.KIND if self.record else "record"
        with self.box(f"Delete {kind}?"):
            if self.record is None:
                yield Static(Content(f"There is no record with id {visible(self.record_id)}."),
                             classes="form-header")
            else:
                yield Static(record_line(self.store, self.record, 148), classes="form-header")
            with FormBody(classes="form-body", can_focus=True):
                yield Static(Content("Looking for what depends on it…"), id="dependents")
            yield ErrorLine()
            yield FormFooter()

    def on_mount(self) -> None:
        """Find the dependents off the UI thread; the list takes the focus so ↑↓ scroll it."""
        self.query_one(FormBody).focus()
        if self.record is not None:
            self.store_call(self._read_dependents, self._show_dependents, self.show_failure, group="load")

    def _read_dependents(self) -> tuple[list[str], Content]:
        ids = self.store.dependents(self.record_id)
        counts = Counter(model.kind_of_id(rid) or "record" for rid in ids)
        if not ids:
            return ids, Content("Nothing else depends on it.")
        lines = [Content.from_markup("[b]$n record(s) go or change with it:[/b]", n=len(ids))]
        for kind, count in counts.most_common():
            word = kind if count == 1 else PLURALS.get(kind, kind + "s")
            lines.append(Content(f"  {count} {word}"))
        for rid in ids[:NAMED]:
            record = self.store.find(rid)
            text = main_text(self.store, record, 58) if record else visible(rid)
            kind = f"{record.KIND if record else '':<10}"
            lines.append(Content.from_markup("  [dim]·[/dim] $kind $text", kind=kind, text=text))
        if len(ids) > NAMED:
            lines.append(Content(f"  … and {len(ids) - NAMED} more"))
        note = WHAT_CHANGES.get(self.record.KIND if self.record else "")
        if note:
            lines.append(Content.from_markup("[dim]$note[/dim]", note=note))
        return ids, Content("\n").join(lines)

    def _show_dependents(self, found: tuple[list[str], Content]) -> None:
        self.dependents, self.dependents_text = found
        self.query_one("#dependents", Static).update(self.dependents_text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Deleting waits until the person has seen what goes with the record."""
        if action == "delete":
            return self.dependents is not None and not self.busy
        return True

    def action_delete(self) -> None:
        """Delete the record and its dependents in a worker; dismiss with the ids removed or changed."""
        self.busy = True
        self.refresh_bindings()
        self.error_line.clear()
        self.query_one("#dependents", Static).update(Content("Deleting…"))
        self.store_call(lambda: self.store.delete(self.record_id, cascade=True), self.dismiss,
                        self._delete_failed, group="save")

    def _delete_failed(self, error: BaseException) -> None:
        self.query_one("#dependents", Static).update(self.dependents_text)
        self.show_failure(error)
        self.refresh_bindings()
