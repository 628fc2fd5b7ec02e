"""Subjects joined by commas and 'and': 'The US, South Korea and others said', 'Berg and agency chief Tom
Hale said'. Read by subjects.py once it has found the last name of the list."""

from __future__ import annotations

import re

from . import wordlists as wl
from .actors import Doc
from .entities import Entity
from .people_words import plural_of_people
from .sources import Subject

__all__ = ["coordinated", "first_clauses_subject"]


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


#: A pronoun opening a sentence, then its verb: 'He also posted'.
_OPENING_PRONOUN_RE = re.compile(r"[\s”\"’]*(He|She|They|It)\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|s)\b")
#: A verb right after a name opening a sentence, with any auxiliary: ' has suspended', ' also posted'.
_A_VERB_AFTER = re.compile(r"\s+(?:also\s+)?(?:(?:has|had|have)\s+)?[a-z]+(?:ed|s)\b")


def first_clauses_subject(doc: Doc, lo: int, end: int) -> Subject | None:
    """The subject a coordinated verb shares with the clause before it: the pronoun or name opening the
    sentence, when a verb follows it ('He also posted two photographs …, and accused …', 'The MTA has
    suspended the licence and said …')."""
    text = doc.text
    pm = _OPENING_PRONOUN_RE.match(text, lo, end)
    if pm:
        ent = doc.reg.pronoun(pm.group(1), lo + pm.start(1))
        return Subject([ent], lo + pm.start(1), lo + pm.end(1), 0.7, "pronoun") if ent is not None else None
    start = lo + len(text[lo:end]) - len(text[lo:end].lstrip())
    if text[start : start + 4] == "The " and start not in doc.at_start:
        start += 4  # 'The MTA has suspended …'
    hit = doc.at_start.get(start)
    verb = _A_VERB_AFTER.match(text, hit[0], end) if hit is not None else None
    if verb is None or plural_of_people(text[verb.start() : verb.end()].split()[-1]):
        return None  # ('The Kestrel Foods workers gathered …': the workers, not the firm)
    return Subject([hit[1]], start, hit[0], 0.75, "name")
