"""The history of one record in the app: who changed it, its annotations and its links, and what changed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from store import Store
from store.changes import describe_entry, record_history, what_changed

from ..safe_text import one_line
from ..widgets.key_lists import KeyOptionList
from .describe import record_line
from .form_parts import ErrorLine, FormBody, FormFooter, FormScreen

#: The newest entries shown.
LIMIT = 200


class HistoryScreen(FormScreen[None]):
    """Newest first: when, who, and in words what changed ("verdict false → true", "note added")."""

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__()
        self.store = store
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        """The record, its history and the keys."""
        record = self.store.find(self.record_id)
        with self.box("History"):
            if record is not None:
                yield Static(record_line(self.store, record, 148), classes="form-header")
            with FormBody(classes="form-body"):
                yield KeyOptionList(compact=True, id="history")
            yield ErrorLine()
            yield FormFooter()

    def on_mount(self) -> None:
        """Read the history off the UI thread."""
        super().on_mount()
        self.query_one(KeyOptionList).focus()
        self.store_call(self._read, self._show, self.show_failure, group="load")

    def _read(self) -> list[Content]:
        width = max(40, self.size.width - 6)
        lines = []
        for entry in record_history(self.store, self.record_id, limit=LIMIT):
            when = entry.at[:16].replace("T", " ")
            undone = "" if entry.state == "done" or entry.kind != "change" else f" ({entry.state})"
            head = Content(f"{when} ").stylize("dim") + Content(one_line(entry.who, 12)).stylize("bold")
            short = what_changed(entry, self.record_id)
            verb = entry.summary.split(" ", 1)[0]
            words = (f"{verb}: {short}" if short else describe_entry(entry, self.record_id)) + undone
            lines.append(head + Content(" ") + Content(one_line(words, max(10, width - 30))))
        return lines

    def _show(self, lines: list[Content]) -> None:
        listing = self.query_one(KeyOptionList)
        listing.add_options([Option(line) for line in lines] or
                            [Option(Content("No changes since the store was made.").stylize("dim"),
                                    disabled=True)])
