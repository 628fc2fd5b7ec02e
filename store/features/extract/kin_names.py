"""Relatives named together with one surname: 'brothers Marcos and Diego Aranda', 'the couple Ana and Luis
Ferreira' name two people, Marcos Aranda and Diego Aranda (read by names.py, whose run of capitals for
'Marcos' alone would name no one in full)."""

from __future__ import annotations

import re

#: Relatives named as a pair right before a given name: 'brothers ', 'the couple '.
_KIN_BEFORE = re.compile(r"\b(?:brothers|sisters|siblings|twins|cousins|couple|spouses)\s+$", re.IGNORECASE)
#: ' and ' and a full name of two words after the first given name: ' and Diego Aranda'.
_AND_FULL_NAME = re.compile(r"\s+and\s+[A-Z][\w'’-]+\s+([A-Z][\w'’-]+)\b")


def shared_surname(text: str, start: int, end: int) -> str | None:
    """The surname a lone given name at text[start:end] shares with the full name after it, when the two
    are told as relatives ('brothers Marcos and Diego Aranda' gives 'Aranda' for 'Marcos'), else None."""
    if " " in text[start:end] or _KIN_BEFORE.search(text, max(0, start - 16), start) is None:
        return None
    full = _AND_FULL_NAME.match(text, end)
    return full.group(1) if full else None
