"""Stage 0: a text of several stories is read a story at a time, by several processes when asked
(pieces.py), each story found by its head (story_heads.story_starts)."""

from __future__ import annotations

import functools
import importlib
import os
import pickle
import time

import pytest

from claimnet.store.features.extract import extract
from claimnet.store.features.extract import pieces as pc
from claimnet.store.features.extract.draft import Extraction
from claimnet.store.features.extract.story_heads import story_starts
from tests.extraction import score as sc

_EXTRACT = importlib.import_module("claimnet.store.features.extract.extract")

#: Three invented stories in three layouts: lines that are whole paragraphs under a byline and a time
#: stamp; hard-wrapped lines under a caption and a dateline, ending in a trailer; indented paragraphs.
UNWRAPPED = (
    "Harbour board denies dredging spoil was dumped at sea\n\n"
    "By Ines Carvalho, Maritime Correspondent\n"
    "Updated 14:32 GMT, 3 May 2025\n\n"
    "The Port of Valmora said on Tuesday that none of the spoil dredged from its outer channel had been "
    "dumped at sea, after fishermen accused its contractor of tipping it beyond the breakwater at night.\n"
    "\"Every barge is tracked and every load is weighed,\" said harbour master Tiago Ramos, adding that "
    "the board would publish its barge logs for March.\n\n"
    "Read more: Fishermen's catches fall for a third year\n"
)
WRAPPED = (
    "Regulator fines rail operator over ticket refunds\n\n"
    "FILE PHOTO: Passengers wait on a platform at Central Station in\n"
    "Lund, Sweden, March 2, 2024. REUTERS/Erik Sand/File Photo\n\n"
    "STOCKHOLM, May 3 (Reuters) - Sweden's transport regulator fined\n"
    "rail operator Nordlinje 4.2 million crowns on Tuesday, saying it had\n"
    "refused refunds to passengers whose trains were more than an hour\n"
    "late.\n\n"
    "Nordlinje said it would appeal, calling the fine \"out of all\n"
    "proportion\" to what it described as a handful of complaints.\n\n"
    "(Reporting by Erik Sand; Editing by Anna Holm)\n"
)
INDENTED = (
    "Mayor says audit clears her office of favouritism\n\n"
    "    BRENNOCK (AP) — The mayor of Brennock said on Friday that an\n"
    "audit of the city's parking contracts had found no favouritism.\n"
    "    Opposition councillors said the audit had looked at only two\n"
    "of the nine contracts and called it \"a whitewash\".\n"
)


def _feed(*stories: str) -> tuple[str, list[int]]:
    """The stories joined by blank lines, and where each begins."""
    text, starts = "", []
    for story in stories:
        text += "\n\n" if text else ""
        starts.append(len(text))
        text += story
    return text, starts


def test_each_story_of_a_feed_begins_at_its_headline() -> None:
    feed, starts = _feed(UNWRAPPED, WRAPPED, INDENTED)
    assert story_starts(feed) == starts[1:]


@pytest.mark.parametrize("sign_off", ["SOURCE: AL JAZEERA", "(PNA)", "Lusa/End", "-- BERNAMA",
                                      "Tags: Cocoa | Western North Region | Farmers",
                                      "Reporter: Ama Boateng, Kofi Mensah"])
def test_a_story_ending_in_an_agencys_sign_off_or_credits_is_cut_from_the_next(sign_off: str) -> None:
    """A sign-off or a credits line is furniture, never a dateline that would join the next story's head to
    the last story ('SOURCE: AL JAZEERA' read as 'DELHI: …' hid the next byline)."""
    last = WRAPPED.replace("(Reporting by Erik Sand; Editing by Anna Holm)", sign_off)
    feed, starts = _feed(last, "Clinic fridges broken for weeks, audit finds\n\nBy Efua Mensah\n\n"
                         "Vaccines were kept in broken fridges at rural clinics, an audit found.\n")
    assert story_starts(feed) == starts[1:]


def test_a_dateline_names_a_town_and_its_two_word_province() -> None:
    """'Kendari, SE Sulawesi (ANTARA) -' opens a story: a story glued to the one before it is read with the
    other's layout, and a hard-wrapped story read with an unwrapped one loses its statements at line ends."""
    second = ("Lab finds chromium in river, nickel firm blames rain\n"
              "Thursday, 19 February 2026 18:07 WIB\n\n"
              "Kendari, SE Sulawesi (ANTARA) - A nickel processor released tailings water into a river, a "
              "government laboratory has concluded.\n")
    feed, starts = _feed(WRAPPED, second)
    assert story_starts(feed) == starts[1:]


def test_no_single_test_article_is_cut_into_stories() -> None:
    articles = sc.corpus_articles() + [a for key in sc.BLIND_SETS if sc.DESIGN in sc.BLIND_SETS[key][1]
                                       for a in sc.blind_set_articles(key)]
    assert len(articles) > 120
    assert [name for name, text, _gold in articles if story_starts(text)] == []
    assert [name for name, text, _gold in articles if len(pc.stories(text.replace("\n", "\r\n"))) > 1] == []


#: Heads of other shapes (invented): a section's name, headline and credit over a stamp with no blank line
#: between; a headline over a standfirst printed as one long line; a date and time in figures as the stamp;
#: a byline that is only a name over 'Published at :'.
BLOCK_HEAD = (
    "Gulf\nContractor has not paid 90 workers for three months\nHarbour News Service\n"
    "Published: 20 Feb 2026, 10:41 AM\n"
    "   Port Rashid: A contractor building a jetty has not paid 90 of its\nworkers since November, the "
    "labour ministry said on Thursday.\n"
)
UNWRAPPED_STANDFIRST = (
    "Tenants say heating was off for a month as landlord blames supplier\n"
    "Residents of a block in Varna say radiators were cold through January. The landlord says a gas "
    "supplier failed to deliver.\n\nBy Elena Petrova\n\n"
    "Tenants of a 40-flat block said on Monday their heating had been off for a month.\n"
)
FIGURES_STAMP = (
    "News\n\nInspectors: sawmill burned waste beside a river\n\nCoast News\n20.02.2026 11:34\n\n"
    "A sawmill burned treated waste beside the Vena river for two weeks, inspectors said on Friday.\n"
)
NAME_BYLINE = (
    "National\n\nProbe finds clinic billed insurers for tests never done\n\n"
    "A committee says a private clinic claimed $1.2 million for 3,100 tests. The clinic rejects the "
    "findings.\n\nAnita Gurung\n\nPublished at : February 20, 2026\n\n"
    "A private clinic billed insurers for thousands of tests it never ran, a committee said.\n"
)


@pytest.mark.parametrize("head", [BLOCK_HEAD, UNWRAPPED_STANDFIRST, FIGURES_STAMP, NAME_BYLINE])
def test_a_story_under_a_head_of_another_shape_begins_a_story(head: str) -> None:
    feed, starts = _feed(WRAPPED, head)
    assert story_starts(feed) == [starts[1]]
    assert story_starts(head) == []


def test_a_mark_inside_a_story_starts_no_new_one() -> None:
    """'published in full' is no time stamp, and a 'READ MORE: …' line in capitals is no dateline."""
    story = WRAPPED.replace("late.\n\n", "late. The regulator's decision was\npublished in full on its "
                            "website.\n\nREAD MORE: Rail strikes called off\n\n")
    assert story_starts(story) == []


def _said(net: Extraction, start: int = 0, end: int | None = None) -> list[tuple[str, list[int], str]]:
    """(text, span moved to the story's start, speaker's name) of each statement between two offsets."""
    names = {a["id"]: a["name"] for a in net.actors}
    return sorted((s["text"], [s["span"][0] - start, s["span"][1] - start], names.get(s["speaker"], "?"))
                  for s in net.statements if start <= s["span"][0] and (end is None or s["span"][1] <= end))


def test_each_story_of_a_feed_gives_what_it_gives_alone() -> None:
    stories = [text for _name, text, _gold in sc.blind_set_articles("blind19")]
    feed, starts = _feed(*stories)
    assert story_starts(feed) == starts[1:]
    net = extract(feed, source_id="src-feed")
    for story, start, end in zip(stories, starts, [*starts[1:], len(feed)], strict=True):
        assert _said(net, start, end) == _said(extract(story, source_id="src-feed"))


def _reader() -> functools.partial:
    return functools.partial(_EXTRACT._read_story, source_id="src-feed", known=pc.KnownActors([]),
                             said_on=None)


def test_worker_processes_read_what_this_process_reads() -> None:
    stories = [text for _name, text, _gold in sc.blind_set_articles("blind18")]
    feed, _starts = _feed(*stories)
    here, there = pc.read_in_pieces(feed, _reader(), workers=1), pc.read_in_pieces(feed, _reader(), workers=2)
    assert _said(here) == _said(there) and len(here.statements) > 40
    assert sorted(a["name"] for a in here.actors) == sorted(a["name"] for a in there.actors)
    assert [len(x) for x in (here.evidence, here.links)] == [len(x) for x in (there.evidence, there.links)]


def _pid(piece: str) -> Extraction:
    """A reader that tells which process read the piece."""
    net = Extraction()
    net.statements.append({"id": f"st-{os.getpid()}-{len(piece)}", "text": str(os.getpid()), "span": [0, 1],
                           "spans": [], "speaker": None, "about": []})
    return net


def test_several_workers_read_in_other_processes_and_one_reads_here() -> None:
    feed, _starts = _feed(UNWRAPPED, WRAPPED, INDENTED, UNWRAPPED)
    there = {s["text"] for s in pc.read_in_pieces(feed, _pid, workers=2).statements}
    assert str(os.getpid()) not in there and len(there) >= 1
    assert {s["text"] for s in pc.read_in_pieces(feed, _pid, workers=1).statements} == {str(os.getpid())}


def test_a_pool_that_cannot_start_leaves_the_reading_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(pc, "ProcessPoolExecutor", refuse)
    feed, _starts = _feed(UNWRAPPED, WRAPPED, INDENTED)
    assert _said(pc.read_in_pieces(feed, _reader(), workers=2)) == _said(pc.read_in_pieces(feed, _reader()))


def test_a_daemonic_process_reads_here_for_it_may_have_no_children(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("daemonic processes are not allowed to have children")

    monkeypatch.setattr(pc, "ProcessPoolExecutor", never)
    monkeypatch.setattr(pc.multiprocessing.current_process(), "daemon", True, raising=False)
    feed, _starts = _feed(UNWRAPPED, WRAPPED)
    assert {s["text"] for s in pc.read_in_pieces(feed, _pid, workers=2).statements} == {str(os.getpid())}


@pytest.mark.parametrize("body", [
    "By Wednesday, the fire had burned 400 hectares and the regulator had opened an inquiry.",
    "CORRECTION: An earlier version of this story gave the wrong date for the hearing.",
    "Published decades ago, the survey was never repeated.",
    "REUTERS: Russia says the figures are wrong.",
])
def test_a_mark_with_no_headline_above_it_begins_no_story(body: str) -> None:
    assert story_starts(WRAPPED.replace("(Reporting by", f"{body}\n\n(Reporting by")) == []
    assert story_starts(f"{UNWRAPPED}\n{body}\nThe board said it would appeal.\n") == []


def test_a_headline_with_a_standfirst_under_it_begins_its_story() -> None:
    second = UNWRAPPED.replace("\n\nBy Ines", "\n\nThe port says its barges are tracked.\n\nBy Ines")
    feed, starts = _feed(WRAPPED, second)
    assert story_starts(feed) == starts[1:]


def test_a_last_paragraph_that_ends_a_quotation_is_no_headline() -> None:
    first = WRAPPED.replace("\n\n(Reporting by Erik Sand; Editing by Anna Holm)\n", "\n\n“They are lying.”\n")
    feed, starts = _feed(first, UNWRAPPED)
    assert story_starts(feed) == starts[1:]


def test_a_related_storys_link_above_a_headline_stays_with_the_last_story() -> None:
    first = UNWRAPPED.replace("Read more: Fishermen's catches fall for a third year",
                              "More on this story\n\nFishermen's catches fall for a third year")
    feed, starts = _feed(first, UNWRAPPED)
    assert story_starts(feed) == starts[1:]


def test_stories_are_found_whatever_the_line_ends() -> None:
    feed, starts = _feed(UNWRAPPED, WRAPPED, INDENTED)
    assert pc.stories(feed.replace("\n", "\r\n")) == [0] + [a + feed[:a].count("\n") for a in starts[1:]]


def test_a_text_of_one_paragraph_after_another_is_read_in_linear_time() -> None:
    """No blank line anywhere: every mark's head is looked for a few lines up, never to the text's start."""
    text = "\n".join(f"By Ana Roth\nThe board said on day {n} the figures were wrong." for n in range(20_000))
    started = time.perf_counter()
    assert story_starts(text) == []
    assert time.perf_counter() - started < 2.0


def _net(actors: list[tuple[str, str, str]], said_by: str, span: tuple[int, int]) -> Extraction:
    net = Extraction()
    for aid, name, kind in actors:
        net.actors.append({"id": aid, "name": name, "kind": kind, "aliases": [], "affiliation": None,
                           "confidence": 0.7})
        net.actor_spans[aid] = [[0, len(name)]]
        net.actor_confidence[aid] = 0.7
    net.statements.append({"id": f"st-{said_by}", "speaker": said_by, "about": [said_by], "span": list(span),
                           "spans": [list(span)]})
    net.evidence.append({"id": f"ev-{said_by}", "reported_by": said_by, "span": list(span), "spans": []})
    net.links.append({"from": f"st-{said_by}", "to": said_by, "type": "accuses"})
    return net


def test_stories_join_into_one_actor_for_a_name_that_cannot_be_two() -> None:
    generic = [("police", "group"), ("Interior Ministry", "organisation")]
    first = _net([("act-a", "Maria Lopez", "person"), ("act-b", "Halvard Trading FZE", "organisation"),
                  *((f"act-1{k}", name, kind) for k, (name, kind) in enumerate(generic))], "act-a", (10, 20))
    second = _net([("act-c", "Halvard Trading FZE", "organisation"), ("act-d", "Lopez", "person"),
                   *((f"act-2{k}", name, kind) for k, (name, kind) in enumerate(generic))], "act-c", (5, 9))
    second.actors[1]["affiliation"] = "act-c"
    net = pc.join([(0, first), (1000, second)])
    assert [a["name"] for a in net.actors] == ["Maria Lopez", "Halvard Trading FZE", "police",
                                               "Interior Ministry", "Lopez", "police", "Interior Ministry"]
    assert net.actors[4]["affiliation"] == "act-b"  # the second story's Lopez works for the one Halvard
    assert [s["speaker"] for s in net.statements] == ["act-a", "act-b"]
    assert [s["about"] for s in net.statements] == [["act-a"], ["act-b"]]
    assert [e["reported_by"] for e in net.evidence] == ["act-a", "act-b"]
    assert [ln["to"] for ln in net.links] == ["act-a", "act-b"]
    assert [s["span"] for s in net.statements] == [[10, 20], [1005, 1009]]
    assert [s["spans"] for s in net.statements] == [[[10, 20]], [[1005, 1009]]]
    assert net.actor_spans["act-b"] == [[0, 19], [1000, 1019]]
    assert "act-c" not in net.actor_spans and set(net.actor_confidence) == set(net.actor_spans)


def test_a_story_is_offered_only_the_known_actors_it_names() -> None:
    known = pc.KnownActors([{"id": "act-1", "name": "Halvard Trading FZE", "aliases": ["Halvard"]},
                            {"id": "act-2", "name": "Maria Lopez", "aliases": []}])
    assert [a["id"] for a in known.named_in("A buyer paid Halvard $2 million.")] == ["act-1"]
    assert pickle.loads(pickle.dumps(known)).named_in("Lopez said so.") == [known.actors[1]]


def test_a_feeds_joined_network_points_only_at_records_it_holds() -> None:
    articles = sc.real_copy_design_articles()[:30]
    feed, _starts = _feed(*(text for _name, text, _gold in articles))
    net = extract(feed, source_id="src-feed")
    actors = {a["id"] for a in net.actors} | set(net.actor_spans)
    records = {r["id"] for r in net.statements + net.evidence}
    assert all(s["speaker"] in actors and set(s["about"]) <= actors for s in net.statements)
    assert all(e["reported_by"] in actors | {None} for e in net.evidence)
    assert all(a["affiliation"] in actors | {None} for a in net.actors)
    assert all(ln["from"] in records and ln["to"] in records | actors for ln in net.links)
    assert all(feed[s["span"][0] : s["span"][1]].strip() for s in net.statements + net.evidence)


def test_design_sets_read_as_one_feed_score_as_when_read_alone() -> None:
    """The real-copy design sets' articles joined into one text (about 270 KB, read by worker processes)
    score as well as each read alone (the few stories with no byline, time stamp or dateline are read
    with the one before); read whole, they scored actor F1 0.77 and link F1 0.30."""
    articles = sc.real_copy_design_articles()
    feed, starts = _feed(*(text for _name, text, _gold in articles))
    assert len(feed) >= pc.PARALLEL_FROM and len(pc.stories(feed)) >= 95
    net = extract(feed, source_id="src-feed", workers=2)
    read_as_feed = sc.total(sc.score(text, gold, _slice(net, start, len(text)))
                            for (_name, text, gold), start in zip(articles, starts, strict=True)).metrics()
    read_alone = sc.total(sc.run(articles).values()).metrics()
    for metric in ("actor_f1", "speaker_acc", "st_f1", "quote_r", "ev_f1", "ln_f1"):
        assert read_as_feed[metric] >= read_alone[metric] - 0.015, metric


def _slice(net: Extraction, start: int, length: int) -> Extraction:
    """The records of one story of a feed, spans moved to the story's own offsets."""
    def inside(span: list[int]) -> bool:
        return start <= span[0] and span[1] <= start + length

    def moved(record: dict) -> dict:
        spans = [[a - start, b - start] for a, b in record.get("spans") or []]
        return {**record, "span": [record["span"][0] - start, record["span"][1] - start], "spans": spans}

    out = Extraction()
    out.statements = [moved(s) for s in net.statements if inside(s["span"])]
    out.evidence = [moved(e) for e in net.evidence if inside(e["span"])]
    ids = {r["id"] for r in out.statements + out.evidence}
    out.links = [ln for ln in net.links if ln["from"] in ids]
    for aid, spans in net.actor_spans.items():
        if here := [[a - start, b - start] for a, b in spans if inside([a, b])]:
            out.actor_spans[aid], out.actor_confidence[aid] = here, net.actor_confidence[aid]
    used = set(out.actor_spans) | {s["speaker"] for s in out.statements} | {ln["to"] for ln in out.links}
    out.actors = [a for a in net.actors if a["id"] in used]
    return out


def test_a_live_blog_entry_titled_with_a_quotation_starts_no_story() -> None:
    """A live blog's entry title 'CEO: 'We are not short of pilots'' is no dateline ('DELHI: …' is)."""
    blog = ("Airline cancels flights\n\nBy Ann Lee in Oslo\n\nThe airline cut 300 flights on Monday.\n\n"
            + "The union blamed the rosters. The airline blamed air traffic control.\n\n" * 4
            + "16:40 CET\nCEO: 'We are not short of pilots'\n\nThe chief executive said the airline had 412 "
            "pilots.\n")
    assert story_starts(blog) == []
