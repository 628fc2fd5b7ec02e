"""The source reader: the article with every statement and evidence span marked; keys walk the spans."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from claimnet.store import StoreError, model
from claimnet.store.network import passages

from ..detail_text import label_of
from ..safe_text import one_line, visible
from ..widgets.key_footer import KeyFooter
from ..widgets.source_text import SourceText, Span


class SourceScreen(Screen[str | None]):
    """Read a source; n/p move between spans, enter opens the record, escape goes back."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="close_source"),
        Binding("v", "select", "Select", id="select_passage"),
        Binding("w", "extend('word')", "+word", id="select_word"),
        Binding("b", "shrink('word')", "−word", show=False, id="select_word_back"),
        Binding("right_parenthesis", "extend('sentence')", "+sentence", id="select_sentence"),
        Binding("left_parenthesis", "shrink('sentence')", "−sentence", show=False,
                id="select_sentence_back"),
        Binding("c", "make('statement')", "New statement", id="selection_statement"),
        Binding("e", "make('evidence')", "New evidence", id="selection_evidence"),
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
        reader = self.query_one(SourceText)
        if reader.selection:  # escape first drops the selection
            reader.selection = None
            self._show_info()
            return
        self.dismiss(None)

    # -- selecting a passage -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Extending, shrinking and making a record need a selection (shown greyed without one)."""
        if action in ("extend", "shrink", "make"):
            return self.is_mounted and self.query_one(SourceText).selection is not None or None
        return True

    def action_select(self) -> None:
        """Start selecting at the current span's start (or the top line in view): one word."""
        reader = self.query_one(SourceText)
        span = reader.spans[reader.current] if 0 <= reader.current < len(reader.spans) else None
        visible_top = reader.top_offset()
        at = span.start if span is not None and reader.line_of(span.start) >= reader.scroll_offset.y \
            else visible_top
        reader.selection = passages.word_at(reader.text, at)
        self._selection_changed()

    def action_extend(self, by: str) -> None:
        """Take in one more word, or up to the end of the sentence."""
        reader = self.query_one(SourceText)
        start, end = reader.selection
        step = passages.next_word_end if by == "word" else passages.next_sentence_end
        reader.selection = (start, step(reader.text, end))
        self._selection_changed()

    def action_shrink(self, by: str) -> None:
        """Give back the last word, or the last sentence."""
        reader = self.query_one(SourceText)
        start, end = reader.selection
        step = passages.previous_word_end if by == "word" else passages.previous_sentence_end
        reader.selection = (start, step(reader.text, start, end))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.refresh_bindings()
        start, end = self.query_one(SourceText).selection
        text = self.query_one(SourceText).text[start:end]
        info = (Content(f"selected {len(text.split())} word(s) ").stylize("bold")
                + Content(one_line(text, 120)) + Content("\n")
                + Content("w/b word  )/( sentence  c statement  e evidence  esc drop").stylize("dim"))
        self.query_one("#span-info", Static).update(info)

    def action_make(self, kind: str) -> None:
        """Open the new statement (or evidence) form with the passage, its span and source filled
        in and a speaker (reporter) suggested; it never asks for offsets."""
        reader = self.query_one(SourceText)
        start, end = reader.selection
        self.run_worker(lambda: self._preset(kind, reader.text, start, end), thread=True,
                        group="preset")

    def _preset(self, kind: str, text: str, start: int, end: int) -> None:
        store = self.app.store
        try:
            who = passages.suggest_speaker(store, self.source_id, start, end)
            source = store.get(self.source_id)
        except StoreError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            return
        words = text[start:end]
        preset = {"source": self.source_id, "span": [start, end], "text": " ".join(words.split())}
        if kind == "statement":
            quoted = passages.is_quoted(text, start, end)
            preset |= {"speaker": who, "quote": words if quoted else None,
                       "mode": "quote" if quoted else "paraphrase",
                       "said_on": getattr(source, "published", None)}
        else:
            preset["reported_by"] = who
        self.app.call_from_thread(self._open_form, kind, preset)

    def _open_form(self, kind: str, preset: dict) -> None:
        from ..forms import RecordFormScreen

        def made(record_id: str | None) -> None:
            if record_id:
                reader = self.query_one(SourceText)
                reader.selection = None
                self.record_id = record_id
                self.app.notify(f"New {kind}: {one_line(preset['text'], 80)}", markup=False)
                self.run_worker(self._load, thread=True, exclusive=True, group="source")

        self.app.push_screen(RecordFormScreen(self.app.store, kind, preset=preset), made)
