"""Who is speaking after the verb, in an inverted attribution: '…,” said Interior Minister Jane Roe', '“…,”
said one of them', '…, said the agency's spokesman, John Doe'."""

from __future__ import annotations

import re

from . import wordlists as wl
from .actors import Doc
from .appositions import describe
from .descriptions import description
from .entities import Entity
from .people_words import person_noun
from .person_shapes import is_one_of_them, one_of_them
from .sources import Subject, group_np

_ROLE_BEFORE_NAME_RE = re.compile(r"(?:[a-z][\w'’-]*\s+){1,4}")
_NOT_ROLE = frozenset(
    {"the", "a", "an", "in", "on", "at", "to", "of", "for", "by", "with", "from", "that", "this", "it"}
    | {"he", "she", "they", "we", "was", "were", "is", "are", "and", "or", "but", "when", "as", "after"}
    | {"before", "while", "his", "her", "their", "its", "our", "during"}
)


def subject_after(doc: Doc, cue_end: int, hi: int) -> Subject | None:
    """An inverted subject right after the verb: '…,” said Selin Aydemir' or '…, said a senior official'."""
    text = doc.text
    i = cue_end
    while i < hi and text[i] == " ":
        i += 1
    hit = doc.at_start.get(i)
    is_person = bool(hit) and hit[0] <= hi and hit[1].final().kind == "person"
    person = None if is_person else _titled_member(doc, hit[0] if hit and hit[0] <= hi else i, hi)
    if person is not None:
        return Subject([person[1]], i, person[0], 0.9, "name")  # '…,” said Cal Fire Battalion Chief X'
    if hit and hit[0] <= hi:
        owned = _titled_name_after(doc, hit[0], hi) if hit[1].final().is_org and not is_person else None
        if owned is not None:  # '…,” said Acme Energy's director general, John Smith': Smith speaks
            if not owned.entities[0].affiliation:
                owned.entities[0].affiliation = hit[1].final().id
            return Subject(owned.entities, i, owned.end, owned.confidence, owned.how)
        gap = hit[0]
        while gap < hi and text[gap] == " ":
            gap += 1
        member = _role_then_person(doc, gap, hi)
        if member is not None and not is_person:  # '…,” said NRP leader Grace Tembo': Tembo speaks
            if not member.entities[0].affiliation and hit[1].final().is_org:
                member.entities[0].affiliation = hit[1].final().id
            return Subject(member.entities, i, member.end, member.confidence, member.how)
        return Subject([hit[1]], i, hit[0], 0.95, "name")
    owner = re.match(r"(?:[A-Z][\w&.'’-]*\s+){1,3}", text[i:hi])  # '…,” said Acme chief executive Jane Roe'
    member = _role_then_person(doc, i + (owner.end() if owner else 0), hi) or _role_then_person(doc, i, hi)
    if member is not None:
        return Subject(member.entities, i, member.end, member.confidence, member.how)
    named = _titled_name_after(doc, i, hi)
    if named is not None:
        return named
    if is_one_of_them(text, i, hi):  # '«…», said one of them'
        return one_of_them(doc, i, hi)
    m = re.match(
        r"(?:the|a|an|one of the|two|three|several)?\s*((?:[\w'’-]+\s+){0,5}?[\w'’-]+?)"
        r"(?=[,.;]|\s+(?:who|which|familiar|close|briefed|speaking|in|at|on|from|for|to)\b|$)",
        text[i:hi],
    )
    if not m or not m.group(1):
        return None
    end = i + m.end(1)
    tail = text[end:hi]
    qm = re.match(r"\s+((?:familiar with|close to|briefed on)(?:\s+[\w'’-]+){1,4})", tail)
    grp = group_np(doc, text, end, i, qm.group(1) if qm else "")
    if grp is not None:
        return grp
    pend = doc.pending.get(end)
    if pend:
        kind = "person" if _person_set_off(text, end, hi) else "organisation"
        ent = doc.reg.get_or_create(pend[1], kind, 0.6)
        doc.note(ent, pend[0], end, pend[1])
        describe(doc, ent, pend[0], end, doc.sentence_at(end))
        return Subject([ent], pend[0], end, 0.7, "name")
    return description(doc, text, end, i)


#: The head noun of a phrase set off after a name: its last word before a preposition, a relative word or
#: the phrase's end ('Marek, a rider who asked …', 'Northvale, a copper producer,').
_SET_OFF_NOUN = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?([a-z][a-z-]*)"
                           r"(?=\s+(?:who|which|that|of|in|at|from|for|with|based)\b|\s*[,.;]|\s*$)")


def _person_set_off(text: str, end: int, hi: int) -> bool:
    """Whether a one-word name is set off as a person: 'said Marek, a rider who asked …'."""
    m = _SET_OFF_NOUN.match(text, end, hi)
    return m is not None and person_noun(m.group(1), listed=True)


def _role_then_person(doc: Doc, i: int, hi: int) -> Subject | None:
    """A lower-case role and the person holding it: 'secretary-general Grace Tembo', 'chief executive X'."""
    role = _ROLE_BEFORE_NAME_RE.match(doc.text, i, hi)
    if not role or set(role.group().lower().split()) & _NOT_ROLE:
        return None
    hit = doc.at_start.get(role.end())
    if not hit or hit[0] > hi or hit[1].final().kind != "person":
        return None
    ent = hit[1].final()
    words = role.group().strip()
    if not ent.role or ent.role.endswith(words.replace("-", " ")):
        ent.role = words
    return Subject([ent], i, hit[0], 0.9, "name")


_TITLE_THEN_NAME_RE = re.compile(r"(?:the|its|his|her|their|['’]s)\s+(?:[\w'’-]+\s+){0,4}?([a-z][\w-]*),\s+")


def _titled_name_after(doc: Doc, i: int, hi: int) -> Subject | None:
    """'…,” said the group’s president, Elena Moretti': the named person, not the group (``i`` may also be
    at a named owner's possessive: "Acme's president, Elena Moretti")."""
    m = _TITLE_THEN_NAME_RE.match(doc.text, i, hi)
    if m is None or (m.group(1) not in wl.title_words() and m.group(1) not in wl.title_heads()):
        return None
    hit = doc.at_start.get(m.end())
    if hit is None or hit[0] > hi or hit[1].final().kind != "person":
        return None
    ent = hit[1].final()
    if not ent.role:
        ent.role = m.group(1)
    return Subject([ent], i, hit[0], 0.9, "name")


_CAP_WORD_RE = re.compile(r"\s*([A-Z][\w.'’-]*)\s+")


def _titled_member(doc: Doc, pos: int, hi: int) -> tuple[int, Entity] | None:
    """A person named after capitalised words that hold a title ('Cal Fire Battalion Chief Ramon Ortega')."""
    titled = False
    for _ in range(5):
        m = _CAP_WORD_RE.match(doc.text, pos, hi)
        if m is None:
            return None
        titled = titled or m.group(1).lower().rstrip(".") in wl.title_heads()
        pos = m.end()
        hit = doc.at_start.get(pos)
        if titled and hit is not None and hit[0] <= hi and hit[1].final().kind == "person":
            return hit[0], hit[1].final()
    return None
