"""User text is never markup: every screen shows markup-like text and control characters literally."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from claimnet.store import Store
from claimnet.tui.forms import (
    AnnotateScreen,
    ConfirmDeleteScreen,
    LinkScreen,
    PickRecordScreen,
    RecordFormScreen,
)

from .conftest import Host, reopen, screen_text, settle

NASTY = "[b]x[/b] [@click=app.quit]x[/] a[/b x[i] \x1b[31mred"
PIECES = ("[b]x[/b]", "[@click=app.quit]x[/]", "a[/b", "x[i]", "␛[31mred")


def nasty_network(st: Store) -> dict[str, str]:
    """An actor, statement, evidence, source, link and annotation full of markup and an escape."""
    actor = st.create("actor", name=NASTY, aliases=[NASTY], role=NASTY)
    source = st.create("source", title=NASTY, outlet=NASTY, text=f"{NASTY}\nsecond line")
    statement = st.create("statement", speaker=actor.id, text=NASTY, cue=NASTY, source=source.id,
                          about=[actor.id])
    evidence = st.create("evidence", text=NASTY, reported_by=actor.id)
    st.link(evidence.id, statement.id, "supports", note=NASTY)
    st.annotate(statement.id, note=NASTY, tags=["[b]x[/b]", "x[i]"])
    return {"actor": actor.id, "source": source.id, "statement": statement.id, "evidence": evidence.id}


SCREENS: dict[str, Callable[[Store, dict[str, str]], Screen]] = {
    "annotate actor": lambda st, ids: AnnotateScreen(st, ids["actor"]),
    "annotate statement": lambda st, ids: AnnotateScreen(st, ids["statement"]),
    "edit actor": lambda st, ids: RecordFormScreen(st, "actor", ids["actor"]),
    "edit statement": lambda st, ids: RecordFormScreen(st, "statement", ids["statement"]),
    "edit evidence": lambda st, ids: RecordFormScreen(st, "evidence", ids["evidence"]),
    "edit source": lambda st, ids: RecordFormScreen(st, "source", ids["source"]),
    "pick": lambda st, ids: PickRecordScreen(st, ("actor", "source"), NASTY),
    "link": lambda st, ids: LinkScreen(st, ids["statement"]),
    "delete": lambda st, ids: ConfirmDeleteScreen(st, ids["actor"]),
}


async def test_every_screen_shows_user_text_literally(st) -> None:
    ids = nasty_network(st)
    app = Host(lambda: SCREENS["delete"](st, ids))
    async with app.run_test(size=(140, 40)) as pilot:
        for name, make in SCREENS.items():
            if name != "delete":
                app.push_screen(make(st, ids), app.results.append)
            await settle(pilot)
            if name in ("pick", "link"):
                await pilot.press(*"31mred")
                await settle(pilot)
                assert "2 found" in screen_text(app), name
            text = screen_text(app)
            assert "\x1b" not in text, f"a raw escape reached the terminal on {name}"
            for piece in PIECES:
                assert piece in text, f"{piece!r} not shown literally on {name}"
            await pilot.press("tab", "tab")
            assert "\x1b" not in screen_text(app), name
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running and app.results == [None] * len(SCREENS)


async def test_typed_markup_is_saved_as_typed(st, store_path) -> None:
    ids = nasty_network(st)
    app = Host(lambda: RecordFormScreen(st, "actor", ids["actor"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end", "ctrl+u", *"a[/b x[i]", "tab", "ctrl+s")
        await settle(pilot)
    assert app.results == [ids["actor"]]
    fresh = reopen(store_path)
    actor = fresh.get(ids["actor"])
    assert actor.name == "a[/b x[i]"
    assert actor.role == NASTY and actor.aliases == (NASTY,)  # untouched fields keep their escape
