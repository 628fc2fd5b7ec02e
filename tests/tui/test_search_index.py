"""The app searches through the store's lookup index, and never finds less than the store holds."""

from __future__ import annotations

import os

import pytest

import claimnet.store as store_pkg
import claimnet.tui.app as app_module
from claimnet.store.engine.lookup_index import index_path
from claimnet.store.network.search import SearchMixin
from claimnet.tui.screens.search_screen import SearchScreen
from claimnet.tui.widgets.record_list import RecordList

from .conftest import CONTAINERS, DENIAL, reopen, settle, started, started_on, wait_for


@pytest.fixture
def no_folding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make folding texts in memory fail loudly, so a search can only have read the index."""
    folded: list[str] = []

    def refuse(self, table: str) -> dict[str, str]:
        folded.append(table)
        raise AssertionError(f"searched memory ({table}), not the lookup index")

    monkeypatch.setattr(SearchMixin, "_folded", refuse)
    return folded


async def _search(pilot, text: str) -> list[str]:
    """Open search, type ``text``, and return the ids listed; escape back to the main screen."""
    await pilot.press("slash", *text)
    await settle(pilot)
    assert isinstance(pilot.app.screen, SearchScreen)
    ids = [row.id for row in pilot.app.screen.query_one(RecordList).rows]
    await pilot.press("escape")
    await settle(pilot)
    return ids


async def test_the_first_search_reads_the_index_built_after_first_paint(make_app, store_path, no_folding):
    assert not os.path.exists(index_path(store_path))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await wait_for(pilot, lambda: os.path.exists(index_path(store_path)) and not app._indexing)
        assert app.store.search_uses_index()
        assert CONTAINERS in await _search(pilot, "containers")
    assert not no_folding


async def test_a_search_right_after_an_edit_finds_the_edit(make_app, store_path, no_folding):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await wait_for(pilot, lambda: not app._indexing and app.store.search_uses_index())
        await pilot.press("a", *"zebrafinch sighting", "ctrl+s")
        await settle(pilot)
        assert DENIAL in await _search(pilot, "zebrafinch")
        await pilot.press("u")  # undone: the note is gone from the search too
        await settle(pilot)
        assert await _search(pilot, "zebrafinch") == []
    assert not no_folding
    fresh = reopen(store_path)
    undone, noted = fresh.history(limit=2)
    assert undone.kind == "undo" and noted.summary.startswith("annotate")
    assert not [a for a in fresh.annotations_of(DENIAL) if "zebrafinch" in (a.note or "")]


async def test_a_search_finds_what_another_session_wrote(make_app, store_path, no_folding):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await wait_for(pilot, lambda: not app._indexing and app.store.search_uses_index())
        shell = store_pkg.open_store(store_path, lookups=True, analyst="bob")  # a quick command
        shell.annotate(CONTAINERS, note="okapi from the shell")
        shell.close()
        full = store_pkg.open_store(store_path, analyst="eve", search_index=True)  # another app, open
        full.annotate(DENIAL, note="okapi from another app")
        assert set(await _search(pilot, "okapi")) == {CONTAINERS, DENIAL}
        full.close()  # it folds the journal into the store file, the index following
        assert set(await _search(pilot, "okapi")) == {CONTAINERS, DENIAL}
    assert not no_folding


async def test_a_stale_index_is_never_trusted(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await wait_for(pilot, lambda: not app._indexing and app.store.search_uses_index())
    app.store.close()
    # a session that does not keep the index changes the store and folds: the index is stale
    other = store_pkg.open_store(store_path, analyst="eve")
    other.annotate(DENIAL, note="quokka seen")
    other.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert DENIAL in await _search(pilot, "quokka")  # from memory, or the index rebuilt
        await wait_for(pilot, lambda: not app._indexing and app.store.search_uses_index())
        assert DENIAL in await _search(pilot, "quokka")


async def test_a_large_store_is_read_through_the_index_and_edited(make_app, store_path, monkeypatch,
                                                                   no_folding):
    monkeypatch.setattr(app_module, "INDEXED_FROM_BYTES", 0)  # as a store of 256 MB or more
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        assert app.store.storage.index is not None  # not the whole file in memory
        assert screen.pane("statements").highlighted_id == DENIAL
        await pilot.press("a", *"capybara count", "ctrl+s")
        await settle(pilot)
        assert DENIAL in await _search(pilot, "capybara")
        assert CONTAINERS in await _search(pilot, "containers")
    assert not no_folding
    fresh = reopen(store_path)  # the note reached the store's journal
    assert [a.note for a in fresh.annotations_of(DENIAL)] == ["capybara count"]
