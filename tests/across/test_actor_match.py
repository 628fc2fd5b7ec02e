"""Actors across sources: name variants, learned aliases and metonyms match; other people never do."""

from __future__ import annotations

import pytest

from claimnet.store.features.across.actor_match import ActorKeys, match_actor


def _actor(aid: str, name: str, kind: str = "person", aliases: tuple[str, ...] = ()) -> dict:
    return {"id": aid, "name": name, "kind": kind, "aliases": list(aliases)}


STORED = [
    _actor("act-lee", "Lee Jae-myung", aliases=("Lee",)),
    _actor("act-okafor", "Daniel Okafor"),
    _actor("act-ceban", "Victor Ceban"),
    _actor("act-nk", "North Korea", "state", ("DPRK",)),
    _actor("act-sec", "Securities and Exchange Commission", "organisation"),
    _actor("act-hwang", "Hwang Min-seok", aliases=("Chairman Hwang", "Minnie Hwang")),
    _actor("act-kim1", "Kim Sun-ah"),
    _actor("act-kim2", "Kim Sun-ae"),
    _actor("act-jordan", "Jordan", "state"),
]


@pytest.fixture
def keys() -> ActorKeys:
    return ActorKeys(STORED)


@pytest.mark.parametrize(("name", "kind", "expected", "why"), [
    ("Lee Jaemyung", "person", "act-lee", "romanisation"),
    ("Lee Jae Myung", "person", "act-lee", "romanisation"),
    ("President Lee Jae-myung", "person", "act-lee", "written differently"),
    ("Jae-myung Lee", "person", "act-lee", "family name first"),
    ("D. Okafor", "person", "act-okafor", "initials"),
    ("Dr Daniel Okafor", "person", "act-okafor", "written differently"),
    ("Viktor Ceban", "person", "act-ceban", "spelling variant"),
    ("Pyongyang", "state", "act-nk", "capital"),
    ("Democratic People's Republic of Korea", "state", "act-nk", "North Korea"),
    ("SEC", "organisation", "act-sec", "acronym"),
    ("Minnie Hwang", "person", "act-hwang", "learned from an earlier import"),
])
def test_name_variants_match_the_stored_actor_and_say_why(keys, name, kind, expected, why):
    found = match_actor(keys, _actor("act-new", name, kind), set)
    assert found is not None and found.actor == expected
    assert why in found.why and name in found.why


@pytest.mark.parametrize(("name", "kind"), [
    ("Daniela Okafor", "person"),  # another person, not another spelling
    ("Jordan", "person"),  # a person never merges into a state
    ("Kim Sun", "person"),  # two stored people fit: precision first, neither
    ("Okafor", "person"),  # a surname alone, with no shared story
    ("the commission", "organisation"),  # common words name no one in particular
    ("Lee Jae-myung", "organisation"),  # kinds must agree
])
def test_other_people_and_other_kinds_never_match(keys, name, kind):
    assert match_actor(keys, _actor("act-new", name, kind), set, lambda _a: {"src-1"}) is None


def test_a_surname_alone_matches_only_within_the_same_story(keys):
    trial = lambda _actor_id: {"src-trial"}  # noqa: E731
    same_story = match_actor(keys, _actor("act-new", "Okafor"), lambda: {"src-trial"}, trial)
    assert same_story is not None and same_story.actor == "act-okafor" and "surname alone" in same_story.why
    other_story = match_actor(keys, _actor("act-new", "Okafor"), lambda: {"src-else"}, trial)
    assert other_story is None
