"""The storage promises: atomic, durable, deterministic, shared safely, bad files refused untouched."""

from __future__ import annotations

import errno
import os
import re
import stat

import orjson
import pytest
from tinydb import TinyDB

import claimnet.store as store_pkg
from claimnet.store import StoreFileError
from claimnet.store.engine import document, storage
from claimnet.store.engine.journal import encode_entry


def _bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def test_new_store_files_are_owner_only(store):
    store.update("act-russia", role="x")
    for path in (store.path, store.path + ".journal", store.path + ".lock"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_folded_file_is_a_tinydb_document_with_one_record_per_line(store):
    store.update("act-russia", role="x")
    store.close()
    lines = _bytes(store.path).decode().splitlines()
    assert sum(1 for line in lines if line.startswith('"')) >= store.count("actors")
    db = TinyDB(store.path)
    try:
        roles = {doc["id"]: doc["role"] for doc in db.table("actors").all()}
        assert roles["act-russia"] == "x"
        assert db.table("meta").all()[0]["schema"] == document.SCHEMA_VERSION
    finally:
        db.close()


def test_output_is_deterministic(tmp_path):
    paths = [str(tmp_path / f"{n}.json") for n in "ab"]
    for path in paths:
        store_pkg.open_store(path).close()
    def without_store_id(data: bytes) -> bytes:  # each store gets its own random id
        return re.sub(rb'"store":"[0-9a-f]+"', b"", data)

    assert without_store_id(_bytes(paths[0])) == without_store_id(_bytes(paths[1]))
    record_line = next(line for line in _bytes(paths[0]).splitlines() if b'"act-russia"' in line)
    keys = list(orjson.loads(record_line.split(b": ", 1)[1].rstrip(b",")))
    assert keys == sorted(keys)


def test_a_change_is_in_the_journal_before_the_call_returns(store):
    store.update("act-russia", role="durable")
    journal = _bytes(store.path + ".journal")
    assert b'"durable"' in journal
    reopened = store_pkg.open_store(store.path)  # a second session, as after a crash
    assert reopened.get("act-russia").role == "durable"
    reopened.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON"),
        (b"not json at all", "not valid JSON"),
        (b'{"actors": {"1": {"id": "act-a"', "truncated"),
        (b"[1, 2, 3]", "not a claimnet store"),
        (b'{"pets": {}}', "unknown table 'pets'"),
        (b'{"meta": {"1": {"schema": 99}}}', "newer than this claimnet"),
        (b'{"meta": {"1": {"schema": "one"}}}', "no valid schema version"),
        (b'{"meta": {"1": {"schema": 1}}, "actors": []}', "table 'actors' is not an object"),
        (b'{"meta": {"1": {"schema": 1}}, "actors": {"1": {"name": "x"}}}', "has no id"),
        (b'{"meta": {"1": {"schema": 1}}, "actors": {"1": {"id": "a"}, "2": {"id": "a"}}}',
         "appears twice"),
    ],
)
def test_bad_store_files_are_refused_and_left_untouched(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    mtime = os.stat(path).st_mtime_ns
    with pytest.raises(StoreFileError, match=message):
        store_pkg.open_store(str(path))
    assert path.read_bytes() == content and os.stat(path).st_mtime_ns == mtime
    assert not (tmp_path / "bad.json.journal").exists()


def test_damaged_journal_middle_is_refused(store):
    store.update("act-russia", role="one")
    store.update("act-russia", role="two")
    journal = store.path + ".journal"
    data = bytearray(_bytes(journal))
    data[20] ^= 0x01  # flip a bit inside the first entry
    with open(journal, "wb") as handle:
        handle.write(data)
    with pytest.raises(StoreFileError, match="journal .* is damaged"):
        store_pkg.open_store(store.path)


def test_torn_last_journal_line_is_ignored_then_cut(store):
    store.update("act-russia", role="kept")
    journal = store.path + ".journal"
    with open(journal, "ab") as handle:
        handle.write(encode_entry({"seq": 999, "ops": []})[:-7])  # a crash mid-append
    other = store_pkg.open_store(store.path)
    assert other.get("act-russia").role == "kept"
    other.update("act-russia", role="after")
    assert _bytes(journal).count(b"\n") == 2 and _bytes(journal).endswith(b"\n")
    third = store_pkg.open_store(store.path)
    assert third.get("act-russia").role == "after"
    for s in (other, third):
        s.close()


def test_older_schema_is_migrated_with_a_backup(tmp_path):
    path = str(tmp_path / "old.json")
    db = TinyDB(path)  # a store written by TinyDB directly: no meta table, fields missing
    db.table("actors").insert({"id": "act-x", "name": "X"})
    db.close()
    original = _bytes(path)
    opened = store_pkg.open_store(path)
    assert opened.migrated_from == 0
    assert opened.get("act-x").kind == "unknown"
    assert _bytes(path + ".v0.bak") == original
    opened.update("act-x", kind="person")
    opened.close()


def test_schema_1_gains_review_fields_and_tellings_with_a_backup(tmp_path):
    """Schema 2 adds status/origin/confidence to actors and links and spans to statements."""
    path = str(tmp_path / "v1.json")
    actor = {"id": "act-x", "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z",
             "name": "X", "kind": "person", "aliases": [], "affiliation": None, "role": None,
             "reliability": "F"}
    db = TinyDB(path)
    db.table("meta").insert({"schema": 1, "seq": 0})
    db.table("actors").insert(actor)
    db.close()
    original = _bytes(path)
    opened = store_pkg.open_store(path)
    assert opened.migrated_from == 1
    migrated = opened.get("act-x")
    assert (migrated.status, migrated.origin, migrated.confidence) == ("accepted", "manual", None)
    assert _bytes(path + ".v1.bak") == original
    assert opened.update("act-x", role="envoy").role == "envoy"
    opened.close()


def test_a_migration_keeps_the_changes_an_older_claimnet_left_in_the_journal(tmp_path):
    """A schema-1 store whose last changes were saved in the journal but not yet folded (an older
    claimnet killed after acknowledging them): migrating reads both, nothing acknowledged is lost."""
    path = str(tmp_path / "v1.json")
    actor = {"id": "act-x", "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z",
             "name": "X", "kind": "person", "aliases": [], "affiliation": None, "role": None,
             "reliability": "F"}
    db = TinyDB(path)
    db.table("meta").insert({"schema": 1, "seq": 3, "store": "0123456789abcdef"})
    db.table("actors").insert(actor)
    db.close()
    later = {**actor, "id": "act-y", "name": "Y"}
    edited = {**actor, "role": "envoy"}
    with open(path + ".journal", "wb") as journal:
        journal.write(encode_entry({"seq": 4, "store": "0123456789abcdef",
                                    "ops": [["actors", "act-x", edited]]}))
        journal.write(encode_entry({"seq": 5, "store": "0123456789abcdef",
                                    "ops": [["actors", "act-y", later]]}))
        journal.write(encode_entry({"seq": 6, "store": "another-store",
                                    "ops": [["actors", "act-z", {**actor, "id": "act-z"}]]}))
    opened = store_pkg.open_store(path)
    assert opened.migrated_from == 1
    assert opened.get("act-x").role == "envoy"
    assert opened.get("act-y").status == "accepted"
    assert opened.find("act-z") is None
    opened.close()
    reopened = store_pkg.open_store(path)
    assert {a.id for a in reopened.all("actors")} == {"act-x", "act-y"}
    reopened.close()


def test_a_second_session_sees_changes_and_folds(store_path, monkeypatch):
    first = store_pkg.open_store(store_path)
    second = store_pkg.open_store(store_path)
    first.update("act-russia", role="seen")
    second.refresh()  # find/get read memory; queries and refresh() catch up
    assert second.get("act-russia").role == "seen"
    first.close()  # folds: the store file is replaced by rename
    second.update("act-russia", role="after fold")
    third = store_pkg.open_store(store_path)
    assert third.get("act-russia").role == "after fold"
    second.close()
    third.close()


def test_journal_folds_when_it_grows(store, monkeypatch):
    monkeypatch.setattr(storage, "FOLD_MIN_BYTES", 2000)
    monkeypatch.setattr(storage, "FOLD_SHARE", 0.0)
    for n in range(5):
        store.update("act-russia", role=f"r{n}")
    folded = TinyDB(store.path)
    assert folded.table("meta").all()[0]["seq"] >= 2  # changes were written into the store file
    folded.close()
    assert os.path.getsize(store.path + ".journal") < 2000
    reopened = store_pkg.open_store(store.path)
    assert reopened.get("act-russia").role == "r4"
    reopened.close()


def test_a_full_disk_refuses_the_change_and_keeps_the_old_state(store, monkeypatch):
    real_write = os.write

    def full(fd, data):
        if fd == store.storage._writer.fd:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    store.update("act-russia", role="before")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StoreFileError, match="No space left"):
        store.update("act-russia", role="lost")
    monkeypatch.setattr(os, "write", real_write)
    assert store.get("act-russia").role == "before"
    reopened = store_pkg.open_store(store.path)
    assert reopened.get("act-russia").role == "before"
    reopened.close()


def test_store_folder_is_created_and_default_path_honours_env(tmp_path, monkeypatch):
    path = tmp_path / "deep" / "er" / "s.json"
    monkeypatch.setenv("CLAIMNET_STORE", str(path))
    assert store_pkg.default_store_path() == str(path)
    store_pkg.open_store().close()
    assert path.exists()


def test_removed_store_is_reported(store):
    os.unlink(store.path)
    with pytest.raises(StoreFileError, match="was removed"):
        store.all("actors")


def test_a_failed_fold_does_not_fail_the_saved_change(store, monkeypatch):
    monkeypatch.setattr(storage, "FOLD_MIN_BYTES", 1)
    monkeypatch.setattr(storage, "FOLD_SHARE", 0.0)

    def disk_full(path, data):
        raise StoreFileError("Could not write the store (No space left on device).")

    monkeypatch.setattr(storage, "write_atomically", disk_full)
    store.annotate("act-russia", note="saved despite the fold")  # no exception: it is durable
    assert store.storage.fold_error is not None
    reopened = store_pkg.open_store(store.path)
    assert [a.note for a in reopened.annotations_of("act-russia")] == ["saved despite the fold"]
    reopened.close()


def test_a_journal_left_by_a_removed_store_is_not_replayed_into_a_new_one(store_path):
    first = store_pkg.open_store(store_path)
    first.create("actor", name="Old Actor")
    first.storage._writer.close()  # as after a crash: the journal stays, unfolded
    first.storage._writer = None
    os.unlink(store_path)
    fresh = store_pkg.open_store(store_path)
    assert fresh.created_new and not [a for a in fresh.all("actors") if a.name == "Old Actor"]
    assert [p for p in os.listdir(os.path.dirname(store_path)) if ".journal.orphaned-" in p]
    fresh.close()


def test_a_journal_that_does_not_continue_the_file_is_refused(store_path):
    with store_pkg.open_store(store_path) as s:
        s.update("act-russia", role="one")
    old = _bytes(store_path)  # an older copy, as if restored from git
    s = store_pkg.open_store(store_path)
    for n in range(3):
        s.update("act-russia", role=f"r{n}")
    s.storage._fold()
    s.update("act-russia", role="after fold")  # the journal now starts past the old copy
    s.storage._writer.close()
    s.storage._writer = None
    with open(store_path, "wb") as handle:
        handle.write(old)
    with pytest.raises(StoreFileError, match="does not continue the store file"):
        store_pkg.open_store(store_path)


def test_a_closed_store_refuses_further_changes(store):
    store.close()
    with pytest.raises(store_pkg.StoreError, match="was closed"):
        store.update("act-russia", role="late")


def test_the_folder_is_synced_when_the_journal_is_created(store, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(os.readlink(f"/proc/self/fd/{fd}")),
                                                 real(fd)))
    store.update("act-russia", role="x")
    assert os.path.dirname(store.path) in synced


def test_an_unreadable_journal_is_one_sentence(store):
    store.update("act-russia", role="x")
    os.chmod(store.path + ".journal", 0)
    try:
        if os.access(store.path + ".journal", os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(StoreFileError, match="Cannot read the journal"):
            store_pkg.open_store(store.path)
    finally:
        os.chmod(store.path + ".journal", 0o600)
