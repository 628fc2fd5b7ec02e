"""The Detail pane: the focused record in full, scrollable with the keys the lists use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static


class DetailView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows one record's detail text (built elsewhere as Content, never parsed as markup)."""

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="cursor_down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="cursor_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="cursor_top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="cursor_bottom"),
        Binding("pagedown,ctrl+d", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup,ctrl+u", "page_up", "Page up", show=False, id="page_up"),
    ]
    DEFAULT_CSS = """
    DetailView { background: $surface; scrollbar-size-vertical: 1; }
    DetailView > Static { width: 1fr; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.record_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading…"), id="detail-text")

    def show(self, record_id: str | None, content: Content) -> None:
        """Show a record's detail; scroll back to the top when it is another record."""
        self.query_one("#detail-text", Static).update(content)
        if record_id != self.record_id:
            self.scroll_home(animate=False)
        self.record_id = record_id

    @property
    def text(self) -> str:
        """The plain text shown (for tests and copying)."""
        content = self.query_one("#detail-text", Static).content
        return content.plain if isinstance(content, Content) else str(content)
