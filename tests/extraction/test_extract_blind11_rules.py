"""Attribution and actor rules for real wire copy found reading blind-11 after its first score: guillemets,
AFP subheadings, roles between a body and a name, documents and who saw them, generic groups named later
(sentences written for these tests, not copied from the blind articles)."""

from __future__ import annotations

import time

import pytest

from tests.extraction.extract_helpers import names, run, spans


def test_guillemets_end_a_sentence_and_their_comma_inside_still_points_to_the_speaker() -> None:
    text = ("Union leader Marta Quist accused the board of hiding the losses. «The board knew, and the board "
            "kept quiet,» she told AFP. Tessel Freight said: «Every shipment was checked.» It said the "
            "losses were small. «Our books are in order,» Tessel said in a statement.")
    got = spans(run(text), text)
    assert ("Marta Quist", "the board of hiding the losses") in got
    assert ("Marta Quist", "The board knew, and the board kept quiet") in got
    assert ("Tessel Freight", "Every shipment was checked.") in got
    assert ("Tessel Freight", "Our books are in order") in got


def test_a_company_named_after_carrier_is_an_actor_and_an_aircraft_carrier_a_ship() -> None:
    x = run("Budget carrier Flyvo said on Monday that its pilots were rested. The aircraft carrier Nimitz "
            "sailed on Tuesday, the navy said.")
    assert set(names(x).values()) == {"Flyvo", "navy"}


def test_whoever_saw_a_document_is_not_its_author() -> None:
    text = ("An inspection report by the Maritime Safety Board (MSB), seen by AFP, found that 11 lifeboats "
            "had not been serviced.")
    assert spans(run(text), text) == {("Maritime Safety Board", "11 lifeboats had not been serviced")}


def test_the_union_is_the_workers_body_and_the_airline_not_an_association_named_after_airlines() -> None:
    text = ("Regional carrier Norvelo grounded two jets, the Norwegian Airline Pilots' Association said "
            "on Monday, adding that the airline had ignored engine warnings. The transport ministry said it "
            "would review the case. The union said 12 pilots had refused to fly. The airline said it would "
            "sue the union.")
    who = {words: name for name, words in spans(run(text), text)}
    assert who["12 pilots had refused to fly"] == "Norwegian Airline Pilots' Association"
    assert who["it would sue the union"] == "Norvelo"


def test_according_to_a_report_after_but_and_how_the_report_came_about_are_not_its_words() -> None:
    text = ("But according to a 40-page report by Selby Structural Engineers, commissioned by the owner, "
            "Harwood Estates, 9 of the 30 anchors had failed.")
    assert spans(run(text), text) == {("Selby Structural Engineers", "9 of the 30 anchors had failed")}


def test_a_subject_with_a_participle_phrase_speaks_through_its_head() -> None:
    text = "The union representing cleaners at the depot says the company cut their shifts without notice."
    assert spans(run(text), text) == {("union", "the company cut their shifts without notice")}


def test_the_main_contractor_answering_it_rejects_is_the_one_that_speaks_next() -> None:
    text = ("The Haulage Workers Union said the main contractor, Brisco Civil, had cut corners. Brisco said "
            'it "rejects absolutely" any suggestion that safety was ignored. It said the steel had arrived '
            "late.")
    got = spans(run(text), text)
    assert ("Brisco Civil", "the steel had arrived late") in got
    assert not any(name == "Haulage Workers Union" and "steel" in words for name, words in got)


def test_a_group_named_generically_and_then_by_name_is_one_actor() -> None:
    text = ("A batch of yoghurt was recalled, and food safety officials say the dairy waited a week. The "
            "National Food Safety Office said it had warned the dairy on May 2. Officials at the port said "
            "the trucks were held.")
    who = {words: name for name, words in spans(run(text), text)}
    assert who["the dairy waited a week"] == "National Food Safety Office"
    assert who["the trucks were held"] != "National Food Safety Office"  # 'officials' alone is anyone's


@pytest.mark.parametrize(("group", "body"), [("independent auditors", "Regional Audit Office"),
                                             ("prosecutors", "National Prosecuting Authority"),
                                             ("outside investigators", "Rail Accident Investigation Branch")])
def test_one_word_of_a_trade_joins_a_group_to_the_body_of_that_trade(group: str, body: str) -> None:
    """'auditors' stand for a body of their trade ('body_roles'); 'officials' or 'residents' alone do not."""
    text = (f"The pension fund lost £4 million on one bond, {group} said. The {body} said the trustees had "
            "been warned in March. Residents said the fund had been careless. The Residents Association "
            "said it would sue.")
    who = {words: name for name, words in spans(run(text), text)}
    assert who["The pension fund lost £4 million on one bond"] == body
    assert who["the fund had been careless"] != "Residents Association"


def test_suggested_with_a_clause_is_a_claim_and_a_guild_is_an_organisation() -> None:
    text = ("The Specialist Bakers’ Guild said the flour was safe. The miller, Ann Cobb, suggested the "
            "mould may have come from the depot.")
    assert spans(run(text), text) == {("Specialist Bakers’ Guild", "the flour was safe"),
                                      ("Ann Cobb", "the mould may have come from the depot")}


def test_a_role_between_a_body_and_a_name_after_said_gives_the_person() -> None:
    text = ('The Green Left Union (GLU) said it had found the papers. "This was not a mistake," said GLU '
            'secretary-general Ana Moyo. "It is safe," said Norfa chief executive Piet Dahl.')
    x = run(text)
    got = spans(x, text)
    assert ("Ana Moyo", "This was not a mistake") in got
    assert ("Piet Dahl", "It is safe") in got
    moyo = next(a for a in x.actors if a["name"] == "Ana Moyo")
    assert names(x)[moyo["affiliation"]] == "Green Left Union"


def test_said_this_is_a_clause_and_said_this_week_is_not() -> None:
    text = "Ana Moyo said this was not a printing mistake. Piet Dahl said this week."
    assert spans(run(text), text) == {("Ana Moyo", "this was not a printing mistake")}


def test_an_indefinite_speaker_named_in_apposition_speaks_by_its_name() -> None:
    text = "A second lender, the Harbour Savings Trust, said the statements it received showed no debt."
    assert spans(run(text), text) == {("Harbour Savings Trust", "the statements it received showed no debt")}


def test_a_long_run_of_capitals_after_a_reports_provenance_takes_no_time() -> None:
    caps = " ".join(["ABCDE"] * 40)
    text = (f"But according to a report by Acme Surveys, commissioned by the council, {caps} xx, 14 of the "
            "homes had failed.")
    started = time.perf_counter()
    run(text)
    assert time.perf_counter() - started < 1.0  # the name pattern once backtracked exponentially
