"""Full-text search over names, aliases, statements, quotes, evidence, titles and annotations.

Case- and accent-insensitive; every query word must occur in the record; results are ranked so
an exact name or alias comes first, then records whose name holds every word, then whole-word
matches, then matches inside words. A loop over folded in-memory text, not TinyDB queries: each
record's folded text is cached and only refolded when that record changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import model
from .textnorm import fold, fold_offsets, normalise, words

#: The fields searched per table; the first group are "names" for ranking.
SEARCH_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "actors": (("name", "aliases"), ("role",)),
    "sources": (("title",), ("outlet",)),
    "statements": ((), ("quote", "text")),
    "evidence": ((), ("text",)),
    "annotations": ((), ("note", "tags")),
}
KIND_ORDER = {"actors": 0, "sources": 1, "statements": 2, "evidence": 3, "annotations": 4}
_SEP = "\x1f"
SNIPPET_WIDTH = 70


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: what it is, its id, where it matched and a short snippet."""

    kind: str
    id: str
    field: str
    snippet: str
    rank: int
    target: str | None = None  # for annotations: the record annotated


def _field_values(record: dict[str, Any], field: str) -> list[str]:
    value = record.get(field)
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _fields(table: str, record: dict[str, Any]) -> list[tuple[str, str, bool]]:
    names, others = SEARCH_FIELDS[table]
    out = [(f, v, True) for f in names for v in _field_values(record, f)]
    out += [(f, v, False) for f in others for v in _field_values(record, f)]
    return out


class SearchMixin:
    """Search over a Store's records (mixed into ``Store``)."""

    storage: Any
    _index: Callable[..., Any]

    def _folded(self, table: str) -> dict[str, str]:
        cache = self.__dict__.setdefault("_fold_cache", {})
        previous: dict[str, tuple[dict, str]] = cache.get(table, {})

        def build(records: dict[str, dict]) -> dict[str, str]:
            current: dict[str, tuple[dict, str]] = {}
            for rid, rec in records.items():
                hit = previous.get(rid)
                if hit is not None and hit[0] is rec:
                    current[rid] = hit
                else:
                    current[rid] = (rec, _SEP.join(fold(v) for _f, v, _n in _fields(table, rec)))
            cache[table] = current
            return {rid: text for rid, (_rec, text) in current.items()}

        return self._index(f"fold:{table}", table, build)

    def search(self, query: str, kinds: tuple[str, ...] | None = None,
               limit: int | None = 50) -> list[SearchHit]:
        """Records matching every word of ``query``, best first (at most ``limit``)."""
        wanted = [w for w in words(query) if w]
        if not wanted:
            return []
        probe = max(wanted, key=len)
        others = [w for w in wanted if w != probe]
        whole = normalise(query)
        hits: list[SearchHit] = []
        for table in SEARCH_FIELDS:
            if kinds and model.BY_TABLE[table].KIND not in kinds:
                continue
            folded = self._folded(table)
            records = self.storage.tables[table]
            for rid, text in folded.items():
                if probe in text and all(w in text for w in others):
                    hits.append(_hit(table, records[rid], wanted, whole))
        hits.sort(key=lambda h: (h.rank, KIND_ORDER[model.table_of_id(h.id)], len(h.snippet)))
        return hits if limit is None else hits[:limit]


def _hit(table: str, record: dict[str, Any], wanted: list[str], whole: str) -> SearchHit:
    fields = _fields(table, record)
    best: tuple[int, str, str] | None = None
    for field, value, is_name in fields:
        folded = fold(value)
        present = [w for w in wanted if w in folded]
        if not present:
            continue
        value_words = words(value)
        if is_name and normalise(value) == whole:
            rank = 0
        elif is_name and len(present) == len(wanted):
            rank = 1
        elif all(any(vw.startswith(w) for vw in value_words) for w in present):
            rank = 2 if len(present) == len(wanted) else 3
        else:
            rank = 4
        if best is None or rank < best[0]:
            best = (rank, field, _snippet(value, present))
    rank, field, snippet = best if best else (5, "", "")
    kind = model.BY_TABLE[table].KIND
    return SearchHit(kind, record["id"], field, snippet, rank,
                     record.get("target") if table == "annotations" else None)


def _snippet(value: str, present: list[str]) -> str:
    """A window of ``value`` around the first matching word, with … where cut."""
    flat = " ".join(value.split())
    if len(flat) <= SNIPPET_WIDTH:
        return flat
    folded, offsets = fold_offsets(flat)
    positions = [folded.find(w) for w in present]
    first = min((p for p in positions if p >= 0), default=0)
    center = offsets[first] if first < len(offsets) else 0
    start = max(0, min(center - SNIPPET_WIDTH // 3, len(flat) - SNIPPET_WIDTH))
    end = start + SNIPPET_WIDTH
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")
