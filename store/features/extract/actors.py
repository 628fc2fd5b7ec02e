"""Actor mentions of one sentence turned into entities: names, titles, affiliations and descriptors."""

from __future__ import annotations

import functools
import re

from . import wordlists as wl
from .appositions import describe
from .doc import Doc
from .entities import Entity, Registry
from .entity import ONLY_ACCUSED
from .gender import gender_from_role
from .names import NameMention, find_names
from .org_kinds import org_class
from .org_phrases import (
    body_in_role,
    lower_head_words,
    lower_org_at,
    lower_org_re,
    place_head_words,
    place_orgs,
    prev_is_state,
)
from .places import at_a_place, locative, people_in_places_before
from .textutil import INITIALS_EXPLAINED, THE_BEFORE, Token, fold
from .things import is_product, names_a_thing

__all__ = ["Doc", "lower_org_at", "resolve_sentence"]

_STOP_ROLE = frozenset(
    {"the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "by", "with", "for", "from", "that", "as",
     "its", "his", "her", "their", "our"}  # ('said its chair, Hanne Dorr': the role is 'chair')
)
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]")
_SEAT_RE = re.compile(
    r"\b(?:registered|based|incorporated|headquartered|located|domiciled|listed|founded)\s+in\s+(?:the\s+)?$"
)
_GOV_WORDS = frozenset(
    ["minister", "ministry", "premier", "governor", "government", "parliament", "legislature", "cabinet"]
    + ["mayor", "police", "army", "military", "president", "health", "environment", "finance", "provincial"]
)


def _role_left(doc: Doc, first_token: int, sent_start: int) -> tuple[str | None, int]:
    """Lower-case role words right before a name ('defence minister', 'ministry spokesperson')."""
    toks = doc.tokens
    k = first_token - 1
    words: list[Token] = []
    titles = wl.title_words()
    apposed = k >= 0 and doc.text[toks[k].end : toks[first_token].start] == ", " and toks[k].lower in titles
    while k >= 0 and toks[k].start >= sent_start and len(words) < 6:
        t = toks[k]
        gap = doc.text[t.end : toks[k + 1].start] if k + 1 < len(toks) else ""
        if gap not in (" ", "-") and not (apposed and not words and gap == ", "):
            break  # 'the company's managing director, Erik Tan': role words set off by a comma count too
        low = t.lower
        if low in _STOP_ROLE or t.is_possessive or (t.is_cap and low not in titles):
            break
        if low.endswith("ed") and low not in titles:
            break  # 'Cianova Energy sued rival Orrin Cells': a verb ends the role words ('newly elected')
        words.append(t)
        k -= 1
    words.reverse()
    if not words or not any(w.lower in titles for w in words):
        return None, first_token
    return " ".join(w.text for w in words), first_token - len(words)


def _affiliation_before(doc: Doc, tok_index: int, sent_start: int) -> Entity | None:
    """The actor named right before role words: 'South Korean', 'Hungary's', 'US Security Council'."""
    if tok_index <= 0:
        return None
    t = doc.tokens[tok_index - 1]
    end = t.end
    if t.is_possessive and tok_index >= 2:
        end = doc.tokens[tok_index - 2].end
    hit = doc.at_end.get(end)
    if hit and hit[0] >= sent_start:
        return hit[1]
    return None


_OWNER_WORDS = frozenset(
    {"its", "their", "company", "firm", "group", "ministry", "agency", "operator", "council"}
)


def _owner_by_pronoun(doc: Doc, tok_index: int, sent_start: int) -> Entity | None:
    """The organisation 'its' or 'the company's' before role words refers to: the latest one named."""
    k = tok_index - 1
    if k >= 1 and doc.tokens[k].is_possessive:
        k -= 1  # 'the company' 's
    elif k < 0 or doc.tokens[k].lower not in ("its", "their"):
        return None
    if k < 0 or doc.tokens[k].start < sent_start or doc.tokens[k].lower not in _OWNER_WORDS:
        return None
    word, at = doc.tokens[k].lower, doc.tokens[k].start
    cls = wl.org_words()["descriptor_class"].get(word)  # "The company's chief executive": the company, not
    # the health office named since
    of_class = doc.reg.most_recent(lambda e: e.is_org and org_class(e) == cls, at) if cls else None
    if of_class is not None:
        return of_class
    return doc.reg.most_recent(lambda e: e.is_org and (e.speaker or ONLY_ACCUSED not in e.tags), at)
    # ('The association accused the state agency of …. “…,” its president said': the association)


def _owner_in_role(doc: Doc, role: str | None, role_tok: int) -> Entity | None:
    """The body a descriptor opening a role refers to: 'company spokesman Ian Bell' and 'Agency director Tom
    Hale' (a capital opening the sentence, left out of the role) are the latest company's and agency's."""
    if role_tok < 0:
        return None
    words = (role or "").lower().split()
    owner = words[0] if len(words) >= 2 else None
    if owner is None and role_tok >= 1 and doc.tokens[role_tok - 1].text.istitle():
        owner = doc.tokens[role_tok - 1].lower
    if owner not in _OWNER_WORDS:
        return None
    found = doc.reg.description(owner, doc.tokens[role_tok].start)
    return found if found is not None and found.is_org else None


def _descriptor_left(doc: Doc, first_token: int, last_token: int | None = None) -> str | None:
    """A lower-case descriptor noun right before a name ('airline SkyBridge', 'group Which?'), or set off
    before it by commas where a sentence opens ('The exporter, Cafetalera Sur, buys …': the name
    ``last_token`` ends is followed by a comma; never 'After quitting the firm, Zuberi Okoth, 54, …')."""
    if first_token <= 0:
        return None
    t = doc.tokens[first_token - 1]
    gap = doc.text[t.end : doc.tokens[first_token].start]
    if gap == ", " and last_token is not None and first_token >= 2 and last_token < len(doc.tokens) \
            and doc.tokens[first_token - 2].text in ("The", "Its", "Their") \
            and doc.text[doc.tokens[last_token - 1].end : doc.tokens[last_token - 1].end + 1] == ",":
        gap = " "  # 'The exporter, Cafetalera Sur, …': an apposition naming the exporter
    if gap != " ":
        return None
    return t.lower if t.lower in wl.org_words()["descriptor_class"] else None


def _org_context(doc: Doc, m: NameMention) -> str | None:
    """A descriptor the words around a new name give it: 'London-based X', 'X shares fell', 'the X union'."""
    if re.search(r"\w-based\s$", doc.text[max(0, m.start - 12) : m.start]):
        return "company"
    if re.match(r"\s(?:shares|stock|stocks)\b", doc.text[m.end : m.end + 8]):
        return "company"
    nxt = re.match(r" ([a-z]+)\b", doc.text[m.end : m.end + 16])
    cls = wl.org_words()["descriptor_class"].get(nxt.group(1)) if nxt else None
    if nxt and nxt.group(1) in ("administration", "government", "regime", "presidency", "cabinet"):
        return None  # 'the Biden administration': named after a person
    return nxt.group(1) if cls in ("company", "group", "regulator", "media", "government", "labour") else None


def _owner_kind(doc: Doc, m: NameMention) -> str | None:
    """The kind of a new name owning a role: 'Ontario's premier' (state), 'Acme's chief' (organisation)."""
    toks = doc.tokens
    j = m.last_token
    if j + 1 >= len(toks) or not toks[j].is_possessive or toks[j].start != m.end:
        return None
    nxt = toks[j + 1].lower
    if nxt in _GOV_WORDS:
        return "state"
    if nxt in wl.title_words() or nxt in lower_head_words():
        return "organisation"
    return None


def _owns_a_company_office(doc: Doc, m: NameMention) -> bool:
    """Whether a name's possessive is followed by an office only a company has ('managing director')."""
    after = doc.text[m.end : m.end + 40].lower()
    return after.startswith(("'s ", "’s ")) and any(
        re.match(rf"{re.escape(office)}\b", after[3:]) for office in wl.org_words()["company_roles"])


def _unconfirmed(ent: Entity) -> bool:
    """A person only by default: no role, title, honorific or gendered first name has shown it to be one."""
    return ent.kind == "person" and not ent.role and ent.gender == "-"


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_AFTER_A_BREAK = re.compile(r"(?:[,;:]\s+|\b[Tt]he\s+)$")


def _opens_a_clause(before: str) -> bool:
    """Whether a name stands where a clause opens, given what stands before it in its sentence: nothing, a
    comma or colon, or 'the'."""
    return not before.strip() or _AFTER_A_BREAK.search(before) is not None


#: A lower-case institution right after a name: 'Severn Vale police', 'the Kyzyl council'.
_PLACE_HEAD_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(place_head_words(), key=len, reverse=True))
                               + r")\b")


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Whether a bare name stands between 'the' and a noun that makes it a place's name ('the Les Crêtes
    farm', 'the Jaisalmer-Barmer highway'; things.json 'nouns_after_places'), not a person's ('the Tillery
    family')."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1) in wl.things()["nouns_after_places"] \
        and THE_BEFORE.search(text, max(0, start - 4), start) is not None
_COMPOUND_RE = re.compile(r"-(?:registered|based|listed|headquartered|owned|flagged|born|educated)\b")


#: The classes of descriptor ('club', 'watchdog', 'charity', 'newspaper') whose name after them is a body's.
_BODY_CLASSES = frozenset({"company", "group", "regulator", "media"})


def _resolve(doc: Doc, m: NameMention, sent: tuple[int, int]) -> Entity | None:
    reg = doc.reg
    short = _short_name_in_brackets(doc, m)
    if short is not None:
        return short
    if m.cat == "known" and m.known is not None:
        ent = reg.for_known(m.known)
        if ent.kind == "state" and (
            _SEAT_RE.search(doc.text, max(0, m.start - 30), m.start) or _COMPOUND_RE.match(doc.text, m.end)
        ):
            ent.placed += 1  # 'registered in Cyprus', 'the Swiss-registered team': where, not who
        return doc.note(ent, m.start, m.end, m.text if m.how != "demonym" else None)
    if is_product(doc, m):
        return None
    if names_a_thing(doc, m):
        doc.products.add(fold(m.text))  # later mentions of the same thing are no actor either
        return None
    if (
        m.cat in ("person", "name")
        and not (m.role or m.aff_text or m.gender != "-")
        and reg.lookup(m.text) is None
        and (locative(doc.text, doc.tokens, m.first_token, places_only=True)
             or people_in_places_before(doc.text, m.start) or at_a_place(doc.text, doc.tokens, m.first_token))
    ):
        return None  # 'a news conference in Thunder Bay', 'Pharmacists in Soweto and Tembisa'
    if (
        m.cat in ("person", "name")
        and not (m.role or m.aff_text or m.gender != "-")
        and reg.lookup(m.text) is None
        and _PLACE_HEAD_AFTER.match(doc.text, m.end)
        and _opens_a_clause(doc.text[max(sent[0], m.start - 8) : m.start])
    ):
        return None  # 'Severn Vale police denied …': the place of an institution (place_orgs names it, where
        # a clause opens or after 'the'; 'said Lorenzo Vidal council members had voted' keeps the person)
    if m.cat in ("person", "surname", "name"):
        role, role_tok = (m.role, m.first_token) if m.role else _role_left(doc, m.first_token, sent[0])
        existing = reg.lookup(m.text)
        if existing is None and "-" in m.text and " " not in m.text:
            existing = reg.surname(m.text, m.gender, m.start)  # 'Mensah-Bonsu' for Ama Mensah-Bonsu
        if m.cat == "surname" or (m.cat == "name" and existing is None and " " not in m.text):
            ent = existing or reg.surname(m.text, m.gender, m.start)
            if ent is None and m.cat == "name" and fold(m.text) not in doc.common:
                ent = reg.short_org(m.text)
            if ent is None and m.cat == "name" and THE_BEFORE.search(doc.text, max(0, m.start - 4), m.start):
                ent = reg.named_by_head(m.text)  # 'the Observatory': the Independent Labour Observatory
            if ent is None and m.cat == "surname":
                ent = reg.create(m.text, "person", 0.7, gender=m.gender)
            if ent is None:
                owner_kind = _owner_kind(doc, m)
                if _CAMEL.match(m.text) or (m.text.isupper() and len(m.text) >= 2):
                    ent = reg.create(m.text, "organisation", 0.6)
                elif owner_kind is not None:
                    ent = reg.create(m.text, owner_kind, 0.7)
                else:
                    doc.pending[m.end] = (m.start, m.text)
                    descr = _descriptor_left(doc, m.first_token, m.last_token)
                    if descr is None:
                        return None
                    ent = reg.create(m.text, "organisation", 0.7)
                    ent.tags.add(descr)
            surface = doc.text[m.start : m.end]
            if ent.gender == "-" and m.gender != "-" and ent.kind == "person":
                ent.gender = m.gender
            return doc.note(ent, m.start, m.end, surface)
        descr = _descriptor_left(doc, m.first_token, m.last_token) if existing is None else None
        of_body = descr is not None and wl.org_words()["descriptor_class"].get(descr) in _BODY_CLASSES
        if m.cat == "name" and existing is None and not of_body:
            doc.pending[m.end] = (m.start, m.text)
            return None  # ('club AS Estuaire', a name its descriptor makes a body's, is one at once)
        if of_body:
            ent = reg.create(
                m.text, "media" if descr in ("newspaper", "broadcaster") else "organisation", 0.8
            )
            ent.tags.add(descr)
            return doc.note(ent, m.start, m.end, doc.text[m.start : m.end])
        tag = _org_context(doc, m) if existing is None and not role else None
        if tag:
            ent = reg.create(m.text, "organisation", 0.8)
            ent.tags.add(tag)
            return doc.note(ent, m.start, m.end, doc.text[m.start : m.end])
        ent = existing or reg.create(
            m.text, "person", 0.85, gender=m.gender, tentative=not role and m.gender == "-" and " " in m.text
        )
        if ent.tentative and _owns_a_company_office(doc, m):
            reg.make_org(ent, "company")  # "Kestrel Print's managing director": a company's name
        if role and not ent.role:
            ent.role = role
            if ent.gender == "-":
                ent.gender = gender_from_role(role)
        if not ent.affiliation:
            aff = (
                reg.for_known(m.aff)
                if m.aff
                else reg.lookup(m.aff_text)
                if m.aff_text
                else _affiliation_before(doc, role_tok, sent[0]) or _owner_by_pronoun(doc, role_tok, sent[0])
                or _owner_in_role(doc, role, role_tok) or body_in_role(doc, role, role_tok)
            )
            if aff is not None and aff is not ent and (aff.kind != "person" or ent.kind == "person"):
                ent.affiliation = aff.id  # (a person may be another's, as a lawyer is a client's; a body
                # never is: 'said David Renshaw, Ofwat's director' had made Ofwat part of Renshaw)
        return doc.note(ent, m.start, m.end)
    if m.cat == "org":
        ent = reg.lookup(m.text) or _acronym_match(reg, m.text)
        if ent is None and " " not in m.text:
            ent = reg.short_org(m.text)  # 'IMFRA' alone after 'IMFRA Structures Ltd': the same company
        if ent is None and " " not in m.text and THE_BEFORE.search(doc.text, max(0, m.start - 4), m.start):
            ent = reg.named_by_head(m.text)  # 'the Club': the Tay Anglers' Club
        if ent is None and m.text.split()[-1].lower() in wl.org_words()["class_heads"]["company"]:
            short = reg.lookup(m.text.rsplit(" ", 1)[0])  # 'Cianova' (a headline), then 'Cianova Energy'
            if short is not None and short.is_org and " " not in short.name and not short.known:
                ent = reg.lengthen(short, m.text)  # (never 'Brightwater' into 'the Brightwater Union')
        if ent is None:
            ent = reg.create(m.text, "organisation", 0.85)
            spaced = doc.text[m.end : m.end + 1] == " "  # (a name may end the text)
            nxt = doc.text[m.end : m.end + 30].split(" ", 2)[1:2] if spaced else [""]
            modifier = nxt[0] in wl.title_words() or nxt[0] in wl.unnamed_sources()["singular"]
            if re.search(r"(?:^|\s)(?:an?|An?)\s$", doc.text[max(0, m.start - 4) : m.start]) and not modifier:
                ent.placeholder = m.text  # 'a First Nation in Ontario': named in full later
        if m.aff and not ent.affiliation:
            aff = reg.for_known(m.aff)
            if m.aff_text:
                doc.note(aff, m.start, m.start + len(m.aff_text), None)
            ent.affiliation = aff.id
        descr = _descriptor_left(doc, m.first_token)
        if descr:
            ent.tags.add(descr)
        return doc.note(ent, m.start, m.end, doc.text[m.start : m.end])
    if m.cat == "role":
        doc.roles[m.end] = (m.start, m.role or m.text)
    return None


_EXPLAINED = re.compile(INITIALS_EXPLAINED + r"\)")  # '(COD, by its French initials)'


def _short_name_in_brackets(doc: Doc, m: NameMention) -> Entity | None:
    """A name in brackets right after an organisation's is its short name: "the Bongor Rice Growers' Union
    (UPRB)", "the Compagnie Industrielle d'Aménagement (CIA Energie)", even when its letters are not the
    initials (a name in another language) or the gazetteer knows another body by them."""
    closed = doc.text[m.end : m.end + 1] == ")" or _EXPLAINED.match(doc.text, m.end) is not None
    if not closed or doc.text[max(0, m.start - 2) : m.start] != " (":
        return None
    if (m.known is not None and m.known.kind == "state") or fold(m.text) in wl.places():
        return None  # 'Acme Mining (Australia)': where it is, not its short name
    before = doc.at_end.get(m.start - 2)
    if before is not None and before[1].final().tentative and _initials(before[1].final().name) == m.text:
        doc.reg.make_org(before[1].final())  # 'Ogooué Bois Tropicaux (OBT)': no person has an acronym
    if before is None or not before[1].final().is_org or len(m.text.split()) > 3:
        return None
    ent = before[1].final()
    doc.reg.add_alias(ent, m.text)
    return doc.note(ent, m.start, m.end, m.text)


@functools.lru_cache(maxsize=16384)
def _initials(name: str) -> str:
    """The capitalised words' first letters: 'Civil Aviation Authority' -> 'CAA'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _acronym_match(reg: Registry, text: str) -> Entity | None:
    """An organisation whose initials spell an all-capital name (CAA -> Civil Aviation Authority)."""
    if not text.isupper() or len(text) < 2:
        return None
    for e in reversed(reg.entities[-300:]):
        if e.is_org and _initials(e.name) == text:
            reg.add_alias(e, text)
            return e
    return None


_OPENING_RE = re.compile(
    r"\s*(?:[A-Z][^,“\"]{0,40},\s*"
    r"|(?:Later|Earlier|Late|Early|On|Last|This)(?:\s+(?:on|in|last|this))?\s+"
    r"(?:\w+day|week|month|year|night|morning|afternoon|evening)\s+)?"  # 'Later on Tuesday the ministry'
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}"
)


def _opens(doc: Doc, start: int, sent_start: int) -> bool:
    """Whether a mention opens its sentence (after 'The' or an introductory phrase ending in a comma)."""
    return _OPENING_RE.fullmatch(doc.text, sent_start, start) is not None


def resolve_sentence(doc: Doc, sent: tuple[int, int]) -> None:
    """Find and resolve the named mentions of one sentence, in order."""
    a, b = doc.token_range(*sent)
    found = []
    bracketed = ")" in doc.text[sent[0] : sent[1]]  # (what every explained short name needs)
    explained = [x.span() for x in _EXPLAINED.finditer(doc.text, *sent)] if bracketed else []
    for m in find_names(doc.text, doc.tokens, a, b, sent[0], doc.common):
        if any(s <= m.start < e for s, e in explained):
            continue  # '(IMAM, by its Portuguese initials)': a language, not Portugal
        ent = _resolve(doc, m, sent)
        if ent is not None:
            found.append((m, ent))
            if _unconfirmed(ent.final()) and (locative(doc.text, doc.tokens, m.first_token, True, at=True)
                                              or _names_a_place(doc.text, m.start, m.end)):
                ent.final().placed += 1  # 'the walk-in centre at Halton Lea', 'homes in Kyzyl-Bel', 'the Les
                # Crêtes farm'
    for m, ent in found:
        describe(doc, ent, m.start, m.end, sent)
    words = {doc.tokens[k].lower for k in range(a, b)}
    if words & place_head_words():
        place_orgs(doc, sent)
    if words & lower_head_words():
        for om in lower_org_re().finditer(doc.text, sent[0], sent[1]):
            s = om.start(1) if om.group(1) else om.start(2)
            if doc.text[max(0, s - 4) : s].strip().endswith(("'s", "’s")) or prev_is_state(doc, s, sent[0]):
                ent = lower_org_at(doc, s, om.end(), sent[0])
                if ent is not None and ent.kind != "state":
                    doc.note(ent, s, om.end())
    head = next(
        (f for f in found if re.match(r"\s+[a-z]|,|['’]s\b", doc.text[f[0].end : f[0].end + 3])), None
    )
    if head is not None and _opens(doc, head[0].start, sent[0]):
        possessive = doc.text[head[0].end : head[0].end + 2] in ("'s", "’s")
        owned = doc.at_start.get(head[0].end + 3) if possessive else None
        subject = owned[1] if owned is not None and owned[1].is_org else head[1]  # "Chile's regulator"
        doc.reg.speakers.append((head[0].start, subject.final()))  # the sentence's subject: salient


def fold_key(text: str) -> str:
    """Folded text (re-exported for callers that match descriptors)."""
    return fold(text)
