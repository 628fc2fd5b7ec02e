"""Stage 0: a text of several stories read a story at a time, long texts by several processes at once.

A feed, a newsletter or a folder of stories pasted into one file is not one story. Read whole, each
story's names and claims reach into the next: a later 'the council' or 'Smith' resolves to another
story's, a denial answers another story's accusation, and only the first story's headline and dateline
are known for furniture. So the text is cut where each story begins (``normalise.story_starts``: above a
byline, a time stamp or a dateline, with the headline and any furniture above it), a story longer than
PIECE + PIECE/2 (a long report) is cut again at paragraph breaks, and each piece is read on its own. The
pieces' networks are joined with offsets into the whole text, one actor per name across the pieces, and a
lone surname in a later piece of the same story made the person an earlier piece named in full.

A text of at least PARALLEL_FROM characters is read by worker processes, one per core this process may
use; anything shorter is read here. An article read alone has no second story and is read whole, as
before: no article of the test sets is cut.

Measured on the real-copy design sets' 102 articles joined into one 274 KB text (tests/extraction/
test_pieces.py): read whole, actor F1 0.77 and link F1 0.30; read a story at a time, 0.88 and 0.36, as
when each article is read alone (0.89 and 0.36). On 1 MB (``python -m tests.perf_import --real-copy``)
extraction takes about 2.2 s on two cores, against 3.7-4.1 s read whole in one process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .draft import Extraction
from .normalise import story_starts
from .textutil import fold

#: About how many characters a piece of one long story holds.
PIECE = 24_000
#: Texts at least this long are read by worker processes (below it, starting them costs more than it saves).
PARALLEL_FROM = 3 * PIECE
#: A paragraph break: a blank line, or a line break before an indented line.
_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]+\S)")

#: Reads one piece: its text -> its network (a module-level function or a partial of one: it is sent to
#: the worker processes).
Reader = Callable[[str], Extraction]


def cuts(text: str) -> list[tuple[int, int]]:
    """(start, story) of each piece of a text, the first at 0: a piece starts where each story begins
    (``story_starts``), and within a story longer than PIECE + PIECE/2 at the first paragraph break past
    each PIECE characters (text with no paragraph break left stays in its piece). ``story`` numbers the
    stories from 0."""
    starts = story_starts(text)
    out = [(0, 0)]
    for story, (begin, end) in enumerate(zip([0, *starts], [*starts, len(text)], strict=True)):
        if begin > out[-1][0]:
            out.append((begin, story))
        while end - out[-1][0] > PIECE + PIECE // 2:
            brk = _BREAK.search(text, out[-1][0] + PIECE, end)
            if brk is None or brk.end() >= end:
                break
            out.append((brk.end(), story))
    return out


def read_in_pieces(text: str, read: Reader, workers: int | None = None) -> Extraction:
    """The network of a text read a piece at a time (``read`` reads one piece), joined. ``workers``: how
    many processes read at once (default: one per core this process may use, at most four, for a text of
    at least PARALLEL_FROM characters; 1 reads in this process)."""
    starts = cuts(text)
    if len(starts) == 1:
        return read(text)
    bounds = [a for a, _ in starts[1:]] + [len(text)]
    pieces = [text[a:b] for (a, _), b in zip(starts, bounds, strict=True)]
    if workers is None:
        workers = _cores() if len(text) >= PARALLEL_FROM else 1
    networks = _read_all(pieces, read, min(len(pieces), workers))
    return join([(a, story, net) for (a, story), net in zip(starts, networks, strict=True)])


def _cores() -> int:
    with contextlib.suppress(AttributeError):
        return min(4, len(os.sched_getaffinity(0)))
    return min(4, os.cpu_count() or 1)


def _read_all(pieces: list[str], read: Reader, workers: int) -> list[Extraction]:
    """Each piece's network, in order: in worker processes when there are several workers (started by a
    fork server, never by forking this process, whose other threads may hold locks if the caller reads
    in a thread), else here. A pool that cannot start or breaks (a sandbox without processes, a worker killed
    for memory) leaves the reading to this process."""
    if workers > 1:
        try:
            batch = max(1, len(pieces) // (8 * workers))  # few round trips, yet both busy to the end
            with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_remember,
                                     initargs=(read,)) as pool:
                return list(pool.map(_read_remembered, pieces, chunksize=batch))
        except (OSError, BrokenProcessPool):
            pass
    return [read(piece) for piece in pieces]


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__.rsplit(".", 1)[0]])  # the extractor, imported once
        return context
    return multiprocessing.get_context("spawn")


#: The reader a worker process was given once, not with every piece (it holds the store's known actors,
#: which may be many).
_GIVEN: list[Reader] = []


def _remember(read: Reader) -> None:
    _GIVEN[:] = [read]


def _read_remembered(piece: str) -> Extraction:
    return _GIVEN[0](piece)


def join(networks: list[tuple[int, int, Extraction]]) -> Extraction:
    """One network of several pieces' (each with the offset its piece starts at and the story it belongs
    to): spans moved to point into the whole text; a new actor named alike in several pieces made one (the
    first piece's record, with every piece's aliases and spans and the best confidence), and so is a
    person named by surname alone in a later piece of the story that named them in full. Actors already in
    the store keep their ids in every piece."""
    out = Extraction()
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    surnames: dict[tuple[int, str], dict[str, Any] | None] = {}  # (story, surname) -> the one person
    for offset, story, net in networks:
        same: dict[str, str] = {}
        for actor in net.actors:
            name = fold(actor["name"])
            first = kept.get((name, actor["kind"]))
            if first is None and actor["kind"] == "person" and " " not in name:
                first = surnames.get((story, name))
            if first is None:
                kept[(name, actor["kind"])] = actor
                if actor["kind"] == "person" and " " in name:
                    key = (story, name.rsplit(" ", 1)[1])
                    surnames[key] = actor if key not in surnames else None  # two of one surname: neither
                out.actors.append(actor)
                continue
            same[actor["id"]] = first["id"]
            first["aliases"] = list(dict.fromkeys([*first["aliases"], *actor["aliases"], actor["name"]]))
            first["aliases"] = [a for a in first["aliases"] if a != first["name"]]
            first["confidence"] = max(first["confidence"], actor["confidence"])
        _repoint(net, same, offset)
        for aid, spans in net.actor_spans.items():
            one = same.get(aid, aid)
            out.actor_spans.setdefault(one, []).extend([a + offset, b + offset] for a, b in spans)
            out.actor_confidence[one] = max(out.actor_confidence.get(one, 0.0), net.actor_confidence[aid])
        out.statements += net.statements
        out.evidence += net.evidence
        out.links += net.links
    return out


def _repoint(net: Extraction, same: dict[str, str], offset: int) -> None:
    """A piece's records pointed at the actors they were made one with, their spans into the whole text."""
    for actor in net.actors:
        actor["affiliation"] = same.get(actor["affiliation"], actor["affiliation"])
    for st in net.statements:
        st["speaker"] = same.get(st["speaker"], st["speaker"])
        st["about"] = list(dict.fromkeys(same.get(a, a) for a in st["about"]))
        _move(st, offset)
    for ev in net.evidence:
        ev["reported_by"] = same.get(ev["reported_by"], ev["reported_by"])
        _move(ev, offset)
    for link in net.links:
        link["to"] = same.get(link["to"], link["to"])


def _move(record: dict[str, Any], offset: int) -> None:
    """A record's spans moved from its piece into the whole text."""
    a, b = record["span"]
    record["span"] = [a + offset, b + offset]
    if record.get("spans"):
        record["spans"] = [[a + offset, b + offset] for a, b in record["spans"]]
