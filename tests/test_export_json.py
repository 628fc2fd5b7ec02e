"""JSON export and import-json: lossless round trips, selections that import cleanly, the command line."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimnet.store as store_pkg
from claimnet.store import StoreError
from claimnet.store.features.export import export, import_document, select
from claimnet.tui.cli import main
from tests.export_fixtures import AWKWARD, awkward_network, open_awkward

ASSET = Path(__file__).resolve().parents[1] / "assets" / "default_network.json"
EMPTY = {"format": "claimnet-network", "version": 1}


def json_bytes(store: store_pkg.Store, **selection) -> bytes:
    out = io.BytesIO()
    export(select(store, **selection), "json", out)
    return out.getvalue()


def test_default_store_exports_exactly_the_shipped_network(tmp_path) -> None:
    with store_pkg.open_store(str(tmp_path / "a.json")) as s:
        assert json_bytes(s) == ASSET.read_bytes()


def test_export_import_export_is_identical_and_keeps_every_field(tmp_path) -> None:
    with open_awkward(str(tmp_path / "a.json")) as source:
        first = json_bytes(source)
    doc = json.loads(first)
    assert doc["format"] == "claimnet-network" and doc["version"] == 2
    assert [s["text"] for s in doc["statements"]] == AWKWARD
    given = awkward_network()
    for table in store_pkg.model.RECORD_TABLES:
        assert len(doc[table]) == len(given[table])
        for wrote, read in zip(given[table], doc[table], strict=True):
            assert {key: read[key] for key in wrote} == wrote
    with store_pkg.open_store(str(tmp_path / "b.json"), network=EMPTY) as target:
        added, same = import_document(target, doc, "first.json")
        assert (added, same) == (sum(len(doc[t]) for t in store_pkg.model.RECORD_TABLES), 0)
        assert json_bytes(target) == first
        target.undo()
        assert target.count("statements") == 0
    with store_pkg.open_store(str(tmp_path / "b.json")) as reopened:
        reopened.redo()
        assert json_bytes(reopened) == first


_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(list('"\',\n\r\t[]/<>&;\\`*_#|=@-')),
                       st.characters(exclude_categories=("Cs",))),
    min_size=1, max_size=40,
).filter(lambda t: t.strip())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_TEXT, text=_TEXT, quote=_TEXT, note=_TEXT, tag=_TEXT)
def test_awkward_text_round_trips_exactly(name: str, text: str, quote: str, note: str, tag: str) -> None:
    tag = "".join(tag.split()).replace(",", "") or "t"
    with tempfile.TemporaryDirectory() as folder:
        with store_pkg.open_store(f"{folder}/a.json", network=EMPTY, analyst=note) as s:
            actor = s.create("actor", name=name, aliases=[text])
            said = s.create("statement", speaker=actor.id, text=text, quote=quote, mode="quote")
            s.annotate(said.id, note=note, tags=[tag], verdict="mixed")
            first = json_bytes(s)
        with store_pkg.open_store(f"{folder}/b.json", network=EMPTY) as t:
            import_document(t, json.loads(first), "a.json")
            assert json_bytes(t) == first
    doc = json.loads(first)
    assert doc["actors"][0]["name"] == name
    assert doc["statements"][0]["text"] == text and doc["statements"][0]["quote"] == quote
    assert doc["annotations"][0]["note"] == note and doc["annotations"][0]["analyst"] == note


def test_import_refuses_a_clash_and_changes_nothing(tmp_path) -> None:
    doc = awkward_network()
    doc["statements"][0] = dict(doc["statements"][0], text="changed elsewhere")
    with open_awkward(str(tmp_path / "a.json")) as s:
        before = json_bytes(s)
        seq = s.storage.seq
        with pytest.raises(StoreError, match="st-0 already exist.*nothing was imported"):
            import_document(s, doc, "other.json")
        assert json_bytes(s) == before and s.storage.seq == seq


def test_import_skips_identical_records_and_adds_the_rest(tmp_path) -> None:
    doc = awkward_network()
    extra = {"id": "act-new", "name": "Someone new", "kind": "person"}
    doc["actors"].append(extra)
    with open_awkward(str(tmp_path / "a.json")) as s:
        added, same = import_document(s, doc, "other.json")
        assert added == 1 and same == sum(len(v) for k, v in awkward_network().items()
                                          if isinstance(v, list))
        assert s.get("act-new").name == "Someone new"


@pytest.mark.parametrize("selection", [
    {"actors": ["act-kim-inae"]},
    {"actors": ["act-kim-yo-jong", "act-russia"]},
    {"sources": ["src-north-korea-denies-exporting-weapons-to-russia"]},
    {"actors": ["act-kim-yo-jong"], "accepted_only": True},
])
def test_selections_are_closed_and_import_into_an_empty_store(tmp_path, selection) -> None:
    with store_pkg.open_store(str(tmp_path / "a.json")) as s:
        part = json_bytes(s, **selection)
        whole = json.loads(json_bytes(s))
    doc = json.loads(part)
    with store_pkg.open_store(str(tmp_path / "b.json"), network=EMPTY) as t:
        import_document(t, doc, "part.json")
        assert json_bytes(t) == part
    assert 0 < len(doc["statements"]) < len(whole["statements"]) or selection.get("sources")
    for actor in selection.get("actors", ()):
        mine = {x["id"] for x in whole["statements"] if x["speaker"] == actor or actor in x["about"]}
        assert mine <= {x["id"] for x in doc["statements"]}


def test_accepted_only_drops_proposed_and_rejected_with_their_links(tmp_path) -> None:
    with open_awkward(str(tmp_path / "a.json")) as s:
        doc = json.loads(json_bytes(s, accepted_only=True))
    kept = {r["id"] for t in ("statements", "evidence") for r in doc[t]}
    assert all(r["status"] == "accepted" for t in ("statements", "evidence") for r in doc[t])
    assert "st-4" not in kept and "st-3" in kept and "ev-0" not in kept
    ids = {r["id"] for t in doc if isinstance(doc[t], list) for r in doc[t]}
    assert all(link["from"] in ids and link["to"] in ids for link in doc["links"])
    assert all(note["target"] in ids for note in doc["annotations"])


# ------------------------------------------------------------------------------ command line


def test_cli_export_to_stdout_and_file_and_import(tmp_path, capsys) -> None:
    a, b = str(tmp_path / "a.json"), str(tmp_path / "b.json")
    open_awkward(a).close()
    assert main(["export", "--format", "json", "--store", a]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["statements"][2]["text"] == AWKWARD[2]
    out = str(tmp_path / "net.json")
    assert main(["export", "-f", "json", "-o", out, "--store", a, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["records"]["statements"] == len(AWKWARD)
    assert Path(out).read_text(encoding="utf-8") == printed
    assert main(["import-json", out, "--store", b]) == 0
    captured = capsys.readouterr()
    assert "created a new empty store" in captured.err and "Imported" in captured.out
    assert main(["export", "-f", "json", "--store", b]) == 0
    assert capsys.readouterr().out == printed
    assert main(["import-json", out, "--store", b, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 0


def test_cli_export_selection_by_name(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    store_pkg.open_store(path).close()
    assert main(["export", "-f", "json", "--actor", "Kim Inae", "--store", path]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert any(s["speaker"] == "act-kim-inae" for s in doc["statements"])
    assert {a["id"] for a in doc["actors"]} >= {"act-kim-inae", "act-unification-ministry",
                                                "act-south-korea"}


@pytest.mark.parametrize("argv, message", [
    (["export", "-f", "json", "--actor", "Nobody At All"], "No actor is called"),
    (["export", "-f", "csv"], "give -o FOLDER or -o FILE.zip"),
    (["import-json", "missing.json"], "Cannot read missing.json"),
])
def test_cli_errors_are_one_sentence(tmp_path, capsys, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    store_pkg.open_store(str(tmp_path / "a.json")).close()
    assert main([*argv, "--store", str(tmp_path / "a.json")]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") <= 2


def test_cli_refuses_to_export_over_the_store_and_import_a_clash(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    open_awkward(path).close()
    before = Path(path).read_bytes()
    assert main(["export", "-f", "json", "-o", path, "--store", path]) == 1
    assert "is the store itself" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    doc = awkward_network()
    doc["actors"][0]["name"] = "Renamed"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import-json", str(bad), "--store", path]) == 1
    assert "act-0 already exist" in capsys.readouterr().err
    not_network = tmp_path / "other.json"
    not_network.write_text("[1, 2]", encoding="utf-8")
    assert main(["import-json", str(not_network), "--store", path]) == 1
    assert "not a claimnet network document" in capsys.readouterr().err
    with store_pkg.open_store(path) as s:
        assert json.loads(json_bytes(s))["actors"][0]["name"] == AWKWARD[0]
    assert Path(path).read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "dot", "graphml", "claimreview"])
def test_every_format_reports_progress_to_completion(tmp_path, fmt) -> None:
    calls: list[tuple[int, int]] = []
    with open_awkward(str(tmp_path / "a.json")) as s:
        net = select(s)
    target = str(tmp_path / "out") if fmt == "csv" else io.BytesIO()
    export(net, fmt, target, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] > 0
    assert all(done <= total for done, total in calls)
    if fmt in ("dot", "graphml"):  # counted exactly: the last step before finishing is the total
        from claimnet.store.features.export.graph import edge_count, edges, node_count, nodes

        assert node_count(net) + edge_count(net) == len(list(nodes(net))) + len(list(edges(net)))
