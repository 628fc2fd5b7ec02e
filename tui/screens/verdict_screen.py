"""A short menu to give the focused record a verdict with one key (1–8) or the arrows and enter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from claimnet.store import model

from ..forms.form_parts import BACK_BINDING, HELP_BINDING
from ..rows import VERDICT_MARKS
from ..widgets.key_lists import KeyOptionList


class VerdictScreen(ModalScreen[str | None]):
    """Pick one of the ClaimReview-style verdicts; the caller saves it as an annotation."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="cancel"),
        BACK_BINDING,
        HELP_BINDING,
        *[Binding(str(i), f"pick({i - 1})", verdict.replace("_", " "), show=False, id=f"verdict_{i}")
          for i, verdict in enumerate(model.VERDICTS, 1)],
    ]
    DEFAULT_CSS = """
    VerdictScreen { align: center middle; }
    VerdictScreen > Vertical { width: 36; height: auto; border: round $accent; background: $surface; }
    VerdictScreen OptionList { height: auto; border: none; }
    """

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        options = []
        for i, verdict in enumerate(model.VERDICTS, 1):
            letter, style = VERDICT_MARKS[verdict]
            label = Content.assemble(f"{i}  ", (letter, f"bold {style}"), f"  {verdict.replace('_', ' ')}")
            options.append(Option(label, id=verdict))
        with Vertical() as box:
            box.border_title = Content(f"Verdict on {self.record_id}")
            yield KeyOptionList(*options)

    def action_pick(self, index: int) -> None:
        self.dismiss(model.VERDICTS[index])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
