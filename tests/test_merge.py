"""Merging two copies of a store: every case of the rule, one undoable change, and the command line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import claimnet.store as store_pkg
from claimnet.store import StoreError, model
from claimnet.store.features.check import problems
from claimnet.store.features.export import export, select
from claimnet.store.features.merge import merge, merge_details
from claimnet.tui.cli import main

KIM_DENIAL = "st-kim-yo-jong-denies-weapons-exports"
INAE_DEMAND = "st-kim-inae-illegal-arms-dealings-must-stop"


def snapshot(s: store_pkg.Store) -> bytes:
    out = io.BytesIO()
    export(select(s), "json", out)
    return out.getvalue()


@pytest.fixture
def pair(tmp_path):
    """Two copies of one store (with one shared change), opened as alice's and bob's."""
    a, b = str(tmp_path / "alice.json"), str(tmp_path / "bob.json")
    with store_pkg.open_store(a, analyst="alice") as first:
        first.annotate("act-kim-yo-jong", note="shared note before the copies parted")
    shutil.copy(a, b)
    ours = store_pkg.open_store(a, analyst="alice")
    theirs = store_pkg.open_store(b, analyst="bob")
    yield ours, theirs
    ours.close()
    theirs.close()


def do_merge(ours: store_pkg.Store, theirs: store_pkg.Store, **options):
    theirs.close()  # fold bob's journal into his file, as a copy handed over would be
    return merge(ours, theirs.path, **options)


def ids(rows: list[dict]) -> set[str]:
    return {row["id"] for row in rows}


def test_records_added_on_their_side_are_added(pair) -> None:
    ours, theirs = pair
    actor = theirs.create("actor", name="Choe Son Hui", kind="person")
    said = theirs.create("statement", speaker=actor.id, text="Talks are over", act="claim")
    note = theirs.annotate(said.id, note="bob's first note", verdict="unproven")
    plan = do_merge(ours, theirs)
    assert ids(plan.added) == {actor.id, said.id, note.id}
    assert not plan.conflicts and not plan.updated and not plan.deleted
    assert ours.get(said.id).text == "Talks are over" and ours.verdict_of(said.id) == "unproven"
    assert ours.get(note.id).analyst == "bob"


def test_a_record_changed_on_one_side_takes_that_side(pair) -> None:
    ours, theirs = pair
    theirs.update(KIM_DENIAL, credibility=2)
    ours.update(INAE_DEMAND, credibility=1)  # changed on our side only: stays ours
    plan = do_merge(ours, theirs)
    assert ids(plan.updated) == {KIM_DENIAL} and not plan.conflicts
    assert ours.get(KIM_DENIAL).credibility == 2 and ours.get(INAE_DEMAND).credibility == 1


def test_changed_on_both_sides_newest_wins_and_the_loser_is_kept_in_history(pair) -> None:
    ours, theirs = pair
    mine = ours.update(KIM_DENIAL, text="ours: an earlier wording").to_dict()
    yours = theirs.update(KIM_DENIAL, text="theirs: a later wording").to_dict()
    plan = do_merge(ours, theirs)
    [conflict] = plan.conflicts
    assert conflict["id"] == KIM_DENIAL and conflict["kept"] == "theirs"
    assert conflict["why"] == "theirs changed it later"
    assert ours.get(KIM_DENIAL).text == "theirs: a later wording"
    recorded = merge_details(ours, plan.history_id)
    assert recorded["conflicts"][0]["lost"] == mine
    [entry] = ours.history(limit=1)
    [change] = [c for c in entry.changes if c["id"] == KIM_DENIAL]
    # the history keeps the fields the merge changed, before and after, not the whole records
    assert change["op"] == "edit"
    assert change["before"] == {k: mine[k] for k in ("text", "updated")}
    assert change["after"] == {k: yours[k] for k in ("text", "updated")}


def test_changed_on_both_sides_ours_newer_keeps_ours(pair) -> None:
    ours, theirs = pair
    yours = theirs.update(KIM_DENIAL, text="theirs first").to_dict()
    ours.update(KIM_DENIAL, text="ours later")
    plan = do_merge(ours, theirs)
    [conflict] = plan.conflicts
    assert conflict["kept"] == "ours" and ours.get(KIM_DENIAL).text == "ours later"
    assert merge_details(ours, plan.history_id)["conflicts"][0]["lost"] == yours


@pytest.mark.parametrize("prefer, expected", [("ours", "ours text"), ("theirs", "theirs text")])
def test_prefer_decides_conflicts(pair, prefer, expected) -> None:
    ours, theirs = pair
    if prefer == "ours":  # make the preferred side the older change, so the rule is visible
        ours.update(KIM_DENIAL, text="ours text")
        theirs.update(KIM_DENIAL, text="theirs text")
    else:
        theirs.update(KIM_DENIAL, text="theirs text")
        ours.update(KIM_DENIAL, text="ours text")
    plan = do_merge(ours, theirs, prefer=prefer)
    assert plan.conflicts[0]["kept"] == prefer and plan.conflicts[0]["why"] == f"--prefer {prefer}"
    assert ours.get(KIM_DENIAL).text == expected


def test_annotations_from_both_sides_are_all_kept(pair) -> None:
    ours, theirs = pair
    mine = ours.annotate(KIM_DENIAL, note="alice: doubtful", verdict="false")
    yours = theirs.annotate(KIM_DENIAL, note="bob: needs sourcing", tags=["follow-up"])
    plan = do_merge(ours, theirs)
    assert ids(plan.added) == {yours.id} and not plan.conflicts
    notes = {a.id: a.note for a in ours.annotations_of(KIM_DENIAL)}
    assert notes == {mine.id: "alice: doubtful", yours.id: "bob: needs sourcing"}


def test_deleted_there_edited_here_is_kept_and_reported(pair) -> None:
    ours, theirs = pair
    theirs.delete(INAE_DEMAND, cascade=True)
    ours.update(INAE_DEMAND, credibility=1)
    plan = do_merge(ours, theirs)
    [kept] = [k for k in plan.kept if k["id"] == INAE_DEMAND]
    assert kept["deleted_by"] == "theirs" and kept["why"] == "edited by ours"
    assert ours.get(INAE_DEMAND).credibility == 1


def test_deleted_here_edited_there_comes_back_and_is_reported(pair) -> None:
    ours, theirs = pair
    ours.delete(INAE_DEMAND, cascade=True)
    theirs.update(INAE_DEMAND, text="bob's better wording")
    plan = do_merge(ours, theirs)
    [kept] = [k for k in plan.kept if k["id"] == INAE_DEMAND]
    assert kept["deleted_by"] == "ours" and kept["why"] == "edited by theirs"
    assert ours.get(INAE_DEMAND).text == "bob's better wording"


def test_deleted_on_one_side_only_is_deleted(pair) -> None:
    ours, theirs = pair
    link = theirs.links_from(INAE_DEMAND)[0]
    theirs.unlink(link.id)
    plan = do_merge(ours, theirs)
    assert ids(plan.deleted) == {link.id} and ours.find(link.id) is None


def test_an_actor_deleted_there_but_used_here_is_kept(pair) -> None:
    ours, theirs = pair
    theirs.delete("act-kim-inae", cascade=True)
    said = ours.create("statement", speaker="act-kim-inae", text="A new remark")
    plan = do_merge(ours, theirs)
    assert ours.find("act-kim-inae") is not None and ours.find(said.id) is not None
    kept = {k["id"]: k for k in plan.kept}
    assert kept["act-kim-inae"]["deleted_by"] == "theirs"
    assert kept["act-kim-inae"]["why"] == f"still used by {said.id}"
    assert INAE_DEMAND in ids(plan.deleted)  # her old statement was deleted there, unchanged here
    assert problems(ours) == []


def test_independently_created_duplicate_actors_are_candidates(pair) -> None:
    ours, theirs = pair
    mine = ours.create("actor", name="Choe Son Hui", kind="person")
    yours = theirs.create("actor", name="Choe Son-hui", aliases=["choe son hui"], kind="person")
    plan = do_merge(ours, theirs)
    assert ids(plan.added) == {yours.id}
    [pair_found] = plan.candidates
    assert (pair_found["ours"], pair_found["theirs"]) == (mine.id, yours.id)
    assert pair_found["matched"] == "choe son hui"


def test_the_merge_is_one_undoable_change(pair) -> None:
    ours, theirs = pair
    ours.update(KIM_DENIAL, text="ours")
    before = snapshot(ours)
    theirs.create("actor", name="New Person")
    theirs.update(INAE_DEMAND, credibility=1)
    theirs.update(KIM_DENIAL, text="theirs")
    theirs.delete(theirs.links_from(INAE_DEMAND)[0].id)
    plan = do_merge(ours, theirs)
    assert plan.added and plan.updated and plan.deleted and plan.conflicts
    entries = len(ours.storage.tables["history"])
    after = snapshot(ours)
    assert after != before
    undone = ours.undo()
    assert undone.id == plan.history_id and snapshot(ours) == before
    ours.redo()
    assert snapshot(ours) == after
    assert len(ours.storage.tables["history"]) == entries + 2  # the undo and the redo


def test_dry_run_writes_nothing(pair) -> None:
    ours, theirs = pair
    theirs.update(KIM_DENIAL, credibility=2)
    before, seq = snapshot(ours), ours.storage.seq
    plan = do_merge(ours, theirs, dry_run=True)
    assert ids(plan.updated) == {KIM_DENIAL} and plan.history_id is None
    assert snapshot(ours) == before and ours.storage.seq == seq


def test_merging_again_repeats_nothing_and_both_ways_converge(pair) -> None:
    ours, theirs = pair
    theirs.update(INAE_DEMAND, credibility=1)
    theirs.update(KIM_DENIAL, text="theirs")
    ours.update(KIM_DENIAL, text="ours, the newer change")
    first = do_merge(ours, theirs)
    assert first.conflicts[0]["kept"] == "ours"
    seq = ours.storage.seq
    again = merge(ours, theirs.path)
    assert not (again.added or again.updated or again.conflicts) and ours.storage.seq == seq
    ours.close()
    with store_pkg.open_store(theirs.path, analyst="bob") as bob:
        back = merge(bob, ours.path)
        assert not back.conflicts and ids(back.updated) == {KIM_DENIAL}
        mine = store_pkg.open_store(ours.path)
        assert snapshot(bob) == snapshot(mine)
        mine.close()


def test_duplicate_links_are_refused_and_their_annotations_move(pair) -> None:
    ours, theirs = pair
    st = ours.create("statement", speaker="act-kim-inae", text="Shared remark")
    ours.close()
    shutil.copy(ours.path, theirs.path)  # bob gets the new statement too
    ours = store_pkg.open_store(ours.path, analyst="alice")
    theirs = store_pkg.open_store(theirs.path, analyst="bob")
    mine = ours.link(st.id, KIM_DENIAL, "responds_to")
    yours = theirs.link(st.id, KIM_DENIAL, "responds_to")
    note = theirs.annotate(yours.id, note="bob's reason for the link")
    plan = do_merge(ours, theirs)
    assert ids(plan.refused) == {yours.id} and "duplicates link" in plan.refused[0]["reason"]
    assert ours.find(yours.id) is None and ours.get(note.id).target == mine.id
    assert problems(ours) == []
    ours.close()


def test_stores_made_separately_from_the_same_network_merge_three_way(tmp_path) -> None:
    with store_pkg.open_store(str(tmp_path / "a.json")) as ours, \
            store_pkg.open_store(str(tmp_path / "b.json"), analyst="bob") as theirs:
        theirs.update(KIM_DENIAL, credibility=3)
        added = theirs.create("actor", name="Only In B")
        theirs.close()
        plan = merge(ours, theirs.path)
        assert ids(plan.added) == {added.id} and ids(plan.updated) == {KIM_DENIAL}
        assert not plan.conflicts and plan.base.startswith("shared history up to the start")


def test_records_that_differ_without_any_history_are_conflicts(tmp_path) -> None:
    network = store_pkg.default_network()
    [denial] = [s for s in network["statements"] if s["id"] == KIM_DENIAL]
    denial.update(text="edited outside claimnet", updated="2099-01-01T00:00:00.000000Z")
    network["actors"].append({"id": "act-only-in-b", "name": "Only In B"})
    with store_pkg.open_store(str(tmp_path / "a.json")) as ours:
        store_pkg.open_store(str(tmp_path / "b.json"), network=network).close()
        plan = merge(ours, str(tmp_path / "b.json"))
        assert ids(plan.added) == {"act-only-in-b"}
        [conflict] = plan.conflicts
        assert conflict["id"] == KIM_DENIAL and conflict["kept"] == "theirs"
        assert ours.get(KIM_DENIAL).text == "edited outside claimnet"


def test_a_json_export_can_be_merged(pair, tmp_path) -> None:
    ours, theirs = pair
    theirs.create("actor", name="From An Export")
    exported = tmp_path / "export.json"
    export(select(theirs), "json", str(exported))
    plan = merge(ours, str(exported))
    assert [a["label"] for a in plan.added] == ["From An Export"]


def test_a_store_that_moved_meanwhile_is_not_overwritten(pair) -> None:
    ours, _theirs = pair
    seq = ours.storage.seq
    ours.update(KIM_DENIAL, credibility=2)
    with pytest.raises(StoreError, match="changed while the change was being prepared"):
        ours.apply_prepared("stale", [], expect_seq=seq)


# ------------------------------------------------------------------------------ command line


def test_cli_merge_summary_json_and_dry_run(pair, capsys) -> None:
    ours, theirs = pair
    ours.update(KIM_DENIAL, text="ours [b]wording[/b]")
    theirs.update(KIM_DENIAL, text="theirs a[/b wording")
    theirs.create("actor", name="Kim Yo-jong", kind="person")
    theirs.close()
    ours.close()
    argv = ["merge", theirs.path, "--store", ours.path]
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run: nothing was written.")
    assert "theirs a[/b wording" in out and "Possible duplicate actors (1)" in out
    assert main([*argv, "--json", "--prefer", "ours"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["conflicts"][0]["kept"] == "ours" and report["history_id"]
    assert report["candidates"][0]["ours"] == "act-kim-yo-jong"
    assert main(["undo", "--store", ours.path]) == 0
    assert "merge bob.json" in capsys.readouterr().out


@pytest.mark.parametrize("other, message", [
    ("missing.json", "There is no store at missing.json."),
    ("SELF", "cannot be merged with itself"),
    ("garbage.json", "is not valid JSON"),
])
def test_cli_merge_errors_are_one_sentence(pair, tmp_path, capsys, monkeypatch, other, message) -> None:
    ours, _theirs = pair
    monkeypatch.chdir(tmp_path)
    (tmp_path / "garbage.json").write_text("{not json")
    other = ours.path if other == "SELF" else other
    assert main(["merge", other, "--store", ours.path]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_the_other_copys_unfolded_journal_is_read_without_touching_it(pair) -> None:
    ours, theirs = pair
    actor = theirs.create("actor", name="Only In Bob's Journal")
    files = {p: Path(p).read_bytes() for p in (theirs.path, theirs.path + ".journal")}
    plan = merge(ours, theirs.path)  # bob's session is still open: his change is in the journal
    assert ids(plan.added) == {actor.id}
    assert {p: Path(p).read_bytes() for p in files} == files
    theirs.update(actor.id, role="still writable")


def _batch(prefix: str, n: int) -> dict[str, list[dict]]:
    return {"actors": [{"id": f"act-{prefix}{i}", "name": f"{prefix} actor {i}"} for i in range(n)],
            "statements": [{"id": f"st-{prefix}{i}", "speaker": f"act-{prefix}{i}", "act": "claim",
                            "text": f"{prefix} claim {i}"} for i in range(n)]}


def test_imports_named_in_the_history_merge_from_the_base_they_rebuild(tmp_path) -> None:
    """Records an import only names in the history (it leaves them in the document) still give
    merge the state both copies shared, and edits of them on one side are taken."""
    a, b = str(tmp_path / "alice.json"), str(tmp_path / "bob.json")
    with store_pkg.open_store(a, analyst="alice") as first:
        first.add_many(_batch("shared", 4), "import shared.json")
    shutil.copy(a, b)
    ours = store_pkg.open_store(a, analyst="alice")
    theirs = store_pkg.open_store(b, analyst="bob")
    theirs.update("st-shared1", text="bob's wording", credibility=2)
    theirs.add_many(_batch("bob", 3), "import bob.json")
    theirs.delete("st-shared3")
    ours.update("st-shared2", text="alice's wording")
    ours.add_many(_batch("alice", 2), "import alice.json")
    ours.undo()
    ours.redo()
    before = {rid: ours.raw(rid) for table in model.RECORD_TABLES for rid in ours.ids(table)}
    plan = do_merge(ours, theirs)
    assert plan.base.startswith("shared history up to h-00000001")
    assert not plan.conflicts and not plan.kept
    assert ids(plan.updated) == {"st-shared1"} and ids(plan.deleted) == {"st-shared3"}
    assert ids(plan.added) == {*(f"act-bob{i}" for i in range(3)), *(f"st-bob{i}" for i in range(3))}
    assert ours.get("st-shared1").text == "bob's wording"
    assert ours.get("st-shared2").text == "alice's wording"
    assert ours.find("act-alice1") is not None and ours.find("st-shared3") is None
    ours.undo()  # the merge, in one step (a record it deleted comes back at the end)
    assert {rid: ours.raw(rid) for table in model.RECORD_TABLES for rid in ours.ids(table)} == before
