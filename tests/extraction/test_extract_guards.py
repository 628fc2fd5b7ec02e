"""Guards on the thirteenth session's rules, each a shape a rule first reached too far into (found by a
reviewer reading the change; sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import evidence_found, run


def _read(text: str) -> tuple[list[tuple[str | None, str, str]], dict[str, tuple[str, list[str]]]]:
    x = run(text)
    names = {a["id"]: a["name"] for a in x.actors}
    said = [(names.get(s["speaker"]), s["act"], s["text"]) for s in x.statements]
    return said, {a["name"]: (a["kind"], a["aliases"]) for a in x.actors}


def test_a_bare_name_the_company_refers_to_becomes_an_organisation_not_a_kind_called_company() -> None:
    _said, actors = _read("Investors sued Marta Halvorsen on Monday. The company said the claims were "
                          "baseless.")
    assert actors["Marta Halvorsen"][0] == "organisation"


@pytest.mark.parametrize("text", [
    "Corella Rail said it would not sue the union for defamation.",
    "Corella Rail said the new timetable would be fine for most passengers.",
    "Corella Rail said the new fares could cancel out the savings.",
])
def test_a_negated_step_or_a_plain_could_is_no_threat(text: str) -> None:
    said, _actors = _read(text)
    assert [act for _, act, _ in said] == ["claim"]


def test_not_until_is_no_condition_and_a_clause_of_why_is_no_deadline() -> None:
    said, _actors = _read("It was not until Friday that the ministry said the ferry had been overloaded.")
    assert said == [("ministry", "claim", "The ferry had been overloaded")]
    assert evidence_found("Drivers would strike because they had worked for 14 hours, the union said.") == [
        "14 hours"]
    assert evidence_found("The plant has 40 years of records, the firm said.") == ["40 years of records"]


def test_a_capitalised_one_word_name_before_its_initials_is_a_body_not_a_chemical() -> None:
    said, actors = _read("Rosoboronexport (ROE) signed the deal in May. ROE said the shipments were legal.")
    assert said == [("ROE", "claim", "The shipments were legal")] and actors["ROE"][0] == "organisation"


def test_a_word_said_again_must_be_a_whole_word() -> None:
    said, _actors = _read("Corella Rail said the new timetable is safe. Corella Rail said the new timetable "
                          "is safer than the old one.")
    assert len(said) == 2


def test_two_parties_accused_of_one_thing_and_a_third_of_another_make_two_accusations() -> None:
    said, _actors = _read("The union accused Halvorsen Shipping and Brightline Ltd of hiding the losses and "
                          "the transport ministry of ignoring them.")
    assert [text for _, _, text in said] == ["Halvorsen Shipping and Brightline Ltd of hiding the losses",
                                             "The transport ministry of ignoring them"]


def test_a_bracket_that_gives_an_example_is_no_short_name() -> None:
    _said, actors = _read("The Ministry of Health (MOH, for example) said the clinic was closed. The "
                          "Ministry of Health said it would reopen.")
    assert all("MOH" not in aliases for _kind, aliases in actors.values())


def test_a_phrase_describing_a_name_set_between_commas_is_no_content_of_its_verb() -> None:
    assert run("The state-owned air navigation provider, Luftvakt, has hit back.\n").statements == []
    kept = run("The rules were broken, Franck Aubertin said.\n")
    assert [s["text"] for s in kept.statements] == ["The rules were broken"]


def test_what_describes_a_name_between_commas_is_cut_from_the_words_before_it() -> None:
    for speaker in ("the owner, Franck Aubertin,", "the company's chief executive, Jane Roe,",
                    "its chief executive, Jane Roe,"):
        x = run(f"The rules were broken, {speaker} said.\n")
        assert [s["text"] for s in x.statements] == ["The rules were broken"]
    clause = run("The company broke the rules and ignored the warnings, the union's leader, Jane Roe, "
                 "said.\n")
    assert [s["text"] for s in clause.statements] == ["The company broke the rules and ignored the warnings"]


def test_a_short_clause_after_a_plain_saying_verb_is_the_words_alone() -> None:
    assert [s["text"] for s in run("Couriers' Voice, a union, said pay fell.\n").statements] == ["Pay fell"]
    assert [s["text"] for s in run("Acme Foods denied wrongdoing.\n").statements] == ["Denied wrongdoing"]
