"""Stage 0: a text of several stories is read a story at a time (pieces.py), a long one by several
processes, and hard wraps are judged a layout at a time (normalise.py)."""

from __future__ import annotations

import functools
import importlib

import pytest

from claimnet.store.features.extract import extract
from claimnet.store.features.extract import pieces as pc
from claimnet.store.features.extract.draft import Extraction
from claimnet.store.features.extract.normalise import story_starts, working_text
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


def test_no_single_test_article_is_cut_into_stories() -> None:
    articles = sc.corpus_articles() + [a for key in sc.BLIND_SETS if sc.DESIGN in sc.BLIND_SETS[key][1]
                                       for a in sc.blind_set_articles(key)]
    assert len(articles) > 120
    assert [name for name, text, _gold in articles if story_starts(text)] == []


def test_a_mark_inside_a_story_starts_no_new_one() -> None:
    """'published in full' is no time stamp, and a 'READ MORE: …' line in capitals is no dateline."""
    story = WRAPPED.replace("late.\n\n", "late. The regulator's decision was\npublished in full on its "
                            "website.\n\nREAD MORE: Rail strikes called off\n\n")
    assert story_starts(story) == []


def test_feed_mixing_wrapped_and_unwrapped_stories_joins_only_the_wraps() -> None:
    feed, starts = _feed(UNWRAPPED, WRAPPED, UNWRAPPED)
    work = working_text(feed)
    wrapped = work[starts[1] : starts[2]]
    assert "fined rail operator Nordlinje" in wrapped and "out of all proportion" in wrapped
    assert work[starts[2]:].count("\n") == UNWRAPPED.count("\n")  # paragraph breaks kept, one per line


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


def test_worker_processes_read_what_this_process_reads() -> None:
    stories = [text for _name, text, _gold in sc.blind_set_articles("blind18")]
    feed, _starts = _feed(*stories)
    read = functools.partial(_EXTRACT._read_whole, source_id="src-feed", known_actors=[], said_on=None)
    here, there = pc.read_in_pieces(feed, read, workers=1), pc.read_in_pieces(feed, read, workers=2)
    assert _said(here) == _said(there) and len(here.statements) > 40
    assert sorted(a["name"] for a in here.actors) == sorted(a["name"] for a in there.actors)
    assert [len(x) for x in (here.evidence, here.links)] == [len(x) for x in (there.evidence, there.links)]


def test_a_pool_that_cannot_start_leaves_the_reading_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(pc, "ProcessPoolExecutor", refuse)
    feed, _starts = _feed(UNWRAPPED, WRAPPED, INDENTED)
    read = functools.partial(_EXTRACT._read_whole, source_id="src-feed", known_actors=[], said_on=None)
    assert _said(pc.read_in_pieces(feed, read, workers=2)) == _said(pc.read_in_pieces(feed, read, workers=1))


def test_a_long_story_is_cut_at_paragraph_breaks_only() -> None:
    story = "\n\n".join(f"Paragraph {n} of the report says the figures were revised." for n in range(900))
    starts = [a for a, _story in pc.cuts(story)]
    assert len(starts) > 1 and all(story[a - 2 : a] == "\n\n" for a in starts[1:])
    assert all(b - a <= pc.PIECE + 200 for a, b in zip(starts, starts[1:], strict=False))


def _piece(actors: list[tuple[str, str, str]], said_by: str, span: tuple[int, int]) -> Extraction:
    net = Extraction()
    for aid, name, kind in actors:
        net.actors.append({"id": aid, "name": name, "kind": kind, "aliases": [], "affiliation": None,
                           "confidence": 0.7})
        net.actor_spans[aid] = [[0, len(name)]]
        net.actor_confidence[aid] = 0.7
    net.statements.append({"id": f"st-{said_by}", "speaker": said_by, "about": [], "span": list(span),
                           "spans": []})
    net.links.append({"from": f"st-{said_by}", "to": said_by, "type": "accuses"})
    return net


def test_pieces_join_into_one_actor_per_name_and_spans_into_the_whole_text() -> None:
    first = _piece([("act-a", "Maria Lopez", "person"), ("act-b", "Valmora Port", "organisation")],
                   "act-a", (10, 20))
    second = _piece([("act-c", "Lopez", "person")], "act-c", (5, 9))  # the same story, surname alone
    third = _piece([("act-d", "Lopez", "person"), ("act-e", "valmora port", "organisation")],
                   "act-e", (1, 4))  # another story: another Lopez, the same port
    net = pc.join([(0, 0, first), (1000, 0, second), (5000, 1, third)])
    assert [a["name"] for a in net.actors] == ["Maria Lopez", "Valmora Port", "Lopez"]
    assert [s["speaker"] for s in net.statements] == ["act-a", "act-a", "act-b"]
    assert [s["span"] for s in net.statements] == [[10, 20], [1005, 1009], [5001, 5004]]
    assert [ln["to"] for ln in net.links] == ["act-a", "act-a", "act-b"]
    assert net.actor_spans["act-a"] == [[0, 11], [1000, 1005]]
    assert net.actors[0]["aliases"] == ["Lopez"]


def test_design_sets_read_as_one_feed_score_as_when_read_alone() -> None:
    """The real-copy design sets' articles joined into one text (about 270 KB, read by worker processes)
    score as well as each read alone; read whole, they scored actor F1 0.77 and link F1 0.30."""
    articles = sc.real_copy_design_articles()
    feed, starts = _feed(*(text for _name, text, _gold in articles))
    assert len(feed) >= pc.PARALLEL_FROM
    net = extract(feed, source_id="src-feed")
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
