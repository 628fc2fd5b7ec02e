"""Editing the edges and annotations from the keyboard, and the keys that used to surprise."""

from __future__ import annotations

import claimnet.store as store_pkg
from claimnet.tui.forms import (
    ConfirmDeleteScreen,
    LinksNotesScreen,
    PickRecordScreen,
    RecordFormScreen,
)
from claimnet.tui.screens.help_screen import HelpScreen
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.screens.source_screen import SourceScreen
from claimnet.tui.widgets.detail_view import DetailView
from claimnet.tui.widgets.source_text import SourceText

from .conftest import DENIAL, KIM, notices, press_settled, reopen, screen_text, settle, started, started_on

PARADOX = "st-kim-yo-jong-absurd-paradox"
LEDE = "st-kim-yo-jong-absurd-paradox-lede"


async def test_d_on_a_linked_statement_row_deletes_the_link_not_the_statement(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, PARADOX)
        await pilot.press("enter")  # its evidence and linked statements
        await settle(pilot)
        await pilot.press("G")  # the last row: the lede restating it
        await settle(pilot)
        evidence = screen.pane("evidence")
        row = evidence.rows[evidence.cursor]
        assert (row.kind, row.id) == ("link-statement", LEDE) and row.link
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen) and app.screen.record_id == row.link
        assert "Delete link?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "Deleted link" in notices(app)
    fresh = reopen(store_path)
    assert fresh.find(row.link) is None and fresh.find(LEDE) is not None


async def test_links_and_annotations_listed_edited_and_withdrawn(make_app, store_path):
    other = store_pkg.open_store(store_path, analyst="bob")
    other.annotate(PARADOX, verdict="true")
    other.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, PARADOX)
        await pilot.press("a", *"UN panel", "ctrl+s")
        await settle(pilot)
        detail = app.screen.query_one(DetailView).text
        assert "Links out (4) — L edits" in detail and "← restates +2" in detail
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, LinksNotesScreen)
        assert app.screen.chosen is not None  # the first row is under the cursor from the start
        text = screen_text(app)
        assert "→ denies -2 North Korea is supplying" in text and "(United States)" in text
        assert "✎ bob verdict true" in text and "✎ tester UN panel" in text
        await pilot.press("G", "k")  # bob's annotation is last: not ours to change
        await pilot.press("d")
        await settle(pilot)
        assert "This is bob's annotation" in screen_text(app)
        await pilot.press("g", "e")  # the first link: type, weight and note
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen) and app.screen.kind == "link"
        await pilot.press("tab", "right", "right", "right", "tab", *"weak", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LinksNotesScreen)
        await pilot.press("G", "d")  # our own note: withdrawn
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "The store changed in another session" not in notices(app)
    fresh = reopen(store_path)
    first = fresh.links_from(PARADOX)[0]
    assert (first.weight, first.note) == (1, "weak")
    assert [a.analyst for a in fresh.annotations_of(PARADOX)] == ["bob"]
    assert "note removed" not in fresh.history(limit=1)[0].summary


async def test_analysts_side_by_side_and_the_disagree_filter(make_app, store_path):
    for who, verdict in (("alice", "false"), ("bob", "true")):
        other = store_pkg.open_store(store_path, analyst=who)
        other.annotate(PARADOX, verdict=verdict)
        other.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, PARADOX)
        detail = app.screen.query_one(DetailView).text
        assert "By analyst — analysts disagree" in detail
        assert "alice false" in " ".join(detail.split()) and "bob true" in " ".join(detail.split())
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#disagree").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        rows = screen.pane("statements").rows
        assert [row.id for row in rows] == [PARADOX]
        assert "Statements 1 · analysts di" in screen_text(app)


async def test_z_zooms_the_focused_pane_and_the_detail(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("S", "z")
        await settle(pilot)
        assert not screen.query_one("#detail").display or screen.query_one("#detail").size.height == 0
        text = screen_text(app)
        assert "no intention to export our military technical" in text and "Actors" not in text
        assert screen.pane("statements").size.width > 70
        await pilot.press("z")
        await settle(pilot)
        assert "Actors" in screen_text(app)
        await pilot.press("D", "z")
        await settle(pilot)
        assert screen.query_one(DetailView).size.height > 18 and "Statements" not in screen_text(app)


async def test_statement_rows_put_words_first_and_the_speaker_short(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "North Korea has" in line)
        assert row.index("North Korea has") < row.index("Kim YJ")


async def test_notices_are_one_line_and_never_stack(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.pause(0.1)
        toasts = list(app.screen.query("Toast"))
        assert len(toasts) == 1 and toasts[0].size.height == 1
        assert "Credibility 3" in str(toasts[0].render())
        # on the top row, over the panes' borders: never over a form's key hints at its foot
        assert app.screen.query_one("ToastRack").styles.dock == "top"
        await pilot.press("a")
        await settle(pilot)
        footer = next(i for i, line in enumerate(screen_text(app).splitlines()) if "^s Save" in line)
        assert footer > 0


async def test_q_goes_back_except_on_the_main_screen_and_help_scrolls(make_app):
    app = make_app(poll=3600)
    async with app.run_test(size=(80, 12)) as pilot:
        await started_on(pilot, DENIAL)
        assert isinstance(await press_settled(pilot, "s"), SourceScreen)
        assert isinstance(await press_settled(pilot, "q"), MainScreen) and app.is_running
        await pilot.press("question_mark")
        await settle(pilot)
        scroll = app.screen.query_one("VerticalScroll")
        await pilot.press("G")
        await settle(pilot)
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert scroll.scroll_y < scroll.max_scroll_y
        await pilot.press("g")
        await settle(pilot)
        assert scroll.scroll_y == 0
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_n_keeps_the_filter_and_undo_of_a_delete_puts_the_cursor_back(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        screen.filters["statements"] = screen.filters["statements"].__class__(act="threat")
        screen.load_pane("statements")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen) and form.start_values["act"] == "threat"
        form.query_one("#field-text").value = "Seoul will pay"
        form.query_one("#field-speaker")._picked(KIM)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, RecordFormScreen), screen_text(app)
        assert screen.filters["statements"].act == "threat"
        assert all(row.label == "threat" for row in screen.pane("statements").rows)
        target = screen.pane("statements").rows[0].id
        screen.show_record(target, keep_filter=True)
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("j")
        await pilot.press("u")
        await settle(pilot)
        assert screen.pane("statements").highlighted_id == target
        assert app.screen.query_one(DetailView).record_id == target


async def test_actor_pickers_make_a_new_actor_on_the_spot(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")  # the speaker field's picker
        await settle(pilot)
        assert isinstance(app.screen, PickRecordScreen)
        await pilot.press(*"Choe Son Hui", "ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen) and app.screen.kind == "actor"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen) and app.screen.kind == "statement"
        await pilot.press("ctrl+s")
        await settle(pilot)
    fresh = reopen(store_path)
    speaker = fresh.get(fresh.get(DENIAL).speaker)
    assert speaker.name == "Choe Son Hui"


async def test_a_passage_selected_in_the_source_becomes_a_statement(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, "st-kim-yo-jong-no-intention-to-export")
        await pilot.press("s")
        await settle(pilot)
        reader = app.screen.query_one(SourceText)
        await pilot.press("v", "w", "w")
        assert reader.text[slice(*reader.selection)] == "We have no"
        await pilot.press("b")
        assert reader.text[slice(*reader.selection)] == "We have"
        await pilot.press("right_parenthesis")
        start, end = reader.selection
        assert reader.text[start:end].endswith("state media.")
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordFormScreen) and not form.query("#field-span")
        assert form.start_values["speaker"] == KIM and form.start_values["mode"] == "paraphrase"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen), screen_text(app)
    fresh = reopen(store_path)
    made = [st for st in fresh.statements_by(KIM) if st.span and list(st.span) == [start, end]]
    assert made and made[0].source and made[0].text.startswith("We have no intention")


async def test_history_of_a_record_says_what_changed(make_app, store_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("v", "6")  # verdict false
        await settle(pilot)
        await pilot.press("4")  # credibility 5 → 4
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        text = screen_text(app)
        assert "History" in text, (notices(app), app.screen)
        assert "credibility 5 → 4" in text and "verdict false" in text
        assert text.index("credibility 5 → 4") < text.index("verdict false")  # newest first
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
