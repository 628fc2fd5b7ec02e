"""The modal for annotating a record: a note, tags, a verdict, a grade and the critical questions."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Select, Static, TextArea

from claimnet.store import Store, model
from claimnet.tui.detail_text import label_of
from claimnet.tui.safe_text import one_line, visible

from .choice_row import ChoiceRow
from .describe import record_line
from .external_editor import edit_text, editor_command
from .form_parts import SAVE_BINDING, ErrorLine, FieldRow, FormBody, FormFooter, FormScreen

NO_VERDICT = ""
CHECK_LABELS = {
    "position_to_know": "in a position",
    "biased": "biased",
    "consistent_with_others": "fits others",
    "consistent_with_facts": "fits facts",
}
CHECK_QUESTIONS = {
    "position_to_know": "was the speaker in a position to know?",
    "biased": "is the speaker biased?",
    "consistent_with_others": "consistent with other sources?",
    "consistent_with_facts": "consistent with known facts?",
}
ANSWERS = ((True, "yes"), (False, "no"), (None, "unknown"))
ANSWER_WORDS = {True: "yes", False: "no", None: "unknown"}


def _grade_bindings() -> list[Binding]:
    keys = [Binding(str(n), f"grade({n})", f"Credibility {n}", id=f"annotate.credibility_{n}", show=False)
            for n in model.CREDIBILITIES]
    keys += [Binding(g.lower(), f"grade('{g}')", f"Reliability {g}", id=f"annotate.reliability_{g.lower()}",
                     show=False) for g in model.RELIABILITIES]
    return keys


def _grade_field(record: model.Record | None) -> str | None:
    if isinstance(record, model.Statement | model.Evidence):
        return "credibility"
    if isinstance(record, model.Actor | model.Source):
        return "reliability"
    return None


class AnnotateScreen(FormScreen[str | None]):
    """Annotate ``record_id``; dismisses with a one-line summary of what was saved, or None."""

    BINDINGS = [
        SAVE_BINDING,
        Binding("ctrl+e", "editor", "Editor", id="annotate.editor", priority=True),
        *_grade_bindings(),
    ]
    FIELD_TARGETS = {"checks": "check-position_to_know", "target": "field-note"}

    def __init__(self, store: Store, record_id: str) -> None:
        super().__init__()
        self.store = store
        self._set_record(record_id)

    def _set_record(self, record_id: str) -> None:
        self.record_id = record_id
        self.record = self.store.find(record_id)
        self.grade_field = _grade_field(self.record)
        self.loaded = False
        self.save_when_loaded = False
        self.busy = False
        self.current_tags: list[str] = []
        self.current_verdict: str | None = None
        self.current_checks: dict[str, bool | None] = {}
        self._to_start = True  # focus the note and read the record when next shown

    def fits(self, record_id: str) -> bool:
        """Whether this form, already built, can annotate ``record_id`` (same kind of grade)."""
        record = self.store.find(record_id)
        return record is not None and self.record is not None and _grade_field(record) == self.grade_field

    def reset_for(self, record_id: str) -> None:
        """Empty the built form for another record, so reopening it costs no composing or styling."""
        self._set_record(record_id)
        self._discard_armed = False
        self.query_one(".form-box").border_title = Content(f"Annotate {self.record.KIND}")
        self.query_one(".form-header", Static).update(record_line(self.store, self.record, 148))
        self.query_one("#field-note", TextArea).load_text("")
        self.query_one("#field-tags", Input).value = ""
        self.query_one("#current-tags", Static).update("")
        self.query_one("#field-verdict", Select).value = NO_VERDICT
        if self.grade_field is not None:
            self.query_one(f"#field-{self.grade_field}", ChoiceRow).value = getattr(self.record,
                                                                                    self.grade_field)
        for check in model.CHECKS:
            self.query_one(f"#check-{check}", ChoiceRow).value = None
        self.error_line.clear()
        self.query_one(FormBody).scroll_home(animate=False)

    def has_changes(self) -> bool:
        """Whether a note or tags were typed (escape then asks before throwing them away)."""
        note = self.query("#field-note")
        tags = self.query("#field-tags")
        typed_note = bool(note) and bool(note.first().text.strip())
        typed_tags = bool(tags) and bool(tags.first().value.strip())
        return typed_note or typed_tags

    def compose(self) -> ComposeResult:
        """The record at the top, then the fields, the error line and the keys."""
        kind = self.record.KIND if self.record else "record"
        with self.box(f"Annotate {kind}"):
            if self.record is None:
                yield Static(Content(f"There is no record with id {visible(self.record_id)}."),
                             classes="form-header")
            else:
                yield Static(record_line(self.store, self.record, 148), classes="form-header")
            with FormBody(classes="form-body"):
                yield FieldRow("note", TextArea(id="field-note", soft_wrap=True))
                tags = Input(placeholder="comma-separated", compact=True, id="field-tags")
                yield FieldRow("add tags", tags)
                yield Static("", id="current-tags", classes="form-note")
                verdicts = [("no verdict", NO_VERDICT), *((v.replace("_", " "), v) for v in model.VERDICTS)]
                yield FieldRow("verdict", Select(verdicts, value=NO_VERDICT, allow_blank=False,
                                                 compact=True, id="field-verdict"))
                if self.grade_field == "credibility":
                    row = ChoiceRow([(n, str(n)) for n in model.CREDIBILITIES], self.record.credibility,
                                    describe=model.CREDIBILITY_LABELS.get, id="field-credibility")
                    yield FieldRow("credibility", row)
                elif self.grade_field == "reliability":
                    row = ChoiceRow([(g, g) for g in model.RELIABILITIES], self.record.reliability,
                                    describe=model.RELIABILITY_LABELS.get, id="field-reliability")
                    yield FieldRow("reliability", row)
                for check in model.CHECKS:
                    yield FieldRow(CHECK_LABELS[check], ChoiceRow(ANSWERS, None, id=f"check-{check}",
                                   describe=lambda _v, c=check: CHECK_QUESTIONS[c]))
            yield ErrorLine()
            hint = {"credibility": "1–6 credibility", "reliability": "a–f reliability"}
            yield FormFooter(hint.get(self.grade_field or "", ""))

    def on_screen_resume(self) -> None:
        """Read the record's tags, verdict and answers off the UI thread, then start in the note."""
        if not self._to_start:
            return  # back from help over the form: keep where the person was
        self._to_start = False
        self.query_one("#field-note", TextArea).focus()
        if self.record is not None:
            self.store_call(self._read_current, self._show_current, self.show_failure, group="load")

    def _read_current(self) -> tuple[list[str], str | None, dict[str, bool | None], int]:
        annotations = self.store.annotations_of(self.record_id)
        checks: dict[str, bool | None] = {}
        for annotation in annotations:
            checks.update(annotation.checks)
        return (self.store.tags_of(self.record_id), self.store.verdict_of(self.record_id), checks,
                len(annotations))

    def _show_current(self, current: tuple[list[str], str | None, dict[str, bool | None], int]) -> None:
        self.current_tags, self.current_verdict, self.current_checks, count = current
        if self.current_verdict in model.VERDICTS:
            self.query_one("#field-verdict", Select).value = self.current_verdict
        for check in model.CHECKS:
            self.query_one(f"#check-{check}", ChoiceRow).value = self.current_checks.get(check)
        has = ", ".join(one_line(t, 30) for t in self.current_tags) or "none"
        note = f"tags so far: {has}" + (f"  ·  {count} earlier annotation(s)" if count else "")
        self.query_one("#current-tags", Static).update(Content(one_line(note, 74)))
        self.loaded = True
        if self.save_when_loaded:
            self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grade keys work only for the grade this kind of record has."""
        if action == "grade":
            wanted = model.CREDIBILITIES if self.grade_field == "credibility" else model.RELIABILITIES
            return self.grade_field is not None and parameters[0] in wanted
        return True

    def action_grade(self, grade: int | str) -> None:
        """Set the credibility or reliability directly."""
        self.query_one(f"#field-{self.grade_field}", ChoiceRow).value = grade

    def action_editor(self) -> None:
        """Edit the note in $VISUAL or $EDITOR; say why not when there is none or it fails."""
        command = editor_command()
        if command is None:
            self.show_error("No editor is set: export EDITOR (or VISUAL) to write the note in one.")
            return
        area = self.query_one("#field-note", TextArea)
        try:
            with self.app.suspend():
                text = edit_text(command, area.text)
        except SuspendNotSupported:
            self.show_error("This terminal cannot hand over to an editor; type the note here.")
            return
        except Exception as error:  # the editor's own failure is the person's to see
            self.show_error(f"The editor {command[0]} failed: {error}")
            return
        area.text = visible(text)
        area.focus()
        self.error_line.clear()

    def _changes(self) -> tuple[dict[str, Any], list[str]]:
        """The arguments for ``store.annotate`` (only what changed) and words for the summary."""
        args: dict[str, Any] = {}
        said: list[str] = []
        note = self.query_one("#field-note", TextArea).text
        if note.strip():
            args["note"] = note
            said.append("note")
        typed = [t.strip() for t in self.query_one("#field-tags", Input).value.split(",")]
        tags = [t for t in dict.fromkeys(typed) if t and t not in self.current_tags]
        if tags:
            args["tags"] = tags
            said.append("tags " + one_line(", ".join(tags), 40))
        verdict = self.query_one("#field-verdict", Select).value or None
        if verdict != self.current_verdict:
            if verdict is None:
                raise _Refused("A verdict can be replaced but not withdrawn: choose another one.", "verdict")
            args["verdict"] = verdict
            said.append(f"verdict {verdict}")
        if self.grade_field is not None:
            grade = self.query_one(f"#field-{self.grade_field}", ChoiceRow).value
            if grade != getattr(self.record, self.grade_field):
                args[self.grade_field] = grade
                said.append(f"{self.grade_field} {grade}")
        checks = {}
        for check in model.CHECKS:
            answer = self.query_one(f"#check-{check}", ChoiceRow).value
            if answer != self.current_checks.get(check):
                checks[check] = answer
        if checks:
            args["checks"] = checks
            said.append(", ".join(f"{CHECK_LABELS[c]} {ANSWER_WORDS[a]}" for c, a in checks.items()))
        return args, said

    def action_save(self) -> None:
        """Save what changed in a worker; dismiss with a summary once the store has it."""
        if self.busy:
            return
        if self.record is None:
            self.show_error(f"There is no record with id {self.record_id}; nothing can be saved.")
            return
        if not self.loaded:  # ctrl+s typed right after the note: save once the record is read
            self.save_when_loaded = True
            return
        try:
            args, said = self._changes()
        except _Refused as refused:
            self.show_error(str(refused), refused.field)
            return
        if not args:
            self.show_error("Nothing to save: write a note, add a tag, or change a verdict, grade or check.")
            return
        self.busy = True
        self.error_line.clear()
        words = label_of(self.store, self.record, 40).plain
        summary = f"Annotated “{words}”: " + "; ".join(said)
        self.store_call(lambda: self.store.annotate(self.record_id, **args),
                        lambda _saved: self.dismiss(summary), self.show_failure, group="save")


class _Refused(Exception):
    """A value the form itself refuses before asking the store."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field
