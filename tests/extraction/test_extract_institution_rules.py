"""Extractor rules for institutions named by common nouns, bare names that turn out to be organisations,
and other failure classes the third blind set showed (sentences written for these tests)."""

from __future__ import annotations

from claimnet.store.features.extract import act_model
from tests.extraction.extract_helpers import names, run, said, spans


def kinds(text: str) -> dict[str, str]:
    return {a["name"]: a["kind"] for a in run(text).actors}


def test_a_bare_name_taken_up_by_the_company_is_an_organisation_and_speaks_again() -> None:
    text = (
        "Corvel Freight denied that its drivers had broken the rules. "
        "In a statement, the company said the lorries had been inspected."
    )
    x = run(text)
    assert kinds(text)["Corvel Freight"] == "organisation"
    assert ("Corvel Freight", "the lorries had been inspected") in spans(x, text)


def test_a_bare_name_confirmed_by_she_stays_a_person_and_is_not_the_company() -> None:
    text = (
        "Marta Solberg said the plant was safe. She said the company had hired 40 engineers. "
        "The company said it would appeal."
    )
    assert kinds(text)["Marta Solberg"] == "person"


def test_the_club_refers_back_to_a_name_read_first_as_a_person() -> None:
    text = "Kingsbury Wanderers will appeal against the fine, the club has said."
    x = run(text)
    assert kinds(text)["Kingsbury Wanderers"] == "organisation"
    assert [s for s, _, _ in said(x)] == ["Kingsbury Wanderers"]


def test_a_lower_case_institution_without_an_antecedent_is_an_actor_of_its_own() -> None:
    for text, who in [
        ("The national audit office said the scheme had cost 3 million euros.", "national audit office"),
        ("An independent panel found the driver had been speeding.", "independent panel"),
        ("The tribunal said the dismissal was unfair.", "tribunal"),
    ]:
        assert [s for s, _, _ in said(run(text))] == [who], text


def test_found_takes_a_bare_clause_but_not_an_object() -> None:
    clause = "The inspectorate found the school had failed its pupils."
    assert ("inspectorate", "the school had failed its pupils") in spans(run(clause), clause)
    thing = "Divers found the wreck of a trawler near the harbour."
    assert run(thing).statements == []


def test_a_capital_used_as_a_first_name_is_a_person_not_a_state() -> None:
    text = "Health Minister Lima Okonjo said the clinics would reopen."
    x = run(text)
    assert set(names(x).values()) == {"Lima Okonjo"}
    moscow = "Moscow said the convoy was Ukrainian."
    assert "Russia" in names(run(moscow)).values()


def test_and_that_inside_a_quotation_does_not_split_it() -> None:
    text = (
        "“The crew knew the rules, and that instruction was ignored,” the harbour master, Ines Duarte, said."
    )
    assert said(run(text)) == [
        ("Ines Duarte", "quote", "The crew knew the rules, and that instruction was ignored")
    ]


def test_credit_lines_make_no_statement_and_no_actor() -> None:
    """Reporters and editors in a trailer are page furniture, not actors of the network (REAL_COPY.md)."""
    text = "The ferry sank.\n(Reporting by Ana Lind; Additional reporting by Tom Berg; Editing by Kai Moe)"
    x = run(text)
    assert x.statements == []
    assert set(names(x).values()) == set()


def test_a_quoted_adverb_between_speaker_and_verb_is_the_speakers_quote() -> None:
    text = "Chile's foreign ministry “flatly” rejected the claims, calling them “baseless”."
    got = said(run(text))
    assert got == [
        ("Chilean foreign ministry", "quote", "flatly"),
        ("Chilean foreign ministry", "quote", "baseless"),
    ]


def test_an_inverted_role_then_name_gives_the_person_not_the_group() -> None:
    text = (
        "Fair Rents Now, a tenants' group, criticised the rise. “Families cannot pay,” said the group’s "
        "director, Olga Brandt."
    )
    x = run(text)
    assert kinds(text)["Fair Rents Now"] == "organisation"
    assert ("Olga Brandt", "quote", "Families cannot pay") in said(x)


def test_the_person_refers_back_to_an_unnamed_source() -> None:
    text = (
        "A person familiar with the talks said a deal was close. The draft runs to 40 pages, according "
        "to the person, who asked not to be named."
    )
    who = {s for s, _, _ in said(run(text))}
    assert who == {"person familiar with the talks"}


def test_a_lower_case_institution_keeps_its_members_and_the_university_refers_back() -> None:
    text = "In Austria, the federal association of dentists said clinics had enough staff."
    assert [s for s, _, _ in said(run(text))] == ["federal association of dentists"]
    uni = (
        "The University of Westmere banned the march. The university said it would “robustly defend” the ban."
    )
    assert said(run(uni)) == [("University of Westmere", "paraphrase", None)]


def test_plain_said_with_denying_or_accusing_words_gets_that_act_and_its_link() -> None:
    text = (
        "The Harwell council accused Lakeside Mining of hiding a report. "
        "“These claims are false,” said Ruth Obi, the company’s lawyer."
    )
    x = run(text)
    acts = {s["text"]: s["act"] for s in x.statements}
    assert acts["These claims are false"] == "denial"
    denial = next(s for s in x.statements if s["act"] == "denial")
    accusation = next(s for s in x.statements if s["act"] == "accusation")
    assert any(ln["from"] == denial["id"] and ln["to"] == accusation["id"] for ln in x.links)


def test_a_firm_named_with_an_ampersand_after_its_descriptor_speaks_the_clause_before() -> None:
    text = "The claim seeks 90,000 euros in damages, the law firm Brandt & Sohn said in a statement."
    x = run(text)
    assert kinds(text)["Brandt & Sohn"] == "organisation"
    assert ("Brandt & Sohn", "The claim seeks 90,000 euros in damages") in spans(x, text)


def test_but_that_splits_two_reported_clauses() -> None:
    text = "Ida Lunde said such suits rarely succeed, but that settlements were common."
    assert spans(run(text), text) == {
        ("Ida Lunde", "such suits rarely succeed"),
        ("Ida Lunde", "settlements were common"),
    }


def test_accused_by_a_common_noun_links_the_accusation_to_that_actor() -> None:
    text = (
        "Norvale Pharma recalled the pills on Monday. Patient groups accused the company of sitting on "
        "the results for weeks."
    )
    x = run(text)
    norvale = next(a["id"] for a in x.actors if a["name"] == "Norvale Pharma")
    assert any(ln["type"] == "accuses" and ln["to"] == norvale for ln in x.links)


def test_an_organisation_and_a_capitalised_title_before_a_name_give_the_person() -> None:
    text = (
        "The blaze spread, according to the Forest Fire Service, known as Forest Fire. "
        "“It jumped the river,” said Forest Fire Division Chief Lena Markov."
    )
    assert ("Lena Markov", "quote", "It jumped the river") in said(run(text))


def test_a_dateline_with_a_state_abbreviation_is_not_reported_words() -> None:
    text = "PINE FALLS, Ore. (AP) — A storm cut power to 9,000 homes overnight, officials said Tuesday."
    assert spans(run(text), text) == {("officials", "A storm cut power to 9,000 homes overnight")}


def test_a_quotation_resumed_after_its_attribution_goes_to_the_same_speaker() -> None:
    text = "Dr Jane Ode led the study. “The results are clear,” she said, “and they worry us.”"
    assert said(run(text)) == [
        ("Jane Ode", "quote", "The results are clear"),
        ("Jane Ode", "quote", "and they worry us."),
    ]


def test_a_bare_name_that_said_it_would_is_an_organisation() -> None:
    text = "Torvik Haulage said it would appeal the fine. The company said the lorries were safe."
    x = run(text)
    assert kinds(text) == {"Torvik Haulage": "organisation"}
    assert [s for s, _, _ in said(x)] == ["Torvik Haulage", "Torvik Haulage"]


def test_things_and_places_named_like_actors_are_not_actors() -> None:
    text = (
        "Lisbon said the ferry broke the Vienna Convention. The Cedar Ridge Fire spread, and the "
        "container ship Nordic Tern ran aground near the Paracel Islands in the South China Sea before the "
        "Tour de France."
    )
    assert set(names(run(text)).values()) == {"Portugal"}


def test_the_south_names_south_korea_only_on_its_own() -> None:
    alone = "The North fired a missile and the South said it was a provocation."
    assert "South Korea" in names(run(alone)).values()
    places = "Prices rose in New South Wales, and a court in South Bend said the sea was calm."
    assert "South Korea" not in names(run(places)).values()


def test_a_state_that_is_also_a_given_name_before_a_surname_is_a_person() -> None:
    text = ("His lawyer, Ann Price, said Officers Travis Mulcahy and Jordan Reese pulled him out. "
            "Jordan said nothing.")
    got = {a["name"]: (a["kind"], a["role"]) for a in run(text).actors}
    assert got["Jordan Reese"][0] == "person"
    assert got["Travis Mulcahy"] == ("person", "Officer")
    assert got["Jordan"][0] == "state"


def test_an_age_between_a_name_and_its_relative_clause_is_skipped() -> None:
    text = "Gloria Haines, 64, who watched from her yard, said the driver had seemed calm."
    assert spans(run(text), text) == {("Gloria Haines", "the driver had seemed calm")}


def test_a_description_then_the_name_in_apposition_gives_the_named_actor() -> None:
    text = "The riders’ union, the Professional Cyclists’ Union, said it had instructed lawyers."
    assert set(names(run(text)).values()) == {"Professional Cyclists’ Union"}


def test_and_in_a_title_phrase_is_not_a_title_word() -> None:
    text = "“We spoke to people who knew Ms Vale, and their accounts agree,” the lawyer, Ana Ruiz, said."
    vale = next(a for a in run(text).actors if a["name"].endswith("Vale"))
    assert vale["role"] is None


def test_it_after_an_organisation_opening_a_sentence_with_a_time_phrase_is_that_organisation() -> None:
    text = (
        "Corvex Health said it welcomed scrutiny. Later on Tuesday the Department of Transport issued a "
        "statement. It said the contract had been approved."
    )
    x = run(text)
    assert ("Department of Transport", "the contract had been approved") in spans(x, text)


def test_the_regulator_is_a_body_whose_name_does_not_say_so_rather_than_the_company() -> None:
    text = "Ofwex said Marlow Water had failed to fix its pumps. The regulator also found the pumps were old."
    assert ("Ofwex", "the pumps were old") in spans(run(text), text)


def test_a_lower_case_ministry_opening_a_sentence_speaks_its_participle_clause() -> None:
    text = "Rights groups counted 12 dead. The interior ministry gave a lower toll, saying three had died."
    assert ("interior ministry", "three had died") in spans(run(text), text)


def test_a_two_word_name_whose_first_word_is_common_keeps_it() -> None:
    text = "Patients waited. Patients First, a charity, said the row must not distract from care."
    assert [s for s, _, _ in said(run(text))] == ["Patients First"]


def test_an_unnamed_spokesperson_speaks_for_the_organisation_named_by_its_short_name() -> None:
    """What an unnamed spokesperson says, the organisation says (REAL_COPY.md)."""
    text = (
        "Team Arvel suspended the rider. A spokesperson for Arvel said the rules were clear. "
        "A Arvel spokesperson later said the rider had been warned."
    )
    assert {s for s, _, _ in said(run(text))} == {"Team Arvel"}


def test_a_quote_before_a_lower_case_role_and_a_name_belongs_to_that_name() -> None:
    text = "Ana Lee spoke first. “We found out from a post,” union president Rita Moss said."
    assert ("Rita Moss", "quote", "We found out from a post") in said(run(text))


def test_a_bare_name_described_as_a_firm_doing_something_is_that_firm() -> None:
    text = (
        "Vale Labs, a security firm, found the leak. Harrow Dunne, a Dublin law firm representing 300 staff, "
        "sued. In the filing, the firm accused Corvel of storing data without encryption."
    )
    x = run(text)
    assert kinds(text)["Harrow Dunne"] == "organisation"
    assert [s for s, _, _ in said(x) if s != "Vale Labs"] == ["Harrow Dunne"]


def test_a_spokesperson_for_a_titled_person_speaks_not_the_person() -> None:
    text = "A spokesman for Mayor Carl Osten said the city does not comment on pending cases."
    x = run(text)
    speaker = {s for s, _, _ in said(x)}
    assert speaker == {"Carl Osten spokesman"}
    spokesman = next(a for a in x.actors if a["name"] == "Carl Osten spokesman")
    assert names(x)[spokesman["affiliation"]] == "Carl Osten"


def test_a_plural_title_before_for_is_not_a_title() -> None:
    text = "Lawyers for Ana Diaz said she would appeal."
    x = run(text)
    assert all(not a["name"].startswith("for ") for a in x.actors)
    assert ("Lawyers for Ana Diaz", "she would appeal") in spans(x, text)


def test_a_state_only_in_a_compound_like_swiss_registered_is_no_actor() -> None:
    text = "In a statement, the Swiss-registered team said the rider was suspended."
    assert "Switzerland" not in names(run(text)).values()


def test_office_titles_abbreviated_split_role_from_name_and_a_home_town_is_no_name() -> None:
    text = "Arizona Gov. Helen Marsh said she would veto it. Democratic Sen. Ana Ruiz of Tucson said no."
    got = {a["name"]: a["role"] for a in run(text).actors if a["kind"] == "person"}
    assert got == {"Helen Marsh": "Arizona Gov", "Ana Ruiz": "Democratic Sen"}


def test_a_place_after_the_site_of_is_no_actor_even_when_named_again() -> None:
    text = ("Photos were taken at the site of El Mirasol in 1987. Dr Ana Cuc, who surveyed El Mirasol, said "
            "they were genuine.")
    assert set(names(run(text)).values()) == {"Ana Cuc"}


def test_a_regulator_described_before_it_is_named_becomes_the_named_body() -> None:
    text = (
        "Pennine Rail cancelled one in eight trains, the industry regulator has found. "
        "A report by the Office of Rail Standards said the company had failed passengers."
    )
    x = run(text)
    assert {s for s, _, _ in said(x)} == {"Office of Rail Standards"}


def test_according_to_residents_reached_by_a_news_agency_gives_the_residents() -> None:
    text = "A truce appeared to be holding, according to residents reached by AFP by telephone."
    assert {s for s, _, _ in said(run(text))} == {"residents"}


def test_a_states_lower_case_body_opening_a_sentence_is_the_it_that_follows() -> None:
    text = (
        "Chile's environmental regulator, the SMA, opened a case against Altomar over what it called "
        "“discrepancies” in its reports."
    )
    assert said(run(text)) == [("Chilean environmental regulator", "paraphrase", None)]


def test_a_spokesperson_for_a_states_ministry_speaks_for_it_and_they_finds_a_cited_source() -> None:
    text = "A spokesperson for France's foreign ministry said the government was watching."
    assert {s for s, _, _ in said(run(text))} == {"French foreign ministry"}
    cited = (
        "Harlow may raise its offer, according to people familiar with the matter. "
        "No decision has been made, they said."
    )
    assert {s for s, _, _ in said(run(cited))} == {"people familiar with the matter"}


def test_folding_strips_accents_and_straightens_apostrophes_with_or_without_them() -> None:
    from claimnet.store.features.extract.textutil import fold

    assert fold("Andrés  Villamizar’s") == "andres villamizar's"
    assert fold("Plain  Name") == "plain name"


# -- regressions found by review (sentences written for these tests) ------------------


def test_a_thing_noun_ending_the_previous_sentence_does_not_hide_the_next_name() -> None:
    for text, who in [
        ("Crews fought the fire. Acme Energy said it had cut power.", "Acme Energy"),
        ("Fans packed the stadium. Maria Santos said the mood was electric.", "Maria Santos"),
        ("Epic Games said the update was late.", "Epic Games"),
    ]:
        assert {s for s, _, _ in said(run(text))} == {who}, text


def test_gazetteer_forms_written_with_the_still_head_a_longer_name() -> None:
    for text, state in [
        ("Kremlin Spokesman Dmitry Peskov said the talks failed.", "Russia"),
        ("Philippines President Ana Cruz said the boats would stay.", "Philippines"),
    ]:
        assert state in names(run(text)).values(), text


def test_a_person_who_has_spoken_is_not_turned_into_the_regulator_or_by_a_dummy_it() -> None:
    for text in [
        "Tarek Benali said it was unfair that workers were sacked.",
        "Tarek Benali said prices were too high. The regulator said rates would rise.",
    ]:
        assert kinds(text)["Tarek Benali"] == "person", text


def test_denying_words_need_a_verdict_and_bare_quotes_need_wrongdoing_to_accuse() -> None:
    """The rules' acts, read without the act model: a one-sentence story is where the model's cue for a lede
    ('pos0') and for 'knew' tie it with a claim, and which side of the tie it lands on moves with each
    retraining."""
    acts = {
        "Ana Lind said the government had spread false claims about the budget.": "claim",
        "“We broke the record today and we knew we could,” coach Ana Lind said.": "claim",
        "“These claims are false,” said Tom Reed.": "denial",
        "“They failed to warn anyone,” said Tom Reed.": "accusation",
    }
    with act_model.using({}):
        for text, act in acts.items():
            assert [s["act"] for s in run(text).statements] == [act], text


def test_an_institution_of_a_pronoun_or_verb_is_not_named_with_it() -> None:
    text = "The interior ministry of this country gave a toll, saying three had died."
    assert all(" of " not in a["name"] for a in run(text).actors)


def test_capitalised_runs_that_end_in_a_preposition_or_go_on_and_on_do_not_crash() -> None:
    odd = ["Read More From", "Chief Executive Of", "Maria Lopez From, Texas, said.", "The Of The " * 500]
    for text in odd:
        run(text)


def test_text_without_full_stops_is_cut_into_bounded_sentences_at_commas() -> None:
    from claimnet.store.features.extract.sentences import sentences

    text = ", ".join(["the minister said the plan would work"] * 400)
    got = sentences(text)
    assert max(e - s for s, e in got) <= 1500
    assert got[0][0] == 0 and got[-1][1] == len(text)
    assert all(text[s - 2 : s] == ", " for s, _ in got[1:])


def test_the_regulator_is_never_the_company_it_accuses() -> None:
    text = (
        "Torvik Haulage said on Monday it would appeal a fine of 2 million euros. "
        "The regulator said the company had ignored 14 warnings."
    )
    x = run(text)
    accuser = next(s for s in x.statements if "ignored" in s["text"])
    assert names(x)[accuser["speaker"]] != "Torvik Haulage"


def test_an_acronym_that_is_a_common_noun_is_no_actor() -> None:
    text = "GPS coordinates put the trucks inside the reserve, the ministry said. Its IT staff checked them."
    assert not {"GPS", "IT"} & set(names(run(text)).values())


def test_a_named_kind_of_administration_is_a_body_and_the_new_administration_the_government() -> None:
    body = ("A coach overturned in Bulgaria. The regional road administration said no maintenance work had "
            "been done on that stretch.")
    assert set(names(run(body)).values()) == {"regional road administration"}
    for which in ("new", "last", "country's"):
        government = f"Washington imposed tariffs. The {which} administration said the tariffs would stay."
        assert set(names(run(government)).values()) == {"United States"}, which
