"""The timeline of an actor or a claim: statements or reports in date order, with source, outlet and act."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from claimnet.store import StoreError
from claimnet.store.features.across.views import Report, timeline

from ..detail_text import label_of
from ..safe_text import one_line
from ..widgets.key_footer import KeyFooter
from ..widgets.key_lists import KeyOptionList


def report_label(report: Report) -> Text:
    """One timeline row: date, outlet, act and speaker, then the words (never markup)."""
    text = Text()
    text.append(f"{report.date or 'undated':10} ", style="bold")
    text.append(one_line(report.outlet or report.source_title or "no source", 18), style="cyan")
    text.append(f"  {report.act or report.kind}", style="magenta")
    if report.speaker_name:
        text.append("  " + one_line(report.speaker_name, 24), style="dim")
    text.append("\n  ")
    text.append(one_line(f"“{report.quote}”" if report.quote else report.text, 150))
    return text


class TimelineScreen(Screen[str | None]):
    """An actor's statements or a claim's reports, oldest first; enter goes to one, escape goes back."""

    BINDINGS = [Binding("escape", "close", "Back to panes", id="close_timeline")]
    DEFAULT_CSS = "TimelineScreen OptionList { height: 1fr; border: round $accent; }"

    class Loaded(Message):
        """A timeline read in a worker."""

        def __init__(self, reports: list[Report]) -> None:
            super().__init__()
            self.reports = reports

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield KeyOptionList(Option(Text("Loading…"), disabled=True))
        yield KeyFooter()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        store = getattr(self.app, "store", None)
        record = store.find(self.record_id) if store is not None else None
        name = label_of(store, record, 50).plain if record is not None else self.record_id
        listing.border_title = Text("Timeline of ") + Text(one_line(name, 50))
        listing.focus()
        self.run_worker(self._load, thread=True, exclusive=True, group="timeline")

    def _load(self) -> None:
        try:
            reports = timeline(self.app.store, self.record_id)
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.post_message(self.Loaded(reports))

    def on_timeline_screen_loaded(self, message: Loaded) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        if not message.reports:
            listing.add_option(Option(Text("No statements yet."), disabled=True))
            return
        listing.add_options([Option(report_label(r), id=r.id) for r in message.reports])
        sources = {r.source for r in message.reports}
        listing.border_subtitle = Text(f"{len(message.reports)} reports in {len(sources)} sources")
        listing.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
