"""The floors cross-article matching must hold on the gold stories (``python -m tests.across.score``)."""

from __future__ import annotations

from tests.across import score


def test_matching_holds_its_floors_on_the_gold_stories():
    figures = score.run().figures()
    assert figures["same_precision"] >= 0.90, figures
    assert figures["same_recall"] >= 0.80, figures
    assert figures["actor_precision"] >= 0.97, figures
    assert figures["actor_recall"] >= 0.80, figures


def test_the_gold_set_has_six_stories_each_told_two_to_four_ways():
    stories = score.stories()
    assert len(stories) >= 6
    assert all(2 <= len(gold["order"]) <= 4 for _name, _path, gold in stories)
    assert any("\n" in (path / f).read_text().split("\n\n")[1].strip()
               for _n, path, gold in stories for f in gold["order"])  # one is hard-wrapped
