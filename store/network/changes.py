"""What a history entry changed, in words: "verdict false → true", "note added", "link removed".

The history keeps, per record, the fields a change found and left (with what an annotation or a
link hangs on), a record it added or removed, or only the name of one it added among many (an
import); these functions compare the two sides so the command line and the app say what changed,
and find every change that bears on one record, its annotations and its links included.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claimnet.store import model

from .history import HistoryEntry, history_id

if TYPE_CHECKING:
    from .core import Store

#: Fields never worth reporting (set by the store on every change).
_QUIET = {"updated", "created", "sha256", "id"}
#: Values longer than this are not quoted: the change says "text changed".
_SHORT = 24


def _shown(value: Any) -> str:
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items() if v is not None) or "none"
    return str(value).replace("_", " ") if isinstance(value, str) and " " not in value else str(value)


def _short(value: Any) -> bool:
    return len(_shown(value)) <= _SHORT and "\n" not in _shown(value)


def field_change(field: str, before: Any, after: Any) -> str:
    """One field's change: ``verdict false → true``, ``note added``, ``tags removed``."""
    name = field.replace("_", " ")
    if before in (None, "", [], {}):
        return f"{name} {_shown(after)}" if _short(after) and field != "note" else f"{name} added"
    if after in (None, "", [], {}):
        return f"{name} removed"
    if _short(before) and _short(after):
        return f"{name} {_shown(before)} → {_shown(after)}"
    return f"{name} changed"


def _fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """The changed fields of a record, each in words (for a new record: the fields it was given)."""
    old, new = before or {}, after or {}
    keys = sorted(k for k in set(old) | set(new) if k not in _QUIET and old.get(k) != new.get(k))
    return [field_change(k, old.get(k), new.get(k)) for k in keys]


def describe_change(change: dict[str, Any]) -> str:
    """One record's change in an entry, in words."""
    before, after = change["before"], change["after"]
    kind = model.kind_of_id(change["id"]) or "record"
    if kind == "annotation":
        if after is None:
            return "annotation withdrawn"
        if before is None:
            given = [field_change(k, None, after[k]) for k in ("verdict", "note", "tags", "checks")
                     if after.get(k)]
            return "; ".join(given) or "annotation added"
        return "; ".join(f for f in _fields(before, after) if not f.startswith(("target", "analyst")))
    if kind == "link":
        record = after or before
        what = f"link {record['type'].replace('_', ' ')}"
        if after is None:
            return f"{what} removed"
        if before is None:
            return f"{what} added"
        return f"{what}: " + "; ".join(_fields(before, after))
    if after is None:
        return f"{kind} deleted"
    if before is None:
        return f"{kind} added"
    return "; ".join(_fields(before, after))


def touches(change: dict[str, Any], record_id: str) -> bool:
    """Whether a change is to the record, or to an annotation or link on it."""
    if change["id"] == record_id:
        return True
    for side in (change["before"], change["after"]):
        if side and record_id in (side.get("target"), side.get("from"), side.get("to")):
            return True
    return False


def _entries(store: Store, seqs: list[int]) -> Iterator[HistoryEntry]:
    """The history entries with these sequence numbers, as the lookup index found them."""
    history = store.storage.tables["history"]
    for seq in seqs:
        raw = history.get(history_id(seq))
        if raw is not None:
            yield HistoryEntry.from_dict(raw)


def what_changed(entry: HistoryEntry, record_id: str | None = None) -> str | None:
    """Only the words for what changed ("verdict false → true"), or None when the summary says it
    better (an undo, a record added or deleted, a change to many records)."""
    changes = [c for c in entry.changes if record_id is None or touches(c, record_id)]
    if entry.kind != "change" or not changes or len(changes) > 3:
        return None
    words = [describe_change(c) for c in changes]
    if words == [f"{model.kind_of_id(changes[0]['id'])} added"] or words[0].endswith(" deleted"):
        return None  # "add statement …", "delete actor …" say it already
    return "; ".join(w for w in words if w)


def describe_entry(entry: HistoryEntry, record_id: str | None = None) -> str:
    """What an entry changed, in words; with ``record_id`` only what bears on that record."""
    words = what_changed(entry, record_id)
    if words is None:
        many = sum(1 for c in entry.changes if record_id is None or touches(c, record_id))
        return f"{entry.summary} ({many} records)" if entry.kind == "change" and many > 3 else entry.summary
    quoted_end = entry.summary.rfind("”")
    cut = entry.summary.find(":", max(quoted_end, 0))
    subject = entry.summary if cut < 0 else entry.summary[:cut]
    return f"{subject}: {words}"


def record_history(store: Store, record_id: str, limit: int | None = None) -> list[HistoryEntry]:
    """The newest entries that changed a record, its annotations or its links, newest first."""
    out = []
    index = getattr(store.storage, "index", None)
    entries = store.history() if index is None else _entries(store, index.history_touching(record_id))
    for entry in entries:
        if any(touches(c, record_id) for c in entry.changes):
            out.append(entry)
            if limit is not None and len(out) >= limit:
                break
    return out
