"""Quantities in the text: counts, sums of money and percentages, with their units and spans."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import wordlists as wl
from .figure_extents import (
    DETERMINERS,
    VERB_STOP,
    distance_from,
    limit_of,
    money_as_modifier,
    paid_in_end,
    per_unit_end,
    rate_end,
    set_as_deadline,
    share_as_modifier,
)
from .textutil import CURRENCY_LETTERS


@dataclass(slots=True)
class Found:
    """One piece of evidence before it becomes a record."""

    start: int
    end: int
    kind: str
    quantity: dict[str, Any] | None
    confidence: float


_DIGIT = re.compile(r"\d")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    ev = wl.evidence_words()
    before_digits = "|".join(re.escape(q) for q in sorted(ev["quantifiers"], key=len, reverse=True))
    scales = "|".join(sorted(ev["scales"], key=len, reverse=True))
    # (an R is a rand only where _a_rand says so)
    cur_sym = _CURRENCY_SIGN + rf"\s?|{wl.coded_amount()}|Sh(?=\d)|\bR(?=\d)"
    months = "|".join(ev["month_names"])
    return {
        "number": re.compile(
            rf"(?P<cur>{cur_sym})?\s?(?P<num>{_NUM})(?:\s?(?P<scale>{scales})\b)?"
            r"(?P<pct>\s?%|\s(?:per cent|percent)\b)?",
        ),
        "quant_before": re.compile(rf"\b(?:{before_digits})\s+$", re.IGNORECASE),
        "glued": re.compile("(?:" + "|".join(re.escape(u) for u in sorted(ev["glued_units"], key=len,
                                                                       reverse=True)) + r")(?![\w/-])"),
        "date": re.compile(rf"\b(?:{months})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{months})\b"),
        "count_verb": re.compile(rf"\b(?:{'|'.join(ev['count_verbs'])})\s+$", re.IGNORECASE),
    }


#: What makes an R and a number a sum in rand when no scale follows it: a rate after it ('R569 a pen').
_RAND_RATE = re.compile(r"\s+(?:a|an|per|each)\b")


def _a_rand(text: str, start: int, end: int, hi: int) -> bool:
    """Whether 'R' and a number without a scale are a sum in rand: a rate follows ('R569 a pen') or a money
    word comes before ('up from R412', 'cost R90'); not 'the R61' (a road) nor 'an Audi R8'."""
    if _RAND_RATE.match(text, end, hi):
        return True
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].lower() in wl.evidence_words()["before_a_sum"]


_AN_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _counted_next(words: list[re.Match[str]], k: int) -> bool:
    """Whether the word after the k-th is itself what is counted: a currency or a plural ('CFA francs')."""
    nxt = words[k + 1].group().lower() if k + 1 < len(words) else ""
    return nxt in wl.evidence_words()["currencies"] or nxt.endswith("s") and not nxt.endswith("ss")


def _unit_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ('containers' in '7,000 Russian containers') and where it ends."""
    ev = wl.evidence_words()
    m = re.match(r"((?:\s+(?:(?:[A-Z]\.){2,}|[A-Za-z][\w-]*)){1,4})", text[pos:limit])
    if not m:
        return None, pos
    words = list(re.finditer(r"(?:[A-Z]\.){2,}|[A-Za-z][\w-]*", m.group(1)))
    for k, w in enumerate(words):
        low = w.group().lower()
        if low in ev["not_units"] or low in VERB_STOP:
            break
        plural = low.endswith("s") and not low.endswith(("ss", "ous", "us", "is")) and low not in _NOT_PLURAL
        measure = k == 0 and low in ev["measure_units"] and low not in _UNIT_MODIFIERS  # '1 kilometre'
        measure = measure or k == 0 and _AN_ACRONYM.fullmatch(w.group()) is not None \
            and wl.gazetteer().get(w.group()) is None and not _counted_next(words, k)  # '1,000 CFU per
        # litre': a unit written short (not '250,000 CFA francs')
        irregular = (low in ev["irregular_plurals"]
                     and not _OWNED_OR_MODIFYING.match(text, pos + w.end(), limit))
        if plural or measure or irregular or low in ev["currencies"] or low in ev["time_units"]:
            after = _PER_SCALE.match(text, pos + w.end(), limit)
            if after is None and low in ("degree", "degrees"):
                after = _SCALE_OF_DEGREES.match(text, pos + w.end(), limit)
            if plural and after is None and k + 1 < len(words) and _counted_after(words[k + 1].group()):
                return words[k + 1].group(), pos + words[k + 1].end()  # '212 sales invoices'
            return w.group(), (after.end() if after else pos + w.end())
        if low in ev["collective_units"] or k == 0 and low in ("times", "percent"):
            after = words[k + 1].group() if k + 1 < len(words) else ""
            if low in _STATES_OF and after.isalpha() and after.islower() and after not in VERB_STOP \
                    and after not in wl.function_words() and after not in ev["not_units"]:
                return after, pos + words[k + 1].end()  # '37 dead alpacas': alpacas are counted
            return w.group(), pos + w.end()
    return None, pos


def _counted_after(word: str) -> bool:
    """Whether a word after a plural is the noun that plural modifies ('212 sales invoices', '17 fault
    reports' read as '17 fault' would not be): a plural noun in lower case, not a verb."""
    return (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
            and word not in VERB_STOP and word not in _NOT_PLURAL and word not in wl.function_words())


#: After an irregular plural, what makes it a modifier of the counted noun: '2 fish farms', '3 women
#: lawmakers', "4 men's teams" ('14 children', '1,200 fish' count the plural itself).
_OWNED_OR_MODIFYING = re.compile(r"['’]s\b|\s+[a-z][a-z-]*s\b(?<!\bwas)(?<!\bhas)(?<!\bis)")
_AGO = re.compile(r"\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b")
#: Words ending in 's' that count nothing alone ('9 gas detectors', '12 news outlets').
_NOT_PLURAL = frozenset({"gas", "news", "series", "species", "means", "lens", "canvas", "atlas", "bias",
                         "chassis"})
#: Measure words that only size the unit after them ('4,000 cubic metres'), or scale a count.
_UNIT_MODIFIERS = frozenset({"square", "cubic", "million", "billion"})
#: The scale a temperature is read on: '7 degrees Celsius'.
_SCALE_OF_DEGREES = re.compile(r"\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b")
_PER_SCALE = re.compile(r"\s+per\s+(?:million|billion|thousand|cent|litre|liter|kilogram|kg|m3)\b")
#: Counted states that may stand for their noun ('31 dead') or go before it ('37 dead alpacas').
_STATES_OF = frozenset({"dead", "injured", "wounded"})

_POSTMODIFIER = re.compile(
    r"\s+(?:of|filled with|loaded with|packed with|carrying|containing|share of)\s+"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,7}?"
    r"(?=\s*[,.;:)(]|\s+(?:to|since|in|into|on|at|for|from|by|during|over|that|which|who|were|was|is|are|had|"
    r"have|has|said|says|after|before|while|between|this|last|each|per|as|than|with|and\s+(?=\d))\b|$)"
)


#: A part counted out of a whole, said before the whole: '4 of the 9', '31 of Wierzba’s 38', '9 of 40'.
_OUT_OF = re.compile(
    r"(?<![\w,.])(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:out\s+)?of\s+"
    r"(?:(?:the|its|their|his|her|our|these|those|all)\s+|(?:the\s+)?[A-Z]?[\w.&-]*['’]s\s+)?$"
)


#: A currency written before its amount: '$', 'US$', '₹', 'Rs 38', 'Rs. 1,100', 'KSh 38', 'TSh 9.6 billion'
#: (shillings of Kenya, Tanzania and Uganda), 'JD5' (dinars of Jordan, Kuwait and Bahrain).
_CURRENCY_SIGN = (r"(?:(?<![A-Za-z])(?:US|C|A|NZ|HK|S|NT|R)\$|E£|\bLE(?=\s?\d)|[$£€¥₩₹₽]|\bRs\.?"
                  rf"|\b{CURRENCY_LETTERS})")
#: The low end of a range before a figure: 'between 10,000 and ', 'of 4 to ', '10-' (never a year's 'in 2022
#: to', an amount of money, nor a change: see _CHANGE_FROM).
_RANGE_BEFORE = re.compile(
    r"\b(?i:between)\s+\d[\d,.]*(?:\s?%|\s?(?:mm|cm|km|m|kg|g|mg|ml|l|C|F|ha|t|kW|MW|GW)\b)?\s+and\s+\Z"
    r"|(?<![\d,.])(?<!in\s)\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?:\s+to\s+|[-–])\Z")
#: A minus sign before a temperature, after a space or a bracket ('below -30 C', '(-40 °C)'), and the units
#: that make a figure one.
_BELOW_ZERO = re.compile(r"(?:^|(?<=[\s(]))[-−]\Z")
_TEMPERATURE = frozenset({"C", "F", "°C", "°F"})
#: A currency right before a range's low end: an amount of money, no range ('from Rs 38 to Rs 26').
_MONEY_BEFORE = re.compile(_CURRENCY_SIGN + r"\s?\Z")
#: What makes 'from X to Y' a change, not a range: 'from $84 to', 'rose from about 84 to'.
_CHANGE_FROM = re.compile(
    r"\b(?i:from)\s+(?:(?:about|around|nearly|almost|just|some|roughly|over|under|only)\s+)?(?:"
    + _CURRENCY_SIGN + r"\s?)?\Z")
#: One word modifying the noun a figure completes ('combined salaries of'), never a preposition or conjunction
#: ('plus penalties of', 'on interviews with').
_MODIFIER = r"(?:\b(?!(?:on|in|at|of|with|from|by|for|to|and|or|plus|than|as)\s)[a-z-]+\s+)?"
_HEAD_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their)\s+)?" + _MODIFIER + r"(?:average|total|peak|rate|share|sum|deal|"
    r"contracts?|payments?|bill|loss|losses|profits?|shortfall|budget|increase|rise|fall|drop|reduction|cut|duties|"
    r"tariffs?|compensation|settlement|grant|loan|aid|salary|salaries|money|fees?|"
    r"revenues?|debts?|bonus|bonuses|payouts?|bribes?|donations?|income|wages?)\s+(?:of|worth|totalling|"
    r"totaling|amounting to)\s+$",
    re.IGNORECASE,
)


#: Any noun a sum is the worth of: 'orders worth $4.1 million', 'Shares worth …' (not 'is worth', 'now
#: worth', 'not worth').
_WORTH_BEFORE = re.compile(
    r"\b(?!(?i:was|are|were|been|being|that|this|now|not|still|also|currently|reportedly|once|each|"
    r"collectively|together|easily|only|even|well)\s)[A-Za-z][a-z-]{2,}\s+worth\s+$")
_NOUN_OF_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?!(?:fine|fines|penalty|penalties|damages)\s)[a-z][\w-]*\s+"
    r"(?:of|stretching|measuring|covering|spanning|"
    r"weighing)\s+$"
)

#: A record made of what is counted: 'interviews with 14 miners', 'statements from 14 drivers', 'Its own
#: survey of 62 warehouses', 'test certificates for 12 sealed tubs': the record is what a reader checks.
_RECORD_OF_BEFORE = re.compile(
    r"(?:\b(?i:a|an|the|its|their|his|her|our)\s+)?(?:own\s+)?" + _MODIFIER + r"(?<![\w-])(?i:interviews|"
    r"statements|testimony|testimonies|accounts|affidavits|surveys?|samples|tissue|tests|certificates|"
    r"questionnaires|signatures|photographs|photos|images|videos|records|logs)\s+(?:with|from|of|for|by)\s+$")


#: The words the patterns above end with, before the figure ('an average of', 'orders worth').
_LINKING_WORDS = ("of", "worth", "totalling", "totaling", "to", "stretching", "measuring", "covering",
                  "spanning", "weighing", "with", "from", "for", "by")


def _head_before(text: str, start: int, lo: int) -> int:
    """A quantity completing a noun phrase starts with it: 'an average of 41 days', 'contracts worth $18m',
    'a margin of 4,300 votes', 'a grey plume stretching about 9 kilometres'."""
    window = text[max(lo, start - 48) : start]
    word_before = window.rstrip()
    linked = len(word_before) < len(window) and word_before.lower().endswith(_LINKING_WORDS)
    if window.isascii() and not linked:
        return start  # each pattern ends in one of these words and a space: most figures have none (beyond
        # ASCII, case folds differ between str.lower and the patterns' IGNORECASE: no shortcut)
    m = _RECORD_OF_BEFORE.search(text, max(lo, start - 48), start) or _HEAD_BEFORE.search(
        text, max(lo, start - 48), start) or _NOUN_OF_BEFORE.search(
        text, max(lo, start - 48), start) or _WORTH_BEFORE.search(text, max(lo, start - 30), start)
    return m.start() if m else start


_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")


def _unit_of_owner(text: str, pos: int, hi: int) -> tuple[str | None, int]:
    """The counted noun of 'N of its members', 'N of the infected babies', 'N of those offers'; '2,115 of
    them' and '11 of whom' count what was named before (no unit)."""
    before = _OF_THEM.match(text, pos, hi)
    if before is not None:
        return "", before.end()
    m = re.match(r"\s+of\s+(?:its|the|their|his|her|our|those|these|[A-Z][\w.&-]*['’]s)\s+(?:[a-z-]+\s+)?"
                 r"([a-z][\w-]*s)\b",
                 text[pos:hi])
    if m is None or m.group(1) in VERB_STOP or len(m.group(1)) < 4:
        return None, pos
    return m.group(1), pos + m.end()


def _hyphen_unit(text: str, pos: int, hi: int, start: int) -> tuple[str | None, int, int]:
    """A number made an adjective ('a 60,000-tonne cargo'): its unit, the end of its noun, the article."""
    m = re.match(r"-([a-z]+)\s+([a-z][\w-]*)", text[pos:hi])
    if m is None or m.group(1) not in wl.evidence_words()["measure_units"]:
        return None, pos, start  # 'a 14-page report' is a document, 'a 38-year-old' an age
    det = re.search(r"\b(?:a|an|the)\s+$", text[max(0, start - 6) : start])
    return m.group(1), pos + m.end(), start - len(det.group()) if det else start


def _multiplied(text: str, end: int, hi: int) -> int:
    """'12 times higher than the bathing-water standard', '14 times the permitted limit'."""
    m = re.match(
        r"\s+(?:(?:higher|lower|greater|more|larger|bigger|above)\s+than\s+|the\s+)(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:limit|level|standard|amount|rate|volume|average|maximum|norm|threshold)s?\b",
        text[end:hi],
    )
    return end + m.end() if m else end


def _measured_before(text: str, start: int, lo: int) -> int:
    """What a multiple measures, said before it: 'E. coli levels 12 times …', 'concentrations up to'."""
    m = re.search(
        r"(?:[\w.]+\s+){0,2}(?:levels?|concentrations?|readings?|amounts?|rates?)\s+(?:up\s+to\s+)?$",
        text[max(lo, start - 50) : start],
    )
    return start - len(m.group()) if m else start


#: Words that open a clause of their own after a counted noun: its subject or relative pronoun.
_CLAUSE_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "what", "whom"})


def _postmodified(text: str, end: int, hi: int) -> int:
    """A counted noun's phrase runs on through what it holds: 'containers filled with munitions' (up to a
    verb in the past: '38,000 cubic metres of waste | reached the river')."""
    m = _POSTMODIFIER.match(text, end, hi)
    if m is None:
        return end
    words = list(re.finditer(r"[\w'’-]+", text[end : m.end()]))
    for before, w in zip(words[1:], words[2:], strict=False):  # 'of contaminated water', 'of its scheduled'
        if w.group().endswith("ed") and before.group().lower() not in DETERMINERS \
                or w.group().lower() in _CLAUSE_SUBJECTS:  # '€9.5 million of sponsorship | it never received'
            return end + len(text[end : end + w.start()].rstrip())
    return m.end()


def _value(num: str, scale: str | None) -> float | int:
    """The amount a number and its scale write, computed in decimal so that '$4.1 million' is 4100000
    (in binary floating point it was 4099999.9999999995)."""
    v = Decimal(num.replace(",", ""))
    if scale:
        v *= Decimal(str(wl.evidence_words()["scales"].get(scale.lower(), 1)))
    return int(v) if v == v.to_integral_value() else float(v)


def quantities(text: str, lo: int, hi: int) -> list[Found]:
    """Counted amounts, sums of money and percentages written in digits in text[lo:hi], skipping dates,
    years and ages."""
    pats = _patterns()
    ev = wl.evidence_words()
    dates = [(m.start(), m.end()) for m in pats["date"].finditer(text, lo, hi)]
    out: list[Found] = []
    for m in pats["number"].finditer(text, lo, hi):
        s, e = m.start("num"), m.end()
        num, scale, cur, pct = m.group("num"), m.group("scale"), m.group("cur"), m.group("pct")
        if cur == "R" and not (scale or _a_rand(text, m.start("cur"), e, hi)):
            continue  # 'the R61', 'an Audi R8': a road, a car
        glued = pats["glued"].match(text, e + (text[e : e + 1] == " ")) if not (scale or cur or pct) else None
        coded = wl.money_code_before(text, s) if not cur else None
        if coded is not None:  # 'OMR 50' in a text that writes 'OMR 612,400'
            cur = text[coded : s - 1]
        first = m.start("cur") if m.group("cur") else coded if coded is not None else s
        # the low end of a range: 'between 10,000 and 11,000', '4 to 6'
        ranged = _RANGE_BEFORE.search(text, max(lo, first - 40), first)
        if ranged and (_CHANGE_FROM.search(text, max(lo, ranged.start() - 30), ranged.start())
                       or _MONEY_BEFORE.search(text, max(lo, ranged.start() - 5), ranged.start())):
            ranged = None
        below_zero = _BELOW_ZERO.search(text, max(lo, first - 2), first) is not None and glued is not None \
            and glued.group() in _TEMPERATURE  # 'below -30 C': a temperature under zero
        if below_zero:
            first -= 1
        if (
            first > 0
            and (text[first - 1].isalnum() or text[first - 1] in "-/")
            and not ranged
            or text[e : e + 1].isalpha()
            and not scale
            and glued is None
        ):
            continue
        if any(a <= s < b for a, b in dates):
            continue
        bare = num.replace(",", "")
        if not cur and not pct and not scale and re.fullmatch(r"(1[89]|20)\d\d", num):
            continue  # a year (never written with a comma: '1,900 residents' is a count)
        if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|:)", text[e : e + 6]):
            continue
        if _AGO.match(text, e, hi):
            continue  # 'Updated 2 hours ago': when, not how much
        if text[max(lo, s - 2) : s] == ", " and text[e : e + 1] == ",":
            continue  # an age: "Daniel Okafor, 38,"
        start = ranged.start() if ranged else first
        if ranged:
            out = [f for f in out if f.end <= start]  # its low end, read alone first ('at least 10')
        qb = pats["quant_before"].search(text, max(lo, start - 24), start)
        if qb:
            start = qb.start()
        if glued is not None:  # 'under 15km/h', '0.004 mg/kg': a number and its unit written short
            unit, end = glued.group(), glued.end()
        elif cur:
            unit = ev["currencies"].get(cur.strip()) or cur.strip()  # ('CLP 2.1 billion': the code itself)
            end = rate_end(text, e, hi)
            start, end = money_as_modifier(text, start, end, hi)
            end = paid_in_end(text, end, hi)
        elif pct:
            unit = "%"
            end = e
            start, end = share_as_modifier(text, start, end, hi)
        else:
            word, end = _unit_after(text, e, hi)
            if word is None and not scale:
                word, end = _unit_of_owner(text, e, hi)  # '46 of its members'
            if word is None and not scale:
                word, end, start = _hyphen_unit(text, e, hi, start)  # 'a 60,000-tonne cargo of wheat'
            if word is None and not scale and qb and len(bare) >= 2 and text[e : e + 1] != "-":
                word, end = "", e  # 'showed at least 2,710': a count whose noun was named before
            verb = pats["count_verb"].search(text, max(lo, s - 16), s) if word is None and not scale else None
            if verb is not None:  # 'killed 209', 'arrested 12'
                value = {"value": _value(num, None), "unit": verb.group().strip().lower()}
                out.append(Found(verb.start(), e, "quantity", value, 0.6))
                continue
            if word is None and not scale:
                continue
            unit = ev["currencies"].get(word.lower(), word) if word else ""
            if word and word.lower() in ev["time_units"] and set_as_deadline(text, start, end, lo, hi):
                continue  # a span of time set, not measured (real-copy gold counts none)
            end = end if word is not None else e
            if unit.lower() == "times":
                end, start = _multiplied(text, end, hi), _measured_before(text, start, lo)
        end = end if pct else per_unit_end(text, end, hi)
        if not distance_from(text, start, lo, unit):
            end = _postmodified(text, end, hi)
        value = _value(num, scale)
        if below_zero or qb and qb.group().lower().startswith("minus"):
            value = -value  # 'minus 7 degrees Celsius'
        part = _OUT_OF.search(text, max(lo, start - 48), start) if not (cur or pct) else None
        if part is not None:  # '4 of the 9 gas detectors': four detectors, counted out of nine
            value, start = _value(part.group("n").replace(",", ""), None), part.start()
            qb = pats["quant_before"].search(text, max(lo, start - 24), start)
            start = qb.start() if qb else start
            out = [f for f in out if f.end <= start]
        start = _head_before(text, start, lo)
        start, end = limit_of(text, start, end, hi)
        out.append(Found(start, end, "quantity", {"value": value, "unit": unit}, 0.7))
    return _merge_conversions(text, out)


def _merge_conversions(text: str, found: list[Found]) -> list[Found]:
    """A converted amount in brackets joins the one before it: '40 kilometres (25 miles)', '$2m (£1.6m)'."""
    found.sort(key=lambda f: f.start)
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(
            r"\s*\(\s*(?:about|around|roughly|some|nearly)?\s*", text[prev.end : f.start]
        ):
            close = re.match(r"\s*\)", text[f.end : f.end + 3])
            if close:
                prev.end = f.end + close.end()
                continue
        out.append(f)
    return out
