"""Checks every record must pass before the store accepts it; each refusal names field and value."""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable
from typing import Any

from claimnet.store import model
from claimnet.store.model.errors import ValidationError

#: Which record kinds each link type may join: (allowed ``from`` kinds, allowed ``to`` kinds).
LINK_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "supports": (frozenset({"statement", "evidence"}), frozenset({"statement", "evidence"})),
    "contradicts": (frozenset({"statement", "evidence"}), frozenset({"statement", "evidence"})),
    "undercuts": (frozenset({"statement", "evidence"}), frozenset({"statement", "evidence"})),
    "denies": (frozenset({"statement"}), frozenset({"statement", "evidence"})),
    "accuses": (frozenset({"statement"}), frozenset({"actor"})),
    "responds_to": (frozenset({"statement"}), frozenset({"statement"})),
    "restates": (frozenset({"statement", "evidence"}), frozenset({"statement", "evidence"})),
}

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z", re.ASCII)  # ٢٠٢٤ is no year here
_ID_RE = re.compile(r"^[a-z]+-[0-9a-z][0-9a-z-]*\Z")
_STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z\Z", re.ASCII)

#: Looks up a record dict by id across all tables (None when there is none).
Lookup = Callable[[str], "dict[str, Any] | None"]


def _fail(kind: str, field: str, message: str) -> ValidationError:
    return ValidationError(f"{kind}.{field} {message}", field=field)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_text(kind: str, field: str, value: Any, required: bool) -> None:
    """A string field: required ones must hold more than white space."""
    if value is None and not required:
        return
    if not isinstance(value, str):
        raise _fail(kind, field, f"must be text, not {_show(value)}.")
    if required and not value.strip():
        raise _fail(kind, field, "must not be empty.")


def check_choice(kind: str, field: str, value: Any, choices: tuple, nullable: bool = False) -> None:
    """A field whose value comes from a vocabulary."""
    if value is None and nullable:
        return
    if isinstance(value, bool) or value not in choices:
        listed = ", ".join(str(c) for c in choices)
        raise _fail(kind, field, f"must be one of {listed}, not {_show(value)}.")


def check_date(kind: str, field: str, value: Any) -> None:
    """A date, partial date (``2024`` or ``2024-05``) or null."""
    if value is None:
        return
    match = _DATE_RE.match(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in match.groups())
        _dt.date(year, month, day)
    except ValueError:
        raise _fail(
            kind, field, f"must be a date like 2024-05-17, 2024-05 or 2024, not {_show(value)}."
        ) from None


def check_ref(kind: str, field: str, value: Any, want: str, lookup: Lookup, nullable: bool) -> None:
    """A reference to another record that must exist and be of the wanted kind."""
    if value is None and nullable:
        return
    if not isinstance(value, str) or not value:
        raise _fail(kind, field, f"must be the id of a {want}, not {_show(value)}.")
    if lookup(value) is None:
        raise _fail(kind, field, f"refers to {value!r}, which does not exist.")
    if model.kind_of_id(value) != want:
        raise _fail(kind, field, f"must refer to a {want}, but {value!r} is a {model.kind_of_id(value)}.")


def check_strings(kind: str, field: str, value: Any) -> None:
    """A list of non-empty strings without repeats."""
    if not isinstance(value, list | tuple):
        raise _fail(kind, field, f"must be a list of text, not {_show(value)}.")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _fail(kind, field, f"must hold non-empty text only, not {_show(item)}.")
    if len(set(value)) != len(value):
        raise _fail(kind, field, "must not repeat a value.")


def check_int_range(kind: str, field: str, value: Any, low: int, high: int, nullable: bool) -> None:
    """A whole number in ``low..high`` (or null where allowed)."""
    if value is None and nullable:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(kind, field, f"must be a whole number from {low} to {high}, not {_show(value)}.")


def check_confidence(kind: str, value: Any) -> None:
    """A confidence between 0 and 1, or null."""
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= 1
    ):
        raise _fail(kind, "confidence", f"must be a number from 0 to 1, not {_show(value)}.")


def check_span(kind: str, record: dict[str, Any], lookup: Lookup) -> None:
    """A span needs a source and must lie inside its text; a quote must stand in the spanned text (the
    quotation itself, or the clause that quotes it) or in another telling of it, up to white space."""
    span = record.get("span")
    if span is None:
        return
    if (
        not isinstance(span, list | tuple)
        or len(span) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in span)
    ):
        raise _fail(kind, "span", f"must be two offsets [start, end], not {_show(span)}.")
    start, end = span
    source = lookup(record["source"]) if record.get("source") else None
    if source is None:
        raise _fail(kind, "span", "needs a source to point into.")
    length = len(source.get("text") or "")
    if not 0 <= start < end <= length:
        raise _fail(kind, "span", f"{list(span)} is outside the source text (0 to {length}).")
    quote = record.get("quote")
    spans = record.get("spans")
    tellings = [s for s in (spans if isinstance(spans, list | tuple) and spans else [span])
                if isinstance(s, list | tuple) and len(s) == 2]
    if quote and not any(_words(quote) in _words(source["text"][a:b]) for a, b in tellings
                         if isinstance(a, int) and isinstance(b, int)):
        raise _fail(kind, "span", f"{list(span)} does not hold the quote {_show(quote)}.")


def check_spans(kind: str, record: dict[str, Any], lookup: Lookup) -> None:
    """Every telling of a statement ('spans'): offset pairs inside its source, the first being its span."""
    spans = record.get("spans")
    if not isinstance(spans, list | tuple):
        raise _fail(kind, "spans", f"must be a list of [start, end] pairs, not {_show(spans)}.")
    if not spans:
        return
    for span in spans:
        try:
            check_span(kind, {"span": span, "source": record.get("source")}, lookup)
        except ValidationError as error:
            raise _fail(kind, "spans", str(error).split(": ", 1)[-1]) from None
    if record.get("span") is None or list(spans[0]) != list(record["span"]):
        raise _fail(kind, "spans", "must start with the statement's span.")


def _words(text: str) -> str:
    """Text up to white space: a quote typed with a space matches one the source breaks across lines."""
    return " ".join(text.split())


def check_quantity(value: Any) -> None:
    """An evidence quantity: ``{"value": number, "unit": text}`` or null."""
    if value is None:
        return
    ok = (
        isinstance(value, dict)
        and set(value) <= {"value", "unit"}
        and isinstance(value.get("value"), int | float)
        and not isinstance(value.get("value"), bool)
        and math.isfinite(value["value"])
        and isinstance(value.get("unit"), str)
    )
    if not ok:
        raise _fail("evidence", "quantity", f"must be {{value, unit}} or null, not {_show(value)}.")


def check_checks(value: Any) -> None:
    """Answers to the critical questions: each known question true, false or null."""
    if not isinstance(value, dict):
        raise _fail("annotation", "checks", f"must be an object, not {_show(value)}.")
    for key, answer in value.items():
        if key not in model.CHECKS:
            raise _fail("annotation", "checks", f"has an unknown question {key!r}; known: "
                        + ", ".join(model.CHECKS) + ".")
        if answer is not None and not isinstance(answer, bool):
            raise _fail("annotation", "checks", f"answer to {key} must be yes, no or null.")


def validate(table: str, record: dict[str, Any], lookup: Lookup) -> None:
    """Refuse ``record`` (the full JSON shape of a record of ``table``) if any field is bad."""
    cls = model.BY_TABLE[table]
    kind = cls.KIND
    extra = set(record) - model.field_names(table)
    if extra:
        raise ValidationError(f"{kind} has no field {sorted(extra)[0]!r}.", field=sorted(extra)[0])
    missing = model.field_names(table) - set(record)
    if missing:
        raise ValidationError(f"{kind} lacks the field {sorted(missing)[0]!r}.", field=sorted(missing)[0])
    rid = record["id"]
    if not isinstance(rid, str) or not _ID_RE.match(rid) or not rid.startswith(cls.PREFIX + "-"):
        raise _fail(kind, "id", f"must be {cls.PREFIX}- then lower-case letters, digits or -, "
                    f"not {_show(rid)}.")
    for stamp in ("created", "updated"):
        if not isinstance(record[stamp], str) or not _STAMP_RE.match(record[stamp]):
            raise _fail(kind, stamp, f"must be a UTC time like 2024-05-17T09:30:00Z, not "
                        f"{_show(record[stamp])}.")
    VALIDATORS[table](kind, record, lookup)


def _source(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    check_text(kind, "title", r["title"], required=True)
    for name in ("outlet", "url"):
        check_text(kind, name, r[name], required=False)
    check_text(kind, "text", r["text"], required=False)
    check_date(kind, "published", r["published"])
    check_choice(kind, "reliability", r["reliability"], model.RELIABILITIES)


def _actor(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    check_text(kind, "name", r["name"], required=True)
    check_choice(kind, "kind", r["kind"], model.ACTOR_KINDS)
    check_strings(kind, "aliases", r["aliases"])
    check_text(kind, "role", r["role"], required=False)
    check_choice(kind, "reliability", r["reliability"], model.RELIABILITIES)
    _review_fields(kind, r)
    check_ref(kind, "affiliation", r["affiliation"], "actor", lookup, nullable=True)
    seen = {r["id"]}
    parent = r["affiliation"]
    while parent is not None:
        if parent in seen:
            raise _fail(kind, "affiliation", f"{r['affiliation']!r} would make a loop of affiliations.")
        seen.add(parent)
        parent = (lookup(parent) or {}).get("affiliation")


def _review_fields(kind: str, r: dict[str, Any]) -> None:
    """Whether a record was proposed by an import and how it was reviewed."""
    check_choice(kind, "status", r["status"], model.STATUSES)
    check_choice(kind, "origin", r["origin"], model.ORIGINS)
    check_confidence(kind, r["confidence"])


def _claim_common(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    check_text(kind, "text", r["text"], required=True)
    check_ref(kind, "source", r["source"], "source", lookup, nullable=True)
    check_int_range(kind, "credibility", r["credibility"], 1, 6, nullable=False)
    _review_fields(kind, r)


def _statement(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    check_ref(kind, "speaker", r["speaker"], "actor", lookup, nullable=False)
    _claim_common(kind, r, lookup)
    check_choice(kind, "act", r["act"], model.ACTS)
    check_choice(kind, "mode", r["mode"], model.MODES)
    check_text(kind, "cue", r["cue"], required=False)
    check_text(kind, "quote", r["quote"], required=False)
    if r["mode"] == "quote" and not (r["quote"] or "").strip():
        raise _fail(kind, "quote", "must hold the quoted words when mode is quote.")
    check_date(kind, "said_on", r["said_on"])
    check_strings(kind, "about", r["about"])
    for actor_id in r["about"]:
        check_ref(kind, "about", actor_id, "actor", lookup, nullable=False)
    check_span(kind, r, lookup)
    check_spans(kind, r, lookup)


def _evidence(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    _claim_common(kind, r, lookup)
    check_choice(kind, "kind", r["kind"], model.EVIDENCE_KINDS)
    check_quantity(r["quantity"])
    check_ref(kind, "reported_by", r["reported_by"], "actor", lookup, nullable=True)
    check_span(kind, r, lookup)


def _link(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    check_choice(kind, "type", r["type"], model.LINK_TYPES)
    from_kinds, to_kinds = LINK_ENDS[r["type"]]
    for field, allowed in (("from", from_kinds), ("to", to_kinds)):
        value = r[field]
        if not isinstance(value, str) or lookup(value) is None:
            raise _fail(kind, field, f"refers to {_show(value)}, which does not exist.")
        if model.kind_of_id(value) not in allowed:
            raise _fail(
                kind, field, f"of a {r['type']} link must be a "
                + " or ".join(sorted(allowed)) + f", but {value!r} is a {model.kind_of_id(value)}."
            )
    if r["from"] == r["to"]:
        raise _fail(kind, "to", "must differ from the link's from end.")
    check_int_range(kind, "weight", r["weight"], -2, 2, nullable=True)
    check_text(kind, "note", r["note"], required=False)
    _review_fields(kind, r)


def _annotation(kind: str, r: dict[str, Any], lookup: Lookup) -> None:
    target = r["target"]
    if not isinstance(target, str) or lookup(target) is None:
        raise _fail(kind, "target", f"refers to {_show(target)}, which does not exist.")
    check_text(kind, "note", r["note"], required=False)
    check_strings(kind, "tags", r["tags"])
    for tag in r["tags"]:
        if tag != tag.strip() or "," in tag:
            raise _fail(kind, "tags", f"{tag!r} must not contain commas or surrounding spaces.")
    check_choice(kind, "verdict", r["verdict"], model.VERDICTS, nullable=True)
    check_checks(r["checks"])
    check_text(kind, "analyst", r["analyst"], required=False)


VALIDATORS: dict[str, Callable[[str, dict[str, Any], Lookup], None]] = {
    "sources": _source,
    "actors": _actor,
    "statements": _statement,
    "evidence": _evidence,
    "links": _link,
    "annotations": _annotation,
}
