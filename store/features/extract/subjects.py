"""Who is speaking: the subject before a reporting verb (the one after it, in an inverted attribution, is
subjects_after.py's)."""

from __future__ import annotations

import re

from . import wordlists as wl
from .actors import Doc
from .appositions import describe
from .descriptions import (
    RELATIONAL,
    description,
    document_subject,
    group_before_who,
    indefinite,
    name_after_description,
    owner_of,
    relational,
    relative_that,
    whose_paper,
)
from .entities import Entity
from .org_kinds import looks_labour, org_class
from .org_phrases import AREAS
from .person_shapes import aged_person, is_aged_description
from .places import people_in_places_before
from .sources import Subject, group_np, note_full_description, says_unnamed, someone
from .subject_gap import AGE_RE, QUOTED_OBJECT, name_across_gap, strip_gap
from .subject_lists import coordinated, first_clauses_subject
from .textutil import ASKED_FOR, MOVED_TO, SAW

#: A company's abbreviated suffix and its full stop ending the words before a verb: 'Acme Corp.', 'X Ltd.'.
_SUFFIX_DOT = re.compile(r"(\b(?:Inc|Corp|Co|Ltd|Plc|LLC|Bhd|Pty|Cia|Cie|Kft|Zrt|Nyrt|Oyj|Ltda|Tbk|Pvt))\.$")
_PRONOUN_RE = re.compile(r"(?:^|[\s,(“\"])(he|she|they|it|He|She|They|It)\s*$")
#: A relative pronoun ending the words before a verb: '…, which denies', '…, who said'.
RELATIVE_RE = re.compile(r"(?:^|[\s,])(who|which)\s*$")
#: The part of a body that speaks for it, after the body's possessive: "Vitória's board", "Acme's management".
_ORGAN_OF_A_BODY = re.compile(r"['’]s\s+(?:board(?:\s+of\s+directors)?|management|directors|"
                              r"executive\s+board|leadership|press\s+office|legal\s+team|lawyers)$")
_ONE_OF_THEM = re.compile(r"(?:^|[\s,(“\"])(?:[Oo]ne|[Tt]wo|[Bb]oth|[Ss]ome|[Ee]ach)\s+of\s+them\s*$")
_APPOS_START = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "who",
        "which",
        "whose",
        "where",
        "now",
        "then",
        "once",
        "formerly",
        "also",
        # how a document reached the press: 'an audit by X, seen by AFP, found' (AFP only saw it)
        "seen",
        "obtained",
        "reviewed",
        "leaked",
        # an aside on how the subject speaks: 'A university official, speaking on condition of anonymity
        # because the case is under review, said' (the case is no subject)
        "speaking",
        "writing",
        "citing",
        "responding",
        "commenting",
        "asked",
    }
)
#: How a body came to be, opening an aside after it: 'The committee, formed by the ministry in August after
#: complaints from insurers, found' (the insurers are no subject); when the body before it is no known
#: actor, the aside is read as before ('The inquiry, headed by retired judge Mary Okello, found').
_HOW_IT_CAME = frozenset({"formed", "established", "appointed", "founded", "created", "chaired", "headed"})


#: A participle phrase after a subject's noun, up to the verb: 'the union representing workers on the site'.
_PARTICIPLE_TAIL = re.compile(
    r"(?<=[a-z])\s+(?:representing|based|working|living|campaigning|acting|opposing|backing|supporting|running|"
    r"operating|advising|affected|(?:reached|contacted|interviewed|quoted|cited|polled|surveyed|consulted|"
    r"questioned|approached)\s+(?:by|on|for)\b)[^,;:]*$"
)
_SELF_NAMED = re.compile(
    r"(?:which|who)\s+(?:calls|called|describes|described)\s+(?:itself|themselves)\s+(?:the\s+)?"
)


_PLACE_THEN_REGION_RE = re.compile(r"\s(?:in|at|near)\s+(?:[A-Z][\w.'’-]*\s?){1,3}$")
_PREP_TAIL_RE = re.compile(
    r"\s(of|for|at|in|on(?=\s+(?:the\s|[A-Z]))|from|with|near|inside|outside)\s+(?:(?:the|a|an)\s+|[A-Z][\w-]*['’]s\s+)?"
    r"((?:(?:[a-z][\w'’-]*|[A-Z][a-z]+)\s+){0,3})$"
)


def _prep_tail(text: str, lo: int, end: int) -> bool:
    """Whether a preposition and its object end the text before a name: 'a spokesman for [Mayor] X'.

    Capitalised words there must be titles ('Mayor', 'Prime Minister'), not part of another name.
    """
    m = _PREP_TAIL_RE.search(text, lo, end)
    return m is not None and all(w.islower() or w.lower() in wl.title_words() for w in m.group(2).split())


_PREP_RE = re.compile(r"\s(?:of|for|at|in|on(?=\s+(?:the\s|[A-Z]))|from|with|near|inside|outside)\s")
_NP_BREAK_RE = re.compile(r"[,;:“”\"()]|\s(?:and|or|but|that|which|who|after|before|while|as)\s")


def _pp_head(doc: Doc, lo: int, end: int, depth: int) -> Subject | None:
    """The head of a noun phrase with prepositions: 'Doctors at the hospital', 'a spokesperson for X'."""
    text = doc.text
    breaks = [b for b in _NP_BREAK_RE.finditer(text, lo, end)  # ('Pharmacists in Soweto and Tembisa')
              if not (b.group().strip() in ("and", "or") and people_in_places_before(text, b.end()))]
    region = breaks[-1].end() if breaks else lo
    if len(text[region:end].split()) > 14:
        return None
    for m in _PREP_RE.finditer(text, region, end):
        head_end = m.start()
        if head_end <= region:
            continue
        owner = owner_of(doc, m.end(), end)
        if owner is not None and owner.name in AREAS and m.group().strip() in ("in", "near"):
            owner = None  # 'Residents in the city': people who live there, not the city's
        head_word = text[region:head_end].split()[-1:] or [""]
        if owner is not None and owner.kind == "state" and head_word[0] in wl.org_words()["state_like_lower"]:
            return Subject([owner], region, end, 0.9, "name")  # 'the government of Japan'
        kin = re.search(r"(?:[Tt]he|[Aa]n?)\s+([a-z]+)$", text[region:head_end])
        if kin and kin.group(1) in RELATIONAL and m.group().strip() == "of" and owner is None:
            name = f"{kin.group(1)} of {text[m.end() : end].strip()}"  # 'the daughter of one victim'
            ent = doc.reg.get_or_create(name, "person", 0.6, role=kin.group(1))
            return Subject([ent], region + kin.start(), end, 0.6, "description")
        titled = re.fullmatch(r"\s*[Tt]he\s+([a-z]+)\s*", text[region:head_end])
        if titled and titled.group(1) in wl.title_words() and m.group().strip() == "of":
            # 'The head of the mission said': an unnamed person the role describes, of the body named
            ent = doc.reg.get_or_create(" ".join(text[region + titled.start(1) : end].split()), "person", 0.6,
                                        role=titled.group(1))
            if owner is not None and owner.is_org and not ent.affiliation:
                ent.affiliation = owner.id
            return Subject([ent], region + titled.start(1), end, 0.6, "description")
        grp = group_np(doc, text, head_end, region, owner=owner)
        if grp is None:
            grp = subject_before(doc, region, head_end, depth + 1) or indefinite(doc, region, head_end)
        staff = head_word[0].lower() in wl.unnamed_sources()["speak_for_their_body"]
        if staff and owner is not None and owner.is_org and m.group().strip() in ("at", "from", "of", "with"):
            return Subject([owner], region, end, 0.85, "name")  # 'analysts at Hallam Securities' speak for it
        if _members_of(owner, grp, m.group().strip()):
            return Subject([owner], region, end, 0.8, "name")  # "pensioners from the Beneficiaries' Front"
        if grp is not None and grp.entities:
            ent = grp.entities[0]
            note_full_description(ent, text, grp.start, end, m.group().strip())
            placed = m.group().strip() in ("in", "near", "inside", "outside") and owner is not None
            if (
                owner is not None
                and ent.kind in ("person", "group")
                and not ent.affiliation
                and owner is not ent
            ):
                ent.affiliation = None if placed and owner.kind == "state" else owner.id
            return grp
    return None


def _members_of(owner: Entity | None, people: Subject | None, prep: str) -> bool:
    """Whether people told as 'from' or 'of' a body of people are its members, speaking for it: "about 200
    pensioners from the Independent Beneficiaries' Front", 'farmers of the Irrigators' Association' (not
    'workers from the factory': a company's people speak for themselves)."""
    if owner is None or not owner.is_org or prep not in ("from", "of") or people is None \
            or not people.entities:
        return False
    return people.entities[0].kind == "group" and (org_class(owner) == "group" or looks_labour(owner))


def _quoted_one(doc: Doc, lo: int, told: re.Match[str], depth: int) -> Subject | None:
    """Who a medium quoted: the object of 'quoted' ('TASS quoted him as', 'Interfax cited Berg as')."""
    a, b = told.start("who"), told.end("who")
    pronoun = {"him": "he", "her": "she", "them": "they"}.get(doc.text[a:b].strip().lower())
    if pronoun is None:
        return subject_before(doc, a, b, depth + 1)
    ent = doc.reg.pronoun(pronoun, a)
    return Subject([ent], a, b, 0.8, "pronoun") if ent is not None else None


def subject_before(doc: Doc, lo: int, cue_start: int, depth: int = 0) -> Subject | None:
    """The subject of a reporting verb at `cue_start`, looking left inside its sentence from `lo`."""
    text = doc.text
    told = QUOTED_OBJECT.search(text, lo, cue_start) if depth < 4 else None
    if told:  # 'TASS quoted X as saying', 'cited people familiar with the talks as saying': X speaks ('X
        # was quoted by TASS as' is a gap)
        head = _quoted_one(doc, lo, told, depth)
        return Subject(head.entities, head.start, cue_start, head.confidence, head.how) if head else None
    left, qualifier = strip_gap(text[lo:cue_start])
    left = AGE_RE.sub("", left)  # 'Gloria Haines, 64, who watched …, said': the age is no subject
    left = _SUFFIX_DOT.sub(r"\1", left)  # "Acme Corp. said": the name ends before the dot
    end = lo + len(left)
    whole = name_across_gap(doc, lo, cue_start, end)
    if whole is not None:  # 'The Organization for Security and Co-operation in Europe (OSCE) said'
        left, end = text[lo:whole], whole
    if end <= lo:
        return None
    if left.endswith((",", " -", " —", "–")) and depth < 3:
        return _after_appositive(doc, lo, end, depth)
    if _AND_RE.search(left) and depth == 0:
        return first_clauses_subject(doc, lo, end)  # 'He posted two photographs, and accused …'
    who = _WHO_CLAUSE.search(left)
    if who and who.start() > 0 and depth < 4:  # 'A senior official who asked not to be named said'
        head = subject_before(doc, lo, lo + who.start(), depth + 1)
        if head is None and says_unnamed(who.group()):  # 'A former lifeguard who asked not to be named said'
            head = someone(doc, lo, lo + who.start(), anonymous=True)
        if head is not None:
            return Subject(head.entities, head.start, end, head.confidence, head.how)
    pm = _PRONOUN_RE.search(left)
    if pm:
        ent = doc.reg.pronoun(pm.group(1), lo + pm.start(1))
        if ent is None:
            return None
        return Subject([ent], lo + pm.start(1), end, 0.8, "pronoun")
    moved = MOVED_TO.search(left)
    if moved and depth < 4:  # '…, prompting the party to accuse it of …': the party accuses
        return subject_before(doc, lo + moved.start(1), lo + moved.end(1), depth + 1)
    part = _ONE_OF_THEM.search(left)
    if part:  # 'One of them said …': one of the group of people just named speaks for it
        ent = doc.reg.pronoun("they", lo + part.start())
        return Subject([ent], lo + part.start(), end, 0.7, "pronoun") if ent and ent.kind == "group" else None
    if is_aged_description(left):  # 'The 27-year-old Ethiopian denied …': a person, not the state
        return aged_person(doc, lo, left, end)
    tm = re.search(r"(?:^|[\s,])that$", left)
    if tm:
        return relative_that(doc, lo, lo + tm.end() - 4)
    paper = whose_paper(doc, lo, end)  # '…, whose 12-page report says': the body that wrote it
    if paper is not None:
        return paper
    rm = RELATIVE_RE.search(left)
    if rm:
        group = group_before_who(doc, lo, lo + rm.start(1))
        if group is not None:  # 'reported it to prosecutors in Neuruppin, who confirmed …'
            return Subject(group.entities, group.start, end, 0.75, "relative")
        ante = doc.reg.most_recent(lambda e: e.kind != "state", lo + rm.start(1))
        if ante is not None and ante.last_pos >= lo:
            return Subject([ante], lo + rm.start(1), end, 0.75, "relative")
        return None
    modified = _PARTICIPLE_TAIL.search(left)
    if modified and depth < 4:  # 'the union representing workers on the site said': the union
        head = subject_before(doc, lo, lo + modified.start(), depth + 1)
        if head is not None:
            return Subject(head.entities, head.start, end, head.confidence, head.how)
    office = re.search(r"['’]s\s+(?:office|campaign|team|lawyers|attorneys|aides)$", text[lo:end])
    hit = doc.at_end.get(lo + office.start()) if office else None
    if hit and hit[0] >= lo and hit[1].kind == "person":
        return Subject([hit[1]], hit[0], end, 0.8, "name")  # "Bradley's office said": the person's own office
    organ = _ORGAN_OF_A_BODY.search(text, lo, end)
    hit = doc.at_end.get(organ.start()) if organ else None
    if hit and hit[0] >= lo and hit[1].is_org:
        return Subject([hit[1]], hit[0], end, 0.8, "name")  # "Vitória's board said": the club speaks
    hit = doc.at_end.get(end)
    seen = _SEEN_BY.search(text, lo, hit[0]) if hit and hit[0] >= lo else None
    if seen is not None:  # 'a memo dated Nov. 3 and seen by Reuters said': the memo's, not Reuters's words
        return document_subject(doc, lo, seen.start())
    sent = _SENT_TO.search(text, lo, hit[0]) if hit and hit[0] >= lo else None
    paper = document_subject(doc, lo, sent.start()) if sent is not None else None
    if paper is not None:  # 'a report filed with the court found'
        return paper
    if hit and hit[0] >= lo:
        rel = relational(doc, hit[0], lo)
        if rel is not None:
            return rel
        if depth < 4 and _prep_tail(text, lo, hit[0]):
            head = _pp_head(doc, lo, end, depth)
            if head is not None and (hit[1] not in head.entities or head.start < hit[0]):
                return head  # 'a spokesperson for X' (X itself when it speaks for X), 'lawyers for X'

        coords = coordinated(doc, (hit[0], hit[1]), lo)
        ents = []
        for _, e in reversed(coords):
            if e not in ents:
                ents.append(e)
        return Subject(ents, min(p for p, _ in coords), end, 0.95 if len(ents) == 1 else 0.85, "name")
    found = document_subject(doc, lo, end)
    if found is not None:
        return found
    named = re.search(r"\s([a-z]+)$", text[lo:end])
    if named and named.group(1) in wl.org_words()["descriptor_class"]:
        hit = doc.at_end.get(lo + named.start())
        if hit and hit[0] >= lo and hit[1].is_org:
            return Subject([hit[1]], hit[0], end, 0.9, "name")  # 'the United Auto Workers union said'
    role = doc.roles.get(end)
    if role and role[0] >= lo:
        ent = doc.reg.description(role[1].split()[-1], role[0])
        if ent is not None:
            return Subject([ent], role[0], end, 0.75, "description")
    grp = group_np(doc, text, end, lo, qualifier)
    if grp is not None:
        if depth < 4 and _prep_tail(text, lo, grp.start):
            head = _pp_head(doc, lo, end, depth)
            if head is not None and grp.entities[0] not in head.entities:
                return head  # 'Lawyers for the families of patients'
        where = _PREP_RE.search(text, grp.start, end)  # 'Relatives of inmates'; 'Two traders in Kenema'
        prep = where.group().strip() if where else "in"  # (a town after the subject is left out as a place)
        if grp.entities:
            note_full_description(grp.entities[0], text, grp.start, end, prep)
        return grp
    desc = description(doc, text, end, lo)
    if desc is not None:
        if depth < 4 and _prep_tail(text, lo, desc.start):
            head = _pp_head(doc, lo, end, depth)
            if head is not None and desc.entities[0] not in head.entities:
                return head
        return desc
    pend = doc.pending.get(end)
    if pend and pend[0] >= lo:
        if depth < 4 and _prep_tail(text, lo, pend[0]):
            head = _pp_head(doc, lo, end, depth)
            if head is not None:
                return head
        ent = doc.reg.get_or_create(pend[1], "organisation", 0.6)
        doc.note(ent, pend[0], end, pend[1])
        describe(doc, ent, pend[0], end, doc.sentence_at(end))
        return Subject([ent], pend[0], end, 0.7, "name")
    after_comma = text.rfind(",", lo, end) + 1  # '…, a consumer group said': the words before are its claim
    tail = text[after_comma:end].split()[1:]
    if after_comma and _AN_ONLY.match(text, after_comma, end) and not set(tail) & wl.function_words():
        return indefinite(doc, after_comma, end) or someone(doc, after_comma, end)
    if depth < 4 and _PREP_RE.search(text, lo, end):
        return _pp_head(doc, lo, end, depth)
    return indefinite(doc, lo, end) or someone(doc, lo, end)  # 'A consumer group said', 'A beekeeper said'


_AN_ONLY = re.compile(r"\s*(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*\s*$")


#: Where a document went, besides who saw it (textutil.SAW).
_WENT = r"(?:filed|lodged|submitted|sent|presented|delivered|handed)\s+(?:with|to)"
#: Who only saw or was given a document, and what only dates it: '(, dated Nov. 3,) and seen by Reuters'.
_SEEN_BY = re.compile(rf"(?:,?\s+(?:dated|sent|written|signed)\s+[^,;]{{1,40}}?)?,?\s+(?:and\s+)?(?:{SAW}|"
                      rf"{ASKED_FOR})\s+(?:the\s+)?$")
#: Where a document went: 'a report filed with the court' (but 'aid workers sent to Ukraine' are people).
_SENT_TO = re.compile(rf",?\s+{_WENT}\s+(?:the\s+)?$")
#: A phrase set off after a document that says where it went or who saw it, not who speaks: ', filed with
#: the court,', ', seen by Reuters,' (its author may be named there: 'carried out by external auditors').
_WHERE_A_PAPER_WENT = re.compile(rf"(?:{SAW}|{ASKED_FOR}|{_WENT}|dated)\s")
_WHO_CLAUSE = re.compile(r"\s+who\s+(?!said\b|says\b|told\b)[a-z][^,;:“”\"]*$")
_AND_RE = re.compile(r"(?:,|\s)\s*and$")
_INDEFINITE_RE = re.compile(r"\s*(?:[Aa]n?|[Oo]ne)\s")
#: What only dates a document, closing the phrase set off after it: '… and dated Feb. 20'.
_DATED_TAIL = re.compile(r"\s+and\s+dated\s+[^,;]{1,30}$")


def _after_appositive(doc: Doc, lo: int, end: int, depth: int) -> Subject | None:
    """Skip a phrase set off by commas or dashes between a subject and its verb."""
    text = doc.text
    mark = text[end - 1]
    inner_end = end - 1 if mark == "," else end - 2
    opener = "," if mark == "," else "-"
    prev = text.rfind(opener, lo, inner_end)
    while prev > lo and text[prev - 1 : prev].isdigit() and text[prev + 1 : prev + 2].isdigit():
        prev = text.rfind(opener, lo, prev)  # 'a cooperative of 3,100 growers': no comma of the sentence
    if mark != "," and prev < 0:
        prev = text.rfind("—", lo, inner_end)
    seg_start = prev + 1 if prev >= 0 else lo
    dated = _DATED_TAIL.search(text, seg_start, inner_end)
    if dated is not None and dated.start() > seg_start:  # ', drawn up by the Audit Office and dated Feb. 20,'
        inner_end = dated.start()
    seg = text[seg_start:inner_end].strip()
    first = seg.split(" ", 1)[0].lower().replace("’", "'") if seg else ""
    counsel = _named_before_role_of(doc, lo, prev, seg_start, inner_end) if prev >= 0 else None
    if counsel is not None:
        return Subject([counsel[1]], counsel[0], end, 0.85, "name")
    renamed = name_after_description(doc, lo, prev, seg_start, inner_end) if prev >= 0 else None
    if renamed is not None:
        return renamed
    if prev >= 0 and _WHERE_A_PAPER_WENT.match(seg):  # 'A report by X, filed with the court, found'
        found = subject_before(doc, lo, prev, depth + 1)
        if found is not None:
            return found
    self_named = _SELF_NAMED.match(seg)
    if self_named:  # 'The group, which calls itself the Rovuma Liberation Movement (RLM), denied'
        seg_at = seg_start + len(text[seg_start:inner_end]) - len(text[seg_start:inner_end].lstrip())
        hit = doc.at_start.get(seg_at + self_named.end())
        if hit is not None:
            return Subject([hit[1]], hit[0], end, 0.85, "name")
    came = first in _HOW_IT_CAME and prev >= 0 and subject_before(doc, lo, prev, depth + 1) is not None
    if prev >= 0 and (first in _APPOS_START or came or first[:1].isdigit() or first.endswith("'s")):
        seg_end = seg_start + len(text[seg_start:inner_end].rstrip())
        named = doc.at_end.get(seg_end) if first == "the" else None
        if named is not None and (named[0] < seg_start or named[1].kind == "state"):
            named = None
        if named is not None and _INDEFINITE_RE.match(text, lo, prev):
            return Subject([named[1]], named[0], end, 0.85, "name")  # 'A second investor, the Borders Trust,'
        found = subject_before(doc, lo, prev, depth + 1)
        if found is None and says_unnamed(seg):  # 'A former lifeguard, who asked not to be named, said'
            found = someone(doc, lo, prev, anonymous=True)
        if found is None and named is not None:
            return Subject([named[1]], named[0], end, 0.85, "name")
        return found
    named_seg = doc.at_start.get(inner_end - len(text[seg_start:inner_end].lstrip()))
    if (
        prev >= 0
        and (named_seg is None or named_seg[1].kind == "state")
        and _PLACE_THEN_REGION_RE.search(text, lo, prev)
        and re.fullmatch(r"(?:[A-Z][\w.'’-]*\s?){1,3}", seg)
    ):
        return subject_before(doc, lo, prev, depth + 1)  # 'Judge X in Springfield, Illinois, wrote'
    named = doc.at_end.get(prev) if prev >= 0 else None
    if named and named[0] >= lo and seg[:1].islower():
        return subject_before(doc, lo, prev, depth + 1)  # 'Jane Roe, director of the X Bureau, said'
    inner = subject_before(
        doc, seg_start, text.rfind(seg[-1:], seg_start, inner_end) + 1 if seg else inner_end, depth + 1
    )
    if inner is not None:
        return inner
    if prev >= 0:
        return subject_before(doc, lo, prev, depth + 1)
    return None


_ROLE_FOR = re.compile(r",\s+(?:an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+"
                       r"(?:for|to|representing)\s+[^,;:“”\"]{1,40}$")


def _named_before_role_of(
    doc: Doc, lo: int, comma: int, seg_start: int, seg_end: int
) -> tuple[int, Entity] | None:
    """'Sharmeen Haque, counsel for the widow, Rokeya Begum, told …': the person before the role speaks,
    not the one the role's object names."""
    seg = doc.text[seg_start:seg_end]
    named = doc.at_start.get(seg_start + len(seg) - len(seg.lstrip()))
    if named is None or named[1].final().kind != "person":
        return None
    role = _ROLE_FOR.search(doc.text, lo, comma)
    if role is None:
        return None
    hit = doc.at_end.get(role.start())
    if hit is None or hit[0] < lo or hit[1].final().kind != "person":
        return None
    return hit[0], hit[1].final()
