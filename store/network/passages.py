"""Passages of a source text: moving a selection by words and sentences, and who likely said it.

The source reader selects a passage with keys; these functions say where the next word or
sentence ends, and which actor a statement made of the passage was most likely said by (an actor
named in the same sentence, else the speaker of the statement marked just before it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimnet.store import model
from claimnet.store.model.textnorm import fold

if TYPE_CHECKING:
    from .core import Store

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s|$)|\n")
QUOTE_MARKS = "\"“”«»„"


def word_at(text: str, position: int) -> tuple[int, int]:
    """The word at or after ``position`` (start, end); the end of the text if there is none."""
    match = _WORD.search(text, max(0, position))
    return (match.start(), match.end()) if match else (len(text), len(text))


def next_word_end(text: str, end: int) -> int:
    """Where the selection ends once it takes one more word."""
    match = _WORD.search(text, end)
    return match.end() if match else end


def previous_word_end(text: str, start: int, end: int) -> int:
    """Where the selection ends once it gives back its last word (never before its first word)."""
    ends = [m.end() for m in _WORD.finditer(text, start, end) if m.end() < end]
    return ends[-1] if ends else end


def next_sentence_end(text: str, end: int) -> int:
    """Where the selection ends once it reaches the end of the sentence (or the next one)."""
    match = _SENTENCE_END.search(text, end + (1 if end < len(text) and text[end - 1:end] in ".!?" else 0))
    stop = match.end() if match else len(text)
    return stop if text[stop - 1:stop] != "\n" else stop - 1


def previous_sentence_end(text: str, start: int, end: int) -> int:
    """Where the selection ends once it gives back its last sentence (never before its first word)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end) if m.end() < end]
    return ends[-1] if ends else word_at(text, start)[1]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    left = before[-1] if before else 0
    match = _SENTENCE_END.search(text, max(end - 1, start))
    return left, match.end() if match else len(text)


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether the passage stands inside quotation marks (a quote, not a paraphrase)."""
    opening = text[:start].rstrip()[-1:] in QUOTE_MARKS or text[start:start + 1] in QUOTE_MARKS
    closing = text[end:].lstrip()[:1] in QUOTE_MARKS or text[end - 1:end] in QUOTE_MARKS or \
        text[end:].lstrip(",.;:!? ")[:1] in QUOTE_MARKS
    return opening and closing


def suggest_speaker(store: Store, source_id: str, start: int, end: int) -> str | None:
    """The actor most likely to have said ``source.text[start:end]``, or None.

    An actor named (by name or alias) in the same sentence but outside the passage, nearest to
    it; else the speaker of the nearest statement marked before it in the same source.
    """
    source = store.find(source_id)
    if not isinstance(source, model.Source):
        return None
    text = source.text
    left, right = sentence_around(text, start, end)
    sentence = fold(text[left:right])
    best: tuple[int, int, str] | None = None  # (distance, not a person, id)
    for actor in store.all("actors"):
        for name in {actor.name, *actor.aliases}:
            folded = fold(name)
            if len(folded) < 3:
                continue
            for match in re.finditer(r"(?<!\w)" + re.escape(folded) + r"(?!\w)", sentence):
                at, stop = left + match.start(), left + match.end()
                if start <= at < end:
                    continue  # named inside the passage: talked about, not the speaker
                distance = start - stop if stop <= start else at - end
                key = (distance, actor.kind != "person", actor.id)
                best = key if best is None or key < best else best
    if best is not None:
        return best[2]
    earlier = [st for st in store.records_from_source(source_id)
               if isinstance(st, model.Statement) and st.span and st.span[0] < start]
    return max(earlier, key=lambda st: st.span[0]).speaker if earlier else None
