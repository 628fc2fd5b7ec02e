"""The main screen's commands: annotate, grade, edit, link, delete, undo, copy, and open other views."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from typing import Any

from textual import work
from textual.binding import Binding

from claimnet.store import NothingToDo, StoreError, model
from claimnet.store.network.changes import describe_entry

from ..detail_text import label_of
from ..messages import JumpTo, WriteFinished
from ..safe_text import one_line

ACTION_BINDINGS = [
    Binding("slash", "search", "Search", id="search"),
    Binding("a", "annotate", "Annotate", id="annotate"),
    Binding("v", "verdict", "Verdict", show=False, id="verdict"),
    *[Binding(str(n), f"credibility({n})", f"Credibility {n}", show=False, id=f"credibility_{n}")
      for n in model.CREDIBILITIES],
    Binding("e", "edit", "Edit", id="edit"),
    Binding("n", "new", "New", id="new"),
    Binding("l", "link", "Link", id="link"),
    Binding("L", "links_notes", "Links and notes", show=False, id="links_notes"),
    Binding("H", "record_history", "History", show=False, id="record_history"),
    Binding("d", "delete", "Delete", show=False, id="delete"),
    Binding("s", "source", "Source", id="source"),
    Binding("r", "neighbourhood", "Graph", id="neighbourhood"),
    Binding("t", "timeline", "Timeline", show=False, id="timeline"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="redo"),
    Binding("left_square_bracket", "back", "Back", show=False, id="back"),
    Binding("right_square_bracket", "forward", "Forward", show=False, id="forward"),
    Binding("y", "copy_id", "Copy id", show=False, id="copy_id"),
    Binding("Y", "copy_words", "Copy quote", show=False, id="copy_words"),
    Binding("ctrl+e", "note_in_editor", "Note in $EDITOR", show=False, id="note_in_editor"),
    Binding("R", "review", "Review queue", show=False, id="main.review"),
]
# Not priority: a key is handled after the keys typed before it (the app holds each key until the
# one before it is done, and until a screen a key opened is mounted: see tui/key_order.py).
NEW_KIND = {"actors": "actor", "statements": "statement", "evidence": "evidence"}


class MainActions:
    """Actions of the main screen (mixed into MainScreen, which holds the selection)."""

    app: Any
    focused_id: str | None
    active_pane: str
    statement_scope: str | None
    filters: dict
    focus_info: Any
    shown_generation: int
    current_record: Callable[[], str | None]
    current_link: Callable[[], str | None]
    annotate_forms: dict[str | None, Any]  # built annotation forms by kind of grade, reused
    with_focus_info: Callable[[Callable[[Any], None]], None]

    # -- writing -------------------------------------------------------------------------

    @work(thread=True, group="write")
    def write(self, change: Callable[[], Any], describe: Callable[[Any], str],
              focus: str | Callable[[Any], str | None] | None = None) -> None:
        """Run one store change in a worker; report success only once the store returned."""
        try:
            result = change()
        except NothingToDo as error:
            self.post_message(WriteFinished(False, str(error)))
        except StoreError as error:
            self.post_message(WriteFinished(False, f"Not saved: {error}"))
        else:
            target = focus(result) if callable(focus) else focus
            self.post_message(WriteFinished(True, describe(result), target))

    def on_write_finished(self, message: WriteFinished) -> None:
        self.app.notify(message.text, markup=False, severity="information" if message.ok else "error",
                        timeout=3 if message.ok else 8)
        if message.ok:
            self.reload_all()
            if message.focus:
                self.post_message(JumpTo(message.focus))

    def _focused(self, what: str) -> str | None:
        record_id = self.current_record()
        if record_id is None:
            text = f"Nothing to {what}: move to a record first."
            self.app.notify(text, severity="warning", markup=False)
        return record_id

    def action_credibility(self, grade: int) -> None:
        """Set the focused statement's or evidence's credibility (1 confirmed … 6 cannot be judged)."""
        record_id = self._focused("grade")
        if record_id is None:
            return
        if model.kind_of_id(record_id) not in ("statement", "evidence"):
            self.app.notify("Credibility 1–6 applies to statements and evidence; "
                            "grade actors and sources with a (reliability A–F).", severity="warning")
            return
        label = model.CREDIBILITY_LABELS[grade]
        self.write(lambda: self.store.annotate(record_id, credibility=grade),
                   lambda _r: f"Credibility {grade} ({label}): {self.words(record_id)}")

    def action_verdict(self) -> None:
        """Choose a verdict for the focused record from a short menu."""
        record_id = self._focused("judge")
        if record_id is None:
            return
        from .verdict_screen import VerdictScreen

        def chosen(verdict: str | None) -> None:
            if verdict:
                self.write(lambda: self.store.annotate(record_id, verdict=verdict),
                           lambda _r: f"Verdict {verdict.replace('_', ' ')}: {self.words(record_id)}")

        self.app.push_screen(VerdictScreen(record_id), chosen)

    def action_undo(self) -> None:
        """Undo the newest change, saying what was undone; the cursor goes to a record it restored."""
        self.write(self.store.undo, lambda entry: f"Undid: {one_line(describe_entry(entry), 100)}",
                   lambda entry: _shown_record(entry, "before"))

    def action_redo(self) -> None:
        """Redo the change undone most recently; the cursor goes to a record it brought back."""
        self.write(self.store.redo, lambda entry: f"Redid: {one_line(describe_entry(entry), 100)}",
                   lambda entry: _shown_record(entry, "after"))

    def words(self, record_id: str | None, width: int = 50) -> str:
        """A record named by its words (a statement's quote, an actor's name), for a notice."""
        record = self.store.find(record_id) if record_id else None
        if record is None:
            return record_id or ""
        if isinstance(record, model.Link):
            ends = [self.words(end, 40) for end in (record.from_, record.to)]
            return f"{ends[0]} —{record.type.replace('_', ' ')}→ {ends[1]}"
        if isinstance(record, model.Annotation):
            return f"{record.analyst}'s annotation on {self.words(record.target, 36)}"
        return label_of(self.store, record, width).plain

    # -- forms ---------------------------------------------------------------------------

    def _form(self, name: str) -> Any:
        try:
            from .. import forms
        except ImportError:
            forms = None
        screen = getattr(forms, name, None)
        if screen is None:
            self.app.notify("The forms are not installed in this build.", severity="error")
        return screen

    def _after_form(self, verb: str, jump: bool = False, deleted: str = "",
                    keep_filter: bool = False) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            if not result:
                return
            if isinstance(result, list):  # a delete: the record, then what went with it
                others = len(result) - 1
                text = f"{verb} {deleted}" + (f" and {others} record(s) with it." if others else ".")
            elif isinstance(result, str) and model.kind_of_id(result):
                text = f"{verb}: {self.words(result, 90)}"
            else:
                text = f"{verb}: {one_line(str(result), 100)}"
            self.app.notify(one_line(text, 120), markup=False)
            self.reload_all()
            if jump and isinstance(result, str) and model.kind_of_id(result) in NEW_KIND.values():
                self.post_message(JumpTo(result, keep_filter=keep_filter))

        return done

    def action_annotate(self) -> None:
        """Open the annotation form (note, tags, verdict, grade, critical questions)."""
        record_id, screen_class = self._focused("annotate"), self._form("AnnotateScreen")
        if not (record_id and screen_class):
            return
        # The form is built once per kind of grade and kept: reopening it is then instant.
        forms = self.annotate_forms
        screen = next((form for form in forms.values() if form.fits(record_id)), None)
        if screen is not None and (not screen.is_attached or screen in self.app.screen_stack):
            screen = None
        if screen is None:
            screen = screen_class(self.store, record_id)
            old = forms.pop(screen.grade_field, None)
            if old is not None and old not in self.app.screen_stack:
                self.app.uninstall_screen(old)
            forms[screen.grade_field] = screen
            self.app.install_screen(screen, f"annotate-{id(screen)}")
        else:
            screen.reset_for(record_id)
        self.app.push_screen(screen, self._after_form("Saved"))

    def action_edit(self) -> None:
        """Edit the focused record in a form (on a linked-statement row: the link)."""
        record_id = self.current_link() or self._focused("edit")
        screen = self._form("RecordFormScreen")
        if record_id and screen:
            kind = model.kind_of_id(record_id)
            self.app.push_screen(screen(self.store, kind, record_id=record_id),
                                 self._after_form("Saved", jump=True))

    def action_new(self) -> None:
        """Create a record of the focused pane's kind (a statement is preset to the actor in view)."""
        screen = self._form("RecordFormScreen")
        if screen is None:
            return
        kind = NEW_KIND.get(self.active_pane, "statement")
        flt = self.filters.get(self.active_pane)
        # The pane's filter stays, and the new record starts with what the filter asks for.
        preset = {key: value for key, value in (("act", flt.act), ("kind", flt.kind), ("status", flt.status))
                  if flt is not None and value} if kind != "actor" else {"kind": flt.kind} if flt.kind else {}
        if kind == "statement" and model.kind_of_id(self.statement_scope or "") == "actor":
            preset["speaker"] = self.statement_scope
        self.app.push_screen(screen(self.store, kind, preset=preset),
                             self._after_form("Created", jump=True, keep_filter=True))

    def action_link(self) -> None:
        """Link the focused record to another with a typed link."""
        record_id, screen = self._focused("link"), self._form("LinkScreen")
        if record_id and screen:
            self.app.push_screen(screen(self.store, record_id), self._after_form("Linked"))

    def action_delete(self) -> None:
        """Delete the focused record after a y/n confirmation that lists what goes with it
        (on a linked-statement row: the link, never the statement at its other end)."""
        record_id = self.current_link() or self._focused("delete")
        screen = self._form("ConfirmDeleteScreen")
        if record_id and screen:
            what = f"{model.kind_of_id(record_id)} “{self.words(record_id, 60)}”"
            self.app.push_screen(screen(self.store, record_id), self._after_form("Deleted", deleted=what))

    def action_links_notes(self) -> None:
        """List the focused record's links and annotations to edit, delete or withdraw them."""
        record_id, screen = self._focused("list the links of"), self._form("LinksNotesScreen")
        if not (record_id and screen):
            return

        def closed(result: Any) -> None:
            if result:
                self.reload_all()
            if isinstance(result, str):
                self.post_message(JumpTo(result))

        self.app.push_screen(screen(self.store, record_id), closed)

    def action_record_history(self) -> None:
        """Who changed the focused record, its annotations and its links, and what changed."""
        record_id, screen = self._focused("show the history of"), self._form("HistoryScreen")
        if record_id and screen:
            self.app.push_screen(screen(self.store, record_id))

    def action_note_in_editor(self) -> None:
        """Write a long note on the focused record in $EDITOR, then save it as an annotation."""
        record_id = self._focused("annotate")
        if record_id is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False) as handle:
            handle.write(f"\n# Note on {record_id}. Lines starting with # are dropped.\n")
            path = handle.name
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), path], check=False)
            with open(path, encoding="utf-8") as handle:
                lines = [ln for ln in handle.read().splitlines() if not ln.startswith("#")]
        except (OSError, ValueError) as error:
            self.app.notify(f"Could not run the editor: {error}", severity="error", markup=False)
            return
        finally:
            os.unlink(path)
        note = "\n".join(lines).strip()
        if not note:
            self.app.notify("Empty note: nothing saved.", severity="warning")
            return
        self.write(lambda: self.store.annotate(record_id, note=note),
                   lambda _ann: f"Note saved on {self.words(record_id)}")

    # -- other views ---------------------------------------------------------------------

    def action_search(self) -> None:
        """Search every kind of record; enter jumps to the result in its pane."""
        from .search_screen import SearchScreen

        def chosen(record_id: str | None) -> None:
            if record_id:
                self.post_message(JumpTo(record_id))

        self.app.push_screen(SearchScreen(), chosen)

    def action_filter(self) -> None:
        """Filter and sort the focused pane."""
        from .filter_screen import FilterScreen

        pane = self.active_pane

        def chosen(flt: Any) -> None:
            if flt is not None:
                self.filters[pane] = flt
                self.load_pane(pane)

        self.app.push_screen(FilterScreen(pane, self.filters[pane]), chosen)

    def action_source(self) -> None:
        """Read the focused record's source with every statement and evidence span highlighted."""

        def open_it(info: Any) -> None:
            if info is None or info.source is None:
                self.app.notify("This record has no source text to read.", severity="warning")
            else:
                self.open_source(info.source, info.id)

        self.with_focus_info(open_it)

    def open_source(self, source_id: str, record_id: str | None) -> None:
        """Open the source reader on a source, starting at a record's span."""
        from .source_screen import SourceScreen

        def chosen(picked: str | None) -> None:
            if picked:
                self.post_message(JumpTo(picked))

        self.app.push_screen(SourceScreen(source_id, record_id), chosen)

    def action_review(self) -> None:
        """Review imported proposals source by source (from the focused one, if it is proposed)."""
        from .review_screen import ReviewScreen

        def closed(_result: Any) -> None:
            if self.store.generation != self.shown_generation:
                self.reload_all()

        self.app.push_screen(ReviewScreen(self.focused_id), closed)

    def action_neighbourhood(self) -> None:
        """Show the records within two links of the focused one as a tree."""
        record_id = self._focused("explore")
        if record_id is None:
            return
        from .graph_screen import GraphScreen

        def closed(centre: str | None) -> None:
            if centre and centre != record_id:
                self.post_message(JumpTo(centre, remember=False))

        self.app.nav.visit(record_id)
        self.app.push_screen(GraphScreen(record_id), closed)

    def action_timeline(self) -> None:
        """Show the focused actor's statements, or the focused claim's reports, in date order."""
        record_id = self._focused("see the timeline of")
        if record_id is None:
            return
        from .timeline_screen import TimelineScreen

        def closed(chosen: str | None) -> None:
            if chosen and chosen != record_id:
                self.post_message(JumpTo(chosen))

        self.app.nav.visit(record_id)
        self.app.push_screen(TimelineScreen(record_id), closed)

    def action_back(self) -> None:
        """Go back to the record visited before."""
        record_id = self.app.nav.back()
        if record_id is None:
            self.app.notify("No earlier place in the history.", timeout=2)
        else:
            self.post_message(JumpTo(record_id, remember=False))

    def action_forward(self) -> None:
        """Go forward again after going back."""
        record_id = self.app.nav.forward()
        if record_id is None:
            self.app.notify("No later place in the history.", timeout=2)
        else:
            self.post_message(JumpTo(record_id, remember=False))

    def action_copy_id(self) -> None:
        """Copy the focused record's id to the clipboard (OSC 52, works over SSH)."""
        record_id = self._focused("copy")
        if record_id:
            self.app.copy_to_clipboard(record_id)
            self.app.notify(f"Copied {record_id}.", markup=False, timeout=2)

    def action_copy_words(self) -> None:
        """Copy the focused record's quote (or text, or name) to the clipboard."""

        def copy(info: Any) -> None:
            if info is None or not info.words:
                self.app.notify("Nothing to copy.", severity="warning", timeout=2)
                return
            self.app.copy_to_clipboard(info.words)
            self.app.notify(f"Copied: {one_line(info.words, 60)}", markup=False, timeout=2)

        self.with_focus_info(copy)


def _shown_record(entry: Any, side: str) -> str | None:
    """The first record with a pane of its own that an undo or redo left in the store."""
    for change in entry.changes:
        if change[side] is not None and model.kind_of_id(change["id"]) in ("actor", "statement", "evidence"):
            return change["id"]
    return None
