"""Speakers named by description: 'the minister', 'Sudan's army', 'the sister of X', 'the agency's report'."""

from __future__ import annotations

import bisect
import itertools
import re

from . import wordlists as wl
from .doc import Doc
from .entities import Entity
from .org_phrases import lower_org_at, place_named_body
from .papers import FINDINGS_NOUNS, SPEAKS_AFTER, fronted_paper, spoken_in_paper
from .people_words import plural_of_people
from .sources import Subject, group_np, note_full_description
from .textutil import BRACKETED_SHORT_NAME, fold

_PREP_RE = re.compile(r"\s(?:of|for|at|in|from|with|near|inside|outside)\s")
RELATIONAL = frozenset(
    [
        "sister",
        "brother",
        "wife",
        "husband",
        "son",
        "daughter",
        "mother",
        "father",
        "widow",
        "widower",
        "nephew",
        "niece",
        "cousin",
        "aunt",
        "uncle",
        "aide",
        "ally",
        "friend",
        "rival",
        "lawyer",
        "founder",
        "owner",
        "partner",
        "boss",
        "successor",
        "predecessor",
    ]
)


_PREPOSITION = re.compile(r"(?:at|of|for|in|from|with|near|by|on|to|inside|outside)\s")


_AFTER_A_PREPOSITION = re.compile(r"\b(?:on|at|in|of|for|with|from|near|inside|outside)\s+\Z")


def description(doc: Doc, text: str, end: int, lo: int) -> Subject | None:
    """A definite description ending at `end`: 'the minister', 'The regulator', 'Sudan's army'."""
    seg = text[lo:end]
    placed = place_named_body(doc, lo, end)
    if placed is not None:
        return Subject([placed[1]], placed[0], end, 0.7, "description")
    bounds = [m.start() for m in re.finditer(r"(?<!\S)\S", seg)][-4:]
    for b in bounds:
        if _PREPOSITION.match(seg, b):
            continue  # 'A senior official at the ministry': the official, not the ministry
        org = lower_org_at(doc, lo + b, end, lo, local=True)
        if org is not None:
            return Subject([org], lo + b, end, 0.8, "description")
    m = re.search(
        r"(?:^|[\s,])([Tt]he|[Tt]his|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)$",
        seg,
    )
    if not m:
        return None
    if _AFTER_A_PREPOSITION.search(text, lo, lo + m.start(1)):
        return None  # 'A driver on the network said': the network only says where the driver works
    head = m.group(3)
    s = lo + m.start(1)
    if head in wl.document_speakers():
        return document_subject(doc, lo, end)
    mods = m.group(2).split()
    government = wl.org_words()["government_modifiers"]
    if head == "administration" and mods and all(
            w.islower() and not w.endswith(("'s", "’s")) and w not in government for w in mods):
        name = " ".join([*mods, head])  # 'the regional road administration': a body, not the government
        ent = doc.note(doc.reg.get_or_create(name, "organisation", 0.6), s, end, text[s:end])
        return Subject([ent], s, end, 0.7, "description")
    descr = wl.org_words()["descriptor_class"]
    if (
        head in descr
        or head in wl.title_heads()
        or head in wl.title_words()
        or head in wl.unnamed_sources()["singular"]
        or head in wl.unnamed_sources()["court_sides"]
    ):
        ent = doc.reg.description(" ".join([*mods, head]) if head in descr else head, s)
        if ent is not None:
            return Subject([ent], s, end, 0.75, "description")
    elif not mods and m.group(1).lower() == "the":  # 'the sameby' … Vuolleluokta Sameby: a body's name word
        ent = doc.reg.most_recent(lambda e: e.is_org and fold(e.name).split()[-1] == head, s)
        if ent is not None:
            return Subject([ent], s, end, 0.7, "description")
    return None


def relational(doc: Doc, hit_start: int, lo: int) -> Subject | None:
    """'The influential sister of X': the speaker is not X but someone described through X."""
    seg = doc.text[lo:hit_start]
    m = re.search(
        r"(?:^|\s)([Tt]he|[Aa]n?)\s+((?:[\w-]+\s+){0,3}?)([a-z][\w-]*)\s+of\s+(?:the\s+)?((?:[\w-]+\s+){0,3})$",
        seg,
    )
    if not m:
        return None
    head = m.group(3)
    if head not in RELATIONAL and head not in wl.title_heads():
        return None
    start = lo + m.start(1)
    desc = doc.text[
        lo + m.start(2) if m.group(2) else lo + m.start(3) : doc.at_start.get(hit_start, (hit_start,))[0]
    ]
    desc = re.sub(
        r"^(?:influential|powerful|top|senior|former|late|younger|elder|older)\s+", "", desc.strip()
    )
    target = doc.at_start.get(hit_start)
    owner = target[1] if target else None
    if owner is not None and head in wl.title_heads():
        ent = doc.reg.most_recent(
            lambda e: e.kind == "person" and e.affiliation == owner.id and head in (e.role or ""), start
        )
        if ent is not None:
            return Subject([ent], start, target[0] if target else hit_start, 0.7, "description")
    kind = "person"
    ent = doc.reg.create(desc, kind, 0.6, placeholder=head, role=desc)
    doc.reg.mention(ent, start, target[0] if target else hit_start)
    return Subject([ent], start, target[0] if target else hit_start, 0.6, "placeholder")


def owner_of(doc: Doc, s: int, e: int) -> Entity | None:
    """The actor a prepositional object names ('the FTC', 'the organisation in Geneva'); never a new one,
    but a body named there in lower case ('at the regional water authority') has its mention noted, so
    that it is proposed and what 'the authority' refers to later."""
    text = doc.text
    while s < e and text[s] == " ":
        s += 1
    m = re.match(r"(?:the|a|an)\s+", text[s:e])
    for pos in (s, s + m.end() if m else s):
        hit = doc.at_start.get(pos)
        owned = hit is not None and text[hit[0] : hit[0] + 2] in ("'s", "’s")
        tail = _UNIT_AFTER.fullmatch(text, hit[0] + 2, e) if owned else None
        unit = tail is not None and hit[1].final().is_org and tail.group(1) in wl.org_words()["unit_heads"]
        if hit and hit[0] <= e and (not owned or unit):
            return hit[1]  # 'by the FTC', 'by the Health Board’s audit team' (not a state's ministry)
    nxt = _PREP_RE.search(text, s, e)
    obj_end = nxt.start() if nxt else e
    hit = doc.at_end.get(obj_end)
    if hit and hit[0] >= s:
        return hit[1]
    desc = description(doc, text, obj_end, s)
    if desc is None or desc.how != "description":
        return None
    owner = desc.entities[0]
    if not owner.final().spans and owner.kind != "state":
        doc.note(owner, desc.start, obj_end)  # 'an official at the regional water authority'
    return owner


#: Lower-case words after an owner's possessive to the end of the phrase, ending in a unit's noun
#: ('clinical audit team'): a unit of the owner (org_words.json 'unit_heads'), no one named.
_UNIT_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){0,3}\s+([a-z][a-z-]*)\s*")
_POSS_PRONOUN = {"its": "it", "his": "he", "her": "she", "their": "they"}
_DOC_DETS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that"})
_NOT_MODS = frozenset(
    {"after", "before", "and", "or", "but", "when", "while", "as", "to", "in", "on", "at", "that"}
)


def _clause_owner(doc: Doc, np_start: int) -> Entity | None:
    """The organisation or state opening a document phrase's sentence ('The FTC acted after an inquiry')."""
    s0 = doc.sentence_at(np_start)[0]
    m = re.match(r"(?:The\s+)?", doc.text[s0:np_start])
    hit = doc.at_start.get(s0 + (m.end() if m else 0))
    if hit and hit[0] < np_start and hit[1].kind in ("organisation", "group", "state", "media"):
        return hit[1]
    return None


def _document_np(text: str, lo: int, end: int) -> tuple[int, int, str, int, int] | None:
    """(start, noun start, determiner, possessive owner end or -1, owner-phrase start or -1) at `end`."""
    nouns = wl.document_speakers()
    core_end, pp_start = end, -1
    for pp in re.finditer(r"\s(?:[a-z]+ed\s+)?(?:by|from|of)\s+", text[lo:end]):
        before = re.search(r"([a-z]+)$", text[lo : lo + pp.start()])
        if before and before.group(1) in nouns and not re.search(r"[,;:“”\"]", text[lo + pp.end() : end]):
            core_end, pp_start = lo + pp.start(), lo + pp.end()
            break
    m = re.search(r"(?:^|(?<=[\s(]))([a-z]+)$", text[lo:core_end])
    if m is None or m.group(1) not in nouns:
        return None
    noun_start = lo + m.start(1)
    words = list(re.finditer(r"\S+", text[lo:noun_start]))
    start, det, owner, mods = noun_start, "", -1, 0
    for w in reversed(words):
        word = w.group()
        low = word.lower()
        if low in _DOC_DETS and owner < 0:
            start, det = lo + w.start(), low
            break
        if low.endswith(("'s", "’s")) and owner < 0:
            start, owner = lo + w.start(), lo + w.end() - 2
            continue
        if owner < 0 and re.fullmatch(r"[A-Z][\w&.-]*", word):
            start, owner = lo + w.start(), lo + w.end()  # 'an internal CCO memo': the CCO's
            continue
        if owner >= 0:
            if low in ("the", "a", "an"):
                start = lo + w.start()
            break
        if mods >= 3 or not re.fullmatch(r"[a-z0-9][\w-]*", word) or low in _NOT_MODS:
            break
        mods += 1
        start = lo + w.start()
    if not (det or owner >= 0 or pp_start >= 0 or m.group(1).endswith("s")):
        return None
    return start, noun_start, det, owner, pp_start


def document_subject(doc: Doc, lo: int, end: int) -> Subject | None:
    """A document or inquiry speaking for its owner: 'the agency's complaint said', 'an inquiry found'."""
    found = _document_np(doc.text, lo, end)
    if found is None:
        return None
    start, noun_start, det, owner_end, pp_start = found
    owner: Entity | None = None
    if pp_start >= 0:
        owner = owner_of(doc, pp_start, end)
    elif owner_end >= 0:
        hit = doc.at_end.get(owner_end)
        word = doc.text[start:owner_end].split()[-1]
        if hit and hit[0] >= lo:
            owner, start = hit[1], min(start, hit[0])
        elif word.islower():
            owner = doc.reg.description(word, noun_start)
    elif det in _POSS_PRONOUN:
        owner = doc.reg.pronoun(_POSS_PRONOUN[det], start)
    if owner is None and owner_end < 0 and pp_start < 0:
        owner = _clause_owner(doc, start) or _author_before(doc, noun_start) or doc.reg.report_author
    elif owner is not None and det not in _POSS_PRONOUN and owner.is_org \
            and doc.text[noun_start:end].split()[0] in FINDINGS_NOUNS:
        doc.reg.report_author = owner  # 'a Ministry of Labour inspection has found …': 'The report' is its
    return Subject([owner], start, end, 0.7, "document") if owner is not None else None


#: Papers a party files, and the verbs it files them with: 'Cianova sued Orrin. The complaint accuses …'.
_FILED_NOUNS = frozenset({"complaint", "lawsuit", "suit", "petition", "filing", "submission", "appeal"})
_FILED_RE = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:sued|filed|lodged|brought|submitted)\b")
#: A paper filed or written by a party named after it: 'The complaint, filed in District Court by four
#: housekeepers', 'It was written for the council by consultants Penhallow Structures'.
_FILED_BY_RE = re.compile(r"\b(?:filed|lodged|brought|submitted)\s+(?:[^,.;:“”\"]{0,50}?\s)?by\s+(?:the\s+)?")
#: ('commissioned from actuarial firm Hesketh Marr': the firm wrote it)
_WRITTEN_BY_RE = re.compile(r"\b(?:(?:written|drawn\s+up|prepared|compiled|produced|carried\s+out|"
                            r"conducted)\s+(?:[^,.;:“”\"]{0,40}?\s)?by|"
                            r"commissioned\s+(?:[^,.;:“”\"]{0,30}?\s)?from)\s+(?:the\s+)?")
#: Where the party named after 'by' ends: a comma or the next preposition.
_PARTY_END = re.compile(r"[,.;:]|\s(?:against|on|in|at|over|after|for|with|to)\s")
#: Papers an author writes, and how an earlier sentence names the author: 'The consultancy Ferrand & Osei
#: published a 74-page assessment …', 'a 62-page audit by accounting firm Kessler Whyte'.
_WRITTEN_NOUNS = frozenset({"report", "audit", "assessment", "review", "study", "survey", "analysis",
                            "inquiry", "investigation", "memo", "summary", "findings"})
_WROTE_RE = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:published|released|issued|produced|conducted|"
                       r"compiled|prepared|carried\s+out)\b")
_BY_RE = re.compile(r"\b(?:report|audit|assessment|review|study|survey|analysis|inquiry|investigation)\b"
                    r"[^.;:“”\"]{0,40}?\sby\s+(?:the\s+)?(?:[a-z-]+,?\s+){0,2}")
_ACRONYM_BEFORE = re.compile(rf"\s+{BRACKETED_SHORT_NAME}$")  # 'the Office of the City Auditor (OCA)'


def _author_before(doc: Doc, noun_start: int) -> Entity | None:
    """Who wrote or filed the paper a bare 'the report' or 'the complaint' is: the last party said, in its
    sentence or the six before it, to have published, filed or spoken in it ('The PIB said in a 38-page
    report that …', 'In its 62-page report, the RFPC says …'), or named as its author or filer after 'by'."""
    noun = re.match(r"[a-z]+", doc.text[noun_start:])
    word = noun.group() if noun else ""
    if word not in _FILED_NOUNS and word not in _WRITTEN_NOUNS:
        return None
    k = bisect.bisect_right(doc.sentences, (noun_start, len(doc.text) + 1)) - 1
    back = 6  # 'the lawsuit' paragraphs after it was filed, 'the report' paragraphs after its findings
    lo = doc.sentences[max(0, k - back)][0] if doc.sentences else 0
    found: list[tuple[int, Entity]] = []
    wrote = _FILED_RE if word in _FILED_NOUNS else _WROTE_RE
    said_in = spoken_in_paper(frozenset({word}))  # ('The PIB said in a 38-page report that …')
    for m in itertools.chain(*(p.finditer(doc.text, lo, noun_start) for p in (wrote, said_in))):
        acronym = _ACRONYM_BEFORE.search(doc.text, lo, m.start())
        hit = doc.at_end.get(acronym.start() if acronym else m.start())
        if hit is not None:
            found.append((m.start(), hit[1]))
    for m in (_FILED_BY_RE if word in _FILED_NOUNS else _WRITTEN_BY_RE).finditer(doc.text, lo, noun_start):
        stop = _PARTY_END.search(doc.text, m.end(), m.end() + 30)  # ('by two tenants against Kelso Homes')
        filer = doc.reg.first_between(m.end(), stop.start() if stop else m.end() + 30)
        if filer is not None and filer.kind != "state":
            found.append((m.end(), filer))
    for m in fronted_paper(frozenset({word})).finditer(doc.text, lo, noun_start):
        hit = doc.at_start.get(m.end())  # ('In its 62-page report, the Rescue Flight Probe Committee says')
        if hit is not None and SPEAKS_AFTER.match(doc.text, hit[0]):
            found.append((m.end(), hit[1]))
    if word in _WRITTEN_NOUNS:
        for m in _BY_RE.finditer(doc.text, lo, noun_start):
            hit = doc.at_start.get(m.end())
            owned = hit is not None and doc.text[hit[0] : hit[0] + 3] in ("'s ", "’s ")
            hit = doc.at_start.get(hit[0] + 3) or hit if owned else hit  # ("by An Giang's Provincial …
            # Inspectorate": the body after the owner)
            if hit is not None:
                found.append((m.end(), hit[1]))
    found = [(pos, e) for pos, e in found if e.kind != "media"]
    return max(found, key=lambda f: f[0])[1] if found else None


#: A participle phrase after a paper that only says when or how it came out: ' released on Friday'.
_MADE_WHEN = re.compile(r"\s+(?:released|published|issued|made public|presented|dated|completed)"
                        r"(?:\s+[\w,.'’-]+){0,5}?\s*$")


def relative_that(doc: Doc, lo: int, that_start: int) -> Subject | None:
    """The antecedent of a relative 'that' before a cue: 'a memo from X, dated May, that said'."""
    text = doc.text
    end = that_start
    while end > lo and text[end - 1] == " ":
        end -= 1
    if text[end - 1 : end] == ",":
        prev = text.rfind(",", lo, end - 1)
        if prev < 0 or not text[prev + 1 : end].strip()[:1].islower():
            return None
        end = prev  # skip an aside: ', dated last October,'
    made = _MADE_WHEN.search(text, lo, end)  # 'an audit released on Friday that accused …': the audit's words
    found = document_subject(doc, lo, end) or (document_subject(doc, lo, made.start()) if made else None)
    if found is not None:
        return found
    hit = doc.at_end.get(end)
    if hit and hit[0] >= lo:
        return Subject([hit[1]], hit[0], end, 0.75, "relative")
    m = re.search(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?([a-z]+)$", text[lo:end])
    if m and m.group(1) in wl.org_words()["descriptor_class"]:
        ent = doc.reg.description(m.group(1), lo + m.start())
        if ent is not None:
            return Subject([ent], lo + m.start(), end, 0.7, "relative")
    return None


def indefinite(doc: Doc, lo: int, hi: int) -> Subject | None:
    """'an independent research group': an actor described before it is named, held until the name comes."""
    m = re.match(r"\s*(?:[Aa]n?|[Oo]ne)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)\s*$", doc.text[lo:hi])
    if not m:
        return None
    head = m.group(2)
    cls = wl.org_words()["descriptor_class"].get(head)
    if cls is None:
        return None
    people_too = head in wl.org_words()["agent_nouns"] or head in wl.org_words()["firm_nouns"]
    if people_too and re.match(r"\s+who\b", doc.text[hi : hi + 6]):  # 'a machine operator who worked on the
        # site': a person (never 'a charity who runs food banks')
        described = doc.text[lo + m.start(1) : lo + m.end(2)].strip()
        person = doc.reg.get_or_create(described, "person", 0.6, role=head)
        person.tags.add("unnamed")
        return Subject([person], lo, hi, 0.6, "group")
    name = doc.text[lo + m.start(1) : lo + m.end(2)].strip()
    ent = doc.reg.create(name, "organisation" if cls != "media" else "media", 0.6, placeholder=head)
    ent.tags.add(head)
    doc.reg.mention(ent, lo, hi)
    return Subject([ent], lo, hi, 0.6, "placeholder")


#: A description before a body's name: 'the riders' union', or 'a consumer group' opening the subject (never
#: 'A member of a rival group, the Farmers Union, said').
_DESCRIBED = re.compile(r"(?:^|\s)[Tt]he\s+(?:[\w'’-]+\s+){0,3}([a-z]+)$"
                        r"|^\s*[Aa]n?\s+(?:[\w'’-]+\s+){0,3}([a-z]+)$")
#: A short name in brackets after a body's name: ' (MUA)'.
_ITS_SHORT_NAME = re.compile(r"\s*\([A-Z][A-Z0-9.&'’-]+\)\s*")


def name_after_description(doc: Doc, lo: int, comma: int, seg_start: int, seg_end: int) -> Subject | None:
    """'The riders' union, the Professional Cyclists' Union, said', 'A consumer group, the Mobile Users
    Association (MUA), said': the name, not a new 'union' or 'group'."""
    text = doc.text
    m = re.match(r"\s*(?:the\s+)?", text[seg_start:seg_end])
    hit = doc.at_start.get(seg_start + (m.end() if m else 0))
    if hit is None or hit[1].final().kind in ("person", "state"):
        return None
    if hit[0] != seg_end and not _ITS_SHORT_NAME.fullmatch(text, hit[0], seg_end):
        return None
    head = _DESCRIBED.search(text[lo:comma])
    noun = head and (head.group(1) or head.group(2))
    if not noun or noun not in wl.org_words()["descriptor_class"]:
        return None
    ent = hit[1].final()
    ent.tags.add(noun)
    return Subject([ent], lo + head.start(), seg_end, 0.9, "name")


#: A paper owned by the relative 'whose' before a verb: '…, an accredited lab in Bari, whose 12-page report
#: says …'.
_WHOSE_PAPER = re.compile(r"(?:^|[\s,])whose\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)\s*$")


def whose_paper(doc: Doc, lo: int, end: int) -> Subject | None:
    """The body whose paper speaks: the latest one named in the sentence before 'whose'."""
    m = _WHOSE_PAPER.search(doc.text, lo, end)
    if m is None or m.group(1) not in wl.document_speakers():
        return None
    before = doc.text[lo : m.start()].rstrip(" ,")
    aside = _APPOSED.search(before)  # 'X, an accredited lab in Bari, whose …': X owns it
    hit = doc.at_end.get(lo + (aside.start() if aside else len(before)))
    if hit is None or hit[0] < lo or not hit[1].final().is_org:
        return None  # (nor a person's paper: 'Mark Lee, an economist at …, whose analysis says')
    return Subject([hit[1].final()], m.start(), end, 0.75, "relative")


#: An apposition set off after a name, before a relative: ', an accredited lab in Bari'.
_APPOSED = re.compile(r",\s+(?:an?|the|one)\s[^,;]*$")


#: An unnamed group right before ', who' as the object of a verb or preposition: 'reported the case to
#: prosecutors in Neuruppin, who confirmed …', 'handed the files to police, who said …'.
_GROUP_BEFORE_WHO = re.compile(
    r"\b(?:to|by|from|with|for|against|and|contacted|alerted|informed|told|asked|called)\s+"
    r"((?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(\s+(in|at|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
    r"\s*,\s*$"
)


def group_before_who(doc: Doc, lo: int, who_start: int) -> Subject | None:
    """The unnamed group a relative 'who' follows, when no name ends right before it."""
    m = _GROUP_BEFORE_WHO.search(doc.text, lo, who_start)
    if m is None or not plural_of_people(m.group(1).split()[-1].lower()):
        return None
    found = group_np(doc, doc.text, m.end(1), m.start(1))
    if found is not None and found.entities and m.group(3):
        note_full_description(found.entities[0], doc.text, m.start(1), m.end(1), m.group(3))
    return found
