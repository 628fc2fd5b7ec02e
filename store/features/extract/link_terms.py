"""What the acts and links stages share: a proposed link, an actor's side, a statement's content words and
the window beyond which statements are never linked."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

WINDOW = 40  # statements further apart than this are never linked (keeps long texts linear)
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "for",
        "from",
        "this",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "its",
        "their",
        "his",
        "her",
        "they",
        "them",
        "not",
        "but",
        "any",
        "all",
        "also",
        "said",
        "says",
        "would",
        "will",
        "could",
        "been",
        "being",
        "over",
        "into",
        "onto",
        "about",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
    ]
)


@dataclass(slots=True)
class Proposed:
    """A link before it becomes a record."""

    src: str
    dst: str
    type: str
    confidence: float
    note: str


def side_of(affiliation: dict[str, str | None]) -> Callable[[str], set[str]]:
    """An actor's side: itself and what it belongs to, up to three hops ('spokesman' -> ministry -> state)."""

    def side(actor: str) -> set[str]:
        out = {actor}
        aff = affiliation.get(actor)
        hops = 0
        while aff and hops < 3:
            out.add(aff)
            aff = affiliation.get(aff)
            hops += 1
        return out

    return side


@functools.lru_cache(maxsize=32768)
def words_of_text(text: str) -> frozenset[str]:
    """The content words of a text (what two statements share), lower case and cut to their first five
    letters, a crude stem ('replacement' and 'replaced' share 'repla', 'vessels' and 'vessel' 'vesse'); the
    acts and links stages ask for the same statements' words several times, hence the cache."""
    return frozenset(w.rstrip("s")[:5] for w in _WORD.findall(text.lower()) if w not in _STOP)


def overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller word set that two statements have in common (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
