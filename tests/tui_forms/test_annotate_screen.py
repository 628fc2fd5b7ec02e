"""AnnotateScreen: single-key grading, tags, verdict, checks, the editor fallback, refusals, cancel."""

from __future__ import annotations

from textual.widgets import TextArea

from claimnet.tui.forms import AnnotateScreen
from claimnet.tui.forms.choice_row import ChoiceRow
from claimnet.tui.forms.external_editor import edit_text, editor_command

from .conftest import ACTOR, STATEMENT, Host, reopen, screen_text, settle


async def test_annotate_saves_note_tags_verdict_grade_and_check(st, store_path) -> None:
    app = Host(lambda: AnnotateScreen(st, STATEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"1 src")  # digits typed in the note stay in the note
        assert app.screen.query_one("#field-credibility", ChoiceRow).value == 5
        await pilot.press("tab", *"arms,nk", "tab")
        await pilot.press("enter", *["down"] * 6, "enter")  # the verdict list: … mostly false, false
        await pilot.press("2")  # focus is on the verdict, not a text field: sets credibility
        assert app.screen.query_one("#field-credibility", ChoiceRow).value == 2
        assert "probably true" in screen_text(app)
        await pilot.press("tab", "tab", "tab", "left")  # biased: unknown -> no
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.results) == 1
        summary = app.results[0]
        assert summary.startswith("Annotated “Kim Yo Jong: ") and STATEMENT not in summary
        assert "verdict false" in summary and "credibility 2" in summary
    fresh = reopen(store_path)
    assert fresh.get(STATEMENT).credibility == 2
    assert fresh.verdict_of(STATEMENT) == "false"
    assert fresh.tags_of(STATEMENT) == ["arms", "nk"]
    annotation = fresh.annotations_of(STATEMENT)[-1]
    assert annotation.note == "1 src"
    assert annotation.checks == {"biased": False}


async def test_reliability_letters_grade_an_actor_and_existing_tags_are_shown(st, store_path) -> None:
    st.annotate(ACTOR, tags=["family"], verdict="mixed")
    app = Host(lambda: AnnotateScreen(st, ACTOR))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "tags so far: family" in screen_text(app)
        await pilot.press("tab", "tab", "b")  # on the verdict select: b sets reliability B
        await pilot.press("1")  # credibility keys do nothing for an actor
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.results == ["Annotated “Kim Yo Jong”: reliability B"]
    fresh = reopen(store_path)
    assert fresh.get(ACTOR).reliability == "B"
    assert len(fresh.annotations_of(ACTOR)) == 1  # only the grade changed: no new annotation


async def test_withdrawing_a_verdict_is_refused_inline(st, store_path) -> None:
    st.annotate(STATEMENT, verdict="false")
    app = Host(lambda: AnnotateScreen(st, STATEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "enter", "home", "enter", "ctrl+s")
        await settle(pilot)
        assert app.results == []
        assert "not withdrawn" in screen_text(app)
        assert app.screen.focused.id == "field-verdict"
    assert reopen(store_path).verdict_of(STATEMENT) == "false"


async def test_nothing_changed_says_so_and_escape_twice_discards_what_was_typed(st, store_path) -> None:
    before = len(st.history())
    app = Host(lambda: AnnotateScreen(st, STATEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Nothing to save" in screen_text(app)
        await pilot.press(*"drop", "tab", "tab", "3", "escape")
        await settle(pilot)
        assert app.results == [] and "escape again discards" in screen_text(app)  # a typed note is kept
        await pilot.press("escape")
        await settle(pilot)
        assert app.results == [None]
    fresh = reopen(store_path)
    assert len(fresh.history()) == before
    assert fresh.get(STATEMENT).credibility == 5 and fresh.annotations_of(STATEMENT) == []


async def test_ctrl_e_without_an_editor_or_a_terminal_explains(st, monkeypatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = Host(lambda: AnnotateScreen(st, STATEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        assert "No editor is set" in screen_text(app)
        monkeypatch.setenv("EDITOR", "true")
        await pilot.press("ctrl+e")  # the headless test driver cannot suspend
        assert "cannot hand over to an editor" in screen_text(app)
        assert app.screen.query_one("#field-note", TextArea).text == ""


def test_editor_command_and_edit_text(tmp_path) -> None:
    assert editor_command({"VISUAL": "code -w", "EDITOR": "vi"}) == ["code", "-w"]
    assert editor_command({"EDITOR": " "}) is None
    script = 'printf "%s" "written in the editor" > "$0"'
    assert edit_text(["sh", "-c", script], "old note") == "written in the editor"
    assert edit_text(["sh", "-c", 'printf "kept\\n" > "$0"'], "x") == "kept"
