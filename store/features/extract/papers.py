"""Phrases that tie a paper (a report, an audit, a letter) to its author, shared by the stages that ask who
wrote one: the author after the paper ('a 38-page audit by Whitcombe & Lane', 'a report by independent
investigators') and the author speaking in it ('The PIB said in a 38-page report that …', 'monitors told
the Security Council in a confidential report')."""

from __future__ import annotations

import functools
import re

#: What may stand between a paper's article and its noun: a count ('38-page'), a year, a word saying what
#: kind it is.
_MODIFIERS = (r"(?:(?:[\d,.]+[\w-]*|final|interim|annual|new|latest|own|preliminary|confidential|internal|"
              r"full|detailed|written|formal)\s+){0,3}")
#: Who only ordered, paid for, saw, cited or disputed a paper is not its author ('an audit commissioned last
#: year by the council', 'a review, rejected by the firm, that …').
_NOT_AUTHORS = frozenset({"commissioned", "ordered", "requested", "funded", "paid", "seen", "obtained",
                          "reviewed", "rejected", "disputed", "cited", "quoted", "criticised", "criticized",
                          "challenged"})


def _alternatives(nouns: frozenset[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))


#: Papers whose owner writes up what it found ('a Ministry of Labour inspection has found', 'the RFPC
#: report'): a later bare 'the report' or 'according to the report' is that owner's.
FINDINGS_NOUNS = frozenset({"inspection", "audit", "investigation", "inquiry", "probe", "review", "report",
                            "assessment", "study"})
#: 'the report', 'the RFPC report': one of these papers named with 'the' and perhaps its author's name.
THE_FINDINGS = rf"the\s+(?:[A-Z][\w&'’-]*\s+){{0,4}}(?:{_alternatives(FINDINGS_NOUNS)})"

#: Papers whose 'of' names what they examined, never who wrote them: 'an audit of the Ports Authority'.
_EXAMINING = frozenset({"audit", "audits", "review", "reviews", "investigation", "inquiry", "probe",
                        "inspection", "inspections", "assessment", "analysis", "survey", "study",
                        "evaluation", "examination", "test", "tests", "check", "checks"})
_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def author_of(text: str, noun_end: int) -> re.Match[str] | None:
    """' of the County Health Office' right after a paper's noun that ends at ``noun_end``: the paper's
    author ('the inspection report of the County Health Office'); never what a paper examined ('an audit of
    the Kenya Ports Authority')."""
    noun = re.search(r"([a-z]+)\W*$", text[max(0, noun_end - 20) : noun_end].lower())
    if noun is None or noun.group(1) in _EXAMINING:
        return None
    return _OF_A_NAME.match(text, noun_end)


@functools.cache
def _paper_by(nouns: frozenset[str]) -> re.Pattern[str]:
    """One of these papers and the words up to the name after 'by' (group 1: the words between the paper and
    'by'), searched for ending where the name starts."""
    return re.compile(rf"\b(?:{_alternatives(nouns)})\b([^.;:“”\"]{{0,100}}?)\bby\s+(?:the\s+)?"
                      rf"(?:[a-z][\w-]*\s+){{0,3}}$")


def written_by(text: str, start: int, nouns: frozenset[str]) -> bool:
    """Whether the name starting at ``start`` is told as the author of one of these papers: 'a 38-page audit
    by <X>', 'The report by the accountancy firm <X>', 'The audit, commissioned by the council and carried
    out by <X>' — not who only ordered, saw or disputed it ('an audit commissioned last year by <X>')."""
    m = _paper_by(nouns).search(text, max(0, start - 120), start)
    if m is None:
        return False
    last_words = m.group(1).lower().replace(",", " ").split()[-3:]
    return not set(last_words) & _NOT_AUTHORS


@functools.cache
def spoken_in_paper(nouns: frozenset[str]) -> re.Pattern[str]:
    """What follows an author who speaks in one of these papers of its own, matched where the name ends:
    ' said in a 38-page report', ', said in its report', ' told the U.N. Security Council in a confidential
    report', ', in a 40-page probe report submitted to the ministry, said' (never 'said in its response to the
    audit')."""
    audience = r"(?:\s+(?:the\s+)?[A-Z][\w.'’-]*){1,5}"
    said = r"(?:has\s+|have\s+|had\s+)?(?:said|says|found|concluded|wrote|warned)"
    paper = rf"(?:a|an|its|their|the)\s+{_MODIFIERS}(?:[a-z]+\s+)?(?:{_alternatives(nouns)})\b"
    return re.compile(rf",?\s+(?:{said}|told{audience})\s+in\s+{paper}"
                      rf"|,\s+in\s+{paper}[^,;:“”\"]{{0,80}},\s+{said}\b")  # ('The Department of Explosives,
    # in a 40-page probe report submitted to the energy ministry on Tuesday, said …')


@functools.cache
def fronted_paper(nouns: frozenset[str]) -> re.Pattern[str]:
    """A paper its author speaks in, set before the author at a sentence's start, matched up to where the
    author's name starts: 'In its 62-page report, ', 'In a letter to the ministry on Monday, the ' (the
    caller checks that the name speaks: in 'In a report released on Monday, X is named as the worst
    offender' X is its subject, see SPEAKS_AFTER)."""
    paper = rf"(?:a|an|its|their|the)\s+{_MODIFIERS}(?:[a-z]+\s+)?(?:{_alternatives(nouns)})\b"
    return re.compile(rf"\bIn\s+{paper}[^,;:“”\"]{{0,60}},\s+(?:the\s+)?")


#: What follows the author after a fronted paper: its short name or an aside, then a verb of saying or
#: finding ('In its 62-page report, the RFPC says', 'In a report, the committee (CNIS) said').
SPEAKS_AFTER = re.compile(r"\s*(?:\([^()]{1,60}\))?\s*(?:,[^,.;]{1,80},\s*)?(?:has\s+|have\s+)?"
                          r"(?:says|said|found|finds|concluded|concludes|wrote|writes|warned|warns|states|stated|"
                          r"noted|notes)\b")
