"""Cases from a review of the twentieth session's rules (sentences written by the reviewer and for these
tests): each is a regression one of those rules made on an ordinary news sentence, fixed with it."""

from __future__ import annotations

import pytest

from claimnet.store.features.extract.story_heads import story_starts
from tests.extraction.extract_helpers import actors_by_name, run, spans

_R = "Reporting.\n\n"


def _words(text: str) -> set[str]:
    return {words for _who, words in spans(run(text), text)}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Police admitted 12 people had been injured when officers fired tear gas.",
         "12 people had been injured when officers fired tear gas"),
        ("Villagers claimed the land had belonged to their families for generations.",
         "the land had belonged to their families for generations"),
        ("The contractor claimed costs had risen by 40 percent since the tender.",
         "costs had risen by 40 percent since the tender"),
    ],
)
def test_claim_and_admit_before_a_clause_still_report_it(sentence: str, words: str) -> None:
    assert words in _words(_R + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the bridge, built in 1962, that carries most of the city traffic would close.",
        "The union said the firm owed wages to 212 workers, most of them from Nepal, that it recruited.",
    ],
)
def test_a_relative_that_after_an_aside_stays_inside_the_reported_clause(sentence: str) -> None:
    (words,) = _words(_R + sentence)
    assert words.startswith("the ")


def test_an_inquiry_headed_by_someone_still_finds_something() -> None:
    text = _R + ("The inquiry, headed by retired judge Mary Okello, found that police had used excessive "
                 "force.")
    assert "police had used excessive force" in _words(text)


@pytest.mark.parametrize("operator", ["Australia Post", "Canada Post"])
def test_a_postal_operator_accused_is_an_organisation(operator: str) -> None:
    text = _R + (f"The drivers' union accused {operator} of cutting routes without notice. {operator} said "
                 "the routes were reviewed every year.")
    assert actors_by_name(run(text))[operator]["kind"] == "organisation"


_REPORT = ("The Rescue Flight Probe Committee said in a 62-page report released on Monday that rescue "
           "flights had been billed twice. ")


@pytest.mark.parametrize(
    "sentence",
    [
        "The company underpaid 212 pilots, the report found, and was fined $5,000 on Sunday.",
        "The operator flew 1,310 flights, the report says, and has since closed its Pokhara base, according "
        "to company filings.",
    ],
)
def test_the_reporter_s_narration_after_the_report_says_is_no_claim_of_the_report(sentence: str) -> None:
    found = _words(_R + _REPORT + sentence)
    assert not [w for w in found if w.startswith(("was fined", "has since", "and"))]


def test_a_fronted_paper_names_no_author_in_a_passive_sentence() -> None:
    text = _R + ("In a report released on Monday, Qurum Engineering is named as the worst offender. The "
                 "report says the company owes workers OMR 612,400.")
    assert "Qurum Engineering" not in {who for who, _w in spans(run(text), text)}


def test_a_claim_sharing_only_a_weekday_with_a_demand_does_not_answer_it() -> None:
    text = _R + ("Qurum Engineering and Contracting (QEC) has not paid 212 workers since October. The "
                 "committee demanded that QEC pay the workers by Friday. QEC said its Sohar project would "
                 "be finished by Friday.")
    assert not [ln for ln in run(text).links if ln["type"] == "responds_to"]


def test_a_source_asking_alone_that_her_name_be_kept_out_still_says_who_speaks_next() -> None:
    text = _R + ("A resident asked that her name not be published. She said the water had been brown for "
                 "weeks.")
    assert ("resident", "the water had been brown for weeks") in spans(run(text), text)


def test_a_date_line_in_a_fact_box_marks_no_story_head() -> None:
    feed = ("Court jails official\nBy Jane Roe\n14/01/2026 18:20\n\nNAIROBI - A court jailed a former county "
            "official on Tuesday for fraud, prosecutors said.\n\nKey dates\nBudget approved on 3 March\n"
            "Audit released on 5 May\n14/02/2026 09:00\n\nFloods hit Lagos\nLagos State Government\n"
            "Updated 14:32 GMT\n\nFloods hit Lagos on Monday, the state emergency agency said.\n")
    assert [feed[x:].split("\n", 1)[0] for x in story_starts(feed)] == ["Floods hit Lagos"]


# A second review, of the session's last rules.

@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("According to Isla Campbell, a nurse at the hospital, patients waited up to 14 hours.",
         "Isla Campbell"),
        ("Ramon Ang, the president of San Miguel, said the conglomerate would build the airport.",
         "San Miguel"),
    ],
)
def test_a_first_name_or_a_company_opening_like_a_town_is_no_place(sentence: str, who: str) -> None:
    assert who in actors_by_name(run(_R + sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Local government minister Sue Hale said the money would reach towns by April.",
        "State television presenter Ahmad Karimi said the footage was fake.",
        "District court judge Maria Santos ruled the search unlawful.",
    ],
)
def test_a_portfolio_or_a_workplace_in_a_role_makes_no_body(sentence: str) -> None:
    assert all(a["kind"] == "person" for a in run(_R + sentence).actors)


def test_an_outlet_with_a_masthead_word_only_told_something_is_no_actor() -> None:
    text = _R + ("Pharmacist Ines Duarte said medicines had run out in March. \"The health minister lied "
                 "when he told Radio Zeta there was no shortage,\" Duarte said.")
    x = run(text)
    assert "Radio Zeta" not in actors_by_name(x)
