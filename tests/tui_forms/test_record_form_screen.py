"""RecordFormScreen: editing an actor, creating a statement through the picker, refusals, cancel."""

from __future__ import annotations

from claimnet.tui.forms import PickRecordScreen, RecordFormScreen
from claimnet.tui.forms.ref_field import RefField

from .conftest import ACTOR, EVIDENCE, STATEMENT, Host, reopen, screen_text, settle


async def test_edit_an_actors_name_changes_only_the_name(st, store_path) -> None:
    before = st.get(ACTOR)
    app = Host(lambda: RecordFormScreen(st, "actor", ACTOR))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Kim Yo Jong" in screen_text(app)
        assert "North Korea" in screen_text(app)  # the affiliation is shown by name
        await pilot.press("end", "ctrl+u", *"Kim Y")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.results == [ACTOR]
    fresh = reopen(store_path)
    after = fresh.get(ACTOR)
    assert after.name == "Kim Y"
    assert (after.aliases, after.affiliation, after.role) == (before.aliases, before.affiliation, before.role)
    assert fresh.history(limit=1)[0].summary.endswith(": name")


async def test_create_a_statement_choosing_the_speaker_with_the_picker(st, store_path) -> None:
    app = Host(lambda: RecordFormScreen(st, "statement"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.focused.id == "field-speaker"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PickRecordScreen)
        await pilot.press(*"shin")
        await settle(pilot)
        assert "Shin Wonsik" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen)
        assert app.screen.query_one("#field-speaker", RefField).value == "act-shin-wonsik"
        assert "Shin Wonsik" in screen_text(app)
        await pilot.press("tab", *"Ready", "ctrl+s")
        await settle(pilot)
        assert len(app.results) == 1 and app.results[0].startswith("st-")
        new_id = app.results[0]
    saved = reopen(store_path).get(new_id)
    assert (saved.speaker, saved.text, saved.act, saved.source) == ("act-shin-wonsik", "Ready", "claim", None)


async def test_an_empty_name_shows_the_stores_message_focuses_it_and_saves_nothing(st, store_path) -> None:
    before = len(st.history())
    app = Host(lambda: RecordFormScreen(st, "actor", ACTOR))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end", "ctrl+u", "tab", "ctrl+s")
        await settle(pilot)
        assert "actor.name must not be empty." in screen_text(app)
        assert app.screen.focused.id == "field-name"
        assert isinstance(app.screen, RecordFormScreen) and app.results == []
    fresh = reopen(store_path)
    assert fresh.get(ACTOR).name == "Kim Yo Jong" and len(fresh.history()) == before


async def test_a_bad_number_and_a_missing_speaker_are_refused_on_their_fields(st, store_path) -> None:
    app = Host(lambda: RecordFormScreen(st, "evidence", EVIDENCE))
    async with app.run_test(size=(80, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one("#field-confidence").focus()
        await pilot.press(*"lots", "ctrl+s")
        await settle(pilot)
        assert "evidence.confidence must be a number, not 'lots'." in screen_text(app)
        assert app.screen.focused.id == "field-confidence"
        await pilot.press("ctrl+u", *"0.5", "ctrl+s")
        await settle(pilot)
        assert app.results == [EVIDENCE]
    assert reopen(store_path).get(EVIDENCE).confidence == 0.5

    app = Host(lambda: RecordFormScreen(st, "statement", preset={"text": "Unattributed"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "ctrl+s")
        await settle(pilot)
        assert "statement.speaker" in screen_text(app)
        assert app.screen.focused.id == "field-speaker" and app.results == []


async def test_escape_asks_once_then_leaves_the_record_as_it_was(st, store_path) -> None:
    before = len(st.history())
    app = Host(lambda: RecordFormScreen(st, "statement", STATEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", *"x", "escape")
        await settle(pilot)
        assert app.results == [] and "escape again discards" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.results == [None]
    fresh = reopen(store_path)
    assert fresh.get(STATEMENT).text == st.get(STATEMENT).text and len(fresh.history()) == before


async def test_create_an_actor_with_a_kind_and_edit_an_evidence_quantity(st, store_path) -> None:
    app = Host(lambda: RecordFormScreen(st, "actor"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"NIS", "tab", "enter", "o", "enter", "ctrl+s")  # kind: type "o" for organisation
        await settle(pilot)
    actor = reopen(store_path).get(app.results[0])
    assert (actor.name, actor.kind, actor.affiliation) == ("NIS", "organisation", None)

    app = Host(lambda: RecordFormScreen(st, "evidence", EVIDENCE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#field-quantity").focus()
        await pilot.press("end", "ctrl+u", *"7500", "tab", "ctrl+s")
        await settle(pilot)
        assert app.results == [EVIDENCE]
    assert reopen(store_path).get(EVIDENCE).quantity == {"value": 7500, "unit": "containers"}
