"""The review queue's keys: accept, reject, edit, change speaker, merge actor, accept all, undo.

Actors and links an import proposed are reviewed here too: x on an actor drops it with its
proposals, e renames it or changes its kind, m merges it into an existing actor.

Changes are written one after another (so an undo never overtakes the accept before it) in
thread workers; the row they touch shows a pending mark until the store has answered.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.binding import Binding
from textual.content import Content

from claimnet.store import NothingToDo, model
from claimnet.store.features.across.match_review import accept_match, actor_matches, split_match
from claimnet.store.features.actor_merge import merge_actors
from claimnet.store.features.review import decide, reattribute

from ..forms.store_calls import failure_text
from ..review_views import PROPOSED, ProposalRow, speaker_of
from ..safe_text import one_line
from ..widgets.detail_view import DetailView

WHO_FIELD = {"statement": "speaker", "evidence": "reported_by"}
REVIEW_BINDINGS = [
    Binding("y,enter", "accept", "Accept", id="review.accept"),
    Binding("x", "reject", "Reject", id="review.reject"),
    Binding("e", "edit", "Edit", id="review.edit"),
    Binding("c", "change_speaker", "Speaker", id="review.speaker"),
    Binding("m", "merge_actor", "Merge", id="review.merge"),
    Binding("A", "accept_all", "Accept all", id="review.accept_all"),
    Binding("u", "undo", "Undo", id="review.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="review.redo"),
    # tab and shift+tab both go between the two lists (one key from the queue to the sources);
    # D scrolls the proposal's detail, escape comes back from it.
    Binding("tab,shift+tab", "other_list", "Sources/queue", show=False, id="review.other_list"),
    Binding("D", "focus_detail", "Detail", show=False, id="review.detail"),
    Binding("escape", "close", "Back", id="review.back"),
]


@dataclass(slots=True)
class _Write:
    """A store change waiting its turn: what to call, what to do with its result, rows it marks."""

    call: Callable[[], Any]
    done: Callable[[Any], None]
    ids: tuple[str, ...] = ()


class ReviewActions:
    """What the review screen's keys do (mixed into ReviewScreen, which reads and shows the queue)."""

    app: Any
    store: Any
    source_id: str | None
    pending: dict[str, str]
    queue_list: Any
    query_one: Any
    store_call: Any
    dismiss: Any
    _show_queue: Any
    _source_row: Any
    load_all: Any
    load_queue: Any

    def _init_writes(self) -> None:
        self._writes: deque[_Write] = deque()
        self._writing = False
        self._close_when_saved = False

    # -- writing, one change after another -----------------------------------------------

    def write(self, call: Callable[[], Any], done: Callable[[Any], None], ids: tuple[str, ...] = (),
              mark: str = "saving") -> None:
        """Queue a store change; ``done`` runs with its result once the store has returned."""
        for record_id in ids:
            self.pending[record_id] = mark
        if ids:
            self._show_queue()
        self._writes.append(_Write(call, done, ids))
        self._next_write()

    def _next_write(self) -> None:
        if self._writing:
            return
        if not self._writes:
            if self._close_when_saved:
                self.dismiss(None)
            return
        job = self._writes.popleft()
        self._writing = True
        self.store_call(job.call, partial(self._written, job), partial(self._not_written, job), group="write")

    def _written(self, job: _Write, result: Any) -> None:
        self._writing = False
        for record_id in job.ids:
            self.pending.pop(record_id, None)
        job.done(result)
        self._next_write()

    def _not_written(self, job: _Write, error: BaseException) -> None:
        self._writing = False
        for record_id in job.ids:
            self.pending.pop(record_id, None)
        if isinstance(error, NothingToDo):
            self.app.notify(str(error), severity="warning", markup=False, timeout=3)
        else:
            self.app.notify(f"Not saved: {failure_text(error)}", severity="error", markup=False, timeout=8)
        self._show_queue()
        self._next_write()

    def _said(self, text: str, notify: bool = False) -> None:
        """Confirm a saved change under the proposal (and as a notice for the rarer changes)."""
        self.query_one(DetailView).border_subtitle = Content(one_line(text, 70))
        if notify:
            self.app.notify(text, markup=False, timeout=3)

    def _reload(self, source_id: str | None, focus: str | None = None) -> None:
        """Re-read the queue after a change to ``source_id`` (everything if another is shown now)."""
        if source_id == self.source_id:
            self.load_queue(focus)
        else:
            self.load_all(focus=focus)

    # -- deciding ------------------------------------------------------------------------

    def _current(self, what: str) -> ProposalRow | None:
        """The proposal under the cursor, unless there is none or a change to it is on its way."""
        lst = self.queue_list
        row = lst.rows[lst.cursor] if 0 <= lst.cursor < len(lst.rows) else None
        if not isinstance(row, ProposalRow):
            text = f"Nothing to {what}: this source has no proposal left."
            self.app.notify(text, severity="warning", timeout=3, markup=False)
            return None
        if row.pending:
            self.app.notify(f"“{one_line(row.text, 40)}” is being saved; wait for the store.", markup=False,
                            timeout=3)
            return None
        return row

    def _advance(self) -> None:
        """Move the cursor to the next proposal with no change on its way (wrapping round)."""
        lst = self.queue_list
        rows, here = lst.rows, lst.cursor
        order = [*range(here + 1, len(rows)), *range(0, here)]
        target = next((i for i in order if not getattr(rows[i], "pending", "")), None)
        if target is not None:
            lst.cursor = target

    def _decide(self, status: str, verb: str) -> None:
        row = self._current(verb)
        if row is None:
            return
        record_id, words, source_id = row.id, one_line(row.text, 40), self.source_id
        if row.kind == "match":
            self._decide_match(row, status)
            return
        summary = f"{verb} {row.kind} {record_id} “{words}”"
        said = "Dropped" if row.kind == "actor" and status == "rejected" else status.capitalize()
        self.write(lambda: decide(self.store, [record_id], status, summary, still=PROPOSED),
                   lambda _n: (self._said(f"{said}: {words}"), self._reload(source_id)),
                   (record_id,), verb)
        self._advance()

    def _decide_match(self, row: ProposalRow, status: str) -> None:
        """Accept an actor match across sources, or split it into an actor of its own."""
        source_id, words = self.source_id, one_line(row.text, 50)
        accepting = status == "accepted"

        def call() -> Any:
            match = next((m for m in actor_matches(self.store, source_id or "") if m.proposed_id == row.id),
                         None)
            if match is None or match.state != "proposed":
                raise NothingToDo("This match was decided meanwhile.")
            return (accept_match if accepting else split_match)(self.store, match)

        said = f"Accepted: {words}" if accepting else f"Split: {words} — a new actor of its own"
        self.write(call, lambda _actor: (self._said(said), self._reload(source_id)), (row.id,),
                   "accept" if accepting else "reject")
        self._advance()

    def action_accept(self) -> None:
        """Accept the proposal and move to the next."""
        self._decide("accepted", "accept")

    def action_reject(self) -> None:
        """Reject the proposal and move to the next."""
        self._decide("rejected", "reject")

    def action_edit(self) -> None:
        """Edit the proposal in the same form as everywhere else."""
        row = self._current("edit")
        if row is None:
            return
        if row.kind == "match":
            self.app.notify("A match is accepted (y) or split into an actor of its own (x).", timeout=4,
                            markup=False)
            return
        from ..forms import RecordFormScreen

        before = self.store.generation

        def saved(record_id: str | None) -> None:
            if record_id and self.store.generation != before:
                self._said(f"Saved “{one_line(row.text, 50)}”.", notify=True)
            self.load_all(focus=row.id)

        self.app.push_screen(RecordFormScreen(self.store, row.kind, record_id=row.id), saved)

    def action_change_speaker(self) -> None:
        """Attribute the proposal to another actor, chosen by searching."""
        row = self._current("re-attribute")
        if row is None:
            return
        if row.kind not in WHO_FIELD:
            self.app.notify(f"A proposed {row.kind} has no speaker: c re-attributes statements and evidence"
                            + (" (m merges an actor, e renames it)." if row.kind == "actor" else "."),
                            severity="warning", timeout=4, markup=False)
            return
        from ..forms import PickRecordScreen

        record_id, field = row.id, WHO_FIELD[row.kind]
        role = "speaker" if row.kind == "statement" else "reporter"

        def call(actor_id: str) -> str:
            reattribute(self.store, record_id, field, actor_id)
            actor = self.store.find(actor_id)
            return actor.name if isinstance(actor, model.Actor) else actor_id

        def done(name: str) -> None:
            self._said(f"The {role} of “{one_line(row.text, 40)}” is now {name}.", notify=True)
            self.load_all(focus=record_id)

        def chosen(actor_id: str | None) -> None:
            if actor_id:
                self.write(partial(call, actor_id), done, (record_id,))

        title = f"Who is the {role}? (now: {row.who or 'nobody'})"
        self.app.push_screen(PickRecordScreen(self.store, ("actor",), title), chosen)

    def action_merge_actor(self) -> None:
        """Merge the proposal's speaker into an existing actor; every reference to it moves."""
        row = self._current("merge")
        if row is None:
            return
        if row.kind in ("link", "match"):
            self.app.notify(f"A {row.kind} names no speaker to merge.", severity="warning", markup=False)
            return
        record = self.store.find(row.id)
        gone = row.id if row.kind == "actor" else speaker_of(record) if record is not None else None
        if not gone:
            self.app.notify("This proposal names nobody to merge; c chooses who.", severity="warning")
            return
        from ..forms import PickRecordScreen

        gone_name = row.text if row.kind == "actor" else row.who or gone

        def done(kept: model.Actor) -> None:
            self._said(f"Merged “{gone_name}” into {kept.name}; every reference moved.", notify=True)
            self.load_all(focus=row.id)

        def chosen(keep: str | None) -> None:
            if keep:
                self.write(lambda: merge_actors(self.store, keep, gone), done, (row.id,))

        title = f"Merge “{gone_name}” into which existing actor?"
        self.app.push_screen(PickRecordScreen(self.store, ("actor",), title, exclude=(gone,)), chosen)

    def action_accept_all(self) -> None:
        """Accept every remaining proposal of this source as one undoable change, after a y/n."""
        rows = self.queue_list.rows
        ids = tuple(row.id for row in rows if isinstance(row, ProposalRow) and not row.pending)
        matched = {row.id for row in rows if isinstance(row, ProposalRow) and row.kind == "match"}
        source = self._source_row()
        if not ids or source is None:
            self.app.notify("Nothing left to accept in this source.", severity="warning", timeout=3)
            return
        from .confirm_screen import ConfirmScreen

        title, source_id = one_line(source.text, 60), source.id
        question = Content.from_markup(
            "Accept all [b]$n[/b] remaining proposals of “$title”?\n\n"
            "[dim]One change: u undoes it.[/dim]", n=str(len(ids)), title=title)

        def accept_all() -> int:
            still = [rid for rid in ids if getattr(self.store.find(rid), "status", "") == PROPOSED]
            matches = [m for m in actor_matches(self.store, source_id)
                       if m.proposed_id in matched and m.state == "proposed"]
            count = len(still) + len(matches)
            decide(self.store, still, "accepted", f"accept all {count} proposals of “{title}”", matches,
                   skip_decided=True)
            return count

        def done(count: int) -> None:
            self._said(f"Accepted {count} proposals of “{title}”.", notify=True)
            self._reload(source_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(accept_all, done, ids, "accept")

        self.app.push_screen(ConfirmScreen("Accept all remaining?", question), answered)

    def _reversed(self, verb: str, entry: Any) -> None:
        self._said(f"{verb}: {one_line(entry.summary, 100)}", notify=True)
        focus = next((rid for rid in entry.record_ids()
                      if model.kind_of_id(rid) in (*WHO_FIELD, "actor", "link")), None)
        self.load_all(focus=focus)

    def _undo_short_of_import(self) -> Any:
        """Undo the newest change unless it is an import: undoing that here would empty the queue."""
        newest = next((e for e in self.store.history() if e.kind == "change" and e.state == "done"), None)
        if newest is not None and any(c["before"] is None and model.kind_of_id(c["id"]) == "source"
                                      for c in newest.changes):
            raise NothingToDo(f"Undo stops at the import here ({one_line(newest.summary, 50)}); "
                              "undo it from the main screen if you mean to.")
        return self.store.undo()

    def action_undo(self) -> None:
        """Undo the newest decision, edit or merge (not the import itself), saying what was undone."""
        self.write(self._undo_short_of_import, partial(self._reversed, "Undid"))

    def action_redo(self) -> None:
        """Redo the change undone most recently."""
        self.write(self.store.redo, partial(self._reversed, "Redid"))

    # -- leaving -------------------------------------------------------------------------

    def action_other_list(self) -> None:
        """From the queue to the sources, and from the sources (or the detail) back to the queue."""
        (self.query_one("#review-sources") if self.queue_list.has_focus else self.queue_list).focus()

    def action_focus_detail(self) -> None:
        """Move to the proposal's detail, to scroll it (escape comes back)."""
        self.query_one(DetailView).focus()

    def action_close(self) -> None:
        """Back to the network (once the changes on their way are saved); from the detail, to the queue."""
        if self.query_one(DetailView).has_focus:
            self.queue_list.focus()
            return
        if self._writing or self._writes:
            self._close_when_saved = True
            self.app.notify("Going back once the store has saved the pending decisions.", timeout=3)
            return
        self.dismiss(None)
