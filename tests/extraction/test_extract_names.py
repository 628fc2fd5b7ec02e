"""How real copy names its actors: short names in brackets, names that run on or stop short, persons,
firms and states told apart, descriptions joined to the names the article gives later, and the things
(ships, sums, a group's name) that are no actors. Sentences written for these tests, not copied from any
test set."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, names, run, said, spans


def test_a_short_name_in_brackets_is_the_organisations_whatever_its_letters() -> None:
    """A body's short name in brackets is its own even when the letters are another language's initials
    ('UPRB') or the gazetteer knows another body by them ('CIA'); an elided particle ('d'Ouest') and a
    foreign head word ('Compagnie', 'Energie') keep a name whole."""
    text = (
        "The Varon Rice Growers' Union (UPRB) says 900 families lost their harvest. "
        "The Compagnie Fluviale d'Ouest (CIA Energie), which runs the dam, said it had warned both "
        "governments. The UPRB said the company must pay. CIA Energie said the release was announced."
    )
    x = run(text)
    by_name = actors_by_name(x)
    assert "UPRB" in by_name["Varon Rice Growers' Union"]["aliases"]
    assert "CIA Energie" in by_name["Compagnie Fluviale d'Ouest"]["aliases"]
    assert not {"UPRB", "CIA", "CIA Energie", "Energie", "Central Intelligence Agency"} & set(by_name)
    speakers = [s for s, _, _ in said(x)]
    assert speakers.count("Varon Rice Growers' Union") == 2
    assert speakers.count("Compagnie Fluviale d'Ouest") == 2


def test_a_described_group_naming_itself_later_is_not_the_body_it_accused() -> None:
    """'A group of riders has accused the Dostal app …' is not Dostal, whose one-word name only became an
    actor when it spoke; 'which calls itself Riders' Voice' names it, a body though no word says so."""
    text = (
        "A grassroots group of delivery riders in Brno has accused the Dostal app of cutting the fee per "
        "order. Dostal said the claim was misleading. The group, which calls itself Riders' Voice, says "
        "about 300 riders took part."
    )
    x = run(text)
    kinds = {a["name"]: a["kind"] for a in x.actors}
    assert kinds.get("Riders' Voice") in ("organisation", "group") and "Dostal" in kinds
    assert [s for s, _, _ in said(x)] == ["Riders' Voice", "Dostal", "Riders' Voice"]


def test_a_contractor_named_later_and_a_company_name_without_its_head_word_are_the_company() -> None:
    """'a road contractor' is the company named in the next sentence; "Tarsen Bhari's managing director,
    …, hit back" names Tarsen Bhari Constructions and describes its director: no words of its own."""
    text = (
        "Villagers have blamed a road contractor for a landslide that buried 11 houses.\n\n"
        "The contractor, Tarsen Bhari Constructions, said the slide was caused by rain.\n\n"
        "Tarsen Bhari’s managing director, Dil Gurung, hit back, accusing the villagers of lying."
    )
    x = run(text)
    by_name = actors_by_name(x)
    assert set(by_name) == {"villagers", "Tarsen Bhari Constructions", "Dil Gurung"}
    assert "road contractor" in by_name["Tarsen Bhari Constructions"]["aliases"]
    assert names(x)[by_name["Dil Gurung"]["affiliation"]] == "Tarsen Bhari Constructions"
    assert [s for s, _, _ in said(x)] == ["villagers", "Tarsen Bhari Constructions", "Dil Gurung"]


def test_a_states_regulator_named_later_is_one_actor_and_a_letter_seen_by_an_agency_is_no_speech() -> None:
    """"Ghana's cocoa regulator" is the Produce Marketing Agency the article names later; 'according to a
    letter seen by Reuters' makes no statement of Reuters; "Ghana's customs directorate" is a body."""
    text = (
        "Ghana's cocoa regulator has accused three exporters of smuggling beans across the border, "
        "according to a letter seen by Reuters.\n\n"
        "The Produce Marketing Agency (PMA) said in the letter that the firms had trucked beans abroad.\n\n"
        "Ghana's customs directorate said every cargo leaving the port had been inspected."
    )
    x = run(text)
    by_name = actors_by_name(x)
    assert "Ghana's cocoa regulator" in by_name["Produce Marketing Agency"]["aliases"]
    assert "Reuters" not in by_name
    speakers = [s for s, _, _ in said(x)]
    agency, customs = "Produce Marketing Agency", "Ghanaian customs directorate"
    assert speakers == [agency, agency, customs]


def test_a_name_followed_by_which_is_a_body_and_a_report_filed_with_a_court_is_its_authors() -> None:
    text = (
        "A widow alleged in a petition heard by the High Court on Tuesday that the yard was negligent.\n\n"
        "Sitakund Steel Recyclers, which runs the yard, said the allegation was false. Sitakund Steel "
        "said it had paid each family 500,000 taka.\n\n"
        "A report by the Coastal Works Safety Directorate (CWSD), filed with the court last month, found "
        "that the certificate had been signed by a chemist who was on leave."
    )
    x = run(text)
    kinds = {a["name"]: a["kind"] for a in x.actors}
    assert kinds["Sitakund Steel Recyclers"] == "organisation" and "Sitakund Steel" not in kinds
    speakers = [s for s, _, _ in said(x)]
    assert speakers[-3:] == ["Sitakund Steel Recyclers", "Sitakund Steel Recyclers",
                             "Coastal Works Safety Directorate"]


def test_unnamed_groups_keep_the_words_that_say_who_they_are() -> None:
    """'Two traders in Kenema' (the town is left out of the subject as a place) and 'Relatives of
    inmates' are named by their whole description, not 'traders' and 'Relatives'."""
    x = run("Two traders in Kenema told Reuters that buyers had paid farmers more. Relatives of inmates "
            "said they had not been allowed to visit since March.")
    assert [s for s, _, _ in said(x)] == ["traders in Kenema", "Relatives of inmates"]


def test_a_company_first_named_short_takes_its_full_name_and_an_acronym_makes_a_body() -> None:
    """A headline's 'Brenvolt' and the body's 'Brenvolt Energy' are one company under its full name; a
    name with its acronym in brackets is a body, not a person; 'do' joins a Portuguese name."""
    x = run("Battery maker Brenvolt sues rival.\n\n"
            "Battery developer Brenvolt Energy sued a rival on Monday. Brenvolt said the rival stole "
            "secrets.\n\n"
            "Campaigners said Harcourt Bois Tropicaux (HBT) had cut 14 kilometres of road. HBT denied it.\n\n"
            "The Portuguese club Vitória do Norte said the transfer was legal.")
    by_name = actors_by_name(x)
    assert "Brenvolt" in by_name["Brenvolt Energy"]["aliases"] and "Brenvolt" not in by_name
    assert by_name["Harcourt Bois Tropicaux"]["kind"] == "organisation"
    assert "HBT" in by_name["Harcourt Bois Tropicaux"]["aliases"]
    assert [s for s, _, _ in said(x)][-1] == "Vitória do Norte"


def test_a_sum_in_rand_is_no_name() -> None:
    x = run("A former manager took R4.2 million in bribes, prosecutors said, and paid R96 million to a firm.")
    assert names(x) and not {"R4", "R96"} & set(names(x).values())


def test_surname_particles_and_hyphenated_surnames_name_one_person() -> None:
    x = run("Joost van Leeuwen, the team's lawyer, said the test was flawed. Van Leeuwen said the tub had "
            "been opened. Dr Ama Owusu-Bonsu said three babies had died. Owusu-Bonsu said the ward was "
            "closed. The fine was 40 million CFA francs, the agency said.")
    assert {(a["name"], a["kind"]) for a in x.actors if a["kind"] == "person"} == {
        ("Joost van Leeuwen", "person"), ("Ama Owusu-Bonsu", "person")}
    assert "CFA" not in names(x).values()
    assert [s for s, _, _ in said(x)][:4] == ["Joost van Leeuwen"] * 2 + ["Ama Owusu-Bonsu"] * 2


def test_ships_named_after_titles_flags_or_in_a_list_are_no_actors() -> None:
    x = run("The cargo is anchored off Oran aboard the bulk carrier Lady Serafina, the traders said. Two "
            "tankers operated by Halvorsen, the Jade Orchid and the Amber Kestrel, met the North "
            "Korean-flagged Yu Song 7, the panel said.")
    assert set(names(x).values()) <= {"traders", "panel", "Halvorsen"}


def test_the_government_after_a_capital_opening_the_sentence_is_that_capitals_state() -> None:
    x = run("Chad accused the dam operator of flooding its farms.\n\n"
            "In Yaoundé, the government rejected Chad's account.")
    assert [s for s, _, _ in said(x)] == ["Chad", "Cameroon"]


def test_a_name_before_a_state_is_a_person_a_firm_or_a_describing_word() -> None:
    """'Michael Jordan' is a person (a state that is also a surname), 'Nasafert Kenya' a firm's national
    arm, 'Neighbouring Mauritius' the state."""
    for text, speaker, kind in [
        ("Michael Jordan said he was happy.", "Michael Jordan", "person"),
        ("Nasafert Kenya, the largest of the three, said the claims were without merit.", "Nasafert Kenya",
         "organisation"),
        ("Neighbouring Mauritius said it was ready.", "Mauritius", "state"),
    ]:
        x = run(text)
        assert [s for s, _, _ in said(x)] == [speaker], text
        assert actors_by_name(x)[speaker]["kind"] == kind, text


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a firm's name without its head word is never a state's name ('Sierra Leone' of the Police)
        ("The Sierra Leone Police said the driver fled. Sierra Leone's government said it would investigate.",
         ["Sierra Leone Police", "Sierra Leone"]),
        # a short company name is not lengthened into another body's ('the Brightwater Union')
        ("Brightwater said it would cut 200 jobs. The Brightwater Union said the cuts were illegal.",
         ["Brightwater", "Brightwater Union"]),
        # a state or place in brackets is where a company is, not its short name
        ("Acme Mining (Australia) said the mine was safe. Australia's government said it would investigate.",
         ["Acme Mining", "Australia"]),
        # a person with a company's acronym in brackets stays a person
        ("Obinna Ezeani (NNPC) said the pipeline was safe.", ["Obinna Ezeani"]),
        # 'the Republicans'' does not run into the name after it
        ("The Republicans' Mitch McConnell said the bill would pass.", ["Mitch McConnell"]),
        # what someone called “…” is said, not a thing named
        ("The strike was what union leaders called “the only language the company understands”.",
         ["union leaders"]),
        # a possessive inside the words before the name is no description of the speaker
        ("Nobody trusts Acme's board chairman, Tom Lee said.", ["Tom Lee"]),
        # a cargo carrier is an airline
        ("The cargo carrier Atlas Air said flights would resume.", ["Atlas Air"]),
        # a report by a firm's competitors is not the firm's: the competitors', an unnamed group
        ("Acme Pharma raised prices. A report by Acme Pharma's competitors said prices rose.",
         ["competitors"]),
    ],
)
def test_review_cases_keep_their_speakers(text: str, speakers: list[str]) -> None:
    assert [s for s, _, _ in said(run(text))] == speakers


def test_a_contractor_who_speaks_of_himself_and_a_head_noun_after_the_article_keep_their_kinds() -> None:
    assert kinds_of("A contractor who worked on the site said he was never paid.")["contractor"] == "person"
    assert kinds_of("“Prices rose,” said Northvale, a copper producer.")["Northvale"] == "organisation"
    assert kinds_of("Maria van der Berg said the test was flawed.")["Maria van der Berg"] == "person"


def kinds_of(text: str) -> dict[str, str]:
    return {a["name"]: a["kind"] for a in run(text).actors}


def test_a_union_described_by_whose_it_is_joins_the_union_named_later() -> None:
    x = run("A teachers' union said board staff had been selling copies for days.\n\n"
            "The National Association of Science Teachers (NAST) said it had warned the board in March.\n\n"
            "Police said they had arrested three people. The union called on Adjei to step aside.")
    nast = "National Association of Science Teachers"
    assert [s for s, _, _ in said(x)] == [nast, nast, "Police", nast]


def test_a_described_group_is_the_body_whose_apposition_tells_the_same() -> None:
    x = run("A parents' group says monitors it installed outside two schools show high pollution.\n\n"
            "Clean Air Port Ardell, set up last autumn by parents at Kingsway Public School, fixed six "
            "sensors to school fences in January. The group says most of the dust comes from the Ardell "
            "Cement plant.\n\nArdell Cement said its emissions were within its permit.")
    assert [s for s, _, _ in said(x)] == ["Clean Air Port Ardell", "Clean Air Port Ardell", "Ardell Cement"]


def test_a_described_group_is_the_group_named_next_with_an_apposition() -> None:
    x = run("A residents’ group said the council had sat on the findings for almost a year.\n\n"
            "The Tollard Bridge Action Group, set up by people living on both banks of the Wenn, obtained "
            "the report.\n\nThe Highways Structures Review Panel said it would look at the bridge.")
    assert [s for s, _, _ in said(x)] == ["Tollard Bridge Action Group", "Highways Structures Review Panel"]


def test_a_described_body_is_the_one_whose_name_holds_the_stem_of_its_head() -> None:
    x = run("Bern (AFP) - A Swiss watchdog on Tuesday accused a refinery of buying metal from rebels.\n\n"
            "In a 56-page report, Trace Metals Watch said the refinery had imported 2.3 tonnes of gold.\n\n"
            "The Responsible Gold Council said it had opened a review.")
    watch = "Trace Metals Watch"
    assert [s for s, _, _ in said(x)] == [watch, watch, "Responsible Gold Council"]


def test_a_body_whose_apposition_names_the_described_one_is_another_party() -> None:
    x = run("Portugal's Setubal port authority on Tuesday blamed the operator of the ship for the crash.\n\n"
            "Portugal's Maritime Accident Investigation Office, which is independent of the port authority, "
            "said it had opened an inquiry.")
    assert [s for s, _, _ in said(x)][-1] == "Maritime Accident Investigation Office"
    assert "port authority" not in actors_by_name(x)["Maritime Accident Investigation Office"]["aliases"]


def test_a_person_of_a_body_with_no_head_word_is_two_actors() -> None:
    x = run("“The recall came too late,” said Hanna Lindgren of Safe Play Europe.")
    assert said(x) == [("Hanna Lindgren", "quote", "The recall came too late")]
    lindgren = actors_by_name(x)["Hanna Lindgren"]
    assert names(x)[lindgren["affiliation"]] == "Safe Play Europe"


def test_a_known_name_runs_on_through_in_and_speaks() -> None:
    x = run("The Organization for Security and Co-operation in Europe (OSCE) said satellite images showed "
            "fresh tracks.")
    assert [s for s, _, _ in said(x)] == ["OSCE"]
    assert "Organization for Security and Co-operation in Europe" in actors_by_name(x)["OSCE"]["aliases"]


def test_a_company_named_with_a_trade_word_is_a_body_from_its_first_mention() -> None:
    x = run("The association said 63 patients at units run by Renalis Care had their sessions reduced. "
            "Renalis denied the claim. In a statement, the company said only 11 patients had moved.")
    assert actors_by_name(x)["Renalis Care"]["kind"] == "organisation"
    assert [s for s, _, _ in said(x)][-1] == "Renalis Care"


def test_a_body_named_with_and_before_its_head_word_is_one_body() -> None:
    x = run("The 31-page report by the council’s Internal Audit and Assurance Service (IAAS) found that "
            "Brightplate Catering Ltd billed for meals never served.")
    assert "Internal Audit and Assurance Service" in actors_by_name(x)
    x = run("Acme Holdings and Beta Group said they would merge.")
    assert {"Acme Holdings", "Beta Group"} <= set(actors_by_name(x))


def test_a_body_named_in_lower_case_with_its_field_is_an_actor_its_official_belongs_to() -> None:
    x = run("An official at the regional water authority, who was not authorised to speak publicly, said "
            "inspectors had begun checking the meters. The authority said it would evaluate the report.")
    assert [s for s, _, _ in said(x)] == ["regional water authority official", "regional water authority"]
    official = actors_by_name(x)["regional water authority official"]
    assert names(x)[official["affiliation"]] == "regional water authority"


def test_a_code_of_letters_and_digits_is_no_name() -> None:
    x = run("The Halder-Vogt Collection said a faded number on its base, 'T4-117', matched nothing.")
    assert set(actors_by_name(x)) == {"Halder-Vogt Collection"}


def test_its_chair_is_the_role_and_the_body_its_refers_to_the_affiliation() -> None:
    x = run("The Veldhaven Dockers' Union disputed the claim. \"They knew, and they kept us working under "
            "them,\" said its chair, Hanne Dorr.")
    dorr = actors_by_name(x)["Hanne Dorr"]
    assert dorr["role"] == "chair" and names(x)[dorr["affiliation"]] == "Veldhaven Dockers' Union"


def test_a_harbour_board_in_lower_case_is_a_body() -> None:
    assert [s for s, _, _ in said(run("The harbour board denied any wrongdoing."))] == ["harbour board"]
    x = run("The Veldhaven harbour board denied any wrongdoing.")
    assert [s for s, _, _ in said(x)] == ["Veldhaven harbour board"]


def test_a_board_named_after_its_town_is_a_body_its_officials_belong_to() -> None:
    x = run("A dockworkers' union says the Veldhaven harbour board knew that 4 of the 9 cranes had failed "
            "checks.\n\nA board official, who asked not to be named, said the report was a draft.")
    official = actors_by_name(x)["board official"]
    assert names(x)[official["affiliation"]] == "Veldhaven harbour board"


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Prosecutors accused the club Atlético Sadino of bribery. Sadino called the charges a fabrication.",
     "Atlético Sadino", "Sadino"),
    ("Banco Meridiano said profits rose. Meridiano said the figures were audited.",
     "Banco Meridiano", "Meridiano"),
])
def test_a_club_or_bank_goes_by_the_word_after_its_prefix(text: str, name: str, alias: str) -> None:
    x = run(text)
    assert [(a["name"], a["aliases"]) for a in x.actors if a["kind"] == "organisation"] == [(name, [alias])]


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Racing Club said the coach had resigned. Racing said a successor would be named.", "Racing Club",
     "Racing"),
    ("Sporting Lisbon said the transfer was off. Sporting added that talks had ended.", "Sporting Lisbon",
     "Sporting"),
])
def test_a_club_whose_second_word_is_a_head_or_a_place_goes_by_its_first(text: str, name: str,
                                                                           alias: str) -> None:
    assert [(a["name"], a["aliases"]) for a in run(text).actors] == [(name, [alias])]


def test_a_hyphenated_name_keeps_its_lower_case_particles() -> None:
    x = run("Val-de-Vire said on Tuesday that its milk price had always been public.")
    assert [n for n, _mode, _quote in said(x)] == ["Val-de-Vire"]


@pytest.mark.parametrize(("text", "name", "short"), [
    ("Lumen Pharma Inc recalled the tablets on Monday. Lumen said in a statement that it had never concealed "
     "a test result.", "Lumen Pharma Inc", "Lumen"),
    ("About 1,300 farms lie downstream of the Minera Altamira SA plant, the group said. Altamira said the "
     "samples were not taken properly.", "Minera Altamira SA", "Altamira"),
    ("Mutualite Horizon, which insures about 1.4 million people, said records were stolen. Horizon said "
     "it had notified the watchdog of the breach at once.", "Mutualite Horizon", "Horizon"),
])
def test_a_company_goes_by_the_word_after_a_generic_opener_and_a_name_ending_in_men_is_no_crowd(
        text: str, name: str, short: str) -> None:
    got = {a["name"] for a in run(text).actors}
    assert name in got and short not in got


@pytest.mark.parametrize("body", ["Audit Panel", "Independent Review Panel"])
def test_a_name_ending_in_panel_is_a_body_not_a_person(body: str) -> None:
    x = run(f"The {body} said the trustees had been warned in March.")
    assert actors_by_name(x)[body]["kind"] == "organisation"


@pytest.mark.parametrize(("text", "name"), [
    ("The Panel of Experts on Mali said the parts had been shipped.", "Panel of Experts on Mali"),
    ("The Committee on Foreign Affairs said the deal was illegal.", "Committee on Foreign Affairs"),
    ("The Council on Monday said the deal was illegal.", "Council"),
])
def test_a_body_named_on_its_subject_keeps_the_subject_in_its_name(text: str, name: str) -> None:
    """'on' runs on through a body's name after its head word, never into a day or a month."""
    assert spans(run(text), text) == {(name, text.split(" said ")[1].rstrip("."))}


def test_a_body_named_on_its_subject_told_something_is_no_part_of_the_words() -> None:
    text = "Kranex told the Commission on Elections it would appeal."
    assert spans(run(text), text) == {("Kranex", "it would appeal")}


@pytest.mark.parametrize(("text", "person"), [
    ("In emails seen by this newspaper, Ch Supt Colin Rolfe told sergeants to issue 40 tickets a month.",
     "Colin Rolfe"),
    ("Lt Gen Omar Said said the army would withdraw from the border posts.", "Omar Said"),
    ("Det Sgt Amy Cole said the car had been stolen in March.", "Amy Cole"),
])
def test_a_rank_of_several_words_is_no_part_of_the_name(text: str, person: str) -> None:
    assert [a["name"] for a in run(text).actors] == [person]


def test_a_place_before_a_lower_case_institution_names_the_institution() -> None:
    text = ("A police force has been running a quota, its staff association said.\n\n"
            "Severn Dale police denied the claim on Monday.")
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert kinds.get("Severn Dale police") == "organisation" and "Severn Dale" not in kinds, kinds
    asked = "Board chairwoman Esther Phiri asked police to find out how the sheets left the printer."
    assert "Esther Phiri" in {a["name"] for a in run(asked).actors}


def test_an_institution_named_after_a_place_only_where_a_clause_opens() -> None:
    text = ("A spokesman said Lorenzo Vidal council members had voted against the plan. Vidal said he "
            "would appeal.")
    assert {a["name"]: a["kind"] for a in run(text).actors}.get("Lorenzo Vidal") == "person"


@pytest.mark.parametrize(("text", "person"), [
    ("Detectives from the Directorate of Criminal Investigations (DCI) arrested three men. DCI Director "
     "Mohamed Amin said the men would be charged.", "Mohamed Amin"),
    ("Dr Justice Amoah said the ruling stood.", "Justice Amoah"),
])
def test_only_abbreviated_ranks_are_stripped_from_a_name(text: str, person: str) -> None:
    assert person in {a["name"] for a in run(text).actors}
