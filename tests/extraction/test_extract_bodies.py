"""Bodies and their names: which description is which named body, what a role or a name word is, and what
an abbreviation stands for. Rules written in the eighth session from the design sets (sentences written for
these tests, not copied from any set)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, names, run, said, speakers


def test_a_council_described_before_a_named_authority_is_not_that_authority() -> None:
    text = (
        "The council denied that it had gambled with staff savings. "
        "The Occupational Pensions Authority (OPA) said it had opened an inquiry."
    )
    got = said(run(text))
    assert got[0][0] != "Occupational Pensions Authority"
    assert got[-1][0] == "Occupational Pensions Authority"


def test_a_verb_before_a_name_is_no_part_of_a_role() -> None:
    roles = {a["name"]: a["role"] for a in run("Cianova Energy sued rival Orrin Cells on Monday.").actors}
    assert roles.get("Orrin Cells") is None
    elected = run("Newly elected president Anna Berg said the vote was fair.")
    assert {a["name"]: a["role"] for a in elected.actors} == {"Anna Berg": "president"}


def test_a_collective_or_cooperative_is_an_organisation_and_the_collective_is_it() -> None:
    text = ("Mamadou Cissokho, who heads the Falémé Fishers' Collective, said the river was dead. The "
            "collective blames the mine for the spill.")
    assert {n for n, _mode, _quote in said(run(text))} == {"Mamadou Cissokho", "Falémé Fishers' Collective"}


def test_an_abbreviation_of_lower_case_words_is_a_thing_and_a_registry_a_body() -> None:
    text = ("The judge granted a temporary restraining order (TRO) on Monday. Orrin said it would fight the "
            "TRO. Land Registry records show the firm bought the site in 2020, the auditors said.")
    got = set(names(run(text)).values())
    assert "TRO" not in got
    assert not any(a["kind"] == "person" and a["name"] == "Land Registry" for a in run(text).actors)


def test_the_pronoun_i_after_a_day_is_no_part_of_a_name() -> None:
    text = ('Margaret Hollins said she was moved to two sessions. "By the Sunday I can barely walk to the '
            'door," she said.')
    assert set(names(run(text)).values()) == {"Margaret Hollins"}


def test_people_of_the_lede_are_the_body_said_to_be_made_of_them() -> None:
    made_of = (
        "Fishermen on the Lomba river accused a gold miner of poisoning the water. \"The river is dead,\" "
        "said Awa Sarr, who heads the Lomba Fishers' Collective, which groups some 600 fishermen in the "
        "region. The collective said it would sue."
    )
    apposed = (
        "Farmers in this hill village say a mine flooded their stream. The farmers' group, the Tarma "
        "Irrigators' Committee, says the operator never fixed the dam."
    )
    for text, body in ((made_of, "Lomba Fishers' Collective"), (apposed, "Tarma Irrigators' Committee")):
        kinds = {a["name"]: a["kind"] for a in run(text).actors}
        assert body in kinds
        assert not [n for n, k in kinds.items() if k == "group"], kinds


def test_people_are_never_folded_into_a_body_another_bodys_apposition_runs_into() -> None:
    text = ("Dairy farmers in Normandy on Monday accused a milk processor of agreeing prices with its "
            "rival.\n\nThe Normandy Milk Producers' Union (NMPU), which says it speaks for about 2,400 "
            "farmers in the region, said Laiterie du Vallon had paid its members the same price every month.")
    aliases = {a["name"]: a["aliases"] for a in run(text).actors}
    assert not [a for a in aliases.get("Laiterie du Vallon", []) if "farmers" in a], aliases


@pytest.mark.parametrize("apposition", [
    "which says it speaks for about two thousand households",
    "which says it represents some 900 farms downstream",
    "which has 1,400 members",
])
def test_the_people_of_the_lede_are_the_body_that_says_it_represents_so_many(apposition: str) -> None:
    text = ("LIMA, May 3 (Reuters) - Villagers living below a zinc smelter on Tuesday accused its owner, "
            f"Andesur Metals, of poisoning their wells.\n\nThe Rio Seco Water Committee, {apposition}, said "
            "tests showed lead in every sample.")
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert "Rio Seco Water Committee" in kinds and not [n for n, k in kinds.items() if k == "group"], kinds
    statements = said(run(text))
    assert {speaker for speaker, _, _ in statements} == {"Rio Seco Water Committee"}, statements


def test_anonymous_sources_in_the_lede_are_no_bodys_constituency() -> None:
    text = ("PHNOM PENH, June 4 (Reuters) - The ban was imposed days after a miller lobbied for it, people "
            "familiar with the matter said on Tuesday.\n\nThe Mekong Millers' Federation, which has 300 "
            "members, said it had asked for no ban.")
    assert any("familiar" in n for n in names(run(text)).values())


def test_a_trade_group_is_the_one_body_whose_document_of_that_trade_the_story_reads() -> None:
    found = ("A county pension fund lost millions after its manager hid debts, auditors have found.\n\n"
             "According to a 40-page audit by Brannock & Hale for the fund, the manager's reports left out "
             "its borrowing.")
    told = ("A shipping firm broke sanctions, independent monitors told the Security Council in a report "
            "seen by Reuters. The 90-page report by the Panel on Sanctions said two tankers met at sea.")
    by_them = ("Two trains were sent onto one track, according to a report by independent investigators. "
               "The Rail Safety Review Board said in the report that a signal had failed.")
    for text, body in ((found, "Brannock & Hale"), (told, "Panel on Sanctions"),
                       (by_them, "Rail Safety Review Board")):
        kinds = {a["name"]: a["kind"] for a in run(text).actors}
        assert body in kinds and not [n for n, k in kinds.items() if k == "group"], kinds


def test_critics_of_a_document_or_a_story_of_two_authors_keep_their_group() -> None:
    critics = ("The Halden Institute said in a report that the dam was safe. Independent engineers said the "
               "report by the Halden Institute had ignored the cracks.")
    two = ("A county pension fund lost millions, auditors have found. A 40-page audit by Brannock & Hale "
           "and a review by Marrow Partners both said the manager hid debts.")
    for text in (critics, two):
        kinds = {a["name"]: a["kind"] for a in run(text).actors}
        assert [n for n, k in kinds.items() if k == "group"], kinds


def test_the_auditors_told_after_the_audit_service_is_named_are_that_service() -> None:
    text = ("The meals firm billed the council for lunches never served, according to a report by the "
            "council's Internal Audit Service (IAS). The auditors put the cost at £112,000.")
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert not [n for n, k in kinds.items() if k == "group"], kinds


def test_a_body_that_only_represents_a_trade_or_a_workplace_is_not_the_people_who_spoke() -> None:
    trade = (
        "Coffee traders said stocks were lower than the official figures. The Highland Growers' "
        "Federation, which represents about 140 exporters, said the ministry had understated stocks."
    )
    workplace = (
        "Midwives at a maternity unit in Swansea said staffing was unsafe. The Midwives' Professional "
        "Association, which represents about 900 midwives in Wales, said the findings were no surprise."
    )
    for text in (trade, workplace):
        kinds = {a["name"]: a["kind"] for a in run(text).actors}
        assert [n for n, k in kinds.items() if k == "group"], kinds


def test_the_lede_describes_its_subject_and_the_next_paragraph_names_it_when_the_description_fits() -> None:
    party = ("LUSAKA, March 12 (Reuters) - Zambia's main opposition party on Wednesday accused the census "
             "office of undercounting the population of three northern provinces.\n\n"
             "The Forward Zambia Party (FZP) said in a 46-page submission to parliament that enumerators had "
             "skipped entire villages in the north.")
    ministry = ("LISBON, May 2 (Reuters) - Portugal's infrastructure ministry on Tuesday accused a "
                "signalling contractor of missing every deadline on the northern line upgrade.\n\n"
                "Opecon Rail Systems, which won the contract in 2021, said the ministry had changed the "
                "design three times.")  # the accused company opens the next paragraph: no ministry
    joined, apart = ({a["name"] for a in run(text).actors} for text in (party, ministry))
    assert "Forward Zambia Party" in joined and not [n for n in joined if "opposition" in n], joined
    assert "Opecon Rail Systems" in apart and any("ministry" in n for n in apart), apart


@pytest.mark.parametrize(("text", "body"), [
    # a report by a country's body is the body's, not the country's, and joins the body named next
    ("A river ferry that capsized last month was carrying twice the cargo it was licensed for, according to "
     "an interim report by Brazil's river safety board released Thursday. The 48-page report by the River "
     "Transport Safety Board (RTSB) said the ferry carried 61 tons of fuel drums.",
     "River Transport Safety Board"),
    # a regulator owned by a country whose name ends in s joins its name; a chemical's initials are a thing
    ("MANILA — The Philippines’ drug regulator said on Wednesday it had widened a recall of a blood pressure "
     "tablet to 14 batches.\n\nThe National Drug Safety Office (NDSO) said samples from all 14 batches "
     "contained N-nitrosodimethylamine (NDMA) above the permitted level.", "National Drug Safety Office"),
])
def test_a_body_described_after_its_country_is_one_actor_with_the_body_named_next(text: str,
                                                                                   body: str) -> None:
    x = run(text)
    assert [a["name"] for a in x.actors] == [body]
    assert {n for n, _mode, _quote in said(x)} == {body}


@pytest.mark.parametrize("explained", ["by its French initials", "its Portuguese acronym"])
def test_a_short_name_in_brackets_may_say_what_language_its_initials_are_in(explained: str) -> None:
    text = (f"In a letter to the fund seen by AFP, the Data Oversight Commission (COD, {explained}) said "
            "the fund had notified it of the breach five days late.")
    x = run(text)
    assert [n for n, _mode, _quote in said(x)] == ["Data Oversight Commission"]
    assert [(a["name"], a["aliases"]) for a in x.actors] == [("Data Oversight Commission", ["COD"])]


def test_a_bare_name_is_no_authority_and_a_directorate_is_the_authority_named_next() -> None:
    text = ("BOGOTA, Colombia — Colombian climber Julian Pardo has been provisionally suspended after a "
            "sample tested positive for a banned drug, the country's anti-doping authority said on "
            "Sunday.\n\nThe Anti-Doping Integrity Directorate (ADID) said the B sample had confirmed "
            "the result.")
    x = run(text)
    assert {n for n, _mode, _quote in said(x)} == {"Anti-Doping Integrity Directorate"}
    assert actors_by_name(x)["Julian Pardo"]["kind"] == "person"


def test_a_copper_miner_accused_in_the_lede_is_the_company_named_later() -> None:
    text = ("Farmers on Tuesday accused a copper miner of letting acid tailings run into the river for three "
            "days, a charge the company called false.\n\n"
            "Minera Altamira SA said in a statement that its pond never overflowed.")
    names_found = {a["name"] for a in run(text).actors}
    assert "Minera Altamira SA" in names_found and "copper miner" not in names_found


def test_a_union_accused_in_the_lede_is_the_federation_named_next() -> None:
    text = ("Suburban trains ground to a halt on Thursday as drivers walked off the job, and the operator, "
            "Corella Rail, accused their union of holding the city to ransom.\n\n"
            "The Train Crews Federation (TCF), which represents about 1,850 drivers, rejected the charge.")
    x = run(text)
    n = names(x)
    assert "union" not in n.values()
    assert [n[ln["to"]] for ln in x.links if ln["type"] == "accuses"] == ["Train Crews Federation"]


def test_a_product_noun_before_a_name_that_later_speaks_is_the_company_behind_it() -> None:
    text = ("BENGALURU: Grocery delivery app Kurjo cut the fee it pays riders for each order, a union "
            "said. Kurjo's chief operating officer, Nikhil Rao, denied that fees had been cut. Kurjo said "
            "riders who cancelled accepted orders would lose bonuses.")
    got = run(text)
    kinds = {a["name"]: a["kind"] for a in got.actors}
    assert kinds.get("Kurjo") == "organisation", kinds
    rao = actors_by_name(got)["Nikhil Rao"]
    assert names(got)[rao["affiliation"]] == "Kurjo"
    ship = ("The tanker Jade Orchid was seized at sea. The Jade Orchid carried 3,000 tonnes of fuel, "
            "officials said.")
    assert "Jade Orchid" not in set(names(run(ship)).values())


@pytest.mark.parametrize(("text", "body", "short"), [
    ("Residents accused the water utility of diverting supply. Aguas del Valle Sur, the state-owned utility "
     "known as AVS, denied it. AVS said its supervisors had followed the schedule.",
     "Aguas del Valle Sur", "AVS"),
    ("The Independent Pensioners' Front, known by its Spanish initials FBI, demanded an audit. The FBI said "
     "pensioners had lost their savings.", "Independent Pensioners' Front", "FBI"),
])
def test_a_short_name_the_text_says_a_body_is_known_by_is_that_body(text: str, body: str, short: str) -> None:
    got = run(text)
    assert {a["name"]: a["aliases"] for a in got.actors if a["kind"] != "group"} == {body: [short]}
    assert {speaker for speaker, _, _ in said(got)} - {"Residents"} == {body}


@pytest.mark.parametrize(("text", "company"), [
    ("Ronda Platense said its bonds were sold at market terms. Ronda Platense SA, which issued them, denied "
     "any wrongdoing.", "Ronda Platense SA"),
    ("The contract went to Lumera Tech Solutions Inc., the only bidder. Lumera Tech president Jerome Uy said "
     "the company had won fairly.", "Lumera Tech Solutions Inc"),
])
def test_a_company_named_with_and_without_its_legal_form_is_one_actor(text: str, company: str) -> None:
    got = run(text)
    assert [a["name"] for a in got.actors if a["name"] != "Jerome Uy"] == [company], got.actors


@pytest.mark.parametrize("text", [
    "A county pension fund lost millions, auditors have found. An audit commissioned last year by Marrow "
    "Partners had cleared the manager.",
    "A county pension fund lost millions, auditors have found. A review, rejected by Marrow Partners, had "
    "cleared the manager.",
    "A county pension fund lost millions, auditors have found, according to an audit seen by Reuters.",
])
def test_who_only_ordered_disputed_or_saw_a_paper_is_not_the_trades_author(text: str) -> None:
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert kinds.get("auditors") == "group", kinds


def test_a_verbs_object_known_by_a_short_name_is_not_its_subject() -> None:
    text = ("The Finance Ministry sued a company known as Vantor Holdings. Vantor Holdings denied "
            "wrongdoing, and the ministry said it would appeal.")
    assert {a["name"] for a in run(text).actors} == {"Finance Ministry", "Vantor Holdings"}


def test_the_trade_told_with_the_joins_only_a_body_its_name_says_it_is() -> None:
    text = "The Ministry of Science cut the grant in March. The scientists said the cut would end the trial."
    assert said(run(text))[-1][0] == "scientists"


@pytest.mark.parametrize(("text", "people"), [
    ("LIMA, May 3 (Reuters) - Tenants of a council estate on Tuesday accused their landlord of ignoring "
     "damp in their flats for years.\n\nThe Harbour Housing Association, which has 3,000 homes in the city, "
     "said it had fixed every leak.", "Tenants"),
    ("The mining ministry on Tuesday cut the grant it pays the district for clean water by a third.\n\n"
     "Villagers living below a zinc smelter said their wells were "
     "poisoned. The Rio Seco Water Committee, which says it speaks for about two thousand households, said "
     "tests showed lead.", "Villagers"),
])
def test_people_join_no_body_that_only_has_homes_nor_one_after_a_lede_about_others(text: str,
                                                                                    people: str) -> None:
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert any(n.startswith(people) and k == "group" for n, k in kinds.items()), kinds


def test_a_person_is_never_folded_into_a_company_of_the_same_name() -> None:
    text = "Tomas Varga said he had won fairly. The contract had gone to Tomas Varga Ltd, the only bidder."
    assert any(a["name"] == "Tomas Varga" and a["kind"] == "person" for a in run(text).actors)


@pytest.mark.parametrize("text", [
    "BENGALURU: Grocery delivery app Kurjo cut the fee it pays riders, a union said. Kurjo said the fee "
    "was unchanged.",
    "BENGALURU: Grocery delivery app Kurjo cut the fee it pays riders, a union said. Kurjo's spokesman "
    "said the fee was unchanged.",
])
def test_a_product_that_speaks_or_has_a_spokesman_is_the_company(text: str) -> None:
    assert {a["name"]: a["kind"] for a in run(text).actors}.get("Kurjo") == "organisation"


def test_a_film_or_a_ship_with_a_director_or_captain_is_still_no_actor() -> None:
    for text, thing in (("The film Parasite won the prize. Parasite's director, Bong Joon-ho, said he was "
                         "stunned.", "Parasite"),
                        ("The tanker Jade Orchid was seized. The Jade Orchid's captain, Ivan Petrov, told "
                         "reporters it carried fuel.", "Jade Orchid")):
        assert thing not in {a["name"] for a in run(text).actors}


def test_people_who_accused_before_they_were_named_are_the_body_the_accusation_came_from() -> None:
    text = ("MONTERREY, Mexico (AP) — The utility denied on Thursday that it had diverted water to "
            "factories, a day after residents accused it of keeping an industrial corridor supplied.\n\n"
            "The accusation came from the Monterrey Water Defense Front, a coalition of neighborhood "
            "committees, which demanded an audit of the utility.")
    kinds = {a["name"]: a["kind"] for a in run(text).actors}
    assert "Monterrey Water Defense Front" in kinds and "residents" not in kinds, kinds


@pytest.mark.parametrize(("text", "speaker"), [
    ("The health department said it had not received any notice of the increase.\n", "health department"),
    ("South Africa's health department said it had not received any notice.\n",
     "South African health department"),
    ("A court in Manila heard the case. The court said the contract was void.\n", "court"),
    ("The fire service said the blaze was under control.\n", "fire service"),
    ("The statistics bureau said prices rose.\n", "statistics bureau"),
    ("The municipality said the water was safe.\n", "municipality"),
])
def test_a_department_court_service_or_bureau_named_in_lower_case_is_a_body_that_speaks(
        text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "The country's drug regulator said the pills were unsafe. The National Drug Safety Office (NDSO) said it "
    "had tested 40 batches.\n",
    "A Porto hospital reported the outbreak late, the regional health inspectorate said. The Northern "
    "Regional Health Inspectorate (IRSN) said its report found 11 babies infected.\n",
])
def test_a_body_described_before_its_name_is_the_body_named_later(text: str) -> None:
    heard = set(speakers(text))
    assert heard & {"National Drug Safety Office", "Northern Regional Health Inspectorate"}
    assert not heard & {"drug regulator", "regional health inspectorate"}
