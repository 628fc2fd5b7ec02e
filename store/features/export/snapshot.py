"""A read-only copy of the network (or a referentially closed part of it) that exporters write out.

A selection keeps every record its chosen statements and evidence need, so that the JSON of a
selection imports cleanly into another store: speakers, actors talked about, their affiliation
chains, sources, the links among the chosen records and every annotation on them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from claimnet.store import model

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

#: Called as ``progress(done, total)`` while an export runs.
Progress = Callable[[int, int], None]

#: The JSON keys of each table's records, in the order the model declares them.
FIELDS: dict[str, tuple[str, ...]] = {t: tuple(model.defaults(t)) for t in model.RECORD_TABLES}
_GETTERS = {table: itemgetter(*keys) for table, keys in FIELDS.items()}
CLAIM_TABLES = ("statements", "evidence")


def ordered(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its keys in the model's order (stored files sort them), unknown keys last."""
    keys = FIELDS[table]
    try:
        out = dict(zip(keys, _GETTERS[table](record), strict=True))
    except KeyError:
        out = {key: record[key] for key in keys if key in record}
    if len(out) != len(record):
        out.update({key: record[key] for key in sorted(record) if key not in out})
    if isinstance(out.get("quantity"), dict):
        out["quantity"] = _in_order(out["quantity"], ("value", "unit"))
    if table == "annotations" and isinstance(out.get("checks"), dict):
        out["checks"] = _in_order(out["checks"], model.CHECKS)
    return out


def _in_order(value: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {key: value[key] for key in keys if key in value}
    out.update({key: value[key] for key in sorted(value) if key not in out})
    return out


@dataclass
class Network:
    """Records per table, in store order (the store's own dicts: never change them), with indexes."""

    tables: dict[str, list[dict[str, Any]]]
    selection: list[str] = field(default_factory=list)

    def total(self) -> int:
        """How many records the network holds."""
        return sum(len(records) for records in self.tables.values())

    @cached_property
    def by_id(self) -> dict[str, dict[str, Any]]:
        """Every record by id."""
        return {r["id"]: r for records in self.tables.values() for r in records}

    def _group(self, table: str, key: Callable[[dict[str, Any]], Iterable[str | None]]) -> dict:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in self.tables[table]:
            for value in key(record):
                if value is not None:
                    out[value].append(record)
        return out

    @cached_property
    def annotations(self) -> dict[str, list[dict[str, Any]]]:
        """Annotations by target id, oldest first."""
        return self._group("annotations", lambda r: (r["target"],))

    @cached_property
    def links_in(self) -> dict[str, list[dict[str, Any]]]:
        """Links by the id they point to."""
        return self._group("links", lambda r: (r["to"],))

    @cached_property
    def links_out(self) -> dict[str, list[dict[str, Any]]]:
        """Links by the id they start from."""
        return self._group("links", lambda r: (r["from"],))

    @cached_property
    def said_by(self) -> dict[str, list[dict[str, Any]]]:
        """Statements by speaker id."""
        return self._group("statements", lambda r: (r["speaker"],))

    @cached_property
    def said_about(self) -> dict[str, list[dict[str, Any]]]:
        """Statements by the ids of the actors they are about."""
        return self._group("statements", lambda r: r["about"])

    @cached_property
    def from_source(self) -> dict[str, list[dict[str, Any]]]:
        """Statements and evidence by source id, statements first."""
        out = self._group("statements", lambda r: (r["source"],))
        for key, records in self._group("evidence", lambda r: (r["source"],)).items():
            out[key] = out.get(key, []) + records
        return out

    @cached_property
    def verdicts(self) -> dict[str, dict[str, Any]]:
        """The newest annotation carrying a verdict, by target (newest by ``updated``, then order)."""
        out: dict[str, dict[str, Any]] = {}
        for annotation in self.tables["annotations"]:
            if not annotation.get("verdict"):
                continue
            held = out.get(annotation["target"])
            if held is None or annotation["updated"] >= held["updated"]:
                out[annotation["target"]] = annotation
        return out

    def verdict(self, record_id: str) -> str | None:
        """The newest verdict on a record, or None."""
        annotation = self.verdicts.get(record_id)
        return annotation["verdict"] if annotation else None

    @cached_property
    def names(self) -> dict[str, str]:
        """Actors' names and sources' titles by id (the labels asked for most)."""
        out = {a["id"]: a["name"] for a in self.tables["actors"]}
        out.update((s["id"], s["title"] or s["id"]) for s in self.tables["sources"])
        return out

    def label(self, record_id: str | None) -> str:
        """A short human name for a record: an actor's name, a source's title, a claim's text."""
        if not record_id:
            return ""
        name = self.names.get(record_id)
        if name is not None:
            return name
        record = self.by_id.get(record_id)
        if record is None:
            return record_id
        for key in ("name", "title", "text", "note", "type"):
            value = record.get(key)
            if isinstance(value, str) and value:
                return value
        return record_id


def select(store: Store, actors: Iterable[str] = (), sources: Iterable[str] = (),
           accepted_only: bool = False) -> Network:
    """The network to export: everything, or what the named actors' or sources' claims need.

    ``actors`` and ``sources`` are record ids. With actors, the chosen claims are the statements
    each actor made or is mentioned in and the evidence it reported; with sources, the statements
    and evidence taken from them; with both, the claims that satisfy both. Evidence and
    statements linked to a chosen claim come along one step out. ``accepted_only`` leaves out
    proposed and rejected statements and evidence and the links and annotations on them.
    """
    store.refresh()
    with store.storage._thread_lock:
        raw = {t: store.storage.tables[t] for t in model.RECORD_TABLES}
        return _select(raw, list(actors), list(sources), accepted_only)


def _select(raw: dict[str, dict[str, dict[str, Any]]], actors: list[str], sources: list[str],
            accepted_only: bool) -> Network:
    def keep(rid: str) -> bool:
        if not accepted_only:
            return True
        table = model.table_of_id(rid)
        return table not in CLAIM_TABLES or raw[table][rid]["status"] == "accepted"

    described = [f"actor {raw['actors'][a]['name']} ({a})" for a in actors]
    described += [f"source {raw['sources'][s]['title']} ({s})" for s in sources]
    if accepted_only:
        described.append("accepted only")
    if not actors and not sources:
        chosen = {t: {rid for rid in raw[t] if keep(rid)} for t in model.RECORD_TABLES}
        chosen["links"] = {rid for rid, r in raw["links"].items() if keep(r["from"]) and keep(r["to"])}
        chosen["annotations"] = _annotations(raw, chosen)
        return _network(raw, chosen, described)
    claims = _core_claims(raw, actors, sources)
    claims = {rid for rid in claims if keep(rid)}
    links_by_end: dict[str, list[str]] = defaultdict(list)
    for lid, link in raw["links"].items():
        links_by_end[link["from"]].append(lid)
        links_by_end[link["to"]].append(lid)
    reached = set(claims)
    for rid in claims:
        for lid in links_by_end.get(rid, ()):
            link = raw["links"][lid]
            other = link["to"] if link["from"] == rid else link["from"]
            if model.table_of_id(other) in CLAIM_TABLES and keep(other):
                reached.add(other)
    chosen: dict[str, set[str]] = {t: set() for t in model.RECORD_TABLES}
    for rid in reached:
        chosen[model.table_of_id(rid)].add(rid)
    chosen["actors"].update(actors)
    chosen["sources"].update(sources)
    for rid in claims:
        for lid in links_by_end.get(rid, ()):
            link = raw["links"][lid]
            if model.table_of_id(link["to"]) == "actors":
                chosen["actors"].add(link["to"])
    _needs(raw, chosen)
    ends = set().union(chosen["statements"], chosen["evidence"], chosen["actors"])
    chosen["links"] = {lid for lid, link in raw["links"].items()
                       if link["from"] in ends and link["to"] in ends}
    chosen["annotations"] = _annotations(raw, chosen)
    return _network(raw, chosen, described)


def _core_claims(raw: dict, actors: list[str], sources: list[str]) -> set[str]:
    by_actor: set[str] | None = None
    if actors:
        wanted = set(actors)
        by_actor = {rid for rid, st in raw["statements"].items()
                    if st["speaker"] in wanted or wanted.intersection(st["about"])}
        by_actor.update(rid for rid, ev in raw["evidence"].items() if ev["reported_by"] in wanted)
    by_source: set[str] | None = None
    if sources:
        wanted = set(sources)
        by_source = {rid for table in CLAIM_TABLES for rid, r in raw[table].items()
                     if r["source"] in wanted}
    if by_actor is not None and by_source is not None:
        return by_actor & by_source
    return by_actor if by_actor is not None else by_source or set()


def _needs(raw: dict, chosen: dict[str, set[str]]) -> None:
    """Add the actors and sources the chosen statements and evidence refer to, with affiliations."""
    for table in CLAIM_TABLES:
        for rid in chosen[table]:
            record = raw[table][rid]
            if record["source"]:
                chosen["sources"].add(record["source"])
            if table == "statements":
                chosen["actors"].add(record["speaker"])
                chosen["actors"].update(record["about"])
            elif record["reported_by"]:
                chosen["actors"].add(record["reported_by"])
    for actor in list(chosen["actors"]):
        parent = raw["actors"].get(actor, {}).get("affiliation")
        while parent and parent not in chosen["actors"]:
            chosen["actors"].add(parent)
            parent = raw["actors"].get(parent, {}).get("affiliation")


def _annotations(raw: dict, chosen: dict[str, set[str]]) -> set[str]:
    """Annotations on chosen records, and annotations on those, and so on."""
    targets = set().union(*(chosen[t] for t in model.RECORD_TABLES if t != "annotations"))
    picked: set[str] = set()
    pending = dict(raw["annotations"])
    grew = True
    while grew:
        grew = False
        for aid, annotation in list(pending.items()):
            if annotation["target"] in targets or annotation["target"] in picked:
                picked.add(aid)
                del pending[aid]
                grew = True
    return picked


def _network(raw: dict, chosen: dict[str, set[str]], described: list[str]) -> Network:
    tables = {
        table: [record for rid, record in raw[table].items() if rid in chosen[table]]
        for table in model.RECORD_TABLES
    }
    return Network(tables, described)


class Ticker:
    """Reports progress every ``step`` records, so a large export shows it without slowing down."""

    def __init__(self, progress: Progress | None, total: int, step: int = 2000) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.step = step
        self._next = step

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more records written."""
        self.done += count
        if self.progress is not None and self.done >= self._next:
            self._next = self.done + self.step
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        """Say the export is complete."""
        if self.progress is not None:
            self.progress(self.total, self.total)
