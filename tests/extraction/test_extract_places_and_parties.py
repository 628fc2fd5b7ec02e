"""Which names the importer proposes as actors, and under what names: a country named once inside
someone's claim is a place, a country that speaks, is accused or comes up again is a party (REAL_COPY.md:
places are no actors); the owner of a body is no party by owning it; an unnamed group keeps the words it
was counted with as an alias."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, run, said, speakers


def test_a_country_named_once_inside_a_claim_is_a_place() -> None:
    x = run("Exporters smuggled 4,200 tonnes of cocoa beans into Guinea last year, the Produce Export "
            "Regulatory Authority said on Tuesday.")
    assert set(actors_by_name(x)) == {"Produce Export Regulatory Authority"}
    listed = {a["id"] for a in x.actors}
    assert all(set(s["about"]) <= listed for s in x.statements)  # no claim is about an actor left out


def test_an_accused_country_is_a_party() -> None:
    x = run("The Produce Export Regulatory Authority accused Guinea of letting 4,200 tonnes of beans "
            "across the border.")
    assert actors_by_name(x)["Guinea"]["kind"] == "state"


def test_a_country_that_speaks_is_a_party() -> None:
    x = run("Guinea said on Tuesday that no beans had crossed the border.")
    assert actors_by_name(x)["Guinea"]["kind"] == "state"


def test_a_country_named_in_two_claims_is_kept() -> None:
    x = run("Exporters smuggled cocoa beans into Guinea, the authority's director Ama Boateng said. "
            "Guinea had done nothing to stop the trade, she added.")
    assert "Guinea" in actors_by_name(x)


def test_the_owner_of_a_body_is_no_party_but_the_owner_of_a_person_is() -> None:
    body = run("The United Nations human rights office said on Friday that 40 people had been detained.")
    assert set(actors_by_name(body)) == {"United Nations human rights office"}
    assert actors_by_name(body)["United Nations human rights office"]["affiliation"] is None
    person = actors_by_name(run("United Nations spokesman Stephane Dujarric said the convoy was stopped."))
    assert person["Stephane Dujarric"]["affiliation"] == person["United Nations"]["id"]


def test_an_unnamed_group_counted_keeps_its_count_as_an_alias() -> None:
    x = run("Two residents reached by telephone said they had heard an engine before the blast.")
    assert "Two residents" in actors_by_name(x)["residents"]["aliases"]  # (with the words that described
    # them: 'residents reached by telephone')


def test_a_river_or_lake_is_a_place_and_people_on_it_speak() -> None:
    x = run("Kelso Mining denied polluting the River Tay on Tuesday.")
    assert set(actors_by_name(x)) == {"Kelso Mining"}
    y = run("Fishermen on Lake Victoria said catches had halved.")
    assert set(actors_by_name(y)) == {"Fishermen on Lake Victoria"}
    z = run("The Mekong River Commission said levels were low.")
    assert set(actors_by_name(z)) == {"Mekong River Commission"}


def test_a_name_described_as_a_charity_based_somewhere_is_a_body() -> None:
    x = run("Relief Without Borders, a charity based in Oslo, said the claims were wrong.")
    assert actors_by_name(x)["Relief Without Borders"]["kind"] == "organisation"


def test_a_country_that_is_only_a_speakers_nationality_is_no_party_but_its_officials_country_is() -> None:
    x = run("Spain's Ruben Aldaz, who lost the game, said his opponent had cheated.")
    assert set(actors_by_name(x)) == {"Ruben Aldaz"}
    y = run("Russian foreign ministry spokeswoman Maria Zakharova said the report was false.")
    assert "Russia" in actors_by_name(y)


@pytest.mark.parametrize(("text", "country"), [
    ("Kenyan police said on Friday that Uganda had illegally closed the border.", "Uganda"),
    ("The ministry said Sudan was responsible for the attack on the camp.", "Sudan"),
    ("Russian opposition leader Alexei Vorin said the election had been rigged. The Kremlin said the vote "
     "was fair and transparent.", "Russia"),
    ("Human rights groups accused Venezuela of fraud.", "Venezuela"),
    ("North Korean leader Pak Chol said the test was a success.", "North Korea"),
    ("A Kremlin aide, Igor Vasin, said the talks had stalled.", "Russia"),
])
def test_a_country_accused_speaking_or_holding_office_stays_and_nothing_dangles(text: str,
                                                                               country: str) -> None:
    x = run(text)
    assert actors_by_name(x)[country]["kind"] == "state"
    ids = {a["id"] for a in x.actors}
    assert all(s["speaker"] in ids and set(s["about"]) <= ids for s in x.statements)
    assert all(ln["to"] in ids for ln in x.links if ln["to"].startswith("act-"))


@pytest.mark.parametrize(("text", "name"), [
    ("Jenny Hills, who runs the shelter, said the dogs were safe.", "Jenny Hills"),
    ("Delta Mensah, a nurse, said the ward was full.", "Delta Mensah"),
    ("Mayor Tom Falls said the road would reopen.", "Tom Falls"),
])
def test_a_person_whose_name_holds_a_landform_word_still_speaks(text: str, name: str) -> None:
    assert name in actors_by_name(run(text))


def test_a_capital_told_by_where_something_lies_is_a_place_not_its_country() -> None:
    x = run("Residents living beside a cement plant in Athi River, south of Nairobi, on Thursday accused its "
            "owner, Kilima Portland Cement, of choking an entire valley with dust.")
    assert [n for n, _mode, _quote in said(x)] == ["Residents"]
    assert "Kenya" not in actors_by_name(x)


def test_people_counted_in_digits_with_a_thousands_comma_are_named_by_their_noun() -> None:
    assert set(actors_by_name(run("About 2,400 farmers said the prices were fixed."))) == {"farmers"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Meridian raised prices. Pharmacists in Soweto and Tembisa said some patients had begun stretching "
     "doses.\n", "Pharmacists in Soweto and Tembisa"),
    ("Meridian raised prices. Residents of Umlazi and Ntuzuma said the water had been off for days.\n",
     "Residents of Umlazi and Ntuzuma"),
    ("Talks opened in Paris and Macron said the deal was close.\n", "Macron"),
])
def test_people_in_two_places_speak_as_one_group_and_neither_place_speaks(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_name_a_body_descriptor_opens_is_that_body_and_its_spokesperson_speaks_for_it() -> None:
    text = ("French club AS Estuaire counted money it had not received. Atlantique Logistique is a haulage "
            "firm. A club spokesperson, who declined to be named, said the full amount had been received.\n")
    x = run(text)
    assert said(x) == [("AS Estuaire", "paraphrase", None)]
    assert actors_by_name(x)["AS Estuaire"]["kind"] == "organisation"


def test_people_a_verb_acts_on_are_no_subject_joined_to_the_name_after_and() -> None:
    text = "Police clashed with miners in Rustenburg and Malema said the police had fired first.\n"
    assert speakers(text) == ["Malema"]
