"""The Markdown report: rendered with a CommonMark parser, user text shows literally, content is complete."""

from __future__ import annotations

import io
import re

import pytest
from markdown_it import MarkdownIt

import claimnet.store as store_pkg
from claimnet.store.features.export import export, select
from claimnet.store.features.export.markdown import md, md_lines
from claimnet.store.features.export.text import flat
from claimnet.tui.cli import main
from tests.export_fixtures import AWKWARD, open_awkward

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def report(store: store_pkg.Store, **selection) -> str:
    out = io.BytesIO()
    export(select(store, **selection), "markdown", out)
    return out.getvalue().decode("utf-8")


def plain_text(markdown: str) -> str:
    """The text a reader sees once the Markdown is rendered."""
    parts = []
    for token in PARSER.parse(markdown):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        parts.append("\n")
    return "".join(parts)


@pytest.fixture
def awkward(tmp_path):
    with open_awkward(str(tmp_path / "a.json")) as s:
        yield s


def test_user_text_renders_literally_never_as_markup(awkward) -> None:
    text = report(awkward)
    html = PARSER.render(text)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>stars</em>" not in html and "*stars*" in html
    assert "<em>under</em>" not in html and "_under_" in html
    assert "<code>" not in html and "`code`" in html and "<del>" not in html
    assert html.count("<em>") == len(awkward.all("actors")) + 1  # only each actor's and source's facts
    assert "<table>" not in html
    links = re.findall(r'<a href="([^"]*)"', html)
    assert links and set(links) == {"https://example.org/news?id=1&amp;lang=ko"}


def test_every_awkward_statement_appears_whole_in_the_rendered_report(awkward) -> None:
    shown = " ".join(plain_text(report(awkward)).split())
    for sample in AWKWARD:
        expected = " ".join(flat(sample).split())
        expected = re.sub("[\x00-\x08\x0b-\x1f\x7f]", "\ufffd", expected)
        assert expected in shown, sample


def test_lines_that_look_like_blocks_stay_text() -> None:
    lines = md_lines("# not a heading\n- not a list\n1. not numbered\n> not quoted\n===", "> ")
    html = PARSER.render("\n".join(lines))
    assert html.count("<blockquote>") == 1
    for tag in ("<h1>", "<ul>", "<ol>", "<h2>", "<li>"):
        assert tag not in html
    assert "# not a heading" in html and "1. not numbered" in html
    assert md("a & b &amp; [x](y) *z*") == "a & b &amp;amp; \\[x\\](y) \\*z\\*"


def test_default_network_report_has_statements_evidence_verdicts_notes_and_sources(tmp_path) -> None:
    with store_pkg.open_store(str(tmp_path / "a.json"), analyst="Jane Analyst") as s:
        s.annotate("st-kim-yo-jong-denies-weapons-exports", verdict="false",
                   note="Contradicted by the container count.", tags=["arms"])
        s.annotate("act-kim-yo-jong", note="Speaks for the leadership.")
        text = report(s)
    html = PARSER.render(text)
    kim = text.split("### Kim Yo Jong", 1)[1].split("\n### ", 1)[0]
    assert "North Korea has not exported any weapons to Russia" in kim
    assert "> “the most absurd paradox" in kim
    assert "**Evidence against:**" in kim and "About 7,000 containers" in kim
    assert "**Verdict:** False — Jane Analyst" in kim
    assert "Contradicted by the container count." in kim and "tags arms" in kim
    assert "Speaks for the leadership." in kim
    assert "**Denies:**" in kim and "United States" in kim
    assert "## Sources" in text and "Contributed 21 statement(s) and 10 piece(s) of evidence." in text
    assert "<h3>Kim Yo Jong</h3>" in html and "<h2>Actors</h2>" in html


def test_actor_selection_reports_only_that_part(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    store_pkg.open_store(path).close()
    assert main(["export", "-f", "markdown", "--actor", "Kim Inae", "--store", path]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Claim network report\n\nSelection: actor Kim Inae (act-kim-inae)")
    assert "### Kim Inae" in text and "Illegal arms dealings" in text
    assert "### John Kirby" not in text


def test_report_is_deterministic(awkward) -> None:
    assert report(awkward) == report(awkward)
