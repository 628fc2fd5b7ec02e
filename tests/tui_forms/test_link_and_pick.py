"""PickRecordScreen and LinkScreen: searching as you type, valid link types only, direction, refusals."""

from __future__ import annotations

from textual.widgets import Select

from claimnet.tui.forms import LinkScreen, PickRecordScreen
from claimnet.tui.forms.link_screen import other_kinds, valid_types

from .conftest import ACTOR, EVIDENCE, Host, reopen, screen_text, settle

REPEL = "st-unification-ministry-ready-to-repel-threats"


async def test_picker_lists_then_narrows_and_arrows_move_while_typing(st) -> None:
    app = Host(lambda: PickRecordScreen(st, ("actor",), "Choose a speaker"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "19 found" in screen_text(app) and "Choose a speaker" in screen_text(app)
        await pilot.press(*"kim")
        await settle(pilot)
        text = screen_text(app)
        assert "Kim Yo Jong" in text and "Kim Inae" in text and "Russia" not in text
        second = app.screen.query_one("#search-results").get_option_at_index(1).id
        await pilot.press("down", "enter")
        await settle(pilot)
    assert app.results == [second] and second.startswith("act-kim-")


async def test_picker_finds_by_alias_and_escape_picks_nothing(st) -> None:
    app = Host(lambda: PickRecordScreen(st, ("actor", "source"), "Choose"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"pyongyang")
        await settle(pilot)
        assert "North Korea" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    assert app.results == [None]


def test_valid_types_follow_link_ends() -> None:
    assert set(valid_types("evidence", "statement")) == {"supports", "contradicts", "undercuts", "denies",
                                                          "restates"}
    assert valid_types("evidence", "statement")["denies"] == (False, True)
    assert valid_types("actor", "statement") == {"accuses": (False, True)}
    assert other_kinds("source") == () and other_kinds("actor") == ("statement",)


async def test_link_evidence_to_a_statement_with_a_chosen_type_and_weight(st, store_path) -> None:
    app = Host(lambda: LinkScreen(st, EVIDENCE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"repel")
        await settle(pilot)
        await pilot.press("enter")
        select = app.screen.query_one("#field-type", Select)
        assert app.screen.focused is select
        offered = [value for _label, value in select._options if value is not Select.NULL]
        assert offered == ["supports", "contradicts", "undercuts", "denies", "restates"]
        await pilot.press("enter", "down", "down", "enter")
        assert select.value == "contradicts"
        await pilot.press("tab", "right", "tab", *"odd", "ctrl+s")
        await settle(pilot)
        assert len(app.results) == 1 and app.results[0].startswith("ln-")
    link = reopen(store_path).get(app.results[0])
    assert (link.from_, link.to, link.type) == (EVIDENCE, REPEL, "contradicts")
    assert (link.weight, link.note) == (-2, "odd")


async def test_a_one_way_type_turns_the_link_round_and_cannot_be_swapped_back(st, store_path) -> None:
    app = Host(lambda: LinkScreen(st, EVIDENCE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"repel")
        await settle(pilot)
        await pilot.press("enter", "enter", *["down"] * 4, "enter")
        assert "Turned round" in screen_text(app)
        lines = screen_text(app).splitlines()
        assert any("from" in line and "South Korea is fully ready" in line for line in lines)
        await pilot.press("ctrl+r")
        assert "cannot go the other way round" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    link = reopen(store_path).get(app.results[0])
    assert (link.from_, link.to, link.type, link.weight) == (REPEL, EVIDENCE, "denies", None)


async def test_an_actor_can_only_be_accused_and_a_duplicate_is_refused_inline(st, store_path) -> None:
    st.link("st-kim-inae-illegal-arms-dealings-must-stop", ACTOR, "accuses")
    before = len(st.history())
    app = Host(lambda: LinkScreen(st, ACTOR))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"illegal arms", "wait:50")
        await settle(pilot)
        await pilot.press("enter")
        assert app.screen.query_one("#field-type", Select).value == "accuses"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "already accuses" in screen_text(app)
        assert app.results == [] and app.screen.focused.id == "field-type"
        await pilot.press("escape")
        await settle(pilot)
        assert app.results == [None]
    assert len(reopen(store_path).history()) == before


async def test_the_link_search_finds_statements_by_their_speakers_name(st) -> None:
    kirby = next(a for a in st.all("actors") if a.name == "John Kirby")
    said = {s.id for s in st.statements_by(kirby.id)}
    app = Host(lambda: LinkScreen(st, EVIDENCE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"kirby")
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        offered = {results.get_option_at_index(i).id for i in range(results.option_count)}
        assert said and said <= offered  # what Kirby said, not only Kirby himself
        assert "Kirby" in screen_text(app)


async def test_reference_pickers_ask_in_words_and_leave_out_the_record_itself(st) -> None:
    from claimnet.tui.forms import RecordFormScreen

    app = Host(lambda: RecordFormScreen(st, "statement", "st-kim-yo-jong-denies-weapons-exports"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#field-about").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PickRecordScreen)
        assert app.screen.title_text == "Choose an actor this statement is about"
        assert "Choose an actor this statement is about" in screen_text(app)
    actor_app = Host(lambda: RecordFormScreen(st, "actor", ACTOR))
    async with actor_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        actor_app.screen.query_one("#field-affiliation").focus()
        await pilot.press("enter")
        await settle(pilot)
        picker = actor_app.screen
        assert isinstance(picker, PickRecordScreen) and "the affiliation of" not in picker.title_text
        results = picker.query_one("#search-results")
        assert ACTOR not in {results.get_option_at_index(i).id for i in range(results.option_count)}
