"""The history of changes: who changed what and when, and how to undo or redo a change.

Each change is one history entry holding the before and after of every record it touched. Undo
writes the befores back (refusing when a record changed since, say by another session) and marks
the entry undone; redo writes the afters again. A new change discards what was undone, as in an
editor. Undo and redo are themselves entries, so the history says who undid what.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimnet.store.model.errors import NothingToDo, StoreError

CHANGE, UNDO, REDO = "change", "undo", "redo"
DONE, UNDONE, DISCARDED = "done", "undone", "discarded"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change as the history keeps it."""

    id: str
    seq: int
    at: str
    who: str
    kind: str
    summary: str
    changes: tuple[dict[str, Any], ...]
    state: str
    target: str | None = None
    details: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        """Build an entry from its stored shape."""
        return cls(
            id=data["id"],
            seq=data["seq"],
            at=data["at"],
            who=data["who"],
            kind=data["kind"],
            summary=data["summary"],
            changes=tuple(data["changes"]),
            state=data.get("state", DONE),
            target=data.get("target"),
            details=data.get("details"),
        )

    def record_ids(self) -> list[str]:
        """The ids of the records this change touched."""
        return [change["id"] for change in self.changes]


def history_id(seq: int) -> str:
    """The id of the history entry written at journal sequence ``seq``."""
    return f"h-{seq:08d}"


def last_done(entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The newest change that can be undone."""
    for entry in reversed(entries.values()):
        if entry["kind"] == CHANGE and entry["state"] == DONE:
            return entry
    raise NothingToDo("There is nothing to undo.")


def next_undone(entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The change undone most recently, which redo brings back."""
    found = None
    for entry in reversed(entries.values()):
        if entry["kind"] != CHANGE:
            continue
        if entry["state"] == UNDONE:
            found = entry
        elif entry["state"] == DONE:
            break
    if found is None:
        raise NothingToDo("There is nothing to redo.")
    return found


def undone_entries(entries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Changes that were undone and would be discarded by a new change."""
    out = []
    for entry in reversed(entries.values()):
        if entry["kind"] != CHANGE:
            continue
        if entry["state"] == UNDONE:
            out.append(entry)
        elif entry["state"] == DONE:
            break
    return out


def reversal(entry: dict[str, Any], current: dict[str, dict[str, Any] | None], forward: bool):
    """The ops that undo (or, with ``forward``, redo) ``entry``, checked against ``current``.

    ``current`` maps each touched record id to its present value. A record whose present value
    is not what the entry left (or, for redo, what it found) was changed since; reversing would
    overwrite that, so it is refused.
    """
    ops = []
    expect_key, write_key = ("before", "after") if forward else ("after", "before")
    for change in entry["changes"]:
        present = current.get(change["id"])
        if present != change[expect_key]:
            verb = "redo" if forward else "undo"
            raise StoreError(
                f"Cannot {verb} “{entry['summary']}”: {change['id']} was changed since."
            )
        ops.append([change["table"], change["id"], change[write_key]])
    return ops


def label(record: dict[str, Any] | None) -> str:
    """A record as history summaries name it: its id and the start of its name or text."""
    if record is None:
        return ""
    for key in ("name", "title", "text", "type"):
        value = record.get(key)
        if isinstance(value, str) and value:
            short = value if len(value) <= 40 else value[:39] + "…"
            return f"{record['id']} “{short}”"
    return record["id"]
