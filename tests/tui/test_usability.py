"""What a newcomer tripped over: help everywhere, readable colours, quick keys, short notices, row marks."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem, ColorType
from rich.segment import Segment
from rich.terminal_theme import TerminalTheme
from textual.widgets import Tree
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import read_article
from claimnet.tui.app import NOTICE_SECONDS
from claimnet.tui.forms import AnnotateScreen
from claimnet.tui.rows import Row
from claimnet.tui.screens.filter_screen import FilterScreen
from claimnet.tui.screens.graph_screen import GraphScreen
from claimnet.tui.screens.help_screen import HelpScreen
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.screens.search_screen import format_hit
from claimnet.tui.screens.source_screen import SourceScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import DENIAL, KIM, press_settled, reopen, screen_text, settle, started, started_on, wait_for

GRAIN = ("Ministry rejects report on grain exports\n\nThe Agriculture Ministry on Tuesday denied a report "
         "that it had exported 40,000 tonnes of grain to North Korea. \"These claims are false,\" "
         "spokesman Lee Jun said. \"We have never sold grain to Pyongyang,\" the ministry added.\n")

# -- ? everywhere, j/k in the tree ------------------------------------------------------------


async def test_question_mark_lists_the_keys_of_the_source_reader_and_the_neighbourhood(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        assert isinstance(await press_settled(pilot, "s"), SourceScreen)
        assert isinstance(await press_settled(pilot, "question_mark"), HelpScreen)
        ids = {binding_id for _keys, _what, binding_id in app.screen.rows}
        assert {"next_span", "previous_span", "open_span", "close_source", "quit"} <= ids
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, GraphScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        ids = {binding_id for _keys, _what, binding_id in app.screen.rows}
        assert {"close_graph", "back", "cursor_down", "cursor_top"} <= ids
        await pilot.press("escape", "escape")
        await settle(pilot)
        # in a form ? is typed into the note, f1 lists the form's keys; in the verdict menu ? works
        await pilot.press("a", "question_mark", "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "form.save" in {binding_id for _keys, _what, binding_id in app.screen.rows}
        await pilot.press("escape")
        assert app.screen.query_one("#field-note").text == "?"
        await pilot.press("escape", "escape", "v", "question_mark")  # a typed note: escape asks once
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "verdict_1" in {binding_id for _keys, _what, binding_id in app.screen.rows}


async def test_j_k_g_and_G_move_in_the_neighbourhood_tree(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("r")
        await settle(pilot)
        tree = app.screen.query_one(Tree)
        assert tree.cursor_line == 0
        await pilot.press("j", "j")
        assert tree.cursor_line == 2
        await pilot.press("k")
        assert tree.cursor_line == 1
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line > 2
        await pilot.press("g")
        assert tree.cursor_line == 0
        # link types read as words
        labels = [str(node.label) for node in tree.root.children]
        assert any(label.startswith("← responds to") for label in labels), labels
        assert not any("responds_to" in label for label in labels)


# -- colours that keep their contrast ----------------------------------------------------------


#: xterm's 16 colours on a dark background: what the newcomer's contrast figures were measured with.
XTERM = TerminalTheme((0, 0, 0), (229, 229, 229), [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229)], [
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
    (0, 255, 255), (255, 255, 255)])


def _luminance(rgb) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(segment: Segment, app, sixteen: bool) -> float:
    """The contrast of a drawn cell's text on its background, as the terminal would show it."""
    style = segment.style
    theme = XTERM if sixteen else app.ansi_theme

    def rgb(color, foreground: bool):
        if color is None:
            color = style.color.__class__.default()
        if sixteen and color.type in (ColorType.TRUECOLOR, ColorType.EIGHT_BIT):
            color = color.downgrade(ColorSystem.STANDARD)  # what a 16-colour terminal gets
        return color.get_truecolor(theme, foreground=foreground)

    fore, back = rgb(style.color, True), rgb(style.bgcolor, False)
    if style.reverse:
        fore, back = back, fore
    light, dark = sorted((_luminance(fore), _luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _line_segments(app, y: int, x0: int, x1: int) -> list[Segment]:
    """The drawn segments of screen line ``y`` between columns ``x0`` and ``x1`` that show text."""
    strip = app.screen._compositor.render_strips()[y].crop(x0, x1)
    return [segment for segment in strip if segment.text.strip() and segment.style is not None]


@pytest.mark.parametrize("colours", [16, None])  # 16 colours, and true colour
async def test_the_cursor_row_its_marks_and_the_footer_keys_keep_their_contrast(
        make_app, store_path, colours) -> None:
    other = reopen(store_path)
    other.annotate(DENIAL, verdict="true", note="seen")
    other.annotate("st-kim-yo-jong-absurd-paradox", verdict="false")
    other.close()
    app = make_app()
    app.colours = colours
    sixteen = colours == 16
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, DENIAL)
        statements = screen.pane("statements")
        region = statements.content_region
        focused_row = region.y + statements.cursor - statements.scroll_offset.y
        cells = _line_segments(app, focused_row, region.x, region.right)
        assert any(segment.text == "T" for segment in cells)  # the verdict mark is on the cursor row
        await pilot.press("j", "A")  # the false verdict's row, then the cursor there is blurred
        await settle(pilot)
        blurred_row = region.y + statements.cursor - statements.scroll_offset.y
        blurred = _line_segments(app, blurred_row, region.x, region.right)
        assert any(segment.text == "F" for segment in blurred)
        footer = _line_segments(app, 23, 0, 80)
        for segment in cells + blurred + footer:
            contrast = _contrast(segment, app, sixteen)
            assert contrast >= 3, f"{segment.text!r} {segment.style} has contrast {contrast:.2f}"
        assert (app.theme == "claimnet-ansi") == sixteen  # the terminal's own colours in 16


# -- quick keys --------------------------------------------------------------------------------


async def test_switching_panes_neither_rebuilds_the_footer_nor_rereads_a_detail_it_showed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        keys = list(screen.query(FooterKey))
        await pilot.press("S")
        await settle(pilot)
        statement = screen.focused_id
        await pilot.press("E", "A")
        await settle(pilot)
        assert list(screen.query(FooterKey)) == keys  # the same widgets: no recompose, no layout
        read = []
        screen._read_detail = lambda record_id: read.append(record_id)  # no worker from here on
        await pilot.press("S")
        detail = screen.query_one(DetailView)
        assert detail.record_id == statement and "STATEMENT" in detail.text  # at once, from the cache
        await pilot.press("A")
        assert detail.record_id == KIM and read == []


async def test_the_annotate_form_is_built_once_and_reopens_empty_on_the_next_record(
        make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AnnotateScreen)
        await pilot.press(*"not kept", "escape", "escape", "j", "a")  # escape asks once, then discards
        await settle(pilot)
        assert app.screen is form and form.record_id != DENIAL
        below = form.record_id
        assert form.query_one("#field-note").text == ""
        assert app.store.get(below).text[:30] in screen_text(app)  # the header names the new record
        await pilot.press(*"kept", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    fresh = reopen(store_path)
    assert [a.note for a in fresh.annotations_of(below)] == ["kept"]
    assert fresh.annotations_of(DENIAL) == []
    fresh.close()


# -- notices -----------------------------------------------------------------------------------


async def test_a_notice_is_one_compact_line_and_goes_away_by_itself(make_app, monkeypatch) -> None:
    assert NOTICE_SECONDS["information"] <= 3 < NOTICE_SECONDS["error"]
    monkeypatch.setitem(NOTICE_SECONDS, "information", 2.0)  # shorter than 3 s, long enough to see
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("a", *"short", "ctrl+s")
        await settle(pilot)
        toasts = list(app.screen.query(Toast))
        assert toasts and "Saved: Annotated" in screen_text(app)
        assert all(toast.outer_size.height <= 2 for toast in toasts)
        assert [n.timeout for n in app._notifications] == [2.0]  # the app's default, not Textual's 5 s
        # no key is pressed from here on
        await wait_for(pilot, lambda: "Saved: Annotated" not in screen_text(app), seconds=8)
        assert not app.screen.query(Toast)


# -- proposed and rejected rows ----------------------------------------------------------------


async def test_proposed_and_rejected_statements_are_marked_in_the_panes(
        make_app, store_path, tmp_path) -> None:
    article = tmp_path / "grain.txt"
    article.write_text(GRAIN, encoding="utf-8")
    fresh = reopen(store_path)
    source = import_article(fresh, read_article(str(article))).source_id
    proposed = [r.id for r in fresh.records_from_source(source) if r.KIND == "statement"]
    fresh.update(proposed[1], status="rejected")
    fresh.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, proposed[0])
        statements = screen.pane("statements")
        rows = {row.id: row for row in statements.rows}
        assert rows[proposed[0]].status == "proposed" and rows[proposed[1]].status == "rejected"
        assert rows[DENIAL].status == "accepted"
        lines = screen_text(app).splitlines()
        region = statements.content_region
        row_line = lines[region.y + statements.cursor - statements.scroll_offset.y]
        assert row_line[region.x:region.x + 3] == "  ~"
        screen.show_record(proposed[1])
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row_line = lines[region.y + statements.cursor - statements.scroll_offset.y]
        assert row_line[region.x:region.x + 3] == "  ✗"
        screen.show_record(DENIAL)
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row_line = lines[region.y + statements.cursor - statements.scroll_offset.y]
        assert row_line[region.x:region.x + 3] == "   "


# -- small things ------------------------------------------------------------------------------


def test_a_search_hit_keeps_its_kind_field_and_words_apart() -> None:
    hit = format_hit(Row("src-x", "hit", "source", "North Korea denies", "title"), 60).plain
    assert hit.startswith("source title        North Korea denies")
    # a statement's hit shows who said it, short, where the field was
    hit = format_hit(Row("st-x", "hit", "statement", "“the most absurd paradox”", "Kim Yo Jong"), 60).plain
    assert hit.startswith("stmt   Kim Yo Jong  “the most absurd paradox”")


async def test_at_60_columns_the_footer_keeps_help_and_quit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await started(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer and "/ Search" in footer


async def test_at_80_columns_the_evidence_pane_says_what_it_holds_and_whose_links(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, DENIAL)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Evidence 7 ─" in text and "on denial by Kim" in text
        for who in ("United Sta", "South Korea", "Other accu"):
            assert f"→ deny {who}" in text


async def test_in_the_filter_enter_on_a_closed_list_applies_and_the_hint_is_whole(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("S", "f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        text = screen_text(app)
        assert "escape cancels" in text and "ascending  descending" in text
        await pilot.press("space")  # opens the act list; enter there picks, not applies
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterScreen)
        statements = screen.pane("statements")
        assert statements.rows and all(row.label == "denial" for row in statements.rows)
