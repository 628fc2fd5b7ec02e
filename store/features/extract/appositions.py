"""What the phrases set off by commas around a name say of it: "Jane Roe, the agency's head of research,"
gives a role and an affiliation; "Hypertension Patients Europe, a patients' group," makes a body of a name
read as a person's; "X, which runs the yard," is a thing, never a person."""

from __future__ import annotations

import re

from . import wordlists as wl
from .doc import Doc
from .entities import Entity
from .gender import gender_from_role

__all__ = ["describe"]

_DETS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


#: A word after a body's noun saying what was done to it, or a figure: 'paid', 'hired', 'owned', '3.4'.
_DONE_TO = re.compile(r"[a-z]+ed|paid|run|owned|hired|held|set|built|made|sold|known|given|\d[\d.,]*")
#: Where a phrase set off by a comma ends: the next comma or full stop (never a decimal point).
_PHRASE_END = re.compile(r",|\.(?!\d)")


def _appositive(doc: Doc, m_start: int, m_end: int, sent_end: int) -> str | None:
    """The descriptive phrase set off by commas right after a mention ('…, the group's head of research,')."""
    text = doc.text
    if text[m_end : m_end + 2] == ", ":
        found = _PHRASE_END.search(text, m_end + 2, sent_end)  # (not the point of '3.4 million')
        stop = found.start() if found else sent_end
        seg = text[m_end + 2 : stop].strip()
        if seg and seg.split()[-1].lower() in wl.reporting_verbs():
            return None  # '…, Meridian Press, the board said': the speaker after the words, no description
        first = seg.split(" ", 1)[0].lower() if seg else ""
        if first in _DETS or first.endswith("'s") or first.endswith("’s"):
            return seg
        if seg[:1].islower() and first in wl.title_words() and len(seg.split()) <= 10:
            return seg  # 'Jane Roe, director of the agency's research bureau,'
    return None


def _pp_affiliation(doc: Doc, seg: str, seg_start: int) -> Entity | None:
    """The organisation a role phrase names after a preposition ('director of the X Bureau' -> the Bureau)."""
    seg = re.split(r"\s(?:who|which|that|whose)\s", seg, maxsplit=1)[0]  # not 'who favours ties with X'
    m = re.search(r"\b(?:of|for|at|with|from)\s", seg)
    if m is None:
        return None
    best = owner = None
    pos = seg_start + m.end()
    end = seg_start + len(seg)
    while pos < end:
        hit = doc.at_start.get(pos)
        if hit and hit[0] <= end + 1:
            if doc.text[hit[0] : hit[0] + 2] not in ("'s", "’s"):
                best = hit[1]
            elif owner is None:
                owner = hit[1]  # 'head of the X Programme's office in Y': X, when nothing else is named
            pos = hit[0]
        pos += 1
    return best or owner


#: A noun phrase closing the words before a comma, after a preposition or a verb in the past: '… posted by the
#: local hapū trust', 'He blamed the company that services the spa's boilers'.
_OBJECT_BEFORE = re.compile(r".*\b(?:by|from|to|with|for|against|[a-z]{3,}ed)\s+"  # (the last one)
                            r"((?:the|a|an|its|their)\s[^,“”\"]+)$")
#: What closes a name set off after its description: a comma, after where it is ('…, Alpseil Technik AG of
#: Brig, which …').
_CLOSED = re.compile(r"(?:\s+(?:of|in|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,")
#: Where a description's head noun ends: 'the company that services …', 'a trust of …'.
_HEAD_END = re.compile(r"\s(?:of|for|at|in|with|from|who|which|that|whose)\s")


def _appositive_before(doc: Doc, m_start: int, m_end: int, sent_start: int) -> str | None:
    """The phrase before ', Name' that describes it ('Okafor's lawyer, Marcus Feld')."""
    text = doc.text
    if text[max(sent_start, m_start - 2) : m_start] != ", ":
        return None
    prev = max(
        text.rfind(",", sent_start, m_start - 2), text.rfind("“", sent_start, m_start - 2), sent_start - 1
    )
    seg = text[prev + 1 : m_start - 2].strip()
    tail = _OBJECT_BEFORE.search(seg)
    if tail is not None and seg.split(" ", 1)[0].lower() not in _DETS and _CLOSED.match(text, m_end) \
            and "according" not in seg.lower() \
            and _HEAD_END.split(tail.group(1).lower(), maxsplit=1)[0].split()[-1] \
            in wl.org_words()["descriptor_class"]:  # 'Photos posted on Facebook by the local hapū trust, Te
        seg = tail.group(1)  # Roopu Kaitiaki o Waipā, show …': the trust (never 'published by the agency,
        # Veradis received …': a clause's subject)
    first = seg.split(" ", 1)[0] if seg else ""
    if not (first.lower() in _DETS or first.endswith(("'s", "’s"))) or "according" in seg.lower():
        return None
    if seg and len(seg.split()) <= 8:
        return seg
    return None


def _apply_description(doc: Doc, ent: Entity, seg: str, seg_start: int) -> None:
    """Take a role, an affiliation and descriptor tags from a descriptive phrase about an entity."""
    words = [w.strip(",.;:").lower().replace("’", "'") for w in seg.split()]
    titles = wl.title_words()
    descr = wl.org_words()["descriptor_class"]
    head = re.split(r"\s(?:of|for|at|in|with|from|who|which|that|whose|[a-z]+ing"
                    r"|[a-z]+ed(?=\s(?:in|by|at|on)\s))\s",  # ('a charity based in Oslo': a charity)
                    re.sub(r"^(?:an?|the|its|their)\s+", "", seg.lower()), maxsplit=1)  # ('a herding
    # community': the participle before the noun is no clause)
    head = head[0].split()
    if ent.tentative and head and head[-1] not in descr:  # 'a private firm paid 3.4 million cedis a year by
        # …': a firm, its noun before what was done to it ('a bank clerk', 'a school bus driver': people)
        cut = next((k + 1 for k, w in enumerate(head[:-1]) if w in descr and _DONE_TO.fullmatch(head[k + 1])),
                   len(head))
        head = head[:cut]
    agent = head and (head[-1] in titles or head[-1] in wl.org_words()["agent_nouns"])  # may be a person
    if ent.tentative and head and head[-1] in descr and not agent:
        doc.reg.make_org(ent, head[-1])  # 'Hypertension Patients Europe, a patients' group,'
    if ent.kind == "person":
        pp_aff = _pp_affiliation(doc, seg, seg_start)
        if any(w in titles for w in words) and not ent.role:
            role_seg = re.split(r"\s(?:who|which|that|whose)\s", seg, maxsplit=1)[0]
            if pp_aff is not None:
                role_seg = re.split(r"\s(?:of|for|at|with|from)\s", role_seg, maxsplit=1)[0]
            role_words = [
                w for w in role_seg.split() if w.lower() not in _DETS and not w.endswith(("'s", "’s"))
            ]
            role = re.sub(r"\s+(?:in|at|from|based in)\s+[A-Z].*$", "", " ".join(role_words))  # not the place
            ent.role = role.strip(" ,") or None
            if ent.gender == "-":
                ent.gender = gender_from_role(ent.role)
        if not ent.affiliation and pp_aff is not None and pp_aff is not ent:
            ent.affiliation = pp_aff.id
        if not ent.affiliation and not ent.aff_name:
            for w in seg.split():
                if w.endswith(("'s", "’s")):
                    owner = w[:-2]
                    if owner.islower() and owner in wl.org_words()["descriptor_class"]:
                        found = doc.reg.description(owner, seg_start)  # "the agency's representative"
                    else:
                        found = doc.reg.lookup(owner) or doc.reg.surname(owner, "-", seg_start)
                    if found is not None and found is not ent:
                        ent.affiliation = found.id
                    break
            else:
                if words and words[0] == "its":
                    found = doc.reg.pronoun("it", seg_start)
                    if found is not None:
                        ent.affiliation = found.id
    elif ent.kind != "state":
        for w in words:
            if w in descr:
                ent.tags.add(w)
        if len(words) >= 2 and " ".join(words[-2:]) in descr:
            ent.tags.add(" ".join(words[-2:]))


_WHICH_AFTER = re.compile(r",\s+which\s")


def describe(doc: Doc, ent: Entity, start: int, end: int, sent: tuple[int, int]) -> None:
    """Take role, affiliation and descriptor tags from the phrases set off by commas around a mention."""
    ent = ent.final()
    if ent.tentative and _WHICH_AFTER.match(doc.text, end):
        doc.reg.make_org(ent)  # 'Bhatiary Green Recyclers, which runs the yard, said': a thing, not a person
    after = _appositive(doc, start, end, sent[1])
    if after:
        _apply_description(doc, ent, after, end + 2)
    before = _appositive_before(doc, start, end, sent[0])
    if before:
        _apply_description(doc, ent, before, start - len(before) - 2)
