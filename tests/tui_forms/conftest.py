"""Fixtures for the form screens: a store file per test and a tiny host app that pushes one screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

import claimnet.store as store
from claimnet.store import Store

STATEMENT = "st-kim-yo-jong-denies-weapons-exports"
ACTOR = "act-kim-yo-jong"
EVIDENCE = "ev-7000-containers-of-munitions"


class Host(App):
    """Pushes the screen under test on mount and keeps what it dismissed with."""

    def __init__(self, make_screen: Callable[[], Screen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        """Open the screen under test."""
        self.push_screen(self.make_screen(), self.results.append)


async def settle(pilot: Pilot) -> None:
    """Let workers finish and their replies reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: App) -> str:
    """Everything the top screen shows now, as text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    """Where this test's store file lives."""
    return str(tmp_path / "s.json")


@pytest.fixture
def st(store_path: str) -> Store:
    """A store holding the default network, closed after the test."""
    opened = store.open_store(store_path)
    yield opened
    opened.close()


def reopen(path: str) -> Store:
    """A second, fresh session on the same file: proves a change reached the disk."""
    return store.open_store(path, create=False)
