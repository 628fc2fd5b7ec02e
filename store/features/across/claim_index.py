"""An index of the store's statements and evidence by claim terms and quote shingles, in SQLite.

It lives beside the store file (``STORE.across.sqlite``), derived from the store and never trusted
over it: it records the store's id and sequence number it was built from, catches up by reading the
history entries written since, and is rebuilt when it cannot (another store, a missing entry, a count
that disagrees, a damaged file). So matching a new claim reads a few posting lists, never every pair,
and a fresh process does not re-read the whole store to match one article.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimnet.store.network.history import history_id

from .claim_terms import shingles, terms

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

TABLES = ("statements", "evidence")
_VERSION = "1"
#: A term carried by more than this share of the indexed items says nothing about which claim it is.
_COMMON_SHARE = 0.02
_COMMON_FLOOR = 200
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS items(id TEXT PRIMARY KEY, tbl TEXT, speaker TEXT, source TEXT, act TEXT,
    negated INTEGER, quote INTEGER, terms TEXT, shingles TEXT);
CREATE TABLE IF NOT EXISTS postings(term TEXT, id TEXT);
CREATE INDEX IF NOT EXISTS postings_term ON postings(term);
CREATE INDEX IF NOT EXISTS postings_id ON postings(id);
CREATE TABLE IF NOT EXISTS shingle_postings(sh INTEGER, id TEXT);
CREATE INDEX IF NOT EXISTS shingle_sh ON shingle_postings(sh);
CREATE INDEX IF NOT EXISTS shingle_id ON shingle_postings(id);
"""


@dataclass(frozen=True, slots=True)
class Item:
    """What matching needs of one statement or piece of evidence."""

    id: str
    table: str
    speaker: str | None
    source: str | None
    act: str | None
    terms: frozenset[str]
    negated: bool
    shingles: frozenset[int]
    quote: bool


def item_of(table: str, record: dict[str, Any]) -> Item:
    """The index entry for a stored (or proposed) record's JSON dict."""
    quote = record.get("quote")
    found, negated = terms(record.get("text") or quote or "")
    speaker = record.get("speaker") if table == "statements" else record.get("reported_by")
    return Item(record["id"], table, speaker, record.get("source"), record.get("act"),
                found, negated, shingles(quote) if quote else frozenset(), bool(quote))


def _row(item: Item) -> tuple:
    return (item.id, item.table, item.speaker, item.source, item.act, int(item.negated), int(item.quote),
            " ".join(sorted(item.terms)), " ".join(map(str, sorted(item.shingles))))


def _item(row: tuple) -> Item:
    rid, table, speaker, source, act, negated, quote, found, shs = row
    return Item(rid, table, speaker, source, act, frozenset(found.split()), bool(negated),
                frozenset(int(s) for s in shs.split()), bool(quote))


class ClaimIndex:
    """Posting lists from claim terms and quote shingles to the items holding them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.db = self._connect()
        self._df: dict[str, int] = {}
        self._size = 0

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            db.executescript(_SCHEMA)
        except sqlite3.OperationalError:
            # a folder or file that cannot be written (a read-only store): the index lives in memory
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            db.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError):
                os.remove(self.path)  # derived data: a damaged file is rebuilt, never trusted
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            db.executescript(_SCHEMA)
        db.execute("PRAGMA synchronous=OFF")
        return db

    def __len__(self) -> int:
        return self._size

    # -- keeping in step with the store -------------------------------------------------

    def sync(self, store: Store) -> None:
        """Bring the index in step with the store: catch up from its history, or rebuild."""
        try:
            self._sync(store)
        except sqlite3.DatabaseError:
            self.db.close()
            with contextlib.suppress(OSError):
                os.remove(self.path)
            self.db = self._connect()
            self._sync(store)
        self._df.clear()
        self._size = sum(len(store.storage.tables[t]) for t in TABLES)

    def _sync(self, store: Store) -> None:
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        seq, mine = store.storage.seq, store.storage.state.store_id or ""
        if meta.get("store") == mine and meta.get("version") == _VERSION and meta.get("seq") == str(seq):
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            changed = self._changed_since(store, meta)
            if changed is None:  # rebuild: fill the tables first, index them after (several times faster)
                for table in ("items", "postings", "shingle_postings"):
                    self.db.execute(f"DELETE FROM {table}")
                for index in ("postings_term", "postings_id", "shingle_sh", "shingle_id"):
                    self.db.execute(f"DROP INDEX IF EXISTS {index}")
                self._reindex(store, {rid for t in TABLES for rid in store.storage.tables[t]})
                for statement in _SCHEMA.split(";"):
                    if "CREATE INDEX" in statement:
                        self.db.execute(statement)
            else:
                self._reindex(store, changed)
            count = self.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
            if count != sum(len(store.storage.tables[t]) for t in TABLES):
                raise sqlite3.DatabaseError("the index disagrees with the store")
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                [("store", mine), ("seq", str(seq)), ("version", _VERSION)])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _changed_since(self, store: Store, meta: dict[str, str]) -> set[str] | None:
        """Ids of statements and evidence written since the index was built, or None to rebuild."""
        if meta.get("store") != (store.storage.state.store_id or "") or meta.get("version") != _VERSION:
            return None
        start = int(meta.get("seq") or -1)
        history = store.storage.tables["history"]
        if start < 0 or start > store.storage.seq:
            return None
        changed: set[str] = set()
        for seq in range(start + 1, store.storage.seq + 1):
            entry = history.get(history_id(seq))
            if entry is None:
                return None
            changed.update(c["id"] for c in entry["changes"] if c["table"] in TABLES)
        return changed

    def _reindex(self, store: Store, ids: set[str]) -> None:
        db = self.db
        gone = [(rid,) for rid in ids]
        db.executemany("DELETE FROM items WHERE id = ?", gone)
        db.executemany("DELETE FROM postings WHERE id = ?", gone)
        db.executemany("DELETE FROM shingle_postings WHERE id = ?", gone)
        items = []
        for rid in ids:
            raw = store.raw(rid)
            if raw is not None:
                items.append(item_of("statements" if rid.startswith("st-") else "evidence", raw))
        db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", map(_row, items))
        db.executemany("INSERT INTO postings VALUES (?, ?)",
                       ((t, it.id) for it in items for t in it.terms))
        db.executemany("INSERT INTO shingle_postings VALUES (?, ?)",
                       ((s, it.id) for it in items for s in it.shingles))

    # -- looking up ----------------------------------------------------------------------

    def get(self, ids: list[str]) -> dict[str, Item]:
        """The indexed items with these ids."""
        out: dict[str, Item] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT * FROM items WHERE id IN ({marks})", chunk):
                out[row[0]] = _item(row)
        return out

    def df(self, term: str) -> int:
        """How many indexed items carry a term."""
        if term not in self._df:
            self._df[term] = self.db.execute("SELECT COUNT(*) FROM postings WHERE term = ?",
                                             (term,)).fetchone()[0]
        return self._df[term]

    def idf(self, term: str) -> float:
        """How rare a term is among the indexed items (a smoothed inverse document frequency)."""
        return math.log((self._size + 20) / (self.df(term) + 1))

    def verbatim(self, item: Item) -> set[str]:
        """Quoted items sharing a run of words with this one's quote (a quote repeated word for word)."""
        if not item.quote or not item.shingles:
            return set()
        shs = list(item.shingles)[:400]
        marks = ",".join("?" * len(shs))
        rows = self.db.execute(
            f"SELECT DISTINCT p.id FROM shingle_postings p JOIN items i ON i.id = p.id "
            f"WHERE p.sh IN ({marks}) AND i.quote = 1", shs)
        return {row[0] for row in rows}

    def candidates(self, item: Item, limit: int = 30) -> list[str]:
        """The stored items sharing the rarest terms with ``item``, best first."""
        common = max(_COMMON_FLOOR, int(_COMMON_SHARE * self._size))
        score: dict[str, float] = defaultdict(float)
        for term in item.terms:
            if not 0 < self.df(term) <= common:
                continue
            weight = self.idf(term)
            for (rid,) in self.db.execute("SELECT id FROM postings WHERE term = ?", (term,)):
                score[rid] += weight
        return sorted(score, key=lambda rid: -score[rid])[:limit]

    def similarity(self, a: Item, b: Item) -> float:
        """How alike two items' terms are, weighted by rarity: the mean of their cosine (TF-IDF on
        synonym groups) and of how much of the smaller one the larger holds (a clause inside a sentence)."""
        shared = a.terms & b.terms
        if not shared:
            return 0.0
        weight = {t: self.idf(t) ** 2 for t in a.terms | b.terms}
        norm_a, norm_b = sum(weight[t] for t in a.terms), sum(weight[t] for t in b.terms)
        common = sum(weight[t] for t in shared)
        return (common / math.sqrt(norm_a * norm_b) + common / min(norm_a, norm_b)) / 2


_INDEXES: weakref.WeakKeyDictionary[Any, ClaimIndex] = weakref.WeakKeyDictionary()


def index_path(store: Store) -> str:
    """Where a store's claim index lives: beside the store file."""
    return store.path + ".across.sqlite"


def claim_index(store: Store) -> ClaimIndex:
    """The store's claim index, opened (or built) on first use and kept in step with it after."""
    index = _INDEXES.get(store.storage)
    if index is None:
        index = _INDEXES[store.storage] = ClaimIndex(index_path(store))
    index.sync(store)
    return index
