"""Keys typed in one burst are handled in the order typed, by the screen that has the focus then."""

from __future__ import annotations

from claimnet.tui.forms import AnnotateScreen, LinkScreen
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.screens.search_screen import SearchScreen
from claimnet.tui.widgets.record_list import RecordList

from .conftest import (
    DENIAL,
    notices,
    press_at_once,
    reopen,
    screen_text,
    settle,
    started,
    started_on,
    wait_for,
)

NOTE = "The quick brown fox jumps over the lazy dog 1234567890"


async def _at_denial(pilot) -> MainScreen:
    screen = await started_on(pilot, DENIAL)
    return screen


async def _quiet(pilot) -> None:
    await wait_for(pilot, lambda: getattr(pilot.app, "keys_waiting", 0) == 0)
    await settle(pilot)


async def test_a_grade_typed_right_after_j_lands_on_the_record_j_moved_to(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_denial(pilot)
        statements = screen.pane("statements")
        below = statements.rows[statements.cursor + 1].id
        await press_at_once(pilot, "j", "4")
        await _quiet(pilot)
        assert statements.highlighted_id == below
        assert "Credibility 4 (doubtful): Kim Yo Jong: “the most absurd paradox which" in notices(app)
    fresh = reopen(store_path)
    assert (fresh.get(below).credibility, fresh.get(DENIAL).credibility) == (4, 5)
    fresh.close()


async def test_annotate_opened_right_after_j_annotates_the_new_record(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_denial(pilot)
        statements = screen.pane("statements")
        below = statements.rows[statements.cursor + 1].id
        await press_at_once(pilot, "j", "a")
        await _quiet(pilot)
        assert isinstance(app.screen, AnnotateScreen) and app.screen.record_id == below


async def test_a_note_typed_fast_then_ctrl_s_is_saved_whole(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _at_denial(pilot)
        # "a", the note and ctrl+s in one burst: the form opens, takes every key, then saves
        await press_at_once(pilot, "a", *NOTE, "ctrl+s")
        await _quiet(pilot)
        assert isinstance(app.screen, MainScreen), screen_text(app)
    fresh = reopen(store_path)
    assert [a.note for a in fresh.annotations_of(DENIAL)] == [NOTE]
    fresh.close()


async def test_a_link_note_typed_fast_then_ctrl_s_is_saved_whole(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _at_denial(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LinkScreen)
        await pilot.press(*"artillery", "enter")  # the other end, then the type list has the focus
        await settle(pilot)
        await pilot.press("enter", "down", "enter", "tab", "tab")  # the first type, then to the note
        await press_at_once(pilot, *"Zakharova rejected it", "ctrl+s")
        await _quiet(pilot)
        assert "Linked: " in notices(app) and "ln-" not in notices(app), screen_text(app)
    fresh = reopen(store_path)
    assert "Zakharova rejected it" in [link.note for link in fresh.all("links")]
    fresh.close()


async def test_search_typed_right_after_slash_gets_every_letter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await press_at_once(pilot, "slash", "k", "i", "m")
        await _quiet(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("Input").value == "kim"
        hits = [row.id for row in app.screen.query_one(RecordList).rows]
        direct = [hit.target or hit.id for hit in app.store.search("kim", limit=500)]
        assert hits[:len(direct)] == direct  # the records that match first, then what Kims said
        assert {st.id for st in app.store.statements_by("act-kim-yo-jong")} <= set(hits[len(direct):])
        assert "found" in screen_text(app)


async def test_keys_after_escape_go_back_to_the_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        actors = screen.pane("actors")
        await press_at_once(pilot, "slash", "x", "escape", "j", "j")
        await _quiet(pilot)
        assert app.screen is screen and actors.cursor == 2


async def test_keys_typed_right_after_q_neither_run_nor_crash(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _at_denial(pilot)
        await press_at_once(pilot, *"question_mark")  # tmux send-keys question_mark: q, u, e, …
        for _ in range(40):
            if not app.is_running:
                break
            await pilot.pause(0.02)
        assert not app.is_running
    assert app.return_code in (0, None)
    fresh = reopen(store_path)
    assert fresh.history() == []  # neither the u (undo) nor the e (edit form) ran
    fresh.close()
