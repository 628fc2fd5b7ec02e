"""A modal for choosing one record of some kinds by searching for it."""

from __future__ import annotations

from textual.app import ComposeResult

from claimnet.store import Store

from .form_parts import ErrorLine, FormBody, FormFooter, FormScreen
from .record_search import RecordSearch


class PickRecordScreen(FormScreen[str | None]):
    """Search records of ``kinds`` as you type; enter picks the highlighted one, escape cancels."""

    DEFAULT_CSS = """
    PickRecordScreen RecordSearch > OptionList {
        max-height: 16;
    }
    """

    def __init__(self, store: Store, kinds: tuple[str, ...], title: str,
                 exclude: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.store = store
        self.kinds = kinds
        self.title_text = title
        self.exclude = exclude  # records not offered (the actor being merged away)

    def compose(self) -> ComposeResult:
        """The search and the keys."""
        with self.box(self.title_text):
            with FormBody(classes="form-body"):
                yield RecordSearch(self.store, self.kinds, exclude=self.exclude, id="picker")
            yield ErrorLine()
            yield FormFooter("↑↓ move  enter pick")

    def on_mount(self) -> None:
        """Start in the search box."""
        self.query_one(RecordSearch).query_box.focus()

    def on_record_search_chosen(self, event: RecordSearch.Chosen) -> None:
        """Dismiss with the chosen record's id."""
        event.stop()
        self.dismiss(event.record_id)
