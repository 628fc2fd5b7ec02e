"""Text from files and people is shown literally everywhere: never parsed as markup, escapes made visible."""

from __future__ import annotations

import pytest

import claimnet.store as store
from claimnet.tui.screens.graph_screen import GraphScreen
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.screens.search_screen import SearchScreen
from claimnet.tui.screens.source_screen import SourceScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import notices, screen_text, settle, started

BOLD, CLICK, BROKEN, ITALIC, ANSI = "[b]x[/b]", "[@click=app.quit]x[/]", "a[/b", "x[i]", "\x1b[31mred"
STAMP = "2026-01-01T00:00:00.000000Z"


def hostile_network() -> dict:
    """A network whose every text field holds markup-like text or an escape sequence."""
    text = f"{BOLD} said {CLICK} and {BROKEN} then {ITALIC} with {ANSI} end."
    quote_at = text.index(CLICK)
    base = {"created": STAMP, "updated": STAMP}
    return {
        "format": "claimnet-network", "version": 1,
        "sources": [{**base, "id": "src-h", "title": f"Title {BOLD}", "outlet": BROKEN, "text": text}],
        "actors": [{**base, "id": "act-h", "name": f"Name {BOLD}", "kind": "person", "role": CLICK,
                    "aliases": [BROKEN]}],
        "statements": [{**base, "id": "st-h", "speaker": "act-h", "source": "src-h", "act": "denial",
                        "mode": "quote", "text": f"Text {CLICK}", "quote": CLICK,
                        "span": [quote_at, quote_at + len(CLICK)], "cue": ITALIC}],
        "evidence": [{**base, "id": "ev-h", "text": f"Evidence {BROKEN} {ANSI}", "kind": "document",
                      "source": "src-h", "span": [0, len(BOLD)]}],
        "links": [{**base, "id": "ln-h", "from": "ev-h", "to": "st-h", "type": "contradicts",
                   "note": ITALIC}],
        "annotations": [{**base, "id": "an-h", "target": "st-h", "note": f"Note {ANSI} {CLICK}",
                         "tags": [BROKEN], "analyst": BOLD}],
    }


@pytest.fixture
def hostile_path(tmp_path) -> str:
    path = str(tmp_path / "hostile.json")
    store.open_store(path, network=hostile_network()).close()
    return path


async def test_every_view_shows_markup_like_text_literally(make_app, hostile_path) -> None:
    app = make_app(hostile_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        text = screen_text(app)
        assert f"Name {BOLD}" in text  # actors pane
        assert "Evidence a[/b ␛[31mred" in text  # evidence pane: escape made visible
        assert "\x1b" not in text
        screen.show_record("st-h")
        await settle(pilot)
        text = screen_text(app)
        assert f"“{CLICK}”" in text  # statements pane and detail title
        detail = app.screen.query_one(DetailView).text
        for shown in (f"Name {BOLD}, {CLICK}", f"cue “{ITALIC}”", f"Note ␛[31mred {CLICK}", BROKEN, ITALIC):
            assert shown in detail, shown
        assert f"{BOLD} said {CLICK} and {BROKEN}" in detail  # the sentence around the quote
        # the source reader
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        text = screen_text(app)
        assert f"Title {BOLD}" in text and f"{CLICK} and {BROKEN} then {ITALIC} with ␛[31mred" in text
        await pilot.press("escape")
        await settle(pilot)
        # the neighbourhood
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        assert f"Evidence {BROKEN} ␛[31mred" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # search
        await pilot.press("slash", *"click")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert CLICK in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # notifications quote user text literally
        await pilot.press("Y")
        await settle(pilot)
        assert f"Copied: {CLICK}" in notices(app) and CLICK in screen_text(app)
        # clicking the fake link did nothing: the app is still running on the main screen
        await pilot.click(DetailView, offset=(5, 1))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.is_running
