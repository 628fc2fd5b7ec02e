"""'According to X': who the attribution names (a person, a report's author, a group) and what it covers."""

from __future__ import annotations

import re

from . import wordlists as wl
from .content import trim_end
from .descriptions import document_subject, indefinite
from .doc import Doc
from .entities import Entity
from .org_phrases import lower_head_words, lower_org_at, lower_org_re
from .papers import THE_FINDINGS, author_of
from .sources import Subject, group_np
from .speech import Speech
from .subjects import subject_before
from .textutil import ASKED_FOR, SAW, SEEN_BY, fold

#: Words that open a sentence without being part of what 'according to X' covers ('But according to …').
_CONNECTIVES = frozenset({"but", "and", "yet", "however", "meanwhile", "still", "also", "now", "so"})

#: How a document came about, set off after its name: 'a report by X, commissioned by the developer, Y, …'.
_PROVENANCE = re.compile(
    r"(?:commissioned|published|released|obtained|seen|prepared|written|compiled|issued)\b"
)
_APPOSED_NAME = re.compile(r"\s*[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*\s*")  # words apart: one way to match


def _after_provenance(text: str, start: int, end: int) -> int:
    """Where the words an 'according to' covers start: after the comma and any participle phrase that only
    says how the document came about (with a name in apposition inside it)."""
    while start < end and text[start] == " ":
        start += 1
    if not _PROVENANCE.match(text, start, end):
        return start
    comma = text.find(",", start, end)
    while comma >= 0:
        nxt = text.find(",", comma + 1, end)
        if nxt < 0 or not _APPOSED_NAME.fullmatch(text, comma + 1, nxt):
            break
        comma = nxt  # '…, commissioned by the developer, Greyfield Living, 14 of …'
    if comma < 0:
        return start
    start = comma + 1
    while start < end and text[start] == " ":
        start += 1
    return start


def _unnamed_head(doc: Doc, lo: int, np_end: int) -> Subject | None:
    """An unnamed source opening the phrase after 'according to' ('residents reached by …')."""
    heads = wl.unnamed_sources()
    for m in re.finditer(r"[A-Za-z][\w'’-]*", doc.text[lo:np_end]):
        if m.start() > 40:
            break
        word = m.group().lower()
        if word in heads["plural"] or word in heads["singular"]:
            return group_np(doc, doc.text, lo + m.end(), lo)
    return None


_OWNING_PRONOUN = {"its": "it", "their": "they", "his": "he", "her": "she"}


def _owner_of_paper(doc: Doc, lo: int, end: int) -> Subject | None:
    """The owner of a document in the phrase after 'according to': named ('the FTC's complaint') or by a
    pronoun ('its annual report': the body just named)."""
    pronoun = re.match(r"\s*(its|their|his|her)\s", doc.text[lo:end])
    if pronoun is not None:
        ent = doc.reg.pronoun(_OWNING_PRONOUN[pronoun.group(1)], lo)
        if pronoun.group(1) == "its":
            ent = _clause_body(doc, lo) or ent  # 'the agency recovered …, according to its annual report'
        if ent is None or ent.kind == "media":
            return None  # ('Reuters could not verify …' makes no outlet the owner of 'its annual report')
        return Subject([ent], lo, lo + pronoun.end(1), 0.75, "pronoun")
    for m in re.finditer(r"['’]s\s", doc.text[lo:end]):
        hit = doc.at_end.get(lo + m.start())
        if hit is not None and hit[0] >= lo:
            return Subject([hit[1]], hit[0], lo + m.start(), 0.85, "name")
    return None


def _clause_body(doc: Doc, lo: int) -> Entity | None:
    """The body a sentence's clause before 'according to its …' opens with, named or described ('Last year
    the agency recovered …'): whose report 'its' means, before any earlier speaker."""
    start = doc.sentence_at(lo)[0]
    for m in re.finditer(r"\b(?:[Tt]he\s+([a-z]+)\b|[A-Z])", doc.text[start:lo]):
        pos = start + m.start()
        hit = doc.at_start.get(pos)
        if hit is not None and hit[1].final().is_org:
            return hit[1].final()
        if m.group(1) and m.group(1) in wl.org_words()["descriptor_class"]:
            found = doc.reg.description(m.group(1), pos)
            return found if found is not None and found.is_org else None
    return None


def _body_of_owner(doc: Doc, hit: tuple[int, Entity], np_end: int, sent_start: int) -> Subject | None:
    """The body a possessive names after its owner: "Brazil's river safety board" (the board, Brazil's)."""
    end = hit[0]
    if doc.text[end : end + 3] not in ("'s ", "’s "):
        return None
    m = lower_org_re().match(doc.text, end + 3, np_end)
    body = lower_org_at(doc, end + 3, m.end(), sent_start, local=True) if m else None
    return Subject([body], end + 3, m.end(), 0.85, "description") if body is not None else None


def paper_author(doc: Doc, lo: int, seen_by: int) -> Subject | None:
    """A placeholder for the unnamed author of the paper in 'according to an internal audit report seen by
    the Courier' (text[lo:seen_by]), to be joined to the author a later sentence names
    (``name_paper_authors``); None when no document is named there."""
    words = re.findall(r"[a-z][\w-]*", doc.text[lo:seen_by].lower())
    noun = next((w for w in reversed(words) if w in wl.document_speakers()), None)
    if noun is None:
        return None
    ent = doc.reg.create(f"author of the {noun}", "organisation", 0.5, placeholder="author")
    return Subject([ent], -1, -1, 0.6, "placeholder")


#: A lower-case body noun right after a name: ' directorate', ' audit unit'.
_BODY_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")


def _named_later(text: str, after: int, noun: str) -> bool:
    """Whether the story names a body of this kind further on ('a Water Ministry directorate' … 'the
    Groundwater Control Directorate'), within a few paragraphs."""
    return re.search(rf"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,4}}\s+{noun.capitalize()}\b",
                     text[after : after + 3000]) is not None


def _a_body(noun: str) -> bool:
    """Whether a noun names a body ('committee', 'watchdog', 'group')."""
    return noun in wl.org_words()["descriptor_class"] or noun in lower_head_words()


#: A body opening the phrase after 'according to', described by a relative clause: 'a fact-finding committee
#: whose findings …', 'a panel that …'.
_BODY_WHOSE = re.compile(r"\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?([a-z]+)(?=\s+(?:whose|which|that)\b)")
#: Who asked for a paper, not its author: 'a structural engineer's report commissioned by residents'.
_ASKED_FOR = re.compile(rf"\b{ASKED_FOR}\s+$")
#: Who wrote a paper others asked for: '… and carried out by KPMG'.
_DONE_BY = re.compile(r"\b(?:carried\s+out|conducted|written|prepared|drawn\s+up|done)\s+by\s+")
#: Who saw a paper, after its author: '(a letter from the ministry), seen by Reuters'.
_SAW_AFTER = re.compile(rf",?\s+(?:and\s+)?{SAW}\b")


def according(
    doc: Doc, cs: int, ce: int, sent: tuple[int, int]
) -> tuple[Subject | None, tuple[int, int] | None]:
    """Speaker and content of 'according to X, …' and '…, according to X'."""
    text = doc.text
    comma = text.find(",", ce, sent[1])
    np_end = comma if comma >= 0 else sent[1]
    if comma >= 0:
        k = comma + 1
        while k < sent[1] and text[k] == " ":
            k += 1
        named = doc.at_start.get(k)
        if named and text[named[0] : named[0] + 1] == ",":
            # 'according to the regional governor, Mark Hale, …': the name in apposition speaks
            subj = Subject([named[1]], k, named[0], 0.9, "name")
            if any(w in wl.document_speakers() for w in text[ce:comma].lower().split()[:4]):
                doc.reg.report_author = named[1]  # 'according to a 74-page assessment by the firm, X, …'
            if named[1].kind == "person" and not named[1].role:
                named[1].role = re.sub(r"^(?:the|a|an)\s+", "", text[ce:comma].strip())
            content = (named[0] + 1, sent[1])
            while content[0] < sent[1] and text[content[0]] == " ":
                content = (content[0] + 1, sent[1])
            return subj, (content[0], trim_end(text, content[0], sent[1]))
    while np_end > ce and text[np_end - 1] in '.”" ':
        np_end -= 1
    np_text = text[ce:np_end]
    subj: Subject | None = None
    by = re.search(r"\b(?:by|from)\s+", np_text) or _paper_of(np_text)
    saw = _SAW_AFTER.search(np_text)
    if by is not None and saw is not None and by.start() < saw.start():
        np_end = ce + saw.start()  # 'a letter from the ministry seen by Reuters': the ministry wrote it
        np_text = text[ce:np_end]
    seen = by is not None and SEEN_BY.search(np_text, 0, by.end()) is not None
    paper_first = by is not None and bool(set(np_text[: by.start()].lower().split()) & wl.document_speakers())
    if by is not None and paper_first and _ASKED_FOR.search(np_text, 0, by.end()):
        done = _DONE_BY.search(np_text, by.end())  # 'an audit commissioned by X and carried out by Y': Y
        by, seen = (done, False) if done else (by, True)  # ('a report commissioned by residents': its
        # author is named later, as a paper's only seen is)
    body_first = _BODY_WHOSE.match(np_text)
    if body_first is not None and not _a_body(body_first.group(1)):
        body_first = None
    if body_first is not None:
        by, np_end = None, ce + body_first.end(1)  # 'according to a committee whose findings were published
        np_text = text[ce:np_end]  # by the ministry': the committee speaks, not who published it
    if by and not paper_first:
        by = None  # 'according to residents reached by AFP': the residents speak, not AFP
    lo = ce + by.end() if by else ce
    while lo < np_end and text[lo] == " ":
        lo += 1
    hit = doc.at_start.get(lo)
    body = _body_of_owner(doc, hit, np_end, sent[0]) if hit else None
    if body is not None:
        subj = body  # 'a report by Brazil's river safety board': the board wrote it, not Brazil
    elif hit and hit[0] <= np_end:
        subj = Subject([hit[1]], lo, hit[0], 0.9, "name")
    elif (unnamed := _unnamed_head(doc, lo, np_end)) is not None:
        subj = unnamed  # 'according to residents reached by AFP': the residents
    else:
        first_words = np_text.lower().split()
        if by or not any(w in wl.document_speakers() for w in first_words[:3]):
            sub_end = np_end
            hit2 = None
            for e in range(lo + 1, np_end + 1):
                if e in doc.at_end and doc.at_end[e][0] >= lo:
                    hit2 = doc.at_end[e]
                    sub_end = e
                    break
            unit = _BODY_NOUN_AFTER.match(text, sub_end, np_end) \
                if hit2 and re.fullmatch(r"an?\s+", text[lo : hit2[0]]) else None  # (not 'the Trend
            # Analytica agency': the agency is Trend Analytica)
            body_noun = next((w for w in unit.groups() if w and _a_body(w)), None) if unit else None
            if body_noun is not None and by and paper_first and _named_later(text, np_end, body_noun):
                subj = paper_author(doc, ce, np_end)  # 'a report by a Water Ministry directorate': the
                # directorate the story names later, not the ministry
            elif hit2:
                subj = Subject([hit2[1]], hit2[0], sub_end, 0.85, "name")
            elif body_first is not None:
                subj = indefinite(doc, lo, np_end) or subject_before(doc, lo, np_end)  # ('a committee', held
                # for the name the story gives it)
            else:
                subj = subject_before(doc, lo, np_end) or indefinite(doc, lo, np_end)
        else:
            subj = _owner_of_paper(doc, lo, np_end)  # 'according to the FTC's complaint'
            if subj is None and _THE_PAPER.fullmatch(text, lo, np_end):
                subj = document_subject(doc, lo, np_end)  # 'the RFPC report', 'the report': its author
            cited = _CITED_IN.search(text, lo, np_end) if subj is None else None
            if cited is not None:  # 'according to customs records cited in the report': the report's author
                subj = document_subject(doc, cited.start(1), np_end)
            if subj is None:
                subj = _body_of_its_kind(doc, lo, np_end, sent)  # 'according to a ministry statement'
            if subj is None and re.match(r"\s*(?:an?|one)\s", np_text, re.IGNORECASE):
                subj = paper_author(doc, lo, np_end)  # 'according to an audit released on Friday': its author
                # is named in a later sentence ('The 54-page report by the … Inspectorate said')
    if subj is not None and seen:
        subj.how = "seen"  # 'according to a letter seen by Reuters': who saw it, not who wrote it
    if subj is not None and (by or any(w in wl.document_speakers() for w in np_text.lower().split()[:4])):
        doc.reg.report_author = subj.entities[0]
    return subj, _content(doc, cs, comma, sent)


#: A paper named with 'the' and perhaps its author's name, which the story has told of before: 'the report',
#: 'the RFPC report' (not 'filings', 'budget documents', 'a ministry statement').
_THE_PAPER = re.compile(rf"\s*(?:{THE_FINDINGS}|the\s+findings)\s*")


#: Records a paper cites, after 'according to': 'customs records cited in the report'.
_CITED_IN = re.compile(rf"\b(?:cited|quoted|included|attached|reproduced)\s+in\s+({THE_FINDINGS})\s*$")
#: A paper marked by the kind of body that issued it: 'a ministry statement', 'a company letter'.
_KIND_THEN_PAPER = re.compile(r"\s*an?\s+([a-z]+)\s+[a-z]+\s*$")


def _body_of_its_kind(doc: Doc, lo: int, end: int, sent: tuple[int, int]) -> Subject | None:
    """The body of the kind that marks a paper after 'according to' ('a ministry statement'): the one
    its sentence names in lower case ('the trade ministry ordered …'), else the latest of that kind."""
    m = _KIND_THEN_PAPER.fullmatch(doc.text, lo, end)
    if m is None or not _a_body(m.group(1)):
        return None
    for body in lower_org_re().finditer(doc.text, sent[0], lo):
        if body.group(2).split()[-1] == m.group(1):
            ent = lower_org_at(doc, body.start(), body.end(), sent[0], local=True)
            if ent is not None:
                return Subject([ent], body.start(), body.end(), 0.7, "description")
    ent = doc.reg.description(m.group(1), lo, strict=True)
    return Subject([ent], -1, -1, 0.6, "description") if ent is not None and ent.is_org else None


#: Who the source of 'according to X,' is, said between commas before the words it covers: 'a line supervisor
#: who was on the shift,', 'who led the survey,' (a few words, set off by a second comma).
_APPOSITION = re.compile(r"\s*(?:an?|who|whose)\s[^,.;:“”\"]{2,80}?,\s*(?=\S)")


def _paper_of(np_text: str) -> re.Match[str] | None:
    """'the inspection report of the County Health Office': 'of' before a name, after a paper's noun, says
    who wrote it (never 'a survey of 2,000 residents', 'an audit of the Ports Authority')."""
    noun = re.search(r"\b([a-z]+)(?=\s+of\s)", np_text)
    of = author_of(np_text, noun.end()) if noun is not None else None
    if of is None or not set(np_text[: of.start()].lower().split()) & wl.document_speakers():
        return None
    return of


def _describes(aside: str) -> bool:
    """Whether words between commas describe who someone is ('who led the survey', 'a line supervisor who
    was on the shift', 'a nurse at the clinic': a noun for a person heads them) rather than tell what
    happened ('a gunman shot three people', 'a man fell')."""
    words = aside.strip(" ,").lower().split()
    if words[0] in ("who", "whose"):
        return True
    cut = next((k for k, w in enumerate(words) if k and w in _HEAD_ENDS), len(words))
    head = words[cut - 1]
    return head in wl.unnamed_sources()["singular"] or head in wl.title_words()


#: Where the head of 'a supervisor who …', 'a nurse at the clinic' ends.
_HEAD_ENDS = frozenset({"who", "whose", "at", "in", "for", "with", "on", "of", "from"})


def _content(doc: Doc, cs: int, comma: int, sent: tuple[int, int]) -> tuple[int, int] | None:
    """What 'according to X' covers: the words after its phrase when it opens the sentence, else the words
    before it."""
    text = doc.text
    before = text[sent[0] : cs].strip()
    opening = not before or before.endswith((":",)) or len(before.split()) <= 3 and before.endswith(",")
    if opening or before.lower().strip(",") in _CONNECTIVES:
        start = _after_provenance(text, comma + 1, sent[1])
        aside = _APPOSITION.match(text, start, sent[1])
        if aside is not None and _describes(aside.group()):
            start = aside.end()  # 'According to Rosa Ruiz, a supervisor who was on the shift, the first …'
            start = _after_provenance(text, start, sent[1])
        return (start, trim_end(text, start, sent[1])) if comma >= 0 else None
    end = cs
    while end > sent[0] and text[end - 1] in " ,":
        end -= 1
    return (sent[0], end)


#: How many sentences after 'according to a report seen by X' its author may be named.
_AUTHOR_WITHIN = 3


def name_paper_authors(doc: Doc, speeches: list[Speech]) -> list[Speech]:
    """Join each unnamed paper author ('according to an internal audit report seen by the Courier') to the
    owner of the next paper that speaks within a few sentences ('The 31-page report by the council's
    Internal Audit and Assurance Service found …'); the speeches of an author never named are dropped."""
    sentence_of = {s: k for k, s in enumerate(doc.sentences)}
    in_sentence: dict[int, list[Speech]] = {}
    for sp in speeches:
        in_sentence.setdefault(sentence_of.get(sp.sent, -1), []).append(sp)
    out: list[Speech] = []
    for sp in speeches:
        author = sp.subject.entities[0] if sp.subject.entities else None
        described = author is not None and _described_author(doc, sp, author)
        unnamed = author is not None and (author.placeholder == "author" or described)
        if author is None or author.merged_into is not None or not unnamed:
            out.append(sp)
            continue
        signed = _signed_in_sentence(doc, sp) if not described else None
        if signed is not None:  # 'The petition, filed by the … Forum (TGRF) on behalf of 14 villages, says'
            _join(doc, author, signed)
            out.append(sp)
            continue
        here = sentence_of.get(sp.sent, -1)
        nearby = (x for k in range(here + 1, here + 1 + _AUTHOR_WITHIN)
                  for x in sorted(in_sentence.get(k, ()), key=lambda x: x.cue_start))
        later = (x for x in nearby if _through_a_paper(doc, x) and _the_same_paper(doc, author, x))
        owner = next((x.subject.entities[0] for x in later if x.subject.entities
                      and x.subject.entities[0].final().placeholder is None), None)
        if described and (owner is None or not _share_a_word(author.name, owner.final().name)):
            out.append(sp)  # 'according to an audit by the county's audit office': kept as told when the
            continue  # audit told next is another body's
        if owner is not None:
            _join(doc, author, owner.final())
            out.append(sp)
    return out


def _join(doc: Doc, author: Entity, owner: Entity) -> None:
    """Fold a paper's unnamed author into the body named as its author ('author of the report' is no name of
    the body)."""
    doc.reg.merge(author, owner)
    if author.name in owner.aliases:
        owner.aliases.remove(author.name)


#: Who wrote or filed a paper, set off after it in the sentence that speaks through it.
_SIGNED_BY = re.compile(r"\b(?:filed|lodged|brought|submitted|written|drawn\s+up|prepared|compiled|produced|"
                        r"carried\s+out|conducted|signed)\s+by\s+(?:the\s+)?")


def _signed_in_sentence(doc: Doc, sp: Speech) -> Entity | None:
    """The named author of the paper a speech's own sentence says wrote or filed it, before its verb."""
    for m in _SIGNED_BY.finditer(doc.text, sp.sent[0], sp.cue_start):
        hit = doc.at_start.get(m.end())
        if hit is not None and hit[1].final().placeholder is None and hit[1].final().kind != "media":
            return hit[1].final()
    return None


def _the_same_paper(doc: Doc, author: Entity, sp: Speech) -> bool:
    """Whether a paper told next is the one an unnamed author wrote: the same noun, or a paper pointed back
    to ('The 54-page report by …' after 'according to an audit'; never 'A report by X' after 'according to
    a survey')."""
    if author.placeholder != "author":
        return True
    words = re.findall(r"[a-z][\w-]*", doc.text[sp.sent[0] : sp.cue_start].lower())
    return author.name.split()[-1] in words or words[:1] in (["the"], ["its"])


def _described_author(doc: Doc, sp: Speech, author: Entity) -> bool:
    """Whether a paper's author is a body described in lower case ('according to a 40-page audit by the
    county's audit office'), which the paper told next may name ('The audit by the Lake Region Audit
    Directorate (LRAD) found …')."""
    if sp.lemma != "according" or sp.subject.start < 0:
        return False
    if not author.is_org or author.name != author.name.lower():
        return False
    return bool(set(doc.text[sp.cue_end : sp.subject.start].lower().split()) & wl.document_speakers())


def _share_a_word(a: str, b: str) -> bool:
    """Whether two names share a word of their own ('audit' in 'audit office' and 'Audit Directorate'; never
    only a word any body could bear: 'office' in 'Serious Fraud Office')."""
    generic = wl.generic_body_words()
    return bool(set(fold(a).split()) & set(fold(b).split()) - generic)


def _through_a_paper(doc: Doc, sp: Speech) -> bool:
    """Whether a speech's subject is a paper ('the report said') or its author named after the paper's
    noun ('The 31-page report by the council's audit service found'), never another paper ('A separate
    report by X')."""
    if sp.subject.how == "document":
        return True
    if sp.subject.start < 0:
        return False
    m = _PAPER_BY.match(doc.text, sp.sent[0], sp.subject.start)
    return m is not None and m.group(1).lower() in wl.document_speakers()


#: A paper's noun and 'by' or 'from' before its author, opening a sentence ('The 31-page report by the
#: council's …'); a separate, second or new paper is another one.
_PAPER_BY = re.compile(r"\W*(?:the|a|an|its)\s+(?!(?:separate|second|new|another|earlier|later)\b)"
                       r"(?:[\w-]+\s+){0,3}?([a-z]+),?(?:\s+(?:written|drawn up|prepared|compiled|signed|"
                       r"sent)\b[^,.;]{0,30}?)?\s+(?:by|from)\s+(?:the\s+)?(?:[\w’'-]+['’]?\s+){0,3}$",
                       re.IGNORECASE)
