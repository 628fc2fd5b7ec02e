"""The review queue per source: each import its own queue and counts, moving between sources."""

from __future__ import annotations

from claimnet.tui.forms import PickRecordScreen
from claimnet.tui.review_views import speaker_of
from claimnet.tui.screens.review_screen import ReviewScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import reopen, screen_text, settle
from .review_pilot import import_second_article, open_review, proposed_ids, queue_ids, statuses


async def test_each_source_has_its_counts_and_its_own_queue(make_app, imported, tmp_path) -> None:
    path, seed_id = imported
    second_id = import_second_article(path, tmp_path)
    seed_count, second = len(proposed_ids(path, seed_id)), sorted(proposed_ids(path, second_id))
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        assert [row.id for row in review.sources_list.rows] == [second_id, seed_id]  # newest first
        assert review.source_id == seed_id  # the source of the proposal focused in the main panes
        await pilot.press("shift+tab", "k", "enter")  # to the sources, up to the second, back to its queue
        await settle(pilot)
        assert review.source_id == second_id and sorted(queue_ids(review)) == second
        await pilot.press("shift+tab", "j", "enter")  # and down to the seed again
        await settle(pilot)
        assert review.source_id == seed_id and review.queue_list.has_focus
        assert len(review.queue_list.rows) == seed_count
        statements = queue_ids(review, "statement")
        middle = statements[len(statements) // 2]
        # R on a proposal in the main panes starts the queue at that proposal
        await pilot.press("escape")
        await settle(pilot)
        app.screen.show_record(middle)
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.source_id == seed_id
        assert review.queue_list.highlighted_id == middle
        fresh = reopen(path)
        its_links = [ln.id for ln in fresh.links_of(middle) if ln.status == "proposed"]
        fresh.close()
        await pilot.press("x")
        await settle(pilot)
        gone = 1 + len(its_links)  # rejecting a statement rejects the links proposed on it
        assert statuses(path, [middle, *its_links]) == ["rejected"] * gone
        counts = {row.id: (row.proposed, row.accepted, row.rejected) for row in review.sources_list.rows}
        assert counts == {seed_id: (seed_count - gone, 0, gone), second_id: (len(second), 0, 0)}
        assert f"Queue · {seed_count - gone} proposed · 0 accepted · {gone} rejected" in screen_text(app)


async def test_tab_reaches_the_sources_and_the_merge_picker_leaves_out_the_actor_merged(
        make_app, imported) -> None:
    path, _source = imported
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("tab")
        assert review.sources_list.has_focus  # one key, as the summary's hint says
        await pilot.press("tab")
        assert review.queue_list.has_focus
        await pilot.press("D")
        assert review.query_one(DetailView).has_focus
        await pilot.press("escape")  # from the detail back to the queue, not out of the review
        assert app.screen is review and review.queue_list.has_focus
        speaker = speaker_of(app.store.get(review.queue_list.highlighted_id))
        await pilot.press("m")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickRecordScreen)
        results = picker.query_one("#search-results")
        offered = {results.get_option_at_index(i).id for i in range(results.option_count)}
        assert offered and speaker not in offered


async def test_a_decision_said_under_one_source_is_gone_when_another_is_chosen(
        make_app, imported, tmp_path) -> None:
    path, seed_id = imported
    import_second_article(path, tmp_path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await pilot.press("A", "y")
        await settle(pilot)
        detail = review.query_one(DetailView)
        assert "Accepted" in str(detail.border_subtitle)
        decided = review.source_id
        await pilot.press("tab", "k" if decided == seed_id else "j")
        await settle(pilot)
        assert review.source_id != decided and not detail.border_subtitle
