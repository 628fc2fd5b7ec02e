"""An attribution sieve for the outlet that publishes a story: its own data and what it was shown are the
reporter's background, never a statement of the outlet's ('…, according to data compiled by Bloomberg' in a
Bloomberg story; 'results the group shared with the BBC' in a BBC one), and an 'it' read as the outlet
is a misreading ('according to its website'). The outlet's credits are its
dateline's agency and its bylines (story_heads.outlet_credits); a story about the outlet itself ('Thomson
Reuters said it would cut 500 jobs') keeps its statements.
"""

from __future__ import annotations

import re

from . import wordlists as wl
from .doc import Doc
from .entity import Entity
from .org_kinds import GOV_WORDS, REG_WORDS
from .speech import Speech
from .textutil import SAW, fold

#: What the outlet was given or told, right before its name: 'shared with the BBC', 'told Reuters'.
_GIVEN_TO = re.compile(r"\b(?:shared|sent|given|provided|handed|shown|showed|told|supplied)\s+"
                       r"(?:with\s+|to\s+)?(?:the\s+)?$", re.IGNORECASE)


#: Where only an outlet stands: told something, shown or sent a paper, spoken to ('told The Local', 'seen by
#: Times of Oman', 'spoke to ERR News on condition …').
_ONLY_AN_OUTLET = re.compile(rf"(?:\b(?:told|spoke\s+to|speaking\s+to|talked\s+to|interview\s+with)\s+|"
                             rf"{SAW}\s+)(?:the\s+)?$", re.IGNORECASE)


#: Words that name a public body, never a masthead ('Labour Ministry', 'City Council'; not 'Radio Zeta',
#: 'Daily Monitor').
_PUBLIC_BODY_WORDS = frozenset(GOV_WORDS) | frozenset(REG_WORDS) | {"court", "tribunal", "prosecutor",
                                                                   "prosecution"}


def read_as_outlets(doc: Doc) -> None:
    """An organisation that never speaks and is only ever told something, shown a paper or spoken to is a
    news outlet ('had told The Local last week', 'a letter seen by Times of Oman'): media, which plays no
    part for being told, and which an accusation naming nobody is never aimed at."""
    outlets = set()
    for e in doc.reg.live():
        named_as_a_body = bool(set(fold(e.name).split()) & _PUBLIC_BODY_WORDS)
        if e.kind != "organisation" or e.speaker or not e.spans or named_as_a_body:
            continue  # (a ministry or a council only told something stays what its name says)
        if all(_ONLY_AN_OUTLET.search(doc.text, max(0, a - 24), a) for a, _b in e.spans):
            e.kind = "media"
            outlets.add(e.id)
    for e in doc.reg.live():
        if e.affiliation in outlets and e.speaker:
            e.affiliation = None  # ("The operator's managing director, Gerhard Pichler, had told The Local":
            # the operator's, not the outlet's, which no one speaks for)


def not_by_the_outlet(doc: Doc, speeches: list[Speech], credits: list[str]) -> list[Speech]:
    """The speeches less those whose speaker is the story's own outlet citing its own data or what it was
    given (``credits``: where the story names its outlet)."""
    if not credits:
        return speeches
    return [sp for sp in speeches if not _the_outlets_background(doc, sp, credits)]


def _the_outlets_background(doc: Doc, sp: Speech, credits: list[str]) -> bool:
    if not sp.subject.entities or sp.subject.start < 0:
        return False
    if not all(e.kind == "media" and _credited(e, credits) for e in sp.subject.entities):
        return False
    if sp.subject.how in ("pronoun", "description"):
        return True  # 'according to its website': never the outlet, which a story does not call 'it'
    before = doc.text[sp.cue_end : sp.subject.start]
    papers = set(re.findall(r"[a-z]+", before.lower())) & wl.document_speakers()
    return bool(papers) or _GIVEN_TO.search(before) is not None


def _credited(outlet: Entity, credits: list[str]) -> bool:
    """Whether a credit names the outlet by its name or one of its aliases ('AP' for the Associated Press)."""
    names = [outlet.name, *outlet.aliases]
    return any(re.search(rf"\b{re.escape(n)}\b", c) for n in names if n for c in credits)
