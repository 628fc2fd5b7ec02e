"""The Store: the one API through which a claim network is read and changed.

Every change is validated against the newest state (caught up from other sessions under the
store's lock), recorded in the history with its before and after, made durable in the journal,
and only then applied and returned.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Iterable
from typing import Any

from claimnet.store import model
from claimnet.store.engine.document import HISTORY_TABLE
from claimnet.store.engine.index_follower import IndexFollower
from claimnet.store.engine.storage import Storage
from claimnet.store.engine.sync import synchronise_public
from claimnet.store.model.errors import NotFound, StoreError, ValidationError
from claimnet.store.model.ids import new_id, now

from . import history as hist
from .batch import check_batch
from .bulk import BulkChangesMixin
from .dependents import dependents_of, removal_ops
from .queries import QueriesMixin
from .search import SearchMixin
from .validate import validate

_FIXED_FIELDS = ("id", "created", "updated", "sha256")


def default_analyst() -> str:
    """Who is making changes: ``CLAIMNET_ANALYST``, else the login name."""
    name = os.environ.get("CLAIMNET_ANALYST")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@synchronise_public
class Store(BulkChangesMixin, QueriesMixin, SearchMixin):
    """A claim network kept in one store file; open it with ``store.open_store``.

    Every method first catches up with changes other sessions made, except ``find`` and
    ``get``: single lookups in this session's memory that never wait (the app calls them on
    its UI thread); call ``refresh()`` first where another session's change must be seen.
    """

    def __init__(self, storage: Storage, analyst: str | None = None) -> None:
        self.storage = storage
        self.analyst = analyst or default_analyst()
        self.created_new = False
        self.migrated_from: int | None = None
        self.follower: IndexFollower | None = None  # the lookup index a whole-file session searches

    @property
    def path(self) -> str:
        """The store file's path."""
        return self.storage.path

    def close(self) -> None:
        """Fold pending changes into the store file and release it."""
        self.storage.close()
        if self.follower is not None:
            self.follower.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Catch up with another session's changes; True when something changed."""
        return self.storage.refresh()

    @property
    def generation(self) -> int:
        """A number that changes whenever the data does (for caches and screens)."""
        return self.storage.generation

    def wrote(self, generation: int) -> bool:
        """Whether ``generation`` came from a change this process committed (not another session's)."""
        return generation in self.storage.written_generations

    def raw(self, record_id: str) -> dict[str, Any] | None:
        """The stored JSON dict of a record, or None; for the store's own modules: never mutate it."""
        table = model.table_of_id(record_id)
        if table is None:
            return None
        return self.storage.tables[table].get(record_id)

    def find(self, record_id: str) -> model.Record | None:
        """The record with this exact id, or None."""
        raw = self.raw(record_id)
        return None if raw is None else model.from_dict(model.table_of_id(record_id), raw)

    def get(self, record_id: str) -> model.Record:
        """The record with this exact id; NotFound when there is none."""
        record = self.find(record_id)
        if record is None:
            raise NotFound(f"There is no record with id {record_id!r}.")
        return record

    def all(self, table: str) -> list[model.Record]:
        """Every record of a table (``actors``, ``statements`` …) in the order they were added."""
        cls = model.BY_TABLE[table]
        return [cls.from_dict(raw) for raw in self.storage.tables[table].values()]

    def plain(self, table: str) -> list[dict[str, Any]]:
        """Every record of a table in its JSON shape (what ``to_dict`` gives), in store order, without
        building records: for listings, several times faster than ``all``. Never mutate them: their
        values may be the store's own (and a default list may be shared between rows)."""
        blank = model.defaults(table)
        return [{**blank, **{key: raw[key] for key in blank if key in raw}}
                for raw in self.storage.tables[table].values()]

    def count(self, table: str) -> int:
        """How many records a table holds."""
        return len(self.storage.tables[table])

    def ids(self, table: str) -> list[str]:
        """The ids of a table's records, in the order they were added."""
        return list(self.storage.tables[table])

    def history(self, limit: int | None = None, record: str | None = None) -> list[hist.HistoryEntry]:
        """The newest history entries first, optionally only those touching ``record``."""
        out = []
        for raw in reversed(self.storage.tables[HISTORY_TABLE].values()):
            if record is not None and record not in (c["id"] for c in raw["changes"]):
                continue
            out.append(hist.HistoryEntry.from_dict(raw))
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- changing ------------------------------------------------------------------------

    def create(self, record_kind: str, /, **fields: Any) -> model.Record:
        """Add a record of ``record_kind`` (actor, statement …) with ``fields``; the saved record."""
        kind = record_kind
        cls = model.BY_KIND.get(kind)
        if cls is None:
            raise ValidationError(f"There is no record kind {kind!r}.", field="kind")
        with self.storage.write_transaction():
            record = self._build(cls, fields)
            self._commit(f"add {kind} {hist.label(record)}", [[cls.TABLE, record["id"], record]])
        return cls.from_dict(record)

    def _build(self, cls: type[model.Record], fields: dict[str, Any]) -> dict[str, Any]:
        record = model.defaults(cls.TABLE)
        fields = _json_fields(fields)
        for key in _FIXED_FIELDS:
            if key in fields and key != "id":
                raise ValidationError(f"{cls.KIND}.{key} is set by the store.", field=key)
        record.update(fields)
        if "id" in fields:
            if not isinstance(record["id"], str) or model.table_of_id(record["id"]) != cls.TABLE:
                raise ValidationError(
                    f"{cls.KIND}.id must start with {cls.PREFIX}-, not {record['id']!r}.",
                    field="id",
                )
            if self.raw(record["id"]) is not None:
                raise ValidationError(f"{cls.KIND}.id {record['id']!r} is taken.", field="id")
        else:
            record["id"] = new_id(cls.PREFIX, self.storage.tables[cls.TABLE])
        if cls is model.Annotation and not record["analyst"]:
            record["analyst"] = self.analyst
        stamp = now()
        record["created"] = record["updated"] = stamp
        self._normalise(cls.TABLE, record)
        validate(cls.TABLE, record, self.raw)
        self._check_unique(cls.TABLE, record)
        return record

    def update(self, record_id: str, **fields: Any) -> model.Record:
        """Change some fields of a record; the saved record."""
        with self.storage.write_transaction():
            table, record = self._updated(record_id, fields)
            before = self.raw(record_id)
            changed = sorted(k for k in record if record[k] != before.get(k) and k != "updated")
            if not changed:
                return model.from_dict(table, before)
            summary = f"edit {model.kind_of_id(record_id)} {hist.label(record)}: {', '.join(changed)}"
            self._commit(summary, [[table, record_id, record]])
        return model.from_dict(table, record)

    def _updated(self, record_id: str, fields: dict[str, Any],
                 check: bool = True) -> tuple[str, dict[str, Any]]:
        table = model.table_of_id(record_id)
        before = self.raw(record_id)
        if table is None or before is None:
            raise NotFound(f"There is no record with id {record_id!r}.")
        fields = _json_fields(fields)
        kind = model.kind_of_id(record_id)
        for key in fields:
            if key in _FIXED_FIELDS:
                raise ValidationError(f"{kind}.{key} cannot be changed.", field=key)
        record = dict(before)
        record.update(fields)
        if "span" in fields and "spans" not in fields and record.get("spans"):
            # a span set by hand: it is the first telling; no span, no tellings
            record["spans"] = [list(record["span"]), *record["spans"][1:]] if record["span"] else []
        record["updated"] = now()
        self._normalise(table, record)
        if not check:
            return table, record
        validate(table, record, self.raw)
        self._check_unique(table, record)
        if table == "sources" and record["text"] != before["text"]:
            self._check_spans_into(record)
        return table, record

    def _check_spans_into(self, source: dict[str, Any]) -> None:
        """Refuse a new source text that spans of its statements or evidence no longer fit."""
        broken = []
        for item in self.records_from_source(source["id"]):
            raw = dict(self.raw(item.id), source=source["id"])
            try:
                validate(model.table_of_id(item.id), raw,
                         lambda rid: source if rid == source["id"] else self.raw(rid))
            except ValidationError:
                broken.append(item.id)
        if broken:
            shown = ", ".join(broken[:4]) + (" …" if len(broken) > 4 else "")
            raise ValidationError(
                f"source.text: {len(broken)} statement(s) or evidence point into the old text "
                f"and would no longer fit ({shown}); change their spans first.",
                field="text",
            )

    def dependents(self, record_id: str) -> list[str]:
        """Ids of the records that depend on ``record_id`` and go or change with it."""
        if self.raw(record_id) is None:
            raise NotFound(f"There is no record with id {record_id!r}.")
        return dependents_of(self, record_id)

    def delete(self, record_id: str, cascade: bool = False) -> list[str]:
        """Delete a record; with ``cascade`` also what depends on it. The ids removed or changed."""
        with self.storage.write_transaction():
            if self.raw(record_id) is None:
                raise NotFound(f"There is no record with id {record_id!r}.")
            ops = removal_ops(self, record_id, cascade)
            self._commit(f"delete {model.kind_of_id(record_id)} {hist.label(self.raw(record_id))}", ops)
        return [op[1] for op in ops]

    def link(self, from_id: str, to_id: str, type: str, weight: int | None = None,
             note: str | None = None) -> model.Link:
        """Join two records with a typed link."""
        record = self.create("link", from_=from_id, to=to_id, type=type, weight=weight, note=note)
        assert isinstance(record, model.Link)
        return record

    def unlink(self, link_id: str) -> None:
        """Remove a link (and the annotations on it)."""
        if model.kind_of_id(link_id) != "link":
            raise ValidationError(f"{link_id!r} is not a link.", field="id")
        self.delete(link_id, cascade=True)

    def annotate(self, target: str, note: str | None = None, tags: Iterable[str] = (),
                 verdict: str | None = None, checks: dict[str, bool | None] | None = None,
                 credibility: int | None = None, reliability: str | None = None) -> model.Annotation | None:
        """Add an analyst's annotation and/or grade a record, as one undoable change.

        ``credibility`` (statements, evidence) and ``reliability`` (actors, sources) are fields
        of the record itself; note, tags, verdict and checks make a new annotation.
        """
        with self.storage.write_transaction():
            if self.raw(target) is None:
                raise NotFound(f"There is no record with id {target!r}.")
            ops, annotation = [], None
            grades = {k: v for k, v in (("credibility", credibility), ("reliability", reliability))
                      if v is not None}
            if grades:
                kind = model.kind_of_id(target)
                allowed = model.field_names(model.table_of_id(target))
                for key in grades:
                    if key not in allowed:
                        article = "An" if kind[0] in "aeiou" else "A"
                        raise ValidationError(f"{article} {kind} has no {key}.", field=key)
                table, record = self._updated(target, grades)
                if any(record[k] != self.raw(target)[k] for k in grades):
                    ops.append([table, target, record])
            if isinstance(tags, str):
                raise ValidationError("annotation.tags must be a list of tags, not one string.",
                                      field="tags")
            tags = [t.strip() if isinstance(t, str) else t for t in tags]
            if note is not None or tags or verdict is not None or checks:
                annotation = self._build(model.Annotation, {
                    "target": target, "note": note, "tags": tags, "verdict": verdict,
                    "checks": dict(checks or {}),
                })
                ops.append(["annotations", annotation["id"], annotation])
            if not ops:
                if grades:
                    return None  # the grade was already what was asked: nothing to save
                raise ValidationError("Nothing to annotate: give a note, tag, verdict, check or grade.")
            what = [f"{k} {v}" for k, v in grades.items() if any(op[1] == target for op in ops)]
            if annotation is not None:
                what += [f"verdict {verdict}"] if verdict else []
                what += ["note"] if note else []
                what += [f"tags {', '.join(tags)}"] if tags else []
                what += ["checks"] if checks else []
            self._commit(f"annotate {hist.label(self.raw(target))}: {'; '.join(what)}", ops)
        return None if annotation is None else model.Annotation.from_dict(annotation)

    def undo(self) -> hist.HistoryEntry:
        """Undo the newest change still done; the entry that was undone."""
        return self._reverse(forward=False)

    def redo(self) -> hist.HistoryEntry:
        """Redo the change undone most recently; the entry that was redone."""
        return self._reverse(forward=True)

    def _reverse(self, forward: bool) -> hist.HistoryEntry:
        with self.storage.write_transaction():
            entries = self.storage.tables[HISTORY_TABLE]
            entry = hist.next_undone(entries) if forward else hist.last_done(entries)
            current = {c["id"]: self.raw(c["id"]) for c in entry["changes"]}
            images = hist.removed_images(entries.get(entry.get("undone_by"))) if forward else None
            ops = hist.reversal(entry, current, forward, images)
            kind = hist.REDO if forward else hist.UNDO
            marked = dict(entry, state=hist.DONE if forward else hist.UNDONE)
            if forward:
                marked.pop("undone_by", None)
            else:  # redo reads what this undo takes out of the document from the undo's entry
                marked["undone_by"] = hist.history_id(self.storage.seq + 1)
            ops.append([HISTORY_TABLE, entry["id"], marked])
            self._commit(f"{kind} {entry['summary']}", ops, kind=kind, target=entry["id"])
        return hist.HistoryEntry.from_dict(marked)

    # -- internals -----------------------------------------------------------------------

    def _normalise(self, table: str, record: dict[str, Any]) -> None:
        for key, value in list(record.items()):
            if isinstance(value, tuple):
                record[key] = list(value)
        if table == "sources":
            text = record.get("text")
            record["sha256"] = hashlib.sha256((text if isinstance(text, str) else "").encode()).hexdigest()
        if table == "annotations" and isinstance(record.get("tags"), list):
            record["tags"] = [t.strip() if isinstance(t, str) else t for t in record["tags"]]

    def _check_batch(self, ops: list[list[Any]]) -> None:
        def existing_link(key: tuple[str, str, str], pending: dict[str, Any]) -> str | None:
            return next((lk.id for lk in self.links_from(key[0], key[2])
                         if lk.to == key[1] and lk.id not in pending), None)

        check_batch(ops, self.raw, existing_link)

    def _check_unique(self, table: str, record: dict[str, Any]) -> None:
        if table != "links":
            return
        for other in self.links_from(record["from"], record["type"]):
            if other.to == record["to"] and other.id != record["id"]:
                raise ValidationError(
                    f"link: {record['from']} already {record['type']} {record['to']} ({other.id}).",
                    field="type",
                )

    def _commit(self, summary: str, ops: list[list[Any]], kind: str = hist.CHANGE,
                target: str | None = None, details: dict[str, Any] | None = None) -> None:
        storage = self.storage
        seq = storage.seq + 1
        adds = sum(1 for t, rid, rec in ops if t != HISTORY_TABLE and rec is not None
                   and self.raw(rid) is None)
        by_ref = adds > hist.INLINE_ADDS  # many records added (an import): the document holds them
        changes = [hist.change_of(t, rid, self.raw(rid), rec, by_ref)
                   for t, rid, rec in ops if t != HISTORY_TABLE]
        entry = {
            "id": hist.history_id(seq), "seq": seq, "at": now(), "who": self.analyst,
            "kind": kind, "summary": summary, "changes": changes,
            "state": hist.DONE, "target": target,
        }
        if details is not None:
            entry["details"] = details
        all_ops = list(ops)
        if kind == hist.CHANGE:
            for undone in hist.undone_entries(storage.tables[HISTORY_TABLE]):
                all_ops.append([HISTORY_TABLE, undone["id"], dict(undone, state=hist.DISCARDED)])
        all_ops.append([HISTORY_TABLE, entry["id"], entry])
        committed = storage.commit(all_ops)
        if committed != seq:
            raise StoreError("The store's sequence moved during a change; nothing was lost.")


def _json_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in fields.items():
        key = "from" if key == "from_" else key
        out[key] = list(value) if isinstance(value, tuple) else value
    return out
