"""Interviews printed as questions and answers: where each run of 'Q:' and 'A:' paragraphs (or a
transcript's 'REPORTER:' and 'DAHL:') stands, found in one pass over the paragraphs (layout only; whose the
answers are is interviewees.py's).

A run starts at a question that an answer follows. It goes on over questions and answers, and over one
unlabelled paragraph between them (an answer's second paragraph); anything longer ends it. A 'Q:' with no
answer after it starts nothing ('Q: why?' may be a headline's joke).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import paragraphs

#: The label that opens a paragraph of an interview: 'Q:' asks, 'A:' answers ('Q.' and 'A.' too); in a
#: transcript a speaker's name in capitals does ('REPORTER:' asks, 'DAHL:' or 'MR DAHL:' answers).
QA_LABEL = re.compile(r"(?P<who>[QA])\s?[:.]\s+|(?P<name>[A-Z][A-Z'’-]+(?:\.?\s[A-Z][A-Z'’-]+){0,2}):\s+")
#: Transcript labels of whoever asks.
_ASKERS = frozenset({"REPORTER", "REPORTERS", "QUESTION", "INTERVIEWER", "JOURNALIST", "HOST", "MODERATOR",
                     "ANCHOR", "PRESENTER", "AUDIENCE MEMBER"})


def asks(label: re.Match[str]) -> bool:
    """Whether a paragraph's label is a question's ('Q:', 'REPORTER:')."""
    return label.group("who") == "Q" or label.group("name") in _ASKERS


def named_answerer(label: re.Match[str]) -> str | None:
    """The name an answer's label gives its speaker ('DAHL' in 'DAHL:'; none in 'A:')."""
    name = label.group("name")
    return name if name and name not in _ASKERS else None
#: How many unlabelled paragraphs may stand inside one run (an answer going on into a second paragraph).
_RUN_ON = 1


@dataclass(slots=True)
class Interview:
    """One run of questions and answers: where its first question starts, each question paragraph's
    (start, end), and each answer paragraph's (start, end of its label, end)."""

    start: int
    questions: list[tuple[int, int]] = field(default_factory=list)
    answers: list[tuple[int, int, int]] = field(default_factory=list)


def interviews(text: str) -> list[Interview]:
    """The runs of questions and answers in a text, in order."""
    if "Q" not in text and ":" not in text:
        return []
    out: list[Interview] = []
    current: Interview | None = None
    asked: list[tuple[int, int]] = []  # questions of a run not yet answered
    unlabelled = 0
    for ps, pe in paragraphs(text):
        label = QA_LABEL.match(text, ps, pe)
        if label is None:
            unlabelled += 1
            if unlabelled > _RUN_ON:
                current, asked = None, []
            continue
        if asks(label):
            if current is None and not asked:
                start = ps
            asked.append((ps, pe))
        elif asked or current is not None:
            if current is None:
                current = Interview(start)
                out.append(current)
            current.questions.extend(asked)
            asked = []
            current.answers.append((ps, label.end(), pe))
        unlabelled = 0
    return out


def question_spans(found: list[Interview]) -> list[tuple[int, int]]:
    """Every question paragraph of the runs found, in order: the interviewer's words, which say nothing."""
    return [q for run in found for q in run.questions]
