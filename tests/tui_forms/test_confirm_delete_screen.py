"""ConfirmDeleteScreen: shows what goes with a record, deletes all of it on y, nothing on n or escape."""

from __future__ import annotations

from claimnet.tui.forms import ConfirmDeleteScreen

from .conftest import Host, reopen, screen_text, settle

SHIN = "act-shin-wonsik"


async def test_delete_shows_dependents_and_y_removes_them(st, store_path) -> None:
    expected = st.dependents(SHIN)
    app = Host(lambda: ConfirmDeleteScreen(st, SHIN))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert f"{len(expected)} record(s) go or change with it" in text
        assert "2 statements" in text and "North Korea has shipped about 7,000" in text
        await pilot.press("y")
        await settle(pilot)
    assert len(app.results) == 1 and sorted(app.results[0]) == sorted([SHIN, *expected])
    fresh = reopen(store_path)
    assert fresh.find(SHIN) is None
    assert fresh.find("st-shin-north-korea-shipped-7000-containers") is None
    assert fresh.get("ev-7000-containers-of-munitions").reported_by is None


async def test_n_and_escape_keep_everything(st, store_path) -> None:
    before = len(st.history())
    for key in ("n", "escape"):
        app = Host(lambda: ConfirmDeleteScreen(st, SHIN))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
        assert app.results == [None]
    fresh = reopen(store_path)
    assert fresh.find(SHIN) is not None and len(fresh.history()) == before


async def test_a_record_without_dependents_says_so(st, store_path) -> None:
    link = st.link("ev-7000-containers-of-munitions", "st-unification-ministry-ready-to-repel-threats",
                   "supports")
    app = Host(lambda: ConfirmDeleteScreen(st, link.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Nothing else depends on it." in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
    assert app.results == [[link.id]]
    assert reopen(store_path).find(link.id) is None
