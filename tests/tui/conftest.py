"""Fixtures for the app's Pilot tests: a store file per test, an app on it, and ways to wait and read."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

import claimnet.store as store
from claimnet.store import Store
from claimnet.tui.app import ClaimnetApp
from claimnet.tui.screens.main_screen import MainScreen

from .review_store import imported_store

KIM = "act-kim-yo-jong"
DENIAL = "st-kim-yo-jong-denies-weapons-exports"
US_ACCUSATION = "st-us-accuses-north-korea-of-arms-supply"
CONTAINERS = "ev-7000-containers-of-munitions"
SOURCE = "src-north-korea-denies-exporting-weapons-to-russia"


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store file holding the default network (made before the app starts)."""
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    path = str(tmp_path / "store.json")
    store.open_store(path).close()
    return path


@pytest.fixture
def make_app(store_path: str, tmp_path: Path) -> Callable[..., ClaimnetApp]:
    """Build apps on the test's store (no user key map); their stores are closed afterwards."""
    apps: list[ClaimnetApp] = []

    def make(path: str | None = None, keys: str | None = None, poll: float = 0.25) -> ClaimnetApp:
        app = ClaimnetApp(path or store_path, keys_path=keys or str(tmp_path / "no-keys.toml"),
                          poll_seconds=poll)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.store is not None:
            app.store.close()


async def settle(pilot: Pilot, rounds: int = 4) -> None:
    """Let the detail's short delay pass, workers finish and their messages reach the widgets."""
    await pilot.pause(0.08)
    for _ in range(rounds):
        # an exclusive worker replaced by a newer one is cancelled: the next round waits for that
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def started(pilot: Pilot) -> MainScreen:
    """Wait until the store is open and the main screen has filled its panes."""
    for _ in range(200):
        if isinstance(pilot.app.screen, MainScreen):
            break
        await pilot.pause(0.02)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def started_on(pilot: Pilot, record_id: str) -> MainScreen:
    """The main screen once loaded, showing ``record_id`` in its pane and the detail."""
    screen = await started(pilot)
    screen.show_record(record_id)
    await settle(pilot)
    return screen


def screen_text(app: App) -> str:
    """Everything the top screen shows now (toasts included), as text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app: ClaimnetApp) -> str:
    """Every notification shown so far, one a line."""
    return "\n".join(app.notice_log)


def reopen(path: str) -> Store:
    """A fresh session on the store file, to check what reached the disk."""
    return store.open_store(path, create=False)


async def wait_for(pilot: Pilot, check: Callable[[], bool], seconds: float = 5.0) -> None:
    """Pause until ``check()`` holds (or fail after ``seconds``)."""
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    assert check(), "condition not reached in time"


async def press_at_once(pilot: Pilot, *keys: str) -> None:
    """Type ``keys`` in one burst, as a terminal delivers fast typing or ``tmux send-keys j 4``.

    ``pilot.press`` waits for the app to go idle after every key, which hides races between keys;
    here every key is queued before the app handles the first.
    """
    app = pilot.app
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(key))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def press_settled(pilot: Pilot, *keys: str) -> Screen:
    """Press ``keys`` one by one, letting the app settle after each; the screen in front then."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    return pilot.app.screen


@pytest.fixture
def imported(tmp_path, monkeypatch) -> tuple[str, str]:
    """A store holding only the seed article, imported: (store path, source id)."""
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    return imported_store(tmp_path)
