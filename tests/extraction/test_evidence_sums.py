"""Sums and measures a reader can check: ranges, Indian scales, currencies by name and by their
country's letters, fines, temperatures below zero (blind-26 to blind-28's shapes; the sentences are written
for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import evidence_found, run


@pytest.mark.parametrize(("sentence", "found"), [
    # a range whose low end carries its unit is one figure; lakh and crore are scales; kronur are money
    ("The blend held between 12% and 25% rapeseed oil, the lab said.", ["between 12% and 25%"]),
    ("The gaps were between 300mm and 450mm wide.", ["between 300mm and 450mm"]),
    ("Officers seized ₹4.2 lakh in cash from the flat.", ["₹4.2 lakh in cash"]),
    ("The fine could reach 15 million kronur, the regulator said.", ["15 million kronur"]),
])
def test_ranges_indian_scales_and_more_currencies(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


@pytest.mark.parametrize(("sentence", "found"), [
    ("The city paid C$412,000 for the routes, the auditor said.", ["C$412,000"]),
    ("The agency paid A$1.8 million, the auditor said.", ["A$1.8 million"]),
    ("The firm was paid LE2.5 billion, the ministry said.", ["LE2.5 billion"]),
    ("The firm was paid E£900,000, the ministry said.", ["E£900,000"]),
])
def test_dollars_and_pounds_with_their_countrys_letters_are_money(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


def test_a_temperature_below_zero_is_a_figure() -> None:
    assert evidence_found("The sensors are rated to -40 C, the maker said.") == ["-40 C"]


@pytest.mark.parametrize(("sentence", "found"), [
    # a fine or a penalty is the sum (the design sets' gold never holds 'a fine of')
    ("The ministry said it would seek a fine of up to €250,000.", ["up to €250,000"]),
    ("The regulator can impose a penalty of 400 million euros.", ["400 million euros"]),
])
def test_a_fine_is_its_sum(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


@pytest.mark.parametrize(("sentence", "found"), [
    # a unit written as capitals after its count is the count's unit, never an actor's name
    ("Tests showed 3,900 CFU per litre, the lab said.", ["3,900 CFU per litre"]),
    ("The county set the levy at 250,000 CFA francs.", ["250,000 CFA francs"]),
    # a figure that sizes a limit is the limit's phrase
    ("Tests showed levels above the 1,000 CFU limit, the lab said.", ["the 1,000 CFU limit"]),
    ("The lab said the dust was above the 50-milligram limit.", ["the 50-milligram limit"]),
    ("Inspectors said the fruit missed the 32% dry-matter minimum.", ["the 32% dry-matter minimum"]),
])
def test_units_in_capitals_and_limits(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


@pytest.mark.parametrize("sentence", [
    "About 3 Fishermen came to the hearing, the council said.",
    "The town of 6,200 had voted against the plan, the council said.",
])
def test_a_short_unit_is_never_the_first_letters_of_a_word(sentence: str) -> None:
    """'F' and 'ha' are units only standing alone: never the start of 'Fishermen' or 'had'."""
    assert all(not f.endswith((" F", " ha")) for f in evidence_found(sentence))


@pytest.mark.parametrize(("sentence", "found"), [
    ("The board said the fertiliser cost TSh 9.6 billion.", ["TSh 9.6 billion"]),
    ("He said he was paid JD5 a night, the driver said.", ["JD5 a night"]),
])
def test_shillings_and_dinars_by_their_letters_are_money(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


def test_a_sum_glued_to_a_currency_s_letters_is_no_name() -> None:
    text = "Reporting.\n\nTanker driver Omar Ali said he was paid JD5 extra for each night fill.\n"
    assert all(not a["name"].startswith("JD") for a in run(text).actors)


def test_a_unit_of_account_with_its_short_name_is_no_body() -> None:
    text = "Reporting.\n\nThe watchdog said it would seek a fine of up to 4,000 Readjustable Units (UR).\n"
    assert not [a["name"] for a in run(text).actors if "Units" in a["name"] or a["name"] == "UR"]
