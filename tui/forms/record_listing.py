"""The base of the modals that list what hangs on one record (its links and notes, its history)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from claimnet.store import Store

from ..widgets.key_lists import KeyOptionList
from .describe import record_line
from .form_parts import ErrorLine, FormBody, FormFooter, FormScreen


class RecordListingScreen(FormScreen[Any]):
    """The record on top, a list read off the UI thread (``read_rows``), the keys at the foot."""

    TITLE_TEXT = ""
    FOOTER_EXTRA = ""
    EMPTY = ""

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__()
        self.store = store
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        """The record, the list and the keys."""
        record = self.store.find(self.record_id)
        with self.box(self.TITLE_TEXT):
            if record is not None:
                yield Static(record_line(self.store, record, 148), classes="form-header")
            with FormBody(classes="form-body"):
                yield KeyOptionList(compact=True, id="listing")
            yield ErrorLine()
            yield FormFooter(self.FOOTER_EXTRA)

    def on_mount(self) -> None:
        """Focus the list and fill it."""
        super().on_mount()
        self.query_one(KeyOptionList).focus()
        self.reload()

    def reload(self) -> None:
        """Read the rows again off the UI thread."""
        self.store_call(self.read_rows, self._show, self.show_failure, group="load")

    def read_rows(self) -> list[tuple[str | None, Content]]:
        """(id or None, line) per row; runs in a worker."""
        raise NotImplementedError

    def _show(self, rows: list[tuple[str | None, Content]]) -> None:
        listing = self.query_one(KeyOptionList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options([Option(label, id=rid) for rid, label in rows])
        if not rows:
            listing.add_option(Option(Content(self.EMPTY).stylize("dim"), disabled=True))
        elif keep is not None:
            listing.highlighted = min(keep, len(rows) - 1)
        else:  # opened: the first row is under the cursor, so d or e acts on it at once
            listing.highlighted = next((k for k, (rid, _line) in enumerate(rows) if rid is not None), None)

    @property
    def chosen(self) -> str | None:
        """The id of the highlighted row."""
        listing = self.query_one(KeyOptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id
