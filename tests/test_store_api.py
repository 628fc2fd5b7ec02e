"""The store's change API: validation messages, deletes with dependents, undo and redo."""

from __future__ import annotations

import pytest

import claimnet.store as store_pkg
from claimnet.store import (
    DependentsExist,
    NotFound,
    NothingToDo,
    StoreError,
    ValidationError,
    model,
)
from claimnet.store.features.actor_merge import merge_actors


def test_new_store_holds_the_default_network(store):
    assert store.created_new
    assert store.count("sources") == 1
    assert store.count("statements") >= 15
    assert store.resolve("Ms Kim").name == "Kim Yo Jong"


@pytest.mark.parametrize("table", model.RECORD_TABLES)
def test_plain_rows_are_the_records_json_shapes(store, table):
    store.annotate("st-kim-yo-jong-denies-weapons-exports", note="checked", tags=["nk"])
    assert store.plain(table) == [record.to_dict() for record in store.all(table)]
    assert store.plain(table)  # every table of the seed holds something once annotated


def test_plain_rows_fill_the_fields_a_stored_record_lacks(store):
    raw = store.storage.tables["evidence"]["ev-kharkiv-missile-debris"]
    raw.pop("quantity", None)
    raw.pop("confidence", None)
    row = next(r for r in store.plain("evidence") if r["id"] == "ev-kharkiv-missile-debris")
    assert row == store.get("ev-kharkiv-missile-debris").to_dict()
    assert row["quantity"] is None and row["confidence"] is None


def test_create_assigns_prefixed_id_and_timestamps(empty_store):
    actor = empty_store.create("actor", name="Jane Doe", kind="person")
    assert actor.id.startswith("act-") and len(actor.id) == 14
    assert actor.created == actor.updated and actor.created.endswith("Z")
    assert empty_store.get(actor.id) == actor


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("actor", {"name": "  "}, "actor.name must not be empty."),
        ("actor", {"name": "X", "kind": "alien"}, "actor.kind must be one of person"),
        ("actor", {"name": "X", "reliability": "G"}, "actor.reliability must be one of A"),
        ("actor", {"name": "X", "affiliation": "act-nobody"}, "actor.affiliation refers to 'act-nobody'"),
        ("actor", {"name": "X", "aliases": ["a", "a"]}, "actor.aliases must not repeat"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "credibility": 7},
         "statement.credibility must be a whole number from 1 to 6, not 7."),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "credibility": True},
         "statement.credibility must be a whole number"),
        ("statement", {"speaker": "st-kim-yo-jong-absurd-paradox", "text": "x"},
         "statement.speaker must refer to a actor"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "act": "shout"},
         "statement.act must be one of claim"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "said_on": "2024-13-01"},
         "statement.said_on must be a date"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "span": [0, 5]},
         "statement.span needs a source"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "mode": "quote"},
         "statement.quote must hold the quoted words"),
        ("statement", {"speaker": "act-kim-yo-jong", "text": "x", "confidence": 1.5},
         "statement.confidence must be a number from 0 to 1"),
        ("evidence", {"text": "x", "quantity": {"value": "many"}}, "evidence.quantity must be"),
        ("link", {"from_": "act-kim-yo-jong", "to": "st-kim-yo-jong-absurd-paradox", "type": "supports"},
         "link.from of a supports link must be a evidence or statement"),
        ("link", {"from_": "st-kim-yo-jong-absurd-paradox", "to": "st-kim-yo-jong-absurd-paradox",
                  "type": "restates"}, "link.to must differ"),
        ("link", {"from_": "st-kim-yo-jong-absurd-paradox", "to": "act-russia", "type": "accuses",
                  "weight": 3}, "link.weight must be a whole number from -2 to 2, not 3."),
        ("annotation", {"target": "st-nothing"}, "annotation.target refers to 'st-nothing'"),
        ("annotation", {"target": "act-russia", "verdict": "maybe"}, "annotation.verdict must be one of"),
        ("annotation", {"target": "act-russia", "checks": {"honest": True}},
         "annotation.checks has an unknown question 'honest'"),
        ("source", {"title": ""}, "source.title must not be empty."),
        ("source", {"title": "t", "published": "May 2024"}, "source.published must be a date"),
    ],
)
def test_invalid_values_are_refused_naming_field_and_value(store, kind, fields, message):
    before = {t: store.count(t) for t in model.RECORD_TABLES}
    with pytest.raises(ValidationError) as caught:
        store.create(kind, **fields)
    assert str(caught.value).startswith(message)
    assert {t: store.count(t) for t in model.RECORD_TABLES} == before


def test_quote_span_must_hold_the_quote(store):
    source = store.all("sources")[0]
    start = source.text.index("the most absurd paradox")
    good = store.create("statement", speaker="act-kim-yo-jong", text="t", mode="quote",
                        quote="the most absurd paradox", source=source.id,
                        span=[start, start + len("the most absurd paradox")])
    assert good.span == (start, start + 23)
    with pytest.raises(ValidationError, match="does not hold the quote"):
        store.update(good.id, span=[start, start + 10])
    clause = store.update(good.id, span=[start - 40, start + 23])  # the clause that quotes it
    assert clause.span == (start - 40, start + 23)
    with pytest.raises(ValidationError, match="outside the source text"):
        store.update(good.id, span=[0, len(source.text) + 1])


def test_a_quote_across_a_line_break_is_accepted_typed_with_a_space(store):
    """Hard-wrapped copy breaks quotations across lines; a reviewer types the quote as one line."""
    text = "The minister said the plan was \u201ca betrayal of\nevery family in the valley\u201d on Monday."
    src = store.create("source", title="Wrapped", text=text)
    start = text.index("a betrayal")
    end = text.index("\u201d")
    st = store.create("statement", speaker="act-kim-yo-jong", text="t", mode="quote", source=src.id,
                      quote="a betrayal of every family in the valley", span=[start, end])
    assert st.quote == "a betrayal of every family in the valley"


def test_duplicate_link_is_refused(store):
    link = store.all("links")[0]
    with pytest.raises(ValidationError, match="already"):
        store.link(link.from_, link.to, link.type)


def test_affiliation_loop_is_refused(empty_store):
    a = empty_store.create("actor", name="A")
    b = empty_store.create("actor", name="B", affiliation=a.id)
    with pytest.raises(ValidationError, match="loop"):
        empty_store.update(a.id, affiliation=b.id)


def test_fixed_fields_cannot_be_set(store):
    with pytest.raises(ValidationError, match="cannot be changed"):
        store.update("act-russia", created="2020-01-01T00:00:00Z")
    with pytest.raises(ValidationError, match="has no field 'colour'"):
        store.update("act-russia", colour="red")


def test_update_changes_fields_and_timestamp(store):
    before = store.get("act-russia")
    after = store.update("act-russia", role="aggressor", aliases=["Moscow", "the Kremlin", "RF"])
    assert after.role == "aggressor" and after.aliases == ("Moscow", "the Kremlin", "RF")
    assert after.updated > before.updated and after.created == before.created
    assert store.resolve("RF").id == "act-russia"


def test_delete_with_dependents_refuses_then_cascades(store):
    kirby = store.resolve("John Kirby")
    said = [s.id for s in store.statements_by(kirby.id)]
    with pytest.raises(DependentsExist) as caught:
        store.delete(kirby.id)
    assert set(said) <= set(caught.value.dependents)
    assert store.find(kirby.id) is not None
    gone = store.delete(kirby.id, cascade=True)
    assert kirby.id in gone and all(store.find(s) is None for s in said)
    assert not [lk for lk in store.all("links") if kirby.id in (lk.from_, lk.to) or lk.from_ in said]


def test_deleting_an_actor_detaches_mentions_and_affiliates(store):
    ministry = store.resolve("Unification Ministry")
    members = [a.id for a in store.affiliates(ministry.id)]
    assert members
    store.delete(ministry.id, cascade=True)
    assert all(store.get(m).affiliation is None for m in members)


def test_deleting_a_source_keeps_statements_without_spans(store):
    source = store.all("sources")[0]
    store.delete(source.id, cascade=True)
    assert store.count("statements") > 0
    assert all(s.source is None and s.span is None for s in store.all("statements"))


def test_annotate_makes_one_undoable_change(store):
    target = "st-kim-yo-jong-denies-weapons-exports"
    credibility = store.get(target).credibility
    note = store.annotate(target, note="cf. UN panel", tags=["nk", "arms"], verdict="false",
                          checks={"biased": True}, credibility=2)
    assert note.analyst == "tester" and store.verdict_of(target) == "false"
    assert store.get(target).credibility == 2 and store.tags_of(target) == ["nk", "arms"]
    entry = store.undo()
    assert entry.state == "undone"
    assert store.get(target).credibility == credibility and store.annotations_of(target) == []
    store.redo()
    assert store.get(target).credibility == 2 and len(store.annotations_of(target)) == 1


def test_annotate_refuses_a_grade_the_kind_lacks(store):
    with pytest.raises(ValidationError, match="has no credibility"):
        store.annotate("act-russia", credibility=3)
    with pytest.raises(ValidationError, match="Nothing to annotate"):
        store.annotate("act-russia")


def test_undo_redo_walk_back_and_forth_and_new_change_discards_redo(store):
    store.update("act-russia", role="one")
    store.update("act-russia", role="two")
    store.update("act-russia", role="three")
    store.undo()
    store.undo()
    assert store.get("act-russia").role == "one"
    store.redo()
    assert store.get("act-russia").role == "two"
    store.update("act-russia", role="four")
    with pytest.raises(NothingToDo):
        store.redo()
    store.undo()
    assert store.get("act-russia").role == "two"


def test_undo_of_create_and_of_cascading_delete(store):
    actor = store.create("actor", name="Temp")
    store.undo()
    assert store.find(actor.id) is None
    count = store.count("links")
    store.delete("act-john-kirby", cascade=True)
    store.undo()
    assert store.find("act-john-kirby") is not None and store.count("links") == count


def test_nothing_to_undo_in_a_fresh_store(store):
    with pytest.raises(NothingToDo, match="nothing to undo"):
        store.undo()


def test_undo_refuses_when_the_record_changed_outside_the_history(store):
    store.update("act-russia", role="one")
    with store.storage.locked(exclusive=True):  # a change that bypassed the API (a hand edit)
        store.storage.commit([["actors", "act-russia", dict(store.raw("act-russia"), role="x")]])
    with pytest.raises(StoreError, match="changed since"):
        store.undo()
    assert store.get("act-russia").role == "x"


def test_two_sessions_undo_in_order(store_path):
    first = store_pkg.open_store(store_path)
    second = store_pkg.open_store(store_path)
    first.update("act-russia", role="one")
    second.update("act-russia", role="two")
    assert first.undo().summary.endswith("role")  # the newest change, made by the other session
    assert second.resolve("act-russia").role == "one"
    first.close()
    second.close()


def test_history_survives_restart_and_names_who(store_path):
    with store_pkg.open_store(store_path, analyst="ana") as s:
        s.update("act-russia", role="x")
    with store_pkg.open_store(store_path) as s:
        entry = s.history(limit=1)[0]
        assert entry.who == "ana" and "act-russia" in entry.record_ids()
        s.undo()
        assert s.get("act-russia").role != "x"
    with store_pkg.open_store(store_path) as s:
        s.redo()
        assert s.get("act-russia").role == "x"


def test_get_unknown_id_is_not_found(store):
    with pytest.raises(NotFound):
        store.get("act-nobody")


def test_merge_actors_moves_references_and_aliases_in_one_undoable_change(store):
    dup = store.create("actor", name="Mr Kirby", kind="person", aliases=["J. Kirby"])
    said = store.create("statement", speaker=dup.id, text="x", about=[dup.id, "act-john-kirby"])
    note = store.annotate(dup.id, note="same man")
    kept = merge_actors(store, "act-john-kirby", dup.id)
    assert {"Mr Kirby", "J. Kirby"} <= set(kept.aliases)
    assert store.find(dup.id) is None
    moved = store.get(said.id)
    assert moved.speaker == "act-john-kirby" and moved.about == ("act-john-kirby",)
    assert store.get(note.id).target == "act-john-kirby"
    assert store.resolve("J. Kirby").id == "act-john-kirby"
    store.undo()
    assert store.get(said.id).speaker == dup.id and store.get(dup.id).name == "Mr Kirby"


def test_merge_actors_refuses_non_actors(store):
    with pytest.raises(ValidationError, match="not an actor"):
        merge_actors(store, "act-russia", "st-kim-yo-jong-absurd-paradox")
    with pytest.raises(ValidationError, match="into itself"):
        merge_actors(store, "act-russia", "act-russia")


def test_source_text_change_that_breaks_spans_is_refused(store):
    source = store.all("sources")[0]
    with pytest.raises(ValidationError, match="source.text: .* would no longer fit"):
        store.update(source.id, text="short")
    longer = store.update(source.id, text=source.text + "\nA later correction.")
    assert longer.sha256 != source.sha256


def test_update_many_is_one_undoable_change(store):
    ids = [s.id for s in store.statements_by("act-kim-yo-jong")]
    count = store.update_many({rid: {"status": "rejected"} for rid in ids}, "reject all")
    assert count == len(ids) and all(store.get(r).status == "rejected" for r in ids)
    assert store.update_many({rid: {"status": "rejected"} for rid in ids}, "again") == 0
    store.undo()
    assert all(store.get(r).status == "accepted" for r in ids)


def test_regrading_to_the_same_value_records_nothing(store):
    target = "st-kim-yo-jong-denies-weapons-exports"
    current = store.get(target).credibility
    seq = store.storage.seq
    assert store.annotate(target, credibility=current) is None
    assert store.storage.seq == seq


def test_merge_actors_into_its_own_state_keeps_the_chain_valid(store):
    ministry = store.resolve("Unification Ministry")
    kim_inae = store.resolve("Kim Inae")
    assert kim_inae.affiliation == ministry.id
    kept = merge_actors(store, kim_inae.id, ministry.id)  # the member absorbs her ministry
    assert kept.affiliation == "act-south-korea"
    from claimnet.store.features.check import problems
    assert problems(store) == []


def test_merge_actors_cannot_make_an_affiliation_loop(empty_store):
    gone = empty_store.create("actor", name="Gone")
    middle = empty_store.create("actor", name="Middle", affiliation=gone.id)
    keep = empty_store.create("actor", name="Keep", affiliation=middle.id)
    with pytest.raises(ValidationError, match="loop"):  # middle would point at keep, keep at middle
        merge_actors(empty_store, keep.id, gone.id)
    assert empty_store.get(gone.id).name == "Gone"


def test_update_many_refuses_a_loop_made_by_two_edits_together(empty_store):
    a = empty_store.create("actor", name="A")
    b = empty_store.create("actor", name="B")
    with pytest.raises(ValidationError, match="loop"):
        empty_store.update_many({a.id: {"affiliation": b.id}, b.id: {"affiliation": a.id}}, "loop")
    assert empty_store.get(a.id).affiliation is None


def test_add_many_refuses_duplicate_links_bad_ids_and_timestamps_naming_the_record(store):
    link = store.all("links")[0]
    dup = {"id": "ln-dup", "from": link.from_, "to": link.to, "type": link.type}
    with pytest.raises(ValidationError, match="ln-dup: link .* already"):
        store.add_many({"links": [dup]}, "dup")
    with pytest.raises(ValidationError, match="actor.id must be act-"):
        store.add_many({"actors": [{"id": "act-X Y", "name": "x"}]}, "bad id")
    with pytest.raises(ValidationError, match="act-t: actor.updated must be a UTC time"):
        store.add_many({"actors": [{"id": "act-t", "name": "x", "updated": 5}]}, "bad time")


def test_tags_must_be_a_list_and_text_less_sources_check_clean(store):
    with pytest.raises(ValidationError, match="not one string"):
        store.annotate("act-russia", tags="urgent")
    store.create("source", title="Notes only", text=None)
    from claimnet.store.features.check import problems
    assert problems(store) == []


def test_a_claim_told_twice_holds_both_tellings_and_its_quote_may_stand_in_the_second(store):
    text = "The minister said prices would fall. Later she said: “prices will fall by spring”."
    src = store.create("source", title="Twice", text=text)
    first = [text.index("prices would fall"), text.index("prices would fall") + len("prices would fall")]
    second = [text.index("prices will"), text.index("”")]
    st = store.create("statement", speaker="act-kim-yo-jong", text="Prices will fall", mode="quote",
                      quote="prices will fall by spring", source=src.id, span=first, spans=[first, second])
    assert st.spans == (tuple(first), tuple(second)) or list(map(list, st.spans)) == [first, second]
    with pytest.raises(ValidationError, match="must start with the statement's span"):
        store.update(st.id, spans=[second, first])


def test_tellings_follow_an_edited_span_and_go_with_their_source(store):
    text = "The minister said prices would fall. Later she said again that prices would fall soon."
    src = store.create("source", title="Twice again", text=text)
    first = [text.index("prices would fall"), text.index("prices would fall") + 17]
    second = [text.rindex("prices would fall"), text.rindex("prices would fall") + 17]
    st = store.create("statement", speaker="act-kim-yo-jong", text="Prices will fall", source=src.id,
                      span=first, spans=[first, second])
    moved = store.update(st.id, span=[first[0], first[1] - 5])
    assert [list(s) for s in moved.spans] == [[first[0], first[1] - 5], second]
    with pytest.raises(ValidationError, match="spans must be a list"):
        store.update(st.id, spans=None)
    store.delete(src.id, cascade=True)
    left = store.get(st.id)
    assert left.span is None and list(left.spans) == []
    from claimnet.store.features.check import problems
    assert problems(store) == []
