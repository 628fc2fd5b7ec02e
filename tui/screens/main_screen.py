"""The main screen: Actors, Statements and Evidence panes over the Detail pane; it owns selection."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import DescendantFocus
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from claimnet.store import StoreError, model

from ..detail_text import detail_content
from ..messages import DetailLoaded, FocusInfo, JumpTo, StoreChanged
from ..pane_filter import PaneFilter
from ..widgets.detail_view import DetailView
from ..widgets.key_footer import KeyFooter
from ..widgets.record_list import RecordList
from .main_actions import ACTION_BINDINGS, MainActions
from .pane_loading import PANES, PaneLoading

DETAIL_DELAY = 0.06
DETAIL_CACHE = 64  # details kept per record until the store changes: going back to a pane is instant
PANE_OF_KIND = {"actor": "actors", "statement": "statements", "evidence": "evidence"}


class MainScreen(PaneLoading, MainActions, Screen):
    """Browse who said what, what bears on it, and annotate it, with keys alone."""

    BINDINGS = [
        *[Binding(key, f"focus_pane('{pane}')", f"{pane.capitalize()} pane", show=False,
                  id=f"focus_{pane}")
          for key, pane in (("A", "actors"), ("S", "statements"), ("E", "evidence"), ("D", "detail"))],
        Binding("escape,x", "clear_filter", "Clear filter", show=False, id="clear_filter"),
        Binding("f", "filter", "Filter/sort", show=False, id="filter"),
        Binding("z", "zoom", "Zoom pane", show=False, id="zoom"),
        *ACTION_BINDINGS,
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    statement_scope: reactive[str | None] = reactive(None, init=False)
    evidence_scope: reactive[str | None] = reactive(None, init=False)
    focused_id: reactive[str | None] = reactive(None, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.filters: dict[str, PaneFilter] = {pane: PaneFilter() for pane in PANES}
        self.active_pane = "actors"
        self.focus_info: FocusInfo | None = None
        self.shown_generation = -1
        self._detail_timer: Timer | None = None
        self._detail_cache: dict[str, DetailLoaded] = {}
        self.annotate_forms: dict[str | None, Screen] = {}
        self._init_pane_loading()

    @property
    def store(self):
        """The open store (the app opened it before showing this screen)."""
        return self.app.store

    def compose(self) -> ComposeResult:
        with Horizontal(id="lists"):
            yield RecordList(id="actors", classes="pane")
            yield RecordList(id="statements", classes="pane")
            yield RecordList(id="evidence", classes="pane")
        yield DetailView(id="detail", classes="pane")
        yield KeyFooter(drop_first=("neighbourhood", "link", "new", "source", "edit", "undo", "annotate"))

    def on_mount(self) -> None:
        for pane, title in (("actors", "Actors"), ("statements", "Statements"),
                            ("evidence", "Evidence"), ("detail", "Detail")):
            self.query_one(f"#{pane}").border_title = Content(title)
        self.query_one("#actors", RecordList).focus()
        self.reload_all()

    def pane(self, name: str) -> RecordList:
        """One of the three list panes by name."""
        return self.query_one(f"#{name}", RecordList)

    # -- loading -------------------------------------------------------------------------

    def reload_all(self) -> None:
        """Reload every pane and the detail, keeping each cursor on its record."""
        self.shown_generation = self.store.generation
        self.load_pane(*PANES)
        self.load_detail(self.focused_id)

    def load_detail(self, record_id: str | None) -> None:
        """Show a record's detail: at once if built since the store last changed, else from a
        worker; before first paint, nothing (first paint shows the focused record's)."""
        if not self.painted:
            return
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        cached = self._detail_cache.get(record_id or "")
        if cached is not None and cached.generation == self.store.generation:
            self.on_detail_loaded(cached)
            return
        self._read_detail(record_id)

    @work(thread=True, exclusive=True, group="read-detail")
    def _read_detail(self, record_id: str | None) -> None:
        generation = self.store.generation
        try:
            content = detail_content(self.store, record_id)
            info = self._focus_info(record_id)
        except StoreError as error:
            content, info, generation = Content(str(error)), None, -1
        if not get_current_worker().is_cancelled:
            self.post_message(DetailLoaded(record_id, content, info, generation))

    def _focus_info(self, record_id: str | None) -> FocusInfo | None:
        record = self.store.find(record_id) if record_id else None
        if record is None:
            return None
        source = getattr(record, "source", None)
        words = getattr(record, "quote", None) or getattr(record, "text", None) or \
            getattr(record, "name", None) or getattr(record, "title", "")
        if isinstance(record, model.Actor):
            made = self.store.statements_for_actor(record.id)
            source = next((s.source for s in made if s.source), None)
        elif isinstance(record, model.Source):
            source = record.id
        graded = isinstance(record, model.Statement | model.Evidence)
        return FocusInfo(record.id, record.KIND, source, words or "", graded)

    def current_record(self) -> str | None:
        """The record under the cursor of the focused pane now (not once its message arrived)."""
        focused = self.focused
        if isinstance(focused, RecordList) and focused.id in PANES:
            return _record_id(focused.highlighted_id)
        return self.focused_id

    def current_link(self) -> str | None:
        """The link a linked-statement row under the cursor stands for, if the focus is on one."""
        focused = self.focused
        if isinstance(focused, RecordList) and focused.id in PANES and \
                0 <= focused.cursor < len(focused.rows):
            return focused.rows[focused.cursor].link or None
        return None

    def with_focus_info(self, then: Callable[[FocusInfo | None], None]) -> None:
        """Call ``then`` with what is known of the current record (read in a worker if not yet)."""
        record_id = self.current_record()
        info = self.focus_info
        if info is not None and info.id == record_id:
            then(info)
        elif record_id is None:
            then(None)
        else:
            self._read_focus_info(record_id, then)

    @work(thread=True, group="focus-info")
    def _read_focus_info(self, record_id: str, then: Callable[[FocusInfo | None], None]) -> None:
        try:
            info = self._focus_info(record_id)
        except StoreError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(then, info)

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if message.record_id and message.generation >= 0:
            self._detail_cache.pop(message.record_id, None)
            self._detail_cache[message.record_id] = message
            while len(self._detail_cache) > DETAIL_CACHE:
                del self._detail_cache[next(iter(self._detail_cache))]
        if message.record_id != self.focused_id:
            return
        self.focus_info = message.info
        self.query_one(DetailView).show(message.record_id, message.content)

    # -- selection -----------------------------------------------------------------------

    def watch_focused_id(self, record_id: str | None) -> None:
        # Debounced: holding j reads and lays out the detail once the cursor rests, not per row.
        # A pane that takes the focus shows its record at once (see _show_pane_record).
        if self._detail_timer is not None:
            self._detail_timer.stop()
        cached = self._detail_cache.get(record_id or "")
        if cached is not None and cached.generation == self.store.generation:
            self.load_detail(record_id)  # shown before: no reading, so no need to wait
            return
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self.load_detail(self.focused_id))

    def _show_pane_record(self, record_id: str | None) -> None:
        """The focus moved to another pane: show its record's detail without the cursor's debounce."""
        if record_id != self.focused_id:
            self.focused_id = record_id
            self.load_detail(record_id)

    def watch_statement_scope(self) -> None:
        self.load_pane("statements")

    def watch_evidence_scope(self) -> None:
        self.load_pane("evidence")

    @on(DescendantFocus)
    def _pane_focused(self, event: DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, RecordList) and widget.id in PANES:
            self.active_pane = widget.id
            self._show_pane_record(_record_id(widget.highlighted_id))

    @on(RecordList.Highlighted)
    def _highlighted(self, message: RecordList.Highlighted) -> None:
        if message.record_list.id == self.active_pane:
            self.focused_id = _record_id(message.record_id)

    @on(RecordList.Chosen)
    def _chosen(self, message: RecordList.Chosen) -> None:
        record_id = message.record_id
        kind = model.kind_of_id(record_id)
        if kind is None:
            return
        self.app.nav.visit(record_id)
        pane = message.record_list.id
        if pane == "actors":
            self.statement_scope = record_id
            self.action_focus_pane("statements")
        elif pane == "statements":
            self.evidence_scope = record_id
            self.action_focus_pane("evidence")
        elif kind == "evidence":
            self.statement_scope = record_id
            self.action_focus_pane("statements")
        else:
            self.show_record(record_id)

    def on_jump_to(self, message: JumpTo) -> None:
        if message.remember:
            self.app.nav.visit(message.record_id)
        self.show_record(message.record_id, message.keep_filter)

    def show_record(self, record_id: str, keep_filter: bool = False) -> None:
        """Put a record under the cursor of its pane, clearing what hides it."""
        kind = model.kind_of_id(record_id)
        if kind == "source":
            self.open_source(record_id, None)
            return
        pane = PANE_OF_KIND.get(kind or "")
        if pane is None:
            self.notify(f"{record_id} has no pane of its own.", markup=False)
            return
        lst = self.pane(pane)
        self.action_focus_pane(pane)
        if lst.move_to(record_id):
            self.focused_id = record_id
            return
        self._pending[pane] = record_id
        self.focused_id = record_id
        if keep_filter:
            self._kept_hidden.add(pane)
            self.load_pane(pane)
        else:
            self._unfilter(pane)

    def _unfilter(self, pane: str) -> None:
        """Drop a pane's filter and selection scope; clearing a scope reloads it, else reload here."""
        self.filters[pane] = PaneFilter()
        if pane == "statements" and self.statement_scope is not None:
            self.statement_scope = None
        elif pane == "evidence" and self.evidence_scope is not None:
            self.evidence_scope = None
        else:
            self.load_pane(pane)

    def action_focus_pane(self, pane: str) -> None:
        """Move the keyboard focus to a pane (a zoomed view follows it)."""
        widget = self.query_one(f"#{pane}")
        zoomed = self.zoomed
        if zoomed:
            self.action_zoom()
        if pane in PANES:
            self.active_pane = pane
            self._show_pane_record(_record_id(self.pane(pane).highlighted_id))
        widget.focus()
        if zoomed:  # the zoom follows the focus
            self.call_after_refresh(self.action_zoom)

    @property
    def zoomed(self) -> bool:
        """Whether a pane or the Detail fills the screen."""
        return self.has_class("-zoom-list") or self.has_class("-zoom-detail")

    def action_zoom(self) -> None:
        """Zoom the focused pane (or the Detail) to the whole screen; z again restores the layout."""
        if self.zoomed:
            self.remove_class("-zoom-list", "-zoom-detail")
            for pane in PANES:
                self.pane(pane).remove_class("-zoomed")
            return
        if isinstance(self.focused, DetailView):
            self.add_class("-zoom-detail")
            return
        self.pane(self.active_pane).add_class("-zoomed")
        self.add_class("-zoom-list")

    def action_clear_filter(self) -> None:
        """Clear the focused pane's selection scope and filter (escape)."""
        pane = self.active_pane
        if isinstance(self.focused, DetailView):
            self.action_focus_pane(pane)
            return
        had = self.filters[pane].active or (pane == "statements" and self.statement_scope) or (
            pane == "evidence" and self.evidence_scope)
        if not had:
            return
        self._unfilter(pane)
        self.notify(f"{pane.capitalize()}: filter cleared.", timeout=2, markup=False)

    def on_store_changed(self, message: StoreChanged) -> None:
        if message.generation == self.shown_generation:
            return
        if not self.painted:  # the first read goes on (restarting it, a busy writer could starve it)
            self.reload_at_paint = True
            return
        self.reload_all()
        if message.external:
            self.notify("The store changed in another session; reloaded.", timeout=3)


def _record_id(row_id: str | None) -> str | None:
    """A row id if it names a record (group headings do not)."""
    return row_id if row_id and model.kind_of_id(row_id) else None
