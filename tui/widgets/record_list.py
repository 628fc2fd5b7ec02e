"""A cursor list of records drawn line by line, so 100,000 rows cost no more than the visible ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..lazy_rows import LazyRows
from ..rows import Row, format_row


class RecordList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of one pane with a cursor; posts Highlighted when it moves and Chosen on enter."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("home,g", "cursor_top", "Top", show=False, id="cursor_top"),
        Binding("end,G", "cursor_bottom", "Bottom", show=False, id="cursor_bottom"),
        Binding("pagedown,ctrl+d", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup,ctrl+u", "page_up", "Page up", show=False, id="page_up"),
        Binding("enter", "choose", "Open", show=False, id="open"),
    ]
    COMPONENT_CLASSES = {"record-list--cursor", "record-list--cursor-blurred", "record-list--empty"}
    DEFAULT_CSS = """
    RecordList { background: $surface; scrollbar-size-vertical: 1; overflow-x: hidden; }
    RecordList > .record-list--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    RecordList > .record-list--cursor-blurred { background: $block-cursor-blurred-background;
        text-style: underline; }
    RecordList > .record-list--empty { color: $text-muted; text-style: italic; }
    RecordList:ansi > .record-list--cursor { background: ansi_white; color: ansi_black; text-style: bold; }
    RecordList:ansi > .record-list--cursor-blurred { background: ansi_default; text-style: underline; }
    """

    class Highlighted(Message):
        """The cursor moved to a record (or the list was emptied: ``record_id`` None)."""

        def __init__(self, record_list: RecordList, record_id: str | None) -> None:
            super().__init__()
            self.record_list = record_list
            self.record_id = record_id

        @property
        def control(self) -> RecordList:
            """The list whose cursor moved."""
            return self.record_list

    class Chosen(Message):
        """Enter (or a second click) on a record."""

        def __init__(self, record_list: RecordList, record_id: str) -> None:
            super().__init__()
            self.record_list = record_list
            self.record_id = record_id

        @property
        def control(self) -> RecordList:
            """The list a record was chosen in."""
            return self.record_list

    class NeedRows(Message):
        """Rows of a lazy list came into view before they were read; ``start``–``end`` are wanted."""

        def __init__(self, record_list: RecordList, rows: LazyRows, start: int, end: int) -> None:
            super().__init__()
            self.record_list = record_list
            self.rows = rows
            self.start = start
            self.end = end

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, empty: str = "Loading…", formatter: Callable[[Row, int], Content] = format_row,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[Row] = ()
        self.empty = empty
        self.formatter = formatter
        self._index: dict[str, int] | None = None
        self._cache: dict[tuple[int, int], Strip] = {}
        self._last_posted: str | None = None

    # -- data ----------------------------------------------------------------------------

    @property
    def highlighted_id(self) -> str | None:
        """The id of the record under the cursor, or None when the list is empty."""
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].id
        return None

    def index_of(self, record_id: str) -> int | None:
        """The row index of a record, or None when the list does not hold it."""
        if self._index is None:
            self._index = {}
            ids = self.rows.ids if isinstance(self.rows, LazyRows) else (row.id for row in self.rows)
            for i, row_id in enumerate(ids):
                self._index.setdefault(row_id, i)
        return self._index.get(record_id)

    def set_rows(self, rows: Sequence[Row], focus: str | None = None, empty: str | None = None) -> None:
        """Show new rows, keeping the cursor on ``focus`` (else the old record, else its place)."""
        keep = focus or self.highlighted_id
        old_cursor = self.cursor
        self.rows = rows
        if empty is not None:
            self.empty = empty
        self._index = None
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        index = self.index_of(keep) if keep else None
        index = index if index is not None else min(old_cursor, max(0, len(rows) - 1))
        self.cursor = self._skip_headings(index, 1)
        self.refresh()

    def _skip_headings(self, index: int, step: int) -> int:
        """The nearest row from ``index`` in direction ``step`` that is not a group heading."""
        probe = index
        while 0 <= probe < len(self.rows) and self.rows[probe].kind == "group":
            probe += step
        return probe if 0 <= probe < len(self.rows) else index

    def fill(self, rows: LazyRows, start: int, built: list[Row]) -> None:
        """Keep rows read for a lazy list (ignored when the list was replaced since)."""
        if rows is self.rows:
            rows.fill(start, built)
            self._cache.clear()
            self.refresh()

    def move_to(self, record_id: str) -> bool:
        """Put the cursor on a record; False when the list does not hold it."""
        index = self.index_of(record_id)
        if index is None:
            return False
        self.cursor = index
        return True

    # -- cursor --------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, value: int) -> None:
        self._cache.clear()
        self.scroll_to_region(Region(0, value, 1, 1), animate=False, force=True, immediate=True)
        self.refresh()
        record_id = self.highlighted_id
        if record_id != self._last_posted:
            self._last_posted = record_id
            self.post_message(self.Highlighted(self, record_id))

    def action_cursor_down(self) -> None:
        self.cursor = self._skip_headings(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self.cursor = self._skip_headings(self.cursor - 1, -1)

    def action_cursor_top(self) -> None:
        self.cursor = 0

    def action_cursor_bottom(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_choose(self) -> None:
        record_id = self.highlighted_id
        if record_id is not None:
            self.post_message(self.Chosen(self, record_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 1 and self.has_focus:
                self.action_choose()
            self.cursor = index

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self.rich_style
        if not self.rows:
            if y == 0:
                style = self.get_component_rich_style("record-list--empty")
                text = Content(self.empty).truncate(width, ellipsis=True, pad=True)
                return Strip(text.render_segments(), width).apply_style(style)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        key = (index, width)
        strip = self._cache.get(key)
        if strip is None:
            row = self.rows[index]
            if row.kind == "pending":
                window = self.rows.window_to_ask(index)
                if window is not None:
                    self.post_message(self.NeedRows(self, self.rows, *window))
            content = self.formatter(row, width)
            strip = Strip(content.render_segments(), width)
            if index == self.cursor:
                if self.has_focus:
                    strip = _chips(strip).apply_style(self.get_component_rich_style("record-list--cursor"))
                else:
                    strip = strip.apply_style(self.get_component_rich_style("record-list--cursor-blurred"))
            strip = strip.apply_style(base)
            if len(self._cache) > 400:
                self._cache.clear()
            if row.kind != "pending":
                self._cache[key] = strip
        return strip


CHIP_TEXT = Color.parse("black")


def _chips(strip: Strip) -> Strip:
    """Coloured marks on the cursor row as black on their colour, so they keep their contrast there."""
    segments = []
    for text, style, control in strip:
        color = style.color if style is not None else None
        if color is not None and not color.is_default and text.strip():
            style = Style(color=CHIP_TEXT, bgcolor=color, bold=True)
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)
