"""The key footer: redrawn only when its keys change, and narrowed by dropping the lesser hints first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Actions whose hints are never dropped to make room.
ALWAYS = ("quit", "help", "app.quit", "app.help", "back_or_quit", "app.back_or_quit")


class KeyFooter(Footer):
    """Textual's footer, compact, that keeps Quit and Help in view however narrow the terminal.

    Moving the focus between panes fires the screen's bindings signal, and Textual's footer then
    rebuilds all its keys (tens of milliseconds with the layout that follows) even though they are
    the same: here it is rebuilt only when the keys it shows changed.
    """

    def __init__(self, drop_first: Sequence[str] = (), **kwargs) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("show_command_palette", False)
        super().__init__(**kwargs)
        self.drop_first = tuple(drop_first)
        self._shown: tuple | None = None

    def _signature(self, screen: Screen) -> tuple:
        app = screen.app
        return tuple((binding.action, app.get_key_display(binding), binding.description, enabled)
                     for _node, binding, enabled, _tip in screen.active_bindings.values() if binding.show)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            signature = self._signature(screen)
            if signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Hide hints, the lesser first, until the rest fit on the line."""
        keys = list(self.query(FooterKey))
        if not keys:
            return
        room = self.size.width
        if room <= 0:
            return

        def width(key: FooterKey) -> int:
            return len(key.key_display) + 1 + len(key.description) + 1

        for key in keys:
            key.display = True
        total = sum(width(key) for key in keys)
        ranked = [k for action in self.drop_first for k in keys if k.action == action]
        ranked += [k for k in reversed(keys) if k not in ranked and k.action not in ALWAYS]
        for key in ranked:
            if total <= room:
                break
            key.display = False
            total -= width(key)
