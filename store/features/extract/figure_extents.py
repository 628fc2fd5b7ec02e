"""How far a figure's phrase runs, and when a span of time is no figure at all: a rate per any unit ('£50,000
per flight', 'R569 a pen'), a sum or share sizing the noun after it ('a $2 billion loan', 'a 23% rise in
tariffs') or paid in something ('£210 in fees'), a length within which something lies ('within 2 kilometres
| of the village'), a deadline set rather than a span measured ('would decide within 15 days', 'has 14 days
to appeal')."""

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


#: Words that end a counted noun's phrase: verbs, relatives and conjunctions.
VERB_STOP = frozenset({
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "says", "showed", "show",
    "shows", "matched", "match", "include", "included", "including", "would", "will", "could", "may",
    "might", "did", "do", "does", "that", "which", "who", "and", "or", "but", "to", "from", "for", "with",
    "in", "on", "at", "by", "as", "than", "since", "after", "before", "while"
})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"})

#: A sum per period or per head: '€412 a year', '$40 a head'.
_RATE = re.compile(r"\s+(?:a|an|per)\s+(?:year|month|week|day|hour|head|person|tonne|barrel)\b")


#: A price per piece of anything, the piece's noun ending the phrase: 'R569 a pen, …', '$4 a litre in …'.
_PER_PIECE = re.compile(r"\s+(?:a|an|per)\s+[a-z]+"
                        r"(?=\s*[,.;:)]|\s+(?:and|or|but|in|from|to|for|up|down|on|at)\b)")


def rate_end(text: str, end: int, hi: int) -> int:
    """A sum paid per period or piece is that rate: '€412 a year', '$4 million a day', 'R569 a pen'."""
    m = _RATE.match(text, end, hi) or _PER_PIECE.match(text, end, hi)
    return m.end() if m else end


def _article_before(text: str, start: int) -> re.Match[str] | None:
    """'a ' or 'an ' right before a figure, which makes it the size of the noun after it ('a $2 billion
    loan', 'a 23% rise')."""
    return re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4) : start])


_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")


def money_as_modifier(text: str, start: int, end: int, hi: int) -> tuple[int, int]:
    """A sum before the noun it sizes is that noun's phrase: 'a €9 million pipe-renewal budget', 'a $2
    billion loan' (up to two words; not 'a' before a sum that stands alone)."""
    det = _article_before(text, start)
    if det is None:
        return start, end
    stop = wl.function_words() | VERB_STOP
    head_end = end
    for _ in range(2):
        m = _NEXT_WORD.match(text, head_end, hi)
        if m is None or m.group(1) in stop or m.group(1).endswith(("ed", "ly")):
            break
        head_end = m.end()
    return (start - len(det.group()), head_end) if head_end > end else (start, end)


_PAID_IN = re.compile(r"\s+in\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
                      r"(?=\s*[,.;:)]|\s+(?:to|from|for|by|and|since|over|last|this|was|were|had|has|is|are|that|"
                      r"which)\b)")


def paid_in_end(text: str, end: int, hi: int) -> int:
    """A sum's phrase runs on through what it was paid in: '£8.4 million in public donations', '£210 in
    fees' (not 'in the city', 'in March' or 'in 2023')."""
    m = _PAID_IN.match(text, end, hi)
    if m is None:
        return end
    words = m.group().split()[1:]
    if words[0] in DETERMINERS or any(w in wl.function_words() or w in VERB_STOP for w in words):
        return end
    return m.end()


_CHANGE_NOUNS = r"(?:rise|increase|fall|drop|cut|jump|decline|reduction|hike|stake|share)"
_SHARE_OF = re.compile(rf"\s+{_CHANGE_NOUNS}\b(?:\s+in\s+(?!what\b|which\b|how\b)(?:[a-z][\w-]*\s+){{0,3}}?"
                       r"[a-z][\w-]*s\b)?")


_LIMIT_NOUN = r"(?:limit|minimum|maximum|threshold|ceiling|cap)"
_LIMIT_AFTER = re.compile(rf"(?:\s+[a-z][\w-]*)?\s+{_LIMIT_NOUN}\b")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)|(?:\bthe\s+)?[\w.]+['’]s)\s+$",
                                re.IGNORECASE)


def limit_of(text: str, start: int, end: int, hi: int) -> tuple[int, int]:
    """A figure that sizes a limit is the limit's phrase: 'the 1,000 CFU limit', 'the 32% dry-matter
    minimum', "the league's €5 million cap"."""
    det = _DETERMINER_BEFORE.search(text, max(0, start - 24), start)
    m = _LIMIT_AFTER.match(text, end, hi) if det else None
    return (det.start(), m.end()) if det and m else (start, end)


def share_as_modifier(text: str, start: int, end: int, hi: int) -> tuple[int, int]:
    """A percentage sizing the change or stake after it is that noun's phrase: 'a 23% rise in household
    water tariffs', 'a 12% stake'."""
    det = _article_before(text, start)
    m = _SHARE_OF.match(text, end, hi) if det else None
    return (start - len(det.group()), m.end()) if det and m else (start, end)
