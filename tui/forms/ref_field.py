"""A form field holding references to other records, shown by name and chosen with the picker."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from claimnet.store import Store

from .describe import name_of
from .pick_record_screen import PickRecordScreen


class RefField(Widget, can_focus=True):
    """One reference (or several with ``multiple``): enter opens the picker, delete removes one."""

    BINDINGS = [
        Binding("enter,space", "pick", "Choose", id="ref.pick", show=False),
        Binding("delete,backspace", "remove", "Remove", id="ref.remove", show=False),
    ]

    DEFAULT_CSS = """
    RefField {
        height: auto;
        max-height: 3;
        width: 1fr;
    }
    RefField:focus {
        text-style: bold;
    }
    """

    class Changed(Message):
        """The chosen records changed."""

        def __init__(self, field: RefField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> RefField:
            """The field that changed."""
            return self.field

    def __init__(self, store: Store, kinds: tuple[str, ...], value: str | list[str] | None, *,
                 title: str, multiple: bool = False, exclude: tuple[str, ...] = (),
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.kinds = kinds
        self.pick_title = title
        self.multiple = multiple
        self.exclude = exclude
        if multiple:
            self._ids = list(value or [])
        else:
            self._ids = [value] if isinstance(value, str) and value else []
        self._names = {record_id: name_of(store, record_id, 40) for record_id in self._ids}

    @property
    def value(self) -> str | list[str] | None:
        """The chosen id (or None), or with ``multiple`` the list of chosen ids."""
        if self.multiple:
            return list(self._ids)
        return self._ids[0] if self._ids else None

    def render(self) -> Content:
        """The chosen records' names (looked up once, never markup), or how to choose one."""
        if not self._ids:
            hint = "enter: add" if self.multiple else "enter: choose"
            return Content.from_markup("[dim]— none ($hint)[/dim]", hint=hint)
        names = [self._names.get(record_id, record_id) for record_id in self._ids]
        tail = "  [dim](enter: add, del: remove last)[/dim]" if self.multiple else "  [dim]▸[/dim]"
        return Content.from_markup("$names" + tail, names="; ".join(names))

    def action_pick(self) -> None:
        """Open the picker; the chosen record replaces (or with ``multiple`` joins) the value."""
        self.app.push_screen(PickRecordScreen(self.store, self.kinds, self.pick_title, exclude=self.exclude),
                             self._picked)

    def _picked(self, record_id: str | None) -> None:
        if not record_id or record_id in self.exclude:
            return
        self._names[record_id] = name_of(self.store, record_id, 40)
        if self.multiple:
            if record_id not in self._ids:
                self._ids.append(record_id)
        else:
            self._ids = [record_id]
        self._changed()

    def action_remove(self) -> None:
        """Clear the reference (with ``multiple``, drop the last one)."""
        if not self._ids:
            return
        self._ids.pop()
        self._changed()

    def _changed(self) -> None:
        self.refresh(layout=True)
        self.post_message(self.Changed(self))
