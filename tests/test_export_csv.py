"""CSV export: one table per record kind, read back with the csv module, names resolved, text intact."""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.features.export import export, select
from claimnet.store.features.export.text import clean
from claimnet.tui.cli import main
from tests.export_fixtures import AWKWARD, open_awkward

FILES = [f"{table}.csv" for table in model.RECORD_TABLES]


def read_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for spreadsheets"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def as_cell(text: str) -> str:
    """What a text becomes in a cell: CSV keeps it, formula-like starts get an apostrophe."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


@pytest.fixture
def awkward(tmp_path):
    with open_awkward(str(tmp_path / "a.json")) as s:
        yield s


def test_folder_holds_one_readable_table_per_kind(awkward, tmp_path) -> None:
    folder = tmp_path / "out"
    export(select(awkward), "csv", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    tables = {name: read_rows((folder / name).read_bytes()) for name in FILES}
    statements = tables["statements.csv"]
    assert [row["id"] for row in statements] == [f"st-{i}" for i in range(len(AWKWARD))]
    for i, row in enumerate(statements):
        assert row["text"] == as_cell(AWKWARD[i])
        assert row["speaker"] == f"act-{i}" and row["speaker_name"] == as_cell(AWKWARD[i])
        assert row["about_names"] == as_cell(AWKWARD[(i + 1) % len(AWKWARD)])
        assert row["source_title"] == AWKWARD[3]
        assert row["verdict"] == model.VERDICTS[i % len(model.VERDICTS)]
    links = {row["id"]: row for row in tables["links.csv"]}
    assert links["ln-sup-0"]["from_kind"] == "evidence" and links["ln-sup-0"]["to_label"] == AWKWARD[0]
    assert links["ln-con-0"]["weight"] == "-1" and links["ln-den-2"]["note"] == AWKWARD[2]
    evidence = {row["id"]: row for row in tables["evidence.csv"]}
    assert evidence["ev-1"]["quantity_value"] == "1001" and evidence["ev-1"]["quantity_unit"] == "containers"
    assert evidence["ev-1"]["reported_by_name"] == AWKWARD[1]
    notes = {row["id"]: row for row in tables["annotations.csv"]}
    assert notes["an-1"]["tags"] == "tag1; kö" and notes["an-1"]["check_position_to_know"] == "yes"
    assert notes["an-0"]["check_position_to_know"] == "no" and notes["an-0"]["check_biased"] == ""
    assert notes["an-actor"]["target_kind"] == "actor" and notes["an-actor"]["target_label"] == AWKWARD[1]
    actors = {row["id"]: row for row in tables["actors.csv"]}
    assert actors["act-5"]["affiliation_name"] == AWKWARD[0] and actors["act-5"]["aliases"] == "alias 5"
    [source] = tables["sources.csv"]
    assert source["text"] == "\n".join(AWKWARD)
    assert source["statements"] == str(len(AWKWARD))


def test_formula_like_cells_are_defused(awkward, tmp_path) -> None:
    export(select(awkward), "csv", str(tmp_path / "out"))
    rows = read_rows((tmp_path / "out" / "statements.csv").read_bytes())
    formula = AWKWARD.index('=HYPERLINK("http://evil.example")')
    assert rows[formula]["text"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[formula]["credibility"].isdigit()


def test_zip_has_the_same_tables_and_is_deterministic(awkward, tmp_path) -> None:
    net = select(awkward)
    export(net, "csv", str(tmp_path / "one.zip"))
    export(net, "csv", str(tmp_path / "two.zip"))
    export(net, "csv", str(tmp_path / "folder"))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == FILES
        for name in FILES:
            assert archive.read(name) == (tmp_path / "folder" / name).read_bytes()


def test_newlines_and_quotes_survive_inside_cells(awkward, tmp_path) -> None:
    export(select(awkward), "csv", str(tmp_path / "out"))
    rows = read_rows((tmp_path / "out" / "statements.csv").read_bytes())
    assert rows[2]["text"] == "line one\nline two\r\nline three"
    assert rows[0]["text"] == 'He said "no", then \'yes\''
    assert rows[9]["text"] == AWKWARD[9]  # CSV carries control characters as they are
    assert clean(rows[9]["text"]) != rows[9]["text"]


def test_empty_tables_still_have_headers(tmp_path) -> None:
    from claimnet.store import open_store

    with open_store(str(tmp_path / "a.json")) as s:
        export(select(s), "csv", str(tmp_path / "out"))
    data = (tmp_path / "out" / "annotations.csv").read_bytes()
    assert read_rows(data) == []
    assert data.decode("utf-8-sig").startswith("id,target,target_kind,target_label,note,tags,verdict")


def test_cli_csv_to_zip_and_refusals(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    open_awkward(path).close()
    target = tmp_path / "net.zip"
    assert main(["export", "-f", "csv", "-o", str(target), "--store", path, "--accepted-only"]) == 0
    assert "Wrote csv to" in capsys.readouterr().out
    with zipfile.ZipFile(target) as archive:
        rows = read_rows(archive.read("statements.csv"))
    assert rows and all(row["status"] == "accepted" for row in rows)
    assert main(["export", "-f", "csv", "-o", "-", "--store", path]) == 1
    assert "give -o FOLDER" in capsys.readouterr().err
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x")
    assert main(["export", "-f", "csv", "-o", str(blocker), "--store", path]) == 1
    err = capsys.readouterr().err
    assert "is a file" in err and "Traceback" not in err
    assert Path(blocker).read_text() == "x"


@pytest.mark.parametrize("target", ["out.json", "csvdir", "out.zip"])
def test_exports_are_owner_only_like_the_store_whatever_the_umask(tmp_path, target):
    path = str(tmp_path / "s.json")
    store_pkg.open_store(path).close()
    old = os.umask(0)
    try:
        fmt = "json" if target.endswith(".json") else "csv"
        assert main(["export", "-f", fmt, "-o", str(tmp_path / target), "--store", path]) == 0
    finally:
        os.umask(old)
    written = [tmp_path / target]
    if (tmp_path / target).is_dir():
        written += list((tmp_path / target).iterdir())
    for item in written:
        wanted = 0o700 if item.is_dir() else 0o600
        assert stat.S_IMODE(item.stat().st_mode) == wanted, item
    if target.endswith(".zip"):
        with zipfile.ZipFile(tmp_path / target) as archive:
            assert {info.external_attr >> 16 for info in archive.infolist()} == {0o600}
