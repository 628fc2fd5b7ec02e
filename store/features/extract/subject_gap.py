"""What stands between a subject and its reporting verb: auxiliaries, adverbs, time phrases, the medium
of a statement, an age or a bracketed short name ('The National Audit Office (NAO) has also said'), and
the qualifier of an unnamed source ('… familiar with the talks'). Read by subjects.py before it looks
for the subject itself."""

from __future__ import annotations

import re

from .doc import Doc
from .textutil import BRACKETED_SHORT_NAME

_AUX = (
    r"has|have|had|also|again|repeatedly|previously|already|long|later|earlier|once|still|both|all|too|then|now|"
    r"would|will|could|may|might|must|should|can|did|does|do|not|never|itself|himself|herself|themselves|"
    r"however|meanwhile|first|last|since|quoted as|"
    r"(?:was|were|is|are|has been|had been) (?:quoted|cited)(?: (?:by|in) [^,;:“”\"]{1,60}?)? as|"
    r"swiftly|separately|yesterday|today|tonight|this (?:morning|afternoon|evening)|"
    r"on \w+day|on [A-Z][a-z]+ \d+|in [A-Z][a-z]+|last (?:week|month|year|night)|this (?:week|month|year)|"
    r"earlier this (?:week|month|year)|"
    r"(?:in|on|at|during) (?:a|an|the|its|his|her|their) [\w\s'’-]{0,30}?"
    r"(?:statement|briefing|interview|post|letter|speech|report|note|address|conference|hearing|session|"
    r"filing|message)|"
    r"(?!(?:family|assembly|ally|supply|rally|reply|anomaly|italy|july|kelly|emily|holly|molly)\b)[a-z]{3,}ly|"
    r"and (?:others|other \w+|its allies|their allies)|"
    r"[“\"][a-z]+ly[”\"]"  # a quoted adverb: 'the ministry “categorically” rejected'
)
#: Whom a medium quoted or cited, before 'as saying': 'TASS quoted X as', 'Interfax cited him as'.
QUOTED_OBJECT = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites)\s+(?!by\b|in\b)(?P<who>[^,;:“”\"]{1,60}?)\s+as\s*$")
#: An age set off after a name: 'Gloria Haines, 64,'.
AGE_RE = re.compile(r",\s*\d{1,3}$")
_GAP_RE = re.compile(rf"(?:^|[\s,])(?:{_AUX})\s*$")
_QUALIFIER_RE = re.compile(
    r"\s+(?:familiar with|close to|briefed on|with (?:direct )?knowledge of|involved in|"
    r"knowledgeable about|aware of)"
    r"(?:\s+[\w'’-]+){1,5}\s*$"
)
_ACRONYM_TAIL = re.compile(rf"\s*{BRACKETED_SHORT_NAME}\s*$")


def strip_gap(left: str) -> tuple[str, str]:
    """Remove auxiliaries, adverbs and time phrases from the end of a left context; return any qualifier."""
    qualifier = ""
    while True:
        acronym = _ACRONYM_TAIL.search(left)  # 'The National Audit Office (NAO) said': the name said it
        if acronym:
            left = left[: acronym.start()].rstrip()
            continue
        m = _GAP_RE.search(left)
        if m and m.end() - m.start() > 0 and m.group().strip(" ,"):
            left = left[: m.start() + (1 if m.group()[:1] in " ," else 0)].rstrip()
            continue
        q = _QUALIFIER_RE.search(left)
        if q and not qualifier:
            qualifier = left[q.start() :].strip()
            left = left[: q.start()].rstrip()
            continue
        return left.rstrip(), qualifier


def name_across_gap(doc: Doc, lo: int, cue_start: int, end: int) -> int | None:
    """Where a name ends that the gap stripped before a verb cut into ('… Co-operation [in Europe] (OSCE)
    said'): a mention that starts before the stripped words and ends where the words before the verb do."""
    raw = doc.text[lo:cue_start].rstrip()
    acronym = _ACRONYM_TAIL.search(raw)
    raw_end = lo + len(raw[: acronym.start()].rstrip() if acronym else raw)
    hit = doc.at_end.get(raw_end)
    return raw_end if raw_end > end and hit is not None and lo <= hit[0] < end else None
