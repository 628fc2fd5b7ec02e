"""The history of changes: who changed what and when, and how to undo or redo a change.

Each change is one history entry listing what it did to every record it touched (``changes``):

- ``{"op": "edit", "before": {...}, "after": {...}}`` holds only the fields that changed, before and
  after, plus the fields that say what the record hangs on (a link's ends and type, an
  annotation's target and analyst), so a reader can tell what it concerns without the record;
- ``{"op": "add", "after": record}`` holds a record one change created (it is what changed);
- ``{"op": "add-ref", "after": {context fields}}`` names a record a change created among
  many (an import, a merge) and leaves it in the document, so an import never copies the
  network into the history; undoing the change moves those records into the undo entry, whose
  id the undone entry keeps (``undone_by``), and redo takes them back from there;
- ``{"op": "delete", "before": record}`` keeps a record a change removed.

Entries written before field-level history have no ``op`` and hold whole records (or null) before
and after; they are read, undone and redone as they are. Undo writes the befores back (refusing
when a record changed since, say by another session) and marks the entry undone; redo writes the
afters again. A new change discards what was undone, as in an editor. Undo and redo are
themselves entries, so the history says who undid what.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimnet.store.engine.shapes import CHANGE_OPS, HISTORY_KINDS
from claimnet.store.model.errors import NothingToDo, StoreError

CHANGE, UNDO, REDO = HISTORY_KINDS  # the words the store file's shape check knows
DONE, UNDONE, DISCARDED = "done", "undone", "discarded"
ADD, ADD_REF, EDIT, DELETE = CHANGE_OPS
#: Fields an edit keeps even when unchanged: what the record hangs on, for readers of one entry.
CONTEXT = {"links": ("from", "to", "type"), "annotations": ("target", "analyst")}
#: A change that adds more records than this names them (``add-ref``) instead of copying them.
INLINE_ADDS = 1
#: A record an undo or redo cannot check or rebuild.
UNKNOWN: Any = object()


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


def change_of(table: str, rid: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
              by_ref: bool = False) -> dict[str, Any]:
    """What writing ``after`` over ``before`` did to one record, as a history entry keeps it.

    ``by_ref``: a created record is named (with its context fields), not copied; it stays in the
    document. Undo finds it there: undo takes back the newest change still done, so every later
    change to the record was undone before and it is as the change left it.
    """
    change: dict[str, Any] = {"table": table, "id": rid}
    if before is None and after is None:
        return dict(change, op=DELETE, before=None, after=None)
    if before is None:
        if by_ref:
            stub = {k: after[k] for k in CONTEXT.get(table, ()) if k in after}
            return dict(change, op=ADD_REF, before=None, after=stub)
        return dict(change, op=ADD, before=None, after=after)
    if after is None:
        return dict(change, op=DELETE, before=before, after=None)
    if before.keys() != after.keys():  # a record gaining or losing a field: keep both whole
        return dict(change, before=before, after=after)
    keys = [k for k in after if after[k] != before[k]]
    keys += [k for k in CONTEXT.get(table, ()) if k in after and k not in keys]
    return dict(change, op=EDIT, before={k: before[k] for k in keys}, after={k: after[k] for k in keys})


def _matches(present: dict[str, Any] | None, image: dict[str, Any] | None, op: str | None,
             side: str) -> bool:
    """Whether a record's present value is what a change's ``side`` (before or after) says."""
    if op == EDIT or op == ADD_REF and side == "after":  # some fields of the record: those must agree
        return present is not None and all(present.get(k, UNKNOWN) == v for k, v in image.items())
    return present == image


def reversal(entry: dict[str, Any], current: dict[str, dict[str, Any] | None], forward: bool,
             images: dict[str, dict[str, Any]] | None = None) -> list[list[Any]]:
    """The ops that undo (or, with ``forward``, redo) ``entry``, checked against ``current``.

    ``current`` maps each touched record id to its present value. A record whose present value
    is not what the entry left (or, for redo, what it found) was changed since; reversing would
    overwrite that, so it is refused. ``images`` gives the records a redo of an ``add-ref`` puts
    back (read from the entry that undid it).
    """
    ops = []
    expect_key, write_key = ("before", "after") if forward else ("after", "before")
    verb = "redo" if forward else "undo"
    for change in entry["changes"]:
        rid, op = change["id"], change.get("op")
        present = current.get(rid)
        if not _matches(present, change[expect_key], op, expect_key):
            raise StoreError(f"Cannot {verb} “{entry['summary']}”: {rid} was changed since.")
        if op == EDIT:
            written = dict(present, **change[write_key])
        elif op == ADD_REF and forward:
            written = (images or {}).get(rid)
            if written is None:
                raise StoreError(f"Cannot {verb} “{entry['summary']}”: the history no longer "
                                 f"holds {rid} as it was added.")
        else:
            written = change[write_key]
        ops.append([change["table"], rid, written])
    return ops


def removed_images(entry: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    """The whole records an entry removed (an undo entry keeps what it took out of the document)."""
    if entry is None:
        return {}
    return {c["id"]: c["before"] for c in entry["changes"] if c["after"] is None and c["before"]}


def earlier(change: dict[str, Any], image: Any) -> Any:
    """A record's value before ``change``, given its value after (UNKNOWN when it cannot be told)."""
    op = change.get("op")
    if op == EDIT:
        fields = change.get("before")
        return dict(image, **fields) if isinstance(image, dict) and isinstance(fields, dict) else UNKNOWN
    return change.get("before")  # add, add-ref: none; delete and whole-record entries: as kept


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
