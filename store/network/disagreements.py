"""Where analysts disagree: records whose verdicts or grades differ from one analyst to another.

Each analyst's verdict on a record is the newest verdict among their annotations on it. Grades
(credibility, reliability) are fields of the record itself, so each analyst's grade is the newest
value they set, read from the history of changes still in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimnet.store import model

from .history import CHANGE, DONE

if TYPE_CHECKING:
    from .core import Store

GRADES = ("credibility", "reliability")


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A record and, per field that analysts disagree on, each analyst's value."""

    record_id: str
    views: dict[str, dict[str, str | int]] = field(default_factory=dict)  # field → analyst → value

    def to_dict(self) -> dict[str, object]:
        """The JSON shape: the record's id and, per field, each analyst's value."""
        return {"id": self.record_id, "fields": {k: dict(v) for k, v in self.views.items()}}


def verdicts_by_analyst(store: Store, record_id: str) -> dict[str, str]:
    """Each analyst's newest verdict on a record."""
    out: dict[str, tuple[str, str]] = {}
    for ann in store.annotations_of(record_id):
        if ann.verdict and (ann.analyst not in out or ann.updated >= out[ann.analyst][0]):
            out[ann.analyst] = (ann.updated, ann.verdict)
    return {analyst: verdict for analyst, (_at, verdict) in sorted(out.items())}


def _all_verdicts(store: Store) -> dict[str, dict[str, str]]:
    newest: dict[str, dict[str, tuple[str, str]]] = {}
    for ann in store.all("annotations"):
        if not ann.verdict:
            continue
        seen = newest.setdefault(ann.target, {})
        if ann.analyst not in seen or ann.updated >= seen[ann.analyst][0]:
            seen[ann.analyst] = (ann.updated, ann.verdict)
    return {rid: {a: v for a, (_at, v) in sorted(by.items())} for rid, by in newest.items()}


def _all_grades(store: Store) -> dict[str, dict[str, dict[str, str | int]]]:
    """Per record and grade field, each analyst's newest value (oldest history first, so newest wins)."""
    out: dict[str, dict[str, dict[str, str | int]]] = {}
    for raw in store.storage.tables["history"].values():
        if raw["kind"] != CHANGE or raw.get("state", DONE) != DONE:
            continue
        for change in raw["changes"]:
            before, after = change["before"], change["after"]
            if before is None or after is None:
                continue
            for grade in GRADES:
                if grade in after and after[grade] != before.get(grade):
                    out.setdefault(change["id"], {}).setdefault(grade, {})[raw["who"]] = after[grade]
    return out


def disagreements(store: Store) -> list[Disagreement]:
    """Records on which two or more analysts gave different verdicts or grades, in store order."""
    verdicts, grades = _all_verdicts(store), _all_grades(store)
    found: dict[str, dict[str, dict[str, str | int]]] = {}
    for rid, by in verdicts.items():
        if len(set(by.values())) > 1:
            found.setdefault(rid, {})["verdict"] = dict(by)
    for rid, fields in grades.items():
        for grade, by in fields.items():
            if len(set(by.values())) > 1 and store.raw(rid) is not None:
                found.setdefault(rid, {})[grade] = dict(sorted(by.items()))
    order = {rid: i for table in model.RECORD_TABLES for i, rid in enumerate(store.ids(table))}
    kept = [rid for rid in found if store.raw(rid) is not None]
    kept.sort(key=lambda rid: (model.RECORD_TABLES.index(model.table_of_id(rid)), order.get(rid, 0)))
    return [Disagreement(rid, found[rid]) for rid in kept]


def disputed_ids(store: Store) -> set[str]:
    """The ids of the records analysts disagree on (for a pane filter)."""
    return {d.record_id for d in disagreements(store)}
