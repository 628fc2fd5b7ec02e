"""The modal for creating or editing an actor, statement, evidence or source, field by field."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from claimnet.store import Store, ValidationError, model
from claimnet.tui.safe_text import visible

from .describe import record_line
from .form_parts import SAVE_BINDING, ErrorLine, FieldRow, FormBody, FormFooter, FormScreen
from .record_fields import FIELDS, FieldSpec, editor_state, make_editor, to_value

KINDS = tuple(FIELDS)


class RecordFormScreen(FormScreen[str | None]):
    """Create (``record_id`` None) or edit a record of ``kind``; dismisses with the saved id, or None."""

    BINDINGS = [SAVE_BINDING]
    FIELD_TARGETS = {"id": "field-name", "kind": "field-kind"}

    def __init__(self, store: Store, kind: str, record_id: str | None = None,
                 preset: dict[str, Any] | None = None) -> None:
        if kind not in FIELDS:
            raise ValueError(f"RecordFormScreen edits {', '.join(KINDS)}, not {kind!r}.")
        if record_id is not None and model.kind_of_id(record_id) != kind:
            raise ValueError(f"{record_id!r} is not the id of a {kind}.")
        super().__init__()
        self.store = store
        self.kind = kind
        self.record_id = record_id
        # A new record never asks for offsets: its span comes with it (from the source reader).
        self.specs: tuple[FieldSpec, ...] = tuple(
            spec for spec in FIELDS[kind] if record_id is not None or spec.editor != "span")
        self.record = store.find(record_id) if record_id else None
        base = self.record.to_dict() if self.record else model.defaults(model.BY_KIND[kind].TABLE)
        known = {spec.name for spec in self.specs}
        self.carried = {key: value for key, value in (preset or {}).items()
                        if key == "span" and record_id is None}
        self.start_values: dict[str, Any] = {
            spec.name: base.get(spec.name) for spec in self.specs
        } | {key: value for key, value in (preset or {}).items() if key in known}
        self.start_states: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        """A header saying what is edited, a row per field, the error line and the keys."""
        verb = "Edit" if self.record_id else "New"
        with self.box(f"{verb} {self.kind}"):
            if self.record_id and self.record is None:
                yield Static(Content(f"There is no {self.kind} with id {visible(self.record_id)}."),
                             classes="form-header")
            elif self.record is not None:
                yield Static(record_line(self.store, self.record, 148), classes="form-header")
            with FormBody(classes="form-body"):
                for spec in self.specs:
                    editor = make_editor(spec, self.store, self.start_values[spec.name], self.kind,
                                         self.record_id)
                    yield FieldRow(spec.label, editor)
            yield ErrorLine()
            yield FormFooter("tab next field  enter choose")

    def on_mount(self) -> None:
        """Remember what each field showed at the start, and focus the first field."""
        self.start_states = {spec.name: editor_state(spec, self) for spec in self.specs}
        self.query_one(f"#field-{self.specs[0].name}").focus()

    def _changed_values(self) -> dict[str, Any]:
        """The store value of every field the person changed (ValidationError if one cannot be)."""
        changed = {}
        for spec in self.specs:
            state = editor_state(spec, self)
            if state != self.start_states[spec.name]:
                changed[spec.name] = to_value(spec, state, self.kind)
        return changed

    def has_changes(self) -> bool:
        """Whether any field differs from what it showed at the start."""
        return any(editor_state(spec, self) != self.start_states.get(spec.name) for spec in self.specs)

    def action_save(self) -> None:
        """Create or update the record in a worker; dismiss with its id once the store has it."""
        if self.busy:
            return
        if self.record_id and self.record is None:
            self.show_error(f"There is no {self.kind} with id {self.record_id}; nothing can be saved.")
            return
        try:
            changed = self._changed_values()
        except ValidationError as error:
            self.show_error(str(error), error.field)
            return
        if self.record_id is not None:
            if not changed:
                self.dismiss(self.record_id)
                return
            record_id = self.record_id

            def call() -> model.Record:
                return self.store.update(record_id, **changed)
        else:
            fields = {**self.carried, **self.start_values, **changed}

            def call() -> model.Record:
                return self.store.create(self.kind, **fields)

        self.busy = True
        self.error_line.clear()
        self.store_call(call, lambda saved: self.dismiss(saved.id), self.show_failure, group="save")
