"""The modal for linking a record to another: search the other end, pick a valid type, swap direction."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Select, Static

from claimnet.store import Store, model
from claimnet.store.network.validate import LINK_ENDS
from claimnet.tui.safe_text import visible

from .choice_row import ChoiceRow
from .describe import record_line
from .form_parts import SAVE_BINDING, ErrorLine, FieldRow, FormBody, FormFooter, FormScreen
from .record_search import RecordSearch

WEIGHTS = ((None, "none"), (-2, "−2"), (-1, "−1"), (0, "0"), (1, "+1"), (2, "+2"))


def valid_types(this_kind: str, other_kind: str) -> dict[str, tuple[bool, bool]]:
    """Link types joining the two kinds: type → (valid with this as from, valid with this as to)."""
    out = {}
    for link_type, (from_kinds, to_kinds) in LINK_ENDS.items():
        forward = this_kind in from_kinds and other_kind in to_kinds
        backward = other_kind in from_kinds and this_kind in to_kinds
        if forward or backward:
            out[link_type] = (forward, backward)
    return out


def other_kinds(this_kind: str) -> tuple[str, ...]:
    """The kinds of record a record of ``this_kind`` can be linked with, in either direction."""
    kinds: set[str] = set()
    for from_kinds, to_kinds in LINK_ENDS.values():
        if this_kind in from_kinds:
            kinds |= to_kinds
        if this_kind in to_kinds:
            kinds |= from_kinds
    return tuple(k for k in ("statement", "evidence", "actor", "source") if k in kinds)


class LinkScreen(FormScreen[str | None]):
    """Link ``record_id`` to another record; dismisses with the new link's id, or None."""

    BINDINGS = [SAVE_BINDING, Binding("ctrl+r", "swap", "Swap direction", id="link.swap")]
    FIELD_TARGETS = {"from": "search-query", "to": "search-query", "type": "field-type"}

    DEFAULT_CSS = """
    LinkScreen RecordSearch > OptionList {
        max-height: 6;
    }
    LinkScreen .link-end {
        height: auto;
        max-height: 2;
    }
    """

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__()
        self.store = store
        self.record_id = record_id
        self.record = store.find(record_id)
        self.this_kind = self.record.KIND if self.record else ""
        self.other_id: str | None = None
        self.other: model.Record | None = None
        self.outgoing = True
        self.types: dict[str, tuple[bool, bool]] = {}

    def compose(self) -> ComposeResult:
        """Both ends, the search for the other end, the type, the weight and the note."""
        kinds = other_kinds(self.this_kind)
        with self.box("Link"):
            yield Static("", id="end-from", classes="link-end")
            yield Static("", id="end-to", classes="link-end")
            with FormBody(classes="form-body"):
                if kinds:
                    yield RecordSearch(self.store, kinds, exclude=(self.record_id,), id="other-search")
                yield FieldRow("type", Select([], prompt="choose the other end first", compact=True,
                                              id="field-type"))
                yield FieldRow("weight", ChoiceRow(WEIGHTS, None, id="field-weight",
                                                   describe=lambda w: "" if w is None else "consistency"))
                note = Input(placeholder="why these are linked", compact=True, id="field-note")
                yield FieldRow("note", note)
                yield Static("", id="link-hint", classes="form-note")
            yield ErrorLine()
            yield FormFooter("enter choose other end")

    def on_mount(self) -> None:
        """Show the ends and start in the search."""
        self._show_ends()
        searches = self.query(RecordSearch)
        if searches:
            searches.first().query_box.focus()
        if self.record is None:
            self.show_error(f"There is no record with id {self.record_id}.")
        elif not other_kinds(self.this_kind):
            self.show_error(f"A {self.this_kind} cannot be linked; link its statements or evidence instead.")

    def _end_line(self, label: str, record: model.Record | None, this: bool) -> Content:
        if record is None:
            text = f"{visible(self.record_id)} (missing)" if this else "(choose below)"
            return Content.from_markup("[b]$label[/b]  [dim]$text[/dim]", label=label, text=text)
        lead = Content.from_markup("[b]$label[/b]  ", label=label)
        return lead + record_line(self.store, record, 136 - lead.cell_length)

    def _show_ends(self) -> None:
        first, second = (self.record, self.other) if self.outgoing else (self.other, self.record)
        arrow = self.query_one("#field-type", Select).value
        kind = arrow.replace("_", " ") if isinstance(arrow, str) else "links to"
        self.query_one("#end-from", Static).update(self._end_line("from", first, self.outgoing))
        self.query_one("#end-to", Static).update(self._end_line(f"{kind} →", second, not self.outgoing))

    def on_record_search_chosen(self, event: RecordSearch.Chosen) -> None:
        """The other end is chosen: offer only the types valid between the two, then go to the type."""
        event.stop()
        other = self.store.find(event.record_id)
        if other is None:
            return
        self.other_id, self.other = event.record_id, other
        self.types = valid_types(self.this_kind, other.KIND)
        select = self.query_one("#field-type", Select)
        select.set_options([(t.replace("_", " "), t) for t in self.types])
        select.prompt = "choose a type"
        if len(self.types) == 1:
            select.value = next(iter(self.types))
        self.error_line.clear()
        self._show_ends()
        select.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Turn the link round when the chosen type only goes the other way."""
        event.stop()
        if isinstance(event.value, str) and event.value in self.types:
            forward, backward = self.types[event.value]
            if (self.outgoing and not forward) or (not self.outgoing and not backward):
                self.outgoing = not self.outgoing
                self._hint(f"Turned round: a {event.value.replace('_', ' ')} link only goes this way.")
        self._show_ends()

    def _hint(self, message: str) -> None:
        self.query_one("#link-hint", Static).update(Content(message))

    def action_swap(self) -> None:
        """Swap which end the link starts from, if the chosen type allows it."""
        link_type = self.query_one("#field-type", Select).value
        if isinstance(link_type, str) and link_type in self.types:
            forward, backward = self.types[link_type]
            if not (backward if self.outgoing else forward):
                self.show_error(f"A {link_type.replace('_', ' ')} link cannot go the other way round.")
                return
        self.outgoing = not self.outgoing
        self.error_line.clear()
        self._hint("")
        self._show_ends()

    def action_save(self) -> None:
        """Ask the store for the link in a worker; dismiss with its id once it is saved."""
        if self.busy or self.record is None:
            return
        if self.other_id is None:
            self.show_error("Choose the other end first: type to search, enter to choose.", "from")
            return
        link_type = self.query_one("#field-type", Select).value
        if not isinstance(link_type, str):
            self.show_error("Choose the type of link.", "type")
            return
        weight = self.query_one("#field-weight", ChoiceRow).value
        note = self.query_one("#field-note", Input).value.strip() or None
        ends = (self.record_id, self.other_id) if self.outgoing else (self.other_id, self.record_id)
        self.busy = True
        self.error_line.clear()
        self.store_call(lambda: self.store.link(*ends, link_type, weight=weight, note=note),
                        lambda link: self.dismiss(link.id), self.show_failure, group="save")
