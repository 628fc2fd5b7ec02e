"""Field-level history: what each change keeps, undo and redo of it, imports named not copied, old entries."""

from __future__ import annotations

import os
import shutil
import tempfile
import zlib

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimnet.store as store_pkg
from claimnet.store import StoreError, StoreFileError, model
from claimnet.store.engine.shapes import CHANGE_OPS, history_problem
from claimnet.store.features.export.json_format import import_document
from claimnet.store.features.merge import Side
from claimnet.store.network import history as hist
from claimnet.store.network.changes import describe_entry, record_history

from .conftest import EMPTY_NETWORK
from .perf import synthetic_network

KIM = "st-kim-yo-jong-denies-weapons-exports"


def _snapshot(opened: store_pkg.Store) -> dict:
    return {t: {r.id: r.to_dict() for r in opened.all(t)} for t in model.RECORD_TABLES}


def _network(n: int) -> dict:
    stamp = "2026-01-01T00:00:00.000000Z"
    actors = [{"id": f"act-n{i}", "name": f"Imported actor {i}", "created": stamp, "updated": stamp}
              for i in range(n)]
    statements = [{"id": f"st-n{i}", "speaker": f"act-n{i}", "act": "claim", "mode": "paraphrase",
                   "text": f"imported claim number {i} about the border", "created": stamp,
                   "updated": stamp} for i in range(n)]
    links = [{"id": f"ln-n{i}", "from": f"st-n{i}", "to": f"st-n{i + 1}", "type": "responds_to",
              "created": stamp, "updated": stamp} for i in range(n - 1)]
    return {"format": "claimnet-network", "version": 2, "actors": actors, "statements": statements,
            "links": links}


# -- what a change keeps -------------------------------------------------------------------


def test_change_of_keeps_only_the_changed_fields_and_what_a_record_hangs_on() -> None:
    before = {"id": "ln-1", "from": "st-a", "to": "st-b", "type": "supports", "weight": 1, "note": None}
    after = dict(before, weight=-2, note="weak")
    change = hist.change_of("links", "ln-1", before, after)
    assert change["op"] == "edit"
    assert change["before"] == {"weight": 1, "note": None, "from": "st-a", "to": "st-b", "type": "supports"}
    assert change["after"] == {"weight": -2, "note": "weak", "from": "st-a", "to": "st-b", "type": "supports"}
    assert hist.change_of("actors", "act-1", None, {"id": "act-1"})["after"] == {"id": "act-1"}
    named = hist.change_of("links", "ln-1", None, before, by_ref=True)
    assert named == {"table": "links", "id": "ln-1", "op": "add-ref", "before": None,
                     "after": {"from": "st-a", "to": "st-b", "type": "supports"}}
    assert hist.change_of("links", "ln-1", before, None)["before"] == before


def test_reversal_of_a_field_level_edit_writes_the_fields_back_and_refuses_a_newer_value() -> None:
    before = {"id": "act-1", "name": "A", "role": "x", "updated": "1"}
    after = dict(before, role="y", updated="2")
    entry = {"summary": "edit", "changes": [hist.change_of("actors", "act-1", before, after)]}
    assert hist.reversal(entry, {"act-1": after}, forward=False) == [["actors", "act-1", before]]
    assert hist.reversal(entry, {"act-1": before}, forward=True) == [["actors", "act-1", after]]
    with pytest.raises(StoreError, match="changed since"):
        hist.reversal(entry, {"act-1": dict(after, role="z", updated="3")}, forward=False)
    assert hist.earlier(entry["changes"][0], after) == before
    assert hist.earlier(entry["changes"][0], None) is hist.UNKNOWN


def test_an_edit_keeps_only_the_fields_it_changed(store) -> None:
    old = store.raw("act-russia")
    store.update("act-russia", role="aggressor")
    [entry] = store.history(limit=1)
    [change] = entry.changes
    assert change["op"] == "edit"
    assert change["before"] == {"role": old["role"], "updated": old["updated"]}
    assert change["after"]["role"] == "aggressor" and set(change["after"]) == {"role", "updated"}
    assert describe_entry(entry) == "edit actor act-russia “Russia”: role changed"  # the old role is long


def test_an_annotation_made_alone_is_kept_whole_and_described(store) -> None:
    store.annotate(KIM, note="checked", verdict="false")
    [entry] = store.history(limit=1)
    [change] = entry.changes
    assert change["op"] == "add" and change["after"]["verdict"] == "false"
    assert "verdict false" in describe_entry(entry)


# -- imports are named, not copied ---------------------------------------------------------


def test_an_import_names_its_records_and_undo_redo_move_them_whole(empty_store) -> None:
    doc = _network(30)
    added, _same = import_document(empty_store, doc, "net.json")
    assert added == 89
    imported = _snapshot(empty_store)
    [entry] = empty_store.history(limit=1)
    assert {c["op"] for c in entry.changes} == {"add-ref"}
    assert all(c["after"] == {} for c in entry.changes if c["table"] != "links")
    link = next(c for c in entry.changes if c["id"] == "ln-n0")
    assert link["after"] == {"from": "st-n0", "to": "st-n1", "type": "responds_to"}
    raw_entry = empty_store.storage.tables["history"][entry.id]
    assert b"imported claim" not in orjson.dumps(raw_entry)  # no copy of the network's words
    assert [e.id for e in record_history(empty_store, "st-n3")] == [entry.id]

    undone = empty_store.undo()
    assert all(not rows for rows in _snapshot(empty_store).values())
    assert undone.state == hist.UNDONE
    history = empty_store.storage.tables["history"]
    holder = history[history[entry.id]["undone_by"]]
    assert holder["kind"] == hist.UNDO and len(holder["changes"]) == 89  # the records, once
    empty_store.redo()
    assert _snapshot(empty_store) == imported
    empty_store.close()
    reopened = store_pkg.open_store(empty_store.path)
    assert _snapshot(reopened) == imported
    reopened.undo()
    reopened.redo()
    assert _snapshot(reopened) == imported
    reopened.close()


def test_import_json_leaves_a_store_file_little_bigger_than_the_export(tmp_path) -> None:
    export = tmp_path / "net.json"
    export.write_bytes(orjson.dumps(synthetic_network(300), option=orjson.OPT_INDENT_2))
    path = str(tmp_path / "s.json")
    opened = store_pkg.open_store(path, network=EMPTY_NETWORK)
    import_document(opened, orjson.loads(export.read_bytes()), str(export))
    opened.close()
    assert os.path.getsize(path) < 1.3 * os.path.getsize(export)


# -- any sequence of changes ---------------------------------------------------------------

TEXT = st.text(alphabet="abcdef xyz", min_size=1, max_size=12).filter(lambda s: s.strip())
STEPS = st.lists(st.one_of(
    st.tuples(st.just("import"), st.integers(min_value=2, max_value=5)),
    st.tuples(st.just("create"), TEXT),
    st.tuples(st.just("edit"), TEXT),
    st.tuples(st.just("annotate"), TEXT),
    st.tuples(st.just("link"), st.none()),
    st.tuples(st.just("delete"), st.none()),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("redo"), st.none()),
), max_size=20)


def _step(opened: store_pkg.Store, op: str, value, counter: list[int]) -> None:
    actors = opened.ids("actors")
    statements = opened.ids("statements")
    try:
        if op == "import":
            counter[0] += 1
            n = counter[0]
            opened.add_many({"actors": [{"name": f"batch {n} actor {i}"} for i in range(value)],
                             "annotations": [{"target": "act-russia", "note": f"batch {n}"}]},
                            f"import batch {n}")
        elif op == "create":
            opened.create("actor", name=value)
        elif op == "edit" and actors:
            opened.update(actors[-1], role=value, aliases=[value])
        elif op == "annotate":
            opened.annotate(KIM, note=value, credibility=len(value) % 6 + 1)
        elif op == "link" and len(statements) > 1:
            opened.link(statements[-1], statements[0], "responds_to", weight=1)
        elif op == "delete" and actors:
            opened.delete(actors[-1], cascade=True)
        elif op == "undo":
            opened.undo()
        elif op == "redo":
            opened.redo()
    except StoreError:
        pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_undo_all_gives_the_start_redo_all_the_end_and_history_rebuilds_the_start(steps) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/h.json"
        opened = store_pkg.open_store(path, analyst="prop")
        start, counter = _snapshot(opened), [0]
        for op, value in steps:
            _step(opened, op, value, counter)
        end = _snapshot(opened)
        # what merge rebuilds from the history: every record as it was before the first change
        then = Side.of_tables(opened.storage.tables).at(0)
        rebuilt = {t: {} for t in model.RECORD_TABLES}
        for rid, record in {**{r: v for t in end.values() for r, v in t.items()}}.items():
            rebuilt[model.table_of_id(rid)][rid] = record
        for rid, record in then.items():
            rebuilt[model.table_of_id(rid)].pop(rid, None)
            if record is not None:
                rebuilt[model.table_of_id(rid)][rid] = record
        assert {t: {r: model.from_dict(t, v).to_dict() for r, v in rows.items()}
                for t, rows in rebuilt.items()} == start
        opened.close()
        folded = store_pkg.open_store(path)
        undone = 0
        while True:
            try:
                folded.undo()
            except StoreError:
                break
            undone += 1
        assert _snapshot(folded) == start
        for _ in range(undone):
            folded.redo()
        assert _snapshot(folded) == end
        folded.close()


# -- stores written before field-level history ---------------------------------------------


def _old_shape_store(path: str) -> tuple[dict, dict]:
    """A store file whose history holds whole records before and after, as claimnet wrote them."""
    store_pkg.open_store(path, analyst="old").close()
    with open(path, "rb") as handle:
        document = orjson.loads(handle.read())
    actors = document["actors"]
    key, russia = next((k, r) for k, r in actors.items() if r["id"] == "act-russia")
    edited = dict(russia, role="old role", updated="2026-12-01T00:00:00.000000Z")
    actors[key] = edited
    note = {**model.defaults("annotations"), "id": "an-oldnote", "target": KIM, "note": "old note",
            "verdict": "false", "analyst": "old", "created": "2026-12-01T00:00:01.000000Z",
            "updated": "2026-12-01T00:00:01.000000Z"}
    document["annotations"]["1"] = note
    entries = [
        {"id": "h-00000001", "seq": 1, "at": "2026-12-01T00:00:00.000000Z", "who": "old",
         "kind": "change", "summary": "edit actor act-russia: role", "state": "done", "target": None,
         "changes": [{"table": "actors", "id": "act-russia", "before": russia, "after": edited}]},
        {"id": "h-00000002", "seq": 2, "at": "2026-12-01T00:00:01.000000Z", "who": "old",
         "kind": "change", "summary": "annotate st: verdict false; note", "state": "done",
         "target": None, "changes": [{"table": "annotations", "id": "an-oldnote", "before": None,
                                      "after": note}]},
    ]
    document["history"] = {str(n): e for n, e in enumerate(entries, start=1)}
    document["meta"]["1"]["seq"] = 2
    document["meta"]["1"]["next_doc"]["annotations"] = 2
    document["meta"]["1"]["next_doc"]["history"] = 3
    with open(path, "wb") as handle:
        handle.write(orjson.dumps(document))
    return russia, edited


def test_old_whole_record_history_still_opens_describes_undoes_and_redoes(tmp_path) -> None:
    path = str(tmp_path / "old.json")
    russia, edited = _old_shape_store(path)
    opened = store_pkg.open_store(path)
    words = [describe_entry(e) for e in record_history(opened, "act-russia")]
    assert words == ["edit actor act-russia: role changed"]  # a long role before: not quoted
    assert "verdict false" in describe_entry(opened.history(limit=1)[0])
    assert Side.of_tables(opened.storage.tables).at(0)["act-russia"] == russia
    opened.undo()
    assert opened.raw("an-oldnote") is None
    opened.undo()
    assert opened.raw("act-russia") == russia
    opened.redo()
    opened.redo()
    assert opened.raw("act-russia") == edited and opened.raw("an-oldnote")["note"] == "old note"
    opened.update("act-russia", role="new role")  # a new entry, field-level, after old ones
    opened.close()
    again = store_pkg.open_store(path)
    again.undo()
    again.undo()
    again.undo()
    assert again.raw("act-russia") == russia and again.raw("an-oldnote") is None
    again.close()


# -- shapes --------------------------------------------------------------------------------


def test_the_shape_check_knows_every_kind_of_change_the_history_writes() -> None:
    assert {hist.ADD, hist.ADD_REF, hist.EDIT, hist.DELETE} == set(CHANGE_OPS)


@pytest.mark.parametrize("change", [
    {"table": "actors", "id": "act-1", "op": "edit", "before": {"role": "a"}, "after": {"name": "b"}},
    {"table": "actors", "id": "act-1", "op": "edit", "before": {"role": 3}, "after": {"role": "b"}},
    {"table": "actors", "id": "act-1", "op": "edit", "before": {"nope": 1}, "after": {"nope": 2}},
    {"table": "actors", "id": "act-1", "op": "move", "before": None, "after": None},
    {"table": "actors", "id": "act-1", "op": "add-ref", "before": {}, "after": {}},
    {"table": "actors", "id": "act-1", "op": "delete", "before": None, "after": {"role": "x"}},
    {"table": "actors", "id": "act-1", "op": "add", "before": None, "after": {"role": "x"}},
])
def test_a_malformed_field_level_change_is_named(change) -> None:
    entry = {"id": "h-1", "seq": 1, "at": "x", "who": "y", "kind": "change", "summary": "s",
             "changes": [change]}
    assert history_problem(entry) is not None


def test_a_journal_line_with_a_malformed_change_is_refused(store, tmp_path) -> None:
    store.update("act-russia", role="first")
    copy = str(tmp_path / "copy.json")
    shutil.copy(store.path, copy)  # the file and journal as a kill would leave them
    with open(store.path + ".journal", "rb") as handle:
        line = handle.read().splitlines()[-1]
    entry = orjson.loads(line[9:])
    history = next(op for op in entry["ops"] if op[0] == "history")
    history[2]["changes"][0]["after"] = {"role": 7}
    body = orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)
    with open(copy + ".journal", "wb") as handle:
        handle.write(b"%08x " % zlib.crc32(body) + body + b"\n")
    with pytest.raises(StoreFileError, match="malformed"):
        store_pkg.open_store(copy)
