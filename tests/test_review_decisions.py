"""Reviewing an import (store.review): actors and links are proposals too, and each decision carries
what follows from it, as one undoable change."""

from __future__ import annotations

import pytest

from claimnet.store import ValidationError, model
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import Article
from claimnet.store.features.review import decide

STORY = (
    "Ministry denies drone strike on market\n\n"
    "MAPUTO (AFP) - The defence ministry on Friday denied that a military drone had struck the market, "
    "saying the blast was caused by a mortar round fired by insurgents.\n\n"
    "The rights group Justica Agora accused the army of covering up the strike. "
    "\"The army is hiding what happened,\" its director Ana Cossa said.\n"
)


@pytest.fixture
def imported(empty_store):
    """The store and the source id after importing a short story."""
    result = import_article(empty_store, Article(text=STORY, name="story.txt"))
    return empty_store, result.source_id


def test_import_proposes_actors_and_links_with_confidence_and_the_words_they_rest_on(imported) -> None:
    store, _source = imported
    actors = store.all("actors")
    assert actors and all(a.status == "proposed" and a.origin == "extracted" for a in actors)
    assert all(0 < a.confidence <= 1 for a in actors)
    links = store.all("links")
    assert links and all(ln.status == "proposed" and 0 < ln.confidence <= 1 for ln in links)
    accuses = [ln for ln in links if ln.type == "accuses"]
    assert accuses and "“" in accuses[0].note  # why, and the words it rests on


def test_rejecting_a_statement_rejects_its_proposed_links(imported) -> None:
    store, _source = imported
    link = next(ln for ln in store.all("links") if model.kind_of_id(ln.from_) == "statement"
                and len(store.statements_by(store.get(ln.from_).speaker)) > 1)  # its speaker stays
    decide(store, [link.from_], "rejected")
    assert store.get(link.from_).status == "rejected" and store.get(link.id).status == "rejected"


def test_accepting_a_statement_accepts_its_proposed_speaker(imported) -> None:
    store, _source = imported
    statement = store.all("statements")[0]
    decide(store, [statement.id], "accepted")
    assert store.get(statement.speaker).status == "accepted"


def test_an_actor_left_with_nothing_goes_with_its_rejected_proposals_and_undo_brings_all_back(
        imported) -> None:
    store, _source = imported
    speaker = next(a for a in store.all("actors") if store.statements_by(a.id))
    users = [s.id for s in store.statements_by(speaker.id) + store.statements_about(speaker.id)]
    users += [e.id for e in store.evidence_reported_by(speaker.id)]
    own = [s.id for s in store.statements_by(speaker.id)]
    decide(store, users, "rejected")
    assert store.find(speaker.id) is None  # nothing left that is not rejected
    assert all(store.find(rid) is None for rid in own)  # removed with its rejected proposals
    assert all(store.find(rid) is None or store.get(rid).status == "rejected" for rid in users)
    store.undo()
    assert store.get(speaker.id).status == "proposed"
    assert {store.get(rid).status for rid in users} == {"proposed"}


def test_dropping_an_actor_removes_it_with_its_proposals_but_never_accepted_work(imported) -> None:
    store, _source = imported
    speaker = next(a for a in store.all("actors") if store.statements_by(a.id))
    said = [s.id for s in store.statements_by(speaker.id)]
    decide(store, [said[0]], "accepted")
    with pytest.raises(ValidationError, match="accepted or annotated record"):
        decide(store, [speaker.id], "rejected")
    store.undo()
    decide(store, [speaker.id], "rejected")
    assert store.find(speaker.id) is None and all(store.find(rid) is None for rid in said)


def test_a_decision_on_a_deleted_record_is_refused(imported) -> None:
    store, _source = imported
    statement = store.all("statements")[0]
    store.delete(statement.id, cascade=True)
    with pytest.raises(Exception, match="no record"):
        decide(store, [statement.id], "accepted")


def test_rejecting_a_whole_import_removes_its_actors_and_leaves_no_dangling_reference(imported) -> None:
    """Several actors go in one decision; records that named more than one of them are cleared of all, and
    a body only its removed member belonged to goes too ('its director Ana Cossa': Justica Agora)."""
    from claimnet.store.features.check import problems

    store, source = imported
    cossa = next(a for a in store.all("actors") if a.name == "Ana Cossa")
    assert cossa.affiliation is not None
    everything = [r.id for r in store.records_from_source(source)]
    decide(store, everything, "rejected")
    assert store.all("actors") == []
    assert problems(store) == []
    store.undo()
    assert all(a.status == "proposed" for a in store.all("actors")) and problems(store) == []


def test_a_decision_on_what_another_session_decided_meanwhile_is_refused(imported) -> None:
    from claimnet.store import StaleChange

    store, _source = imported
    statement = store.all("statements")[0]
    decide(store, [statement.id], "rejected")  # the other session
    with pytest.raises(StaleChange, match="rejected meanwhile in another session"):
        decide(store, [statement.id], "accepted", still="proposed")
    assert store.get(statement.id).status == "rejected"


def test_an_annotated_actor_is_never_removed_nor_dropped_with_its_proposals(imported) -> None:
    store, _source = imported
    speaker = next(a for a in store.all("actors") if store.statements_by(a.id))
    store.annotate(speaker.id, note="check who this is")
    own = [s.id for s in store.statements_by(speaker.id)]
    decide(store, own, "rejected")
    assert store.get(speaker.id).name == speaker.name  # an analyst wrote on it: it stays
    with pytest.raises(ValidationError, match="accepted or annotated record"):
        decide(store, [speaker.id], "rejected")
    assert store.annotations_of(speaker.id)


def test_a_new_speaker_takes_the_proposal_and_the_proposed_actor_left_with_nothing_goes(imported) -> None:
    from claimnet.store.features.review import reattribute

    store, _source = imported
    lone = next(a for a in store.all("actors") if len(store.statements_by(a.id)) == 1
                and not store.statements_about(a.id) and not store.evidence_reported_by(a.id)
                and not store.links_of(a.id) and not store.affiliates(a.id))
    (statement,) = store.statements_by(lone.id)
    other = next(a for a in store.all("actors") if a.id != lone.id)
    reattribute(store, statement.id, "speaker", other.id)
    assert store.get(statement.id).speaker == other.id and store.find(lone.id) is None
    store.undo()
    assert store.get(statement.id).speaker == lone.id and store.get(lone.id).status == "proposed"
