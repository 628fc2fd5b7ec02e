"""A whole-file session (the app) searches through the lookup index only while the index holds
exactly what the session holds: it follows the journal, survives the session's fold, and a stale
or busy index is passed over for memory, never trusted."""

from __future__ import annotations

import sqlite3

import pytest

import claimnet.store as store_pkg
from claimnet.store.engine.lookup_index import index_path
from claimnet.store.network.search import SearchMixin

ST = "st-kim-yo-jong-denies-weapons-exports"


@pytest.fixture
def memory_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tables searched by folding texts in memory (the fallback), counted as they happen."""
    seen: list[str] = []
    real = SearchMixin._folded

    def counted(self, table: str) -> dict[str, str]:
        seen.append(table)
        return real(self, table)

    monkeypatch.setattr(SearchMixin, "_folded", counted)
    return seen


def _ids(store, query: str) -> set[str]:
    return {hit.target or hit.id for hit in store.search(query)}


def test_a_session_refills_the_index_then_searches_it_and_its_own_changes(store_path, memory_searches):
    with store_pkg.open_store(store_path, search_index=True) as store:
        assert not store.search_uses_index()
        expected = [(h.id, h.rank) for h in store.search("north korea")]  # from memory
        assert memory_searches
        assert store.prepare_search() and store.search_uses_index()
        memory_searches.clear()
        assert [(h.id, h.rank) for h in store.search("north korea")] == expected
        store.annotate(ST, note="pangolin sighting")
        assert _ids(store, "pangolin") == {ST}
        store.undo()
        assert _ids(store, "pangolin") == set()
        assert not memory_searches
    with store_pkg.open_store(store_path, search_index=True) as again:  # the close folded: followed
        assert again.search_uses_index()


def test_changes_of_other_sessions_are_followed_or_the_index_is_passed_over(store_path, memory_searches):
    with store_pkg.open_store(store_path, search_index=True) as store:
        store.prepare_search()
        with store_pkg.open_store(store_path, analyst="bob") as other:  # keeps no index
            other.annotate(ST, note="tapir from bob")
            assert _ids(store, "tapir") == {ST}  # the journal's new line applied to the index
            assert not memory_searches
            other.annotate(ST, note="second tapir")  # not seen by the index before bob folds
        # bob's fold restamps only an index that applied every change: this one names the old file
        assert not store.search_uses_index()
        assert _ids(store, "second tapir") == {ST}  # from memory, never from the stale index
        assert memory_searches
        assert store.prepare_search() and store.search_uses_index()
        memory_searches.clear()
        assert _ids(store, "second tapir") == {ST} and not memory_searches


def test_an_index_busy_with_another_writer_is_passed_over(store_path):
    with store_pkg.open_store(store_path, search_index=True) as store:
        store.prepare_search()
        with store_pkg.open_store(store_path, analyst="bob") as other:
            other.annotate(ST, note="axolotl")
            blocker = sqlite3.connect(index_path(store.path), isolation_level=None)
            blocker.execute("BEGIN IMMEDIATE")  # another writer holds the index
            try:
                assert _ids(store, "axolotl") == {ST}  # searched memory instead of waiting
            finally:
                blocker.execute("ROLLBACK")
                blocker.close()
            assert store.search_uses_index()
