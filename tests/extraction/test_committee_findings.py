"""A probe committee's report told in the shapes of South Asian and wire copy (sentences written for these
tests): the paper fronted before its author, 'the report says' set inside a clause that goes on, 'according
to the report', a committee described by how it was formed, its recommendations, an aside before the
'that' of a clause, and 'claim' and 'admit' taking things rather than words."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import run, said, spans

_OPENING = ("Reporting.\n\nIn its 62-page report, the Rescue Flight Probe Committee (RFPC) says the firm "
            "lied. ")
_RFPC = "Rescue Flight Probe Committee"


def _who_said(text: str) -> list[tuple[str, str]]:
    return sorted(spans(run(text), text))


def test_the_report_after_a_paper_fronted_before_its_author_is_that_author_s() -> None:
    text = _OPENING + "The company flew 1,310 rescue flights between September and May, the report says."
    assert (_RFPC, "The company flew 1,310 rescue flights between September and May") in _who_said(text)


def test_a_clause_going_on_after_the_report_says_is_one_more_of_its_author_s() -> None:
    text = _OPENING + ("The company flew 1,310 rescue flights, the report says, and billed insurers a total "
                       "of $9.6 million.")
    assert (_RFPC, "billed insurers a total of $9.6 million") in _who_said(text)


def test_a_person_said_to_have_done_more_is_not_read_on() -> None:
    text = "Reporting.\n\nThe firm cut costs, said Ana Ruiz, and has hired lawyers."
    assert [words for _who, words in _who_said(text)] == ["The firm cut costs"]


@pytest.mark.parametrize("paper", ["the RFPC report", "the report"])
def test_according_to_the_report_told_before_is_its_author_s(paper: str) -> None:
    text = _OPENING + f"\n\nAccording to {paper}, the admission sheets recorded 90 percent or more."
    assert (_RFPC, "the admission sheets recorded 90 percent or more") in _who_said(text)


@pytest.mark.parametrize("papers", ["filings", "budget documents"])
def test_according_to_unowned_papers_is_not_the_report_told_before(papers: str) -> None:
    text = _OPENING + f"\n\nThe offer values the firm at 1,340 pence a share, according to {papers}."
    assert [who for who, _words in _who_said(text)] == [_RFPC]


def test_a_body_described_by_how_it_was_formed_is_the_one_that_found() -> None:
    text = _OPENING + ("\n\nThe committee, formed by the ministry in August after complaints from insurers, "
                       "found that 412 of the flights carried two patients.")
    assert (_RFPC, "412 of the flights carried two patients") in _who_said(text)


def test_a_recommendation_that_something_be_done_is_a_demand() -> None:
    text = _OPENING + ("\n\nThe committee has recommended that the company's certificate be revoked and that "
                       "the hospital be barred from treating insured patients.")
    found = run(text)
    demands = {text[s["span"][0] : s["span"][1]] for s in found.statements if s["act"] == "demand"}
    assert demands == {"the company's certificate be revoked", "the hospital be barred from treating insured "
                       "patients"}
    assert not [s for s in run("Reporting.\n\nThe recommended dose was low, Ana Ruiz said.").statements
                if s["act"] == "demand"]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Bikram Shrestha had told the Post on Monday, before the committee handed its findings to the "
         "ministry, that every flight was requested by a doctor.", "every flight was requested by a doctor"),
        ("QEC said in a letter to the ministry, a copy of which was seen by the Times, that it had paid "
         "every invoice.", "it had paid every invoice"),
    ],
)
def test_the_reported_clause_opens_at_its_that_after_an_aside(sentence: str, words: str) -> None:
    text = "Reporting.\n\n" + sentence
    assert [w for _who, w in _who_said(text)] == [words]


def test_a_that_belonging_to_a_verb_inside_the_clause_stays_in_it() -> None:
    text = ("Reporting.\n\nThe contractor said it had warned the organisers twice, in June, that the gate "
            "was shut.")
    assert "it had warned the organisers twice, in June, that the gate was shut" in \
        [w for _who, w in _who_said(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The RFPC says Himalayan Lifeline Air claimed payment for 512 rescues of trekkers.",
        "According to the RFPC, the sheets showed 90 percent, a level at which doctors would not normally "
        "admit a trekker.",
        "Everest Valley Hospital's medical director, Dr Anjali Koirala, said the hospital admitted only "
        "trekkers whose oxygen level was below 85 percent.",
    ],
)
def test_claim_and_admit_taking_things_report_no_words(sentence: str) -> None:
    speakers = {who for who, _mode, _quote in said(run("Reporting.\n\n" + sentence))}
    assert speakers <= {"RFPC", "Anjali Koirala"}
    assert len(run("Reporting.\n\n" + sentence).statements) == 1


def test_records_cited_in_the_report_speak_for_its_author() -> None:
    text = ("Reporting.\n\nIn a 27-page report, the National Salt Iodisation Committee (CNIS) said 148 "
            "samples failed.\n\nAccording to customs records cited in the report, the company imported 1.9 "
            "tonnes of potassium iodate last year.")
    assert ("National Salt Iodisation Committee",
            "the company imported 1.9 tonnes of potassium iodate last year") in _who_said(text)


def test_a_paper_marked_by_a_body_s_kind_speaks_for_the_one_its_sentence_names() -> None:
    text = ("Reporting.\n\nOn Thursday the trade ministry ordered all bags of the brand withdrawn from sale, "
            "according to a ministry statement. Traders selling the brand face fines of up to 500,000 CFA "
            "francs, it said.")
    assert {who for who, _words in _who_said(text)} == {"trade ministry"}


def test_a_name_in_quotation_marks_before_a_brand_is_no_actor() -> None:
    text = ("Reporting.\n\nThe committee said 148 of 240 samples of the company's \"Sel Saloum Iodé\" brand "
            "contained little iodine.")
    assert not [a for a in run(text).actors if "Saloum" in a["name"]]
