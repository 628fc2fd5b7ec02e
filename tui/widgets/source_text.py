"""An article drawn line by line with every statement and evidence span marked and one span current."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..safe_text import visible

_WORD = re.compile(r"\S+\s*|\s+")
SPAN_STYLES = {"statement": "underline yellow", "evidence": "underline green"}
CURRENT_STYLE = "bold reverse"
SELECTION_STYLE = "reverse"


@dataclass(frozen=True, slots=True)
class Span:
    """A record's place in the source text."""

    start: int
    end: int
    record_id: str
    kind: str
    label: str


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line when ``text`` is word-wrapped to ``width`` cells."""
    lines: list[tuple[int, int]] = []
    width = max(8, width)
    position = 0
    for paragraph in text.split("\n"):
        start = position
        end_of_paragraph = position + len(paragraph)
        line_start, line_cells = start, 0
        for match in _WORD.finditer(paragraph):
            word_start = start + match.start()
            cells = cell_len(visible(match.group()))
            if line_cells and line_cells + cell_len(visible(match.group().rstrip())) > width:
                lines.append((line_start, word_start))
                line_start, line_cells = word_start, 0
            while cells > width:  # a word longer than the line: cut it
                lines.append((word_start, word_start + width))
                word_start += width
                cells -= width
                line_start = word_start
            line_cells += cells
        lines.append((line_start, end_of_paragraph))
        position = end_of_paragraph + 1
    return lines


class SourceText(ScrollView, can_focus=True, inherit_bindings=False):
    """The source text with spans marked; ``current`` is the span keys move between."""

    DEFAULT_CSS = "SourceText { background: $surface; scrollbar-size-vertical: 1; padding: 0 1; }"
    current: reactive[int] = reactive(-1, init=False)
    #: The passage being selected (start, end offsets), drawn reversed over any span.
    selection: reactive[tuple[int, int] | None] = reactive(None, init=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.spans: list[Span] = []
        self._lines: list[tuple[int, int]] = []
        self._width = 0

    def set_text(self, text: str, spans: list[Span], current: int) -> None:
        """Show a source text and its spans, with one span current."""
        self.text = text
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._rewrap()
        self.current = current

    def _rewrap(self) -> None:
        self._width = self.scrollable_content_region.width
        self._lines = wrap_offsets(self.text, self._width)
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()
            self.watch_current(self.current)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding a text offset."""
        for number, (start, end) in enumerate(self._lines):
            if start <= offset < max(end, start + 1):
                return number
        return max(0, len(self._lines) - 1)

    def watch_current(self, index: int) -> None:
        if 0 <= index < len(self.spans):
            span = self.spans[index]
            top, bottom = self.line_of(span.start), self.line_of(max(span.start, span.end - 1))
            self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False, force=True,
                                  immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = y + self.scroll_offset.y
        if number >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        start, end = self._lines[number]
        cuts = {start, end}
        if self.selection:
            cuts.update(c for c in self.selection if start < c < end)
        for span in self.spans:
            if span.start < end and span.end > start:
                cuts.update(c for c in (span.start, span.end) if start < c < end)
        ordered = sorted(cuts)
        parts = []
        for a, b in zip(ordered, ordered[1:], strict=False):
            piece = Content(visible(self.text[a:b]))
            style = self._style_at(a)
            parts.append(piece.stylize(style) if style else piece)
        content = Content.assemble(*parts).truncate(width, pad=True)
        return Strip(content.render_segments(), width).apply_style(self.rich_style)

    def watch_selection(self, selection: tuple[int, int] | None) -> None:
        if selection:
            line = self.line_of(max(selection[0], selection[1] - 1))
            self.scroll_to_region(Region(0, line, 1, 1), animate=False, immediate=True)
        self.refresh()

    def top_offset(self) -> int:
        """The text offset at the start of the first line in view."""
        line = self.scroll_offset.y
        return self._lines[line][0] if line < len(self._lines) else 0

    def _style_at(self, offset: int) -> str:
        if self.selection and self.selection[0] <= offset < self.selection[1]:
            return SELECTION_STYLE
        styles = []
        for index, span in enumerate(self.spans):
            if span.start <= offset < span.end:
                if index == self.current:
                    return CURRENT_STYLE
                styles.append(SPAN_STYLES.get(span.kind, "underline"))
        return styles[-1] if styles else ""
