"""Unnamed and collective sources ('officials', 'a senior official', 'a UN panel of experts') as speakers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import wordlists as wl
from .actors import Doc
from .entities import Entity, Registry
from .org_phrases import lower_head_words, named_before
from .people_words import person_noun, plural_of_people

_DETS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "other",
        "most",
        "few",
        "all",
        "both",
        "another",
    }
)
_POSS = frozenset({"its", "his", "her", "their"})
_NUMBERS = frozenset({"two", "three", "four", "five", "several", "both"})
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*|\d+")
#: Small words that describe an unnamed source when they stand before its noun: 'two outside veterinarians'.
_ADJECTIVE_BEFORE_HEAD = frozenset({"outside", "inside", "former", "other"})
_COLLECTIVE = frozenset(
    [
        "panel",
        "group",
        "team",
        "committee",
        "board",
        "coalition",
        "council",
        "network",
        "body",
        "association",
        "union",
        "alliance",
        "consortium",
        "delegation",
        "commission",
        "jury",
    ]
)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "official"})
#: Unnamed voices of an organisation: what they say, the organisation says.
_VOICES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
#: Unnamed people who speak for their body when they speak on the record ('an official at the office said'),
#: but are sources of their own when they ask not to be named ('A senior official at the ministry, who asked
#: not to be named, said …': a leak, not the ministry's word).
_ON_RECORD = frozenset({"official", "representative"})


@dataclass(slots=True)
class Subject:
    """The speaker(s) a reporting verb was tied to, how sure that is, and where it was written."""

    entities: list[Entity] = field(default_factory=list)
    start: int = -1
    end: int = -1
    confidence: float = 0.0
    how: str = ""


def group_np(
    doc: Doc, text: str, end: int, lo: int, qualifier: str = "", owner: Entity | None = None
) -> Subject | None:
    """An unnamed or collective source ending at `end`: 'foreign experts', 'a senior Iranian official'.

    `owner` is the actor a prepositional phrase ties the source to ('a spokesperson for the agency').
    """
    un = wl.unnamed_sources()
    words = list(re.finditer(r"\d{1,3}(?:,\d{3})+|[\w'’.-]*\w[\w'’.-]*", text[lo:end]))  # ('2,400 farmers')
    if not words:
        return None
    head = words[-1].group()
    hl = head.lower()
    plural = hl in un["plural"] or (head.islower() or len(words) == 1) and plural_of_people(hl) \
        and not _AFTER_ACCORDING.search(
        text, max(0, lo - 20), lo)  # ('The Raptors said', 'according to the ledgers': a team, a paper)
    if not (plural or hl in un["singular"]) or hl in un["not_actor_heads"]:
        return None
    mods: list[str] = []
    k = len(words) - 2
    det = ""
    fw = wl.function_words()
    verbs = wl.reporting_verbs()
    collective = ""
    if k >= 1 and words[k].group().lower() == "of" and words[k - 1].group().lower() in _COLLECTIVE:
        collective = words[k - 1].group()
        k -= 2
    while k >= 0 and len(mods) < 4:
        w = words[k].group()
        wl_ = w.lower().replace("’", "'")
        gap = text[lo + words[k].end() : lo + words[k + 1].start()]
        if gap.strip():
            break
        if wl_ in _DETS or wl_.endswith("'s") or _COUNT.fullmatch(wl_):  # ('2,400 farmers': a count)
            det = wl_
            if k >= 1 and words[k - 1].group().lower() == "the" and wl_ in _NUMBERS:
                det = "the"  # 'The three keepers': the ones already named
            break
        if (
            wl_ in fw and wl_ not in _ADJECTIVE_BEFORE_HEAD
            or wl_ in verbs
            or (w[:1].isupper() and k == 0 and wl_ in doc.common and not wl.gazetteer().get(w))
        ):
            if w[:1].isupper() and wl_ not in fw and wl_ not in verbs:
                mods.append(w)
            break
        mods.append(w)
        k -= 1
    mods.reverse()
    if not plural and not det and not mods:
        return None
    name_words = mods + ([collective, "of"] if collective else []) + [head]
    if collective:
        plural = True
    if hl in un["bare_needs_qualifier"] and qualifier:
        name_words.append(qualifier)
    elif hl in un["bare_needs_qualifier"] and not mods:
        return None
    name = " ".join(name_words)
    if (
        name[:1].isupper()
        and not wl.gazetteer().get(name.split()[0])
        and name.split()[0].lower() in doc.common
    ):
        name = name[0].lower() + name[1:]
    start = lo + (words[k + 1].start() if k + 1 < len(words) else words[-1].start())
    reg = doc.reg
    if det in ("the", "one") or det in _POSS:
        ent = reg.description(hl, start) if det == "the" else None
        if ent is None and det == "one":
            ent = reg.most_recent(lambda e: e.kind == "group" and e.name.lower().endswith(hl), start)
        if ent is None and det in _POSS and plural:
            ent = reg.get_or_create(name, "group", 0.7)
            reg.add_alias(ent, text[lo + words[max(k, 0)].start() : end])
        if ent is not None:
            return Subject([ent], start, end, 0.75, "description")
    if det in ("the", "one") and not mods:
        ent = reg.most_recent(lambda e: e.kind in ("group", "person") and e.name.lower().endswith(hl), start)
        if ent is not None:
            return Subject([ent], start, end, 0.8, "description")
    kind = "group" if plural else "person"
    firm = (det in ("a", "an") and not plural and hl in wl.org_words()["firm_nouns"]
            and not _PERSON_AFTER.match(text, end))  # ('a contractor who worked on the site': a person)
    if collective or firm:
        kind = "organisation"  # 'a road contractor': a company, to be named later
    owner = (_named_owner(reg, mods) if hl in _SPOKES else None) or owner  # 'A Solvane spokesperson'
    if owner is None and hl in _SPOKES and len(mods) == 1 and mods[0].islower():
        described = reg.description(mods[0], start) or named_before(doc, mods[0], start)  # 'a company
        # spokeswoman': the company just named; 'a ministry spokeswoman': 'the agriculture ministry' before
        speaks_for = described is not None and (described.is_org or described.kind == "state")
        owner = described if speaks_for else None
    named_owner = owner is not None  # (not the body last named, which a spokesperson alone may stand for)
    if not mods and hl in _SPOKES:
        owner = owner or reg.most_recent(lambda e: e.is_org or e.kind == "state", start, speakers_only=True)
        if owner is not None:
            name = f"{owner.name} {head}"
    if owner is not None and owner.is_org and not plural and (
            hl in _VOICES or hl in _ON_RECORD and named_owner and not _anonymous(doc, start)):
        if hl in _VOICES:  # 'she said' next is still the body's voice
            reg.voices.append((start, owner, {"spokeswoman": "f", "spokesman": "m"}.get(hl, "-")))
        return Subject([owner], start, end, 0.85, "group")  # an unnamed spokesperson speaks for it
    ent = reg.get_or_create(name, kind, 0.75)
    ent.tags.add("unnamed")  # never what 'the group' or 'the company' refers to
    if (det in _NUMBERS or _COUNT.fullmatch(det)) and k >= 0:
        reg.add_alias(ent, re.sub(r"\s+", " ", text[lo + words[k].start() : end]).strip())  # 'Two residents'
    if firm and ent.placeholder is None:
        ent.placeholder = hl
    if owner is not None and not ent.affiliation and owner is not ent:
        ent.affiliation = owner.id
        if name.startswith(owner.name):
            for alias in owner.aliases:  # 'the FTC spokesperson', 'a Solvane spokesperson': the same one
                if alias[:1].isupper():
                    reg.add_alias(ent, f"{alias} {head}")
    aff = _first_state(doc, start, end)
    if aff is not None and not ent.affiliation and aff is not ent:
        ent.affiliation = aff.id
    if kind == "person" and ent.role is None:
        ent.role = hl
    return Subject([ent], start, end, 0.85, "group")


def says_unnamed(text: str) -> bool:
    """Whether words say their source is not named ('who asked not to be named', 'speaking on condition of
    anonymity': unnamed_sources.json 'anonymity')."""
    return _anonymity().search(text) is not None


def _anonymous(doc: Doc, start: int) -> bool:
    """Whether the sentence of an unnamed source says it is not named ('speaking on condition of anonymity',
    'who asked not to be named', 'not authorised to speak': unnamed_sources.json 'anonymity')."""
    a, b = doc.sentence_at(start)
    return _anonymity().search(doc.text, a, b) is not None


@functools.cache
def _anonymity() -> re.Pattern[str]:
    return re.compile(rf"\b{wl.anonymity()}\b", re.IGNORECASE)


#: Prepositions whose phrase says where an unnamed source is or comes from ('Doctors at the hospital').
_WHEREABOUTS = frozenset({"at", "in", "on", "from", "near", "inside", "outside", "of", "with"})
_A_TOWN = r"\s+(?:in|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_TOWN_AFTER = re.compile(_A_TOWN + r"(?=\s+[a-z]|,)")
_TOWN_AT_END = re.compile(_A_TOWN + "$")


_WITH_A_NAME = re.compile(r"\swith\s+(?:the\s+)?[A-Z]")


def note_full_description(ent: Entity, text: str, start: int, end: int, prep: str) -> None:
    """Note an unnamed source's whole description when a place-like phrase qualifies it: 'Doctors at the
    district hospital in Batken', 'A security guard at the warehouse', 'Relatives of inmates' (never past
    eight words)."""
    if "unnamed" not in ent.tags or prep not in _WHEREABOUTS:
        return
    if prep == "with" and not _WITH_A_NAME.search(text, start, end):
        return  # who they work with ('a former foreman with Corrib Modular'), never what they have ('a woman
        # with two small children')
    town = _TOWN_AFTER.match(text, end)  # 'in Batken', left out of the subject as a place
    words = re.sub(r"\s+", " ", text[start : town.end() if town else end]).strip(" ,")
    words = re.sub(r"^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+", "", words)
    if len(words.split()) <= 8 and words.lower().startswith(ent.name.lower() + " "):
        ent.full_descriptions.add(words)


def without_its_town(ent: Entity, description: str) -> list[str]:
    """An unnamed source's description without the town that closes it, as a second surface form ('shift
    supervisor at UNIQ's dehairing plant' of '… plant in Ulaanbaatar'): the town says where the place
    stands, not who speaks."""
    if "unnamed" not in ent.tags:
        return []
    shorter = _TOWN_AT_END.sub("", description)
    return [shorter] if shorter != description and len(shorter.split()) >= 3 else []


#: Words after a noun that show it is a person: 'a contractor who …', '… said he was never paid'.
_PERSON_AFTER = re.compile(r"\s+who\b|[^.]{0,60}\b(?:he|she|his|her)\b")

_AFTER_ACCORDING = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


def someone(doc: Doc, lo: int, end: int, anonymous: bool = False) -> Subject | None:
    """An unnamed person no word list knows, described by a noun for people: 'A beekeeper said'; with
    ``anonymous`` (it asked not to be named), by any noun but a body's or a paper's, and where it works may
    follow: 'A former lifeguard', 'A crew member on one of the barges'."""
    m = re.fullmatch(r"\s*(?:[Aa]n?|[Oo]ne)\s+((?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*))\s*", doc.text[lo:end])
    if m is None and anonymous:
        m = re.match(r"\s*(?:(?:But|And|Yet)\s+)?(?:[Aa]n?|[Oo]ne)\s+((?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*))"
                     r"(?=\s+(?:on|at|in|of|from|with|for)\s)", doc.text[lo:end])
    if m is None or not person_noun(m.group(2), anonymous=anonymous):
        return None
    ent = doc.reg.get_or_create(m.group(1), "person", 0.6)
    ent.tags.add("unnamed")
    ent.role = ent.role or m.group(2)
    if lo + m.end() < end:  # 'on one of the barges': where it works is its description too
        note_full_description(ent, doc.text, lo + m.start(1), end, doc.text[lo + m.end() :].split(None, 1)[0])
    return Subject([ent], lo + m.start(1), end, 0.7, "group")


@functools.cache
def _anonymous_subject() -> re.Pattern[str]:
    """An unnamed person opening a sentence with the reason no name is given: 'A rider on the team, who
    asked not to be named because he is still under contract, …'."""
    why = "|".join(re.escape(q) for q in wl.unnamed_sources()["qualifiers"]
                   if "named" in q or "anonymity" in q)
    where = (r"(?:\s+(?:on|at|in|of|from|with|for|close to)\s+(?:the|a|an|its|their|his|her)\s+"
             r"(?:[\w'’-]+\s+){0,3}?")
    return re.compile(
        r"\s*[“\"]?(?:A|An|One)\s+(?P<desc>(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]*)"
        rf"{where}[\w'’-]+)?),\s+(?:{why})\b"
    )


def note_anonymous_subject(doc: Doc, sent: tuple[int, int]) -> None:
    """An unnamed person who opens a sentence without speaking in it ('A rider on the team, who asked not
    to be named, was unconvinced.') is who 'he said' in the next one refers to: noted as the sentence's
    subject, with the gender its own clause gives ('because he is still under contract')."""
    m = _anonymous_subject().match(doc.text, sent[0], sent[1])
    if m is None or not person_noun(m.group("head"), listed=True, anonymous=True):
        return
    ent = doc.reg.get_or_create(re.sub(r"\s+", " ", m.group("desc")), "person", 0.6)
    ent.tags.add("unnamed")
    ent.role = ent.role or m.group("head")
    pronoun = re.search(r"\b(he|she)\b", doc.text[m.end() : sent[1]])
    if pronoun is not None and ent.gender == "-":
        ent.gender = "m" if pronoun.group(1) == "he" else "f"
    doc.reg.mention(ent, m.start("desc"), m.end("desc"))
    doc.reg.speakers.append((m.start("desc"), ent.final()))  # salient, as a named subject is


#: Words before a spokesperson that say what the person is, not whose ('a senior ministry official').
_OF_THE_PERSON = frozenset({"senior", "junior", "top", "former", "deputy", "chief", "acting", "interim",
                            "outgoing", "retired", "veteran", "local", "regional", "press"})


def _named_owner(reg: Registry, mods: list[str]) -> Entity | None:
    """The organisation the modifiers of a spokesperson name: capitalised ('Solvane' in 'a Solvane
    spokesperson', a name first read as a person's made a body's), or a body's noun after them ('a Scottish
    government spokesperson', 'a health ministry spokesman')."""
    if not mods:
        return None
    words = " ".join(mods)
    if len(mods) >= 2 and mods[-1] in lower_head_words() and not set(mods) & _OF_THE_PERSON:
        return reg.lookup(words) or reg.get_or_create(words, "organisation", 0.6)
    if not all(m[:1].isupper() for m in mods):
        return None
    found = reg.lookup(words) or (reg.short_org(words) if len(mods) == 1 else None)
    if found is not None and found.tentative and found.kind == "person":
        reg.make_org(found)  # 'Northvale Apparel … a Northvale spokesperson': a company after all
    return found if found is not None and found.is_org else None


def _first_state(doc: Doc, start: int, end: int) -> Entity | None:
    for pos in range(start, end):
        hit = doc.at_start.get(pos)
        if hit and hit[0] <= end and hit[1].kind in ("state", "organisation"):
            return hit[1]
    return None

