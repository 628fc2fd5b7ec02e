"""Shapes of Gulf and wire labour copy (sentences written for these tests): a currency code before a plain
number once the text writes it before money, a company named with 'and' whose short name spells both
sides, a surname opened by a capitalised particle, the ways a source asks not to be named, an inspection
that 'has found' and the report that follows it, and records a speaking paper cites."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import evidence_found, names, run, said, spans


def test_a_currency_code_before_a_plain_number_is_money_once_the_text_writes_money_with_it() -> None:
    text = ("Reporting.\n\nEach worker received a cash advance of OMR 50 each month, Ali Said said. Unpaid "
            "wages total OMR 612,400, he said.")
    assert "OMR" not in names(run(text)).values()
    assert "a cash advance of OMR 50" in evidence_found(text)


def test_a_code_never_written_before_money_is_left_alone() -> None:
    text = "Reporting.\n\nThe TOP 10 list was wrong, Ali Said said."
    assert not any("TOP" in e for e in evidence_found(text))


@pytest.mark.parametrize("short", ["QEC", "QEAC"])
def test_a_name_joined_by_and_is_one_name_when_its_short_name_spells_both_sides(short: str) -> None:
    text = (f"Reporting.\n\nThe firm is owed money by the main contractor, Qurum Engineering and Contracting "
            f"({short}), Ali Said said. {short} said it had paid every invoice.")
    x = run(text)
    assert "Qurum Engineering" not in names(x).values()
    assert said(x)[-1][0] == "Qurum Engineering and Contracting"


def test_two_bodies_joined_by_and_stay_two_when_the_short_name_spells_one() -> None:
    text = "Reporting.\n\nKarsten Mining and Delta Logistics (DL) said the road was closed."
    assert "Karsten Mining and Delta Logistics" not in names(run(text)).values()


def test_a_surname_opened_by_a_capitalised_particle_is_the_same_person() -> None:
    text = ("Reporting.\n\nThe general manager, Talal Al Kindi, said salaries were late. Al Kindi said the "
            "company was \"owed millions\".")
    assert [who for who, _m, _q in said(run(text))] == ["Talal Al Kindi", "Talal Al Kindi"]


@pytest.mark.parametrize("why", ["asked that his name not be published", "asked that his name be withheld"])
def test_a_source_asking_that_his_name_be_kept_out_asks_nothing_and_speaks_for_himself(why: str) -> None:
    text = ("Reporting.\n\nThe report says SAWC paid nothing.\n\nA steel fixer who has worked for SAWC since "
            f"2022, and who {why}, said he had received no money at all since October.")
    x = run(text)
    assert (("steel fixer", "he had received no money at all since October") in spans(x, text))
    assert not any("name" in words for _who, words in spans(x, text))


def test_the_report_after_an_inspection_has_found_is_the_inspecting_body_s() -> None:
    text = ("Reporting.\n\nA contractor has not paid its workers, a Ministry of Labour inspection has "
            "found.\n\n"
            "The report, issued on Thursday, says Sahil Contracting LLC paid no salaries.")
    assert [who for who, _m, _q in said(run(text))] == ["Ministry of Labour", "Ministry of Labour"]


def test_records_a_speaking_paper_cites_are_its_evidence_not_a_second_speaker() -> None:
    text = ("Reporting.\n\nA contractor has not paid its workers, a Ministry of Labour inspection has "
            "found.\n\n"
            "The report says Sahil Contracting LLC paid no salaries into the accounts of 368 workers, "
            "according to records from the Wage Protection System (WPS).")
    x = run(text)
    assert "Wage Protection System" not in {who for who, _m, _q in said(x)}
    assert "records from the Wage Protection System (WPS)" in evidence_found(text, "document")


def test_a_report_owned_through_a_pronoun_does_not_become_the_report_told_later() -> None:
    text = ("Reporting.\n\nThe charity paid rent to its founder, according to a 61-page report by forensic "
            "accountants.\n\nThe charity, Brightwater Children's Trust, said the report was "
            "\"deeply flawed\".\n\n"
            "Their report found that £1.2 million had been paid to Harrowgate Estates.\n\n\"Less than 31p in "
            "every pound donated reached a child,\" the report said.")
    assert said(run(text))[-1][0] == "forensic accountants"
