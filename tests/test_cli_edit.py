"""The shell's editing commands: init, link, edit, delete, disagreements and history of a record."""

from __future__ import annotations

import json
import os

import claimnet.store as store_pkg
from claimnet.tui.cli import main

PARADOX = "st-kim-yo-jong-absurd-paradox"
SHIN_9000 = "st-shin-north-korea-received-9000-containers"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored(path):
    with store_pkg.open_store(path) as opened:
        return {t: dict(opened.storage.tables[t]) for t in ("actors", "statements", "links", "annotations")}


def test_init_makes_default_or_empty_store_and_never_overwrites(tmp_path, capsys):
    full, empty = str(tmp_path / "full.json"), str(tmp_path / "empty.json")
    code, out, _ = run(capsys, "init", "--store", full)
    assert code == 0 and "default network" in out and len(stored(full)["actors"]) > 10
    code, out, _ = run(capsys, "init", "--empty", "--store", empty)
    assert code == 0 and "empty store" in out and stored(empty)["actors"] == {}
    size = os.path.getsize(empty)
    code, _, err = run(capsys, "init", "--store", empty)
    assert code == 1 and "already a store" in err and os.path.getsize(empty) == size


def test_link_by_names_with_weight_and_note(store_path, capsys):
    code, out, _ = run(capsys, "link", PARADOX, SHIN_9000, "--type", "contradicts", "--weight", "-1",
                       "--note", "aid is trade")
    assert code == 0 and "Linked statement" in out and "—contradicts→" in out
    link = next(lk for lk in stored(store_path)["links"].values() if lk["from"] == PARADOX
                and lk["to"] == SHIN_9000)
    assert (link["type"], link["weight"], link["note"]) == ("contradicts", -1, "aid is trade")
    code, _, err = run(capsys, "link", PARADOX, "Shin", "--type", "supports")
    assert code == 1 and "must be a evidence or statement" in err


def test_edit_fields_by_name_with_references_and_lenient_values(store_path, capsys):
    code, out, _ = run(capsys, "edit", "Kirby", "--role", "spokesman of the NSC", "--reliability", "b")
    assert code == 0 and "reliability: F → B" in out
    code, out, _ = run(capsys, "edit", PARADOX, "--act", "accuse", "--about", "Russia; Kirby",
                       "--credibility=3")
    statement = stored(store_path)["statements"][PARADOX]
    assert (statement["act"], statement["about"], statement["credibility"]) == \
        ("accusation", ["act-russia", "act-john-kirby"], 3)
    code, _, err = run(capsys, "edit", "Russia", "--colour", "red")
    assert code == 1 and "has no field 'colour'" in err and "reliability" in err


def test_references_by_surname_ambiguous_and_missed(store_path, capsys):
    code, out, _ = run(capsys, "show", "Shin")
    assert code == 0 and "Shin Wonsik" in out
    code, _, err = run(capsys, "edit", "Kim", "--role", "x")
    assert code == 1 and "Kim Yo Jong (act-kim-yo-jong)" in err and "Kim Inae" in err
    code, _, err = run(capsys, "show", "Kriby")
    assert code == 1 and "Did you mean 'John Kirby'?" in err


def test_delete_refuses_without_yes_listing_what_goes_then_deletes(store_path, capsys):
    before = stored(store_path)
    code, out, err = run(capsys, "delete", "Shin")
    assert code == 1 and "would also remove or change 9 record(s)" in err
    assert SHIN_9000 in err and stored(store_path) == before
    code, out, _ = run(capsys, "delete", "Shin", "--yes")
    assert code == 0 and "and 9 record(s) with it" in out
    after = stored(store_path)
    assert "act-shin-wonsik" not in after["actors"] and SHIN_9000 not in after["statements"]
    code, out, _ = run(capsys, "undo")
    assert stored(store_path) == before


def test_delete_a_link_or_annotation_alone(store_path, capsys):
    run(capsys, "annotate", PARADOX, "--note", "check the UN report")
    annotation = next(iter(stored(store_path)["annotations"]))
    code, out, _ = run(capsys, "delete", annotation)
    assert code == 0 and "Deleted annotation" in out and stored(store_path)["annotations"] == {}
    link = next(iter(stored(store_path)["links"]))
    code, out, _ = run(capsys, "delete", link)
    assert code == 0 and link not in stored(store_path)["links"]


def test_disagreements_lists_differing_verdicts(store_path, capsys, monkeypatch):
    code, out, _ = run(capsys, "disagreements")
    assert code == 0 and "agree" in out
    run(capsys, "annotate", PARADOX, "--verdict", "false")
    monkeypatch.setenv("CLAIMNET_ANALYST", "bob")
    run(capsys, "annotate", PARADOX, "--verdict", "mostly-true")
    code, out, _ = run(capsys, "disagreements")
    assert "bob: mostly true; tester: false" in out and PARADOX in out
    code, out, _ = run(capsys, "disagreements", "--json")
    assert json.loads(out) == [{"id": PARADOX, "fields": {"verdict": {"bob": "mostly_true",
                                                                      "tester": "false"}}}]


def test_history_of_a_record_includes_its_annotations_and_links(store_path, capsys):
    run(capsys, "annotate", PARADOX, "--verdict", "false")
    annotation = next(iter(stored(store_path)["annotations"]))
    run(capsys, "edit", annotation, "--verdict", "true")
    run(capsys, "link", PARADOX, SHIN_9000, "--type", "contradicts")
    code, out, _ = run(capsys, "history", "--record", PARADOX, "--json")
    changed = [e["changed"] for e in json.loads(out)]
    assert len(changed) == 3
    assert changed[0].endswith("link contradicts added")
    assert changed[1].endswith("verdict false → true")
    assert changed[2].endswith("verdict false")


def test_edit_says_what_changed_in_names_not_ids(store_path, capsys) -> None:
    code = main(["edit", "st-kim-yo-jong-denies-weapons-exports", "--about", "Russia; Ukraine"])
    out = capsys.readouterr().out
    assert code == 0 and "about:" in out and "Russia; Ukraine" in out and "act-" not in out.split("about:")[1]
