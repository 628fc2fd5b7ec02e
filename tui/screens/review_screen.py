"""The review queue: an import's proposals source by source, each decided with one key.

Sources (with counts of proposed / accepted / rejected) sit beside the queue of the selected
source's proposals in text order; below, the proposal under the cursor in its sentence with every
proposed field. Decisions are written one after another in a worker; a row shows a pending mark
until the store has answered, and only then leaves the queue.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from claimnet.store import StoreError, model

from ..forms.store_calls import StoreCallsMixin
from ..messages import StoreChanged
from ..review_edges import source_of_proposal
from ..review_views import (
    ProposalRow,
    SourceRow,
    format_proposal,
    format_source,
    imported_actor_ids,
    proposal_detail,
    queue_rows,
    queue_summary,
    source_row,
    source_rows,
)
from ..safe_text import visible
from ..widgets.detail_view import DetailView
from ..widgets.key_footer import KeyFooter
from ..widgets.proposal_list import ProposalList
from ..widgets.record_list import RecordList
from .review_actions import REVIEW_BINDINGS, ReviewActions

DETAIL_DELAY = 0.04


class ReviewLoaded(Message):
    """A worker read the sources (None when only one source was re-read) and a source's queue."""

    def __init__(self, sources: list[SourceRow] | None, source_id: str | None, row: SourceRow | None,
                 queue: list[ProposalRow], focus: str | None) -> None:
        super().__init__()
        self.sources, self.source_id, self.row, self.queue, self.focus = sources, source_id, row, queue, focus


class ProposalLoaded(Message):
    """A worker built the full text of one proposal."""

    def __init__(self, record_id: str, content: Content) -> None:
        super().__init__()
        self.record_id, self.content = record_id, content


class ReviewScreen(ReviewActions, StoreCallsMixin, Screen[None]):
    """Accept, reject, edit, re-attribute and merge the importer's proposals, with single keys."""

    BINDINGS = REVIEW_BINDINGS
    DEFAULT_CSS = """
    ReviewScreen { layout: vertical; }
    ReviewScreen #review-lists { height: 1fr; min-height: 6; }
    ReviewScreen #review-sources { width: 26; }
    ReviewScreen #review-queue { width: 1fr; }
    ReviewScreen #review-detail { height: 40%; min-height: 13; max-height: 24; }
    ReviewScreen.-narrow #review-sources { width: 18; }
    ReviewScreen.-wide #review-sources { width: 36; }
    """

    def __init__(self, start_record: str | None = None) -> None:
        super().__init__()
        self.start_record = start_record  # a proposal to start at (else the newest source's queue)
        self.source_id: str | None = None
        self.sources: list[SourceRow] = []
        self.queue: list[ProposalRow] = []
        self.pending: dict[str, str] = {}  # record id → the change on its way ("accept", "reject"…)
        self.proposal_id: str | None = None
        self.queue_loading = True  # the queue shown is not yet the selected source's
        self.shown_generation = -1
        self._new_actors: dict[str, set[str]] = {}
        self._init_writes()
        self._detail_timer: Timer | None = None

    @property
    def store(self):
        """The app's open store."""
        return self.app.store

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-lists"):
            yield RecordList(empty="Looking for imported sources…", formatter=format_source,
                             id="review-sources", classes="pane")
            yield ProposalList(empty="Loading…", formatter=format_proposal, id="review-queue",
                               classes="pane")
        yield DetailView(id="review-detail", classes="pane")
        yield KeyFooter(drop_first=("accept_all", "change_speaker", "merge_actor", "edit"))

    def on_mount(self) -> None:
        self.sources_list.border_title = Content("Sources")
        self.sources_list.border_subtitle = Content.assemble(("proposed", "yellow"), " ", ("✓", "green"),
                                                             " ", ("✗", "red"))
        self.queue_list.border_title = Content("Queue")
        self.query_one(DetailView).border_title = Content("Proposal")
        self.queue_list.focus()
        self.load_all(focus=self.start_record)

    @property
    def sources_list(self) -> RecordList:
        """The list of sources with their counts."""
        return self.query_one("#review-sources", RecordList)

    @property
    def queue_list(self) -> ProposalList:
        """The queue of the selected source's proposals."""
        return self.query_one("#review-queue", ProposalList)

    # -- reading -------------------------------------------------------------------------

    def load_all(self, source_id: str | None = None, focus: str | None = None) -> None:
        """Re-read every source's counts and the queue of ``source_id`` (or of the selected source)."""
        self.shown_generation = self.store.generation
        self._read_all(source_id or self.source_id, focus)

    @work(thread=True, exclusive=True, group="review-sources")
    def _read_all(self, wanted: str | None, focus: str | None) -> None:
        try:
            if wanted is None and focus is not None:  # start at a proposal: open its source
                record = self.store.find(focus)
                if getattr(record, "status", None) == "proposed":
                    wanted = source_of_proposal(self.store, record)
            rows = source_rows(self.store)
            ids = [row.id for row in rows]
            if wanted not in ids:
                wanted = next((row.id for row in rows if row.proposed), ids[0] if ids else None)
            row = next((r for r in rows if r.id == wanted), None)
            queue = queue_rows(self.store, wanted) if wanted else []
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ReviewLoaded(rows, wanted, row, queue, focus))

    def load_queue(self, focus: str | None = None) -> None:
        """Re-read the selected source's counts and queue."""
        self.shown_generation = self.store.generation
        if self.source_id is not None:
            self._read_queue(self.source_id, focus)

    @work(thread=True, exclusive=True, group="review-queue")
    def _read_queue(self, source_id: str, focus: str | None) -> None:
        try:
            source = self.store.find(source_id)
            row = source_row(self.store, source) if isinstance(source, model.Source) else None
            queue = queue_rows(self.store, source_id) if row else []
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ReviewLoaded(None, source_id, row, queue, focus))

    def on_review_loaded(self, message: ReviewLoaded) -> None:
        if message.sources is not None:
            self.sources = message.sources
            self.source_id = message.source_id
        elif message.source_id != self.source_id:
            return  # the person moved to another source meanwhile
        elif message.row is None:
            self.load_all()  # the source is gone or has nothing extracted any more
            return
        else:
            self.sources = [message.row if row.id == message.row.id else row for row in self.sources]
        self.sources_list.set_rows(self.sources, focus=self.source_id, empty="No imported sources.")
        self.queue, self.queue_loading = message.queue, False
        self._show_queue(message.focus)
        self.proposal_id = self.queue_list.highlighted_id
        self._schedule_detail()

    def _show_queue(self, focus: str | None = None) -> None:
        """Put the queue (with pending marks) in the list and say the source's counts."""
        rows = [replace(row, pending=self.pending[row.id]) if row.id in self.pending else row
                for row in self.queue]
        empty = "Nothing left to review here." if self.sources else "No source to review."
        self.queue_list.set_rows(rows, focus=focus, empty=empty)
        row = self._source_row()
        title = Content.from_markup("[b]Queue[/b]")
        if row is not None:
            title += Content.assemble(" · ", (f"{row.proposed} proposed", "bold yellow"), " · ",
                                      (f"{row.accepted} accepted", "green"), " · ",
                                      (f"{row.rejected} rejected", "red"))
        self.queue_list.border_title = title
        self._show_position()
        if not rows:
            self.proposal_id = None
            self._show_summary()

    def _source_row(self) -> SourceRow | None:
        return next((row for row in self.sources if row.id == self.source_id), None)

    def _show_summary(self) -> None:
        row = self._source_row()
        detail = self.query_one(DetailView)
        detail.border_title = Content("Summary")
        detail.show(None, queue_summary(row, row.text if row else ""))

    def _show_position(self) -> None:
        lst = self.queue_list
        record_id = lst.highlighted_id
        if record_id is None:
            return
        kind = model.kind_of_id(record_id) or "record"
        self.query_one(DetailView).border_title = Content.assemble(
            (f"Proposal {lst.cursor + 1}/{len(lst.rows)}", "bold"), f" · {kind} ", (record_id, "dim"))

    @on(RecordList.Highlighted, "#review-sources")
    def _source_highlighted(self, message: RecordList.Highlighted) -> None:
        if message.record_id and message.record_id != self.source_id:
            self.source_id = message.record_id
            self.query_one(DetailView).border_subtitle = None  # "Accepted 6 …" was about the other source
            self.queue, self.queue_loading = [], True
            self.queue_list.set_rows([], empty="Loading…")
            self.query_one(DetailView).show(None, Content("Loading…"))
            self.load_queue()

    @on(RecordList.Chosen, "#review-sources")
    def _source_chosen(self) -> None:
        self.queue_list.focus()

    @on(RecordList.Highlighted, "#review-queue")
    def _proposal_highlighted(self, message: RecordList.Highlighted) -> None:
        self.proposal_id = message.record_id
        if message.record_id is None:
            if not self.queue_loading:
                self._show_summary()
            return
        self._show_position()
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        # Debounced: holding j reads the proposal once the cursor rests, not once per row.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._load_detail)

    def _load_detail(self) -> None:
        if self.proposal_id is not None and self.source_id is not None:
            self._read_detail(self.proposal_id, self.source_id)

    @work(thread=True, exclusive=True, group="review-detail")
    def _read_detail(self, record_id: str, source_id: str) -> None:
        try:
            if source_id not in self._new_actors:
                self._new_actors[source_id] = imported_actor_ids(self.store, source_id)
            content = proposal_detail(self.store, record_id, self._new_actors[source_id], source_id)
        except StoreError as error:
            content = Content(visible(str(error)))
        if not get_current_worker().is_cancelled:
            self.post_message(ProposalLoaded(record_id, content))

    def on_proposal_loaded(self, message: ProposalLoaded) -> None:
        if message.record_id == self.proposal_id:
            self.query_one(DetailView).show(message.record_id, message.content)

    def on_store_changed(self, message: StoreChanged) -> None:
        # The main screen below says when another session changed the store; this one just reloads.
        if message.generation != self.shown_generation and not self._writing:
            self.load_all()
