"""Snapshots at 80×24 of the main screen, detail, source reader, neighbourhood, help and a modal form."""

from __future__ import annotations

import pytest

from claimnet.tui.app import ClaimnetApp

from .conftest import DENIAL, settle, started, started_on
from .review_store import fixed_import_store

SIZE = (80, 24)
KEYS = "/nonexistent/claimnet/keys.toml"


def _app(store_path: str) -> ClaimnetApp:
    return ClaimnetApp(store_path, keys_path=KEYS, poll_seconds=3600)


def _at_denial(*keys: str):
    async def run_before(pilot) -> None:
        await started_on(pilot, DENIAL)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before




def test_main_screen(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial())
    app.store.close()


def test_detail_scrolled(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("D", "pagedown"))
    app.store.close()


def test_source_reader(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("s", "n"))
    app.store.close()


def test_neighbourhood(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("r"))
    app.store.close()


def test_help(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("question_mark"))
    app.store.close()


def test_filter_form(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("f"))
    app.store.close()


def test_verdict_menu(snap_compare, store_path) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial("v"))
    app.store.close()


def test_review_queue(snap_compare, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    path = str(tmp_path / "review.json")
    fixed_import_store(path)
    app = _app(path)

    async def run_before(pilot) -> None:
        await started(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("y", "j", "j")  # accept one, then down to a proposed link under its denial
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    app.store.close()



@pytest.mark.parametrize("keys", [("z",), ("L",)], ids=["statements_zoomed", "links_and_notes"])
def test_at_denial_after(snap_compare, store_path, keys) -> None:
    app = _app(store_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_denial(*keys))
    app.store.close()
