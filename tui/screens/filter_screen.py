"""Filter and sort one pane: by act or kind, verdict, status, tag and date, in a chosen order."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from claimnet.store import model

from ..forms.choice_row import ChoiceRow
from ..forms.form_parts import BACK_BINDING, HELP_BINDING
from ..pane_filter import NO_VERDICT, SORTS, PaneFilter

KIND_CHOICES = {"actors": model.ACTOR_KINDS, "evidence": model.EVIDENCE_KINDS}


def _select(name: str, values, current, labels=None) -> Select:
    options = [(labels.get(v, v) if labels else v.replace("_", " "), v) for v in values]
    return Select(options, prompt="any", value=current if current else Select.NULL, compact=True,
                  id=name)


class FilterScreen(ModalScreen[PaneFilter | None]):
    """A small form over a PaneFilter; enter applies (space opens a list), escape cancels, ctrl+x clears."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        BACK_BINDING,
        # Priority, so enter on a closed dropdown applies (space or ↓ opens it), as the hint says.
        Binding("enter,ctrl+s", "apply", "Apply", id="apply", priority=True),
        Binding("ctrl+x", "clear", "Clear all", id="clear_all"),
        HELP_BINDING,
    ]
    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical { width: 56; height: auto; border: round $accent; background: $surface;
        padding: 0 1; }
    FilterScreen Grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: 1; grid-gutter: 0 1;
        height: auto; }
    FilterScreen Label { color: $text-muted; }
    FilterScreen #hint { color: $text-muted; margin-top: 1; height: auto; }
    """

    def __init__(self, pane: str, current: PaneFilter) -> None:
        super().__init__()
        self.pane = pane
        self.current = current

    def compose(self) -> ComposeResult:
        flt = self.current
        with Vertical() as box:
            box.border_title = Content(f"Filter and sort {self.pane}")
            with Grid():
                if self.pane in KIND_CHOICES:
                    yield Label("kind")
                    yield _select("kind", KIND_CHOICES[self.pane], flt.kind)
                if self.pane == "statements":
                    yield Label("act")
                    yield _select("act", model.ACTS, flt.act)
                yield Label("verdict")
                yield _select("verdict", (*model.VERDICTS, NO_VERDICT), flt.verdict,
                              {NO_VERDICT: "no verdict yet"})
                if self.pane != "actors":
                    yield Label("status")
                    yield _select("status", model.STATUSES, flt.status)
                yield Label("tag")
                yield Input(flt.tag or "", placeholder="any tag", compact=True, id="tag")
                yield Label("analysts")
                yield ChoiceRow([(False, "any"), (True, "disagree")], flt.disagree, id="disagree",
                                describe=lambda v: "verdicts or grades differ" if v else "")
                if self.pane == "statements":
                    yield Label("said from")
                    yield Input(flt.date_from or "", placeholder="YYYY-MM-DD", compact=True, id="date_from")
                    yield Label("said to")
                    yield Input(flt.date_to or "", placeholder="YYYY-MM-DD", compact=True, id="date_to")
                yield Label("sort by")
                yield Select([(s, s) for s in SORTS[self.pane]], value=flt.sort, allow_blank=False,
                             compact=True, id="sort")
                yield Label("order")
                yield ChoiceRow([(False, "ascending"), (True, "descending")], flt.descending,
                                id="descending")
            yield Static(Content("enter or ctrl+s applies · space opens a list\n"
                                 "←/→ order · ctrl+x clears all · escape cancels"), id="hint")

    def _value(self, name: str) -> str | None:
        found = self.query(f"#{name}")
        if not found:
            return None
        widget = found.first()
        value = widget.value
        if isinstance(widget, Select):
            return None if value is Select.NULL else value
        return value.strip() or None

    def action_apply(self) -> None:
        self.dismiss(PaneFilter(
            kind=self._value("kind"), act=self._value("act"), verdict=self._value("verdict"),
            status=self._value("status"), tag=self._value("tag"), date_from=self._value("date_from"),
            date_to=self._value("date_to"), disagree=bool(self.query_one("#disagree", ChoiceRow).value),
            sort=self._value("sort") or "store",
            descending=bool(self.query_one("#descending", ChoiceRow).value)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter picks an option while a dropdown is open; it applies the filter otherwise."""
        return not (action == "apply" and any(select.expanded for select in self.query(Select)))

    def on_input_submitted(self) -> None:
        self.action_apply()

    def action_clear(self) -> None:
        self.dismiss(self.current.cleared())

    def action_cancel(self) -> None:
        self.dismiss(None)
