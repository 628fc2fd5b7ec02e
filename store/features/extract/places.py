"""Capitalised words that name a place or a byline rather than an actor: locatives and datelines."""

from __future__ import annotations

import re

from . import wordlists as wl
from .people_words import person_noun, plural_of_people
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


#: People told by the places they are in, opening their clause, up to the 'and' before a second place:
#: 'Pharmacists in Soweto and ', 'Residents of Umlazi and ' (not 'clashed with miners in Rustenburg and ').
_PEOPLE_IN_PLACES = re.compile(
    r"(?:^|[.;:,]\s+|\n\s*)(?:(?:[Tt]he|[Ss]ome|[Mm]any|\d[\d,]*)\s+)?(?P<people>[A-Za-z-]+)\s+"
    r"(?:in|of|from|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:and|or)\s+\Z")


def at_a_place(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the name at token k follows 'at' after a thing that stands somewhere ('customs records at
    Laem Chabang', 'a depot at Tha Mai'; name_words.json 'things_at_places'), never after people, who work
    at a body ('workers at Meghna Knit'), nor after an act aimed at someone ('threw eggs at Daniel Mutua')."""
    if k < 2 or tokens[k - 1].lower != "at" or not locative(text, tokens, k, at=True):
        return False
    return tokens[k - 2].lower in wl.name_words()["things_at_places"]


def people_in_places_before(text: str, pos: int) -> bool:
    """Whether the words before ``pos`` name a group of people by a first place and an 'and', so that a
    name at ``pos`` is their second place: 'Pharmacists in Soweto and [Tembisa] said'. (A name after
    'and' alone may begin a clause: 'talks opened in Paris and [Macron] said'.)"""
    m = _PEOPLE_IN_PLACES.search(text, max(0, pos - 80), pos)
    if m is None:
        return False
    people = m.group("people").lower()
    return people in wl.unnamed_sources()["plural"] or plural_of_people(people)


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the outlet in a paragraph-opening dateline: 'SOFIA (Reuters) -'."""
    if start < 1 or text[start - 1] != "(":
        return False
    para = text.rfind("\n", 0, start) + 1
    m = _DATELINE_RE.match(text, para)
    return bool(m and m.start(1) <= start and end <= m.end(1))


#: Where a town stands in a sentence: after 'in', 'from', 'near' …, or between 'a'/'the' and a noun for people
#: ('a Laguna Seca herder').
_TOWN_BEFORE = re.compile(r"\b(?:in|from|near|at|around|outside|(?:mayor|governor|residents|people|town|"
                          r"village|city|province|municipality|outskirts|centre|center|district)\s+of)\s+$")
_TOWN_AS_MODIFIER = re.compile(r"\s+([a-z]+)\b")


def a_town(text: str, toks: list[Token]) -> bool:
    """Whether a two-word name opening with a Spanish or Portuguese landform or a saint's name is a place
    where it stands ('fishermen from Punta Espinillo', 'a Laguna Seca herder'; name_words.json
    'town_openers'), never a body ('Cerro Azul said …', 'the president of San Miguel', 'the Laguna Seca
    raceway') nor a person ('according to Isla Campbell')."""
    if len(toks) != 2 or toks[0].lower not in wl.name_words()["town_openers"]:
        return False
    before = text[max(0, toks[0].start - 24) : toks[0].start]
    if _TOWN_BEFORE.search(before) is not None:
        return True
    noun = _TOWN_AS_MODIFIER.match(text, toks[1].end)  # ('a Laguna Seca herder', never 'the Laguna Seca
    # raceway': a body)
    return re.search(r"\b(?:a|an|the)\s+$", before) is not None and noun is not None and \
        (person_noun(noun.group(1)) or plural_of_people(noun.group(1))
         or noun.group(1) in wl.things()["nouns_after_places"])
