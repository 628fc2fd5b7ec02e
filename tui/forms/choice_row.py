"""A one-line row of exclusive choices (grades, yes/no/unknown, weights), changed with ←/→."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ChoiceRow(Widget, can_focus=True):
    """Exclusive choices on one line: ←/→ (or a click) pick one; the chosen one is reversed."""

    BINDINGS = [
        Binding("left", "step(-1)", "Previous choice", id="choice.previous", show=False),
        Binding("right,space", "step(1)", "Next choice", id="choice.next", show=False),
    ]

    DEFAULT_CSS = """
    ChoiceRow {
        height: 1;
        width: 1fr;
    }
    ChoiceRow:focus {
        text-style: bold;
    }
    """

    value: reactive[Any] = reactive(None, init=False)

    class Changed(Message):
        """The chosen value changed."""

        def __init__(self, row: ChoiceRow, value: Any) -> None:
            super().__init__()
            self.row = row
            self.value = value

        @property
        def control(self) -> ChoiceRow:
            """The row that changed."""
            return self.row

    def __init__(self, choices: Sequence[tuple[Any, str]], value: Any = None, *,
                 describe: Callable[[Any], str] | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._choices = list(choices)
        self._describe = describe
        self._starts: list[tuple[int, int]] = []
        self.set_reactive(ChoiceRow.value, value)

    @property
    def values(self) -> list[Any]:
        """The values a person can choose from, in order."""
        return [value for value, _label in self._choices]

    def _index(self) -> int:
        values = self.values
        return values.index(self.value) if self.value in values else -1

    def render(self) -> Content:
        """Each choice's label, the chosen one reversed, then what the choice means."""
        parts: list[Content] = []
        self._starts = []
        offset = 0
        chosen = self._index()
        for index, (_value, label) in enumerate(self._choices):
            text = f" {label} "
            style = "reverse bold" if index == chosen else ""
            parts.append(Content.styled(text, style) if style else Content(text))
            self._starts.append((offset, offset + len(text)))
            offset += len(text)
        if self._describe is not None and chosen >= 0:
            meaning = self._describe(self.value)
            if meaning:
                parts.append(Content.from_markup("  [dim]$meaning[/dim]", meaning=meaning))
        return Content("").join(parts)

    def watch_value(self, value: Any) -> None:
        """Redraw and tell the form."""
        self.refresh()
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        """Move the choice left or right, stopping at either end."""
        index = self._index()
        new = min(max(index + delta, 0), len(self._choices) - 1) if index >= 0 else 0
        self.value = self._choices[new][0]

    def on_click(self, event: events.Click) -> None:
        """Choose the choice under the mouse."""
        for index, (start, end) in enumerate(self._starts):
            if start <= event.x < end:
                self.value = self._choices[index][0]
                break
