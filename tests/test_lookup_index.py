"""The lookup index: answers as a whole load does, follows changes and folds, and is never trusted
over the store file (a stale stamp or a damaged index is rebuilt)."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import claimnet.store as store_pkg
from claimnet.store.engine import indexed_storage
from claimnet.store.engine.lookup_index import index_path
from claimnet.store.network.changes import record_history


def _answers(store) -> dict:
    """What the quick commands ask of a store, in comparable form."""
    return {
        "search": [(h.id, h.field, h.rank) for q in ("north korea", "missile", "kim", "a", "zz")
                   for h in store.search(q)],
        "resolve": store.resolve("Kim Yo Jong").id,
        "by": [s.id for a in store.all("actors") for s in store.statements_by(a.id)],
        "about": [s.id for a in store.all("actors") for s in store.statements_about(a.id)],
        "linked": [(lk.id, way, other.id) for s in store.ids("statements")
                   for lk, way, other in store.linked(s)],
        "notes": [a.id for s in store.ids("statements") for a in store.annotations_of(s)],
        "history": [e.id for s in store.ids("statements") for e in record_history(store, s)],
        "counts": {t: store.count(t) for t in ("actors", "statements", "links", "history")},
        "statement_counts": store.statement_counts(),
        "marks": store.annotation_marks(),
    }


def _both(path) -> tuple[dict, dict]:
    with store_pkg.open_store(str(path)) as whole, store_pkg.open_store(str(path), lookups=True) as fast:
        assert fast.storage.index is not None  # it reads through the index, not a fallback
        return _answers(whole), _answers(fast)


def test_the_index_answers_as_a_whole_load_does_after_changes(store_path):
    with store_pkg.open_store(str(store_path)) as opened:
        statement = opened.ids("statements")[0]
        opened.annotate(statement, note="checked twice", verdict="false")
        opened.update(statement, text="a changed missile claim")
        opened.undo()
    whole, fast = _both(store_path)
    assert fast == whole
    with store_pkg.open_store(str(store_path), lookups=True) as indexed:  # a change through the index
        indexed.annotate(statement, note="from the shell")
        indexed.delete(indexed.ids("links")[0], cascade=True)
    whole, fast = _both(store_path)
    assert fast == whole
    assert any("from the shell" in (a.note or "") for a in store_pkg.open_store(
        str(store_path)).annotations_of(statement))


def test_a_change_from_the_shell_appends_to_the_journal_and_leaves_the_file(store_path):
    before = pathlib.Path(store_path).read_bytes()
    with store_pkg.open_store(str(store_path), lookups=True) as indexed:
        indexed.annotate("act-russia", note="quick note")
    assert pathlib.Path(store_path).read_bytes() == before
    assert os.path.getsize(str(store_path) + ".journal") > 0


def test_a_fold_by_the_app_is_followed_without_a_rebuild(store_path, monkeypatch):
    store_pkg.open_store(str(store_path), lookups=True).close()  # builds the index
    with store_pkg.open_store(str(store_path), lookups=True) as indexed:
        indexed.annotate("act-russia", note="before the fold")
    with store_pkg.open_store(str(store_path)) as whole:
        whole.storage._fold()  # what the app does on close, while the index is in step
    rebuilt = []
    original = indexed_storage.IndexedStorage._rebuild
    monkeypatch.setattr(indexed_storage.IndexedStorage, "_rebuild",
                        lambda self, main: rebuilt.append(1) or original(self, main))
    whole, fast = _both(store_path)
    assert fast == whole and not rebuilt


def test_a_stale_index_is_rebuilt_never_trusted(store_path, tmp_path):
    store_pkg.open_store(str(store_path), lookups=True).close()
    saved = tmp_path / "old-index.sqlite"
    shutil.copy(index_path(str(store_path)), saved)
    with store_pkg.open_store(str(store_path)) as whole:  # another program's change, folded
        whole.create("actor", name="Added Elsewhere")
        whole.storage._fold()
    os.remove(index_path(str(store_path)))
    shutil.copy(saved, index_path(str(store_path)))  # an index from before that change
    with store_pkg.open_store(str(store_path), lookups=True) as indexed:
        assert indexed.resolve("Added Elsewhere").name == "Added Elsewhere"
    whole, fast = _both(store_path)
    assert fast == whole


def test_a_damaged_index_is_rebuilt(store_path):
    store_pkg.open_store(str(store_path), lookups=True).close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(index_path(str(store_path)) + suffix):
            os.remove(index_path(str(store_path)) + suffix)
    with open(index_path(str(store_path)), "r+b") as handle:
        handle.write(b"this is not a database" * 100)
    whole, fast = _both(store_path)
    assert fast == whole


def test_search_from_the_shell_imports_neither_textual_nor_the_extractor(store_path):
    code = ("import sys; from claimnet.tui.cli import main; "
            f"main(['--store', {str(store_path)!r}, 'search', 'korea']); "
            "bad = [m for m in sys.modules if m.startswith(('textual', 'claimnet.store.features.extract'))]; "
            "sys.exit(3 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Korea" in done.stdout


def test_an_index_another_session_is_writing_is_waited_for_then_read_around_never_deleted(
        store_path, monkeypatch):
    """The app builds the index behind its first paint (minutes at 1M); a shell command that waits past
    the timeout read "database is locked" as damage and deleted the files under the builder."""
    import sqlite3

    from claimnet.store.engine import lookup_index

    with store_pkg.open_store(str(store_path), lookups=True):
        pass  # the index is built and stamped
    with store_pkg.open_store(str(store_path)) as whole:
        whole.annotate("act-russia", note="written while the index is held")  # the index falls behind
    path = index_path(str(store_path))
    inode = os.stat(path).st_ino
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another session writing the index
    monkeypatch.setattr(lookup_index, "BUSY_TIMEOUT_S", 0.2)
    try:
        with store_pkg.open_store(str(store_path), lookups=True) as shell:
            found = shell.search("written while the index is held")
            assert [hit.target for hit in found] == ["act-russia"]  # the new note, read around the index
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert os.path.exists(path) and os.stat(path).st_ino == inode
