"""Keys typed before the panes show their first rows wait for them and act on the rows meant."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

import claimnet.tui.app as app_module
import claimnet.tui.screens.main_screen as main_module
import claimnet.tui.screens.pane_loading as loading_module
from claimnet.tui.messages import StoreChanged
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.screens.pane_loading import PANES
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import KIM, press_at_once, reopen, settle, started, wait_for


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """An event a patched store call waits for (opened at the end, so no worker is left waiting)."""
    event = threading.Event()
    yield event
    event.set()


def held(gate: threading.Event, call: Callable, when: Callable[..., bool] = lambda *a: True) -> Callable:
    """``call`` made to wait for ``gate`` (when ``when(*args)`` holds), as a slow disk would."""

    def slow(*args, **kwargs):
        if when(*args):
            assert gate.wait(10), "the test never opened the gate"
        return call(*args, **kwargs)

    return slow


@pytest.mark.parametrize("enter", ["enter", "ctrl+j"])  # (an Enter typed before the app had the terminal
# arrives as a newline: ctrl+j)
async def test_keys_typed_while_the_store_opens_act_once_the_panes_show_their_rows(
        make_app, gate, monkeypatch, enter: str) -> None:
    monkeypatch.setattr(app_module, "open_store", held(gate, app_module.open_store))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_once(pilot, "j", "j", enter)  # the third actor's statements
        await pilot.pause(0.1)
        assert app.store is None and app.keys_waiting == 3  # nothing to act on yet: they wait
        gate.set()
        screen = await started(pilot)
        await wait_for(pilot, lambda: app.keys_waiting == 0)
        await settle(pilot)
        actors, statements = screen.pane("actors"), screen.pane("statements")
        third = actors.rows[2]
        assert actors.cursor == 2 and screen.statement_scope == third.id
        assert statements.has_focus
        assert [row.id for row in statements.rows] == [
            st.id for st in app.store.statements_for_actor(third.id)]
        assert f"by/about {third.text}" in statements.border_subtitle


async def test_keys_typed_while_the_panes_read_their_first_rows_wait_for_them(
        make_app, store_path, gate, monkeypatch) -> None:
    monkeypatch.setattr(loading_module, "statement_rows", held(gate, loading_module.statement_rows))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.is_mounted)
        screen = app.screen
        await press_at_once(pilot, "S", "j", "4")  # grade the second statement 4
        await pilot.pause(0.1)
        statements = screen.pane("statements")
        assert not statements.rows and app.keys_waiting == 3 and not screen.painted
        gate.set()
        await wait_for(pilot, lambda: screen.painted and app.keys_waiting == 0)
        await settle(pilot)
        assert statements.has_focus and statements.cursor == 1
        first, second = statements.rows[0].id, statements.rows[1].id
        assert screen.focused_id == second
    fresh = reopen(store_path)
    assert fresh.get(second).credibility == 4 and fresh.get(first).credibility != 4
    fresh.close()


async def test_q_while_the_store_opens_quits_at_once(make_app, gate, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "open_store", held(gate, app_module.open_store))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_once(pilot, "j", "q")
        await pilot.pause(0.1)
        assert app._exit and app.store is None  # q did not wait behind j for the store


async def test_the_detail_is_read_after_the_panes_show_their_rows(make_app, monkeypatch) -> None:
    rows_when_read: list[list[int]] = []
    reads = main_module.detail_content

    def detail(store, record_id):
        screen = app.screen
        rows_when_read.append([len(screen.pane(pane).rows) for pane in PANES])
        return reads(store, record_id)

    monkeypatch.setattr(main_module, "detail_content", detail)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        assert screen.painted and screen.focused_id == KIM
        assert "ACTOR  Kim Yo Jong" in screen.query_one(DetailView).text
    assert rows_when_read and all(rows_when_read[0])  # its read took no turns from theirs


async def test_a_reload_read_before_a_scope_was_chosen_does_not_undo_it(
        make_app, gate, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        reads = loading_module.statement_rows
        monkeypatch.setattr(loading_module, "statement_rows",
                            held(gate, reads, when=lambda _store, scope, _flt: scope is None))
        screen.reload_all()  # as when another session wrote: this read of every statement waits
        await pilot.pause(0.05)
        screen.statement_scope = KIM  # then the actor is chosen: its read does not wait
        await wait_for(pilot, lambda: len(screen.pane("statements").rows) == 7)
        gate.set()  # the older read of every statement arrives last
        await settle(pilot)
        statements = screen.pane("statements")
        assert len(statements.rows) == 7 and all(row.who == "Kim Yo Jong" for row in statements.rows)


async def test_a_store_changed_again_and_again_while_the_first_rows_are_read_does_not_restart_them(
        make_app, gate, monkeypatch) -> None:
    painted_when_read: list[bool] = []
    reads = held(gate, loading_module.statement_rows)

    def statement_rows(*args):
        painted_when_read.append(app.screen.painted)
        return reads(*args)

    monkeypatch.setattr(loading_module, "statement_rows", statement_rows)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.is_mounted)
        screen = app.screen
        await press_at_once(pilot, "j")
        for generation in range(1, 6):  # another session writing faster than the first read ends
            screen.post_message(StoreChanged(screen.shown_generation + generation, True))
            await pilot.pause(0.02)
        gate.set()
        await wait_for(pilot, lambda: screen.painted and app.keys_waiting == 0)
        await settle(pilot)
        assert screen.pane("actors").cursor == 1  # the key acted once the first rows showed
    # one read before first paint, never restarted (each restart began the wait again: keys were held
    # as long as the writer kept writing), and one after it for what changed meanwhile
    assert painted_when_read == [False, True]
