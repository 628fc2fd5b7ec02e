"""The shapes loaded data must have before anything reads it: records, history entries, meta, journal lines.

A store file or journal line can be crafted or damaged while staying valid JSON with a valid
checksum. Everything claimnet loads is checked here against the record classes' field types, so
a wrong shape is refused with one sentence naming the table and the record instead of failing
later as a traceback (or after a change was saved). The values' meaning (vocabularies, references,
spans) is ``claimnet check``'s business; only what would break reading is refused here.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

import orjson

from claimnet.store import model
from claimnet.store.model.errors import StoreFileError

#: The largest change number a store may carry (JSON readers lose precision beyond it).
MAX_SEQ = 2**53
HISTORY_KINDS = ("change", "undo", "redo")
#: What a history entry did to one record (network/history.py reads them from here); entries without one
#: hold whole records.
CHANGE_OPS = ("add", "add-ref", "edit", "delete")
_NONE = type(None)
_MISSING = object()
Check = Callable[[Any], bool]


def _list_of(types: tuple[type, ...], length: int | None = None) -> Check:
    return lambda v: type(v) is list and (length is None or len(v) == length) and all(
        type(item) in types for item in v)


def _dict_of(types: tuple[type, ...]) -> Check:
    return lambda v: type(v) is dict and all(type(item) in types for item in v.values())


#: Field annotation (as written in records.py) -> the types a stored value may have.
_SIMPLE: dict[str, frozenset[type]] = {
    "str": frozenset({str}),
    "str | None": frozenset({str, _NONE}),
    "int": frozenset({int}),
    "int | None": frozenset({int, _NONE}),
    "float | None": frozenset({int, float, _NONE}),
}
#: Field annotation -> the check a stored value of a container type must pass.
_BY_ANNOTATION: dict[str, Check] = {
    "tuple[str, ...]": _list_of((str,)),
    "tuple[int, int] | None": lambda v: v is None or _list_of((int,), 2)(v),
    "dict[str, Any] | None": lambda v: v is None or _dict_of((str, int, float, _NONE))(v),
    "dict[str, bool | None]": _dict_of((bool, _NONE)),
}


@functools.cache
def record_checks(table: str) -> tuple[tuple[str, Check], ...]:
    """(JSON key, check) for every field of a record of ``table``."""
    checks = []
    for key, annotation in _annotations(table):
        types = _SIMPLE.get(annotation)
        check = (lambda v, t=types: type(v) in t) if types else _BY_ANNOTATION.get(annotation, _json_value)
        checks.append((key, check))
    return tuple(checks)


@functools.cache
def _fast_checks(table: str) -> tuple[tuple[tuple[str, frozenset[type]], ...], tuple[tuple[str, Check], ...]]:
    """The same checks split for speed: (key, types) for plain fields, (key, check) for the rest."""
    plain = tuple((key, _SIMPLE[a]) for key, a in _annotations(table) if a in _SIMPLE)
    other = tuple((key, c) for key, c in record_checks(table) if key not in dict(plain))
    return plain, other


def _annotations(table: str) -> list[tuple[str, str]]:
    return [(f.metadata.get("json", f.name),
             f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type)))
            for f in dataclasses.fields(model.BY_TABLE[table])]


def _json_value(value: Any) -> bool:
    return type(value) in (str, int, float, bool, list, dict, _NONE)


def _describe(value: Any) -> str:
    return {list: "a list", dict: "an object", str: "text", bool: "true/false", _NONE: "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def record_problem(table: str, record: Any) -> str | None:
    """What is wrong with the shape of ``record`` (a stored record of ``table``), or None."""
    if type(record) is dict:  # the fast path for sound records
        plain, other = _fast_checks(table)
        get = record.get
        sound = len(record) == len(plain) + len(other)
        for key, types in plain:
            if type(get(key, _MISSING)) not in types:
                sound = False
                break
        if sound:
            for key, check in other:
                if not check(get(key, _MISSING)):
                    sound = False
                    break
        if sound:
            return None
    return _explain(table, record)


def _explain(table: str, record: Any) -> str | None:
    if type(record) is not dict:
        return f"a record in {table} is {_describe(record)}, not an object"
    rid = record.get("id")
    name = f"record {rid!r}" if type(rid) is str else "a record"
    for key, check in record_checks(table):
        value = record.get(key, _MISSING)
        if value is _MISSING:
            return f"{name} in {table} has no {key!r}"
        if not check(value):
            return f"{name} in {table} has {_describe(value)} as {key!r}"
    if len(record) != len(record_checks(table)):
        extra = sorted(set(record) - {key for key, _check in record_checks(table)})
        return f"{name} in {table} has a field claimnet does not know, {extra[0]!r}"
    return None


def history_problem(entry: Any) -> str | None:
    """What is wrong with the shape of a history entry, or None."""
    if type(entry) is not dict:
        return f"an entry in history is {_describe(entry)}, not an object"
    hid = entry.get("id")
    name = f"entry {hid!r}" if type(hid) is str else "an entry"
    for key, types in (("id", (str,)), ("seq", (int,)), ("at", (str,)), ("who", (str,)),
                       ("kind", (str,)), ("summary", (str,)), ("changes", (list,))):
        value = entry.get(key, _MISSING)
        if value is _MISSING:
            return f"{name} in history has no {key!r}"
        if type(value) not in types:
            return f"{name} in history has {_describe(value)} as {key!r}"
    if entry["kind"] not in HISTORY_KINDS:
        return f"{name} in history has the unknown kind {entry['kind']!r}"
    if type(entry.get("state", "")) is not str or type(entry.get("target")) not in (str, _NONE) \
            or type(entry.get("undone_by")) not in (str, _NONE):
        return f"{name} in history has a wrong 'state', 'target' or 'undone_by'"
    for change in entry["changes"]:
        if type(change) is not dict or change.get("table") not in model.RECORD_TABLES \
                or type(change.get("id")) is not str:
            return f"{name} in history lists a change that names no record table and id"
        problem = _change_problem(change)
        if problem:
            return f"{name} in history {problem}"
    return None


def _change_problem(change: dict[str, Any]) -> str | None:
    """What is wrong with one record's change in a history entry (see network/history.py), or None."""
    op, table = change.get("op", _MISSING), change["table"]
    if op not in (_MISSING, *CHANGE_OPS):
        return f"lists a change of the unknown kind {str(op)[:40]!r}"
    for side in ("before", "after"):
        image = change.get(side, _MISSING)
        if image is _MISSING:
            return f"holds a change without its {side!r}"
        if image is None:
            continue
        if op in ("edit", "add-ref"):  # some fields of the record: each must have the field's type
            if op == "add-ref" and side == "before" or not _fields_sound(table, image):
                return f"holds a {side!r} of {change['id']!r} that is not fields of a record"
        elif record_problem(table, image):
            return f"holds a {side!r} image that is not a record"
    if op in ("add", "add-ref") and (change["before"] is not None or change["after"] is None) \
            or op == "delete" and change["after"] is not None:
        return f"holds a change of {change['id']!r} whose before and after contradict its kind"
    if op == "edit" and (change["before"] is None or change["after"] is None
                         or change["before"].keys() != change["after"].keys()):
        return f"holds an edit of {change['id']!r} without the same fields before and after"
    return None


@functools.cache
def _checks_by_key(table: str) -> dict[str, Check]:
    return dict(record_checks(table))


def _fields_sound(table: str, fields: Any) -> bool:
    if type(fields) is not dict:
        return False
    checks = _checks_by_key(table)
    return all(key in checks and checks[key](value) for key, value in fields.items())


def tables_problem(tables: dict[str, dict[str, Any]]) -> str | None:
    """The first shape problem in loaded tables (records and history), or None."""
    for table in model.RECORD_TABLES:
        for record in tables.get(table, {}).values():
            problem = record_problem(table, record)
            if problem:
                return problem
    for entry in tables.get("history", {}).values():
        problem = history_problem(entry)
        if problem:
            return problem
    return None


def nesting_problem(value: Any, what: str) -> str | None:
    """A sentence when ``value`` cannot be written back (nested too deep for the JSON writer)."""
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError as error:
        return f"{what} cannot be written back ({error})"
    return None


def meta_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with the meta record's change number, or None."""
    seq = meta.get("seq", 0)
    if type(seq) is not int or not 0 <= seq <= MAX_SEQ:
        return f"the meta table's 'seq' is {_describe(seq)} ({str(seq)[:40]}), not a change number"
    return None


def entry_problem(entry: dict[str, Any], tables: tuple[str, ...], records: bool = True) -> str | None:
    """What is wrong with the shape of one journal entry (a change of the store), or None.

    With ``records`` false the records are only required to be objects: an older schema's records lack
    fields a migration adds, and the migrated tables are checked whole afterwards."""
    seq, ops = entry.get("seq"), entry.get("ops")
    if type(seq) is not int or not 0 < seq <= MAX_SEQ:
        return f"an entry has {_describe(seq)} as its change number"
    if type(ops) is not list:
        return f"change {seq} has {_describe(ops)} as its ops, not a list"
    for op in ops:
        if type(op) is not list or len(op) != 3 or type(op[1]) is not str:
            return f"change {seq} has an op that is not [table, id, record]"
        table, rid, record = op
        if table not in tables:
            return f"change {seq} names the unknown table {str(table)[:40]!r}"
        if record is None:
            continue
        problem = (None if type(record) is dict and not records else
                   history_problem(record) if table == "history" else
                   record_problem(table, record) if table in model.RECORD_TABLES else
                   None if type(record) is dict else f"the {table} record is not an object")
        if problem:
            return f"change {seq}: {problem}"
        if record.get("id", rid) != rid:
            return f"change {seq} puts record {record.get('id')!r} under the id {rid!r}"
    return nesting_problem(ops, f"change {seq}")


def refuse(path: str, problem: str, what: str = "store") -> StoreFileError:
    """The one-sentence refusal of a store file or journal with a shape problem."""
    return StoreFileError(f"The {what} {path} is malformed: {problem}; it was left untouched.")
