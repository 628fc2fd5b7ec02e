"""A yes/no question before a change that touches many records at once (y confirms, n or escape not)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from ..forms.form_parts import FormFooter, FormScreen


class ConfirmScreen(FormScreen[bool]):
    """Ask ``question`` (Content, so user text in it stays literal); dismisses True on y, else None."""

    BINDINGS = [
        Binding("y", "confirm", "Yes", id="confirm.yes"),
        Binding("n", "cancel", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, question: Content) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and the keys."""
        with self.box(self.title_text):
            yield Static(self.question, id="question")
            yield FormFooter()

    def action_confirm(self) -> None:
        """Answer yes."""
        self.dismiss(True)
