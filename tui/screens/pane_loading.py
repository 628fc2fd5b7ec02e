"""How the main screen's panes get their rows: read in a worker, shown together, windows on demand."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.content import Content
from textual.worker import get_current_worker

from claimnet.store import StoreError

from ..lazy_rows import LazyRows
from ..messages import PanesLoaded
from ..pane_filter import PaneFilter
from ..views import PaneData, actor_rows, evidence_rows, read_window_near, statement_rows, window_rows
from ..widgets.record_list import RecordList

PANES = ("actors", "statements", "evidence")


class PaneLoading:
    """Reading the panes' rows (mixed into MainScreen, which holds scopes, filters and focus).

    First paint waits for every pane's first rows; the detail, the keys typed meanwhile and the
    search index's refill come after it, so none takes turns from reading those rows.
    """

    app: Any
    store: Any
    filters: dict[str, PaneFilter]
    statement_scope: str | None
    evidence_scope: str | None
    focused_id: str | None
    active_pane: str
    pane: Any
    run_worker: Any
    post_message: Any
    notify: Any
    load_detail: Any
    reload_all: Any
    call_after_refresh: Any

    def _init_pane_loading(self) -> None:
        self._first_loads = set(PANES)
        self._serials = dict.fromkeys(PANES, 0)  # the newest read asked of each pane
        self._pending: dict[str, str] = {}  # a record each pane is to put its cursor on once read
        self._kept_hidden: set[str] = set()  # panes told to keep their filter when showing a record
        self.painted = False  # every pane shows its first rows
        self.reload_at_paint = False  # the store changed while the first rows were read

    def load_pane(self, *panes: str) -> None:
        """Read panes' rows in one worker, one pane after the other, and show them together.

        Readers in parallel threads only took turns at the GIL, each started a thread and drew a
        frame of its own: at 100,000 statements that put first paint 0.2 s later.
        """
        asks = []
        for pane in panes:
            self._serials[pane] += 1
            lst = self.pane(pane)
            lst.border_subtitle = Content("loading…")
            scope = {"actors": None, "statements": self.statement_scope,
                     "evidence": self.evidence_scope}[pane]
            asks.append((pane, scope, self.filters[pane], self._serials[pane], lst.cursor))
        self.run_worker(partial(self._read_panes, asks), thread=True, exclusive=True,
                        group="read-" + "-".join(panes))

    def _read_panes(self, asks: list[tuple[str, str | None, PaneFilter, int, int]]) -> None:
        reads = {pane: (self._read_pane(pane, scope, flt, near), serial)
                 for pane, scope, flt, serial, near in asks}
        if not get_current_worker().is_cancelled:
            self.post_message(PanesLoaded(reads))

    def _read_pane(self, pane: str, scope: str | None, flt: PaneFilter, near: int) -> PaneData | None:
        """One pane's rows, a lazy pane's with the window around row ``near`` (where its cursor
        is) read too, so they show in one frame; None (and a notice) when the store refused."""
        try:
            if pane == "actors":
                data = actor_rows(self.store, flt)
            elif pane == "statements":
                data = statement_rows(self.store, scope, flt)
            else:
                data = evidence_rows(self.store, scope, flt)
            read_window_near(self.store, data.rows, near)
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return None
        return data

    def on_panes_loaded(self, message: PanesLoaded) -> None:
        for pane, (data, serial) in message.reads.items():
            if serial != self._serials[pane]:
                continue  # read for an older scope or filter: a newer read is on its way
            lst = self.pane(pane)
            if data is None:  # the store refused: keep what the pane showed
                lst.border_subtitle = None
            else:
                self._show_rows(lst, data)
            self._first_loads.discard(pane)
        self._maybe_painted()

    def _show_rows(self, lst: RecordList, data: PaneData) -> None:
        lst.border_title = data.title
        lst.border_subtitle = data.scope
        wanted = self._pending.pop(lst.id, None)
        lst.set_rows(data.rows, focus=wanted, empty=data.empty)
        if lst.id in self._kept_hidden:
            self._kept_hidden.discard(lst.id)
            if wanted and lst.index_of(wanted) is None:
                self.notify("The pane's filter hides the new record; x clears the filter.",
                            markup=False, timeout=5)
        if lst.id == self.active_pane and lst.highlighted_id != self.focused_id:
            self.focused_id = lst.highlighted_id

    def _maybe_painted(self) -> None:
        """Once every pane shows its first rows: the keys typed meanwhile, and once those rows
        are drawn, the detail and the search index's refill (each earlier took turns at the GIL
        from reading the rows of first paint, or from drawing them)."""
        if self.painted or self._first_loads:
            return
        for name in ("statements", "evidence"):
            rows = self.pane(name).rows
            if isinstance(rows, LazyRows) and len(rows) and not rows.is_built(0):
                return
        self.painted = True
        self.app.release_keys()
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self.reload_at_paint:
            self.reload_at_paint = False
            self.reload_all()  # which reads the detail too
        else:
            self.load_detail(self.focused_id)
        self.app.keep_search_index()

    def on_record_list_need_rows(self, message: RecordList.NeedRows) -> None:
        # (a handler by name: Textual's @on does not see a mixin's methods)
        lst, rows, start, end = message.record_list, message.rows, message.start, message.end
        self.run_worker(partial(self._read_window, lst, rows, start, end), thread=True,
                        group=f"window-{lst.id}")

    def _read_window(self, lst: RecordList, rows, start: int, end: int) -> None:
        try:
            built = window_rows(self.store, rows.ids[start:end])
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self._filled, lst, rows, start, built)

    def _filled(self, lst: RecordList, rows, start: int, built: list) -> None:
        lst.fill(rows, start, built)
        self._maybe_painted()
