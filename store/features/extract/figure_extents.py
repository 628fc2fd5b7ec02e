"""How far a figure's phrase runs, and when a span of time is no figure at all: a rate per any unit ('£50,000
per flight'), a length within which something lies ('within 2 kilometres | of the village'), a deadline set
rather than a span measured ('would decide within 15 days', 'has 14 days to appeal')."""

from __future__ import annotations

import re

from . import wordlists as wl

#: Any amount per a unit of something is that rate: '32 milligrams per cubic metre', '£50,000 per flight',
#: '30,000 rupees per hectare a year' (a period may follow the unit).
_PER_UNIT = re.compile(r"\s+per\s+(?:cubic\s+|square\s+)?[a-z][a-z-]*\b(?<!\bcent)"
                       r"(?:\s+(?:a|an|per)\s+(?:year|month|week|day|hour)\b)?")
#: A length said from somewhere: 'within 2 kilometres of the village', 'within 300 metres of homes'.
_WITHIN = re.compile(r"\bwithin\s+\Z")
_QUANTIFIER = r"(?:(?:the\s+)?(?:next|another|a\s+further|up\s+to)\s+)?"
#: A span of time set by someone who may act: 'would decide within 15 days', 'if the debt was not paid within
#: 90 days', 'ordered the company to replace it within 14 days', 'asking it to explain the change within 15
#: days', 'would exclude it from its tenders for 12 months' — within one clause ('would strike because
#: drivers had worked for 14 hours' measures them).
_SET_BY = re.compile(
    r"\b(?i:would|will|must|should|shall|could|may|might|if|unless|ordered|orders|order|asked|asks|asking|"
    r"required|requires|requiring|demanded|demands|demanding|ordering|instructed|instructing|has\s+to|have\s+to|"
    r"deadline)\b"
    r"(?:(?!\b(?:because|after|since|when|while|that|which|as|but|and)\b)[^.;,]){0,60}?"
    r"\b(?:within|for|in)\s+" + _QUANTIFIER + r"\Z")
#: A span of time given to do something: 'given 14 days to reply', 'has 14 days to appeal' ('has 40 years of
#: records' is no deadline).
_GIVEN = re.compile(r"\b(?:given|gave|giving|get|gets|has|have)\s+" + _QUANTIFIER + r"\Z")
_TO_DO = re.compile(r"\s+to\s+(?!\d)[a-z]")


def per_unit_end(text: str, end: int, hi: int) -> int:
    """Where a figure ends once a rate per any unit is read with it."""
    per = _PER_UNIT.match(text, end, hi)
    return per.end() if per else end


def distance_from(text: str, start: int, lo: int, unit: str) -> bool:
    """Whether a length is said from somewhere ('within 2 kilometres of the village'): its phrase stops at
    the unit, where 'of …' would otherwise run on ('14 kilometres of logging roads')."""
    return unit.lower() in wl.evidence_words()["length_units"] and \
        _WITHIN.search(text, max(lo, start - 12), start) is not None


def set_as_deadline(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the span of time text[start:end] is a deadline someone sets or is given, not one measured."""
    if _SET_BY.search(text, max(lo, start - 120), start):
        return True
    return _GIVEN.search(text, max(lo, start - 30), start) is not None and \
        _TO_DO.match(text, end, hi) is not None
