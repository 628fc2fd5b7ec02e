"""Organisations named in lower case: "Iran's foreign ministry", "the Greek air force", "the city police"."""

from __future__ import annotations

import functools
import re

from . import wordlists as wl
from .doc import Doc
from .entities import Entity
from .textutil import fold

_LOWER_ORG_CACHE: dict[str, re.Pattern[str]] = {}



def lower_org_re() -> re.Pattern[str]:
    if "re" not in _LOWER_ORG_CACHE:
        heads = "|".join(re.escape(h).replace("'", "['’]") for h in wl.org_words()["lower_heads"])  # (either
        # apostrophe: "the prosecutor’s office")
        _LOWER_ORG_CACHE["re"] = re.compile(
            rf"(?<![\w'’])(?:the\s+)?((?:[a-z]+\s+){{0,2}}?|[a-z]+\s+and\s+[a-z]+\s+)({heads})\b"  # ('food
            # and veterinary authority')
            r"(\s+of\s+(?!(?:its|this|his|was|is|as|us|has|does)\b)[a-z]{2,}s\b)?"  # 'of pharmacists'
        )
    return _LOWER_ORG_CACHE["re"]


#: A region's adjective no gazetteer knows, right before a body's noun: 'the Scottish government', 'Catalan
#: police' (a state's demonym is read as its state before this).
_REGION_ADJECTIVE = re.compile(r"(?:^|(?<=\s))(?:[Tt]he\s+)?([A-Z][a-z]+(?:ish|ese|ian|an|ic|ch|sh))\s+$")
_OWNER_RE = re.compile(r"\b[Tt]he\s+(country|nation|city|region|province|state|town)['’]s\s*$")


#: A plural possessive right before a body's noun says whose it is: "a teachers' union", "the growers' union".
_WHOSE = re.compile(r"\b([a-z]+s['’])\s+$")
_IN_CAPITAL = re.compile(r"\s*In\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?),\s+(?:[Tt]he\s+)?$")


def _capital_opening(doc: Doc, sent_start: int, start: int) -> Entity | None:
    """The state whose capital opens the sentence before its government: 'In Yaoundé, the government'."""
    m = _IN_CAPITAL.fullmatch(doc.text, sent_start, start)
    found = wl.gazetteer().get(m.group(1)) if m else None
    if found is None or found[1] != "metonym" or found[0].kind != "state":
        return None
    return doc.reg.for_known(found[0])


def lower_org_at(doc: Doc, start: int, end: int, sent_start: int, local: bool = False) -> Entity | None:
    """An organisation named in lower case after a state: "Iran's foreign ministry", "the Greek air force".

    "the country's health ministry" belongs to the state the text is about; with `local`, a speaking
    "the city's police" becomes an actor of its own. A short name in brackets after it is its name too:
    'the public prosecution service (OM)' … 'The OM said'.
    """
    m = lower_org_re().fullmatch(doc.text, start, end) if end > start else None
    if m is None or m.group(2) in AREAS and not where_a_body_stands(doc.text, sent_start, start):
        return None  # 'People across the city said …', 'Half the town said …': people, not a council
    ent = _lower_org_at(doc, m, sent_start, local)
    short = _SHORT_NAME_AFTER.match(doc.text, end)
    if ent is None or short is None:
        return ent
    found = doc.reg.lookup(short.group(1))
    if found is not None and found is not ent and found.name == short.group(1):
        doc.reg.merge(found, ent)  # (the bracket was read first as a name of its own)
    elif found is None:
        doc.reg.add_alias(ent, short.group(1))
    return ent


#: A short name in brackets right after a body's lower-case name: ' (OM)'.
_SHORT_NAME_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7})\)")


def _lower_org_at(doc: Doc, m: re.Match[str], sent_start: int, local: bool) -> Entity | None:
    start, end = m.span()
    mods, head = m.group(1).strip(), m.group(2)
    if (set(mods.split()) - {"and"}) & wl.function_words():
        return None  # 'Sweden broke a court order': a clause, not 'the Swedish broke a court' (but 'the food
        # and drug authority')
    members = " ".join((m.group(3) or "").split())  # 'the federal association of pharmacists'
    head_phrase = f"{head} {members}".strip()
    owner_end = start - 1 if doc.text[start - 1 : start] == " " else start
    if doc.text[owner_end - 2 : owner_end] in ("'s", "’s"):
        owner_end -= 2
    elif doc.text[owner_end - 2 : owner_end] in ("s'", "s’"):
        owner_end -= 1  # "The Philippines’ drug regulator", "the Netherlands' food agency"
    hit = doc.at_end.get(owner_end)
    state = hit[1] if hit and hit[0] >= sent_start and hit[1].kind == "state" else None
    if state is None and hit and hit[0] >= sent_start and hit[1].is_org and owner_end < start:
        state = hit[1]  # "the EU's top court": a body of an organisation
    if state is None and head in wl.org_words()["state_like_lower"] and not m.group(1).strip():
        state = _capital_opening(doc, sent_start, start)  # 'In Yaoundé, the government rejected …'
    phrase = f"{mods} {head_phrase}".strip()
    described = f"{mods} {head}".strip()  # what a description lookup matches on
    owner = _OWNER_RE.search(doc.text, max(0, start - 24), start) if state is None else None
    if owner is not None and owner.group(1) in ("country", "nation"):
        state, hit = doc.reg.main_state(start), None
        if state is None and head not in wl.org_words()["state_like_lower"]:
            ent = doc.reg.get_or_create(phrase, "organisation", 0.6)  # the country is not named yet
            if head in wl.org_words()["waiting_for_a_name"] and ent.first_pos < 0:
                ent.placeholder = head  # "the country's drug regulator": the National Drug Safety Office
            return ent
    elif owner is not None and local and head not in wl.org_words()["state_like_lower"]:
        ent = doc.reg.get_or_create(f"{owner.group(1)} {phrase}", "organisation", 0.6)
        main = doc.reg.main_state(start)
        if main is not None and not ent.affiliation:
            ent.affiliation = main.id
        return ent
    if state is None and local and described in wl.org_words()["national_lower"] and not owner:
        named = doc.reg.description(described, start, strict=True)  # 'the Independent Electoral Commission'
        if named is not None:
            return named
        state, hit = doc.reg.main_state(start), None  # 'the central bank said': the state written about
    region = _REGION_ADJECTIVE.search(doc.text, max(sent_start, start - 20), start) if state is None else None
    if region is not None and hit is None:  # 'the Scottish government', 'the Catalan police': a region's body
        return doc.reg.get_or_create(f"{region.group(1)} {phrase}", "organisation", 0.7)
    if state is None:
        if mods:
            found = doc.reg.description(described, start, strict=True)
            if found is not None:
                return found
            if any(w in wl.org_words()["lower_modifiers"] for w in mods.split()):  # ('the federal digital
                # ministry')
                ent = doc.reg.get_or_create(phrase, "organisation", 0.6)
                if head in wl.org_words()["waiting_for_a_name"] and ent.first_pos < 0:
                    ent.placeholder = head  # 'the drug regulator said …' … 'The National Drug Safety Office'
                return ent
            return None
        found = doc.reg.description(described, start, strict=" " in described)  # 'interior ministry'
        if found is None and local and head not in wl.org_words()["state_like_lower"]:
            whose = _WHOSE.search(doc.text, max(sent_start, start - 30), start)  # "a teachers' union said"
            phrase = f"{whose.group(1)} {phrase}" if whose else phrase
            found = doc.reg.get_or_create(phrase, "organisation", 0.5)  # 'the commission said', first mention
            if found.first_pos < 0:
                found.placeholder = head  # may be named later: '…, the regulator has found. A report by X'
                found.tags.add(head)
        return found
    if head in wl.org_words()["state_like_lower"] and not mods:
        return state
    demonym = _demonym(state)
    kind = "media" if head in wl.org_words()["media_lower"] else "organisation"
    ent = doc.reg.get_or_create(f"{demonym} {phrase}", kind, 0.8)
    if not ent.affiliation:
        ent.affiliation = state.id
    if head in wl.org_words()["waiting_for_a_name"] and ent.first_pos < 0:
        ent.placeholder = head  # "Sierra Leone's cocoa regulator": the Produce Export Regulatory Agency
    surface = doc.text[hit[0] : end] if hit else None
    if surface:
        doc.reg.add_alias(ent, surface)
    return ent


#: Bodies of members that take the name of their place: 'the Kuusijärvi fishing association'.
_MEMBERS_BODIES = frozenset({"association", "union", "cooperative", "co-operative", "community", "trust",
                             "federation", "society", "committee", "collective"})
_AN_ADJECTIVE = re.compile(r"(?:an|ian|ese|ish|ic)$")
#: 'The Kuusijärvi fishing association': a capitalised word, then lower-case words ending in a noun.
_PLACE_NAMED = re.compile(r"(?<!\S)[Tt]he\s+([A-Z][\w'’-]*)\s+((?:[a-z][\w'’-]*\s+){0,2})([a-z][\w-]*)$")


def place_named_body(doc: Doc, lo: int, end: int) -> tuple[int, Entity] | None:
    """(start, body) of a body of members named by the place it belongs to, a word no gazetteer or earlier
    name knows, ending the words text[lo:end]: 'The Kuusijärvi fishing association says …' is a body of
    its own, not the supervisory office named before (never 'the Swiss-registered team', 'the Apulian
    producer', 'the X community of Y')."""
    m = _PLACE_NAMED.search(doc.text, lo, end)
    if m is None or m.end() != end:
        return None
    place, head = m.group(1), m.group(3)
    if head not in _MEMBERS_BODIES or "-" in place or _AN_ADJECTIVE.search(place) \
            or wl.gazetteer().get(place) or doc.reg.lookup(place) or place.lower() in wl.function_words() \
            or doc.text[end : end + 4] == " of ":
        return None
    named = doc.reg.most_recent(lambda e: e.is_org and fold(place) in fold(e.name).split()
                                and fold(e.name).split()[-1] == head, m.start(1))  # ('the Lake Naivasha
    # Riparian Association' … 'The Naivasha association')
    name = " ".join([place, *m.group(2).split(), head])
    body = named or doc.reg.get_or_create(name, "organisation", 0.6)
    return m.start(1), doc.note(body, m.start(1), end)


def named_before(doc: Doc, word: str, before: int) -> Entity | None:
    """The body a lower-case phrase with this head or modifier named last before a position, made an actor
    now: 'sent to the agriculture ministry' … 'A ministry spokeswoman said' (the agriculture ministry
    speaks); 'the Oita prefectural government' … 'A prefectural official said'."""
    last = None
    for m in lower_org_re().finditer(doc.text, max(0, before - 3000), before):
        if m.group(2) == word or word in m.group(1).split():
            last = m
    if last is None:
        return None
    return lower_org_at(doc, last.start(), last.end(), doc.sentence_at(last.start())[0], local=True)


def _demonym(state: Entity) -> str:
    found = wl.gazetteer().get(state.name)
    if found and found[0].demonyms:
        return found[0].demonyms[0]
    return state.name


def lower_head_words() -> frozenset[str]:
    if "words" not in _LOWER_HEADS:
        _LOWER_HEADS["words"] = frozenset(h.split()[-1] for h in wl.org_words()["lower_heads"])
    return _LOWER_HEADS["words"]


_LOWER_HEADS: dict[str, frozenset[str]] = {}


def prev_is_state(doc: Doc, s: int, sent_start: int) -> bool:
    hit = doc.at_end.get(s - 1)
    return bool(hit and hit[0] >= sent_start and hit[1].kind == "state")


_PLACE_ORG_CACHE: dict[str, re.Pattern[str]] = {}


def _place_org_re() -> re.Pattern[str]:
    if "re" not in _PLACE_ORG_CACHE:
        heads = "|".join(re.escape(h) for h in wl.org_words()["place_heads"])
        _PLACE_ORG_CACHE["re"] = re.compile(
            rf"(?:\b[Tt]he\s+|(?:^|(?<=[.,;:]\s)|(?<=\n))(?!(?:The|A|An|This|That|These|Its|Their|His|Her|Our)\s))"
            rf"((?:[A-Z][\w’'-]+\s+){{1,3}}(?:[a-z]+\s+){{0,2}}?"
            rf"(?:{heads}))\b"
        )
    return _PLACE_ORG_CACHE["re"]


@functools.cache
def place_head_words() -> frozenset[str]:
    """The last words of institutions named after a place ('hospital', 'council')."""
    return frozenset(h.split()[-1] for h in wl.org_words()["place_heads"])


#: Heads that name an area as often as its administration ('the Uckermark district says'), and where one
#: stands as a body: opening its clause, or after 'by' or 'for' ('commissioned by the Uckermark district';
#: never 'a school in the … district', 'Fighting hit the … district').
AREAS = frozenset({"district", "county", "city", "town"})
_WHERE_A_BODY_STANDS = re.compile(r"(?:^|[.;:,“\"]\s*|\n\s*|\b(?:by|for)\s+)(?:[Tt]he\s+)?$")


def where_a_body_stands(text: str, sent_start: int, start: int) -> bool:
    """Whether a phrase at ``start`` stands where a body does: opening its sentence or clause, or after 'by'
    or 'for'."""
    return not text[sent_start:start].strip(" \n\t“\"") or text[sent_start:start].strip() in ("The", "the") \
        or _WHERE_A_BODY_STANDS.search(text, max(sent_start, start - 16), start) is not None


def place_orgs(doc: Doc, sent: tuple[int, int]) -> None:
    """Institutions named after a place: 'the Toamasina regional hospital', 'the Kyiv city council', 'Severn
    Vale police denied …' (opening a sentence or clause, no article is needed)."""
    for m in _place_org_re().finditer(doc.text, sent[0], sent[1]):
        s, e = m.start(1), m.end(1)
        if s in doc.at_start or e in doc.at_end:
            continue
        words = m.group(1).split()
        if words[-1] in AREAS and not where_a_body_stands(doc.text, sent[0], s):
            continue  # 'a school in the Donji Breg district': where, not who
        caps = [w for w in words if w[:1].isupper()]
        if any(doc.reg.lookup(w) is not None or w.lower() in doc.common for w in caps):
            continue  # a person's or organisation's name ('the Trump administration'), or a common word
        if any(w in wl.function_words() for w in words[len(caps) : -1]):
            continue  # a clause, not a name: 'told the Courier that the hospital …'
        ent = doc.reg.get_or_create(m.group(1), "organisation", 0.7)
        main = doc.reg.main_state(s)
        if main is not None and not ent.affiliation:
            ent.affiliation = main.id
        doc.note(ent, s, e, m.group(1))


#: Titles of those who speak for a body, not for an office of their own.
_SPEAKS_FOR_A_BODY = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "officials",
                                "representative"})


def body_in_role(doc: Doc, role: str | None, role_tok: int) -> Entity | None:
    """The body a role's own words name before its title, a government body in lower case ('Tourism ministry
    spokesperson Gopal Bhandari', 'Health ministry spokesman Ram Thapa'): the one named so before, else a
    new one (a named spokesperson is a person of the body, which plays its part through them)."""
    words = (role or "").split()
    if role_tok < 0 or not words or words[-1].lower() not in _SPEAKS_FOR_A_BODY:
        return None  # (a 'Local government minister' holds a portfolio; a 'District court judge' sits in one)
    if len(words) < 2 and not (role_tok >= 1 and doc.tokens[role_tok - 1].text.istitle()):
        return None
    body = words[:-1]
    opening = doc.tokens[role_tok - 1] if role_tok >= 1 else None
    start = doc.tokens[role_tok].start
    if opening is not None and opening.text.istitle() and opening.lower not in (w.lower() for w in body):
        body, start = [opening.text, *body], opening.start  # ('Tourism' opening the sentence, left out of
        # the role)
    mods, head = [w.lower() for w in body[:-1]], body[-1].lower() if body else ""
    modifiers = wl.org_words()["lower_modifiers"]
    if not mods or head not in lower_head_words() or not all(m in modifiers for m in mods):
        return None
    found = doc.reg.description(" ".join([*mods, head]), doc.tokens[role_tok].start, strict=True)
    if found is not None and all(m in fold(found.name).split() for m in mods):
        return found  # (never the tourism ministry for 'Health ministry spokesman …')
    phrase = " ".join(body)
    ent = doc.reg.get_or_create(phrase, "organisation", 0.6)
    if doc.text[start : start + len(phrase)] == phrase:
        doc.reg.mention(ent, start, start + len(phrase))
    return ent
