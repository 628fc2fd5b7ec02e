"""Names a text gives a body besides its own, read once the whole article is known: the short name it says
the body is known by ('Aguas del Valle Norte, the state-owned utility known as AVN') and its name without
its legal form ('Inversora Platense' … 'Inversora Platense SA'). Part of stage 5, the entities across the
article (coreference.py)."""

from __future__ import annotations

import bisect
import re

from . import wordlists as wl
from .doc import Doc
from .entities import Entity, Registry, company_core
from .textutil import fold

#: The words that give a short name to the body just named: 'known as AVN', 'known by its Spanish initials
#: FBI' (the short name starts where this ends).
_KNOWN_AS = re.compile(r"\bknown\s+(?:as|by\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:initials|acronym|"
                       r"abbreviation)(?:\s+as)?)\s+")
#: Between a body's name and 'known as': nothing but its apposition (', the state-owned utility ', ', '), so
#: that 'sued a company known as Vantor Holdings' gives the short name to the company, not the ministry.
_APPOSED = re.compile(r",\s+(?:(?:the|a|an|its)\s+(?:[a-z][\w-]*\s+){0,3})?\Z")


def merge_known_as(doc: Doc) -> None:
    """A short name the text says a body is known by is that body, even when the gazetteer knows another
    body by those letters: "the Independent Beneficiaries' Front, known by its Spanish initials FBI"."""
    matches = list(_KNOWN_AS.finditer(doc.text))
    if not matches:
        return
    ends = sorted(doc.at_end)
    for m in matches:
        short = doc.at_start.get(m.end())
        if short is None:
            continue
        k = bisect.bisect_right(ends, m.start()) - 1
        while k >= 0 and not _APPOSED.search(doc.text, ends[k], m.start()):
            if m.start() - ends[k] > 80:
                break
            k -= 1  # (a name inside the apposition itself: 'the utility serving Monterrey, known as …')
        if k < 0 or not _APPOSED.search(doc.text, ends[k], m.start()):
            continue
        body = doc.at_end[ends[k]][1].final()
        if body.is_org and body is not short[1].final():
            doc.reg.merge(short[1].final(), body)


def merge_company_forms(reg: Registry) -> None:
    """A company named without its legal form before it is named with it ('Inversora Platense said …' …
    'bonds of Inversora Platense SA') is that company (named the other way round, the registry already
    finds it). A person is never a company, whatever its name ('Tomas Varga' … 'Tomas Varga Ltd')."""
    full: dict[str, Entity] = {}
    opened: dict[str, Entity] = {}  # 'Terre di Murgia' … 'Oleificio Terre di Murgia': the kind, then the name
    for e in reg.live():
        words = e.name.split()
        if e.is_org and len(company_core(words)) < len(words):
            full.setdefault(fold(" ".join(company_core(words))), e)
        if e.is_org and len(words) >= 3 and words[0] in wl.org_words()["generic_openers"]:
            opened.setdefault(fold(" ".join(words[1:])), e)
    for e in reg.live():
        body = full.get(fold(e.name))
        if body is not None and body is not e and e.is_org:
            reg.merge(e, body)
            continue
        body = opened.get(fold(e.name))
        if body is not None and body is not e and (e.is_org or e.tentative and not e.speaker):
            reg.merge(e, body)  # (a person who spoke is no firm: 'Ana Ruiz said …' … 'Fundación Ana Ruiz')
