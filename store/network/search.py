"""Full-text search over names, aliases, statements, quotes, evidence, titles and annotations.

Case- and accent-insensitive; every query word must occur in the record; results are ranked: an
exact name, alias or title first, then names where every word starts a word, then other fields
where every word starts a word, then words found inside words, then words spread over fields.

A loop over folded in-memory text, not TinyDB queries: each record's folded text is cached and
only refolded when that record changes. A session that reads through the lookup index searches
its trigram table; a whole-file session (the app) does too once ``use_lookup_index`` is called,
whenever the index holds exactly what the session holds, so its first search folds nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from claimnet.store import model
from claimnet.store.engine.index_follower import IndexFollower
from claimnet.store.engine.lookup_index import Derivations
from claimnet.store.model.textnorm import fold, fold_offsets, normalise, words

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
_NAMES_END = "\x1e"
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
    follower: IndexFollower | None
    _index: Callable[..., Any]

    def _folded(self, table: str) -> dict[str, str]:
        """Per record, its folded names, a separator, then its other folded fields."""
        cache = self.__dict__.setdefault("_fold_cache", {})
        previous: dict[str, tuple[dict, str]] = cache.get(table, {})

        def build(records: dict[str, dict]) -> dict[str, str]:
            current: dict[str, tuple[dict, str]] = {}
            for rid, rec in records.items():
                hit = previous.get(rid)
                current[rid] = hit if hit is not None and hit[0] is rec else (rec, fold_record(table, rec))
            cache[table] = current
            return {rid: text for rid, (_rec, text) in current.items()}

        return self._index(f"fold:{table}", table, build)

    def _blob(self, table: str) -> tuple[str, list[int], list[str], list[str]]:
        """A table's folded texts joined by newlines, with each record's start, id and text."""

        def build(_records: dict[str, dict]) -> tuple[str, list[int], list[str], list[str]]:
            folded = self._folded(table)
            texts = list(folded.values())
            starts, position = [], 0
            for text in texts:
                starts.append(position)
                position += len(text) + 1
            return "\n".join(texts), starts, list(folded), texts

        return self._index(f"blob:{table}", table, build)

    def _matches(self, table: str, probe: str, others: list[str]) -> Iterator[tuple[int, str, str]]:
        """(position, id, folded text) of records holding every word, in store order.

        The scan for the longest word runs in C over one joined string, so Python only sees
        records that contain it; callers stop early once they have enough.
        """
        blob, starts, rids, texts = self._blob(table)
        at = blob.find(probe)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            text = texts[index]
            if all(w in text for w in others):
                yield index, rids[index], text
            if index + 1 >= len(starts):
                return
            at = blob.find(probe, starts[index + 1])

    def _indexed_matches(self, index: Any, table: str,
                         wanted: list[str]) -> Iterator[tuple[int, str, str]]:
        """(position, id, folded text) of records holding every word, from the lookup index."""
        for position, (rid, text) in enumerate(index.texts_holding(table, wanted)):
            if all(w in text for w in wanted):
                yield position, rid, text

    def use_lookup_index(self, derive: Derivations) -> None:
        """Search through the store's lookup index (deriving what ``derive`` says) whenever it is
        in step with this session, and keep it in step with this session's own changes (see
        ``prepare_search``); ``open_store(search_index=True)`` calls it."""
        if getattr(self.storage, "index", None) is None and self.follower is None:
            self.follower = IndexFollower(self.storage, derive)
            self.storage.before_fold = self.follower.keep_up

    def prepare_search(self) -> bool:
        """Refill the lookup index from this session's records unless it is in step (off the
        session's lock: slow, for a worker thread); whether searches now go through it."""
        if getattr(self.storage, "index", None) is not None:
            return True  # this session reads through the index: it is always in step
        return self.follower is not None and self.follower.build()

    def search_uses_index(self) -> bool:
        """Whether a search now would read the lookup index rather than fold texts in memory."""
        return self._text_index() is not None

    def _text_index(self) -> Any:
        indexed = getattr(self.storage, "index", None)
        if indexed is not None:
            return indexed
        return None if self.follower is None else self.follower.current()

    def search(self, query: str, kinds: tuple[str, ...] | None = None,
               limit: int | None = 50) -> list[SearchHit]:
        """Records matching every word of ``query``, best first (at most ``limit``)."""
        wanted = [w for w in words(query) if w]
        if not wanted:
            return []
        probe = max(wanted, key=len)
        others = [w for w in wanted if w != probe]
        starts = [re.compile(r"(?<!\w)" + re.escape(w)) for w in wanted]
        whole = normalise(query)
        ranked: list[tuple[int, int, int, str, str]] = []
        indexed = self._text_index()
        for table in SEARCH_FIELDS:
            if kinds and model.BY_TABLE[table].KIND not in kinds:
                continue
            order = KIND_ORDER[table]
            if SEARCH_FIELDS[table][0]:  # small tables with names: rank every match
                texts = indexed.texts_holding(table, wanted) if indexed else self._folded(table).items()
                for rid, text in texts:
                    if probe in text and all(w in text for w in others):
                        rank, length = _rank_names(text, starts, whole)
                        ranked.append((rank, order, length, rid, table))
                continue
            per_rank = [0, 0, 0, 0]
            found = (self._indexed_matches(indexed, table, wanted) if indexed
                     else self._matches(table, probe, others))
            for position, rid, text in found:
                rank = _rank(text, starts)
                if limit is not None and per_rank[rank] >= limit:
                    continue  # this table already has enough hits this good, found earlier
                per_rank[rank] += 1
                ranked.append((rank, order, position, rid, table))
                if limit is not None and per_rank[2] >= limit:
                    break  # nothing later in this table can outrank what is kept
        ranked.sort()
        records = self.storage.tables
        return [_hit(table, records[table][rid], wanted, rank)
                for rank, _order, _pos, rid, table in (ranked if limit is None else ranked[:limit])]


def fold_record(table: str, record: dict[str, Any]) -> str:
    """The record's folded names, a separator, then its other folded fields (one line)."""
    names_fields, other_fields = SEARCH_FIELDS[table]
    parts = []
    for fields in (names_fields, other_fields):
        values = []
        for field in fields:
            value = record.get(field)
            if isinstance(value, str):
                values.append(fold(value))
            elif isinstance(value, list):
                values.extend(fold(v) for v in value if isinstance(v, str))
        parts.append(_SEP.join(values))
    return parts[0] + _NAMES_END + parts[1].replace("\n", " ")


def _rank_names(text: str, starts: list[re.Pattern[str]], whole: str) -> tuple[int, int]:
    """Rank a record with names: 0 a name is the query, 1 every word starts a word of one name
    (shortest such name first), else as ``_rank``."""
    best = None
    for name in text[: text.index(_NAMES_END)].split(_SEP):
        if " ".join(name.split()) == whole:
            return 0, len(name)
        if all(p.search(name) for p in starts) and (best is None or len(name) < best):
            best = len(name)
    if best is not None:
        return 1, best
    return _rank(text, starts), len(text)


def _rank(text: str, starts: list[re.Pattern[str]]) -> int:
    """2 when every query word starts a word somewhere in the record, 3 when some are inside words."""
    return 2 if all(p.search(text) for p in starts) else 3


def _hit(table: str, record: dict[str, Any], wanted: list[str], rank: int) -> SearchHit:
    """Describe a ranked match: the field that holds most query words, and a snippet of it."""
    best: tuple[int, str, str] = (-1, "", "")
    for field, value, _is_name in _fields(table, record):
        folded = fold(value)
        present = [w for w in wanted if w in folded]
        if len(present) > best[0]:
            best = (len(present), field, _snippet(value, present) if present else "")
    kind = model.BY_TABLE[table].KIND
    return SearchHit(kind, record["id"], best[1], best[2], rank,
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
