"""Importing articles: proposals with spans, duplicates, bad files, formats, nothing overwritten."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import claimnet.store as store_pkg
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import MAX_BYTES, Article, ReadError, read_article
from claimnet.tui.cli import main

SEED = Path(__file__).resolve().parents[1] / "assets" / "default_network.json"
CORPUS = Path(__file__).resolve().parent / "extraction" / "corpus"


def seed_text() -> str:
    return json.loads(SEED.read_text(encoding="utf-8"))["sources"][0]["text"]


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text(), encoding="utf-8")
    return path


def test_import_proposes_records_with_exact_spans(empty_store, article_file):
    result = import_article(empty_store, read_article(str(article_file)), published="2024-05-17")
    assert result.added["statements"] >= 10 and result.added["actors"] >= 8
    source = empty_store.get(result.source_id)
    assert source.text == seed_text() and source.published == "2024-05-17"
    for statement in empty_store.all("statements"):
        assert statement.status == "proposed" and statement.origin == "extracted"
        assert 0 < statement.confidence <= 1 and statement.source == source.id
        start, end = statement.span
        if statement.quote:
            assert statement.quote in source.text[start:end]
    quotes = {s.quote for s in empty_store.all("statements") if s.quote}
    assert "the most absurd paradox" in quotes


def test_same_text_again_changes_nothing(empty_store, article_file):
    first = import_article(empty_store, read_article(str(article_file)))
    seq = empty_store.storage.seq
    again = import_article(empty_store, read_article(str(article_file)))
    assert again.duplicate and again.source_id == first.source_id
    assert empty_store.storage.seq == seq


def test_import_is_one_undoable_change(empty_store, article_file):
    import_article(empty_store, read_article(str(article_file)))
    empty_store.undo()
    assert all(empty_store.count(t) == 0 for t in ("sources", "actors", "statements"))


def test_existing_actors_are_matched_and_a_persons_work_survives(store, tmp_path):
    denial = "st-kim-yo-jong-denies-weapons-exports"
    store.annotate(denial, note="mine", verdict="false")
    before = {t: {r.id: r for r in store.all(t)} for t in ("actors", "statements", "annotations")}
    path = tmp_path / "other.txt"
    path.write_text(
        "North Korea's Kim Yo Jong said on Saturday that Seoul was lying. “It is a fabrication,” "
        "Ms Kim said in a statement. South Korea's Unification Ministry rejected the claim.",
        encoding="utf-8",
    )
    result = import_article(store, read_article(str(path)))
    assert not result.duplicate
    for records in before.values():
        for rid, record in records.items():
            assert store.get(rid) == record  # nothing a person made or wrote was changed
    new = [s for s in store.all("statements") if s.source == result.source_id]
    speakers = {s.speaker for s in new}
    assert "act-kim-yo-jong" in speakers  # matched by name, no duplicate actor proposed
    assert not [a for a in store.all("actors") if a.name == "Kim Yo Jong" and a.id != "act-kim-yo-jong"]


def test_html_page_keeps_the_article_body(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in seed_text().split("\n"))
    page = (
        "<!DOCTYPE html><html><head><title>Kim denies arms exports | Wire</title>"
        '<meta property="og:site_name" content="The Wire"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> Subscribe now</nav>"
        f"<article><h1>Kim denies arms exports</h1>{paragraphs}</article>"
        "<footer>Cookie settings. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(str(path))
    assert article.format == "html" and "the most absurd paradox" in article.text
    assert "Subscribe" not in article.text and "Cookie" not in article.text
    assert article.title and "Kim denies" in article.title


def test_markdown_is_read_as_plain_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Ministry denies report\n\nThe ministry **denied** the [report](http://x).\n"
                    "It said the claims were *false*.\n", encoding="utf-8")
    article = read_article(str(path))
    assert article.title == "Ministry denies report"
    assert article.text == "The ministry denied the report. It said the claims were false."


@pytest.mark.parametrize(("data", "expected"), [
    ("Café said the minister.".encode("cp1252"), "Café said the minister."),
    ("Der Minister sagte: „Nein“ und so weiter, für alle Fälle.".encode("utf-16"),
     "Der Minister sagte: „Nein“ und so weiter, für alle Fälle."),
    ("\ufeffBOM text said she.".encode(), "BOM text said she."),
])
def test_encodings_are_detected(tmp_path, data, expected):
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    assert read_article(str(path)).text == expected


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"   \n\n ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_bad_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_article(str(path))


def test_huge_and_missing_files_are_refused(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_BYTES + 10)
    with pytest.raises(ReadError, match="larger than"):
        read_article(str(huge))
    with pytest.raises(ReadError, match="There is no file"):
        read_article(str(tmp_path / "missing.txt"))


def test_cli_import_writes_nothing_when_one_file_fails(store_path, article_file, tmp_path, capsys):
    store_pkg.open_store(store_path).close()
    before = Path(store_path).read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["import", str(article_file), str(empty)])
    _, err = capsys.readouterr()
    assert code == 1 and "is empty" in err
    assert Path(store_path).read_bytes() == before
    assert not os.path.exists(store_path + ".journal") or os.path.getsize(store_path + ".journal") == 0


def test_cli_import_from_stdin_with_metadata(store_path, monkeypatch, capsys):
    text = "Interior minister Jane Roe said on Monday that the report was “entirely false”."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code = main(["import", "-", "--title", "Ministry rejects report", "--date", "2024-06-03",
                 "--outlet", "Wire", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    result = json.loads(out)[0]
    with store_pkg.open_store(store_path) as opened:
        source = opened.get(result["source"])
        assert (source.title, source.published, source.outlet) == ("Ministry rejects report",
                                                                   "2024-06-03", "Wire")
        assert any(s.text == "The report was “entirely false”" for s in opened.all("statements"))


def test_cli_import_rejects_a_bad_date(store_path, article_file, capsys):
    assert main(["import", str(article_file), "--date", "17 May"]) == 1
    assert "must be a date" in capsys.readouterr().err


def test_the_corpus_imports_end_to_end(empty_store):
    for path in sorted(CORPUS.glob("*.txt")):
        result = import_article(empty_store, read_article(str(path)))
        assert result.added["statements"] > 5, path.name
    assert empty_store.count("sources") == len(list(CORPUS.glob("*.txt")))
    from claimnet.store.features.check import problems
    assert problems(empty_store) == []


@pytest.mark.parametrize("data", [b"\xff\xfeH\x00i\x00!", b"\xef\xbb\xbfok \xff bad"])
def test_a_bom_with_bad_bytes_after_it_is_refused(tmp_path, data):
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="does not fit"):
        read_article(str(path))


def test_an_untitled_file_is_named_after_the_file(empty_store, tmp_path):
    path = tmp_path / "kim_denial.txt"
    path.write_text(seed_text(), encoding="utf-8")
    result = import_article(empty_store, read_article(str(path)))
    assert empty_store.get(result.source_id).title == "kim denial"


def _meanwhile(monkeypatch, path: str, act) -> None:
    """Make a second session on ``path`` do ``act`` while this session extracts."""
    from claimnet.store.features import importer

    real = importer.extract

    def extract_then_act(*args, **kwargs):
        out = real(*args, **kwargs)
        monkeypatch.setattr(importer, "extract", real)  # once: the other session extracts plainly
        other = store_pkg.open_store(path)
        try:
            act(other)
        finally:
            other.close()
        return out

    monkeypatch.setattr(importer, "extract", extract_then_act)


def test_a_change_by_another_session_during_an_import_is_kept_and_the_import_lands(
        empty_store, article_file, monkeypatch):
    _meanwhile(monkeypatch, empty_store.storage.path,
               lambda other: other.create("actor", name="Written Meanwhile", kind="person"))
    result = import_article(empty_store, read_article(str(article_file)))
    empty_store.refresh()
    assert empty_store.resolve("Written Meanwhile", "actor")
    assert empty_store.count("statements") == result.added["statements"] > 0
    assert empty_store.history()[0].summary.startswith("import ")


def test_the_same_text_imported_by_another_session_meanwhile_writes_nothing(
        empty_store, article_file, monkeypatch):
    _meanwhile(monkeypatch, empty_store.storage.path,
               lambda other: import_article(other, read_article(str(article_file))))
    with pytest.raises(store_pkg.StoreError, match="imported meanwhile"):
        import_article(empty_store, read_article(str(article_file)))
    empty_store.refresh()
    assert empty_store.count("sources") == 1


def test_an_actor_deleted_by_another_session_during_an_import_drops_only_what_needed_it(
        store, monkeypatch):
    text = seed_text()
    kim = store.resolve("Kim Yo Jong", "actor")
    _meanwhile(monkeypatch, store.storage.path,
               lambda other: other.delete(kim.id, cascade=True))
    result = import_article(store, Article(text=text + "\n", name="seed-again.txt"))
    store.refresh()
    assert store.find(kim.id) is None
    assert result.added["statements"] > 0
    assert all(s.speaker != kim.id for s in store.all("statements"))
    assert any(kim.id in line for line in result.dropped)


def test_an_untitled_story_is_named_by_its_headline_never_by_a_caption_or_dateline(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("FILE PHOTO: A tanker at anchor. REUTERS/Lin Hao\n\nBy Dana Whitlock\n\n"
                       "UNITED NATIONS, March 4 (Reuters) - Tankers made 14 transfers, monitors said.\n",
                       encoding="utf-8")
    assert read_article(str(article)).title is None or "PHOTO" not in read_article(str(article)).title
    article.write_text("Tankers broke sanctions, UN panel says\n\nBy Dana Whitlock\n\nBody text here.\n",
                       encoding="utf-8")
    assert read_article(str(article)).title == "Tankers broke sanctions, UN panel says"
    for label in ("NEWS", "Home » Local"):  # a section's label over the headline is no headline
        article.write_text(f"{label}\nTankers broke sanctions, UN panel says\nBy Dana Whitlock\n\nBody.\n",
                           encoding="utf-8")
        assert read_article(str(article)).title == "Tankers broke sanctions, UN panel says"
