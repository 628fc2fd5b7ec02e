"""Changing the network with keys: grade, verdict, annotate, create, link, delete, undo and redo."""

from __future__ import annotations

import re

from claimnet.tui.forms import AnnotateScreen, ConfirmDeleteScreen, LinkScreen, RecordFormScreen
from claimnet.tui.screens.verdict_screen import VerdictScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import DENIAL, US_ACCUSATION, notices, reopen, screen_text, settle, started, started_on


async def _focus_denial(pilot):
    screen = await started_on(pilot, DENIAL)
    assert screen.focused_id == DENIAL
    return screen


async def test_digit_sets_credibility_and_it_reaches_the_file(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _focus_denial(pilot)
        await pilot.press("2")
        await settle(pilot)
        # a notice names the record by its speaker and words, never by its id
        assert "Credibility 2 (probably true): Kim Yo Jong: North Korea has not exported" in notices(app)
        assert DENIAL not in notices(app)
        assert "Credibility: 2 probably true" in app.screen.query_one(DetailView).text
    assert reopen(store_path).get(DENIAL).credibility == 2


async def test_credibility_on_an_actor_is_refused_with_a_hint(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert "applies to statements and evidence" in notices(app)
    assert len(reopen(store_path).history()) == 0


async def test_verdict_menu_takes_one_key_and_the_row_shows_the_mark(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _focus_denial(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VerdictScreen)
        await pilot.press("6")
        await settle(pilot)
        assert "Verdict false: Kim Yo Jong: North Korea has not exported" in notices(app)
        row = screen.pane("statements").rows[screen.pane("statements").cursor]
        assert row.id == DENIAL and row.verdict == "false"
        assert "verdict false" in app.screen.query_one(DetailView).text
    assert reopen(store_path).verdict_of(DENIAL) == "false"


async def test_annotate_form_saves_a_note_shown_in_detail_and_marked_on_the_row(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _focus_denial(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press(*"Only one source", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AnnotateScreen)
        assert "Only one source" in app.screen.query_one(DetailView).text
        assert screen.pane("statements").rows[screen.pane("statements").cursor].noted
    assert [a.note for a in reopen(store_path).annotations_of(DENIAL)] == ["Only one source"]


async def test_undo_and_redo_say_what_they_did_and_change_the_file(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _focus_denial(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Undid: annotate st-kim-yo-jong-denies-weapons-exports" in notices(app)
        assert reopen(store_path).get(DENIAL).credibility == 5
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Redid: annotate" in notices(app)
        assert reopen(store_path).get(DENIAL).credibility == 1
        await pilot.press("u", "u")
        await settle(pilot)
        assert "There is nothing to undo." in notices(app)


async def test_a_failed_write_is_shown_and_not_claimed_as_saved(make_app, store_path) -> None:
    app = make_app(poll=60)  # no reload: the app still shows the record another session deletes
    async with app.run_test(size=(80, 24)) as pilot:
        await _focus_denial(pilot)
        other = reopen(store_path)
        other.delete(DENIAL, cascade=True)
        other.close()
        await pilot.press("4")
        await settle(pilot)
        log = notices(app)
        assert "Not saved: There is no record with id" in log and "set to 4" not in log


async def test_new_actor_from_the_actors_pane_is_saved_and_focused(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen)
        await pilot.press(*"Analyst Desk", "ctrl+s")
        await settle(pilot)
        assert "Actors 20" in screen_text(app)
        assert "ACTOR  Analyst Desk" in app.screen.query_one(DetailView).text
        new_id = screen.focused_id
    assert reopen(store_path).get(new_id).name == "Analyst Desk"


async def test_link_key_links_the_focused_statement(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, "st-russia-dismisses-arms-supply-accusation")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LinkScreen)
        await pilot.press(*"repel")
        await settle(pilot)
        await pilot.press("enter", "enter", "down", "enter", "ctrl+s")  # pick it, then the first type
        await settle(pilot)
        assert not isinstance(app.screen, LinkScreen), screen_text(app)
        assert "Linked: Russia: Russia has not obtained" in notices(app)
        assert "—supports→ Unification Ministry: South Korea" in notices(app)
        assert "ln-" not in notices(app)
    fresh = reopen(store_path)
    links = fresh.links_from("st-russia-dismisses-arms-supply-accusation")
    assert [link.type for link in links if link.to == "st-unification-ministry-ready-to-repel-threats"] == [
        "supports"]


async def test_delete_asks_and_y_removes_then_undo_brings_back(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, US_ACCUSATION)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        counted = re.search(r"(\d+) record\(s\) go or change with it", screen_text(app))
        assert counted, screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        # the notice gives the dialog's count, and names the statement by its words
        assert "Deleted statement “United States: North Korea is supplying" in notices(app)
        assert f"and {counted.group(1)} record(s) with it." in notices(app)
        assert "Statements 20" in screen_text(app)
        assert reopen(store_path).find(US_ACCUSATION) is None
        await pilot.press("u")
        await settle(pilot)
        assert "Statements 21" in screen_text(app)
    assert reopen(store_path).find(US_ACCUSATION) is not None


async def test_another_session_changing_the_store_reloads_and_keeps_focus(make_app, store_path) -> None:
    app = make_app(poll=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _focus_denial(pilot)
        other = reopen(store_path)
        other.annotate(DENIAL, verdict="mostly_false", note="from another desk")
        other.close()
        for _ in range(60):
            await pilot.pause(0.05)
            if "from another desk" in app.screen.query_one(DetailView).text:
                break
        await settle(pilot)
        assert "from another desk" in app.screen.query_one(DetailView).text
        assert "The store changed in another session; reloaded." in notices(app)
        statements = screen.pane("statements")
        assert screen.focused_id == DENIAL and statements.rows[statements.cursor].verdict == "mostly_false"
