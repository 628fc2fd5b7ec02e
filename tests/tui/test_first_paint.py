"""First paint: every pane's first rows, then the detail; a pane shows its newest read."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

import claimnet.tui.screens.pane_loading as loading_module
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import KIM, settle, started, wait_for


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


async def test_the_detail_is_read_after_first_paint_and_shows_the_first_actor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        assert screen.painted and screen.focused_id == KIM
        assert "ACTOR  Kim Yo Jong" in screen.query_one(DetailView).text


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
