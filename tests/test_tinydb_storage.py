"""TinyDB over a claimnet store: queries see the current state, journal included; writes are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query, TinyDB

import claimnet.store as store_pkg
from claimnet.store import StoreError
from claimnet.store.tinydb_storage import ClaimnetStorage


@pytest.fixture
def path(tmp_path):
    made = str(tmp_path / "store.json")
    store_pkg.open_store(made, analyst="t").close()
    return made


def test_queries_see_changes_still_in_the_journal(path):
    writer = store_pkg.open_store(path, analyst="t")
    try:
        note = writer.annotate("act-russia", note="only in the journal", verdict="false")
        assert Path(path + ".journal").stat().st_size > 0  # not folded into the file yet
        with TinyDB(path, storage=ClaimnetStorage) as db:
            found = db.table("annotations").search(Query().note == "only in the journal")
            assert [doc["id"] for doc in found] == [note.id]
            assert db.table("statements").count(Query().act == "denial") == sum(
                1 for s in writer.all("statements") if s.act == "denial")
            writer.annotate("act-russia", note="written after the query began")  # another session
            assert db.table("annotations").count(Query().target == "act-russia") == 2
    finally:
        writer.close()


def test_plain_tinydb_misses_what_claimnet_storage_sees(path):
    with store_pkg.open_store(path, analyst="t") as writer:
        writer.annotate("act-russia", note="pending")
        with TinyDB(path, access_mode="r") as plain:
            assert plain.table("annotations").all() == []  # the reason ClaimnetStorage exists
        with TinyDB(path, storage=ClaimnetStorage) as db:
            assert len(db.table("annotations").all()) == 1


@pytest.mark.parametrize("write", [
    lambda db: db.table("actors").insert({"id": "act-x", "name": "X"}),
    lambda db: db.table("actors").update({"name": "Renamed"}, Query().id == "act-russia"),
    lambda db: db.table("actors").remove(Query().id == "act-russia"),
    lambda db: db.drop_tables(),
])
def test_a_write_is_refused_pointing_to_the_store_api_and_changes_nothing(path, write):
    before = Path(path).read_bytes()
    with TinyDB(path, storage=ClaimnetStorage) as db:
        with pytest.raises(StoreError, match="bypass claimnet's validation and history.*Store API"):
            write(db)
        assert db.table("actors").get(Query().id == "act-russia")["name"] == "Russia"
    assert Path(path).read_bytes() == before and not Path(path + ".journal").exists()
    with store_pkg.open_store(path) as reopened:
        assert reopened.get("act-russia").name == "Russia"


def test_a_missing_store_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(StoreError, match="There is no store"):
        TinyDB(str(tmp_path / "nope.json"), storage=ClaimnetStorage)
    assert list(tmp_path.iterdir()) == []
