"""Building the lookup index a record at a time gives exactly the index a whole parse gives, and a
file it cannot vouch for (another layout, a record a whole load refuses) is parsed whole."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimnet.store as store_pkg
from claimnet.store import StoreFileError
from claimnet.store.engine import indexed_storage
from claimnet.store.engine.document_lines import NotOurLayout
from claimnet.store.engine.lookup_index import index_path
from claimnet.store.engine.storage import Storage
from tests.perf import synthetic_network

ODD_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from('"\\\n\r\t/\u2028\u00e9\u4e2d\U0001f600{}[],: '),
                       st.characters(codec="utf-8", exclude_categories=("Cs",))),
    min_size=1, max_size=30,
).filter(lambda s: s.strip())

_DUMPS = ("SELECT rowid, id, tbl, body FROM records ORDER BY rowid",
          "SELECT grp, key, rid FROM keys ORDER BY grp, key, rid",
          "SELECT id, seq FROM touches ORDER BY id, seq",
          "SELECT rowid, folded FROM texts ORDER BY rowid",
          "SELECT key, value FROM meta ORDER BY key")


def _index_rows(path: str) -> dict[str, list]:
    db = sqlite3.connect(index_path(path))
    try:
        return {query: db.execute(query).fetchall() for query in _DUMPS}
    finally:
        db.close()


def _discard_index(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(index_path(path) + suffix):
            os.remove(index_path(path) + suffix)


class _Builds:
    """Builds the index of a store both ways and says which way each build went."""

    def __init__(self, monkeypatch) -> None:
        self.monkeypatch = monkeypatch
        self.ways: list[str] = []
        by_lines = indexed_storage.IndexedStorage._rebuild_by_lines
        whole = indexed_storage.IndexedStorage._rebuild_whole
        monkeypatch.setattr(indexed_storage.IndexedStorage, "_rebuild_by_lines",
                            lambda storage: self.ways.append("lines") or by_lines(storage))
        monkeypatch.setattr(indexed_storage.IndexedStorage, "_rebuild_whole",
                            lambda storage: self.ways.append("whole") or whole(storage))

    def build(self, path: str, force_whole: bool = False) -> dict[str, list]:
        _discard_index(path)
        self.ways.clear()
        with self.monkeypatch.context() as patch:
            if force_whole:
                def refuse(_storage):
                    self.ways.append("lines")
                    raise NotOurLayout("forced")
                patch.setattr(indexed_storage.IndexedStorage, "_rebuild_by_lines", refuse)
            store_pkg.open_store(path, lookups=True).close()
        return _index_rows(path)


def _both_ways(builds: _Builds, path: str) -> tuple[dict, dict]:
    by_lines = builds.build(path)
    assert builds.ways == ["lines"]  # the file is ours: no fallback
    whole = builds.build(path, force_whole=True)
    assert builds.ways == ["lines", "whole"]
    return by_lines, whole


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(ODD_TEXT, min_size=1, max_size=6), st.lists(ODD_TEXT, max_size=4))
def test_a_build_by_lines_equals_a_whole_parse_with_odd_text(monkeypatch, in_file, in_journal):
    builds = _Builds(monkeypatch)
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/odd.json"
        with store_pkg.open_store(path) as whole:  # folded into the file on close
            statement = whole.ids("statements")[0]
            for text in in_file:
                made = whole.create("actor", name=text, aliases=[text])
                whole.annotate(statement, note=text, tags=["odd"])
                whole.update(statement, text=text)
            whole.delete(made.id, cascade=True)
        with store_pkg.open_store(path, lookups=True) as shell:  # left in the journal
            for text in in_journal:
                shell.create("actor", name=text)
                shell.annotate(statement, note=text)
        by_lines, whole_parse = _both_ways(builds, path)
        assert by_lines == whole_parse
        texts = {orjson.loads(body).get("text") for _rowid, rid, _t, body in by_lines[_DUMPS[0]]
                 if rid == statement}
        with store_pkg.open_store(path) as reread:
            assert texts == {reread.get(statement).text}  # the odd text, read back


def test_a_build_by_lines_equals_a_whole_parse_on_a_generated_store(tmp_path, monkeypatch):
    builds = _Builds(monkeypatch)
    path = str(tmp_path / "generated.json")
    store_pkg.open_store(path, network=synthetic_network(400)).close()
    with store_pkg.open_store(path, lookups=True) as shell:  # a journal: puts, edits, deletes
        shell.annotate("st-0000003", note="from the shell")
        shell.update("st-0000004", text="edited from the shell")
        shell.delete("ln-0000001", cascade=True)
    by_lines, whole_parse = _both_ways(builds, path)
    assert by_lines == whole_parse
    assert len(by_lines[_DUMPS[0]]) > 400


def _rewrite(path: str, how) -> None:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(how(document))


@pytest.mark.parametrize("how", [
    lambda doc: json.dumps(doc, indent=2),  # hand-edited, pretty-printed
    lambda doc: json.dumps(doc),  # written by TinyDB's JSONStorage: one line
    lambda doc: json.dumps(dict(reversed(list(doc.items()))), ensure_ascii=False),
], ids=["indented", "one-line", "tables-reversed"])
def test_another_layout_is_parsed_whole_with_the_same_records(store_path, monkeypatch, how):
    builds = _Builds(monkeypatch)
    path = str(store_path)
    ours = builds.build(path)
    _rewrite(path, how)
    theirs = builds.build(path)
    assert builds.ways == ["lines", "whole"]
    assert theirs[_DUMPS[0]] == ours[_DUMPS[0]] and theirs[_DUMPS[1]] == ours[_DUMPS[1]]


def _lines_replaced(path: str, edit) -> None:
    with open(path, "rb") as handle:
        lines = handle.read().split(b"\n")
    with open(path, "wb") as handle:
        handle.write(b"\n".join(edit(lines)))


def _with_line(lines: list[bytes], where: bytes, change) -> list[bytes]:
    at = next(n for n, line in enumerate(lines) if where in line)
    return [*lines[:at], *change(lines[at]), *lines[at + 1:]]


DAMAGE = {
    "an id twice in a table": lambda lines: _with_line(
        lines, b'"id":"act-russia"', lambda line: [line, b'"999' + line[line.index(b'"', 1):]
                                                   .rstrip(b",") + b","]),
    "a wrong field type": lambda lines: _with_line(
        lines, b'"id":"act-russia"', lambda line: [line.replace(b'"kind":"state"', b'"kind":7')]),
    "a record nested deeper than JSON allows": lambda lines: _with_line(
        lines, b'"id":"act-russia"', lambda line: [line.replace(b'"role":', b'"deep":' + b"[" * 1100
                                                                + b"]" * 1100 + b',"role":')]),
    "a newer schema": lambda lines: _with_line(
        lines, b'"schema":', lambda line: [line.replace(b'"schema":2', b'"schema":99')]),
    "content after the document": lambda lines: [*lines, b"{}"],
    "an empty id": lambda lines: _with_line(
        lines, b'"id":"act-russia"', lambda line: [line.replace(b'"id":"act-russia"', b'"id":""')]),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_what_a_whole_load_refuses_is_refused_in_the_same_words(store_path, monkeypatch, name):
    builds = _Builds(monkeypatch)
    path = str(store_path)
    _lines_replaced(path, DAMAGE[name])
    with pytest.raises(StoreFileError) as whole:
        store_pkg.open_store(path).close()
    _discard_index(path)
    with pytest.raises(StoreFileError) as indexed:
        store_pkg.open_store(path, lookups=True).close()
    assert str(indexed.value) == str(whole.value)
    assert builds.ways == ["lines", "whole"]  # the reader vouched for nothing a whole load refuses


def _fold_both_ways(path: str, tmp: str, monkeypatch) -> tuple[bytes, bytes, list[bool]]:
    """The store file after folding its journal with a whole load, and a record at a time."""
    whole_path = os.path.join(tmp, "whole.json")
    for suffix in ("", ".journal"):
        shutil.copy(path + suffix, whole_path + suffix)
    full = Storage(whole_path)
    full.open()
    full._committed = True
    full.close()
    results: list[bool] = []
    by_lines = indexed_storage.IndexedStorage._fold_by_lines
    monkeypatch.setattr(indexed_storage.IndexedStorage, "_fold_by_lines",
                        lambda storage: results.append(by_lines(storage)) or results[-1])
    shell = store_pkg.open_store(path, lookups=True)
    shell.storage.fold_due = True  # as when the journal passed its threshold
    shell.close()
    with open(whole_path, "rb") as a, open(path, "rb") as b:
        return a.read(), b.read(), results


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(ODD_TEXT, min_size=1, max_size=5))
def test_a_fold_by_lines_writes_the_bytes_a_whole_fold_writes(monkeypatch, texts):
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/fold.json"
        store_pkg.open_store(path, network=synthetic_network(60)).close()
        with store_pkg.open_store(path, lookups=True) as shell:  # all of it left in the journal
            for text in texts:
                made = shell.create("actor", name=text, aliases=[text])
                shell.annotate("st-0000003", note=text)
                shell.update("st-0000004", text=text)
            shell.delete(made.id, cascade=True)
            shell.delete("ln-0000001", cascade=True)
            shell.undo()  # ln-0000001 back, under a new doc id
            shell.delete("act-0000002", cascade=True)
        whole, by_lines, results = _fold_both_ways(path, folder, monkeypatch)
        assert results == [True] and os.path.getsize(path + ".journal") == 0
        assert by_lines == whole


def test_a_fold_by_lines_keeps_the_index_in_step_and_a_file_not_ours_folds_whole(
        store_path, tmp_path, monkeypatch):
    path = str(store_path)
    with store_pkg.open_store(path, lookups=True) as shell:
        shell.annotate("act-russia", note="folded by lines")
    whole, by_lines, results = _fold_both_ways(path, str(tmp_path), monkeypatch)
    assert results == [True] and by_lines == whole
    rebuilt = []
    monkeypatch.setattr(indexed_storage.IndexedStorage, "_rebuild", lambda *a: rebuilt.append(1))
    with store_pkg.open_store(path, lookups=True) as shell:  # restamped by the fold: no rebuild
        assert any(a.note == "folded by lines" for a in shell.annotations_of("act-russia"))
    assert not rebuilt
    monkeypatch.undo()
    _rewrite(path, lambda doc: json.dumps(doc, indent=1))  # hand-edited
    with store_pkg.open_store(path, lookups=True) as shell:
        shell.annotate("act-russia", note="folded whole")
    whole, folded, results = _fold_both_ways(path, str(tmp_path), monkeypatch)
    assert results == [False] and folded == whole and b"folded whole" in folded
    assert os.path.getsize(path + ".journal") == 0
