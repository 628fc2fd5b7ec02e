"""Help: every key of the context it was opened from, with what it does and its id for remapping."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..forms.form_parts import BACK_BINDING
from ..keymap import keymap_path


class HelpScreen(ModalScreen[None]):
    """Lists bindings (keys, description, id); keys can be remapped in keys.toml by id."""

    BINDINGS = [
        Binding("escape,question_mark", "dismiss_help", "Close help", id="close_help"),
        BACK_BINDING,
        Binding("down,j", "scroll('down')", "Down", show=False, id="cursor_down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="cursor_up"),
        Binding("home,g", "scroll('home')", "Top", show=False, id="cursor_top"),
        Binding("end,G", "scroll('end')", "Bottom", show=False, id="cursor_bottom"),
        Binding("pagedown,ctrl+d", "scroll('page_down')", "Page down", show=False, id="page_down"),
        Binding("pageup,ctrl+u", "scroll('page_up')", "Page up", show=False, id="page_up"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 78; max-width: 100%; height: 90%; border: round $accent;
        background: $surface; }
    HelpScreen VerticalScroll { height: 1fr; }
    HelpScreen Static { padding: 0 1; }
    """

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    @staticmethod
    def bindings_of(screen: Screen | DOMNode) -> list[tuple[str, str, str]]:
        """(keys, description, id) for every binding active on ``screen``, keys of one id joined."""
        screen = screen if isinstance(screen, Screen) else screen.screen
        app = screen.app
        grouped: dict[tuple[str, str], list[str]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            display = app.get_key_display(Binding(key, binding.action))
            grouped.setdefault((binding.description, binding.id or ""), []).append(display)
        return [(", ".join(keys), description, binding_id)
                for (description, binding_id), keys in grouped.items()]

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _d, _i in self.rows), default=4)
        text = Content("")
        for keys, description, binding_id in self.rows:
            text += Content(keys.ljust(width)).stylize("bold cyan") + Content("  ")
            text += Content(description.ljust(22)) + Content(f" {binding_id}\n").stylize("dim")
        path = getattr(self.app, "keys_path", None) or keymap_path()
        text += Content(f"\nRemap keys by id in {path}, e.g.  undo = \"z\"").stylize("italic")
        with Vertical() as box:
            box.border_title = Content("Keys here — escape closes")
            with VerticalScroll():
                yield Static(text)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        {"down": scroll.scroll_down, "up": scroll.scroll_up, "home": scroll.scroll_home,
         "end": scroll.scroll_end, "page_down": scroll.scroll_page_down,
         "page_up": scroll.scroll_page_up}[direction](animate=False)
