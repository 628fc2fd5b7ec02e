"""The source reader: the article with every statement and evidence span marked; keys walk the spans."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from claimnet.store import StoreError, model

from ..detail_text import label_of
from ..safe_text import one_line, visible
from ..widgets.key_footer import KeyFooter
from ..widgets.source_text import SourceText, Span


class SourceScreen(Screen[str | None]):
    """Read a source; n/p move between spans, enter opens the record, escape goes back."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="close_source"),
        Binding("n,tab", "step(1)", "Next span", id="next_span"),
        Binding("p,shift+tab", "step(-1)", "Previous span", id="previous_span"),
        Binding("enter", "open", "Open record", id="open_span"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="cursor_down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="cursor_up"),
        Binding("pagedown,ctrl+d", "scroll('page_down')", "Page down", show=False, id="page_down"),
        Binding("pageup,ctrl+u", "scroll('page_up')", "Page up", show=False, id="page_up"),
        Binding("home,g", "scroll('home')", "Top", show=False, id="cursor_top"),
        Binding("end,G", "scroll('end')", "Bottom", show=False, id="cursor_bottom"),
    ]
    DEFAULT_CSS = """
    SourceScreen #source-head { height: auto; max-height: 3; padding: 0 1; background: $boost; }
    SourceScreen SourceText { height: 1fr; border: round $accent; }
    SourceScreen #span-info { height: 2; padding: 0 1; background: $boost; }
    """

    class Loaded(Message):
        """The source and its spans, read in a worker."""

        def __init__(self, head: Content, text: str, spans: list[Span], start: int) -> None:
            super().__init__()
            self.head, self.text, self.spans, self.start = head, text, spans, start

    def __init__(self, source_id: str, record_id: str | None = None) -> None:
        super().__init__()
        self.source_id = source_id
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading…"), id="source-head")
        yield SourceText()
        yield Static(Content(""), id="span-info")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SourceText).focus()
        self.run_worker(self._load, thread=True, exclusive=True, group="source")

    def _load(self) -> None:
        store = self.app.store
        try:
            source = store.get(self.source_id)
            records = store.records_from_source(self.source_id)
            spans = [Span(r.span[0], r.span[1], r.id, r.KIND, label_of(store, r, 200).plain)
                     for r in records if r.span]
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        assert isinstance(source, model.Source)
        spans.sort(key=lambda s: (s.start, s.end))
        start = next((i for i, s in enumerate(spans) if s.record_id == self.record_id), 0 if spans else -1)
        facts = " · ".join(visible(v) for v in (source.outlet, source.published) if v)
        head = (Content(one_line(source.title)).stylize("bold") + Content("\n")
                + Content(f"{facts} · {len(spans)} spans").stylize("dim"))
        self.post_message(self.Loaded(head, source.text, spans, start))

    def on_source_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#source-head", Static).update(message.head)
        self.query_one(SourceText).set_text(message.text, message.spans, message.start)
        self._show_info()

    def _show_info(self) -> None:
        reader = self.query_one(SourceText)
        if not (0 <= reader.current < len(reader.spans)):
            info = Content("No statement or evidence is marked in this source.").stylize("dim")
        else:
            span = reader.spans[reader.current]
            info = (Content(f"{reader.current + 1}/{len(reader.spans)} {span.kind} ").stylize("bold")
                    + Content(f"{span.record_id} ").stylize("dim") + Content(one_line(span.label)))
        self.query_one("#span-info", Static).update(info)

    @property
    def current_record(self) -> str | None:
        """The record of the current span."""
        reader = self.query_one(SourceText)
        return reader.spans[reader.current].record_id if 0 <= reader.current < len(reader.spans) else None

    def action_step(self, delta: int) -> None:
        reader = self.query_one(SourceText)
        if reader.spans:
            reader.current = (reader.current + delta) % len(reader.spans)
            self._show_info()

    def action_open(self) -> None:
        record_id = self.current_record
        if record_id:
            self.dismiss(record_id)

    def action_scroll(self, how: str) -> None:
        reader = self.query_one(SourceText)
        {"down": reader.scroll_down, "up": reader.scroll_up, "page_down": reader.scroll_page_down,
         "page_up": reader.scroll_page_up, "home": reader.scroll_home,
         "end": reader.scroll_end}[how](animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
