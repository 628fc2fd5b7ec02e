"""Stage 0: a text of several stories read a story at a time, and by several processes when asked.

A feed, a newsletter or a folder of stories pasted into one file is not one story. Read whole, each
story's names and claims reach into the next: a later 'the council' or 'Smith' resolves to another
story's, a denial answers another story's accusation, and only the first story's headline and dateline
are known for furniture. So the text is cut where each story begins (``story_heads.story_starts``: its
headline above a byline, a time stamp or a dateline), each story is read on its own, and the stories'
networks are joined with offsets into the whole text. A story is never cut: a long report read in pieces
would lose who 'he' and 'Keane' are.

Across stories, actors are made one only by a name that cannot be two of them: a person's full name, or
a body's name of two words or more that holds a word of its own ('Halvard Trading FZE', not 'Interior
Ministry', 'police' or 'Residents', which each story's own may be).

With ``workers`` above 1 (the importer asks for one per core for a text of at least PARALLEL_FROM
characters), the stories are read by worker processes started by a fork server. A caller that cannot
have them (a daemonic process, a sandbox without processes, a main module read from standard input) gets
the stories read in its own process.

Measured on the real-copy design sets' 102 articles joined into one 274 KB text (tests/extraction/
test_pieces.py): read whole, actor F1 0.77 and link F1 0.30; a story at a time, as each article read
alone (0.89 and 0.36).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from . import wordlists as wl
from .draft import Extraction
from .story_heads import story_starts
from .textutil import fold

#: Texts at least this long are worth worker processes (below it, starting them costs more than it saves).
PARALLEL_FROM = 72_000

#: Reads one story: its text -> its network (a module-level function or a partial of one: it is sent to
#: the worker processes).
Reader = Callable[[str], Extraction]


def stories(text: str) -> list[int]:
    """Where each story of a text starts, the first at 0."""
    return [0, *story_starts(text)]


def read_in_pieces(text: str, read: Reader, starts: list[int] | None = None, workers: int = 1) -> Extraction:
    """The network of a text read a story at a time (``read`` reads one; ``starts``: where each begins, as
    ``stories`` gives them), joined; ``workers`` processes read at once when there are several stories and
    the machine may run them."""
    starts = stories(text) if starts is None else starts
    pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    networks = _read_all(pieces, read, min(workers, len(pieces), cores()))
    return join(list(zip(starts, networks, strict=True)))


def cores() -> int:
    """How many worker processes to ask for: one per core this process may use, at most four."""
    with contextlib.suppress(AttributeError):
        return min(4, len(os.sched_getaffinity(0)))
    return min(4, os.cpu_count() or 1)


def _read_all(pieces: list[str], read: Reader, workers: int) -> list[Extraction]:
    """Each piece's network, in order: in worker processes when there are several workers (started by a
    fork server, never by forking this process, whose other threads may hold locks), else here. A pool
    that cannot start or breaks (a sandbox without processes, a worker killed for memory) leaves the
    reading to this process, and so do a daemonic process, which may not have children, and a main module
    read from standard input, which a child cannot load."""
    if workers > 1 and not multiprocessing.current_process().daemon and _main_found_again():
        try:
            batch = max(1, len(pieces) // (32 * workers))  # few round trips, yet every worker busy to the end
            with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_remember,
                                     initargs=(read,)) as pool:
                return list(pool.map(_read_remembered, pieces, chunksize=batch))
        except (OSError, BrokenProcessPool):
            pass
    return [read(piece) for piece in pieces]


def _main_found_again() -> bool:
    """Whether a worker can load this process's main module as it must (not one read from standard input,
    '<stdin>', which a child cannot find: it would only print a traceback before the pool broke)."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.exists(path)


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


def join(networks: list[tuple[int, Extraction]]) -> Extraction:
    """One network of several stories' (each with the offset its story starts at): spans moved to point
    into the whole text, and a new actor named in several stories by a name that cannot be two of them
    (``_one_across_stories``) made one: the first story's record, with every story's aliases and spans
    and the best confidence. Actors already in the store keep their ids in every story."""
    out = Extraction()
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    for offset, net in networks:
        same: dict[str, str] = {}
        for actor in net.actors:
            key = (fold(actor["name"]), actor["kind"])
            first = kept.get(key)
            if first is None:
                if _one_across_stories(actor):
                    kept[key] = actor
                out.actors.append(actor)
                continue
            same[actor["id"]] = first["id"]
            first["aliases"] = [a for a in dict.fromkeys([*first["aliases"], *actor["aliases"]])
                                if a != first["name"]]
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


def _one_across_stories(actor: dict[str, Any]) -> bool:
    """Whether an actor's name says who it is in any story: a person's name of two words or more, or a
    body's of two words or more with a word of its own (not only words any body of its kind could bear:
    'Interior Ministry', 'Police Federation', 'National Assembly'); never a group ('Residents')."""
    words = fold(actor["name"]).split()
    if len(words) < 2 or actor["kind"] not in ("person", "organisation", "media", "state"):
        return False
    if actor["kind"] == "person":
        return True
    generic = wl.generic_body_words()
    return any(w not in generic for w in words)


def _repoint(net: Extraction, same: dict[str, str], offset: int) -> None:
    """A story's records pointed at the actors they were made one with, their spans into the whole text."""
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
    """A record's spans moved from its story into the whole text."""
    a, b = record["span"]
    record["span"] = [a + offset, b + offset]
    if record.get("spans"):
        record["spans"] = [[a + offset, b + offset] for a, b in record["spans"]]


class KnownActors:
    """The store's actors, offered to each story only when a word of their names stands in it (a story
    never needs the thousands it does not name, and building a registry of them all for every story of
    a feed cost more than reading it). Sent to the worker processes without its index, rebuilt there."""

    def __init__(self, actors: Sequence[dict[str, Any]]) -> None:
        self.actors = list(actors)
        self._by_word: dict[str, list[int]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"actors": self.actors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.actors, self._by_word = state["actors"], None

    def named_in(self, text: str) -> list[dict[str, Any]]:
        """The actors a word of whose name or aliases stands in the text, in the store's order."""
        if not self.actors:
            return []
        if self._by_word is None:
            self._by_word = {}
            for k, actor in enumerate(self.actors):
                for name in [actor.get("name") or "", *(actor.get("aliases") or ())]:
                    for word in set(_WORD.findall(fold(str(name)))):
                        self._by_word.setdefault(word, []).append(k)
        found = {k for word in set(_WORD.findall(fold(text))) for k in self._by_word.get(word, ())}
        return [self.actors[k] for k in sorted(found)]


_WORD = re.compile(r"\w+")
