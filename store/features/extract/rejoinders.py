"""An attribution sieve for the denial a wire lede tacks onto an accusation: '… accused X of Y, a charge
X rejected', '…, which Moscow denied', '…, an allegation the company denies', '…, a charge the company
rejected as “premature and unfounded”'.

The trailing clause is the other side's answer, not part of the accusation: it is cut from the
accusation's words and becomes a denial by its own subject, the clause itself with any words it was
rejected as ('a charge the authority rejected as “premature and unfounded”', 'a charge the company called
« pure defamation »').
A speech the general sieves made of the clause's verb (the denier taking the whole lede as its words) is
replaced.
"""

from __future__ import annotations

import functools
import re

from . import wordlists as wl
from .actors import Doc
from .content import trim_end
from .sources import Subject
from .speech import Speech
from .subjects import subject_before

_NOUNS = r"(?:charge|claim|accusation|allegation|assertion|suggestion)s?"


@functools.cache
def _trailing() -> re.Pattern[str]:
    """', a charge the company rejected', ', which Moscow denied': the denying verbs are the finite forms of
    the reporting verbs whose act is a denial (reporting_verbs.json)."""
    verbs = sorted((form for form, verb in wl.reporting_verbs().items()
                    if verb.act == "denial" and not form.endswith("ing")), key=len, reverse=True)
    return re.compile(
        rf",\s+(?:(?:(?:a|an|the)\s+)?{_NOUNS}\s+(?:that\s+|which\s+)?|which\s+)"
        r"(?P<subject>(?:[\w'’.-]+\s+){1,6}?)"
        r"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?"
        rf"(?P<verb>{'|'.join(verbs)}|{_NAMING}(?={_CALLED_AS.pattern}))\b",
        re.IGNORECASE,
    )


#: Verbs that deny by what they call the charge, in quotation marks: 'a charge the company called « pure
#: defamation »'.
_NAMING = r"(?:called|described|branded|labell?ed|termed)"
#: What the answer called the charge, in quotation marks: 'rejected as “premature and unfounded”'.
_CALLED_AS = re.compile(r"\s+(?:it\s+|them\s+)?(?:as\s+)?[“\"«]\s*([^”\"»]{3,200}?)\s*[”\"»]")


def rejoinder(doc: Doc, sent: tuple[int, int], found: list[Speech]) -> list[Speech]:
    """The sentence's speeches with a trailing denial clause made a denial of its own, if there is one."""
    text = doc.text
    m = _trailing().search(text, sent[0], sent[1])
    if m is None:
        return found
    accusation = next((sp for sp in found if sp.act == "accusation" and sp.content
                       and sp.content[0] < m.start() < sp.content[1]), None)
    verb_start, verb_end = m.span("verb")
    replaced = [sp for sp in found if m.start() <= sp.cue_start < m.end()]
    if accusation is None and not replaced:
        return found  # '…, which the ministry denied': no accusation before it, nothing to answer
    subject = subject_before(doc, m.start("subject"), verb_start)
    if (subject is None or not subject.entities) and accusation is not None and accusation.targets:
        # 'accused the operator of a wind farm of …, a charge the company called …': the accused answers
        subject = Subject([accusation.targets[0]], m.start("subject"), verb_start, 0.6, "description")
    if subject is None or not subject.entities:
        return found
    if accusation is not None:
        accusation.content = (accusation.content[0], trim_end(text, accusation.content[0], m.start()))
    called = _CALLED_AS.match(text, verb_end, sent[1])
    clause_start = m.start() + len(m.group()) - len(m.group().lstrip(", "))
    content = (clause_start, called.end() if called else verb_end)  # 'a charge X rejected as “…”'
    verb = m.group("verb")
    lemma = wl.reporting_verbs()[verb.lower()].lemma
    denial = Speech(verb_start, verb_end, verb, "denial", lemma, subject, sent, content,
                    confidence=subject.confidence * 0.9)
    if subject.start >= 0:
        for e in subject.entities:
            doc.reg.mention(e, subject.start, subject.end, speaker=True)
    return [sp for sp in found if sp not in replaced] + [denial]
