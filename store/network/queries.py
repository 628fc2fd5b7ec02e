"""Read-only queries the screens and the command line need, over lazily built indexes.

Each index is rebuilt only when the table it reads has changed since it was built, so browsing
a large store stays cheap while edits elsewhere do not invalidate it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from operator import itemgetter
from typing import Any, TypeVar

from claimnet.store import model
from claimnet.store.model.errors import Ambiguous, NotFound
from claimnet.store.model.textnorm import normalise

from . import refs

R = TypeVar("R")

#: The groups queries look records up by: name → (table, the keys of one record).
GROUPS: dict[str, tuple[str, Callable[[dict], Any]]] = {
    "speaker": ("statements", lambda r: (r["speaker"],)),
    "about": ("statements", lambda r: r["about"]),
    "affiliation": ("actors", lambda r: (r["affiliation"],)),
    "reported_by": ("evidence", lambda r: (r["reported_by"],)),
    "source:statements": ("statements", lambda r: (r["source"],)),
    "source:evidence": ("evidence", lambda r: (r["source"],)),
    "link_from": ("links", lambda r: (r["from"],)),
    "link_to": ("links", lambda r: (r["to"],)),
    "target": ("annotations", lambda r: (r["target"],)),
    "names": ("actors", lambda r: list({normalise(n) for n in (r["name"], *r["aliases"])})),
    "titles": ("sources", lambda r: (normalise(r["title"]),)),
}


class _LookedUp(Mapping[str, list[str]]):
    """A mapping whose ``get`` does the work (a query), so indexing goes through it."""

    def __getitem__(self, key: str) -> list[str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


class GroupView(_LookedUp):
    """A group read from the lookup index: ``get`` asks for one key, iterating reads them all."""

    def __init__(self, index: Any, name: str) -> None:
        self.index = index
        self.name = name

    def get(self, key: Any, default: Any = None) -> Any:
        """The ids under one key, or ``default``."""
        found = self.index.grouped(self.name, key) if isinstance(key, str) else []
        return found or default


    def __iter__(self) -> Iterator[str]:
        return iter(self.index.group_items(self.name))

    def __len__(self) -> int:
        return len(self.index.group_items(self.name))

    def items(self) -> Any:
        """Every key with its ids."""
        return self.index.group_items(self.name).items()


class MergedGroups(_LookedUp):
    """Two groups read as one (actor names and source titles)."""

    def __init__(self, *groups: Mapping[str, list[str]]) -> None:
        self.groups = groups

    def get(self, key: Any, default: Any = None) -> Any:
        """The ids under one key in every group, or ``default``."""
        found = [rid for group in self.groups for rid in group.get(key, [])]
        return found or default


    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(key for group in self.groups for key in group))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class QueriesMixin:
    """Queries over a Store's data (mixed into ``Store``)."""

    storage: Any
    raw: Callable[[str], dict[str, Any] | None]

    def one_read(self, read: Callable[[Any], R]) -> R:
        """``read(store)`` as one read: caught up with other sessions once, none of their changes
        applied midway (a pane's window of 200 rows asks for marks and links 400 times)."""
        return read(self)

    def _index(self, name: str, table: str, build: Callable[[dict[str, dict]], Any]) -> Any:
        cache = self.__dict__.setdefault("_indexes", {})
        stamp = self.storage.table_generation.get(table, 0), id(self.storage.tables[table])
        hit = cache.get(name)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = build(self.storage.tables[table])
        cache[name] = (stamp, value)
        return value

    def _group(self, name: str) -> Mapping[str, list[str]]:
        index = getattr(self.storage, "index", None)
        if index is not None:
            return GroupView(index, name)
        table, keys = GROUPS[name]

        def build(records: dict[str, dict]) -> dict[str, list[str]]:
            out: dict[str, list[str]] = defaultdict(list)
            for rid, rec in records.items():
                for key in keys(rec):
                    if key is not None:
                        out[key].append(rid)
            return dict(out)

        return self._index(name, table, build)

    def _records(self, table: str, ids: list[str]) -> list[Any]:
        cls = model.BY_TABLE[table]
        records = self.storage.tables[table]
        return [cls.from_dict(records[rid]) for rid in ids if rid in records]

    # -- statements and actors -----------------------------------------------------------

    def statements_by(self, actor_id: str) -> list[model.Statement]:
        """Statements the actor made."""
        index = self._group("speaker")
        return self._records("statements", index.get(actor_id, []))

    def statements_about(self, actor_id: str) -> list[model.Statement]:
        """Statements that mention the actor (its ``about`` list)."""
        index = self._group("about")
        return self._records("statements", index.get(actor_id, []))

    def statements_for_actor(self, actor_id: str) -> list[model.Statement]:
        """Statements the actor made or is mentioned in, each once, in store order."""
        by = self._group("speaker").get(actor_id, [])
        about = self._group("about").get(actor_id, [])
        if not about:
            return self._records("statements", by)
        wanted = set(by) | set(about)
        order = self.storage.tables["statements"]
        return self._records("statements", [rid for rid in order if rid in wanted])

    def statement_counts(self) -> dict[str, int]:
        """How many statements each actor made, by actor id (counted: no lists of ids are built)."""
        index = getattr(self.storage, "index", None)
        if index is not None:
            return index.group_counts("speaker")

        def build(records: dict[str, dict]) -> dict[str, int]:
            return dict(Counter(map(itemgetter("speaker"), records.values())))  # 2x a generator

        return self._index("count:speaker", "statements", build)

    def affiliates(self, actor_id: str) -> list[model.Actor]:
        """Actors whose affiliation is this actor (members, ministries of a state …)."""
        index = self._group("affiliation")
        return self._records("actors", index.get(actor_id, []))

    def affiliation_chain(self, actor_id: str) -> list[model.Actor]:
        """The actor's affiliation, its affiliation's, and so on up (Kim Inae → ministry → state)."""
        chain, seen = [], {actor_id}
        current = self.raw(actor_id)
        while current is not None and current.get("affiliation") not in (None, *seen):
            parent = current["affiliation"]
            seen.add(parent)
            current = self.raw(parent)
            if current is not None:
                chain.append(model.Actor.from_dict(current))
        return chain

    def evidence_reported_by(self, actor_id: str) -> list[model.Evidence]:
        """Evidence the actor reported."""
        index = self._group("reported_by")
        return self._records("evidence", index.get(actor_id, []))

    def records_from_source(self, source_id: str) -> list[model.Record]:
        """Statements and evidence taken from a source."""
        out: list[model.Record] = []
        for table in ("statements", "evidence"):
            index = self._group(f"source:{table}")
            out.extend(self._records(table, index.get(source_id, [])))
        return out

    # -- links and annotations -----------------------------------------------------------

    def links_from(self, record_id: str, type: str | None = None) -> list[model.Link]:
        """Links going out of a record, optionally of one type."""
        index = self._group("link_from")
        links = self._records("links", index.get(record_id, []))
        return [lk for lk in links if type is None or lk.type == type]

    def links_to(self, record_id: str, type: str | None = None) -> list[model.Link]:
        """Links coming into a record, optionally of one type."""
        index = self._group("link_to")
        links = self._records("links", index.get(record_id, []))
        return [lk for lk in links if type is None or lk.type == type]

    def links_of(self, record_id: str) -> list[model.Link]:
        """Every link touching a record, out then in."""
        return self.links_from(record_id) + self.links_to(record_id)

    def linked(self, record_id: str, type: str | None = None,
               direction: str = "both") -> list[tuple[model.Link, str, model.Record]]:
        """(link, "out" or "in", the record at the other end) for a record's links."""
        out = []
        if direction in ("both", "out"):
            out += [(lk, "out", self.find(lk.to)) for lk in self.links_from(record_id, type)]
        if direction in ("both", "in"):
            out += [(lk, "in", self.find(lk.from_)) for lk in self.links_to(record_id, type)]
        return [(lk, way, other) for lk, way, other in out if other is not None]

    def evidence_for(self, statement_id: str) -> dict[str, list[model.Evidence]]:
        """Evidence bearing on a statement, grouped by link type (supports, contradicts …)."""
        groups: dict[str, list[model.Evidence]] = defaultdict(list)
        for link, _way, other in self.linked(statement_id, direction="in"):
            if isinstance(other, model.Evidence):
                groups[link.type].append(other)
        return dict(groups)

    def annotations_of(self, target: str) -> list[model.Annotation]:
        """Annotations on a record, oldest first."""
        index = self._group("target")
        return self._records("annotations", index.get(target, []))

    def annotation_marks(self) -> dict[str, tuple[str | None, bool, list[str]]]:
        """Per annotated record: the newest verdict, whether it has a note, and its tags in the
        order first given (one pass over the stored annotations, kept until they change)."""

        def build(records: dict[str, dict]) -> dict[str, tuple[str | None, bool, list[str]]]:
            out: dict[str, tuple[str | None, bool, list[str]]] = {}
            for ann in records.values():
                verdict, noted, tags = out.get(ann["target"], (None, False, []))
                new_tags = [t for t in ann.get("tags") or () if t not in tags]
                out[ann["target"]] = (ann.get("verdict") or verdict, noted or bool(ann.get("note")),
                                      tags + new_tags if new_tags else tags)
            return out

        return self._index("marks", "annotations", build)

    def verdict_of(self, target: str) -> str | None:
        """The verdict of the most recently written annotation that gives one, or None."""
        given = [a for a in self.annotations_of(target) if a.verdict]
        return max(given, key=lambda a: a.updated).verdict if given else None

    def tags_of(self, target: str) -> list[str]:
        """Every tag on a record, in the order first given."""
        seen: dict[str, None] = {}
        for annotation in self.annotations_of(target):
            seen.update(dict.fromkeys(annotation.tags))
        return list(seen)

    # -- references ----------------------------------------------------------------------

    def resolve(self, ref: str, kind: str | None = None) -> model.Record:
        """The record a person means by ``ref``: an id, a name or alias, or a unique id prefix."""
        ref = ref.strip()
        if not ref:
            raise NotFound("An empty reference names no record.")
        record = self.find(ref)
        if record is not None and (kind is None or kind == record.KIND):
            return record
        tables = [model.BY_KIND[kind].TABLE] if kind else list(model.RECORD_TABLES)
        by_name = self._name_index()
        named = [rid for rid in by_name.get(normalise(ref), []) if model.table_of_id(rid) in tables]
        if len(named) == 1:
            return self.get(named[0])
        if len(named) > 1:
            labels = [f"{self._display_name(rid)} ({rid})" for rid in named]
            raise Ambiguous(f"{ref!r} could mean {refs.candidate_list(labels)}; use an id.", named)
        prefixed = [rid for table in tables for rid in _starting_with(self.storage.tables[table], ref)]
        if len(prefixed) == 1:
            return self.get(prefixed[0])
        if len(prefixed) > 1:
            raise Ambiguous(f"{ref!r} is the start of {_list(prefixed)}; type more of the id.", prefixed)
        in_tables = {name: kept for name, ids in by_name.items()
                     if (kept := [rid for rid in ids if model.table_of_id(rid) in tables])}
        parts = refs.partial_matches(ref, in_tables)
        if len(parts) == 1:
            return self.get(parts[0])
        if len(parts) > 1:
            labels = [f"{self._display_name(rid)} ({rid})" for rid in parts]
            raise Ambiguous(f"{ref!r} could mean {refs.candidate_list(labels)}; "
                            "give more of the name or an id.", parts)
        what = kind or "record"
        near = refs.nearest_names(ref, (self._display_name(rid) for ids in in_tables.values()
                                        for rid in ids))
        hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        raise NotFound(f"No {what} is called or has an id starting with {ref!r}.{hint}")

    def _display_name(self, record_id: str) -> str:
        """An actor's name or a source's title, as the person typed it."""
        raw = self.raw(record_id) or {}
        return raw.get("name") or raw.get("title") or record_id

    def _name_index(self) -> Mapping[str, list[str]]:
        actors = self._group("names")
        sources = self._group("titles")
        if isinstance(actors, GroupView):
            return MergedGroups(actors, sources)
        merged = dict(actors)
        for key, ids in sources.items():
            merged[key] = merged.get(key, []) + ids
        return merged


def _starting_with(records: Any, prefix: str) -> list[str]:
    """Ids of a table that start with ``prefix`` (through the lookup index when it has one)."""
    if hasattr(records, "starting_with"):
        return records.starting_with(prefix)
    return [rid for rid in records if rid.startswith(prefix)]


def _list(ids: list[str]) -> str:
    shown = ", ".join(ids[:6])
    return shown + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")
