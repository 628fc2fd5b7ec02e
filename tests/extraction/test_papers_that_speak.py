"""Papers that speak: a report, a lawsuit, a notice, a memo or a letter speaks for whoever wrote, filed,
commissioned or drew it up, never for an outlet that only saw it or the side it accuses (split out of
test_extract_who_speaks.py; sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import names, run, said, spans


def test_a_notice_speaks_for_its_owner() -> None:
    text = ("The Lancet said it had retracted two papers. Its retraction notices say the authors "
            "\"could not supply the raw data\" for the figures.")
    assert ("Lancet", "quote", "could not supply the raw data") in said(run(text))


def test_a_memo_seen_by_a_news_agency_speaks_for_its_author_not_the_agency() -> None:
    text = ("The Central Census Office (CCO) said every area was visited. But an internal CCO memo dated "
            "Nov. 3 and seen by Reuters said field teams had not reached 212 areas.")
    assert {speaker for speaker, _mode, _quote in said(run(text))} == {"Central Census Office"}
    assert "Reuters" not in names(run("A letter seen by Reuters said the plant would close.")).values()


@pytest.mark.parametrize(
    "text",
    [
        "The consultancy Ferrand & Osei published a 74-page assessment on Monday. The assessment also found "
        "that Brennock Water had spent only a sixth of its budget.",
        "According to a 74-page assessment by the firm, Ferrand & Osei, 38% of the water never reached a "
        "customer. The assessment also found that Brennock Water had spent only a sixth of its budget.",
        "Bills rose sharply, according to a 48-page audit released on Monday by Ferrand & Osei. The audit "
        "found that a fault in billing software multiplied readings by ten.",
    ],
)
def test_a_report_named_again_speaks_for_the_author_named_before(text: str) -> None:
    assert said(run(text))[-1][0] == "Ferrand & Osei"


def test_a_report_drawn_up_by_a_body_and_dated_speaks_for_that_body() -> None:
    x = run("Auditors at Aalholm University found errors. The 19-page report, drawn up by the university's "
            "Internal Audit Office and dated Feb. 20, said about 3.1 million crowns had paid for two imaging "
            "systems.")
    assert said(x)[-1][0] == "Internal Audit Office"
    assert [e["text"] for e in x.evidence if e["kind"] == "document"] == ["The 19-page report"]


def test_a_lawsuit_does_not_speak_for_the_side_it_accuses_and_a_complaint_for_its_owner() -> None:
    x = run("Larkmont Hotels runs nine hotels in Denver. Hundreds of housekeepers at Larkmont Hotels were "
            "made to work through unpaid breaks, according to a lawsuit filed Tuesday that accuses the hotel "
            "chain of wage theft.")
    assert said(x) == []
    x = run("The Federal Trade Commission sued Brightway. The retailer stopped using FaceMatch in April, "
            "according to the FTC's complaint.")
    assert [s for s, _, _ in said(x)] == ["Federal Trade Commission"]


def test_a_lawsuit_speaks_for_who_filed_it_paragraphs_before() -> None:
    x = run("The complaint, filed in Denver District Court by four current and former housekeepers, says the "
            "company owes 600 workers back pay.\n\nThe union said it had collected 212 signed statements. "
            "It said more would follow. Its lawyers said they were ready.\n\nThe lawsuit says supervisors "
            "gave each housekeeper a daily quota of 16 rooms.")
    assert said(x)[-1][0] == said(x)[0][0] == "former housekeepers"


def test_the_report_speaks_for_who_wrote_it_in_the_sentence_before() -> None:
    x = run("The action group obtained the 38-page inspection report. It was written for the council by "
            "consultants Penhallow Structures and is dated April last year.\n\n“Corrosion to the bearings "
            "is advanced,” the report said.")
    assert said(x) == [("Penhallow Structures", "quote", "Corrosion to the bearings is advanced")]


def test_according_to_its_report_speaks_for_the_body_it_refers_to_never_an_outlet() -> None:
    x = run("The National Research Grants Agency froze the grant on Monday. It recovered 11.8 million crowns "
            "last year, according to its annual report.")
    assert [s for s, _, _ in said(x)] == ["National Research Grants Agency"]
    x = run("Reuters could not verify the invoices. Last year the agency recovered 11.8 million crowns, "
            "according to its annual report.")
    assert said(x) == []


def test_an_outlet_that_only_saw_a_report_never_speaks_for_it() -> None:
    x = run("The council billed 38,400 lunches, according to an internal audit report seen by the Courier.")
    assert x.statements == []


def test_a_review_commissioned_from_a_firm_speaks_for_the_firm() -> None:
    x = run("The Transport and Depot Workers' Union said an independent review it commissioned from "
            "actuarial firm Hesketh Marr found the scheme's deficit at its last valuation was closer to "
            "£150 million.\n\nThe review, a copy of which was seen by the Post, says the trustees used a "
            "discount rate well below the range used by comparable schemes.")
    assert [s for s, _, _ in said(x)] == ["Hesketh Marr", "Hesketh Marr"]


@pytest.mark.parametrize("sentence", [
    "According to Lopez, the figures were wrong.",
    "The figures were wrong, according to Lopez.",
    "According to a statement from Kelso Mining, the figures were wrong.",
    "According to a report from the company, the figures were wrong.",
])
def test_according_to_a_surname_or_a_paper_from_a_body(sentence: str) -> None:
    x = run("Maria Lopez, who heads the observer mission, met officials of Kelso Mining on Monday.\n\n"
            + sentence)
    by = {a["id"]: a["name"] for a in x.actors}
    speaker = "Kelso Mining" if "ompany" in sentence or "Kelso" in sentence else "Maria Lopez"
    assert [(by[s["speaker"]], s["text"]) for s in x.statements] == [(speaker, "The figures were wrong")]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("According to a letter from the health ministry seen by Reuters, 300 nurses will be laid off.",
     "health ministry"),
    ("According to a report by the agency seen by AFP, 300 nurses will be laid off.", "agency"),
])
def test_according_to_a_paper_from_its_author_seen_by_an_outlet_is_the_authors(sentence: str,
                                                                                speaker: str) -> None:
    assert [s for s, _, _ in said(run(sentence))] == [speaker]


def test_according_to_its_report_is_the_report_of_the_body_the_clause_opens_with() -> None:
    x = run("The National Research Grants Agency (NRGA) froze the grant. Cardiovia said it had done nothing "
            "wrong. It published two invoices on its website.\n\nLast year the agency recovered 11.8 million "
            "crowns from grant holders, according to its annual report.")
    assert [s for s, _, _ in said(x)] == ["Cardiovia", "National Research Grants Agency"]


@pytest.mark.parametrize("first", [
    "The Procurement Integrity Board (PIB) said in a 38-page report that the agency paid too much.",
    "The 38-page report by the Procurement Integrity Board (PIB) said the agency paid too much.",
])
def test_the_report_speaks_for_its_author_paragraphs_later(first: str) -> None:
    text = (f"{first} The agency's director said the price was fair. He said the package included "
            "training. He said teachers had been consulted. He told reporters the board was wrong.\n\n"
            "But the report said the comparison purchases also included warranties.")
    got = said(run(text))
    assert got[-1][0] == "Procurement Integrity Board", got


@pytest.mark.parametrize("reply", ["said in an emailed statement", "said in its response to the audit"])
def test_a_statement_a_party_made_elsewhere_is_no_paper_it_wrote(reply: str) -> None:
    text = (f"An audit by the Office of the City Auditor found a billing fault. Tesseract Metering {reply} "
            "that there was no fault.\n\nIn all, the audit says, 6,200 households paid $1.9 million more "
            "than they owed.")
    assert said(run(text))[-1][0] == "Office of the City Auditor"


def test_the_report_speaks_for_the_body_known_by_a_short_name_that_spoke_in_it() -> None:
    text = ("The state's Dairy Development Board, known as DDB, said in a 20-page report that fees had "
            "risen in 11 of 14 villages. The company denied it.\n\nBut the report said the app had disclosed "
            "the fee.")
    got = run(text)
    disclosed = [s for s in got.statements if "disclosed" in s["text"]]
    assert [names(got)[s["speaker"]] for s in disclosed] == ["Dairy Development Board"], got.statements


def test_a_paper_by_a_body_described_in_lower_case_is_the_body_the_next_paper_names() -> None:
    text = ("NAIROBI (Reuters) - A school-meal supplier delivered less than two-thirds of the maize it "
            "billed for, according to a 40-page audit by the county's audit office seen by Reuters.\n\nThe "
            "audit by the Lake Region Audit Directorate (LRAD) found that Mavuno Ltd delivered 412 tons of "
            "maize.\n")
    x = run(text)
    assert [who for who, _mode, _quote in said(x)] == ["Lake Region Audit Directorate"] * 2
    assert "audit office" not in {a["name"] for a in x.actors}
    other = text.replace("the Lake Region Audit Directorate (LRAD)", "the Serious Fraud Office")
    assert "audit office" in {who for who, _mode, _quote in said(run(other))}  # another office's paper


def test_who_commissioned_a_report_is_not_its_author() -> None:
    text = ("Homes on an estate are cracking because the developer dug the foundations too shallow, "
            "according to a structural engineer's report commissioned by residents.\n\nThe 41-page report, "
            "by the Sheffield consultancy Tolland Structural, found the trenches were half as deep as "
            "approved.\n")
    assert [who for who, _mode, _quote in said(run(text))] == ["Tolland Structural"] * 2


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to researchers funded by the Gates Foundation, the vaccine works.", "researchers"),
    ("According to an audit commissioned by Ghana Water Ltd and carried out by KPMG, a third of the water "
     "was lost.", "KPMG"),
])
def test_who_paid_for_someones_work_is_neither_the_researcher_nor_the_author(text: str, speaker: str) -> None:
    assert [who for who, _mode, _quote in said(run(text))] == [speaker]


def test_a_review_commissioned_by_one_body_from_another_speaks_for_its_author() -> None:
    text = ("The Train Crews Federation (TCF) accused the operator of overworking drivers. A 56-page "
            "fatigue review commissioned by the TCF from consultancy ShiftSafe Advisory found that drivers "
            "had worked 31,000 hours of overtime.")
    assert said(run(text))[-1][0] == "ShiftSafe Advisory"


def test_an_unnamed_audit_and_its_relative_accusation_speak_for_the_author_named_next() -> None:
    text = ("Nearly half of the helmets the police bought last year failed impact tests, according to an "
            "audit released on Monday that accused the interior ministry of accepting them without any "
            "checks.\n\n"
            "The 40-page report by the National Equipment Inspectorate said 301 of the 650 helmets had "
            "cracked.")
    x = run(text)
    got = spans(x, text)
    claim = "Nearly half of the helmets the police bought last year failed impact tests"
    assert ("National Equipment Inspectorate", claim) in got
    assert ("National Equipment Inspectorate", "the interior ministry of accepting them without any checks") \
        in got


def test_a_paper_filed_by_a_body_speaks_for_it_after_an_unnamed_one() -> None:
    text = ("Fishers have accused a port developer of dredging a protected reef, according to a complaint "
            "filed in a district court this week.\n\n"
            "The complaint, filed by the Coral Coast Fishers Union (CCFU) on behalf of 9 villages, says the "
            "reef is a protected area.\n\n"
            "The complaint also says that fishers were promised 5,000 pesos a month.")
    x = run(text)
    assert ("Coral Coast Fishers Union", "fishers were promised 5,000 pesos a month") in spans(x, text)
    assert "author of the complaint" not in [al for a in x.actors for al in a["aliases"]]


def test_the_report_said_is_the_body_after_its_owners_possessive() -> None:
    text = ("The 30-page report by Dong Thap's Provincial Water Inspectorate (PWI) said the firm removed "
            "1.2 million cubic meters of sand.\n\n"
            "GPS data placed the barges within 40 meters of the bank, the report said.")
    x = run(text)
    assert ("Provincial Water Inspectorate", "GPS data placed the barges within 40 meters of the bank") \
        in spans(x, text)
