"""References by part of a name, change descriptions, record histories and analysts' disagreements."""

from __future__ import annotations

import pytest

import claimnet.store as store_pkg
from claimnet.store import Ambiguous, NotFound, ValidationError
from claimnet.store.network.changes import (
    describe_change,
    describe_entry,
    field_change,
    record_history,
)
from claimnet.store.network.disagreements import disagreements, disputed_ids, verdicts_by_analyst
from claimnet.store.network.field_text import field_value
from claimnet.store.network.refs import nearest_names, partial_matches

SHIN = "st-shin-north-korea-received-9000-containers"


def test_a_surname_or_part_of_a_name_names_the_one_actor(store):
    assert store.resolve("Kirby").id == "act-john-kirby"
    assert store.resolve("Shin").id == "act-shin-wonsik"
    assert store.resolve("yo jong").id == "act-kim-yo-jong"


def test_an_ambiguous_part_lists_the_candidates_by_name(store):
    with pytest.raises(Ambiguous) as caught:
        store.resolve("Kim")
    message = str(caught.value)
    assert "Kim Yo Jong (act-kim-yo-jong)" in message and "Kim Inae" in message
    assert set(caught.value.candidates) >= {"act-kim-yo-jong", "act-kim-inae", "act-kim-jong-un"}


def test_a_miss_suggests_the_nearest_names(store):
    with pytest.raises(NotFound) as caught:
        store.resolve("Kriby")
    assert "Did you mean 'John Kirby'?" in str(caught.value)
    with pytest.raises(NotFound) as caught:
        store.resolve("zzzzqqq")
    assert "Did you mean" not in str(caught.value)


def test_whole_words_win_over_parts_of_words():
    names = {"shin wonsik": ["a"], "washington": ["b"]}
    assert partial_matches("shin", names) == ["a"]
    assert partial_matches("ashing", names) == ["b"]
    assert nearest_names("Shin Wonsk", ["Shin Wonsik", "Russia"]) == ["Shin Wonsik"]


def test_field_changes_say_from_what_to_what():
    assert field_change("verdict", "false", "true") == "verdict false → true"
    assert field_change("verdict", "mostly_false", None) == "verdict removed"
    assert field_change("note", None, "a long note") == "note added"
    assert field_change("note", "old", "new words") == "note old → new words"
    assert field_change("note", "x" * 40, "y" * 40) == "note changed"
    assert field_change("weight", None, 2) == "weight 2"


def test_annotation_and_link_changes_in_words(store):
    ann = store.annotate("st-kim-yo-jong-absurd-paradox", verdict="false", note="UN panel")
    assert describe_change(store.history(limit=1)[0].changes[0]) == "verdict false; note added"
    store.update(ann.id, verdict="true")
    entry = store.history(limit=1)[0]
    assert describe_entry(entry).endswith(": verdict false → true")
    store.delete(ann.id)
    assert describe_change(store.history(limit=1)[0].changes[0]) == "annotation withdrawn"
    link = store.link("st-kim-yo-jong-absurd-paradox", SHIN, "contradicts")
    store.update(link.id, weight=-2, note="numbers")
    assert describe_change(store.history(limit=1)[0].changes[0]) == \
        "link contradicts: note added; weight -2"


def test_record_history_includes_its_annotations_and_links(store):
    rid = "st-kim-yo-jong-absurd-paradox"
    store.annotate(rid, note="checked")
    link = store.link(rid, SHIN, "contradicts")
    store.update(rid, cue="labelled")
    store.update("act-russia", role="state")  # elsewhere: not listed
    entries = record_history(store, rid)
    assert len(entries) == 3
    assert describe_entry(entries[0], rid).endswith("cue called → labelled")
    assert link.id in entries[1].record_ids()
    assert describe_entry(entries[2], rid).endswith("note added")


@pytest.fixture
def two_analysts(store_path):
    alice = store_pkg.open_store(store_path, analyst="alice")
    bob = store_pkg.open_store(store_path, analyst="bob")
    yield alice, bob
    bob.close()
    alice.close()


def test_records_analysts_disagree_on(two_analysts):
    alice, bob = two_analysts
    rid = "st-kim-yo-jong-absurd-paradox"
    alice.annotate(rid, verdict="false")
    bob.annotate(rid, verdict="false")
    assert disagreements(bob) == []
    bob.annotate(rid, verdict="true")
    assert verdicts_by_analyst(alice, rid) == {"alice": "false", "bob": "true"}
    found = disagreements(alice)
    assert [d.record_id for d in found] == [rid]
    assert found[0].to_dict()["fields"] == {"verdict": {"alice": "false", "bob": "true"}}
    alice.annotate(SHIN, credibility=2)
    bob.annotate(SHIN, credibility=4)
    assert disputed_ids(alice) == {rid, SHIN}
    bob.undo()  # bob's grade withdrawn: only alice graded it now
    assert disputed_ids(alice) == {rid}


@pytest.mark.parametrize(("table", "field", "text", "value"), [
    ("statements", "act", "deny", "denial"),
    ("statements", "act", "Accusation", "accusation"),
    ("annotations", "verdict", "mostly-true", "mostly_true"),
    ("statements", "about", "Russia; Kirby", ["act-russia", "act-john-kirby"]),
    ("statements", "speaker", "Shin", "act-shin-wonsik"),
    ("statements", "span", "10-20", [10, 20]),
    ("statements", "quote", "none", None),
    ("evidence", "quantity", "7,000 containers", {"value": 7000, "unit": "containers"}),
    ("links", "weight", "−2", -2),
    ("actors", "aliases", "RF; Moscow", ["RF", "Moscow"]),
])
def test_field_values_typed_as_text(store, table, field, text, value):
    assert field_value(store, table, field, text) == value


@pytest.mark.parametrize(("table", "field", "text", "message"), [
    ("actors", "colour", "red", "An actor has no field 'colour'"),
    ("statements", "act", "sing", "statement.act must be one of"),
    ("statements", "credibility", "high", "must be a whole number"),
    ("statements", "span", "ten", "two offsets"),
])
def test_unreadable_field_values_are_refused_naming_the_field(store, table, field, text, message):
    with pytest.raises(ValidationError) as caught:
        field_value(store, table, field, text)
    assert message in str(caught.value)
