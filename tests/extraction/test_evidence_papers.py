"""Papers a reader can open: the one a statement was made in, one the outlet says it has seen, records
that show something, a post on a platform, an analysis a party owns (blind-26 to blind-28's shapes; the
sentences are written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import evidence_found


@pytest.mark.parametrize(("sentence", "found"), [
    # a letter or filing a statement was made in is a paper of record; an email is not
    ("Dana Kiel said in a letter to the league that the track was 300 metres short.",
     ["a letter to the league", "300 metres"]),
    ("Norvik said in a stock exchange filing on Nov. 3 that about 2,100 trout had escaped.",
     ["a stock exchange filing", "about 2,100 trout"]),
    ("The mayor wrote in an email to the Gazette that the road would reopen.", []),
    # a paper the outlet has seen, whatever its noun, and one seen by it written right after it
    ("The rota, which the Courier has seen, lists two nurses for 40 beds.", ["The rota", "40 beds"]),
    ("A letter seen by Reuters says the plant is closing.", ["A letter seen by Reuters"]),
    ("The plant's safety inspectorate, seen by Reuters, has closed the line.", []),
])
def test_papers_a_statement_was_made_in_or_the_outlet_has_seen(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found


def test_an_analysis_a_party_owns_is_a_paper_to_check() -> None:
    assert evidence_found("The firm said its own analysis of retained samples had found no seed oil.") \
        == ["its own analysis of retained samples"]


@pytest.mark.parametrize(("sentence", "found"), [
    ("Council records show residents made 1,204 calls.", ["Council records", "1,204 calls"]),
    ("In a Facebook post, the association accused the mill of lying.", ["a Facebook post"]),
    ("The club said in a post on its Telegram channel that the race was short.",
     ["a post on its Telegram channel"]),
    ("The minister said in a post on social media that he would resign.", []),
])
def test_records_that_show_and_posts_on_platforms(sentence: str, found: list[str]) -> None:
    assert evidence_found(sentence) == found
