"""Search across every kind as you type, ranked as the store ranks; enter jumps to the record."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.worker import get_current_worker

from claimnet.store import StoreError

from ..forms.form_parts import BACK_BINDING, HELP_BINDING
from ..rows import Row, quoted, short_name
from ..safe_text import one_line
from ..widgets.record_list import RecordList

KIND_LABEL = {"actor": "actor", "source": "source", "statement": "stmt", "evidence": "evid",
              "annotation": "note"}


def format_hit(row: Row, width: int) -> Content:
    """A search hit: its kind, who said or reported it (else the field that matched), a snippet."""
    head = Content(KIND_LABEL.get(row.label, row.label)[:6].ljust(6)).stylize("bold cyan")
    said = row.label in ("statement", "evidence")  # ``who`` is then the speaker or reporter
    field = Content(short_name(row.who, 12).ljust(12)).stylize("bold" if said else "dim")
    body = Content(one_line(row.text))
    return Content(" ").join([head, field, body]).truncate(width, ellipsis=True, pad=True)


def _who(store, record_id: str) -> str:
    """The speaker of a statement or the reporter of evidence, by name ('' for other records).

    Read from the stored dicts (hundreds of hits per query: no records are built for this)."""
    record = store.raw(record_id) or {}
    actor = record.get("speaker") or record.get("reported_by")
    found = store.raw(actor) if isinstance(actor, str) else None
    name = found.get("name") if found else None
    return name if isinstance(name, str) else ""


class SearchScreen(ModalScreen[str | None]):
    """A search box over a result list; dismisses with the record to jump to."""

    BINDINGS = [
        Binding("escape", "close", "Close search", id="close_search"),
        BACK_BINDING,
        HELP_BINDING,
        Binding("down", "move(1)", "Next result", show=False, id="next_result"),
        Binding("up", "move(-1)", "Previous result", show=False, id="previous_result"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="page_down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="page_up"),
    ]
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 100%; max-width: 110; height: 80%; margin-top: 1;
        border: round $accent; background: $surface; }
    SearchScreen RecordList { height: 1fr; }
    """

    class Results(Message):
        """The hits for one query."""

        def __init__(self, query: str, rows: list[Row]) -> None:
            super().__init__()
            self.query = query
            self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Search — enter jumps, escape closes")
            yield Input(placeholder="words to find in names, quotes, evidence, notes…", compact=True)
            yield RecordList(empty="Type to search.", formatter=format_hit)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Keys typed before the box had focus (a fast "/kim") still go into it."""
        box = self.query_one(Input)
        if event.is_printable and event.character and not box.has_focus:
            event.stop()
            box.focus()
            box.insert_text_at_cursor(event.character)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        query = event.value
        self.run_worker(lambda: self._search(query), thread=True, exclusive=True, group="search")

    def _search(self, query: str) -> None:
        store = self.app.store
        try:
            hits = store.search(query, limit=500) if query.strip() else []
            rows = [Row(hit.target or hit.id, "hit", hit.kind, hit.snippet,
                        _who(store, hit.id) or hit.field) for hit in hits]
            # "/kim" also finds what the actors called Kim said, after the records that match
            found = {row.id for row in rows}
            for hit in [h for h in hits if h.kind == "actor"][:20]:
                for st in store.statements_by(hit.id):
                    if st.id not in found:
                        found.add(st.id)
                        rows.append(Row(st.id, "hit", "statement", quoted(st.quote, st.text),
                                        _who(store, st.id)))
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Results(query, rows))

    def on_search_screen_results(self, message: Results) -> None:
        if message.query != self.query_one(Input).value:
            return
        results = self.query_one(RecordList)
        results.set_rows(message.rows, empty="No matches." if message.query.strip() else "Type to search.")
        results.cursor = 0
        results.border_title = None
        self.query_one(Vertical).border_subtitle = Content(f"{len(message.rows)} found")

    def action_move(self, delta: int) -> None:
        self.query_one(RecordList).cursor += delta

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.query_one(RecordList).action_choose()

    @on(RecordList.Chosen)
    def _chosen(self, message: RecordList.Chosen) -> None:
        message.stop()
        self.dismiss(message.record_id)

    def action_close(self) -> None:
        self.dismiss(None)
