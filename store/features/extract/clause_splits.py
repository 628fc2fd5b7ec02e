"""One reported clause per statement: clauses a reporting verb joins ('said X, and that Y'; 'accused A of X
and B of Y'; 'accused A of X and of Y'; 'X did A, the report says, and did B') cut into statements of their
own, each with its own accused."""

from __future__ import annotations

import dataclasses
import re

from . import wordlists as wl
from .actors import Doc
from .content import trim_end
from .descriptions import description
from .entities import Entity
from .entity import ONLY_ACCUSED
from .sources import group_np
from .speech import Speech


def one_clause_each(doc: Doc, sp: Speech) -> list[Speech]:
    """A speech cut into one statement per reported clause."""
    halves = _split_that(doc, sp)
    pieces = [x for half in halves for one in _split_accused(doc, half) for x in _split_and_of(doc, one)]
    return pieces + _carried_on(doc, sp)


#: A reported clause carried on past an attribution set inside it: '…, the report says, and billed insurers
#: a total of $9.6 million.' (a verb in the simple past, not a second verb of saying).
_AND_ON = re.compile(r",\s+and\s+(?=[a-z]+ed\s)(?!(?:[a-z]+ed)\s+(?:by|to)\b)")


#: A source of its own in the words after ', and': '…, according to company filings', '…, she said'.
_OWN_SOURCE = re.compile(r"\baccording\s+to\b|\b(?:said|says|told)\b")


def _carried_on(doc: Doc, sp: Speech) -> list[Speech]:
    """The rest of a reported clause after a paper's attribution set inside it ('The company flew 1,310
    flights, the report says, and billed insurers $9.6 million'): one more statement of the paper's author."""
    if not sp.content or sp.subject.how != "document" or sp.content[1] > sp.subject.start:
        return []  # (a person said to have done more after 'said X, and' may be the one who did it)
    m = _AND_ON.match(doc.text, max(sp.cue_end, sp.subject.end), sp.sent[1])
    if m is None or doc.text[m.end() :].split(None, 1)[0].lower() in wl.reporting_verbs() \
            or _OWN_SOURCE.search(doc.text, m.end(), sp.sent[1]):
        return []  # (only a verb in the past tense of the same subject: never 'and was fined', 'and has
        # since closed', nor a clause with a source of its own: '…, according to company filings')
    end = trim_end(doc.text, m.end(), sp.sent[1])
    return [dataclasses.replace(sp, content=(m.end(), end), quotes=[])] if end > m.end() else []


_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+")


def _cut(doc: Doc, sp: Speech, words: tuple[int, int], end: int, start: int, targets: list[Entity]) -> Speech:
    """Cut a speech's ``words`` in two: it keeps those before ``end``, and the speech returned (same cue and
    speaker, aimed at ``targets``) holds those from ``start`` on."""
    s, e = words
    sp.content = (s, trim_end(doc.text, s, end))
    return dataclasses.replace(sp, content=(start, e), targets=list(targets), quotes=[])


def _split_that(doc: Doc, sp: Speech) -> list[Speech]:
    """Two reported clauses joined by 'and that' or 'but that' are two statements."""
    if not sp.content:
        return [sp]
    s, e = sp.content
    m = next(
        (x for x in _AND_THAT.finditer(doc.text[s:e]) if doc.quote_at(s + x.start()) is None),
        None,
    )
    if not m:
        return [sp]  # no 'and that' outside quotation marks ('“…, and that instruction was not followed”')
    return [sp, _cut(doc, sp, (s, e), s + m.start(), s + m.end(), sp.targets)]


#: 'accused Aerion of X and the ministry of Y': a second accused and what it is accused of.
_AND_ACCUSED = {
    prep: re.compile(
        rf",?\s+and\s+(?=(?:(?!(?:to|in|on|at|by|with|from|other|more|of|for)\s)[\w'’.&-]+\s+){{1,4}}?{prep}\s)"
    )
    for prep in ("of", "for")
}


def _split_accused(doc: Doc, sp: Speech) -> list[Speech]:
    """One verb accusing two parties of two things makes two accusations, each aimed at its own party; two
    parties accused of one thing make one accusation aimed at both."""
    if sp.lemma not in ("accuse", "blame", "charge") or not sp.content or not sp.targets:
        return [sp]
    s, e = sp.content
    for m in _AND_ACCUSED["for" if sp.lemma == "blame" else "of"].finditer(doc.text, s, e):
        if doc.quote_at(m.start()) is not None:
            continue
        hit = doc.at_start.get(m.end())
        target = hit[1] if hit else object_group(doc, (m.end(), e))
        if target is None or target in sp.targets:
            continue  # 'of theft and fraud of …': no second party
        if not _OF_FOR_RE.search(doc.text, s, m.start()):
            sp.targets.append(target)  # 'accused Halvorsen and Brightline of hiding …': both of one thing
            continue
        return [sp, _cut(doc, sp, (s, e), m.start(), m.end(), [target])]
    return [sp]


_OF_FOR_RE = re.compile(r" (?:of|for) ")


def object_group(doc: Doc, content: tuple[int, int]) -> Entity | None:
    """The accused when it is described: a group ('the paramilitary Rapid Support Forces') or a known
    actor by a common noun ('accused the company of …', 'blamed the port authority for …'), or a party
    described, then named ('blamed a trucking contractor, Rayong Cold Chain Transport, saying …')."""
    text = doc.text
    found = _OF_FOR_RE.search(text, content[0], content[1])
    if found is None:
        return _named_after_its_description(doc, content)
    of = found.start()
    for e in range(of, content[0], -1):
        hit = doc.at_end.get(e)
        if hit and hit[0] >= content[0]:
            return hit[1]
    sub = description(doc, text, of, content[0]) or group_np(doc, text, of, content[0])  # ('accused the
    # contractor of …': the contractor named before, not a new one)
    accused = sub.entities[0] if sub is not None and sub.entities else None
    if accused is not None and sub.start >= 0 and not accused.spans and accused.kind == "organisation" \
            and " " in accused.name:
        doc.reg.mention(accused, sub.start, sub.end)  # a body first told here, by the words of its kind ('…
        # the state environmental agency of …. The agency said': the body just accused)
        accused.tags.add(ONLY_ACCUSED)  # (till it speaks: never the 'its' of the accuser's next words)
    return sub.entities[0] if sub else _named_after_its_description(doc, content)


#: A party described before its name, set off by commas: 'a trucking contractor, Rayong Cold Chain
#: Transport,'.
_DESCRIBED_THEN_NAMED = re.compile(r"(?:an?|the)\s+(?:[a-z][\w'’-]*\s+){0,6}?[a-z][\w'’-]*,\s+")


def _named_after_its_description(doc: Doc, content: tuple[int, int]) -> Entity | None:
    """The party a verb's object describes, then names: 'blamed a trucking
    contractor, Rayong Cold Chain Transport, saying …'."""
    m = _DESCRIBED_THEN_NAMED.match(doc.text, content[0], content[1])
    hit = doc.at_start.get(m.end()) if m else None
    return hit[1] if hit is not None and hit[1].kind != "state" else None


#: 'of X, and of Y': a second thing the same party is accused of.
_AND_OF = re.compile(r",?\s+and\s+of\s+(?=[a-z])")


def _split_and_of(doc: Doc, sp: Speech) -> list[Speech]:
    """'accused Mavuno of sending short sacks and of pressuring teachers …': two accusations of one party,
    the second told from its own verb on ('pressuring teachers …'), as 'and that' starts a second claim."""
    if sp.lemma not in ("accuse", "charge") or not sp.content:
        return [sp]
    s, e = sp.content
    if not _OF_FOR_RE.search(doc.text, s, e):
        return [sp]
    m = next((x for x in _AND_OF.finditer(doc.text, s, e) if doc.quote_at(x.start()) is None), None)
    if m is None:
        return [sp]
    return [sp, *_split_and_of(doc, _cut(doc, sp, (s, e), m.start(), m.end(), sp.targets))]
