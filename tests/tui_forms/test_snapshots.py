"""Snapshots of the annotate and statement forms at 80×24 (regenerate on purpose, never blindly)."""

from __future__ import annotations

from claimnet.tui.forms import AnnotateScreen, RecordFormScreen

from .conftest import STATEMENT, Host, settle


def test_annotate_statement_at_80x24(snap_compare, st) -> None:
    st.annotate(STATEMENT, tags=["arms", "denial"], verdict="misleading", checks={"biased": True})
    app = Host(lambda: AnnotateScreen(st, STATEMENT))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_edit_statement_form_at_80x24(snap_compare, st) -> None:
    app = Host(lambda: RecordFormScreen(st, "statement", STATEMENT))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
