"""Shared pieces of the form screens: the base modal, field rows, the error line and the key footer."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from claimnet.tui.safe_text import one_line, visible

from .store_calls import StoreCallsMixin, failure_text

ResultType = TypeVar("ResultType")

SAVE_BINDING = Binding("ctrl+s", "save", "Save", id="form.save")
CANCEL_BINDING = Binding("escape", "cancel", "Cancel", id="form.cancel")
#: The app's help key in a modal (whose keys do not reach the app's): lists the form's keys.
#: q goes back on every screen but the main one, as escape does (in a text field it types a q).
BACK_BINDING = Binding("q", "app.back_or_quit", "Back", show=False, id="quit")
HELP_BINDING = Binding("f1,question_mark", "app.help", "Help", id="help", show=False)

FORM_CSS = """
FormScreen {
    align: center middle;
}
FormScreen > .form-box {
    width: 100%;
    max-width: 100;
    height: auto;
    max-height: 100%;
    border: round $primary;
    border-title-style: bold;
    border-title-color: $foreground;
    padding: 0 1;
    background: $surface;
}
FormScreen .form-header {
    height: auto;
    max-height: 3;
    margin-bottom: 1;
}
FormScreen .form-body {
    height: auto;
    scrollbar-size-vertical: 1;
}
FormScreen .form-note {
    height: auto;
    color: $text-muted;
}
"""


class FieldRow(Horizontal):
    """One labelled row of a form: the label lights up while its field has focus."""

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        margin-bottom: 0;
    }
    FieldRow > .field-label {
        width: 15;
        height: 1;
        color: $text-muted;
    }
    FieldRow > .field-label.-focused {
        color: $accent;
        text-style: bold reverse;
    }
    FieldRow > Input, FieldRow > Select, FieldRow > TextArea, FieldRow > .field-widget {
        width: 1fr;
    }
    FieldRow > Horizontal {
        height: auto;
    }
    FieldRow > Horizontal > Input {
        width: 1fr;
        margin-right: 1;
    }
    FieldRow > Input, FieldRow > Horizontal > Input {
        background: $boost;
    }
    FieldRow > TextArea {
        height: 6;
        padding: 0;
        border: round $foreground-muted;
    }
    FieldRow > TextArea:focus {
        border: round $accent;
    }
    FieldRow > TextArea.-tall {
        height: 10;
    }
    FieldRow > .field-hint {
        width: auto;
        max-width: 26;
        height: 1;
        color: $text-muted;
        margin-left: 1;
    }
    """

    def __init__(self, label: str, *children: Widget, hint: str | Content | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._label = label
        self._children = children
        self._hint = hint

    def compose(self) -> ComposeResult:
        """The label, the field widgets, and an optional hint."""
        yield Static(Content(self._label), classes="field-label")
        yield from self._children
        if self._hint is not None:
            hint = self._hint if isinstance(self._hint, Content) else Content(self._hint)
            yield Static(hint, classes="field-hint")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Light the label up (a class, since ``:focus-within`` does not restyle the label)."""
        self.query_one(".field-label").add_class("-focused")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Put the label back."""
        self.query_one(".field-label").remove_class("-focused")


class ErrorLine(Static):
    """A line showing why a change was refused; hidden while there is nothing to say."""

    DEFAULT_CSS = """
    ErrorLine {
        height: auto;
        color: $error;
        text-style: bold;
        display: none;
    }
    ErrorLine.-shown {
        display: block;
    }
    """

    def show_error(self, message: str) -> None:
        """Show ``message`` (which may quote user text) literally, control characters visible."""
        self.update(Content(visible(message)))
        self.set_class(bool(message), "-shown")
        if isinstance(self.screen, FormScreen):
            self.call_after_refresh(self.screen.fit_body)

    def clear(self) -> None:
        """Hide the line."""
        self.show_error("")


class FormFooter(Static):
    """The keys of the screen it sits on, kept in step with the screen's bindings and keymap."""

    DEFAULT_CSS = """
    FormFooter {
        height: 1;
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(self, extra: str = "") -> None:
        super().__init__("")
        self._extra = extra

    def on_mount(self) -> None:
        """Draw the keys and redraw whenever the screen's bindings change."""
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self._draw())
        self._draw()

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _draw(self) -> None:
        keys: dict[str, list[str]] = {}
        words: dict[str, str] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or active.node is not self.screen or not active.enabled:
                continue
            keys.setdefault(binding.action, []).append(self.app.get_key_display(binding))
            words.setdefault(binding.action, binding.description)
        order = sorted(keys, key=lambda action: (action == "cancel", action != "save"))
        markup = "[b]$key[/b] $what"
        parts = [Content.from_markup(markup, key="/".join(keys[a]), what=words[a]) for a in order]
        if self._extra:
            parts.append(Content(self._extra))
        self.update(Content("  ").join(parts))


class FormBody(VerticalScroll, can_focus=False):
    """The scrolling part of a form, so tall forms still fit 80×24; never itself a tab stop."""


class FormScreen(StoreCallsMixin, ModalScreen[ResultType]):
    """Base of the form modals: shared look, an error line, store calls and a guarded cancel."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [CANCEL_BINDING, HELP_BINDING, Binding("q", "back", "Back", show=False, id="quit")]

    busy: bool = False
    #: Where the focus goes for a refused field whose widget is not ``#field-<name>``.
    FIELD_TARGETS: dict[str, str] = {}

    def box(self, title: str) -> Vertical:
        """The bordered box every form is drawn in, titled ``title`` (never markup)."""
        box = Vertical(classes="form-box")
        box.border_title = Content(one_line(title, 70))
        return box

    def on_mount(self) -> None:
        """Fit the form to the terminal once it is laid out."""
        self.call_after_refresh(self.fit_body)

    def on_resize(self) -> None:
        """Fit the form to the terminal's new size."""
        self.call_after_refresh(self.fit_body)

    def fit_body(self) -> None:
        """Let the scrolling body have the rows the box's other parts leave, so keys stay in view."""
        for body in self.query(FormBody):
            box = body.parent
            if not isinstance(box, Widget):
                continue
            others = sum(child.outer_size.height + child.styles.margin.top + child.styles.margin.bottom
                         for child in box.children if child is not body and child.display)
            room = self.size.height - box.styles.gutter.height - others
            body.styles.max_height = max(3, room)

    @property
    def error_line(self) -> ErrorLine:
        """The screen's error line."""
        return self.query_one(ErrorLine)

    def show_error(self, message: str, field: str | None = None) -> None:
        """Show why something was refused and move the focus to the field it names, if shown."""
        self.error_line.show_error(message)
        if field and field.isidentifier():
            target = self.query(f"#{self.FIELD_TARGETS.get(field, f'field-{field}')}")
            if target:
                target.first().focus()

    def show_failure(self, error: BaseException) -> None:
        """Show a failed store call: the store's message, and focus on the field it names."""
        self.busy = False
        self.show_error(failure_text(error), getattr(error, "field", None))

    def has_changes(self) -> bool:
        """Whether the form holds edits not saved yet (q then asks to save or discard)."""
        return False

    def action_back(self) -> None:
        """q: back, as escape, unless that would throw away what was typed."""
        if self.has_changes():
            self.error_line.show_error("Not saved yet: ctrl+s saves, escape discards.")
            return
        self.action_cancel()

    def action_cancel(self) -> None:
        """Close without changing anything (not while a save is on its way); with unsaved edits, only
        when escape is pressed again, so a stray key never throws away what was typed."""
        if self.busy:
            self.error_line.show_error("Saving… wait for the store to answer.")
            return
        if self.has_changes() and not getattr(self, "_discard_armed", False):
            self._discard_armed = True
            self.error_line.show_error("Not saved yet: escape again discards, ctrl+s saves.")
            return
        self.dismiss(None)
