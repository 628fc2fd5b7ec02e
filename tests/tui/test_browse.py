"""Browsing with keys: panes, actor filter, statement evidence, evidence bearings, detail, layout."""

from __future__ import annotations

from textual.content import Content

from claimnet.tui.widgets.detail_view import DetailView
from claimnet.tui.widgets.record_list import RecordList

from .conftest import CONTAINERS, DENIAL, KIM, US_ACCUSATION, screen_text, settle, started, started_on


async def test_opens_with_three_panes_and_detail_of_the_first_actor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        text = screen_text(app)
        assert "Actors 19" in text and "Statements 21" in text and "Evidence 10" in text
        assert "Kim Yo Jo" in text and "per" in text  # name, kind and count on the actor row
        assert screen.focused_id == KIM
        assert "ACTOR  Kim Yo Jong" in app.screen.query_one(DetailView).text
        assert "? Help" in text and "q Quit" in text  # the footer's key hints


async def test_enter_on_actor_filters_statements_and_escape_clears(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("enter")
        await settle(pilot)
        statements = screen.pane("statements")
        assert statements.has_focus
        assert Content.from_markup(statements.border_title).plain == "Statements 7"  # count in view
        assert "by/about Kim Yo Jong" in statements.border_subtitle  # and the scope, in the lower border
        assert len(statements.rows) == 7
        assert all(row.who == "Kim Yo Jong" for row in statements.rows)
        await pilot.press("escape")
        await settle(pilot)
        assert len(statements.rows) == 21 and not statements.border_subtitle


async def test_statement_shows_evidence_grouped_and_linked_statements(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        await pilot.press("enter")
        await settle(pilot)
        evidence = screen.pane("evidence")
        assert evidence.has_focus and "on denial by Kim Yo Jong" in evidence.border_subtitle
        headings = [row.text for row in evidence.rows if row.kind == "group"]
        assert headings[0] == "contradicts (3)" and headings[-1].startswith("linked statements")
        assert [row.sign for row in evidence.rows if row.kind == "evidence"] == ["−"] * 3
        linked = [(row.id, row.label, row.sign) for row in evidence.rows if row.kind == "link-statement"]
        assert (US_ACCUSATION, "denies", "→") in linked
        assert "contradicts (3)" in screen_text(app)
        # enter on a linked statement jumps to it in the statements pane
        evidence.move_to(US_ACCUSATION)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.pane("statements").has_focus and screen.focused_id == US_ACCUSATION


async def test_enter_on_evidence_lists_the_statements_it_bears_on(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert screen.focused_id == CONTAINERS
        await pilot.press("enter")
        await settle(pilot)
        statements = screen.pane("statements")
        assert statements.has_focus and "bearing: About 7,000 containers" in statements.border_subtitle
        assert DENIAL in [row.id for row in statements.rows] and len(statements.rows) == 5


async def test_statement_detail_shows_speaker_quote_in_sentence_links_and_grade(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, "st-kim-yo-jong-absurd-paradox")
        detail = app.screen.query_one(DetailView).text
        assert "Speaker: Kim Yo Jong, sister of leader Kim Jong Un (North Korea)" in detail
        assert "Act: denial · quote · cue “called” · 2024-05-17" in detail
        assert "Credibility: 5 improbable" in detail
        assert "In the source" in detail and "the most absurd paradox" in detail
        assert "Links out" in detail and "→ denies" in detail
        assert "Annotations" in detail


async def test_keys_move_between_panes_and_rows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        actors = screen.pane("actors")
        await pilot.press("j", "j", "down")
        assert actors.cursor == 3
        await pilot.press("G")
        assert actors.cursor == len(actors.rows) - 1
        await pilot.press("g")
        assert actors.cursor == 0
        await pilot.press("tab")
        assert isinstance(app.focused, RecordList) and app.focused.id == "statements"
        await pilot.press("D")
        assert isinstance(app.focused, DetailView)
        await pilot.press("escape")  # from the detail, escape goes back to the list
        assert app.focused.id == "statements"


async def test_back_and_forward_walk_the_places_visited(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("enter")  # visit Kim Yo Jong
        await settle(pilot)
        await pilot.press("enter")  # visit her first statement
        await settle(pilot)
        first = app.nav.current
        assert first == DENIAL
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.focused_id == KIM
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.focused_id == first


async def test_narrow_terminal_keeps_panes_readable(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await started(pilot)
        assert screen.pane("actors").outer_size.width == 16
        assert "Statements" in screen_text(app)
