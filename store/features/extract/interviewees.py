"""An attribution sieve for interviews printed as questions and answers (interviews.py finds them): whose
each answer is.

A transcript's answer label names its speaker ('HADDAD:' for Omar Haddad, named before). Otherwise the
story introduces the interviewee just before the questions: a person's speech in the paragraph before
them ('Lind, who spoke to Reuters on Tuesday, said …'), else the last person named there ('The refinery's
chief executive, Henrik Dahl, took questions at its plant.'). An explainer the paper prints in its own voice
('Q: What is a royalty? A: A fee a miner pays …') is no interview: the paragraph before it announces none,
and its answers speak of nobody in the first person. Those answers are nobody's.
"""

from __future__ import annotations

import bisect
import re

from .doc import Doc
from .interviews import QA_LABEL, named_answerer
from .quotes import Quote
from .sources import Subject
from .speech import Speech

#: Words that announce an interview in the paragraph before it: 'took questions', 'spoke to Reuters',
#: 'in an interview', 'edited excerpts'.
_ANNOUNCED = re.compile(r"\b(?:interview(?:ed)?|questions?|asked|spoke|speaking|talked|told|Q&A|excerpts?|"
                        r"answered|answers)\b", re.IGNORECASE)
#: The first person an interviewee answers in.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My)\b")


def answered_by(doc: Doc, q: Quote, speeches: list[Speech], cue_positions: list[int],
                paras: list[tuple[int, int]], starts: list[int], sent: tuple[int, int]) -> Speech | None:
    """The speech of an interview's answer ``q`` (its label, 'A:', the cue), or None when the run it stands
    in is no interview or introduces nobody. ``cue_positions`` are the speeches' cues, ``paras`` the
    text's paragraphs and ``starts`` where each starts (all in order, read once for the whole text)."""
    para = starts[max(0, bisect.bisect_right(starts, q.start) - 1)]
    label = QA_LABEL.match(doc.text, para)
    who = _named(doc, label, q.start)
    if who is None:
        k = bisect.bisect_right(starts, q.asked_from) - 1
        intro = paras[k - 1] if k >= 1 else (q.asked_from, q.asked_from)
        answer = doc.text[q.start : q.end]
        if not (_ANNOUNCED.search(doc.text, intro[0], intro[1]) or _FIRST_PERSON.search(answer)):
            return None
        who = _introduced(doc, speeches, cue_positions, intro, q.asked_from)
    if who is None:
        return None
    cue = label.group().strip() if label else "A:"
    return Speech(para, para + len(cue), cue, "claim", "say", who, sent, (q.start, q.end), quotes=[q],
                  confidence=who.confidence)


def _named(doc: Doc, label: re.Match[str] | None, before: int) -> Subject | None:
    """The person a transcript's label names ('HADDAD:' for Omar Haddad, named before)."""
    name = named_answerer(label) if label else None
    person = doc.reg.surname(name.split()[-1], "-", before) if name else None
    return Subject([person], -1, -1, 0.8, "name") if person is not None else None


def _introduced(doc: Doc, speeches: list[Speech], cue_positions: list[int], intro: tuple[int, int],
                asked_from: int) -> Subject | None:
    """Who the paragraph before the questions introduces: the person whose speech it holds, else the last
    person named before the questions."""
    j = bisect.bisect_left(cue_positions, asked_from) - 1
    if j >= 0 and speeches[j].cue_start >= intro[0]:
        people = [e for e in speeches[j].subject.entities if e.final().kind == "person"]
        if people:
            return Subject(people, -1, -1, 0.7 * speeches[j].subject.confidence, "inherited")
    person = doc.reg.most_recent(lambda e: e.kind == "person", asked_from)
    return Subject([person], -1, -1, 0.5, "inherited") if person is not None else None
