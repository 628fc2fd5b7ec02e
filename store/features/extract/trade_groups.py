"""People of a trade that writes papers and the one body whose paper of that trade the story reads are one
actor: 'auditors have found …' … 'According to a 38-page audit by Whitcombe & Lane …'; 'a report by
independent investigators' … 'The Rail Incident Review Board said in the report …'. Part of stage 5, the
entities across the article (coreference.py)."""

from __future__ import annotations

import re

from . import wordlists as wl
from .doc import Doc
from .entities import Entity
from .papers import spoken_in_paper, written_by
from .textutil import fold

#: Right after a group's mention: what it found ('auditors have found', 'the engineers found').
_FOUND = re.compile(r"\s+(?:have\s+|has\s+|had\s+)?(?:found|concluded|determined|established)\b")


def merge_trade_groups_into_authors(doc: Doc) -> None:
    """Each group of a trade's people (org_words.json 'body_roles', with the papers each trade writes) that
    the story tells as writers joins the one named body it tells as the author of such a paper. With two
    such bodies, or none, the group stays as it is; a news organisation that saw a paper never wrote it."""
    reg = doc.reg
    papers = wl.org_words()["role_documents"]
    groups = [e for e in reg.live() if e.kind == "group" and "unnamed" in e.tags and e.name.strip()]
    bodies = [e for e in reg.live() if e.is_org and "unnamed" not in e.tags and not e.placeholder
              and e.kind != "media" and e.name != e.name.lower()]
    for group in groups:
        nouns = papers.get(fold(group.name).split()[-1])
        if not nouns or not _told_as_writers(doc, group, nouns):
            continue
        authors = [e for e in bodies if e.merged_into is None and _told_as_author(doc, e, nouns)]
        if len(authors) == 1:
            reg.merge(group, authors[0])


def _told_as_writers(doc: Doc, group: Entity, nouns: frozenset[str]) -> bool:
    """Whether a trade's people are told as the ones who wrote: what they found ('auditors have found'), one
    of their trade's papers by them ('a 38-page interim report by independent investigators', 'The audit,
    … carried out by external auditors'), or told in it ('monitors told the Security Council in a
    confidential report'). People who only speak of a paper ('Independent experts said the report by the
    institute was flawed') may be anyone's critics."""
    for a, b in group.spans:
        end = doc.sentence_at(a)[1]
        if _FOUND.match(doc.text, b) or spoken_in_paper(nouns).match(doc.text, b, end) \
                or written_by(doc.text, a, nouns):
            return True
    return False


def _told_as_author(doc: Doc, body: Entity, nouns: frozenset[str]) -> bool:
    """Whether a body is told as the author of one of these papers: '… audit by <X>', '<X> said in the
    report'."""
    return any(written_by(doc.text, a, nouns) or spoken_in_paper(nouns).match(doc.text, b)
               for a, b in body.spans)
