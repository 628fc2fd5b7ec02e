"""A search box over a list of records that narrows as you type; enter chooses the highlighted one."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from claimnet.store import Store, model

from ..widgets.key_lists import KeyOptionList
from .describe import record_line
from .store_calls import StoreCallsMixin, failure_text

#: At most this many rows are listed; typing narrows the list.
LIMIT = 200


def _kind_list(kinds: Iterable[str]) -> str:
    names = [f"{k}s" if k != "evidence" else k for k in kinds]
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1] if names else "records"


class RecordSearch(StoreCallsMixin, Vertical):
    """An input and a result list of records of some kinds; the search runs off the UI thread."""

    BINDINGS = [
        Binding("down", "move(1)", "Next result", id="search.next", show=False),
        Binding("up", "move(-1)", "Previous result", id="search.previous", show=False),
        Binding("pagedown", "page(1)", "Next page of results", id="search.page_down", show=False),
        Binding("pageup", "page(-1)", "Previous page of results", id="search.page_up", show=False),
    ]

    DEFAULT_CSS = """
    RecordSearch {
        height: auto;
    }
    RecordSearch > Input {
        width: 1fr;
    }
    RecordSearch > .search-status {
        height: 1;
        color: $text-muted;
    }
    RecordSearch > OptionList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    RecordSearch > OptionList:focus {
        border: none;
    }
    """

    class Chosen(Message):
        """A record was chosen (enter in the box or on a row)."""

        def __init__(self, search: RecordSearch, record_id: str) -> None:
            super().__init__()
            self.search = search
            self.record_id = record_id

        @property
        def control(self) -> RecordSearch:
            """The search the record was chosen in."""
            return self.search

    def __init__(self, store: Store, kinds: tuple[str, ...], *, exclude: Iterable[str] = (),
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.kinds = kinds
        self.exclude = frozenset(exclude)

    def compose(self) -> ComposeResult:
        """The query box, a status line and the results."""
        yield Input(placeholder=f"type to search {_kind_list(self.kinds)}", compact=True,
                    id="search-query")
        yield Static("", classes="search-status")
        yield KeyOptionList(compact=True, id="search-results")

    def on_mount(self) -> None:
        """List the records before anything is typed (once the list knows its width)."""
        self.call_after_refresh(self.run_search, "")

    @property
    def query_box(self) -> Input:
        """The search input."""
        return self.query_one("#search-query", Input)

    @property
    def results(self) -> OptionList:
        """The result list."""
        return self.query_one("#search-results", OptionList)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search again for what is typed now."""
        event.stop()
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search in a worker; an older search still running is cancelled and its answer dropped."""
        self._status("searching…")
        width = self.results.scrollable_content_region.width - 3
        self.store_call(lambda: self._find(query, width if width > 20 else 72), self._show, self._failed,
                        group="search", exclusive=True)

    def _find(self, query: str, width: int) -> list[tuple[str, Content]]:
        store = self.store
        if query.strip():
            ids = [hit.id for hit in store.search(query, kinds=self.kinds, limit=LIMIT + len(self.exclude))]
            if "statement" in self.kinds:  # "kirby" also finds what Kirby said
                said = [st.id for actor in store.search(query, kinds=("actor",), limit=20)
                        for st in store.statements_by(actor.id)]
                ids = list(dict.fromkeys(ids + said))
        else:
            ids = []
            for kind in self.kinds:
                ids += store.ids(model.BY_KIND[kind].TABLE)[: LIMIT + len(self.exclude)]
        rows = []
        for record_id in ids:
            record = store.find(record_id)
            if record is not None and record_id not in self.exclude:
                rows.append((record_id, record_line(store, record, width)))
            if len(rows) >= LIMIT:
                break
        return rows

    def _show(self, rows: list[tuple[str, Content]]) -> None:
        results = self.results
        results.clear_options()
        results.add_options([Option(label, id=record_id) for record_id, label in rows])
        if rows:
            results.highlighted = 0
        count = len(rows)
        more = "+" if count >= LIMIT else ""
        self._status("no match" if not count else f"{count}{more} found — ↑↓ move, enter choose")

    def _failed(self, error: BaseException) -> None:
        self.results.clear_options()
        self._status(failure_text(error))

    def _status(self, text: str) -> None:
        self.query_one(".search-status", Static).update(Content(text))

    def action_move(self, delta: int) -> None:
        """Move the highlight while typing."""
        results = self.results
        if delta > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_page(self, delta: int) -> None:
        """Move the highlight a page while typing."""
        results = self.results
        if delta > 0:
            results.action_page_down()
        else:
            results.action_page_up()

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted result, if any."""
        results = self.results
        if results.highlighted is None or not results.option_count:
            return None
        return results.get_option_at_index(results.highlighted).id

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box chooses the highlighted result."""
        event.stop()
        record_id = self.highlighted_id
        if record_id is not None:
            self.post_message(self.Chosen(self, record_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a row chooses it."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self, event.option.id))
