"""Reviewing actor matches across sources: a match is a proposal that says why; accepting it teaches the
stored actor the new spelling, splitting it gives the records back to a new actor; both undo."""

from __future__ import annotations

import pytest

from claimnet.store.features.across.match_review import accept_match, actor_matches, split_match
from tests.across.test_claims_across import FIRST, SECOND, _import


def _matched(store):
    _import(store, FIRST, "Wire one", "2025-03-03")
    second = _import(store, SECOND, "Radio two", "2025-03-04").source_id
    (match,) = actor_matches(store, second)
    return second, match


def test_a_match_is_a_proposal_that_says_why(empty_store) -> None:
    _second, match = _matched(empty_store)
    assert match.state == "proposed" and match.names[0] == "Oksana Hritsenko" and "spelling" in match.why
    assert empty_store.get(match.actor).name == "Oksana Hrytsenko" and match.records


def test_accepting_a_match_teaches_the_spelling_and_undo_takes_it_back(empty_store) -> None:
    second, match = _matched(empty_store)
    kept = accept_match(empty_store, match)
    assert "Oksana Hritsenko" in kept.aliases
    assert [m.state for m in actor_matches(empty_store, second)] == ["accepted"]
    empty_store.undo()
    assert "Oksana Hritsenko" not in empty_store.get(match.actor).aliases
    assert [m.state for m in actor_matches(empty_store, second)] == ["proposed"]


def test_splitting_a_match_gives_its_records_to_a_new_actor(empty_store) -> None:
    second, match = _matched(empty_store)
    new = split_match(empty_store, match)
    assert new.name == "Oksana Hritsenko" and new.kind == match.kind
    for rid in match.records:
        record = empty_store.get(rid)
        assert match.actor not in (getattr(record, "speaker", None), *getattr(record, "about", ()))
    assert any(empty_store.get(rid).speaker == new.id for rid in match.records
               if rid.startswith("st-"))
    assert [m.state for m in actor_matches(empty_store, second)] == ["split"]
    empty_store.undo()
    assert empty_store.find(new.id) is None
    assert [m.state for m in actor_matches(empty_store, second)] == ["proposed"]


def test_a_match_is_decided_once_and_a_split_takes_back_the_links_too(empty_store) -> None:
    from claimnet.store import StaleChange

    second, match = _matched(empty_store)
    new = split_match(empty_store, match)
    with pytest.raises(StaleChange, match="split meanwhile"):
        split_match(empty_store, match)
    with pytest.raises(StaleChange, match="split meanwhile"):
        accept_match(empty_store, match)
    assert not any(ln.to == match.actor and ln.from_ in match.records for ln in empty_store.all("links"))
    assert len([a for a in empty_store.all("actors") if a.name == new.name]) == 1
