"""Trust at the edges of the store file: symlinks, stale temp files, read-only stores, crafted files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import orjson
import pytest

import claimnet.store as store_pkg
from claimnet.store import StoreFileError
from claimnet.store.engine import lock
from claimnet.store.engine.journal import encode_entry
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import Article
from claimnet.store.features.review import decide


@pytest.fixture
def path(tmp_path):
    """A closed store holding the default network."""
    made = str(tmp_path / "store.json")
    store_pkg.open_store(made, analyst="t").close()
    return made


def test_a_change_through_a_symlink_reaches_the_real_file(path, tmp_path):
    link = tmp_path / "elsewhere" / "link.json"
    link.parent.mkdir()
    link.symlink_to(path)
    with store_pkg.open_store(str(link), analyst="t") as opened:
        opened.annotate("act-russia", note="through the link")
    assert link.is_symlink() and os.readlink(link) == path  # the link is still a link
    assert sorted(os.listdir(link.parent)) == ["link.json"]  # journal and lock beside the real file
    with store_pkg.open_store(path) as real:
        assert [a.note for a in real.annotations_of("act-russia")] == ["through the link"]


def test_the_next_lock_holder_removes_temp_files_a_kill_left(path, tmp_path):
    stale = lock.temp_name(path, "0123456789ab")
    other = lock.temp_name(str(tmp_path / "other.json"), "0123456789ab")  # another store's
    for name in (stale, other):
        with open(name, "wb") as handle:
            handle.write(b"x" * 1000)
    store_pkg.open_store(path).close()
    assert not os.path.exists(stale) and os.path.exists(other)


# -- read-only stores ---------------------------------------------------------------------


@pytest.fixture
def permissions_as_for_a_user(monkeypatch):
    """As root os.access ignores modes; check them the way it does for an unprivileged user."""
    if os.geteuid() != 0:
        return

    def access(target, mode):
        bits = os.stat(target).st_mode
        return not mode & os.W_OK or bool(bits & stat.S_IWUSR)

    monkeypatch.setattr(lock.os, "access", access)


def _files(folder) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize("what", ["file", "folder", "mount"])
def test_a_read_only_store_opens_for_reading_and_refuses_changes(path, tmp_path, monkeypatch,
                                                                  permissions_as_for_a_user, what):
    os.unlink(path + ".lock")
    before = (os.stat(path).st_ino, Path(path).read_bytes())
    if what == "file":
        os.chmod(path, 0o400)
    elif what == "folder":
        os.chmod(tmp_path, 0o500)
    else:
        real_statvfs = os.statvfs

        class ReadOnlyMount:
            def __init__(self, folder):
                self.f_flag = real_statvfs(folder).f_flag | os.ST_RDONLY

        monkeypatch.setattr(lock.os, "statvfs", ReadOnlyMount)
    try:
        with store_pkg.open_store(path) as opened:
            assert opened.get("act-russia").name == "Russia"
            assert opened.search("containers")
            with pytest.raises(StoreFileError, match=r"is read-only \(.*\); nothing was changed\.$"):
                opened.annotate("act-russia", note="refused")
            with pytest.raises(StoreFileError, match="read-only"):
                opened.undo()
            with pytest.raises(StoreFileError, match="read-only"):  # before any index is made beside it
                import_article(opened, Article(text="The ministry said the port was closed.", name="a"))
            with pytest.raises(StoreFileError, match="read-only"):
                decide(opened, ["st-kim-yo-jong-denies-weapons-exports"], "rejected")
        assert _files(tmp_path) == ["store.json"]  # no lock file, no journal, no temp file
        assert (os.stat(path).st_ino, Path(path).read_bytes()) == before
    finally:
        os.chmod(tmp_path, 0o700)
        os.chmod(path, 0o600)


def test_a_read_only_store_that_needs_migrating_is_refused_untouched(tmp_path, permissions_as_for_a_user):
    old = tmp_path / "old.json"
    old.write_bytes(orjson.dumps({"actors": {"1": {"id": "act-x", "name": "X"}}}))
    os.chmod(old, 0o400)
    with pytest.raises(StoreFileError, match="read-only"):
        store_pkg.open_store(str(old))
    assert _files(tmp_path) == ["old.json"]


# -- crafted store files ------------------------------------------------------------------


def _craft(path: str, change) -> bytes:
    document = orjson.loads(Path(path).read_bytes())
    change(document)
    data = json.dumps(document).encode()  # orjson itself refuses to write nesting this deep
    with open(path, "wb") as handle:
        handle.write(data)
    return data


def _first(table: str):
    return lambda document: next(iter(document[table].values()))


def _deep(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


CRAFTED = {
    "seq as text": (lambda d: d["meta"]["1"].update(seq="7"), "'seq'"),
    "seq null": (lambda d: d["meta"]["1"].update(seq=None), "'seq'"),
    "seq a list": (lambda d: d["meta"]["1"].update(seq=[1]), "'seq'"),
    "seq 10^30": (lambda d: d["meta"]["1"].update(seq=10**18 * 10), "'seq'"),
    "schema -1": (lambda d: d["meta"]["1"].update(schema=-1), "no valid schema version"),
    "link without from": (lambda d: _first("links")(d).pop("from"), "in links has no 'from'"),
    "text a number": (lambda d: _first("statements")(d).update(text=5),
                      "in statements has a number as 'text'"),
    "quote nested 500 deep": (lambda d: _first("statements")(d).update(quote=_deep(500)), "'quote'"),
    "unknown field": (lambda d: _first("actors")(d).update(extra=_deep(500)), "'extra'"),
    "a field swapped for an unknown one": (lambda d: _first("links")(d).update(
        notes=_first("links")(d).pop("note")), "in links has no 'note'"),
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_store_file_is_refused_in_one_sentence_naming_what(path, tmp_path, name):
    change, words = CRAFTED[name]
    data = _craft(path, change)
    for _attempt in range(2):
        with pytest.raises(StoreFileError) as refused:
            store_pkg.open_store(path)
        assert words in str(refused.value) and str(refused.value).count(". ") <= 1
    assert Path(path).read_bytes() == data
    assert not [f for f in os.listdir(tmp_path) if ".bak" in f or ".tmp" in f]  # no .v-1.bak each run


def test_a_history_entry_without_kind_is_refused(path):
    with store_pkg.open_store(path, analyst="t") as opened:
        opened.annotate("act-russia", note="one")
    _craft(path, lambda d: next(iter(d["history"].values())).pop("kind"))
    with pytest.raises(StoreFileError, match=r"entry 'h-\d+' in history has no 'kind'"):
        store_pkg.open_store(path)


@pytest.mark.parametrize("entry, words", [
    ({"seq": 1, "ops": "actors"}, "text as its ops"),
    ({"seq": 1, "ops": [["nonsense", "x-1", {}]]}, "unknown table 'nonsense'"),
    ({"seq": 1, "ops": [["actors", "act-x"]]}, "not [table, id, record]"),
    ({"seq": "1", "ops": []}, "text as its change number"),
    ({"seq": 1, "ops": [["actors", "act-x", {"id": "act-x"}]]}, "record 'act-x' in actors has no"),
])
def test_a_journal_line_with_a_good_checksum_but_a_wrong_shape_is_refused(path, entry, words):
    with store_pkg.open_store(path) as opened:
        store_id = opened.storage.state.store_id
    with open(path + ".journal", "ab") as journal:
        journal.write(encode_entry(dict(entry, store=store_id)))
    with pytest.raises(StoreFileError, match="The journal .* is malformed") as refused:
        store_pkg.open_store(path)
    assert words in str(refused.value)


def test_a_journal_line_arriving_in_another_session_is_refused_too(path):
    opened = store_pkg.open_store(path)
    try:
        with open(path + ".journal", "ab") as journal:
            journal.write(encode_entry({"seq": 1, "store": opened.storage.state.store_id, "ops": "x"}))
        with pytest.raises(StoreFileError, match="journal"):
            opened.refresh()
    finally:
        opened.close()


def test_a_store_tells_its_own_writes_from_another_sessions(path):
    """The app's "changed in another session" notice rests on this: a poll that lands between our
    write and the screen's reply must still see the write as ours."""
    with (store_pkg.open_store(path, analyst="me") as mine,
          store_pkg.open_store(path, analyst="you") as theirs):
        mine.annotate("act-russia", note="mine")
        assert mine.wrote(mine.generation)
        theirs.annotate("act-russia", note="theirs")
        mine.refresh()
        assert not mine.wrote(mine.generation)
        assert theirs.wrote(theirs.generation)


def test_apply_fresh_plans_again_when_another_session_wrote_in_between(path):
    """Review decisions, match decisions and imports plan on the newest state: a write by another session
    between planning and writing makes the change be planned again, never written on stale ground."""
    with (store_pkg.open_store(path, analyst="me") as mine,
          store_pkg.open_store(path, analyst="you") as theirs):
        seen: list[str | None] = []

        def plan():
            seen.append((mine.raw("act-russia") or {}).get("role"))
            if len(seen) == 1:
                theirs.update("act-russia", role="theirs")  # lands after this plan was made
            record = dict(mine.raw("act-russia"), role=f"mine, after {seen[-1]!r}")
            return "note", [["actors", "act-russia", record]], None

        assert mine.apply_fresh(plan) == 1
        assert len(seen) == 2 and seen[1] == "theirs"
        theirs.refresh()
        assert theirs.raw("act-russia")["role"] == "mine, after 'theirs'"


@pytest.mark.parametrize("key", [";", "²", "-1", ""])
def test_a_record_filed_under_a_key_that_is_no_document_number_is_refused_in_one_sentence(path, key):
    """A flipped bit once turned a TinyDB doc key into ';' and the lookup index crashed on int(';')."""
    store_pkg.open_store(path).close()
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    first = next(iter(document["actors"]))
    document["actors"][key] = document["actors"].pop(first)
    Path(path).write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(StoreFileError, match="not a TinyDB document number"):
        store_pkg.open_store(path)


def test_ids_are_unseeded_by_random_and_differ_in_a_forked_child():
    """Ids come from a generator of their own: seeding `random` (as test tools do) repeats no id, and a
    forked child, which copies the parent's generator, is seeded afresh."""
    import random

    from claimnet.store.model.ids import new_id

    random.seed(7)
    first = new_id("st")
    random.seed(7)
    assert new_id("st") != first
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write one id and leave at once, whatever happens
        try:
            os.write(write, new_id("st").encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = os.read(read, 64).decode()
    os.close(read)
    assert child.startswith("st-") and child != new_id("st")
