"""Capitalised words that name a place or a byline rather than an actor: locatives and datelines."""

from __future__ import annotations

import re

from . import wordlists as wl
from .people_words import plural_of_people
from .textutil import Token

_LOCATIVE = frozenset(
    ["in", "at", "near", "from", "into", "outside", "across", "via", "around", "inside", "towards", "toward"]
    + ["through", "between", "off", "visit", "visiting", "to"]
)
#: Prepositions after which a name is a place, never a person or speaker ('a news conference in Thunder Bay').
_PLACE_PREPS = frozenset(
    [
        "in",
        "near",
        "into",
        "outside",
        "across",
        "around",
        "inside",
        "towards",
        "toward",
        "through",
        "throughout",
    ]
)
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}?(?:,\s*[A-Z][\w.]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\(([^()\n]{1,40})\)\s*[-—–]"
)


def locative(text: str, tokens: list[Token], i: int, places_only: bool = False, at: bool = False) -> bool:
    """Whether the word before token i is a place preposition ('in Athens', 'to Port Sudan').

    With `places_only`, only prepositions that never introduce a person count ('in', 'near', not 'to');
    `at` adds 'at', which introduces places and organisations but hardly ever a person ('at Halton Lea').
    """
    k = i - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k > 0 and tokens[k].lower == "of" and tokens[k - 1].lower in wl.name_words()["directions_from"]:
        return True  # 'south of Nairobi', 'upstream of Saraya': a place told by where it lies
    if k < 0:
        return False
    if text[tokens[k].end : tokens[i].start].strip(" ") not in ("", "the"):
        return False
    if at and tokens[k].lower == "at":
        return True
    if tokens[k].lower == "to" and k > 0 and tokens[k - 1].lower in ("according", "due", "thanks"):
        return False  # 'according to Lopez': a source, not a destination
    return tokens[k].lower in (_PLACE_PREPS if places_only else _LOCATIVE)


def where_people_are(text: str, tokens: list[Token], i: int) -> bool:
    """Whether token i is the second of two places that say where a group of people is: 'Pharmacists in
    Soweto and Tembisa said', 'Residents of Umlazi and Ntuzuma'. (A name after 'and' alone may begin a
    clause: 'talks opened in Paris and Macron said'.)"""
    if i < 4 or tokens[i - 1].lower not in ("and", "or") or not tokens[i - 2].is_cap:
        return False
    prep, people = tokens[i - 3], tokens[i - 4]
    return prep.lower in ("in", "of", "from", "near") and (
        people.lower in wl.unnamed_sources()["plural"] or plural_of_people(people.lower))


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the outlet in a paragraph-opening dateline: 'SOFIA (Reuters) -'."""
    if start < 1 or text[start - 1] != "(":
        return False
    para = text.rfind("\n", 0, start) + 1
    m = _DATELINE_RE.match(text, para)
    return bool(m and m.start(1) <= start and end <= m.end(1))
