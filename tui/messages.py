"""Messages workers and panes post upward; the main screen handles them and updates the widgets."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from .views import PaneData


@dataclass(frozen=True, slots=True)
class FocusInfo:
    """What the main screen needs to act on the focused record without asking the store."""

    id: str
    kind: str
    source: str | None = None  # the source to read for this record
    words: str = ""  # what "copy quote" copies
    graded: bool = False  # whether 1–6 credibility applies


class PanesLoaded(Message):
    """A worker read the rows of one or more panes: per pane, its rows (None: the store refused)
    and the serial of the read; one message, so the panes change in one frame."""

    def __init__(self, reads: dict[str, tuple[PaneData | None, int]]) -> None:
        super().__init__()
        self.reads = reads


class DetailLoaded(Message):
    """A worker built the detail text of the focused record."""

    def __init__(self, record_id: str | None, content: Content, info: FocusInfo | None,
                 generation: int = -1) -> None:
        super().__init__()
        self.record_id = record_id
        self.content = content
        self.info = info
        self.generation = generation  # the store's generation it was read at


class WriteFinished(Message):
    """A change was saved (``ok``) or refused; ``text`` says which in one sentence."""

    def __init__(self, ok: bool, text: str, focus: str | None = None) -> None:
        super().__init__()
        self.ok = ok
        self.text = text
        self.focus = focus


class StoreChanged(Message):
    """The store's data changed (another session wrote, or this one caught up)."""

    def __init__(self, generation: int, external: bool) -> None:
        super().__init__()
        self.generation = generation
        self.external = external


class JumpTo(Message):
    """Show a record in its pane (from search, the source reader, the neighbourhood…)."""

    def __init__(self, record_id: str, remember: bool = True, keep_filter: bool = False) -> None:
        super().__init__()
        self.record_id = record_id
        self.remember = remember
        self.keep_filter = keep_filter  # a new record: never drop the pane's filter to show it
