"""Affiliations: whom a person or body belongs to, which makes an actor's side (who speaks for whom, whose
denial answers whose accusation). Sentences are written for these tests (invented names)."""

from __future__ import annotations

import pytest

from claimnet.store.features.extract.entities import Registry
from tests.extraction.extract_helpers import actors_by_name, run


@pytest.mark.parametrize(("text", "person", "body"), [
    ("Regulators fined Kelso Mining. \"We have hidden nothing,\" company spokesman Ian Bell said.",
     "Ian Bell", "Kelso Mining"),
    ("Regulators fined Kelso Mining. Company spokesman Ian Bell said nothing was hidden.", "Ian Bell",
     "Kelso Mining"),
    ("The Environment Agency fined Kelso Mining. Agency director Tom Hale said the fine stood.", "Tom Hale",
     "Environment Agency"),
])
def test_a_role_opened_by_a_descriptor_belongs_to_the_body_it_describes(text: str, person: str,
                                                                        body: str) -> None:
    got = actors_by_name(run(text))
    assert got[person]["affiliation"] == got[body]["id"]


def test_no_affiliation_loops_and_a_body_never_belongs_to_its_officer() -> None:
    """'said David Renshaw, Ofwat's director' once also made Ofwat part of Renshaw: a loop, whose sides
    tied, so whom a statement spoke for (and its links) changed with the random ids from run to run."""
    text = (
        "Ofwat said Marcher Water had failed to maintain equipment at 41 of its treatment works.\n\n"
        "“This was not a freak event,” said David Renshaw, Ofwat’s director of enforcement.\n\n"
        "Ofwat said it would decide within three months whether to act."
    )
    x = run(text)
    name = {a["id"]: a["name"] for a in x.actors}
    part_of = {a["name"]: name.get(a["affiliation"]) for a in x.actors}
    assert part_of["David Renshaw"] == "Ofwat"
    assert part_of["Ofwat"] is None
    for a in x.actors:
        seen, parent = {a["id"]}, a["affiliation"]
        while parent:
            assert parent not in seen
            seen.add(parent)
            parent = next(b["affiliation"] for b in x.actors if b["id"] == parent)


def test_a_loop_of_bodies_loses_the_affiliation_that_closes_it_and_a_person_loop_the_persons() -> None:
    reg = Registry()
    agency, ministry, state = (reg.create(n, "organisation") for n in ("Agency", "Ministry", "State"))
    agency.affiliation, ministry.affiliation, state.affiliation = ministry.id, state.id, agency.id
    state.aff_name = "Agency"
    reg.cut_affiliation_loops()
    assert (agency.affiliation, ministry.affiliation, state.affiliation) == (ministry.id, state.id, None)
    assert state.aff_name is None  # not found again by its name when records are made

    reg = Registry()
    board, chair = reg.create("Board", "organisation"), reg.create("Ann Lee", "person")
    board.affiliation, chair.affiliation = chair.id, board.id
    reg.cut_affiliation_loops()
    assert (board.affiliation, chair.affiliation) == (None, board.id)
