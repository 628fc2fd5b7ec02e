"""Two speeches in one sentence whose words overlap: where the earlier one's words end or give way to the
later one's — a clause with its own speaker ('…, while X warned'), a relative clause inside the later
speech's subject ('Pulsar, which says it has 3.2 million users, said …'), a paper's finding reported by
someone else ('X said a review it commissioned from Y found …'). Read by attribution.py as it finds each
sentence's speeches."""

from __future__ import annotations

import re

from . import wordlists as wl
from .content import trim_end
from .doc import Doc
from .sources import Subject
from .speech import Speech

_JOINT_RE = re.compile(
    r"(?:[,;]\s*(?:while|whereas|and|but)?|\s(?:while|whereas|after|before|because|when|since|until|once))\s+"
)


def hand_over_to_paper(doc: Doc, prev: Speech, subj: Subject, cue_start: int) -> None:
    """'X said an independent review it commissioned from Y found …': the finding is the paper's author's
    (Y), and X's speech says nothing besides; its words opened with the paper and hold Y's speech."""
    if not prev.content or not prev.content[0] <= subj.start < cue_start < prev.content[1]:
        return
    if subj.entities == [e.final() for e in prev.subject.entities]:
        return
    opening = re.findall(r"[a-z][\w-]*", doc.text[prev.content[0] : subj.start].lower())[:4]
    if any(w in wl.document_speakers() for w in opening):
        prev.content = None


def drop_told_inside_subject(doc: Doc, prev: Speech, subject_start: int, cue_start: int) -> None:
    """A speech told inside another's subject ('Pulsar, which says it has 3.2 million users, said the
    adverts …') only describes that subject: it makes no statement, and its words are not the next
    speech's."""
    inside = prev.content is not None and prev.content[0] < cue_start < prev.content[1]
    comma = doc.text.rfind(",", prev.content[0], cue_start) if inside and prev.content else -1
    if subject_start < prev.cue_start and comma > 0 and not doc.text[comma + 1 : cue_start].strip(" \n"):
        prev.content = None


def cut_before(doc: Doc, prev: Speech, subject_start: int) -> None:
    """End an earlier speech's content where a clause with its own speaker begins ('…, while X warned')."""
    if not prev.content or not (prev.content[0] < subject_start < prev.content[1]):
        return
    lead = doc.text[prev.content[0] : subject_start]
    joints = list(re.finditer(_JOINT_RE, lead))
    if not joints:
        return
    j = joints[-1]
    if len(lead[j.end() :].split()) > 6:
        return
    end = trim_end(doc.text, prev.content[0], prev.content[0] + j.start())
    if end > prev.content[0]:
        prev.content = (prev.content[0], end)
