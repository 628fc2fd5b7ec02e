"""Interviews printed as questions and answers: where each run of 'Q:' and 'A:' paragraphs (or of a
transcript's 'REPORTER:' and 'HADDAD:') stands, found in one pass over the paragraphs (layout only; whose
the answers are is interviewees.py's).

A run starts at a question that an answer follows. It goes on over questions and answers, and over one
unlabelled paragraph between them (an answer's second paragraph); anything longer ends it. A 'Q:' with no
answer after it starts nothing ('Q: why?' may be a headline's joke). A transcript's run is opened by an
asker's label (transcripts.json 'askers') and answered only by a name in capitals that the story writes
elsewhere ('HADDAD:' for Omar Haddad), never by a label of the page ('UPDATE:', 'NOTE:') nor a place
('BERLIN:'); a 'Q:' run is answered only by 'A:'.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .sentences import paragraphs
from .wordlists import load_wordlist

#: The label that opens a paragraph of an interview: 'Q:' asks, 'A:' answers ('Q.' and 'A.' too); in a
#: transcript a name in capitals does ('REPORTER:' asks, 'HADDAD:' or 'MR HADDAD:' answers).
QA_LABEL = re.compile(r"(?P<who>[QA])\s?[:.]\s+"
                      r"|(?P<name>[^\W\d_][^\W\d_'’-]*(?:\.?\s[^\W\d_][^\W\d_'’-]*){0,2}):\s+")
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
    style = ""  # 'Q' for a run of 'Q:' and 'A:', 'name' for a transcript's
    unlabelled = 0
    for ps, pe in paragraphs(text):
        kind, label_end = _label(text, ps, pe, style)
        if kind is None:
            unlabelled += 1
            if unlabelled > _RUN_ON:
                current, asked, style = None, [], ""
            continue
        if kind in ("Q", "asker"):
            if current is None and not asked:
                start, style = ps, "Q" if kind == "Q" else "name"
            asked.append((ps, pe))
        elif asked or current is not None:
            if current is None:
                current = Interview(start)
                out.append(current)
            current.questions.extend(asked)
            asked = []
            current.answers.append((ps, label_end, pe))
        unlabelled = 0
    return out


def _label(text: str, ps: int, pe: int, style: str) -> tuple[str | None, int]:
    """What a paragraph's label is in a run of this style ('Q', 'A', 'asker', 'name', or None for no label
    of the run), and where the label ends."""
    label = QA_LABEL.match(text, ps, pe)
    if label is None:
        return None, ps
    who, name = label.group("who"), label.group("name")
    if who:
        return (who if style in ("", "Q") else None), label.end()
    if not name.isupper() or name in _labels()["not_speakers"]:
        return None, ps
    if name in _labels()["askers"]:
        return ("asker" if style in ("", "name") else None), label.end()
    named = style == "name" and re.search(rf"\b{re.escape(name.split()[-1].title())}\b", text) is not None
    return ("name" if named else None), label.end()


def named_answerer(label: re.Match[str]) -> str | None:
    """The name an answer's label gives its speaker ('HADDAD' in 'HADDAD:'; none in 'A:')."""
    name = label.group("name")
    return name if name and name.isupper() and name not in _labels()["askers"] else None


@functools.cache
def _labels() -> dict[str, frozenset[str]]:
    data = load_wordlist("transcripts.json")
    return {"askers": frozenset(data["askers"]), "not_speakers": frozenset(data["not_speakers"])}


def question_spans(found: list[Interview]) -> list[tuple[int, int]]:
    """Every question paragraph of the runs found, in order: the interviewer's words, which say nothing."""
    return [q for run in found for q in run.questions]
