"""Where a reported clause starts after a long audience or paper ('told The Local in a phone interview in
December, weeks before …, that'), and bodies known by a word of their name or a described apposition
(blind-29's shapes; the sentences are written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, names, run, spans

_LEDE = "Reporting from the city.\n\n"


@pytest.mark.parametrize(("sentence", "words"), [
    ("Jonas Berg had told The Courier in a phone interview in May, weeks before the appeal was lodged, that "
     "the company had kept every rule.", "the company had kept every rule"),
    ("Ruoto Sameby said in a complaint filed with the Land and Environment Court that the trucks ran 286 "
     "times.", "the trucks ran 286 times"),
])
def test_the_clause_starts_after_the_audience_and_the_paper(sentence: str, words: str) -> None:
    text = _LEDE + sentence + "\n"
    assert {w for _who, w in spans(run(text), text)} == {words}


def test_a_told_clause_that_goes_on_with_and_that_keeps_its_first_part() -> None:
    text = _LEDE + ("Her lawyer told the court the payments had been approved by the fund's board, and "
                    "that they lost value only in the crash.\n")
    told = {w for _who, w in spans(run(text), text)}
    assert "the payments had been approved by the fund's board" in told


def test_a_described_apposition_makes_a_body_and_its_name_word_refers_to_it() -> None:
    text = _LEDE + ("Ruoto Sameby, a herding community, said the trucks never stopped. Norrlid Vind AB "
                    "denied it, and its director, Jonas Berg, accused the sameby of \"moving the "
                    "goalposts\".\n")
    x = run(text)
    by_name = actors_by_name(x)
    assert by_name["Ruoto Sameby"]["kind"] != "person"
    assert by_name["Norrlid Vind AB"]["kind"] == "organisation"
    accusation = next(s for s in x.statements if s["act"] == "accusation")
    accused = {names(x)[ln["to"]] for ln in x.links
               if ln["from"] == accusation["id"] and ln["type"] == "accuses"}
    assert accused == {"Ruoto Sameby"}


def test_a_clause_after_a_state_is_no_lower_case_body() -> None:
    text = _LEDE + ("A wind developer in northern Sweden broke a court order last spring, a herding "
                    "community says.\n")
    assert not [a for a in run(text).actors if "court" in a["name"].lower()]


def test_a_firm_named_for_its_trade_and_a_stream_are_no_people() -> None:
    text = _LEDE + ("The report said Kereru Hill Logging moved two excavators along the closed Manuka Stream "
                    "track. Kereru Hill Logging denied it.\n")
    by_name = actors_by_name(run(text))
    assert by_name["Kereru Hill Logging"]["kind"] == "organisation"
    assert not [n for n in by_name if "Stream" in n]


def test_a_body_described_after_a_preposition_and_set_off_by_commas_is_that_body() -> None:
    text = _LEDE + ("Photos posted on Facebook by the local river trust, Awa Tiaki Haumaru, show mud beside "
                    "the fence. The trust's chair, Rewi Tane, said the damage would take years to show.\n")
    x = run(text)
    by_name = actors_by_name(x)
    assert by_name["Awa Tiaki Haumaru"]["kind"] != "person"
    assert names(x)[by_name["Rewi Tane"]["affiliation"]] == "Awa Tiaki Haumaru"


@pytest.mark.parametrize("blamed", ["Alfa Heattech Ltd,", "a trucking contractor, Alfa Heattech Ltd,",
                                    "the company that services the boilers, Alfa Heattech Ltd,"])
def test_blaming_a_party_saying_what_it_did_is_one_accusation_of_it(blamed: str) -> None:
    text = _LEDE + (f"The spa said it had hidden nothing. Its director, Zoltan Kis, blamed {blamed} saying "
                    "its engineers had switched off the disinfection cycle.\n")
    x = run(text)
    accusations = [s for s in x.statements if s["act"] == "accusation"]
    assert [text[s["span"][0] : s["span"][1]] for s in accusations] == [
        "its engineers had switched off the disinfection cycle"]
    assert {names(x)[ln["to"]] for ln in x.links if ln["type"] == "accuses"} == {"Alfa Heattech Ltd"}
    assert actors_by_name(x)["Alfa Heattech Ltd"]["kind"] == "organisation"


def test_blaming_a_party_for_something_keeps_both_statements() -> None:
    text = _LEDE + ("Villagers have blamed a road contractor for a landslide that buried 11 houses, saying "
                    "blasting had left the slope unstable.\n")
    assert len(run(text).statements) == 2


def test_a_second_verb_after_and_with_its_auxiliary_is_the_same_speaker_s() -> None:
    text = _LEDE + ("A government laboratory says a quarter of the shipments it tested carried a banned dye, "
                    "and has accused the exporter of colouring unripe fruit.\n")
    assert {w for _who, w in spans(run(text), text)} == {
        "a quarter of the shipments it tested carried a banned dye", "the exporter of colouring unripe fruit"}


def test_initials_and_a_surname_are_a_person_and_a_bracketed_legal_form_is_the_company_s() -> None:
    text = _LEDE + ("Kelani Fence Works (Pvt) Ltd denied the claim. Its managing director, Suresh Perera, "
                    "said the fence was built. W.M. Jayasena, who heads the farmers, said it was not.\n")
    x = run(text)
    by_name = actors_by_name(x)
    assert by_name["W.M. Jayasena"]["kind"] == "person"
    assert by_name["Kelani Fence Works (Pvt) Ltd"]["kind"] == "organisation"
    assert names(x)[by_name["Suresh Perera"]["affiliation"]] == "Kelani Fence Works (Pvt) Ltd"


def test_a_company_named_with_its_town_is_the_contractor_accused_later() -> None:
    text = _LEDE + ("Lena Roth, the operator's chief, blamed its rope maintenance contractor, Seiltech AG of "
                    "Visp, which she said had been booked to carry out the tests. She accused the contractor "
                    "of signing off tests it had never carried out.\n")
    x = run(text)
    assert "Seiltech AG" in actors_by_name(x)
    assert not [a for a in x.actors if a["name"] in ("contractor", "Seiltech AG of Visp")]
    accused = {names(x)[ln["to"]] for ln in x.links if ln["type"] == "accuses"}
    assert accused == {"Seiltech AG"}


@pytest.mark.parametrize(("sentence", "who", "words"), [
    ("The company's managing director, Mr Juma Kiwelu, yesterday dismissed the findings as a desk "
     "exercise and said the bags must have been tampered with.", "Juma Kiwelu",
     "the bags must have been tampered with"),
    ("But a machine operator at the Iyunga plant, who spoke to the Courier on condition that he was not "
     "named, said the line had been set to stop at 44 kilogrammes.", "machine operator at the Iyunga plant",
     "the line had been set to stop at 44 kilogrammes"),
    ("Regional Commissioner Asha Mrema ordered agro-dealers in the region to stop selling the stock from the "
     "batches, and said the contract would be cancelled.", "Asha Mrema",
     "agro-dealers in the region to stop selling the stock from the batches"),
])
def test_speakers_past_a_time_word_an_anonymous_trade_and_a_long_order(sentence: str, who: str,
                                                                       words: str) -> None:
    text = _LEDE + "Kilimo Mbolea Ltd said every bag was weighed.\n\n" + sentence + "\n"
    assert (who, words) in spans(run(text), text)


def test_blaming_people_then_accusing_them_is_one_accusation() -> None:
    text = _LEDE + ("Suresh Perera said the fence was built. He blamed farmers in the area, accusing them of "
                    "cutting the wire to let cattle graze.\n")
    assert [w for _who, w in sorted(spans(run(text), text))] == [
        "the fence was built", "them of cutting the wire to let cattle graze"]


def test_a_fertiliser_s_letters_and_a_highlands_region_are_no_actors() -> None:
    text = _LEDE + ("A third of the bags sold to farmers in the Southern Highlands were light, and 12 of 30 "
                    "samples of NPK blend held less nitrogen, the Farm Inputs Board said.\n")
    assert {a["name"] for a in run(text).actors} == {"Farm Inputs Board"}


def test_what_a_speaker_then_showed_someone_is_no_part_of_the_claim() -> None:
    text = _LEDE + ("On Wednesday, Sami Haddad said the wells still held valid permits last summer, and he "
                    "showed The Amman Courier copies of the permits.\n")
    x = run(text)
    assert [w for _who, w in spans(x, text)] == ["the wells still held valid permits last summer"]
    assert "The Amman Courier" not in actors_by_name(x)


def test_a_claim_opening_with_a_role_noun_is_no_description_of_the_speaker() -> None:
    """'The contractor dumped sludge in the bay, the Authority said': a clause whose subject is a role noun,
    not 'The company's chief executive, Jane Roe, said'."""
    text = _LEDE + "The contractor dumped sludge in the bay, the Marine Safety Authority said on Friday.\n"
    assert spans(run(text), text) == {("Marine Safety Authority", "The contractor dumped sludge in the bay")}


def test_a_figure_verb_inside_reported_words_is_no_speech_of_its_own() -> None:
    text = _LEDE + ("Hanna Lehto said the figures were wrong. She told Yle on Thursday that one meter had "
                    "been faulty, and that the resort's own calculation, based on pump running hours, put "
                    "the total at 176,000 cubic metres.\n")
    assert ("Hanna Lehto", "the resort's own calculation, based on pump running hours, put the total at "
            "176,000 cubic metres") in spans(run(text), text)
