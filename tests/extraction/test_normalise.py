"""Stage 1 (normalise): hard wraps joined, page furniture blanked, offsets kept; wrapped and unwrapped
copies of one article give the same statements."""

from __future__ import annotations

import pytest

from claimnet.store.features.extract import extract
from claimnet.store.features.extract.normalise import furniture, is_furniture_line, working_text
from claimnet.store.features.extract.story_heads import dateline_agency
from tests.extraction.rewrap import wrap_article
from tests.extraction.score import corpus_articles, seed_article

WRAPPED = (
    "The ministry said on Tuesday that the shipments had been stopped at\n"
    "the border and that no further licences would be issued until the\n"
    "inquiry was complete.\n"
    "\n"
    "\"We have seen no evidence of any wrongdoing,\" the company said in a\n"
    "statement.\n"
)


def test_working_copy_keeps_every_offset_and_joins_lines() -> None:
    work = working_text(WRAPPED)
    assert len(work) == len(WRAPPED)
    assert "stopped at the border and that no further licences would be issued until the inquiry" in work
    assert "\n\n" in work  # the paragraph break stays
    assert "said in a statement." in work


def test_unwrapped_text_is_left_alone() -> None:
    text = "One paragraph on one line, as a web page gives it.\nThe next paragraph, also whole.\n"
    assert working_text(text) == text


def test_indented_paragraphs_start_new_paragraphs() -> None:
    text = (
        "    The ministry said on Tuesday that the shipments had been stopped\n"
        "at the border and that no licences would be issued.\n"
        "    The company denied it had broken any rule, saying that its\n"
        "exports had all been declared in full to the customs service.\n"
    )
    work = working_text(text)
    assert "stopped at the border" in work and "saying that its exports" in work
    assert "issued.\n    The company" in work


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: A container ship at the port of Rotterdam, May 3, 2024. REUTERS/Piroschka van de Wouw",
        "Read more: Why the port strike matters",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Reporting by Jane Doe in Oslo; Writing by Ana Lima; Editing by Tom Hogue",
        "Additional reporting by Sam Ng",
        "By Maria Olsen and Per Lund",
        "Advertisement",
        "Updated 14:32 GMT",
        "Soldiers patrol the square on Monday. (AP Photo/Ivan Petrov)",
        "Rescuers dig through mud in the valley on Sunday. (Photo: Hari Tamang)",
        "Pharmacists check stock in Quezon City. (Photo by Lia Santos)",
        "A nurse at a clinic in Namur. (Photo by Jean Dupont / AFP)",
        "- «Delays, not danger» -",
        "— Talks stall —",
        "Tue 14 Oct 2025 07.00 BST",
        "October 14, 2025 5:18pm",
        "Monday, 3 March 2025",
        "___",
        "Associated Press writer Lena Ortiz in Lima contributed.",
        "Associated Press writer Lena Ortiz in Lima, Peru, contributed to this report.",
        "Associated Press writer Lena Ortiz contributed from Lima.",
        "Associated Press writers Ana Lima and Tom Roe contributed.",
        "contributed to this report.",
        "READ: Teachers still waiting for laptops promised in 2023",
        "WATCH: The moment the crane fell",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Friday the company had withdrawn its offer, the union said.",
        "Photographs of the debris were shown to reporters, the ministry said.",
        "Reporters were told the shipments had stopped.",
        "The union released a picture (Photo: the broken gate) on Monday, it said.",
        "- The union said the strike would go on until the company paid the arrears in full. -",
        "Published decades ago, the survey was never repeated.",
        "Updated monthly by the ministry, the register lists every licence.",
        "May 2025 was the hottest month on record, the agency said.",
        "14 March 2025 saw the worst floods in a decade.",
        "Reporters Without Borders said journalists had contributed nothing.",
        "Staff writers said the paper was sold.",
        "Readers said the paper was late.",
        "Local journalists believe the government's own officials contributed.",
        "Two journalists whose reporting exposed the scheme also contributed.",
        "Decree 14, 2025",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert not is_furniture_line(line)


@pytest.mark.parametrize("dateline", ["WARSAW, June 12 (Reuters) - ", "ASUNCION, Feb 20, 2026 (AFP) - "])
def test_dateline_prefix_is_blanked_not_the_sentence(dateline: str) -> None:
    text = dateline + "Poland's competition watchdog fined two operators on Thursday."
    (start, end), = furniture(text)
    assert text[start:end] == dateline
    assert working_text(text).lstrip().startswith("Poland's")


def test_furniture_never_becomes_a_statement() -> None:
    text = (
        "By Maria Olsen\n\nOSLO, March 4 (Reuters) - The port authority said on Monday that "
        "3,000 containers were stuck.\n\nFILE PHOTO: Cranes at the port, said to be idle. "
        "REUTERS/Ole Berg\n\nRead more: Strike hits ports, union says\n\n"
        "(Reporting by Maria Olsen; Editing by Tom Hogue)\n"
    )
    got = extract(text, source_id="src-x")
    assert [text[s["span"][0] : s["span"][1]] for s in got.statements] == ["3,000 containers were stuck"]
    assert all(a["name"] not in ("Maria Olsen", "Tom Hogue", "Ole Berg", "Reuters") for a in got.actors)


def _statements(text: str, gold: dict) -> list[tuple]:
    got = extract(text, source_id=gold["sources"][0]["id"])
    names = {a["id"]: a["name"] for a in got.actors}
    return sorted(
        (names.get(s["speaker"], "?"), s["act"], s["mode"], s["text"], " ".join((s["quote"] or "").split()))
        for s in got.statements
    )


ARTICLES = [a for a in [seed_article(), *corpus_articles()] if a]


@pytest.mark.parametrize("layout", ["blank", "indent"])
@pytest.mark.parametrize("article", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_hard_wrapped_and_unwrapped_give_the_same_statements(article, layout: str) -> None:
    _name, text, gold = article
    wrapped, wrapped_gold = wrap_article(text, gold, layout=layout)
    assert _statements(wrapped, wrapped_gold) == _statements(text, gold)


def test_a_quote_across_a_line_break_keeps_its_words_with_the_break_as_a_space() -> None:
    got = extract(WRAPPED, source_id="src-x")
    (quoted,) = [s for s in got.statements if s["quote"]]
    s, e = quoted["span"]
    assert " ".join(WRAPPED[s:e].split()) == quoted["quote"] and "\n" not in quoted["quote"]
    assert quoted["text"] == "We have seen no evidence of any wrongdoing"


def test_a_claim_told_in_the_lede_and_again_in_the_body_is_one_statement_with_both_tellings() -> None:
    text = (
        "GENEVA (Reuters) - The World Health Organization said on Monday that cholera cases in the "
        "region had doubled since March and that vaccine stocks were running low.\n\n"
        "Aid groups welcomed the appeal.\n\n"
        "\"Cholera cases in the region have doubled since March,\" the WHO said in a statement.\n"
    )
    got = extract(text, source_id="src-x")
    doubled = [s for s in got.statements if "doubled" in s["text"].lower()]
    assert len(doubled) == 1
    (one,) = doubled
    assert len(one["spans"]) == 2 and one["spans"][0] == list(one["span"])
    assert one["quote"] == "Cholera cases in the region have doubled since March"


def test_escape_sequences_are_never_words_or_evidence() -> None:
    text = "The minister said \x1b[31mthe report was false\x1b[0m and everyone knows it.\x07\n"
    work = working_text(text)
    assert len(work) == len(text) and "\x1b" not in work and "\x07" not in work
    got = extract(text, source_id="src-x")
    assert got.evidence == []


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Headline\n\nWARSAW, June 12 (Reuters) - Poland fined two firms, the regulator said.", "Reuters"),
        ("GENEVA (AP) — The WHO said cases rose.", "AP"),
        ("By Ana Lind\n\nMaputo (AFP) – The ministry said the toll was 17.", "AFP"),
        ("The WHO said cases rose (as expected) - a lot.", None),
    ],
)
def test_the_datelines_agency_is_the_outlet_when_none_is_given(text: str, agency: str | None) -> None:
    assert dateline_agency(text) == agency


def test_a_byline_between_headline_and_caption_stands_on_its_own_line() -> None:
    text = ("Parents, city at odds over air readings near schools\nTomas Reyes-Hart, Environment Reporter\n"
            "Photo: A sensor fixed to the fence at Kingsway Public School.\n"
            "   A parents' group says air monitors it installed outside two schools have recorded high\n"
            "readings.\n")
    work = working_text(text)
    assert "Reyes-Hart" not in work and "Parents, city" not in work
    assert work.index("A parents' group") == text.index("A parents' group")


@pytest.mark.parametrize(("text", "caption", "prose"), [
    # a caption after a finished sentence is furniture, not part of the paragraph
    ("    The report found that portions were up to a third below the weights set in its contract.\n"
     "Lunch queue at a Harrowden primary. Photo: Carys Bellamy/Courier\n"
     "    “We found no evidence that the meals were delivered,” the report said.\n",
     ("Lunch queue", "Carys Bellamy"), "portions were up to a third"),
    # a caption wrapped over two lines is furniture whole, not only its credited last line
    ("The B sample confirmed the result.\n\n"
     "Julian Pardo on the climb to Alto de Letras during the Ruta de los Andes\n"
     "in March. Photo: Hector Ruiz/Andes Press\n\n"
     "Pardo's lawyer said the seal number did not match.",
     ("Alto de Letras", "Hector"), "Pardo's lawyer said"),
])
def test_a_credited_caption_is_furniture_whole(text: str, caption: tuple[str, str], prose: str) -> None:
    work = working_text(text)
    assert not [words for words in caption if words in work]
    assert prose in work and len(work) == len(text)


@pytest.mark.parametrize("header", ["RELATED COVERAGE", "Related stories", "Read more", "More from Reuters"])
def test_a_block_of_linked_headlines_under_a_header_is_furniture(header: str) -> None:
    text = ("Kelso Mining said it would appeal the fine.\n\n"
            f"{header}\nTagus fishermen demand compensation after spill\nKelso shares slide on fine\n\n"
            "Local fishermen said they had lost their income for months.")
    x = extract(text, source_id="s")
    assert [text[s["span"][0] : s["span"][1]] for s in x.statements] == [
        "it would appeal the fine", "they had lost their income for months"]


def test_a_time_ago_is_no_evidence_and_at_least_is_no_audience() -> None:
    text = "Updated 2 hours ago\n\nThe association said at least 300 boats had stayed in port."
    x = extract(text, source_id="s")
    assert [text[e["span"][0] : e["span"][1]] for e in x.evidence] == ["at least 300 boats"]
    assert [s["text"] for s in x.statements] == ["At least 300 boats had stayed in port"]


def test_a_wrapped_line_of_prose_opening_more_from_is_no_furniture() -> None:
    text = ("Residents of Kelso said they had expected to hear\nmore from the council about the works\n"
            "before the road was closed in March, and that\nnobody had written to them at all about it.")
    x = extract(text, source_id="s")
    assert x.statements[0]["text"].startswith("They had expected to hear more from the council")


def test_a_trailer_under_a_rule_is_no_part_of_the_last_paragraph() -> None:
    text = ("   The utility said its supervisors had followed the published\n"
            "schedule.\n"
            "   The commission said it had asked the utility for its pump logs\n"
            "and would publish its findings in September.\n"
            "___\n"
            "Associated Press writer Lena Ortiz in Mexico City contributed.\n")
    got = extract(text, source_id="src-test")
    assert not [a for a in got.actors if "Ortiz" in a["name"]], got.actors
    assert all("Ortiz" not in s["text"] and "___" not in s["text"] for s in got.statements)


def test_a_related_link_between_wrapped_paragraphs_takes_no_line_after_it() -> None:
    text = ("Dudhwala's chief executive, Rohan Kale, denied that any rate had been\n"
            "cut. \"The rate card has not changed,\" he said, adding that the company\n"
            "had told farmers about the fee in June and would review it.\n"
            "READ: Monsoon losses push more farmers to sell cattle\n"
            "The Dairy Development Board said in a report that collection fees had\n"
            "risen in 11 of 14 villages, and that farmers had not been told.\n")
    got = extract(text, source_id="src-test")
    assert any(s["text"].startswith("Collection fees had risen") for s in got.statements), got.statements
    assert "Monsoon" not in working_text(text) and not [s for s in got.statements if "READ" in s["text"]]


def test_a_pull_quote_repeating_words_quoted_in_the_story_is_furniture() -> None:
    text = ("NAIROBI (Reuters) - The union accused the supplier of cutting portions.\n\n\"Children are going "
            "hungry,\" said Mary Wanjiru, a union official.\n\n\"Children are going hungry\"\n\nThe supplier "
            "denied the claim.\n")
    pulled = text.index("\"Children are going hungry\"\n")
    assert working_text(text)[pulled : pulled + 27].strip() == ""
    credited = text.replace("\"Children are going hungry\"\n", "«Children are going hungry» — Mary Wanjiru\n")
    assert working_text(credited)[pulled : pulled + 43].strip() == ""  # credited after a dash
    alone = "\"Children are going hungry,\" she said.\n\n\"Nobody listens to us.\"\n"
    assert working_text(alone) == alone  # a quotation said once is the story's


def test_a_quotation_alone_in_its_paragraph_that_a_speech_introduces_is_never_a_pull_quote() -> None:
    text = ("Protesters chanted \"Lock him up\" for an hour.\n\nErik Lind, who led them, said:\n\n"
            "\"Lock him up.\"\n")
    assert working_text(text) == text
    twice = ("Mary Wanjiru said:\n\n\"Children are going hungry.\"\n\nThe supplier denied it.\n\n"
             "\"Children are going hungry\"\n")
    kept = working_text(twice)
    assert kept.startswith(twice[: twice.index("The supplier")])  # her words, which the speech introduces
    assert kept.rstrip().endswith("denied it.")  # and the copy set off after them: a pull quote


def test_a_name_and_a_bracket_before_a_dash_is_no_dateline() -> None:
    text = "Peter Jones (aged 42) - fined for speeding - said he would appeal.\n"
    assert working_text(text) == text


def test_a_first_line_opening_with_a_dateline_is_the_ledes_however_it_ends() -> None:
    text = ("OSLO (Reuters) - Erik Lind, chief executive of Mwale Mines Plc, took questions\nfrom Reuters on "
            "Tuesday after the audit was published.\n\nQ: Will you pay?\n\nA: We will pay.\n")
    work = working_text(text)
    assert "Erik Lind, chief executive" in work
    assert "OSLO (Reuters)" not in work
