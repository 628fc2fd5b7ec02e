"""Who is an actor in wire prose and under what name: long names with small words, acronyms expanded in the
article, names through an owner, datelines and products that are no actors (split out of
test_extract_wire_rules.py; sentences written for these tests, not copied from the blind articles)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, names, run, said, spans


def test_the_company_resolves_to_the_latest_company_and_products_are_not_actors() -> None:
    text = (
        "Granite Mining Corp plans a new pit. The charity Clean Rivers said the pit would harm fish. "
        "Granite said its SkyView app tracks water quality. The company said it would publish the data."
    )
    x = run(text)
    assert ("Granite Mining Corp", "it would publish the data") in spans(x, text)
    assert "SkyView" not in {a["name"] for a in x.actors}


def test_possessive_descriptive_organisations_are_named_after_the_country() -> None:
    text = (
        "Cholera has spread across Peru. At least 40 cases were confirmed, according to figures released by "
        "the country's health ministry on Friday. The ministry said it had sent 20 doctors to the area."
    )
    x = run(text)
    ministry = next(a for a in x.actors if a["name"].endswith("health ministry"))
    assert ministry["name"] == "Peruvian health ministry"
    assert "Peru" not in names(x).values()  # only a place and the owner of the body it names (REAL_COPY.md)
    assert {s["speaker"] for s in x.statements} == {ministry["id"]}
    assert len(x.statements) == 2


def test_dateline_outlet_and_seat_of_a_company_are_not_actors() -> None:
    text = "LIMA (AFP) - Officials said the funds went to two firms registered in Panama."
    assert [a["name"].lower() for a in run(text).actors] == ["officials"]


def test_long_organisation_names_with_small_words_stay_whole() -> None:
    text = (
        "The Court of Appeals for the Fifth Circuit said the rule stood. The Commission on Civil Rights said "
        "it disagreed. A professor at King's College said both were wrong."
    )
    x = run(text)
    found = {a["name"] for a in x.actors}
    assert {"Court of Appeals for the Fifth Circuit", "Commission on Civil Rights", "King's College"} <= found


def test_a_name_before_a_descriptor_noun_is_an_organisation() -> None:
    text = "The Metro Transit Workers union, which represents drivers, said the cuts were “reckless”."
    x = run(text)
    assert said(x) == [("Metro Transit Workers", "paraphrase", None)]
    assert x.actors[0]["kind"] == "organisation"


def test_bodies_named_through_an_owner_and_kin_of_an_unnamed_person() -> None:
    text = (
        "The country's election commission said turnout was low. Voters in Ruritania chose a new leader. "
        "The UN's refugee agency said 5,000 people had fled. The son of one victim told reporters he wanted "
        "answers."
    )
    got = spans(run(text), text)
    assert ("election commission", "turnout was low") in got
    assert ("United Nations refugee agency", "5,000 people had fled") in got
    assert ("son of one victim", "he wanted answers") in got


def test_names_run_on_through_branch_numbers_co_operative_and_plural_possessives() -> None:
    text = (
        "Dock Workers Union Lodge 12 said the talks had failed. Millers owned by Ontario-based Lakeside "
        "Growers Co-op said they would wait. The Riverside Tenants’ Association said it was “appalled”."
    )
    found = {a["name"] for a in run(text).actors}
    want = {"Dock Workers Union Lodge 12", "Lakeside Growers Co-op", "Riverside Tenants’ Association"}
    assert want <= found


def test_acronyms_expanded_in_the_article_and_names_that_start_with_one() -> None:
    """'the National Audit Office (NAO) said' speaks; 'IMFRA' alone is IMFRA Structures Ltd; a known
    expansion never fires inside a longer name ('UN Logistics Ltd', 'ABC Lines')."""
    text = (
        "The National Audit Office (NAO) said the scheme had failed. The NAO said ministers ignored it. "
        "The auditors questioned money paid to IMFRA Structures Ltd. IMFRA said every tonne was delivered. "
        "UN Logistics Ltd said its trucks were late. ABC Lines said the ferry was inspected."
    )
    x = run(text)
    by_name = actors_by_name(x)
    assert "NAO" in by_name["National Audit Office"]["aliases"]
    assert "IMFRA" in by_name["IMFRA Structures Ltd"]["aliases"] and "IMFRA" not in by_name
    assert {"UN Logistics Ltd", "ABC Lines"} <= set(by_name)
    assert not {"United Nations", "International Monetary Fund"} & set(by_name)
    speakers = [s for s, _, _ in said(x)]
    assert speakers.count("National Audit Office") == 2 and "IMFRA Structures Ltd" in speakers


def test_a_surname_that_is_also_a_landmark_word_stays_a_person() -> None:
    """'X Stadium' and 'X Weir' are places, but 'Park' is a surname far more often than a landmark."""
    text = "Lena Park said the stadium was safe. Officials at Kingsmead Stadium said the roof leaked."
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert kinds.get("Lena Park") == "person" and "Kingsmead Stadium" not in kinds


def test_a_currency_code_before_an_amount_is_no_actor_and_is_the_amounts_unit() -> None:
    text = ("Riders were charged IDR 186,000 for a short trip, the tracker said. Andes Hidro said the "
            "repairs would cost CLP 2.1 billion.")
    x = run(text)
    assert set(actors_by_name(x)) >= {"Andes Hidro"}
    assert not set(actors_by_name(x)) & {"IDR", "CLP"}
    got = {text[e["span"][0] : e["span"][1]]: e["quantity"] for e in x.evidence}
    assert got["IDR 186,000"] == {"value": 186000, "unit": "IDR"}
    assert got["CLP 2.1 billion"] == {"value": 2_100_000_000, "unit": "CLP"}
    words = "The COP 28 talks drew ALL 5 members, and the TOP 10 firms met the SDG 4 goal."
    found = run(words)
    units = {e["quantity"]["unit"] for e in found.evidence}
    assert not found.actors and not units & {"COP", "ALL", "TOP", "SDG"}


def test_a_company_named_with_its_legal_form_first_goes_by_its_first_own_word() -> None:
    x = run("PT Sinar Laut Abadi, a shipping firm, said on Monday it would appeal the fine. Sinar also said "
            "the fine was unfair.")
    assert [a["name"] for a in x.actors] == ["PT Sinar Laut Abadi"]
    assert {who for who, _mode, _quote in said(x)} == {"PT Sinar Laut Abadi"}


def test_the_outlets_own_data_and_what_it_was_shown_are_the_reporters_background() -> None:
    dateline = ("    (Bloomberg) -- Harlow Bank said profits fell. The bank's bonds dropped to 88 cents on "
                "the dollar, according to data compiled by Bloomberg.\n")
    byline = ("Rivers flooded again\n\nBy Ann Lee, BBC News, Leeds\n\nResidents said the river rose in an "
              "hour, according to readings the group shared with the BBC.\n")
    for text, outlet in ((dateline, "Bloomberg"), (byline, "BBC")):
        x = run(text)
        assert outlet not in {who for who, _mode, _quote in said(x)}
        assert outlet not in actors_by_name(x)
    elsewhere = ("Harlow Bank's bonds fell to 88 cents on the dollar, according to data compiled by "
                 "Bloomberg.\n")
    assert "Bloomberg" in {who for who, _mode, _quote in said(run(elsewhere))}  # not the story's outlet


def test_a_story_about_its_own_outlet_keeps_the_outlets_statements() -> None:
    text = ("LONDON (Reuters) - Thomson Reuters said on Tuesday it would cut 500 jobs. Reuters said the cuts "
            "would fall on its news division.\n")
    assert {who for who, _mode, _quote in said(run(text))} == {"Reuters"}


def test_a_bare_surname_is_the_person_whose_last_name_it_is_not_a_name_it_opens() -> None:
    text = ("Corvane accused the bank's chairman, Haluk Ersan, of steering loans to his brother's builder. "
            "The loans to Ersan Yapi were never repaid, Corvane said. Ersan rejected what he called a smear.")
    assert said(run(text))[-1][0] == "Haluk Ersan"
    family_first = ("Li Wang, a trader, said prices fell. Wang Yi, the foreign minister, met his "
                    "counterpart. Wang said the talks were frank.")
    assert said(run(family_first))[-1][0] == "Wang Yi"  # a person with a role, not a bare name opened by it


def test_a_bare_name_someone_belongs_to_written_as_a_place_is_no_actor() -> None:
    x = run("Marta Ruiz, a nurse at San Telmo, said the river rose in San Telmo.")
    assert [(a["name"], a["affiliation"]) for a in x.actors] == [("Marta Ruiz", None)]


@pytest.mark.parametrize("agency", ["EFE", "Kyodo", "Bernama", "ANSA", "dpa"])
def test_a_news_agency_told_or_shown_something_is_an_outlet_not_a_body_that_speaks(agency: str) -> None:
    text = (f"The growers' union said the scales were rigged, its leader told {agency} by phone. A copy of "
            f"the contract, seen by {agency}, makes no mention of moisture. Inspectors from the consumer "
            "protection office sealed two scales, an official at the office said.")
    x = run(text)
    assert not [a for a in x.actors if agency in a["name"] and a["kind"] != "media"]
    assert agency not in " ".join(who for who, _mode, _quote in said(x))


def test_the_airline_is_never_a_guild_of_pilots_whose_name_holds_airline() -> None:
    text = ("The Borneo Airline Pilots Guild said the tower was understaffed. Tanjung Air denied that its "
            "crew had broken any rule. In a statement, the airline said its pilots had held that altitude.")
    assert said(run(text))[-1][0] == "Tanjung Air"


def test_a_name_set_off_after_the_descriptor_is_that_kind_of_body() -> None:
    text = ("The Central de Cafeteros (CDC), which represents 3,000 growers, said its tests found the scales "
            "short.\n\nThe exporter, Cafetalera Monte Verde, buys a third of the region's coffee.\n\nIn a "
            "statement, the company said its scales were calibrated every month.")
    x = run(text)
    assert said(x)[-1][0] == "Cafetalera Monte Verde"
    assert actors_by_name(x)["Cafetalera Monte Verde"]["kind"] == "organisation"
    person = "The official, Jane Roe, said the scales were fine. The company, Jane Roe said, denied it."
    assert "Jane Roe" in {who for who, _mode, _quote in said(run(person))}  # a name no comma closes


def test_a_body_described_then_named_with_its_short_name_in_brackets_speaks_by_its_name() -> None:
    text = ("Two Kivu Telecom engineers said the update was wrong. A consumer group, the Mobile Users "
            "Association (MUA), said it had received 4,870 complaints.")
    x = run(text)
    assert said(x)[-1][0] == "Mobile Users Association"
    assert actors_by_name(x)["Mobile Users Association"]["aliases"] == ["MUA"]


def test_the_lab_or_the_institute_is_the_one_named_before() -> None:
    for body, noun in (("Lagos Digital Rights Lab", "lab"), ("Kano Policy Institute", "institute")):
        text = (f"Tests by the {body}, an independent research group, back the complaints. In a report "
                f"published on Tuesday, the {noun} said it had bought 50 bundles.")
        assert [who for who, _mode, _quote in said(run(text))] == [body]


def test_an_official_who_asks_not_to_be_named_is_a_source_of_their_own_not_the_ministry() -> None:
    x = run("Portugal's infrastructure ministry said the tender was fair. A senior official at the ministry, "
            "who asked not to be named, said all four bids were scored on the same grid.")
    official = "senior official at the ministry"
    assert [s for s, _, _ in said(x)] == ["Portuguese infrastructure ministry", official]


def test_an_official_speaking_on_the_record_speaks_for_the_body() -> None:
    x = run("The consumer protection office opened a case. Inspectors sealed two scales on Tuesday, an "
            "official at the office said.")
    assert [(a["name"], a["kind"]) for a in x.actors] == [("office", "organisation")]


def test_a_name_described_as_a_firm_paid_millions_is_a_firm_that_it_refers_to() -> None:
    text = ("The fridges are serviced by Coldline Medical, a private firm paid 3.4 million cedis ($310,000) "
            "a year by the directorate. The inspectors said repairs went unanswered. Coldline denied "
            "neglecting the fridges. It said police had recorded 26 battery thefts.")
    x = run(text)
    assert actors_by_name(x)["Coldline Medical"]["kind"] == "organisation"
    assert said(x)[-1][0] == "Coldline Medical"


@pytest.mark.parametrize("text", [
    "Tamsin Achterberg, a school bus driver, said the road was unsafe. She said it was dangerous.",
    "Zuberi Okoth, a bank clerk in Accra, said the rates rose. She said the bank had not told her.",
])
def test_a_person_described_by_a_job_whose_first_word_names_a_body_stays_a_person(text: str) -> None:
    x = run(text)
    assert [a["kind"] for a in x.actors][:1] == ["person"]
    assert len(said(x)) == 2 and said(x)[0][0] == said(x)[1][0]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Antara Sen, a nurse, said the ward was full.", "Antara Sen"),
    ("Fernando Lusa, a fisherman, said the catch had fallen.", "Fernando Lusa"),
])
def test_a_person_named_like_an_agency_stays_a_person(text: str, speaker: str) -> None:
    x = run(text)
    assert said(x)[0][0] == speaker and actors_by_name(x)[speaker]["kind"] == "person"


def test_a_person_named_after_a_clause_ending_in_a_body_noun_stays_a_person() -> None:
    x = run("After quitting the firm, Zuberi Okoth, 54, set up a charity. He said it was his calling.")
    assert said(x) == [("Zuberi Okoth", "paraphrase", None)]


@pytest.mark.parametrize("text", [
    "Speaking on condition of anonymity, an official at the ministry said the talks had failed.",
    "An official at the ministry, speaking anonymously, said the talks had failed.",
    "An official at the ministry said the talks had failed, declining to be named.",
])
def test_an_official_not_named_anywhere_in_the_sentence_stays_a_source_of_their_own(text: str) -> None:
    assert said(run(text))[0][0] != "ministry"


def test_an_official_no_body_is_named_for_is_not_the_body_named_last() -> None:
    assert said(run("Greenpeace said the ship was leaking. An official said the ship was safe."))[-1][0] \
        != "Greenpeace"


def test_a_member_of_a_group_named_in_apposition_is_not_the_group() -> None:
    text = "A member of a rival group, the Ghana Farmers Union (GFU), said prices fell."
    assert said(run(text))[0][0] != "Ghana Farmers Union"
