"""A story's head as different outlets print it: everything above its dateline, or down to its last byline
or time stamp and the captions under it, is furniture (normalise.py). Texts written for these tests in the
shapes of agency and newspaper pages."""

from __future__ import annotations

import pytest

from claimnet.store.features.extract.normalise import is_furniture_line, working_text
from tests.extraction.extract_helpers import run, speakers

_KYODO_STYLE = (
    "Fishing towns blame dam as river runs dry\n"
    "NIPPON WIRE - Dec 4, 2025 - 17:48 | All, Japan\n"
    "Photo taken Nov. 28, 2025, shows a dry riverbed near an inn in\n"
    "Hita, Oita Prefecture. (Kyodo)\n"
    "  HITA, Japan, Dec. 4 Kyodo - Fishermen on a river in southwestern\n"
    "Japan say a dam that opened last year has drained their river,\n"
    "while the dam's operator says it is not to blame.\n"
    "  The Hita Fishing Cooperative said the flow had fallen by half.\n"
)
_EFE_STYLE = (
    "Peruvian growers accuse exporter of short scales; firm blames\n"
    "wet beans\n"
    "Photograph provided by the growers showing a scale at a buying\n"
    "station in Satipo, Peru. EFE/UGP\n"
    "   Lima, Dec 3 (EFE).- Coffee growers in Peru accused an exporter on\n"
    "Wednesday of using rigged scales, a charge the company called absurd.\n"
)
_GUARDIAN_STYLE = (
    "'Our house is cracking': residents blame builder\n"
    "Engineer's report says foundations were too shallow; builder says cracks are normal\n\n"
    "Jane Roe North of England correspondent\n"
    "Tue 2 Dec 2025 15.42 GMT\n\n"
    "Cracks in the wall of a home on the Hollins estate.\n"
    "Photograph: Tom Field/The Guardian\n\n"
    "Homes on a new estate in Yorkshire are cracking because the developer dug their foundations too "
    "shallow, according to an engineer's report commissioned by residents.\n"
)
_WEB_STYLE = (
    "Nigerians say mobile data 'disappears' as regulator orders audit\n"
    "Customers say bundles run out days early. The operator blames apps.\n\n"
    "By Ada Obi\n"
    "Published On 3 Dec 2025\n\n"
    "Save articles to read later and create your own reading list.\n\n"
    "Lagos, Nigeria – A consumer group said on Monday it had received 4,800 complaints about the "
    "operator since August.\n\n"
    "The operator said every megabyte was metered accurately and that apps running in the background used "
    "the data.\n"
)
_CNA_STYLE = (
    "Pilots blame understaffed tower for near miss\n\n"
    "Aircraft parked at Penang International Airport.\n"
    "(File photo: CNA/Ali Rahman)\n\n"
    "Siti Aminah\n"
    "04 Dec 2025 06:12PM (Updated: 04 Dec 2025 09:40PM)\n\n"
    "KUALA LUMPUR: Two jets came too close last month because only two controllers were on duty, a "
    "pilots' group said on Thursday.\n"
)


@pytest.mark.parametrize(("text", "first_words"), [
    (_KYODO_STYLE, "Fishermen on a river"),
    (_EFE_STYLE, "Coffee growers in Peru"),
    (_GUARDIAN_STYLE, "Homes on a new estate"),
    (_WEB_STYLE, "A consumer group said"),
    (_CNA_STYLE, "Two jets came too close"),
])
def test_all_above_the_lede_is_the_head_and_no_words_of_the_story(text: str, first_words: str) -> None:
    work = working_text(text)
    assert len(work) == len(text)
    assert work.lstrip().startswith(first_words), work[:200]


@pytest.mark.parametrize("text", [_KYODO_STYLE, _EFE_STYLE, _GUARDIAN_STYLE, _WEB_STYLE, _CNA_STYLE])
def test_no_headline_deck_caption_or_credit_gives_a_statement_or_an_actor(text: str) -> None:
    x = run(text)
    lede = len(text) - len(working_text(text).lstrip())
    assert all(s["span"][0] >= lede for s in x.statements)
    assert not {"Kyodo", "EFE", "CNA", "Guardian", "Published On"} & {a["name"] for a in x.actors}


def test_a_short_lede_above_a_line_that_looks_like_a_byline_keeps_its_words() -> None:
    text = ("The council said on Monday it would close the library.\n\nBy Wednesday, the library had shut, "
            "residents said.\n")
    assert working_text(text) == text


@pytest.mark.parametrize("text", [
    # an op-ed's signature after paragraphs of the story
    "The council must act now, Mayor Ann Lee said on Monday.\n\n\"We will not wait for the ministry,\" she "
    "said.\n\nThe bank said it would lend 3 million cedis.\n\nJohn Smith, Business Editor\n\nReaders "
    "responded in numbers.\n",
    # a live blog's time stamp between entries
    "The minister said the bridge would reopen on Friday.\n\nUpdated 14:10 GMT\n\nKofi Mensah said the "
    "repairs were not finished.\n",
    # a timeline's bare date
    "The river authority said the dam was safe.\n\n4 March 2025\n\nThe authority said the gates opened.\n",
    # a sentence opening with 'Published on' and ending in a colon
    "The ministry said the fire was an accident.\n\nPublished on Monday, the ministry's report lists three "
    "causes:\n\nThe report said the wiring was old.\n",
    # a transcript's label as the third paragraph
    "The finance minister, Kofi Mensah, said on Monday that rates would rise.\n\nHe spoke to the Accra Mail "
    "about the budget.\n\nMAIL: Will rates rise again?\n\nMENSAH: We have no choice.\n",
])
def test_a_story_that_opens_with_its_lede_loses_no_paragraph_to_a_head(text: str) -> None:
    first = text.split("\n")[0]
    assert working_text(text).startswith(first)


@pytest.mark.parametrize("opening", ["Meanwhile, Ghana – which also faces inflation – held its rate",
                                     "In Accra, Ghana – the capital – prices rose"])
def test_a_clause_set_off_by_dashes_after_a_country_is_no_dateline(opening: str) -> None:
    text = f"{opening}, the statistics office said.\n\nAnn Lee said the figures were wrong.\n"
    assert working_text(text) == text


def test_a_wire_contacts_trailer_names_no_actor() -> None:
    text = ("Miner understated spill, regulator says\n\n(Bloomberg) -- Korvik Mining said about 900 litres "
            "of fuel had leaked.\n\nTo contact the reporter on this story:\nSigrid Hallsdottir in Oslo\n"
            "To contact the editors responsible for this story:\nMarta Lind, Jon Berg\n\n"
            "©2025 Bloomberg L.P.\n")
    assert {a["name"] for a in run(text).actors} == {"Korvik Mining"}


@pytest.mark.parametrize("line", [
    "This report by The Canadian Press was first published Nov. 3, 2025.",
    "(END)",
    "Nile Daily, Tuesday 3 Nov 2025",
    "— With files from The Associated Press",
    "Nov 3, 2025 | 09:15 GMT",
])
def test_more_house_styles_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


def test_a_dateline_with_a_double_hyphen_opens_the_story() -> None:
    text = ("Ministry fines builder\n\n"
            "SEOUL, Nov. 3 (Yonhap) -- The builder lied about its steel, the land ministry said.\n")
    x = run(text)
    assert [text[s["span"][0] : s["span"][1]] for s in x.statements] == ["The builder lied about its steel"]


@pytest.mark.parametrize("line", [
    "By Marit de Boer on Tuesday, 4 November 2025 - 09:12",
    "A grain lorry at a depot - Credit: Jan Kuiper / Depositphotos",
    "- License: Depositphotos",
    "Additional reporting: Niamh Walsh",
    "Updated / Tuesday, 4 Nov 2025 09:12",
    "Short link: https://example.org/News/1234.aspx",
])
def test_bylines_credits_and_links_of_more_houses_are_furniture(line: str) -> None:
    assert is_furniture_line(line)


def test_an_outlet_told_is_no_actor() -> None:
    text = "The firm denied any fraud, its chairman Sami Fahmy told Ahram Online."
    assert {a["name"] for a in run(text).actors} == {"Sami Fahmy"}


@pytest.mark.parametrize("line", ["Listen", "00:00 / 03:41", "14/01/2026",
                                  "Illustrative photo: Jana Novak, Czech Radio"])
def test_an_audio_players_lines_a_numeric_date_and_a_kind_of_photo_are_furniture(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", ["14.01.2026 • 18:20", "[Ekathimerini]"])
def test_a_dotted_date_with_its_time_and_a_bracketed_credit_are_furniture(line: str) -> None:
    assert is_furniture_line(line)


def test_a_time_stamp_with_an_ordinal_day_over_the_headline_is_furniture() -> None:
    """'Monday, February 16th 2026 - 09:12 UTC' over the headline: the stamp is no headline, and the
    headline under it is no statement."""
    text = ("Monday, February 16th 2026 - 09:12 UTC\n\nUruguay: dredger dumped sludge in fishing grounds, "
            "watchdog says\n\nA dredging contractor dumped sludge inside fishing grounds, the Coastal Waters "
            "Unit said on Friday.\n")
    assert speakers(text) == ["Coastal Waters Unit"]
