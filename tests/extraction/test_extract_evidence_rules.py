"""Evidence rules found by the blind sets: the phrase a reader would check, who reported it, and the
statements it backs (sentences written for these tests, not copied from the blind articles)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import evidence_found, names, run


def test_count_after_a_verb_and_a_converted_amount_in_brackets_are_one_quantity() -> None:
    text = "The flood killed 35, officials said, and covered 40 kilometres (25 miles) of road."
    ev = [(text[e["span"][0] : e["span"][1]], e["quantity"]) for e in run(text).evidence]
    assert ("killed 35", {"value": 35, "unit": "killed"}) in ev
    assert ("40 kilometres (25 miles)", {"value": 40, "unit": "kilometres"}) in ev
    assert len(ev) == 2


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("He won by a margin of 4,300 votes, the commission said.", "a margin of 4,300 votes"),
        ("The group said 46 of its members fell ill.", "46 of its members"),
        ("Algeria rejected a 60,000-tonne cargo of milling wheat, the agency said.",
         "a 60,000-tonne cargo of milling wheat"),
        ("The images showed a grey plume stretching about 9 kilometres, the group said.",
         "a grey plume stretching about 9 kilometres"),
        ("Tests found E. coli levels 12 times higher than the bathing-water standard, she said.",
         "E. coli levels 12 times higher than the bathing-water standard"),
        ("Its monitors recorded at least 2,710, the agency said.", "at least 2,710"),
        ("The traders cited a test certificate seen by Reuters, the report said.",
         "a test certificate seen by Reuters"),
        ("The union said it had sent a letter to the board seen by this newspaper in May.",
         "a letter to the board"),
        ("A report by the Harbour Safety Directorate (HSD), filed with the court, found two faults.",
         "A report by the Harbour Safety Directorate (HSD)"),
        ("The group has shared an email, dated March 11, in which a manager asks for new valves.",
         "an email, dated March 11"),
        ("In an affidavit filed with the court, the agency said the firm made 11 payments.",
         "an affidavit filed with the court"),
        ("She said she had kept a diary of the visit.", "a diary of the visit"),
        ("The family's lawyer took photographs of bruises on his arms, she said.",
         "photographs of bruises on his arms"),
        ("The inspectors found 4 of the 9 gas detectors were not working.", "4 of the 9 gas detectors"),
        ("The engine matched 31 of Kowalski’s 38 moves, the arbiters said.", "31 of Kowalski’s 38 moves"),
        ("Tests on 9 of 40 tiles sampled found the glue, the agency said.", "9 of 40 tiles"),
        ("Only 11%, the office said, were returned.", "Only 11%"),
        ("Some 1,900 residents spent the night in schools, officials said.", "Some 1,900 residents"),
        ("The directorate grounded all 9 of Skeldair's turboprops until their logs were checked.",
         "9 of Skeldair's turboprops"),
        ("Riders said they now earn 71 zloty for a full shift.", "71 zloty"),
        ("The families were offered 500,000 taka each, the union said.", "500,000 taka"),
        ("Payslips shown to Reuters by three crane operators showed the cut, the union said.", "Payslips"),
        ("It supplied spray records showing that only a copper fungicide was used.", "spray records"),
        ("The union cited OEFA inspection records obtained by the group, it said.",
         "OEFA inspection records obtained by the group"),
        ("The council signed a €6 million flood-defence contract in May, the mayor said.",
         "a €6 million flood-defence contract"),
        ("Tenants pay about £950 a month for the flats, the union said.", "about £950 a month"),
        ("The union said 9 of the injured workers were still in hospital.", "9 of the injured workers"),
        ("Medics said 23 dead had been counted by noon.", "23 dead"),
        ("The inspectors said a 52-page audit report by the ministry found 14 faults.",
         "a 52-page audit report"),
        ("The firm said its maintenance log showed no fault on the line.", "its maintenance log"),
        ("The agency said about 9,000 tonnes of slag reached the lake.", "about 9,000 tonnes of slag"),
        ("A vet said he had counted 52 dead sheep near the pit.", "52 dead sheep"),
        ("The union said 12% of its scheduled shifts were cut.", "12% of its scheduled shifts"),
        ("Soil samples taken by the council near the school contained lead, it said.",
         "Soil samples taken by the council near the school"),
        ("Photographs shared with the council show cracks in the wall, the residents said.",
         "Photographs shared with the council"),
        ("Photographs shared by residents show dead fish along the bank, the group said.",
         "Photographs shared by residents"),
        ("A video filmed by a neighbour shows the truck leaving at night, the group said.",
         "A video filmed by a neighbour"),
        ("A copy of the permit, seen by the Gazette, lists only two wells, the group said.",
         "A copy of the permit"),
        ("Footage from the station's security cameras shows the platform was empty, police said.",
         "Footage from the station's security cameras"),
        ("Samples taken by the agency 3 kilometres downstream showed arsenic, the agency said.",
         "Samples taken by the agency 3 kilometres downstream"),
        ("The forum said it based the claim on interviews with 14 herders.", "interviews with 14 herders"),
        ("Statements from 12 drivers describe the same order, the union said.", "Statements from 12 drivers"),
        ("Its own survey of 62 warehouses found half empty, the federation said.",
         "Its own survey of 62 warehouses"),
        ("The lab holds test certificates for 12 sealed tubs, the firm said.",
         "test certificates for 12 sealed tubs"),
        ("Monitors recorded dust at 32 milligrams per cubic metre, the committee said.",
         "32 milligrams per cubic metre"),
        ("Herders are paid 30,000 rupees per hectare a year, the petition says.",
         "30,000 rupees per hectare a year"),
        ("The airport fines airlines £50,000 per flight, the council said.", "£50,000 per flight"),
        ("The 56-page fatigue review commissioned by the union found long shifts, it said.",
         "The 56-page fatigue review"),
        ("An analysis showed the fee per order falling from Rs 38 to Rs 26, the union said.", "Rs 26"),
        ("An analysis showed the fee per order falling from Rs 38 to Rs 26, the union said.", "Rs 38"),
        ("His pay for a shift had dropped from about Rs. 1,100 to Rs 800, he said.", "about Rs. 1,100"),
        ("The former head steered 3.2 billion pesos into the bonds, prosecutors said.", "3.2 billion pesos"),
        ("Fares rose from KSh 38 to KSh 26, the operators said.", "KSh 38"),
        ("The fee was cut, Rs 38 to Rs 26 a trip, the union said.", "Rs 38"),
        ("The staff association cited emails in which a commander told officers to issue fines.", "emails"),
        ("The department said it had issued a notice to the firm asking it to explain the cut.",
         "a notice to the firm"),
    ],
)
def test_evidence_takes_the_noun_phrase_a_reader_would_check(sentence: str, phrase: str) -> None:
    got = evidence_found(sentence)
    assert phrase in got


def test_a_figure_in_the_lede_backs_the_claim_that_states_it_again_and_a_page_count_is_no_quantity() -> None:
    text = (
        "Tankers made at least 14 transfers of fuel last year, monitors told the council. "
        "Shipping data showed the tankers went dark near the coast.\n\n"
        "The monitors said the tankers carried out at least 14 transfers in all, in a 112-page report."
    )
    x = run(text)
    figure = next(e for e in x.evidence if "14 transfers" in e["text"] and e["span"][0] < 60)
    later = next(s for s in x.statements if s["span"][0] > 150)
    assert any(ln["from"] == figure["id"] and ln["to"] == later["id"] and ln["type"] == "supports"
               for ln in x.links)
    assert not any(e["kind"] == "quantity" and "page" in e["text"] for e in x.evidence)


def test_a_document_carrying_claims_is_evidence_reported_by_its_author() -> None:
    text = ("GENEVA (Reuters) - North Korea shipped at least 3,000 containers of shells to Russia last year, "
            "according to a 90-page report by a UN panel of experts seen by Reuters.")
    x = run(text)
    who = names(x)
    report = next(e for e in x.evidence if e["kind"] == "document")
    (claim,) = x.statements
    assert who[claim["speaker"]] == "UN panel of experts" == who[report["reported_by"]]
    assert any(ln["from"] == report["id"] and ln["to"] == claim["id"] and ln["type"] == "supports"
               for ln in x.links)


def test_a_figure_backs_only_its_own_sides_telling_and_an_organisation_may_end_the_text() -> None:
    text = ("Ukraine said Moldova made at least 14 transfers of rifles to the rebels. "
            "The Moldovan minister said: we have never sold 14 transfers of anything to anyone, "
            "said Acme Corp")
    x = run(text)
    figure = next(e for e in x.evidence if "14 transfers" in e["text"] and e["span"][0] < 70)
    minister = [s["id"] for s in x.statements if s["span"][0] > 80]
    assert not any(ln["from"] == figure["id"] and ln["to"] in minister for ln in x.links)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The firm said it had paid a $40 million.", "$40 million"),  # 'a' before a sum that stands alone
        ("A spokesman said the refund was a $12 increased by law.", "$12"),  # no participle as its noun
        ("Police said 3 of the men is a guess.", None),  # 'is' counts nothing
    ],
)
def test_what_does_not_extend_a_quantity(sentence: str, phrase: str | None) -> None:
    got = evidence_found(sentence, "quantity")
    assert got == ([phrase] if phrase else [])


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Investigators found traces of explosives on the debris.", "traces of explosives on the debris"),
        ("The report found traces of tributyltin in soil samples.", "traces of tributyltin in soil samples"),
        ("Police collected water samples from the river.", "water samples from the river"),
    ],
)
def test_the_verb_before_a_finding_is_no_part_of_it(sentence: str, phrase: str) -> None:
    found = evidence_found(sentence)
    assert phrase in found


@pytest.mark.parametrize(
    ("sentence", "phrase", "unit"),
    [
        ("Sensors read 4.2 parts per million of chlorine gas, the company said.",
         "4.2 parts per million of chlorine gas", "parts"),
        ("The driver was doing under 15km/h when the brakes failed, police said.", "under 15km/h", "km/h"),
        ("Eleven jars held 0.004 mg/kg of fipronil, the group said.", "0.004 mg/kg of fipronil", "mg/kg"),
        ("Khoza received R4.2 million from the contractor, prosecutors said.", "R4.2 million", "ZAR"),
        ("The ferry sank more than 1 kilometre from the shore, the authority said.",
         "more than 1 kilometre", "kilometre"),
        ("Dockers were paid KSh 1,450 an hour in March, the union said.", "KSh 1,450 an hour", "KES"),
        ("The dam released about 4,000 cubic metres of waste, the agency said.",
         "about 4,000 cubic metres of waste", "metres"),
    ],
)
def test_units_written_short_singular_or_per_million_and_rands_and_shillings(
        sentence: str, phrase: str, unit: str) -> None:
    ev = {sentence[e["span"][0] : e["span"][1]]: e["quantity"]["unit"] for e in run(sentence).evidence}
    assert ev.get(phrase) == unit


def test_a_road_named_with_r_and_a_number_is_no_sum_and_two_measures_joined_by_and_are_two() -> None:
    assert run("The R96 road was closed for a week, police said.").evidence == []
    text = "The plant covers 12 km of track and 40 ha of land, the company said."
    got = set(evidence_found(text))
    assert got == {"12 km of track", "40 ha of land"}


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Police said a video posted on social media on Sunday evening was genuine.",
         "a video posted on social media on Sunday evening"),
        ("Footage from the building's security cameras was handed to police, the council said.",
         "Footage from the building's security cameras"),
        ("A screenshot shared in a students' WhatsApp group showed the paper, the board said.",
         "A screenshot shared in a students' WhatsApp group"),
        ("The family said a video filmed by a passer-by on Commercial Road proved it.",
         "a video filmed by a passer-by on Commercial Road"),
    ],
)
def test_an_image_said_to_be_filmed_posted_or_shared_is_evidence(sentence: str, phrase: str) -> None:
    found = {sentence[e["span"][0] : e["span"][1]]: e["kind"] for e in run(sentence).evidence}
    assert found.get(phrase) == "imagery"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The charity raised £8.4 million in public donations, the report said.",
         "£8.4 million in public donations"),
        ("His children drew combined salaries of £143,000 a year, the regulator said.",
         "combined salaries of £143,000 a year"),
        ("The winner takes prize money of 40,000 euros, organisers said.", "prize money of 40,000 euros"),
        ("Residents face a 23% rise in household water tariffs, the group said.",
         "a 23% rise in household water tariffs"),
        ("The council said it paid $5m in March.", "$5m"),
        ("The council said it paid $5m in the city.", "$5m"),
        ("The hotel faces back pay plus penalties of up to $1,000 per violation, the union said.",
         "up to $1,000 per violation"),  # (the gold holds the sum alone)
    ],
)
def test_a_sum_or_share_keeps_what_it_was_paid_in_or_the_change_it_sizes(sentence: str, phrase: str) -> None:
    assert phrase in set(evidence_found(sentence))


def test_a_part_counted_out_of_a_whole_counts_the_part() -> None:
    text = "The inspectors said 4 of the 9 gas detectors were not working."
    (found,) = run(text).evidence
    assert found["quantity"] == {"value": 4, "unit": "detectors"}


def test_only_goes_before_a_figure_but_makes_no_figure_of_a_number_word() -> None:
    text = "The driver made only two short stops, the union said, and only 11% came back."
    got = evidence_found(text)
    assert got == ["only 11%"]


def test_a_count_written_with_a_thousands_comma_is_never_a_year() -> None:
    text = "The allowance rose to 2,000 shillings in 2019, when 1,900 households were counted."
    got = {text[e["span"][0] : e["span"][1]]: e["quantity"] for e in run(text).evidence}
    assert got == {"2,000 shillings": {"value": 2000, "unit": "KES"},
                   "1,900 households": {"value": 1900, "unit": "households"}}


def test_a_span_of_time_a_multiple_or_a_count_in_words_is_no_evidence() -> None:
    text = ("The pumps failed for nearly two weeks, and levels were more than three times the limit on at "
            "least six farms, the agency said. More than a dozen officers arrived at dawn, the editor said.")
    assert evidence_found(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The residents' group is calling for an independent review of every home in the county.",
        "The minister has ordered a review of how recalls are triggered.",
        "Its lawyer said it would file a defamation complaint against the association.",
        "Companies must report a data breach within 72 hours, the regulator said.",
        "An independent review board appointed by the ministry is examining the failure.",
        "The board's report, a copy of which was seen by the Gazette, found two faults.",
    ],
)
def test_a_document_asked_for_or_a_document_word_used_as_a_modifier_is_no_evidence(sentence: str) -> None:
    docs = evidence_found(sentence, "document")
    assert not any(d.lower().startswith(("an independent review", "a review", "a defamation", "a data",
                                         "a copy")) for d in docs), docs


@pytest.mark.parametrize(("sentence", "count"), [
    ("Police said 14 children were taken to hospital.", "14 children"),
    ("The agency said 1,200 fish had died.", "1,200 fish"),
    ("Officials said 40 sheep had died.", "40 sheep"),
])
def test_a_count_of_a_noun_whose_plural_takes_no_s_is_evidence(sentence: str, count: str) -> None:
    assert evidence_found(sentence) == [count]


def test_a_time_after_a_documents_noun_dates_the_verb_not_the_document() -> None:
    text = ("The Environment Agency published a 40-page report on Tuesday. The report found that 31 of 40 "
            "wells exceeded the limit.")
    found = evidence_found(text)
    assert found == ["a 40-page report", "31 of 40 wells"]


def test_an_email_a_statement_was_said_in_is_its_medium_not_evidence() -> None:
    text = ('"Tomas never worked for any government," the spokesperson wrote in an email to the Courier. '
            "The agency said in a 36-page report that 40 wells were dry.")
    assert evidence_found(text) == ["a 36-page report", "40 wells"]


@pytest.mark.parametrize(("sentence", "found"), [
    ("The company said in an internal memo seen by Reuters that 500 jobs would go.",
     ["an internal memo seen by Reuters", "500 jobs"]),
    ("The union said in an open letter that 500 jobs would go.", ["an open letter", "500 jobs"]),
    ("The agency said 2 fish farms had closed.", ["2 fish farms"]),
    ("Officials said 3 women lawmakers had resigned.", ["3 women lawmakers"]),
    ("The agency released a report on Monday's crash that blamed the pilot.", ["a report on Monday's crash"]),
    # ranges, worths and shillings (blind-18's shapes), then what review found in them
    ("Officials said between 10,000 and 11,000 people were in the arena.",
     ["between 10,000 and 11,000 people"]),
    ("The group said 10-12 people were hurt.", ["10-12 people"]),
    ("The company said it had orders worth $4.1 million.", ["orders worth $4.1 million"]),
    ("The operator said it paid Sh1.9 million in prizes.", ["Sh1.9 million in prizes"]),
    ("Fees rose from $84 to $910, the union said.", ["$84", "$910"]),
    ("Profit rose from £18m in 2022 to £23.9m, the company said.", ["£18m", "£23.9m"]),
    # found in review: a hedge before the low end, a hedge after 'from', a sentence's first word
    ("Officials said at least 10 to 12 people died.", ["at least 10 to 12 people"]),
    ("Attendance rose from about 84 to 910 people, the club said.", ["about 84", "910 people"]),
    ("Between 10,000 and 11,000 people marched, police said.", ["Between 10,000 and 11,000 people"]),
    ("Orders worth $4.1 million were cancelled, the company said.", ["Orders worth $4.1 million"]),
    ("The firm is now worth $5 billion, analysts said.", ["$5 billion"]),
])
def test_review_cases_of_the_evidence_rules(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


def test_a_span_of_weekends_in_words_is_no_evidence() -> None:
    text = "The club's secretary said members had counted the fish over four weekends."
    assert run(text).evidence == []


def test_a_scaled_sum_is_valued_exactly() -> None:
    """'$4.1 million' was 4099999.9999999995 in binary floating point (found in review)."""
    values = [e["quantity"]["value"] for e in run("The company said it had orders worth $4.1 million and "
                                                  "a fine of £2.35bn.").evidence]
    assert values == [4100000, 2350000000]


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator said it would decide within 15 days whether to impose penalties.",
        "The club will be barred if the debt was not paid within 90 days, the tribunal said.",
        "The agency ordered the company to replace the filter within 14 days.",
        "Patients were given 14 days to reply, the board said.",
        "Pardo has 14 days to request a hearing, the agency said.",
        "Drivers will stage a further 48-hour stoppage next week, the union said.",
        "The council said it had opened a review of the festival's premises licence.",
        "The authority said it would commission an independent review of the land titles.",
        "The regulator said it had ordered the operator to submit an incident report within ten days.",
    ],
)
def test_a_deadline_or_a_review_only_opened_or_ordered_is_no_evidence(sentence: str) -> None:
    assert evidence_found(sentence) == []


def test_a_span_of_time_measured_is_still_evidence() -> None:
    assert evidence_found("The damaged signal had been replaced within 48 hours, the operator said.") == [
        "48 hours"]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("He said the figure came from the service's own dispatch logs.", "the service's own dispatch logs"),
        ("The review board said it had seen Pennine's maintenance log for the route.",
         "Pennine's maintenance log"),
        ("She said her daughter's death certificate listed a heart problem.",
         "her daughter's death certificate"),
        ("The audit found that 2,115 of them had been removed from the list.", "2,115 of them"),
        ("Fourteen children swallowed magnets, 11 of whom needed surgery, the doctors said.", "11 of whom"),
    ],
)
def test_a_document_its_owner_names_and_a_count_of_what_was_named_before(sentence: str, phrase: str) -> None:
    assert phrase in evidence_found(sentence)


def test_a_document_a_pronoun_owns_points_back_to_one_named_before() -> None:
    text = "The regulator published a 40-page report in May. The company said its report was flawed."
    assert evidence_found(text) == ["a 40-page report"]


def test_a_length_within_which_something_lies_is_a_distance_not_a_stretch_of_it() -> None:
    assert evidence_found("The contractor said its crews had not blasted within 2 kilometres of the village "
                          "since May.") == ["2 kilometres"]
    assert evidence_found("The loggers cut at least 14 kilometres of logging roads, the group said.") == [
        "at least 14 kilometres of logging roads"]


def test_a_document_word_before_another_is_one_document_and_a_review_ordered_or_pending_is_none() -> None:
    assert evidence_found("The council leader denied sitting on an audit report which found that the cost "
                          "had doubled.") == ["an audit report"]
    assert evidence_found("The firm accused the government of ordering an audit to reach a number.") == []
    assert evidence_found("The regulator may suspend the licences pending an audit, it said.") == []


def test_a_time_given_to_someone_asked_to_act_is_no_evidence() -> None:
    asked = "The department said it had issued a notice asking the firm to explain the change within 15 days."
    assert "15 days" not in " ".join(evidence_found(asked))
    assert "14 hours" in evidence_found("The drivers told the inquiry they had worked for 14 hours.")
    required = "The department issued a notice requiring the firm to pay within 15 days."
    assert "15 days" not in " ".join(evidence_found(required))
    urged = "Patients urged to rest for 14 days recovered faster, the study found."
    assert "14 days" in evidence_found(urged)


@pytest.mark.parametrize(("sentence", "phrase", "quantity"), [
    ("The new price of R569 a pen, up from R412, took effect.", "R569 a pen", {"value": 569, "unit": "ZAR"}),
    ("The new price of R569 a pen, up from R412, took effect.", "R412", {"value": 412, "unit": "ZAR"}),
    ("Cores reached only 26 MPa, the lab said.", "only 26 MPa", {"value": 26, "unit": "MPa"}),
    ("The air fell to minus 7 degrees Celsius during pours.", "minus 7 degrees Celsius",
     {"value": -7, "unit": "degrees"}),
    ("The auditor matched 212 sales invoices to the benchmark.", "212 sales invoices",
     {"value": 212, "unit": "invoices"}),
    ("The club counted €9.5 million of sponsorship it never received.", "€9.5 million of sponsorship",
     {"value": 9500000, "unit": "EUR"}),
    ("It blamed a 41% rise in what it pays for crystals.", "a 41% rise", {"value": 41, "unit": "%"}),
])
def test_rands_pressures_temperatures_and_where_a_quantitys_phrase_ends(sentence: str, phrase: str,
                                                                      quantity: dict) -> None:
    found = {sentence[e["span"][0] : e["span"][1]]: e["quantity"] for e in run(sentence).evidence}
    assert found.get(phrase) == quantity


@pytest.mark.parametrize("sentence", ["The truck veered onto the R61, near Mthatha.",
                                      "He drove an Audi R8, police said.", "The R96 road was closed."])
def test_an_r_and_a_number_that_no_money_word_opens_is_a_road_or_a_car(sentence: str) -> None:
    assert run(sentence).evidence == []


def test_photographs_attached_to_a_report_keep_what_they_are_attached_to() -> None:
    assert evidence_found("Photographs attached to it show cots pushed side by side.") == [
        "Photographs attached to it"]
