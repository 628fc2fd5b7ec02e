"""Driving the review queue in Pilot tests: open it, move to a proposal, read what the file holds."""

from __future__ import annotations

from pathlib import Path

from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import read_article
from claimnet.tui.review_edges import source_proposals
from claimnet.tui.screens.review_screen import ReviewScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import reopen, settle, started, wait_for


async def open_review(pilot) -> ReviewScreen:
    """From the main screen, press R and wait until the queue and the first proposal are shown."""
    await started(pilot)
    await pilot.press("R")
    await settle(pilot)
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    await wait_for(pilot, lambda: review.query_one(DetailView).record_id == review.queue_list.highlighted_id)
    return review


def statuses(path: str, ids: list[str]) -> list[str]:
    """The statuses of records as a fresh session reads them from the file."""
    fresh = reopen(path)
    try:
        return [fresh.get(record_id).status for record_id in ids]
    finally:
        fresh.close()


def queue_ids(review: ReviewScreen, kind: str | None = None) -> list[str]:
    """The ids in the queue, or those of one kind of proposal."""
    return [row.id for row in review.queue_list.rows if kind is None or row.kind == kind]


def proposed_ids(path: str, source_id: str) -> list[str]:
    """What the import of a source proposed and nobody decided yet, as a fresh session reads it."""
    fresh = reopen(path)
    try:
        return [r.id for r in source_proposals(fresh, source_id) if r.status == "proposed"]
    finally:
        fresh.close()


async def go_to(pilot, review: ReviewScreen, record_id: str) -> None:
    """Put the queue's cursor on a proposal and wait for its detail."""
    review.queue_list.cursor = queue_ids(review).index(record_id)
    await wait_for(pilot, lambda: review.query_one(DetailView).record_id == record_id)


def import_second_article(path: str, folder: Path) -> str:
    """Import a short second article (a ministry denying a report) into the store; its source id."""
    article = folder / "second.txt"
    article.write_text("Ministry rejects report on grain exports\n\nThe Agriculture Ministry on Tuesday "
                       "denied a report that it had exported 40,000 tonnes of grain to North Korea. "
                       "\"These claims are false,\" spokesman Lee Jun said.\n", encoding="utf-8")
    fresh = reopen(path)
    try:
        return import_article(fresh, read_article(str(article))).source_id
    finally:
        fresh.close()
