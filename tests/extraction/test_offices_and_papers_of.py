"""Who speaks when the words name an office by its holder ('the mayor's office'), a company by a legal form
other than English ('Kft.'), a source by any noun when it asked not to be named, and an author after its
paper ('the inspection report of the County Health Office') (blind-29's shapes; the sentences are written
for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, names, run, speakers

_LEDE = "Reporting from the city.\n\nThe baths kept their pools open, the county health office said.\n\n"


@pytest.mark.parametrize(("sentence", "office"), [
    ("Vardo’s mayor’s office said the city had not been told of the tests.", "Vardo mayor’s office"),
    ("The prime minister's office said the city had not been told of the tests.", "prime minister's office"),
])
def test_an_office_named_by_its_holder_is_a_body_of_its_own(sentence: str, office: str) -> None:
    """Never the office named before it: the mayor's office is not the county health office."""
    assert speakers(_LEDE + sentence) == ["county health office", office]


@pytest.mark.parametrize("described", ["former lifeguard", "night porter"])
def test_a_source_who_asked_not_to_be_named_is_a_person_whatever_the_noun(described: str) -> None:
    text = (_LEDE + f"A {described}, who asked not to be named, said staff had been told to keep the doors "
            "open until the season ended.\n")
    x = run(text)
    assert speakers(text)[-1] == described
    assert actors_by_name(x)[described]["kind"] == "person"


def test_a_company_with_a_hungarian_legal_form_is_a_company() -> None:
    text = ("Reporting from the city.\n\nThe operator, Tavasz Fürdő Kft., said the readings came from a "
            "disused pipe. Tavasz Fürdő Kft. denied hiding any result.\n")
    x = run(text)
    assert actors_by_name(x)["Tavasz Fürdő Kft"]["kind"] == "organisation"
    assert set(speakers(text)) == {"Tavasz Fürdő Kft"}


def test_a_paper_of_a_named_body_is_its_authors_and_so_are_its_later_words() -> None:
    text = ("Reporting from the city.\n\nThe baths kept their pools open for five weeks, the county "
            "health authority said on Tuesday.\n\nAccording to the inspection report of the Alsó County "
            "Public Health Office, samples showed up to 4,200 units per litre.\n\nEleven guests were treated "
            "in hospital in November, the report said.\n")
    x = run(text)
    n = names(x)
    author = "Alsó County Public Health Office"
    assert speakers(text)[1:] == [author, author]
    report = next(e for e in x.evidence if e["kind"] == "document")
    assert text[report["span"][0] : report["span"][1]] == "the inspection report"
    assert n[report["reported_by"]] == author


def test_a_unit_in_capitals_after_a_count_is_no_actor() -> None:
    text = (_LEDE + "Samples showed more than four times the 1,000 CFU limit, the office said.\n")
    assert "CFU" not in actors_by_name(run(text))
    assert speakers(text) == ["county health office", "county health office"]


def test_the_companys_chief_is_the_company_s_not_the_body_named_since() -> None:
    text = ("Reporting from the city.\n\nThe operator, Tavasz Fürdő Kft., kept its pools open, the county "
            "health office said. The spa reported none of the results, the office said.\n\nThe company’s "
            "chief executive, Zoltán Kis, wrote that nothing was hidden.\n")
    x = run(text)
    assert names(x)[actors_by_name(x)["Zoltán Kis"]["affiliation"]] == "Tavasz Fürdő Kft"


def test_a_name_after_at_following_a_thing_is_a_place_not_a_speaker() -> None:
    """'customs records at Laem Chabang': a port; and 'she' after a body's spokeswoman is still that body
    ('workers at Meghna Knit' stays their employer)."""
    text = ("Reporting from the city.\n\nThe transport firm said customs records at Laem Chabang showed the "
            "seals intact.\n\nA DoA spokeswoman said the department had suspended the certificate. Exporters "
            "caught again would face fines, she said.\n")
    x = run(text)
    assert "Laem Chabang" not in actors_by_name(x)
    assert speakers(text)[-2:] == ["DoA", "DoA"]
    assert [text[e["span"][0] : e["span"][1]] for e in x.evidence] == ["customs records at Laem Chabang"]


def test_a_description_s_modifier_picks_the_body_whose_name_holds_it() -> None:
    text = ("Reporting from the city.\n\nThe exporter, Siam Gold Co, blamed Rayong Cold Chain Transport. In "
            "a letter seen by the Post, the transport firm said its staff never opened a container.\n")
    assert speakers(text)[-1] == "Rayong Cold Chain Transport"


def test_a_body_that_speaks_in_a_paper_set_off_by_commas_is_the_paper_s_author() -> None:
    text = ("Reporting from the city.\n\n  The Bureau of Explosives, in a 40-page probe report submitted "
            "to the energy ministry on Tuesday, said Padma Gas refilled about 18,000 cylinders. "
            "Inspectors found 2,350 such cylinders at its plant, the report said.\n  The cylinder that "
            "blew up had last been tested in 2013, according to the stamp on its collar, the report "
            "added.\n")
    assert speakers(text) == ["Bureau of Explosives"] * 3


def test_an_unnamed_source_described_by_where_it_works_is_a_person() -> None:
    text = ("Reporting from the city.\n\nA crew member on one of the barges, who asked not to be identified "
            "for fear of losing his job, told the Courier that skippers had been told to save fuel.\n")
    x = run(text)
    assert speakers(text) == ["crew member on one of the barges"]
    assert actors_by_name(x)["crew member on one of the barges"]["kind"] == "person"


def test_a_company_s_first_word_in_a_headline_is_the_company_named_in_full_later() -> None:
    text = ("Canalmar says every load went to the authorised site\n\nA dredging contractor dumped sludge in "
            "fishing grounds, a watchdog said. The report says Canalmar Dredging SA discharged 640,000 cubic "
            "metres of sludge. Canalmar Dredging SA denied it.\n")
    assert [a["name"] for a in run(text).actors if "Canalmar" in a["name"]] == ["Canalmar Dredging SA"]


def test_a_paper_by_an_unnamed_unit_of_a_named_body_is_the_unit_s_named_later() -> None:
    """'a report by a Water Ministry directorate': the directorate the next paragraph names wrote it, and
    the lede's '1,870 times' told again as '1,870 stops' is one claim."""
    text = ("Reporting from the city.\n\nA private company filled its tankers at least 1,870 times last "
            "summer from three sealed wells, according to a report by a Water Ministry directorate released "
            "on Wednesday.\n\nThe 22-page report by the Groundwater Control Directorate (GCD) said GPS "
            "trackers recorded 1,870 stops at the wells.\n")
    x = run(text)
    assert speakers(text) == ["Groundwater Control Directorate"]
    assert len(x.statements[0]["spans"]) == 2


@pytest.mark.parametrize(("sentence", "body"), [
    ("The Kuusijärvi fishing association says the low water left the spawning grounds dry.",
     "Kuusijärvi fishing association"),
    ("The Swiss-registered team said the water was low.", None),
])
def test_a_body_of_members_named_by_its_place_is_its_own(sentence: str, body: str | None) -> None:
    text = ("Reporting.\n\nThe Northern Waters Office said the resort took too much water.\n\n" + sentence
            + "\n")
    names_now = {a["name"] for a in run(text).actors}
    assert (body in names_now) if body else names_now <= {"Northern Waters Office"}
