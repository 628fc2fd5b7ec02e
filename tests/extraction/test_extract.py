"""The extraction core: quotes, attribution, coreference, metonyms, quantities, shape, corpus floors."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from store.extract import Extraction, extract, load_wordlist
from store.extract.quotes import find_quotes
from store.extract.sentences import sentences
from store.model import Actor, Evidence, Link, Statement, defaults
from tests.extraction import score as sc


def run(text: str, **kw: Any) -> Extraction:
    return extract(text, source_id="src-test", **kw)


def names(x: Extraction) -> dict[str, str]:
    return {a["id"]: a["name"] for a in x.actors}


def said(x: Extraction, known: dict[str, str] | None = None) -> list[tuple[str, str, str | None]]:
    """(speaker name, mode, quote) of every statement."""
    n = names(x) | (known or {})
    return [(n.get(s["speaker"], s["speaker"]), s["mode"], s["quote"]) for s in x.statements]


# -- quotations ------------------------------------------------------------------------


def test_curly_and_straight_quotes_give_exact_inner_words_without_trailing_comma() -> None:
    text = '“We are ready,” she said. He said: "It is over." '
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["We are ready", "It is over."]


def test_a_quote_spanning_sentences_is_one_quote_and_one_sentence() -> None:
    text = "“These are not accidents. They are provocations,” Mr Ross told reporters. Then he left."
    qs = find_quotes(text)
    assert len(qs) == 1 and text[qs[0].start : qs[0].end] == "These are not accidents. They are provocations"
    sents = sentences(text, [(q.outer_start, q.outer_end) for q in qs])
    assert len(sents) == 2


def test_apostrophes_are_not_single_quotes_but_curly_single_quotes_are() -> None:
    assert find_quotes("The country’s leader and Korea’s army.") == []
    text = "She called it ‘a disgrace’ on Monday."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["a disgrace"]


def test_quote_before_attribution_with_pronoun_and_after_with_colon() -> None:
    text = (
        "Defence minister Anna Berg said on Monday the border was calm.\n"
        "“We are watching closely,” she said.\n"
        "Ms Berg added: “Nobody should test us.”"
    )
    x = run(text)
    got = said(x)
    assert ("Anna Berg", "quote", "We are watching closely") in got
    assert ("Anna Berg", "quote", "Nobody should test us.") in got
    for s in x.statements:
        if s["mode"] == "quote":
            assert text[s["span"][0] : s["span"][1]] == s["quote"]


def test_inverted_attribution_with_appositive_gives_role_and_affiliation() -> None:
    text = "“The claims have no basis,” said Selin Aydin, the Turkish foreign ministry’s spokesperson."
    x = run(text)
    assert ("Selin Aydin", "quote", "The claims have no basis") in said(x)
    person = next(a for a in x.actors if a["name"] == "Selin Aydin")
    assert person["kind"] == "person" and "spokesperson" in (person["role"] or "")


def test_partial_quote_inside_reported_speech_is_a_quote_statement_of_the_same_speaker() -> None:
    text = (
        "Kim Yo Jong denied that her country had exported weapons, labelling the speculation as "
        "“the most absurd paradox”."
    )
    x = run(text)
    got = said(x)
    assert ("Kim Yo Jong", "paraphrase", None) in got
    assert ("Kim Yo Jong", "quote", "the most absurd paradox") in got
    denial = next(s for s in x.statements if s["mode"] == "paraphrase")
    assert denial["act"] == "denial"
    assert text[denial["span"][0] : denial["span"][1]] == "her country had exported weapons"


def test_naming_verb_with_quote_and_scare_quote_in_a_clause() -> None:
    text = (
        "The ministry of Ruritania called the report “baseless”. "
        "Deputy spokesperson Lena Ost said “illegal” sales must stop."
    )
    got = said(run(text))
    assert any(q == "baseless" for _, _, q in got)
    assert ("Lena Ost", "quote", "illegal") in got


# -- reported speech -------------------------------------------------------------------


def test_reported_speech_forms() -> None:
    text = (
        "Interior minister Paul Grant told reporters that the fire had been contained.\n"
        "According to the regional governor, Mark Hale, 300 homes were destroyed.\n"
        "Thousands of people were evacuated overnight, Mr Grant said.\n"
        "In return, Mr Hale said, the army would rebuild the bridge."
    )
    x = run(text)
    spans = {(names(x)[s["speaker"]], text[s["span"][0] : s["span"][1]]) for s in x.statements}
    assert ("Paul Grant", "the fire had been contained") in spans
    assert ("Mark Hale", "300 homes were destroyed") in spans
    assert ("Paul Grant", "Thousands of people were evacuated overnight") in spans
    assert ("Mark Hale", "the army would rebuild the bridge") in spans


def test_accusation_links_to_the_accused_and_denial_links_to_the_accusation() -> None:
    text = (
        "Greece has accused Turkey of sending jets into its airspace dozens of times.\n"
        "Ankara rejected the accusation within hours."
    )
    x = run(text)
    n = names(x)
    acc = next(s for s in x.statements if s["act"] == "accusation")
    den = next(s for s in x.statements if s["act"] == "denial")
    assert n[acc["speaker"]] == "Greece" and n[den["speaker"]] == "Turkey"
    links = {(ln["from"], ln["to"], ln["type"]) for ln in x.links}
    turkey = next(a["id"] for a in x.actors if a["name"] == "Turkey")
    assert (acc["id"], turkey, "accuses") in links
    assert (den["id"], acc["id"], "denies") in links
    assert all(0 <= x.link_confidence[ln["id"]] <= 1 for ln in x.links)


def test_coordinated_speakers_each_get_the_statement() -> None:
    text = "The US, South Korea and others have accused North Korea of supplying shells to Russia."
    x = run(text)
    assert sorted(n for n, _, _ in said(x)) == ["South Korea", "United States"]


def test_unnamed_sources_become_group_or_person_actors() -> None:
    text = (
        "Foreign experts believe the tests were meant to advertise the weapons.\n"
        "A senior Western official, who asked not to be named, said talks had stalled.\n"
        "Two diplomats familiar with the negotiations said a deal was close."
    )
    x = run(text)
    speakers = {n for n, _, _ in said(x)}
    assert {"Foreign experts", "senior Western official", "diplomats"} <= speakers
    kinds = {a["name"]: a["kind"] for a in x.actors}
    assert kinds["Foreign experts"] == "group" and kinds["senior Western official"] == "person"


# -- coreference and metonyms ----------------------------------------------------------


def test_mr_and_ms_and_pronouns_and_the_minister_resolve_to_the_named_person() -> None:
    text = (
        "South Korean defence minister Shin Wonsik said the North had shipped shells.\n"
        "Kim Yo Jong, the sister of the leader, rejected the claim.\n"
        "“We export nothing,” Ms Kim said.\n"
        "In return, Mr Shin said, aid had flowed north.\n"
        "The minister insisted the figures were accurate. He said more details would follow."
    )
    x = run(text)
    got = said(x)
    assert got.count(("Shin Wonsik", "paraphrase", None)) == 4
    assert ("Kim Yo Jong", "quote", "We export nothing") in got
    shin = next(a for a in x.actors if a["name"] == "Shin Wonsik")
    assert "Mr Shin" in shin["aliases"]
    assert shin["role"] == "defence minister"
    south = next(a for a in x.actors if a["name"] == "South Korea")
    assert shin["affiliation"] == south["id"]
    assert len(x.actor_spans[shin["id"]]) >= 3


def test_capitals_and_metonyms_resolve_to_states_but_not_as_places() -> None:
    text = (
        "Seoul said the launch was a provocation. The Kremlin dismissed the report.\n"
        "Officials met in Brussels and the London-based group published data."
    )
    x = run(text)
    by_name = {a["name"]: a for a in x.actors}
    assert "South Korea" in by_name and "Russia" in by_name
    assert "European Union" not in by_name and "United Kingdom" not in by_name
    assert {n for n, _, _ in said(x)} >= {"South Korea", "Russia"}


def test_known_actors_are_matched_case_and_accent_insensitively_and_not_proposed_again() -> None:
    known = [
        {"id": "act-nk0000001", "name": "North Korea", "kind": "state", "aliases": ["Pyongyang", "DPRK"]},
        {"id": "act-zoe000001", "name": "Zoë Martín", "kind": "person", "aliases": ["Ms Martín"]},
    ]
    text = "Pyongyang denied the report. Zoe Martin said the evidence was clear."
    x = run(text, known_actors=known)
    speakers = {s["speaker"] for s in x.statements}
    assert speakers == {"act-nk0000001", "act-zoe000001"}
    assert not any(a["name"] in ("North Korea", "Zoë Martín", "Zoe Martin") for a in x.actors)
    assert x.actor_spans["act-nk0000001"]


# -- blind-set failure classes (sentences written for these tests) -----------------------


def spans(x: Extraction, text: str) -> set[tuple[str, str]]:
    """(speaker name, attributed words) of every statement."""
    n = names(x)
    return {(n.get(s["speaker"], s["speaker"]), text[s["span"][0] : s["span"][1]]) for s in x.statements}


def test_person_of_an_organisation_speaks_and_circumstances_after_said_are_not_words() -> None:
    text = "“We were never consulted,” Chief Ana Roth of the Silver Lake Band said in a telephone interview."
    x = run(text)
    assert said(x) == [("Ana Roth", "quote", "We were never consulted")]
    roth = next(a for a in x.actors if a["name"] == "Ana Roth")
    band = next(a for a in x.actors if a["name"] == "Silver Lake Band")
    assert roth["affiliation"] == band["id"]


def test_head_noun_not_the_place_in_its_prepositional_phrase_speaks() -> None:
    text = "A farmers' coalition in southern Chad vowed on Monday to block the canal, saying it would harm."
    got = spans(run(text), text)
    assert all(name != "Chad" for name, _ in got)
    assert any(words == "to block the canal" for _, words in got)
    assert any(words == "it would harm" for _, words in got)


def test_relative_clause_after_inverted_attribution_is_no_speech_and_its_place_no_actor() -> None:
    text = "“The budget is balanced,” said Ortega, who unveiled the plan at a rally in Puerto Lindo."
    x = run(text)
    assert said(x) == [("Ortega", "quote", "The budget is balanced")]
    assert {a["name"] for a in x.actors} == {"Ortega"}
    kept = "“It is gone,” said Tom Reyes, a farmer from the valley who said he lost his whole crop."
    assert ("Tom Reyes", "he lost his whole crop") in spans(run(kept), kept)


def test_appositive_role_with_an_organisation_keeps_the_person_as_speaker() -> None:
    text = (
        "Mark Dale said the rules were fair. Lena Park, head of the agency's Office of Research, praised the "
        "decision. “Nobody is above the rules,” she said in a statement."
    )
    x = run(text)
    got = said(x)
    assert ("Lena Park", "paraphrase", None) in got
    assert ("Lena Park", "quote", "Nobody is above the rules") in got
    park = next(a for a in x.actors if a["name"] == "Lena Park")
    office = next(a for a in x.actors if a["name"] == "Office of Research")
    assert park["role"] == "head" and park["affiliation"] == office["id"]


def test_department_named_after_a_state_and_a_sentence_giving_paraphrase_and_quote() -> None:
    text = (
        "Inland Waters Canada, which must license the dam, said it had received the plans in May and would "
        "“consult every community” first."
    )
    x = run(text)
    got = spans(x, text)
    assert ("Inland Waters Canada", "it had received the plans in May") in got
    assert ("Inland Waters Canada", "consult every community") in got
    assert next(a for a in x.actors if a["name"] == "Inland Waters Canada")["kind"] == "organisation"
    text = "Health Canada said the vaccine was safe."
    assert spans(run(text), text) == {("Health Canada", "the vaccine was safe")}


def test_told_skips_the_audience_and_place_and_takes_the_that_clause() -> None:
    text = "Acme's lawyer, Rita Moss, told reporters outside the court that the firm would appeal."
    assert spans(run(text), text) == {("Rita Moss", "the firm would appeal")}
    text = "Dan Cole told analysts on a conference call that margins had improved."
    assert spans(run(text), text) == {("Dan Cole", "margins had improved")}


def test_the_company_resolves_to_the_latest_company_and_products_are_not_actors() -> None:
    text = (
        "Granite Mining Corp plans a new pit. The charity Clean Rivers said the pit would harm fish. "
        "Granite said its SkyView app tracks water quality. The company said it would publish the data."
    )
    x = run(text)
    assert ("Granite Mining Corp", "it would publish the data") in spans(x, text)
    assert "SkyView" not in {a["name"] for a in x.actors}


def test_possessive_descriptive_organisations_become_actors_of_the_country() -> None:
    text = (
        "Cholera has spread across Peru. At least 40 cases were confirmed, according to figures released by "
        "the country's health ministry on Friday. The ministry said it had sent 20 doctors to the area."
    )
    x = run(text)
    ministry = next(a for a in x.actors if a["name"].endswith("health ministry"))
    peru = next(a for a in x.actors if a["name"] == "Peru")
    assert ministry["affiliation"] == peru["id"]
    assert {s["speaker"] for s in x.statements} == {ministry["id"]}
    assert len(x.statements) == 2


def test_unnamed_groups_with_long_asides_and_one_of_them() -> None:
    text = (
        "Nurses at the city's largest clinic, however, described wards close to collapse. Two nurses at the "
        "Riverside general hospital, who spoke on condition of anonymity because they feared dismissal, said "
        "beds had run out on Sunday. “We sleep in shifts,” one of the nurses said."
    )
    x = run(text)
    got = spans(x, text)
    assert {name for name, _ in got} == {"nurses"}
    assert ("nurses", "wards close to collapse") in got
    assert ("nurses", "beds had run out on Sunday") in got
    assert ("nurses", "We sleep in shifts") in got
    assert "Riverside general hospital" in {a["name"] for a in x.actors}


def test_documents_speak_for_their_owners() -> None:
    text = (
        "The Transport Safety Board grounded the fleet after an inquiry found that two bolts had failed. "
        "The board's report said inspections were “badly overdue”. Green Skies released a leaked memo "
        "from Norway's transport ministry, dated March, that said the risk was “well known”."
    )
    x = run(text)
    got = said(x)
    assert ("Transport Safety Board", "paraphrase", None) in got
    assert ("Transport Safety Board", "quote", "badly overdue") in got
    assert ("Norwegian transport ministry", "quote", "well known") in got


def test_wrote_with_a_place_in_apposition_and_a_trailing_spokesperson_for_an_organisation() -> None:
    text = (
        "In a 20-page decision, Judge Omar Haddad in Springfield, Illinois, wrote that the law was "
        "“plainly unconstitutional”. The league will appeal, a spokesman for the federation in Zurich said."
    )
    x = run(text)
    assert ("Omar Haddad", "quote", "plainly unconstitutional") in said(x)
    trailing = next(s for s in x.statements if text[s["span"][0] : s["span"][1]] == "The league will appeal")
    speaker = next(a for a in x.actors if a["id"] == trailing["speaker"])
    assert speaker["kind"] == "person" and speaker["role"] == "spokesman"
    assert not {"Springfield", "Illinois", "Zurich"} & {a["name"] for a in x.actors}


def test_dateline_outlet_and_seat_of_a_company_are_not_actors() -> None:
    text = "LIMA (AFP) - Officials said the funds went to two firms registered in Panama."
    assert [a["name"].lower() for a in run(text).actors] == ["officials"]


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


def test_count_after_a_verb_and_a_converted_amount_in_brackets_are_one_quantity() -> None:
    text = "The flood killed 35, officials said, and covered 40 kilometres (25 miles) of road."
    ev = [(text[e["span"][0] : e["span"][1]], e["quantity"]) for e in run(text).evidence]
    assert ("killed 35", {"value": 35, "unit": "killed"}) in ev
    assert ("40 kilometres (25 miles)", {"value": 40, "unit": "kilometres"}) in ev
    assert len(ev) == 2


def test_owned_claim_noun_ordered_to_and_citing_are_cues() -> None:
    text = (
        "Vela Corp lost in court on its claim that the tax was illegal. The Fair Trade Agency ordered Vela "
        "in June to halt sales. Brussels froze the grants in May, citing concerns over fraud."
    )
    got = spans(run(text), text)
    assert ("Vela Corp", "the tax was illegal") in got
    assert any(words.startswith("Vela in June to halt sales") for _, words in got)
    assert ("European Union", "concerns over fraud") in got


def test_who_declined_to_comment_is_an_actor_without_a_statement() -> None:
    text = "Orbis Bank cut 900 jobs. A spokeswoman for Orbis Bank declined to comment."
    x = run(text)
    assert "Orbis Bank spokeswoman" in {a["name"] for a in x.actors}
    assert x.statements == []


def test_long_organisation_names_with_small_words_stay_whole() -> None:
    text = (
        "The Court of Appeals for the Fifth Circuit said the rule stood. The Commission on Civil Rights said "
        "it disagreed. A professor at King's College said both were wrong."
    )
    x = run(text)
    found = {a["name"] for a in x.actors}
    assert {"Court of Appeals for the Fifth Circuit", "Commission on Civil Rights", "King's College"} <= found


def test_reports_embedded_in_a_statement_and_anonymity_phrases_are_not_speeches() -> None:
    text = (
        "Amnesty International said witnesses had described soldiers firing at crowds. Two officials, who "
        "asked not to be named, said the order came from the top."
    )
    got = spans(run(text), text)
    assert {name for name, _ in got} == {"Amnesty International", "officials"}
    assert len(got) == 2


def test_trailing_attribution_of_a_finding_and_according_to_kept_out_of_words() -> None:
    text = (
        "Patients who slept more recovered faster, the researchers found. Scientists at Ardent University "
        "say the drug works, according to a study published on Monday."
    )
    got = spans(run(text), text)
    assert ("researchers", "Patients who slept more recovered faster") in got
    assert ("Scientists", "the drug works") in got


def test_a_name_before_a_descriptor_noun_is_an_organisation() -> None:
    text = "The Metro Transit Workers union, which represents drivers, said the cuts were “reckless”."
    x = run(text)
    assert said(x) == [("Metro Transit Workers", "quote", "reckless")]
    assert x.actors[0]["kind"] == "organisation"


def test_owner_phrases_and_time_words_before_that_do_not_hide_the_speaker() -> None:
    text = (
        "Senator Ruth Bell's office said in a statement that the bill would pass. Ruth Bell wrote on X that "
        "she was confident. The Budget Office estimated last month that 2 million people would gain."
    )
    got = spans(run(text), text)
    assert ("Ruth Bell", "the bill would pass") in got
    assert ("Ruth Bell", "she was confident") in got
    assert ("Budget Office", "2 million people would gain") in got


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


def test_description_skips_unnamed_groups_and_dateline_is_not_content() -> None:
    text = (
        "ROME (Reuters) - Riverside Hospital reopened its ward, doctors said. The hospital trust said it had "
        "hired 40 nurses."
    )
    got = spans(run(text), text)
    assert ("doctors", "Riverside Hospital reopened its ward") in got
    assert ("Riverside Hospital", "it had hired 40 nurses") in got


def test_object_verbs_take_no_inverted_subject_and_calling_someone_is_not_naming() -> None:
    text = "The firm's owner, who was arrested in May, denied any wrongdoing through his lawyer, Ana Ruiz."
    x = run(text)
    assert "lawyer" not in {a["name"] for a in x.actors}
    text = "Jo Reed said she learned of the theft when her bank called her."
    assert spans(run(text), text) == {("Jo Reed", "she learned of the theft when her bank called her")}


# -- quantities and evidence -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("about 7,000 containers", 7000, "containers"),
        ("more than 9,000 Russian containers", 9000, "containers"),
        ("$1.2 billion", 1_200_000_000, "USD"),
        ("£3.2m", 3_200_000, "GBP"),
        ("1.4 billion euros", 1_400_000_000, "EUR"),
        ("46%", 46, "%"),
        ("300 extra staff", 300, "staff"),
    ],
)
def test_quantities(phrase: str, value: float, unit: str) -> None:
    text = f"The official said the shipment included {phrase} last year."
    x = run(text)
    ev = [e for e in x.evidence if e["kind"] == "quantity"]
    assert len(ev) == 1
    assert ev[0]["quantity"] == {"value": value, "unit": unit}
    assert phrase in text[ev[0]["span"][0] : ev[0]["span"][1]]
    assert ev[0]["reported_by"] == x.statements[0]["speaker"]
    assert any(ln["type"] == "supports" and ln["from"] == ev[0]["id"] for ln in x.links)


def test_years_dates_and_ages_are_not_quantities() -> None:
    text = "Daniel Ross, 38, said on March 12 that the plan launched in 2021 had failed."
    assert [e for e in run(text).evidence if e["kind"] == "quantity"] == []


def test_physical_findings_and_documents() -> None:
    text = (
        "Officials said an investigation of the debris of a missile found in the Kharkiv region "
        "showed it came from abroad.\n"
        "Shipping records reviewed by the group showed the cargo was re-exported, the report said."
    )
    kinds = {e["kind"] for e in run(text).evidence}
    assert {"physical", "document"} <= kinds


# -- record shape ----------------------------------------------------------------------


def test_records_have_exactly_the_store_shape_and_extraction_metadata() -> None:
    text = (sc.CORPUS / "airspace_quotes.txt").read_text(encoding="utf-8")
    x = run(text, said_on="2024-05-17")
    for table, cls, recs in (
        ("actors", Actor, x.actors),
        ("statements", Statement, x.statements),
        ("evidence", Evidence, x.evidence),
        ("links", Link, x.links),
    ):
        keys = list(defaults(table))
        for r in recs:
            assert list(r) == keys, table
            assert r["id"].startswith(cls.PREFIX + "-")
            assert cls.from_dict(r).to_dict() == r
            json.dumps(r)
    for r in x.statements + x.evidence:
        assert r["status"] == "proposed" and r["origin"] == "extracted" and r["source"] == "src-test"
        assert 0 <= r["confidence"] <= 1
        assert 0 <= r["span"][0] < r["span"][1] <= len(text)
    for s in x.statements:
        assert s["said_on"] == "2024-05-17"
        if s["mode"] == "quote":
            assert text[s["span"][0] : s["span"][1]] == s["quote"]
        else:
            assert s["quote"] is None
    ids = {a["id"] for a in x.actors}
    assert {s["speaker"] for s in x.statements} <= ids
    assert set(x.actor_confidence) >= ids and all(0 <= c <= 1 for c in x.actor_confidence.values())
    assert all(a["affiliation"] in ids | {None} for a in x.actors)


def test_empty_and_odd_texts_do_not_fail() -> None:
    for text in ["", "\n\n", '"Unclosed', "“", "said that", "x" * 3000]:
        x = run(text)
        assert isinstance(x, Extraction)


def test_wordlists_load_from_assets() -> None:
    verbs = load_wordlist("reporting_verbs.json")["verbs"]
    assert verbs["deny"]["act"] == "denial" and verbs["accuse"]["act"] == "accusation"
    assert any(line.startswith("South Korea |") for line in load_wordlist("countries.tsv"))


def test_store_extract_imports_no_ui_library() -> None:
    code = (
        "import sys, store.extract; print(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=sc.ROOT, check=True
    )
    assert out.stdout.strip() == "False"


# -- the corpus ------------------------------------------------------------------------


def _gold_files() -> list[tuple[str, str, dict[str, Any]]]:
    arts = sc.corpus_articles()
    seed = sc.seed_article()
    return arts + ([seed] if seed else [])


def test_corpus_has_enough_articles_of_the_right_length() -> None:
    arts = sc.corpus_articles()
    assert len(arts) >= 6
    for name, text, _ in arts:
        assert 300 <= len(text.split()) <= 700, name


@pytest.mark.parametrize(
    ("name", "text", "gold"),
    _gold_files() + sc.blind_articles(),
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_gold_spans_and_quotes_are_exact(name: str, text: str, gold: dict[str, Any]) -> None:
    assert gold["format"] == "claimnet-network" and gold["sources"][0]["text"] == text
    actors = {a["id"] for a in gold["actors"]}
    ids = actors | {s["id"] for s in gold["statements"]} | {e["id"] for e in gold["evidence"]}
    for s in gold["statements"]:
        assert s["speaker"] in actors
        a, b = s["span"]
        assert 0 <= a < b <= len(text)
        if s["mode"] == "quote":
            assert text[a:b] == s["quote"], s["id"]
    for e in gold["evidence"]:
        if e.get("span"):
            a, b = e["span"]
            assert 0 <= a < b <= len(text)
            if name != "seed" and not name.startswith("blind:"):  # those golds summarise evidence in words
                assert text[a:b] == e["text"], e["id"]
    for ln in gold["links"]:
        assert ln["from"] in ids and ln["to"] in ids


def test_scorer_matches_a_perfect_prediction_perfectly() -> None:
    name, text, gold = sc.corpus_articles()[0]
    m = sc.score(text, gold, gold).metrics()
    assert all(v == 1.0 for v in m.values()), m


#: Floors set just below the measured scores (see the report); held-out articles were never tuned on.
FLOORS_TUNING = {
    "actor_f1": 0.97,
    "speaker_acc": 0.98,
    "st_f1": 0.97,
    "quote_r": 0.98,
    "ev_p": 0.95,
    "ev_r": 0.82,
}
FLOORS_HELD_OUT = {
    "actor_f1": 0.95,
    "speaker_acc": 0.95,
    "st_f1": 0.91,
    "quote_r": 0.97,
    "ev_p": 0.97,
    "ev_r": 0.97,
}
#: The blind set (tests/extraction/blind) was written without sight of the code, then used to design rules
#: ("blind-1 (used for rule design)" in the scorer): its floors guard those rules, not unseen-text quality.
FLOORS_BLIND = {
    "actor_f1": 0.97,
    "speaker_acc": 0.98,
    "st_f1": 0.97,
    "quote_r": 0.98,
    "ev_p": 0.95,
    "ev_r": 0.97,
}

#: The second blind set (tests/extraction/blind2), likewise written unseen and then used to design rules.
FLOORS_BLIND2 = {
    "actor_f1": 0.91,
    "speaker_acc": 0.92,
    "st_f1": 0.84,
    "quote_r": 0.90,
    "ev_p": 0.92,
    "ev_r": 0.89,
}


def test_corpus_scores_stay_above_floors() -> None:
    results = sc.run(_gold_files())
    tune = sc.total(c for n, c in results.items() if n not in sc.HELD_OUT).metrics()
    held = sc.total(c for n, c in results.items() if n in sc.HELD_OUT).metrics()
    for key, floor in FLOORS_TUNING.items():
        assert tune[key] >= floor, (key, tune[key])
    for key, floor in FLOORS_HELD_OUT.items():
        assert held[key] >= floor, (key, held[key])


def test_blind_set_scores_stay_above_floors() -> None:
    arts = sc.blind_articles()
    assert len(arts) >= 4
    got = sc.total(sc.run(arts).values()).metrics()
    for key, floor in FLOORS_BLIND.items():
        assert got[key] >= floor, (key, got[key])


def test_scorer_labels_the_blind_set_as_used_for_rule_design(capsys: pytest.CaptureFixture[str]) -> None:
    assert sc.main(["--set", "blind"]) == 0
    out = capsys.readouterr().out
    assert "TOTAL blind-1 (used for rule design)" in out
    assert "TOTAL tuning" not in out


# -- blind-2 rules ---------------------------------------------------------------------


def test_role_words_between_said_and_a_name_are_a_role_not_a_speaker() -> None:
    text = (
        "Anna Vik said the plan was sound. “It will never work,” said night-shift nurse Olav Brekke, 44. "
        '"We will see," said company spokesman Per Lunde.'
    )
    got = said(run(text))
    assert ("Olav Brekke", "quote", "It will never work") in got
    assert ("Per Lunde", "quote", "We will see") in got
    roles = {a["name"]: a["role"] for a in run(text).actors}
    assert roles["Olav Brekke"] == "night-shift nurse"


def test_a_quotation_interrupted_by_its_attribution_gives_two_quotes_to_one_speaker() -> None:
    text = "“We will stay,” committee chair Rosa Lind said at the gate, “until the mill reopens.”"
    assert said(run(text)) == [
        ("Rosa Lind", "quote", "We will stay"),
        ("Rosa Lind", "quote", "until the mill reopens."),
    ]


def test_names_run_on_through_branch_numbers_co_operative_and_plural_possessives() -> None:
    text = (
        "Dock Workers Union Lodge 12 said the talks had failed. Millers owned by Ontario-based Lakeside "
        "Growers Co-op said they would wait. The Riverside Tenants’ Association said it was “appalled”."
    )
    found = {a["name"] for a in run(text).actors}
    want = {"Dock Workers Union Lodge 12", "Lakeside Growers Co-op", "Riverside Tenants’ Association"}
    assert want <= found


def test_saying_after_a_comparison_belongs_to_the_main_clause_subject() -> None:
    text = (
        "LIMA (Reuters) - Peru's finance ministry raised its growth forecast, a bigger step than most "
        "traders had predicted, saying the risks had eased. Orbis Bank sold two mines, a larger sale than "
        "analysts had expected, saying prices had peaked."
    )
    assert spans(run(text), text) == {
        ("Peruvian finance ministry", "the risks had eased"),
        ("Orbis Bank", "prices had peaked"),
    }


def test_blind2_set_scores_stay_above_floors() -> None:
    arts = sc.blind2_articles()
    assert len(arts) >= 5
    got = sc.total(sc.run(arts).values()).metrics()
    for key, floor in FLOORS_BLIND2.items():
        assert got[key] >= floor, (key, got[key])


def test_scorer_labels_the_second_blind_set_as_used_for_rule_design(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert sc.main(["--set", "blind2"]) == 0
    assert "TOTAL blind-2 (used for rule design)" in capsys.readouterr().out


#: The unseen set: never used to design rules (keep it so; write a new one before using it).
#: Floors just below its first measurement, so a change that hurts unseen text is noticed.
FLOORS_BLIND3 = {"actor_f1": 0.85, "speaker_acc": 0.83, "st_f1": 0.74, "quote_r": 0.88}


def test_unseen_blind3_set_scores_stay_above_floors() -> None:
    arts = sc.blind_set_articles("blind3")
    assert len(arts) >= 5
    got = sc.total(sc.run(arts).values()).metrics()
    for key, floor in FLOORS_BLIND3.items():
        assert got[key] >= floor, (key, got[key])
