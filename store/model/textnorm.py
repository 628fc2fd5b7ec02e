"""Text folding for matching: case- and accent-insensitive, so "Séoul" finds "seoul"."""

from __future__ import annotations

import re
import unicodedata

_WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` case-folded with accents removed (white space kept as it is)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise(text: str) -> str:
    """``text`` folded, with runs of white space made one space and ends trimmed."""
    return " ".join(fold(text).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD_RE.findall(fold(text))


def fold_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index of the character it came from."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(out), offsets
