"""Subjects joined by commas and 'and': 'The US, South Korea and others said', 'Berg and agency chief Tom
Hale said'. Read by subjects.py once it has found the last name of the list."""

from __future__ import annotations

import re

from . import wordlists as wl
from .actors import Doc
from .entities import Entity

__all__ = ["coordinated"]


def coordinated(doc: Doc, first: tuple[int, Entity], lo: int) -> list[tuple[int, Entity]]:
    """Mentions joined to a subject by commas and 'and' ('The US, South Korea and others'), never the
    object of a preposition before a comma ('In a statement sent to AFP, Valdrin said')."""
    out = [first]
    start = first[0]
    while True:
        left = doc.text[lo:start]
        left = _without_role(left)  # 'Berg and agency chief Tom Hale said': the role is the second one's
        m = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", left)
        if not m:
            break
        hit = doc.at_end.get(lo + m.start())
        if not hit or hit[0] < lo:
            break
        if m.group().strip() == "," and _PREP_BEFORE.search(doc.text, max(lo, hit[0] - 12), hit[0]):
            break
        out.append((hit[0], hit[1]))
        start = hit[0]
    return out


def _without_role(left: str) -> str:
    """The text before a name without the lower-case role words that end it ('… and agency chief ')."""
    words = list(re.finditer(r"\S+", left))[-3:]
    roles, bodies = wl.title_words(), wl.org_words()["descriptor_class"]
    for k in range(len(words)):
        tail = [w.group() for w in words[k:]]
        if tail[-1] in roles and all(w in roles or w in bodies for w in tail):
            return left[: words[k].start()]
    return left


_PREP_BEFORE = re.compile(r"\b(?:to|in|with|by|from|for|at|on|of|into)\s+(?:the\s+)?$")
