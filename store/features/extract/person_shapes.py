"""Wire-copy shapes that name a speaking person without a full name before the verb: '«…», said one of
them' (one of the group last spoken of, or the person the apposition names), 'a trader who gave only his
first name, Abdul' (a person known by one name) and 'The 27-year-old Ethiopian denied …' (the person just
spoken of, not the state the demonym names)."""

from __future__ import annotations

import re

from .actors import Doc
from .sources import Subject

#: 'one of them', 'two of those': part of the group last spoken of.
_ONE_OF_THEM = re.compile(r"(?:one|two|three|some|several|many|most|both|all|each)\s+of\s+(?:them|those)\b",
                          re.I)
#: 'who gave only his first name, Abdul', 'identified only as Mariam': a person known by one name.
_FIRST_NAME_ONLY = re.compile(
    r"\b(?:(?:gave|giving)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name(?:\s+as)?|"
    r"identified\s+(?:\w+\s+)?only\s+(?:as|by\s+(?:his|her|their)\s+first\s+name))\s*,?\s+([A-Z][a-z]+)\b")
#: 'The 27-year-old Ethiopian', 'the 31-year-old': a person described by age (and nationality).
_AGED = re.compile(r"(?:^|[\s,])([Tt]he\s+\d{1,3}-year-old(?:\s+[A-Z][a-z]+)?)$")
#: Where an apposition ends and the sentence goes on ('…, adding that', '…, who blamed', '…; …').
_APPOSITION_END = re.compile(r"[.;:!?]|\s(?:who|which|adding|saying|that|and|but|as|after|before)\b")


def is_one_of_them(text: str, i: int, hi: int) -> bool:
    """Whether the words at ``i`` are 'one of them', 'two of those' …"""
    return _ONE_OF_THEM.match(text, i, hi) is not None


def one_of_them(doc: Doc, i: int, hi: int) -> Subject | None:
    """The speaker of '…, said one of them' at ``i`` (see ``is_one_of_them``): the person its apposition
    names, else the group 'they' refers to, else None."""
    part = _ONE_OF_THEM.match(doc.text, i, hi)
    if part is None:
        return None
    named = _person_apposed(doc, part.end(), hi)
    if named is not None:
        return named
    ent = doc.reg.pronoun("they", i)
    return Subject([ent], i, part.end(), 0.75, "pronoun") if ent is not None else None


def _person_apposed(doc: Doc, i: int, hi: int) -> Subject | None:
    """The person the apposition starting at ``i`` names (', Maria Lopez, a trader', ', a trader who gave
    only his first name, Abdul'): a name that ends the apposition, before the sentence goes on."""
    text = doc.text
    if not text.startswith(",", i):
        return None
    first = _FIRST_NAME_ONLY.search(text, i, hi)
    if first is not None:
        ent = doc.reg.get_or_create(first.group(1), "person", 0.7)
        doc.note(ent, first.start(1), first.end(1), first.group(1))
        return Subject([ent], first.start(1), first.end(1), 0.75, "name")
    stop = _APPOSITION_END.search(text, i + 1, hi)
    end = stop.start() if stop else hi
    for pos in range(i, end):
        hit = doc.at_start.get(pos)
        closes = hit is not None and re.match(r"\s*(?:,|$)", text[hit[0] : end]) is not None
        if closes and hit[0] <= end and hit[1].final().kind == "person":
            return Subject([hit[1].final()], pos, hit[0], 0.85, "name")
    return None


def aged_person(doc: Doc, lo: int, left: str, end: int) -> Subject | None:
    """The person 'The 27-year-old Ethiopian' ending ``left`` (the words before a verb, from ``lo``) refers
    to: the latest sure (not tentative) person before it, or None when ``left`` is no such description."""
    aged = _AGED.search(left)
    if aged is None:
        return None
    at = lo + aged.start(1)
    ent = doc.reg.most_recent(lambda e: e.kind == "person" and not e.tentative, at)
    return Subject([ent], at, end, 0.75, "description") if ent is not None else None


def is_aged_description(left: str) -> bool:
    """Whether the words before a verb end with an age description ('The 27-year-old Ethiopian')."""
    return _AGED.search(left) is not None
