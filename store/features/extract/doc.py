"""The shared state of one extraction: text, tokens, sentences, quotations and resolved mentions by offset."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .entities import Entity, Registry
from .quotes import Quote
from .textutil import Token


@dataclass(slots=True)
class Doc:
    """Everything the extraction passes share about one text."""

    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    quotes: list[Quote]
    reg: Registry
    common: frozenset[str] = frozenset()
    starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    at_end: dict[int, tuple[int, Entity]] = field(default_factory=dict)
    at_start: dict[int, tuple[int, Entity]] = field(default_factory=dict)
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)
    roles: dict[int, tuple[int, str]] = field(default_factory=dict)
    products: set[str] = field(default_factory=set)  # folded names of things and places, never actors
    asked: list[tuple[int, int]] = field(default_factory=list)  # an interview's questions, which say nothing

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        self.quote_starts = [q.outer_start for q in self.quotes]

    def token_range(self, s: int, e: int) -> tuple[int, int]:
        """Indexes [a, b) of the tokens inside [s, e)."""
        return bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation whose marks enclose a position, if any."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        if k >= 0 and self.quotes[k].outer_start <= pos < self.quotes[k].outer_end:
            return self.quotes[k]
        return None

    def sentence_index(self, pos: int) -> int:
        """The index in ``sentences`` of the sentence holding a position (-1 before the first)."""
        return bisect.bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding a position."""
        k = max(0, self.sentence_index(pos))
        return self.sentences[k] if self.sentences else (0, len(self.text))

    def quote_before(self, pos: int) -> Quote | None:
        """The last quotation that opens before a position, if any."""
        k = bisect.bisect_left(self.quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 else None

    def note(self, ent: Entity, start: int, end: int, surface: str | None = None) -> Entity:
        """Record a resolved mention so subject search can find it by its offsets."""
        ent = self.reg.mention(ent, start, end, surface)
        self.at_end[end] = (start, ent)
        self.at_start[start] = (end, ent)
        return ent
