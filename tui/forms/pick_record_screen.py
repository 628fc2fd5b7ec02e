"""A modal for choosing one record of some kinds by searching for it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from claimnet.store import Store

from .form_parts import ErrorLine, FormBody, FormFooter, FormScreen
from .record_search import RecordSearch


class PickRecordScreen(FormScreen[str | None]):
    """Search records of ``kinds`` as you type; enter picks the highlighted one, escape cancels.

    A picker of actors can also make a new one on the spot (ctrl+n), named as typed so far.
    """

    BINDINGS = [Binding("ctrl+n", "new_actor", "New actor", id="pick.new_actor")]

    DEFAULT_CSS = """
    PickRecordScreen RecordSearch > OptionList {
        max-height: 16;
    }
    """

    def __init__(self, store: Store, kinds: tuple[str, ...], title: str,
                 exclude: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.store = store
        self.kinds = kinds
        self.title_text = title
        self.exclude = exclude  # records not offered (the actor being merged away)

    def compose(self) -> ComposeResult:
        """The search and the keys."""
        with self.box(self.title_text):
            with FormBody(classes="form-body"):
                yield RecordSearch(self.store, self.kinds, exclude=self.exclude, id="picker")
            yield ErrorLine()
            yield FormFooter("↑↓ move  enter pick")

    def on_mount(self) -> None:
        """Start in the search box."""
        self.query_one(RecordSearch).query_box.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A new record can be made here only when actors are what is picked."""
        return "actor" in self.kinds if action == "new_actor" else True

    def action_new_actor(self) -> None:
        """Open the actor form with the name typed so far; the new actor is the one picked."""
        from .record_form_screen import RecordFormScreen

        name = self.query_one(RecordSearch).query_box.value.strip()
        preset = {"name": name} if name else None

        def made(actor_id: str | None) -> None:
            if actor_id:
                self.dismiss(actor_id)

        self.app.push_screen(RecordFormScreen(self.store, "actor", preset=preset), made)

    def on_record_search_chosen(self, event: RecordSearch.Chosen) -> None:
        """Dismiss with the chosen record's id."""
        event.stop()
        self.dismiss(event.record_id)
