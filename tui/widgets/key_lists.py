"""Textual's Tree and OptionList with the keys every claimnet list has: j/k, g/G, ctrl+d/ctrl+u."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList, Tree

#: The same ids as the panes' keys, so one line in keys.toml remaps them everywhere.
_TREE_KEYS = [
    Binding("down,j", "cursor_down", "Down", show=False, id="cursor_down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="cursor_up"),
    Binding("home,g", "scroll_home", "Top", show=False, id="cursor_top"),
    Binding("end,G", "scroll_end", "Bottom", show=False, id="cursor_bottom"),
    Binding("pagedown,ctrl+d", "page_down", "Page down", show=False, id="page_down"),
    Binding("pageup,ctrl+u", "page_up", "Page up", show=False, id="page_up"),
]
_OPTION_KEYS = [
    Binding("down,j", "cursor_down", "Down", show=False, id="cursor_down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="cursor_up"),
    Binding("home,g", "first", "Top", show=False, id="cursor_top"),
    Binding("end,G", "last", "Bottom", show=False, id="cursor_bottom"),
    Binding("pagedown,ctrl+d", "page_down", "Page down", show=False, id="page_down"),
    Binding("pageup,ctrl+u", "page_up", "Page up", show=False, id="page_up"),
]


class KeyTree(Tree):
    """A Tree whose cursor also moves with j/k, g/G and ctrl+d/ctrl+u."""

    BINDINGS = _TREE_KEYS


class KeyOptionList(OptionList):
    """An OptionList whose highlight also moves with j/k, g/G and ctrl+d/ctrl+u."""

    BINDINGS = _OPTION_KEYS
