"""The review queue (R): an imported article's proposals accepted, rejected, edited, re-attributed
and merged with single keys; every decision checked on screen and in the store file."""

from __future__ import annotations

import threading

from textual.widgets import Select

from claimnet.store import model
from claimnet.tui.forms import PickRecordScreen, RecordFormScreen
from claimnet.tui.forms.record_search import RecordSearch
from claimnet.tui.screens.confirm_screen import ConfirmScreen
from claimnet.tui.screens.main_screen import MainScreen
from claimnet.tui.widgets.detail_view import DetailView

from .conftest import notices, reopen, screen_text, settle, wait_for
from .review_pilot import go_to, open_review, proposed_ids, queue_ids, statuses
from .review_store import imported_store

CLICK, BOLD, BROKEN = "[@click=app.quit]x[/]", "[b]Yo[/b]", "a[/b"


async def test_queue_shows_proposals_in_text_order_with_their_sentence_and_counts(make_app, imported) -> None:
    path, source_id = imported
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        ids = queue_ids(review)
        assert sorted(ids) == sorted(proposed_ids(path, source_id)) and len(ids) > 10
        assert {"actor", "statement", "evidence", "link"} <= {row.kind for row in review.queue_list.rows}
        rows = review.queue_list.rows
        first_actor = next(k for k, row in enumerate(rows) if row.kind == "actor")
        fresh_store = reopen(path)
        actor = fresh_store.get(rows[first_actor].id)
        own = {s.id for s in fresh_store.statements_by(actor.id) + fresh_store.statements_about(actor.id)}
        fresh_store.close()
        # each actor stands where it first takes part: before the first statement naming it
        assert any(row.id in own for row in rows[first_actor + 1 :])
        assert not any(row.id in own for row in rows[:first_actor])
        text = screen_text(app)
        assert f"Queue · {len(ids)} proposed · 0 accepted · 0 rejected" in text
        assert f"/{len(ids)} · " in text  # "Proposal k/N · kind id" over the detail
        fresh = reopen(path)
        first = fresh.get(queue_ids(review, "statement")[0])
        await go_to(pilot, review, first.id)
        source = fresh.get(source_id)
        detail = review.query_one(DetailView).text
        assert " ".join(source.text[first.span[0]:first.span[1]].split()) in " ".join(detail.split())
        assert isinstance(first, model.Statement)
        speaker = fresh.get(first.speaker)
        assert f"Speaker  {speaker.name}" in detail and "new actor" in detail  # the import made it
        assert first.act in detail and f"{first.confidence:.2f}"[1:] in detail
        link = fresh.get(queue_ids(review, "link")[0])
        await go_to(pilot, review, link.id)
        detail = review.query_one(DetailView).text
        assert "A link proposed by the import" in detail
        assert f"Rests on {link.note}" in " ".join(detail.split())
        actor = fresh.get(queue_ids(review, "actor")[0])
        await go_to(pilot, review, actor.id)
        assert f"Name     {actor.name}" in review.query_one(DetailView).text
        # another session's decision shows up here within a poll
        fresh.update(ids[-1], status="rejected")
        fresh.close()
        await wait_for(pilot, lambda: len(review.queue_list.rows) == len(ids) - 1)
        await settle(pilot)
        assert f"Queue · {len(ids) - 1} proposed · 0 accepted · 1 rejected" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_accept_and_reject_move_on_and_undo_brings_back_but_stops_at_the_import(
        make_app, imported, monkeypatch) -> None:
    path, _source = imported
    app = make_app(path, poll=60)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        count = len(review.queue_list.rows)
        # two actors in a row: accept the first, drop the second (each is one decision)
        ids = queue_ids(review)
        k = next(i for i in range(len(ids) - 2) if all(model.kind_of_id(r) == "actor" for r in ids[i:i + 3]))
        first, second, third = ids[k:k + 3]
        await go_to(pilot, review, first)
        saving = app.store.apply_prepared

        disk_answers = threading.Event()

        def slow_apply(*args, **kwargs):  # a slow disk: the decision is on its way until released
            disk_answers.wait(10)
            return saving(*args, **kwargs)

        monkeypatch.setattr(app.store, "apply_prepared", slow_apply)
        await pilot.press("y")
        await pilot.pause(0.05)
        # not claimed yet: the row is marked pending, the counts and the file are unchanged,
        # and the cursor has already moved on so the next key decides the next proposal
        assert review.queue_list.rows[k].id == first and review.queue_list.rows[k].pending == "accept"
        assert review.queue_list.highlighted_id == second
        assert f"Queue · {count} proposed · 0 accepted" in screen_text(app)
        assert statuses(path, [first]) == ["proposed"]
        disk_answers.set()
        await pilot.press("x")
        await settle(pilot)
        assert review.queue_list.highlighted_id == third
        fresh = reopen(path)
        assert fresh.find(second) is None  # dropped with its proposals
        fresh.close()
        left = len(proposed_ids(path, _source))
        assert f"Queue · {left} proposed · 1 accepted" in screen_text(app)
        assert statuses(path, [first, third]) == ["accepted", "proposed"]
        await pilot.press("u")
        await settle(pilot)
        assert f"Undid: reject actor {second}" in notices(app)
        assert review.queue_list.highlighted_id == second  # the undone proposal is back under the cursor
        assert f"Queue · {count - 1} proposed · 1 accepted · 0 rejected" in screen_text(app)
        assert statuses(path, [first, second]) == ["accepted", "proposed"]
        await pilot.press("u", "u")
        await settle(pilot)
        assert "Undo stops at the import" in notices(app)
        assert statuses(path, [first]) == ["proposed"] and len(review.queue_list.rows) == count


async def test_edit_changes_the_act_through_the_form(make_app, imported) -> None:
    path, _source = imported
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await go_to(pilot, review, queue_ids(review, "statement")[0])
        k = review.queue_list.cursor
        row = review.queue_list.rows[k]
        before = row.label
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen)
        await pilot.press("tab", "tab")  # speaker → text → act
        assert app.screen.focused is app.screen.query_one("#field-act", Select)
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await settle(pilot)
        assert app.screen is review
        after = model.ACTS[model.ACTS.index(before) + 1]
        assert f"Saved “{row.text[:20]}" in notices(app) and row.id not in notices(app)
        assert review.queue_list.rows[k].id == row.id and review.queue_list.rows[k].label == after
        assert f"Act      {after} · " in review.query_one(DetailView).text
    fresh = reopen(path)
    assert (fresh.get(row.id).act, fresh.get(row.id).status) == (after, "proposed")
    fresh.close()


async def test_change_speaker_then_merge_the_actor_into_an_existing_one(make_app, imported) -> None:
    path, _source = imported
    app = make_app(path, poll=60)  # no polling: the main panes must be reloaded on return
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        actors = {a.name: a.id for a in app.store.all("actors")}
        target, kirby = actors["North Korea"], actors["John Kirby"]
        first = queue_ids(review, "statement")[0]
        await go_to(pilot, review, first)

        def shown() -> str:
            return next(row.who for row in review.queue_list.rows if row.id == first)

        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PickRecordScreen)
        await pilot.press(*"Kirby")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "is now John Kirby." in notices(app) and first not in notices(app)
        assert shown() == "John Kirby"
        fresh = reopen(path)
        assert fresh.get(first).speaker == kirby
        kirby_said = [s.id for s in fresh.statements_by(kirby)]
        fresh.close()
        # merge John Kirby (now the first proposal's speaker) into North Korea
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PickRecordScreen) and "Merge “John Kirby”" in screen_text(app)
        await pilot.press(*"North Korea")
        await settle(pilot)
        assert app.screen.query_one(RecordSearch).highlighted_id == target
        await pilot.press("enter")
        await settle(pilot)
        assert "Merged “John Kirby” into North Korea; every reference moved." in notices(app)
        assert shown() == "North Korea"
        fresh = reopen(path)
        assert fresh.find(kirby) is None and "John Kirby" in fresh.get(target).aliases
        assert {s.speaker for s in (fresh.get(rid) for rid in kirby_said)} == {target}
        fresh.close()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert f"Actors {len(actors) - 1}" in screen_text(app)  # the main panes were reloaded
        assert "another session" not in notices(app)


async def test_accept_all_asks_first_and_is_one_undoable_change(make_app, imported) -> None:
    path, source_id = imported
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        ids = queue_ids(review)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Accept all {len(ids)} remaining proposals" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is review and set(statuses(path, ids)) == {"proposed"}
        await pilot.press("A", "y")
        await settle(pilot)
        assert review.queue_list.rows == []
        assert "Nothing left to review in" in review.query_one(DetailView).text
        assert f"Queue · 0 proposed · {len(ids)} accepted · 0 rejected" in screen_text(app)
        assert set(statuses(path, ids)) == {"accepted"}
        await pilot.press("u")
        await settle(pilot)
        assert f"Undid: accept all {len(ids)} proposals" in notices(app)
        assert set(statuses(path, ids)) == {"proposed"} and len(review.queue_list.rows) == len(ids)


async def test_markup_like_text_in_proposals_shows_literally_and_failures_are_shown(
        make_app, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMNET_ANALYST", "tester")
    path, source_id = imported_store(tmp_path, title=f"North Korea {BROKEN} [b]denies[/b]")
    other = reopen(path)
    first = sorted((r for r in other.records_from_source(source_id) if isinstance(r, model.Statement)),
                   key=lambda r: r.span[0])[0]
    other.update(first.id, text=f"Text {CLICK}", cue="x[i]")
    other.update(first.speaker, name=f"Kim {BOLD} Jong \x1b[31m")
    other.close()
    app = make_app(path, poll=60)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        await go_to(pilot, review, first.id)
        text = screen_text(app)
        assert f"North Korea {BROKEN}" in text and f"Kim {BOLD} Jong ␛[31m" in text and "\x1b" not in text
        detail = review.query_one(DetailView).text
        assert f"Text     Text {CLICK}" in detail and "cue “x[i]”" in detail
        await pilot.press("m")
        await settle(pilot)
        assert f"Merge “Kim {BOLD} Jong ␛[31m”" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # another session deletes the proposal: accepting it is refused and said so
        other = reopen(path)
        other.delete(first.id, cascade=True)
        other.close()
        await pilot.press("enter")  # enter accepts, like y
        await settle(pilot)
        assert "Not saved: There is no record with id" in notices(app)
        assert review.query_one(DetailView).border_subtitle is None
        assert app.is_running and app.screen is review


async def test_undo_remapped_in_the_key_file_also_undoes_in_the_review_queue(
        make_app, imported, tmp_path) -> None:
    path, _source = imported
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nundo = "z"\n')
    app = make_app(path, keys=str(keys))
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        first = queue_ids(review)[0]
        await go_to(pilot, review, first)
        await pilot.press("y")
        await settle(pilot)
        assert statuses(path, [first]) == ["accepted"]
        await pilot.press("u")  # no longer bound
        await settle(pilot)
        assert statuses(path, [first]) == ["accepted"]
        await pilot.press("z")
        await settle(pilot)
        assert statuses(path, [first]) == ["proposed"]
        assert "z Undo" in screen_text(app)


async def test_a_proposed_link_is_edited_in_the_usual_form(make_app, imported) -> None:
    path, _source = imported
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        link = queue_ids(review, "link")[0]
        await go_to(pilot, review, link)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RecordFormScreen) and app.screen.record_id == link
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is review


async def test_a_read_only_store_refuses_each_decision_with_a_sentence(
        make_app, imported, monkeypatch) -> None:
    """On a store that cannot be written, y says why nothing was saved and the proposal stays."""
    import os
    import stat

    from claimnet.store.engine import lock

    path, _source = imported

    def access(target, mode):  # as for an unprivileged user: the mode bits decide
        return not mode & os.W_OK or bool(os.stat(target).st_mode & stat.S_IWUSR)

    monkeypatch.setattr(lock.os, "access", access)
    app = make_app(path, poll=60)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(pilot)
        first = queue_ids(review, "statement")[0]
        await go_to(pilot, review, first)
        os.chmod(path, 0o400)
        try:
            await pilot.press("y")
            await settle(pilot)
            assert "read-only" in notices(app)
            assert first in queue_ids(review)
        finally:
            os.chmod(path, 0o600)
    assert statuses(path, [first]) == ["proposed"]
