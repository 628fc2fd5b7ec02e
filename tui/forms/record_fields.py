"""The editable fields of each record kind, the widget that edits each, and how typed text becomes a value."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from claimnet.store import Store, ValidationError, model
from claimnet.tui.safe_text import visible

from .choice_row import ChoiceRow
from .link_screen import WEIGHTS
from .ref_field import RefField


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One user-editable field: its store name, label, how it is edited, and its choices or kinds."""

    name: str
    label: str
    # text required area note choice optchoice grade weight ref refs date list span number quantity
    editor: str
    choices: tuple[Any, ...] = ()
    kinds: tuple[str, ...] = ()
    placeholder: str = ""


_SPAN = FieldSpec("span", "span", "span", placeholder="start-end offsets in the source text")
_SOURCE = FieldSpec("source", "source", "ref", kinds=("source",))
_CREDIBILITY = FieldSpec("credibility", "credibility", "grade", model.CREDIBILITIES)
_CLAIM_TAIL = (
    FieldSpec("status", "status", "choice", model.STATUSES),
    FieldSpec("origin", "origin", "choice", model.ORIGINS),
    FieldSpec("confidence", "confidence", "number", placeholder="0 to 1, for extracted items"),
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "actor": (
        FieldSpec("name", "name", "required"),
        FieldSpec("kind", "kind", "choice", model.ACTOR_KINDS),
        FieldSpec("aliases", "aliases", "list", placeholder="Ms Kim; Pyongyang; DPRK"),
        FieldSpec("role", "role", "text", placeholder="deputy spokesperson"),
        FieldSpec("affiliation", "affiliation", "ref", kinds=("actor",)),
        FieldSpec("reliability", "reliability", "grade", model.RELIABILITIES),
    ),
    "statement": (
        FieldSpec("speaker", "speaker", "ref", kinds=("actor",)),
        FieldSpec("text", "text", "required", placeholder="the claim in short, normalised form"),
        FieldSpec("act", "act", "choice", model.ACTS),
        FieldSpec("mode", "mode", "choice", model.MODES),
        FieldSpec("quote", "quote", "text", placeholder="the exact quoted words"),
        FieldSpec("cue", "cue", "text", placeholder="said, denied, called…"),
        FieldSpec("said_on", "said on", "date", placeholder="2024-05-17, 2024-05 or 2024"),
        FieldSpec("about", "about", "refs", kinds=("actor",)),
        _SOURCE,
        _SPAN,
        _CREDIBILITY,
        *_CLAIM_TAIL,
    ),
    "evidence": (
        FieldSpec("text", "text", "required", placeholder="the concrete fact"),
        FieldSpec("kind", "kind", "choice", model.EVIDENCE_KINDS),
        FieldSpec("quantity", "quantity", "quantity"),
        FieldSpec("reported_by", "reported by", "ref", kinds=("actor",)),
        _SOURCE,
        _SPAN,
        _CREDIBILITY,
        *_CLAIM_TAIL,
    ),
    "link": (
        FieldSpec("type", "type", "choice", model.LINK_TYPES),
        FieldSpec("weight", "weight", "weight"),
        FieldSpec("note", "note", "text", placeholder="why these are linked"),
    ),
    "annotation": (
        FieldSpec("note", "note", "note"),
        FieldSpec("tags", "tags", "list", placeholder="disputed; needs source"),
        FieldSpec("verdict", "verdict", "optchoice", model.VERDICTS),
    ),
    "source": (
        FieldSpec("title", "title", "required"),
        FieldSpec("outlet", "outlet", "text"),
        FieldSpec("url", "url", "text"),
        FieldSpec("published", "published", "date", placeholder="2024-05-17, 2024-05 or 2024"),
        FieldSpec("reliability", "reliability", "grade", model.RELIABILITIES),
        FieldSpec("text", "text", "area", placeholder="the full text"),
    ),
}

#: What the picker of a reference field asks (``{kind}`` is the record's kind).
PICK_TITLES = {
    "speaker": "Choose who made this statement",
    "about": "Choose an actor this statement is about",
    "affiliation": "Choose what this actor belongs to (a state, organisation…)",
    "reported_by": "Choose who reported this evidence",
    "source": "Choose the source of this {kind}",
}
_GRADE_WORDS = {**model.CREDIBILITY_LABELS, **model.RELIABILITY_LABELS}
_SPAN_RE = re.compile(r"^\s*(\d+)\s*(?:-|–|,|\.\.|\s)\s*(\d+)\s*$")


def _shown(value: Any) -> str:
    return "" if value is None else visible(str(value))


def make_editor(spec: FieldSpec, store: Store, value: Any, kind: str, record_id: str | None) -> Widget:
    """The widget that edits ``spec`` showing ``value`` (user text made visible), id ``field-<name>``."""
    wid = f"field-{spec.name}"
    hint = spec.placeholder or ("required" if spec.editor == "required" else "")
    if spec.editor in ("area", "note"):
        return TextArea(_shown(value), id=wid, soft_wrap=True, classes="-tall")
    if spec.editor == "optchoice":
        options = [(str(c).replace("_", " "), c) for c in spec.choices]
        return Select(options, value=value if value in spec.choices else Select.NULL, prompt="none",
                      compact=True, id=wid)
    if spec.editor == "weight":
        return ChoiceRow(WEIGHTS, value, describe=lambda w: "" if w is None else "consistency", id=wid)
    if spec.editor == "choice":
        options = [(str(c).replace("_", " "), c) for c in spec.choices]
        start = value if value in spec.choices else spec.choices[0]
        return Select(options, value=start, allow_blank=False, compact=True, id=wid)
    if spec.editor == "grade":
        return ChoiceRow([(c, str(c)) for c in spec.choices], value, describe=_GRADE_WORDS.get, id=wid)
    if spec.editor in ("ref", "refs"):
        exclude = (record_id,) if record_id else ()
        title = PICK_TITLES.get(spec.name, f"Choose the {spec.label} of this {kind}").format(kind=kind)
        return RefField(store, spec.kinds, value, title=title, multiple=spec.editor == "refs",
                        exclude=exclude, id=wid)
    if spec.editor == "quantity":
        amount = None if value is None else value.get("value")
        unit = None if value is None else value.get("unit")
        return Horizontal(
            Input(_shown(amount), placeholder="number", compact=True, id=wid),
            Input(_shown(unit), placeholder="unit (containers, tonnes…)", compact=True, id=f"{wid}-unit"),
            classes="field-widget quantity",
        )
    if spec.editor == "list":
        text = "; ".join(visible(v) for v in value or ())
    elif spec.editor == "span":
        text = "" if value is None else f"{value[0]}-{value[1]}"
    else:
        text = _shown(value)
    return Input(text, placeholder=hint, compact=True, id=wid)


def editor_state(spec: FieldSpec, root: DOMNode) -> Any:
    """What the field's widget holds now, as shown (compared with the start to see a change)."""
    widget = root.query_one(f"#field-{spec.name}")
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select | ChoiceRow | RefField):
        return widget.value
    if spec.editor == "quantity":
        return (root.query_one(f"#field-{spec.name}", Input).value,
                root.query_one(f"#field-{spec.name}-unit", Input).value)
    assert isinstance(widget, Input)
    return widget.value


def _refuse(kind: str, spec: FieldSpec, message: str) -> ValidationError:
    return ValidationError(f"{kind}.{spec.name} {message}", field=spec.name)


def _number(kind: str, spec: FieldSpec, text: str) -> int | float:
    try:
        number: int | float = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise _refuse(kind, spec, f"must be a number, not {text!r}.") from None
    if not math.isfinite(number):
        raise _refuse(kind, spec, f"must be a finite number, not {text!r}.")
    return number


def to_value(spec: FieldSpec, state: Any, kind: str) -> Any:
    """The store value for what a person entered; ValidationError naming the field if it cannot be one."""
    if spec.editor == "optchoice":
        return None if state is Select.NULL else state
    if spec.editor in ("choice", "grade", "ref", "refs", "weight"):
        return state
    if spec.editor == "note":
        return state if state.strip() else None
    if spec.editor == "quantity":
        amount, unit = (part.strip() for part in state)
        if not amount and not unit:
            return None
        if not amount:
            raise _refuse(kind, spec, "needs a number as well as a unit.")
        return {"value": _number(kind, spec, amount), "unit": unit}
    if spec.editor in ("required", "area"):
        return state
    if spec.editor == "list":
        return list(dict.fromkeys(part.strip() for part in state.split(";") if part.strip()))
    if not state.strip():
        return None
    if spec.editor == "span":
        match = _SPAN_RE.match(state)
        if match is None:
            raise _refuse(kind, spec, f"must be two offsets like 120-180, not {state!r}.")
        return [int(match.group(1)), int(match.group(2))]
    if spec.editor == "number":
        return _number(kind, spec, state.strip())
    return state.strip() if spec.editor == "date" else state
