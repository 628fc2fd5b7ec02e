"""The other views: search and jump, source reader, neighbourhood, help, filters, key map, palette."""

from __future__ import annotations

import threading

from claimnet.tui.screens.filter_screen import FilterScreen
from claimnet.tui.screens.graph_screen import GraphScreen
from claimnet.tui.screens.help_screen import HelpScreen
from claimnet.tui.screens.search_screen import SearchScreen
from claimnet.tui.screens.source_screen import SourceScreen
from claimnet.tui.widgets.record_list import RecordList

from .conftest import CONTAINERS, DENIAL, KIM, US_ACCUSATION, screen_text, settle, started, started_on


async def test_search_as_you_type_and_enter_jumps_to_the_record(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("slash", *"containers")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        hits = app.screen.query_one(RecordList).rows
        assert [row.id for row in hits] == [hit.id for hit in app.store.search("containers", limit=500)]
        assert CONTAINERS in [row.id for row in hits]
        index = [row.id for row in hits].index(CONTAINERS)
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        assert screen.focused_id == CONTAINERS and screen.pane("evidence").has_focus


async def test_search_jump_clears_a_filter_that_hides_the_record(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("enter")  # statements of Kim Yo Jong only
        await settle(pilot)
        await pilot.press("slash", *"supplying artillery")
        await settle(pilot)
        hits = [row.id for row in app.screen.query_one(RecordList).rows]
        await pilot.press(*["down"] * hits.index(US_ACCUSATION), "enter")
        await settle(pilot)
        assert screen.focused_id == US_ACCUSATION and screen.statement_scope is None


async def test_source_reader_walks_spans_and_opens_the_record(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.current_record == DENIAL
        assert "North Korea denies exporting weapons to Russia" in screen_text(app)
        await pilot.press("n")
        moved = app.screen.current_record
        await pilot.press("n")
        assert moved != DENIAL and app.screen.current_record not in (DENIAL, moved)
        await pilot.press("p", "p")
        assert app.screen.current_record == DENIAL
        await pilot.press("n", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, SourceScreen) and screen.focused_id == moved


async def test_neighbourhood_tree_recentres_on_enter_and_escape_leaves_focus_there(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        tree = app.screen.query_one("Tree")
        labels = [str(node.label) for node in tree.root.children]
        assert any(label.startswith("→ denies statement United States") for label in labels)
        assert "said by actor Kim Yo Jong" in labels
        assert any(label.startswith("← contradicts evidence") for label in labels)
        target = next(node for node in tree.root.children if node.data == US_ACCUSATION)
        tree.move_cursor(target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.record_id == US_ACCUSATION
        assert "Neighbourhood of statement United States: North Korea" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.screen.record_id == DENIAL
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.focused_id == US_ACCUSATION


async def test_help_lists_every_key_of_the_context_with_ids(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {binding_id for _keys, _desc, binding_id in app.screen.rows}
        for wanted in ("cursor_down", "open", "search", "annotate", "credibility_1", "verdict", "undo",
                       "redo", "neighbourhood", "source", "copy_id", "back", "clear_filter", "quit"):
            assert wanted in rows, wanted
        assert "Remap keys by id" in str(app.screen.query_one("Static").content)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_filter_by_act_and_sort_by_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("S", "f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#act").value = "denial"
        app.screen.query_one("#sort").value = "date"
        await pilot.press("ctrl+s")
        await settle(pilot)
        statements = screen.pane("statements")
        assert statements.rows and all(row.label == "denial" for row in statements.rows)
        assert "act=denial" in statements.border_title
        dates = [row.date for row in statements.rows]
        assert dates == sorted(dates, key=lambda d: d or "~")  # undated last
        await pilot.press("escape")
        await settle(pilot)
        assert len(statements.rows) == 21


async def test_keys_are_remapped_from_the_key_file(make_app, tmp_path, store_path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nundo = "z"\nneighbourhood = ["g", "ctrl+g"]\ncursor_top = "home"\n')
    app = make_app(keys=str(keys))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("down", "g")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen) and app.screen.record_id != KIM
        await pilot.press("escape")
        await settle(pilot)
        screen.show_record(DENIAL)
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert "Undid:" in "\n".join(app.notice_log)
        assert "z Undo" in screen_text(app)


async def test_a_bad_key_file_is_reported_not_fatal(make_app, tmp_path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text("undo = \n")
    app = make_app(keys=str(keys))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert "was not read" in "\n".join(app.notice_log)


async def test_command_palette_offers_every_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for wanted in ("Search", "Annotate", "Verdict", "Credibility 3", "Undo", "Redo", "Graph",
                       "Source", "Copy id", "Filter/sort", "Quit"):
            assert wanted in titles, wanted
        await pilot.press("ctrl+p", *"verdict")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "VerdictScreen"


async def test_missing_store_is_created_and_announced(make_app, tmp_path) -> None:
    path = str(tmp_path / "new" / "store.json")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert "New store at" in "\n".join(app.notice_log)
        assert "Actors 19" in screen_text(app)


async def test_a_new_stores_path_is_shown_as_written_never_read_as_markup(make_app, tmp_path) -> None:
    path = str(tmp_path / "[b]cases[/b] [red]x" / "store.json")
    app = make_app(path)
    async with app.run_test(size=(120, 24)) as pilot:
        await started(pilot)
        notice = next(n for n in app._notifications if n.message.startswith("New store at"))
        assert "[b]cases[/b] [red]x" in notice.message and notice.markup is False


async def test_a_malformed_store_exits_with_one_sentence(make_app, tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    app = make_app(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert app.return_code == 1
    assert path.read_text() == "{not json"


async def test_a_notice_from_a_worker_thread_is_shown_by_the_apps_thread(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        cleared_on: list[int] = []
        clear = app.clear_notifications

        def recording_clear() -> None:
            cleared_on.append(threading.get_ident())
            clear()

        app.clear_notifications = recording_clear
        worker = threading.Thread(target=app.notify, args=("The store refused a read.",),
                                  kwargs={"severity": "error", "markup": False})
        worker.start()
        worker.join(5)
        await settle(pilot)
        assert app.notice_log[-1] == "The store refused a read."
        assert cleared_on == [threading.get_ident()]  # the toasts were touched on the app's thread only
