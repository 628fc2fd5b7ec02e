"""Acts and links: who is accused, how the accused side answers, and what each answer is linked to.
Sentences are written for these tests (invented names), not copied from any test set."""

from __future__ import annotations

from typing import Any

import pytest

from claimnet.store.features.extract.acts import accused_actors, answers_of_the_accused
from claimnet.store.features.extract.link_terms import side_of
from claimnet.store.features.extract.wordlists import act_words
from tests.extraction.extract_helpers import names, run, spans


def _acts(x: Any) -> dict[str, str]:
    return {s["text"][:20]: s["act"] for s in x.statements}


def _links(x: Any) -> set[tuple[str, str, str]]:
    return {(ln["from"], ln["to"], ln["type"]) for ln in x.links}


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("the board falsified its safety records", "wrongdoing"),
        ("the firm kept its own tenants in the dark", "wrongdoing"),
        ("the contract was signed without the approval of the council", "wrongdoing"),
        ("the depot was struck by a rocket", "harm"),
        ("the mill dumped waste in the river", "harm"),
        ("the audit was misleading", "denying"),
        ("the company rejected the allegations", "denying"),
        ("the drones were used only for mapping", "limiting"),
        ("the sales were entirely lawful", "limiting"),
        ("the club would appeal the ruling", "answering"),
        ("the insurer stands by its assessment", "answering"),
    ],
)
def test_the_act_cue_lists_are_data_and_each_catches_its_kind(words: str, kind: str) -> None:
    assert act_words()[kind].search(words)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("the shortfall was caused by a strike at the port", "harm"),
        ("the minister struck a deal with the unions", "harm"),
        ("drivers waited longer than the legal limit", "limiting"),
        ("the union had rejected a proposal to end the strike", "denying"),
        ("this case is about lies told to customers", "denying"),
    ],
)
def test_ordinary_words_near_a_cue_are_no_act(words: str, kind: str) -> None:
    assert not act_words()[kind].search(words)


def test_an_accused_sides_narrowing_denies_and_its_step_in_reply_responds() -> None:
    text = (
        "The monitoring group Clearwatch accused Ostrava Mining of dumping slurry into the Lena creek. "
        "Ostrava Mining said its trucks were used only for moving topsoil. "
        "The company said it would appeal any fine and stands by its permits."
    )
    x = run(text)
    acts = _acts(x)
    assert acts["Its trucks were used"] == "denial"
    assert "response" in acts.values()
    accusation = next(s for s in x.statements if s["act"] == "accusation")
    denial = next(s for s in x.statements if s["act"] == "denial")
    response = next(s for s in x.statements if s["act"] == "response")
    links = _links(x)
    assert (denial["id"], accusation["id"], "denies") in links
    assert (response["id"], accusation["id"], "responds_to") in links


def test_a_response_answers_the_first_accusation_against_its_side() -> None:
    text = (
        "The monitoring group Clearwatch accused Ostrava Mining of dumping slurry into the Lena creek. "
        "Clearwatch said the company had ignored three warnings. "
        "Farmers downstream accused Ostrava Mining of poisoning their wells. "
        "The company said it would appeal any fine and stands by its permits."
    )
    x = run(text)
    first = next(s for s in x.statements if s["act"] == "accusation")
    response = next(s for s in x.statements if s["act"] == "response")
    answered = [to for frm, to, kind in _links(x) if frm == response["id"] and kind == "responds_to"]
    assert answered == [first["id"]]


def test_a_response_with_no_accusation_before_it_answers_the_latest_statement_of_another_side() -> None:
    from claimnet.store.features.extract.links import propose_links

    statements = [
        {"id": "s1", "speaker": "a", "act": "claim", "text": "Fares will rise in May", "span": [0, 10]},
        {"id": "s2", "speaker": "b", "act": "claim", "text": "Ridership fell", "span": [11, 20]},
        {"id": "s3", "speaker": "c", "act": "response", "text": "We will review fares", "span": [21, 30]},
    ]
    links = propose_links(statements, [], {"a": None, "b": None, "c": None}, {}, {}, {})
    assert [(p.src, p.dst, p.type) for p in links if p.type == "responds_to"] == [("s3", "s2", "responds_to")]


def test_a_denial_reported_before_the_accusation_still_answers_it() -> None:
    text = (
        "Harbin Freight said its ships had never entered the closed zone. "
        "On Tuesday the Maritime Safety Agency accused Harbin Freight of breaching the fishing ban."
    )
    x = run(text)
    denial = next(s for s in x.statements if s["speaker"] and s["act"] == "denial")
    accusation = next(s for s in x.statements if s["act"] == "accusation")
    assert (denial["id"], accusation["id"], "denies") in _links(x)


def test_a_neutral_claim_by_a_side_nobody_accused_stays_a_claim() -> None:
    text = (
        "The weather office said rainfall in March was twice the average. "
        "Farmers said the harvest would start two weeks late."
    )
    assert set(_acts(run(text)).values()) <= {"claim", "prediction"}


def test_when_both_sides_accuse_only_an_answer_in_the_accusations_words_is_a_denial() -> None:
    statements: list[dict[str, Any]] = [
        {"id": "a", "speaker": "north", "act": "accusation",
         "text": "South patrols crossed the river border twice", "about": ("south",)},
        {"id": "b", "speaker": "south", "act": "accusation",
         "text": "North is hiding troops along the ridge", "about": ("north",)},
        {"id": "c", "speaker": "north", "act": "claim", "text": "The harvest festival is not cancelled",
         "about": ()},
        {"id": "d", "speaker": "south", "act": "claim", "text": "Our patrols never crossed the river border",
         "about": ()},
    ]
    side = side_of({})
    targets: dict[str, list[str]] = {}
    assert accused_actors(statements, side, targets) == {"north", "south"}
    answers_of_the_accused(statements, side, targets)
    assert [s["act"] for s in statements] == ["accusation", "accusation", "claim", "denial"]


def test_every_proposed_link_says_why_and_the_words_it_rests_on() -> None:
    text = (
        "Clearwatch accused Ostrava Mining of dumping slurry into the Lena creek. "
        "Ostrava Mining denied dumping any slurry."
    )
    x = run(text)
    assert x.links
    for ln in x.links:
        assert 0 < ln["confidence"] <= 1
        assert "“" in ln["note"] and ":" in ln["note"]


def test_vessels_named_after_their_noun_with_an_article_are_no_actors() -> None:
    text = (
        "Inspectors boarded two freighters, the Silver Heron and the Coral Finch, off the coast. "
        "The Coastguard Service said Silver Heron had switched off its transponder for 40 hours."
    )
    names = {a["name"] for a in run(text).actors}
    assert "Coastguard Service" in names
    assert not names & {"Silver Heron", "Coral Finch"}


def test_they_did_nothing_in_a_quotation_accuses_but_did_nothing_wrong_denies() -> None:
    text = ('"They knew the filters had failed and they did nothing," Tidewatch director Elin Sauer said. '
            '"We did nothing wrong," said Morrow Aquafarms.')
    assert [s["act"] for s in run(text).statements] == ["accusation", "denial"]


def test_who_told_takes_the_words_after_it_never_the_sentence_before() -> None:
    text = ("The inquiry followed a complaint from Mark Dane, a former technician at the depot, who told "
            "the Courier he had been ordered to sign blank inspection sheets.")
    x = run(text)
    who = names(x)
    assert [(who[s["speaker"]], s["text"]) for s in x.statements] == [
        ("Mark Dane", "He had been ordered to sign blank inspection sheets")
    ]


def test_denial_links_to_the_accusation_about_the_denier_not_the_nearest_one() -> None:
    text = (
        "Poland said Russian agents had funded the protests. Poland also accused Germany of lecturing it on "
        "human rights. Russia rejected the allegations."
    )
    x = run(text)
    about_russia, against_germany, denial = x.statements
    links = {(ln["from"], ln["to"], ln["type"]) for ln in x.links}
    assert (denial["id"], about_russia["id"], "denies") in links
    assert (denial["id"], against_germany["id"], "denies") not in links


def test_naming_a_claim_a_fabrication_is_a_denial_and_trailing_narrative_is_cut() -> None:
    text = "Senator Joan Hill called the report “a fabrication from the first page”."
    assert run(text).statements[0]["act"] == "denial"
    text = "Mayor Ian Cole accused the council of wasting money, and he did not respond to questions."
    assert spans(run(text), text) == {("Ian Cole", "the council of wasting money")}


def test_a_negated_claim_answering_another_sides_claim_is_a_denial_of_it() -> None:
    text = ("The panel said two tankers operated by Halvorsen Marine Trading met North Korean ships at sea. "
            'Halvorsen Marine Trading said: "Our vessels have never met a North Korean ship."')
    x = run(text)
    acts = {s["text"][:12]: s["act"] for s in x.statements}
    assert acts["Our vessels "] == "denial"
    denial = next(s for s in x.statements if s["act"] == "denial")
    assert any(ln["from"] == denial["id"] and ln["type"] == "denies" for ln in x.links)


def test_there_has_been_no_cover_up_is_a_denial() -> None:
    text = "Council leader Graham Tully said there had been no cover-up and that he did nothing wrong."
    assert {s["act"] for s in run(text).statements} == {"denial"}


def test_how_a_denial_was_made_is_not_part_of_what_it_denies() -> None:
    text = ("The Rovuma Liberation Movement denied any role in a voice message sent to journalists on "
            "Thursday.")
    got = spans(run(text), text)
    assert got == {("Rovuma Liberation Movement", "denied any role")}


def test_a_company_spokeswoman_speaks_for_the_company_just_named() -> None:
    text = ("The campaign group Tidewatch accused salmon farmer Morrow Seafoods Ltd of dumping fish waste "
            'into the bay. "These claims are baseless," a company spokeswoman said.')
    x = run(text)
    who = names(x)
    denial = next(s for s in x.statements if s["act"] == "denial")
    assert who[denial["speaker"]] == "Morrow Seafoods Ltd"
    assert "company spokeswoman" not in who.values()


def test_a_claim_another_side_denies_in_its_own_words_is_an_accusation_against_it() -> None:
    text = ("The Lowfield Residents Association said untreated water from the Kessel tannery reached the "
            "Ambry river in March.\n\n"
            "The tannery's owner, Voss Leather, said no untreated water from its tannery had ever "
            "reached the river.")
    x = run(text)
    who = names(x)
    claim, denial = x.statements
    assert (claim["act"], denial["act"]) == ("accusation", "denial")
    links = _links(x)
    assert (denial["id"], claim["id"], "denies") in links
    assert {who[t] for f, t, kind in links if f == claim["id"] and kind == "accuses"} == {"Voss Leather"}


def test_an_accusation_accuses_every_other_actor_its_words_name() -> None:
    text = ("The Harbourside Tenants Union said the landlord, Crestline Homes, and its agent, Parkway "
            "Lettings, had overcharged tenants for repairs.")
    x = run(text)
    who = names(x)
    accused = {who[t] for _, t, kind in _links(x) if kind == "accuses"}
    assert accused == {"Crestline Homes", "Parkway Lettings"}


def test_an_accusation_that_names_nobody_accuses_the_side_the_article_accuses() -> None:
    text = ("The Lowfield Anglers Club accused Brenmoor Chemicals of dumping solvent in the River Lode.\n\n"
            "Brenmoor Chemicals denied dumping anything in the river.\n\n"
            "\"They knew about the leak in October and said nothing,\" said Ruth Hale, the club's secretary.")
    x = run(text)
    who = names(x)
    knew = next(s for s in x.statements if s["text"].startswith("They knew"))
    assert knew["act"] == "accusation"
    accused = {(who[t], ln["confidence"]) for ln in x.links for t in [ln["to"]]
               if ln["from"] == knew["id"] and ln["type"] == "accuses"}
    assert accused == {("Brenmoor Chemicals", 0.35)}


def test_a_described_institution_in_a_claim_is_what_the_claim_is_about() -> None:
    text = ("Marlow General Hospital opened a new ward in May. Nurses told the Courier that the hospital "
            "had cut night staff without warning.")
    x = run(text)
    who = names(x)
    assert "Courier that the hospital" not in who.values()
    (claim,) = [s for s in x.statements if "night staff" in s["text"]]
    assert [who.get(a) for a in claim["about"]] == ["Marlow General Hospital"]


@pytest.mark.parametrize(
    ("text", "accused", "denier", "denial_words"),
    [
        ("The union accused Valmont Industries of cutting wages at its Lyon plant, an allegation the company "
         "denies.", "Valmont Industries of cutting wages at its Lyon plant", "Valmont Industries",
         "an allegation the company denies"),
        ("Britain accused Russia on Monday of running a hacking campaign against its banks, which Moscow "
         "denied.", "Russia on Monday of running a hacking campaign against its banks", "Russia",
         "which Moscow denied"),
        ('Residents accused Harbourton Port Authority of dumping dredging spoil near a school, a charge '
         'the authority rejected as "pure invention".',
         "Harbourton Port Authority of dumping dredging spoil near a school", "Harbourton Port Authority",
         'a charge the authority rejected as "pure invention"'),
        ("Ventaris said the farm was safe. A bird protection group accused Ventaris of hiding dead kites, a "
         "charge the company called « pure defamation ».", "Ventaris of hiding dead kites", "Ventaris",
         "a charge the company called « pure defamation »"),
        ("A bird protection group accused Ventaris Energie of hiding dead kites, a charge the operator "
         "dismissed as “pure defamation”.", "Ventaris Energie of hiding dead kites", "Ventaris Energie",
         "a charge the operator dismissed as “pure defamation”"),  # the accused answers
    ],
)
def test_a_denial_tacked_onto_an_accusation_is_a_denial_of_its_own(
    text: str, accused: str, denier: str, denial_words: str
) -> None:
    x = run(text)
    who = names(x)
    by_words = {text[s["span"][0] : s["span"][1]]: s for s in x.statements}
    assert by_words[accused]["act"] == "accusation"  # the trailing clause cut from the accusation
    denial = by_words[denial_words]
    assert (denial["act"], who[denial["speaker"]]) == ("denial", denier)
    assert (denial["id"], by_words[accused]["id"], "denies") in _links(x)


def test_a_trailing_denial_does_not_take_the_lede_as_its_words() -> None:
    # The accuser is described, never named: it accuses; the denier must not be given the accusation's words.
    text = ("A residents' group accused the Harbourton Port Authority on Tuesday of hiding dredging spoil in "
            "a landfill, a charge the authority rejected.")
    x = run(text)
    assert [(names(x)[s["speaker"]], s["act"], s["text"]) for s in x.statements] == [
        ("residents' group", "accusation",
         "The Harbourton Port Authority on Tuesday of hiding dredging spoil in a landfill"),
        ("Harbourton Port Authority", "denial", "A charge the authority rejected")]


def test_a_denial_answers_the_accusation_its_side_faces_though_no_word_is_shared() -> None:
    """The hand rules left this denial unlinked (no shared word, its side not named); the learned denial
    model links it to the one accusation before it, which the article's answers show is aimed at Brenmoor,
    as a reader would."""
    text = ("Workers at the Tarn plant staged a walkout on Monday.\n\n"
            "\"They cut corners on every inspection and lied to us about it,\" said Ann Cole, a union "
            "organiser.\n\nBrenmoor Chemicals, which owns the plant, denied any wrongdoing.")
    x = run(text)
    accusation, denial = x.statements
    assert [(ln["from"], ln["to"]) for ln in x.links if ln["type"] == "denies"] == [
        (denial["id"], accusation["id"])]


def test_a_denial_answers_weakly_a_statement_nearby_that_names_its_side() -> None:
    text = ("Brenmoor Chemicals runs the Tarn plant. Union organiser Ann Cole said Brenmoor Chemicals "
            "had skipped three safety inspections this year.\n\nWorkers staged a walkout on Monday, and "
            "the county said it would send its own inspectors.\n\nBrenmoor Chemicals denied any wrongdoing.")
    x = run(text)
    label = {s["id"]: s["text"] for s in x.statements}
    denies = [(label[ln["from"]], label[ln["to"]]) for ln in x.links if ln["type"] == "denies"]
    assert denies and denies[0][1].startswith("Brenmoor Chemicals had skipped")


@pytest.mark.parametrize(("sentence", "act"), [
    ("Berg threatened to sue the agency.", "threat"),
    ("Berg vowed to appeal the fine.", "threat"),
    ("Berg said the company \"categorically rejects\" the agency's findings.", "denial"),
])
def test_threats_by_infinitive_and_denials_in_the_words(sentence: str, act: str) -> None:
    x = run("Kelso Mining chief executive Anna Berg met regulators on Monday.\n\n" + sentence)
    assert [s["act"] for s in x.statements] == [act]


@pytest.mark.parametrize("answer", [
    "Kelso Mining said it was not responsible for the spill.",
    "Kelso Mining said it strongly disputes the figures.",
])
def test_the_accused_sides_narrowing_answer_is_a_denial(answer: str) -> None:
    x = run("Regulators accused Kelso Mining of polluting the river. " + answer)
    assert [s["act"] for s in x.statements] == ["accusation", "denial"]


@pytest.mark.parametrize("sentence", [
    "Investigators said the pilot was not responsible for the crash.",
    "Analysts said the two countries strongly dispute ownership of the islands.",
])
def test_a_third_party_clearing_someone_is_no_denial(sentence: str) -> None:
    assert [s["act"] for s in run(sentence).statements] == ["claim"]


def test_asked_to_remain_anonymous_is_no_demand() -> None:
    x = run("A worker at the plant described the leak. He asked to remain anonymous.")
    assert all(s["act"] != "demand" for s in x.statements)


def test_a_denial_never_answers_its_own_sides_words() -> None:
    x = run("Kelso Mining on Tuesday denied polluting the River Tay.\n\n"
            "The company's chief executive, Anna Berg, said Kelso had not polluted the river.")
    assert [ln for ln in x.links if ln["type"] == "denies"] == []


def test_a_threat_by_the_accused_answers_the_accusation_against_it_and_a_regulators_answers_none() -> None:
    x = run("The union accused Bessin Dairy of fixing milk prices with its rival for two years. Bessin "
            "Dairy said it would sue the union for defamation unless it withdrew its claims. The "
            "competition council said it could fine both dairies up to 10% of their turnover.")
    acts = [s["act"] for s in x.statements]
    assert acts == ["accusation", "threat", "threat"]
    accusation, sue, fine = (s["id"] for s in x.statements)
    answers = [(ln["from"], ln["to"]) for ln in x.links if ln["type"] == "responds_to"]
    assert answers == [(sue, accusation)]


def test_a_threat_answers_an_accusation_aimed_at_its_side_by_a_description_named_later() -> None:
    x = run("Dairy farmers on Monday accused a milk processor of agreeing prices with its main rival.\n\n"
            "Laiterie du Vallon denied the accusation. Vallon said it would sue the union for defamation.")
    accusation = next(s["id"] for s in x.statements if s["act"] == "accusation")
    threat = next(s["id"] for s in x.statements if s["act"] == "threat")
    assert (threat, accusation) in {(ln["from"], ln["to"]) for ln in x.links if ln["type"] == "responds_to"}


def test_a_claim_by_the_side_a_demand_names_answers_the_demand() -> None:
    text = ("Reporting.\n\nThe workers' committee demanded that Qurum Contracting pay wages directly into "
            "the workers' accounts. Qurum Contracting said it was ready to pay wages directly if the "
            "ministry approved.")
    x = run(text)
    demand = next(s for s in x.statements if s["act"] == "demand")
    answer = next(s for s in x.statements if s["id"] != demand["id"])
    links = {(ln["from"], ln["to"], ln["type"]) for ln in x.links}
    assert (answer["id"], demand["id"], "responds_to") in links
