"""`t` shows the focused statement's reports or actor's statements in date order; the detail lists the
other sources reporting the same claim."""

from __future__ import annotations

from textual.widgets import OptionList

from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import Article
from claimnet.tui.screens.timeline_screen import TimelineScreen
from claimnet.tui.widgets.detail_view import DetailView
from tests.across.test_claims_across import FIRST, SECOND

from .conftest import reopen, settle, started_on, wait_for


def _two_reports(path: str) -> tuple[str, str]:
    """Import two reports of one story; the ids of the first's quote and of the second's."""
    st = reopen(path)
    import_article(st, Article(FIRST, title="Wire one", outlet="Wire", published="2025-03-03"))
    second = import_article(st, Article(SECOND, title="Radio two", outlet="Radio", published="2025-03-04"))
    link = next(lk for lk in st.all("links") if lk.type == "restates" and lk.note == "the same words quoted")
    assert st.get(link.from_).source == second.source_id
    st.close()
    return link.to, link.from_


async def test_t_shows_the_claims_reports_in_date_order_and_enter_jumps(make_app, store_path) -> None:
    first, second = _two_reports(store_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started_on(pilot, first)
        await settle(pilot)
        detail = app.screen.query_one(DetailView).text
        assert "Also reported by" in detail and "Radio 2025-03-04" in detail
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen)
                       and app.screen.query_one(OptionList).option_count == 2)
        listing = app.screen.query_one(OptionList)
        assert [listing.get_option_at_index(i).id for i in range(2)] == [first, second]
        assert "2025-03-03" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.focused_id == second)


async def test_t_on_an_actor_lists_what_it_said_across_articles(make_app, store_path) -> None:
    _two_reports(store_path)
    st = reopen(store_path)
    actor = st.resolve("Oksana Hrytsenko").id
    said = len(st.statements_by(actor))
    st.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await started_on(pilot, actor)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen)
                       and app.screen.query_one(OptionList).option_count == said)
        assert "sources" in str(app.screen.query_one(OptionList).border_subtitle)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen))
