"""Actor matches across sources in the review queue (R): said with why, accepted with y (the spelling
becomes an alias), split with x (a new actor takes the records back), undone with u."""

from __future__ import annotations

import claimnet.store as store_pkg
from claimnet.tui.widgets.detail_view import DetailView
from tests.across.test_claims_across import FIRST, SECOND, _import

from .conftest import notices, reopen, settle, wait_for
from .review_pilot import go_to, open_review, queue_ids

EMPTY = {"format": "claimnet-network", "version": 2}


def _two_reports(tmp_path) -> tuple[str, str]:
    path = str(tmp_path / "across.json")
    with store_pkg.open_store(path, network=EMPTY) as fresh:
        _import(fresh, FIRST, "Wire one", "2025-03-03")
        second = _import(fresh, SECOND, "Radio two", "2025-03-04").source_id
    return path, second


async def _open_second(pilot, second: str):
    review = await open_review(pilot)
    if review.source_id != second:
        await pilot.press("shift+tab", "k" if review.sources_list.rows[0].id == second else "j", "enter")
        await settle(pilot)
    assert review.source_id == second
    return review


async def test_a_match_is_accepted_then_undone_then_split(make_app, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    path, second = _two_reports(tmp_path)
    app = make_app(path, poll=60)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await _open_second(pilot, second)
        (match,) = queue_ids(review, "match")
        row = next(r for r in review.queue_list.rows if r.id == match)
        assert row.text == "“Oksana Hritsenko” is Oksana Hrytsenko"
        await go_to(pilot, review, match)
        detail = review.query_one(DetailView).text
        assert "matched across sources" in detail and "spelling" in detail
        await pilot.press("y")
        await settle(pilot)
        await wait_for(pilot, lambda: match not in queue_ids(review))
        fresh = reopen(path)
        assert "Oksana Hritsenko" in fresh.resolve("Oksana Hrytsenko").aliases
        fresh.close()
        await pilot.press("u")
        await settle(pilot)
        await wait_for(pilot, lambda: match in queue_ids(review))
        assert "Undid" in notices(app)
        await go_to(pilot, review, match)
        await pilot.press("x")
        await settle(pilot)
        await wait_for(pilot, lambda: match not in queue_ids(review))
    fresh = reopen(path)
    names = [a.name for a in fresh.all("actors")]
    assert "Oksana Hritsenko" in names and "Oksana Hritsenko" not in fresh.resolve("Oksana Hrytsenko").aliases
    fresh.close()
