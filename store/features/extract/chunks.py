"""Runs of capitalised words in a sentence that may name someone, joined across small words inside names."""

from __future__ import annotations

import re

from . import wordlists as wl
from .people_words import plural_of_people
from .textutil import CURRENCY_LETTERS, Token, fold


def org_heads() -> frozenset[str]:
    return wl.org_words()["heads"]


def chunks(
    text: str, tokens: list[Token], a: int, b: int, sent_start: int, common: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalised word runs in tokens[a:b] (one sentence).

    A capitalised first word that the text also uses in lower case (`common`) is an ordinary word.
    """
    out = []
    fw = wl.function_words()
    heads = org_heads()
    i = a
    while i < b:
        t = tokens[i]
        if not (t.is_cap or t.is_acronym) or _AMOUNT.match(text, t.start) or _CODE.match(text, t.start) \
                or _LETTERED_SUM.match(text, t.start) \
                or t.is_acronym and _unit_after_count(text, t.start, t.text):
            i += 1
            continue  # most words: nothing to look at ('R4.2 million' is a sum in rand, no name; '1,000 CFU'
            # a count's unit)
        unit = _NAMED_UNIT.match(text, t.start) if _COUNT_BEFORE.search(text, max(0, t.start - 16), t.start) \
            else None
        if unit is not None:  # '4,000 Readjustable Units (UR)': a unit with its short name, no body
            while i < b and tokens[i].start < unit.end():
                i += 1
            continue
        before = text[max(sent_start, t.start - 3) : t.start].rstrip(" ")
        initial = t.start == sent_start or before[-1:] in ('"', "“", "‘", "(", ":", "'", "—", "-") or (
            before[-1:] in ".?!" and i > a and _ends_a_sentence(tokens[i - 1].text)
        )  # a sentence inside a quotation: '“… 71 zloty. Before February the shift paid more”
        if (
            initial
            and not t.is_acronym
            and (
                t.lower in fw
                or t.lower in wl.name_words()["plain_nouns"]
                or _people_alone(tokens, i, b)  # 'Pharmacists say …': unnamed people, no name
                or (
                    t.lower in common
                    and not wl.gazetteer().get(t.text)
                    and not _names_org(tokens, i, b, text)
                    and not _runs_into_name(text, tokens, i, b)
                )
            )
        ):
            i += 1
            continue
        j = i + 1
        while j < b:
            gap = text[tokens[j - 1].end : tokens[j].start]
            tj = tokens[j]
            if gap == ". " and tokens[j - 1].text + "." in wl.honorifics() and tj.is_cap:
                j += 1
                continue
            if gap in (" ", "-") and (tj.is_cap or tj.is_acronym) and not tj.is_possessive and tj.text != "I":
                j += 1  # ('By the Sunday I can …': the pronoun ends a name)
                continue
            particle = tj.lower in wl.name_words()["hyphen_particles"]
            if gap == "-" and particle and j + 1 < b and tokens[j + 1].is_cap \
                    and text[tj.end : tokens[j + 1].start] == "-":
                j += 2  # 'Val-de-Vire', 'Aix-en-Provence', 'Stratford-upon-Avon'
                continue
            if _name_tail(text, tokens, i, j, gap, heads) or (gap == " " and _elided_particle(tj.text)):
                j += 1  # ("Compagnie Industrielle d'Aménagement")
                continue
            inner = _org_inner_words(text, tokens, i, j, b, heads)
            if inner:
                j += inner
                continue
            spelled = _and_spelled_out(text, tokens, i, j, b) if gap == " " and tj.lower == "and" else 0
            if spelled:
                j = spelled  # 'Qurum Engineering and Contracting (QEC)': its short name spells it all
                continue
            if gap == " & " and tj.is_cap:
                j += 1
                continue
            if gap == " (" and tj.text in ("Pvt", "Private") and j + 1 < b \
                    and text[tj.end : tokens[j + 1].start] in (") ", ".) ") \
                    and tokens[j + 1].text.rstrip(".") in ("Ltd", "Limited"):
                j += 2  # 'Ruhuna Power Barriers (Pvt) Ltd': a legal form in brackets
                continue
            if (
                gap == " "
                and j + 1 < b
                and text[tj.end : tokens[j + 1].start] == " "
                and tokens[j + 1].is_cap
            ):
                if tj.lower in wl.name_words()["connectors"] and not _ends_with_its_form(tokens[j - 1].text):
                    j += 2  # (not 'Alpseil Technik AG of Brig': a company's name ends with its legal form)
                    continue
                if tj.lower == "and" and j - i == 1 and _org_follows(tokens, j + 1, b, heads, text):
                    j += 2
                    continue
            if (gap == " " and j + 2 < b and tj.lower in wl.name_words()["connectors"]
                    and tokens[j + 1].lower in wl.name_words()["connectors"] and tokens[j + 2].is_cap
                    and text[tj.end : tokens[j + 2].start] == f" {tokens[j + 1].text} "):
                j += 3  # 'Maria van der Berg', 'Juan de la Cruz'
                continue
            known = _known_name_through(text, tokens, i, j, b)
            if known:
                j = known  # 'the Organization for Security and Co-operation in Europe'
                continue
            break
        out.append((i, j))
        i = j
    return out


#: A currency's letters glued to a sum with its decimals or its 'million': 'R4.2 million', 'N$30,000.50'
#: (not 'G7' or 'F1'; a bare 'K250' is left to read as a name).
_AMOUNT = re.compile(r"[A-Z]{1,3}\$?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m|k)\b|[.,]\d)")
#: A sum glued to a currency's letters that never begin a name: 'JD5', 'KD12', 'TSh400' (not 'K250').
_LETTERED_SUM = re.compile(rf"{CURRENCY_LETTERS}\d")
#: A code of letters and digits, not a name: 'T4-117' (an inventory number), 'A320-200', 'B-52'.
_CODE = re.compile(r"[A-Z]{1,3}\d*-\d|[A-Z]{1,3}\d+(?=[-/]\w)")


#: A count right before a word: '1,000 ' (never a year: 'in 2025 NATO said').
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\s)\d(?:[\d,.]*\d)? ?$")  # (never a sentence's end:
# 'on Nov. 17. ECS said')


def _ends_with_its_form(word: str) -> bool:
    """Whether a word is a legal form written short, which ends a company's name ('AG', 'Ltd', 'Kft'; never
    the words 'Corporation', 'Company', 'Limited', 'Co' of 'the Food Corporation of India')."""
    return fold(word).rstrip(".") in wl.org_words()["legal_suffixes"] \
        and word.rstrip(".") not in ("Corporation", "Company", "Limited", "Co")


def _unit_after_count(text: str, start: int, word: str) -> bool:
    """Whether an acronym no gazetteer knows is the unit of the count before it: 'the 1,000 CFU limit',
    '40 MW' (not '14 UN peacekeepers', 'On March 3 NEMA ordered', '12 AMREF ambulances')."""
    count = _COUNT_BEFORE.search(text, max(0, start - 16), start)
    if count is None or wl.gazetteer().get(word) is not None:
        return False
    month = _WORD_BEFORE.search(text, max(0, count.start() - 12), count.start())
    dated = month is not None and month.group(1).lower() in wl.name_words()["months_days"]
    return not dated and _COUNTED_NOUN_AFTER.match(text, start + len(word)) is None


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
#: Capitalised words ending in a plural and a short name in brackets, after a count: a unit of account
#: ('4,000 Readjustable Units (UR)', '50 Special Drawing Rights (SDR)').
_NAMED_UNIT = re.compile(r"(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+s\s+\([A-Z]{2,5}\)(?!\s+[a-z])")  # (never '2,000
# Rapid Support Forces (RSF) fighters': a body's men)
#: A plural noun after an acronym: the acronym names whose they are ('12 AMREF ambulances').
_COUNTED_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")


def _known_name_through(text: str, tokens: list[Token], i: int, j: int, b: int) -> int:
    """Where a name ends when it runs on through a small lower-case word, or 0: the run tokens[i:j] with
    'in'/'on'/'and' and up to three capitalised words after it, when the gazetteer knows the whole ('…
    Co-operation in Europe') or, after 'and', the words after it end in an organisation's head word and
    the words before do not ("the council's Internal Audit and Assurance Service": one body)."""
    if j + 1 >= b or tokens[j].lower not in ("in", "on", "and") or not tokens[j + 1].is_cap:
        return 0
    heads = org_heads()
    for k in range(min(b, j + 4), j + 1, -1):
        if not all(t.is_cap for t in tokens[j + 1 : k]):
            continue
        name = text[tokens[i].start : tokens[k - 1].end]
        if wl.gazetteer().get(name):
            return k
        joined = (tokens[j].lower == "and" and tokens[k - 1].text in heads and tokens[j - 1].text not in heads
                  and not any(t.lower in wl.title_words() for t in tokens[i:j]))  # ('Mayor Ana Roth and …')
        if joined and (k == b or not tokens[k].is_cap or text[tokens[k - 1].end : tokens[k].start] != " "):
            return k
    return 0


def _people_alone(tokens: list[Token], i: int, b: int) -> bool:
    """Whether a capitalised word opening a sentence is a plural for people that no list knows, standing
    alone ('Pharmacists say'), not the first word of a name ('Engineers Without Borders'); the listed ones
    ('Officials', 'Lawyers for X') are read as unnamed sources already."""
    word = tokens[i].lower
    if i + 1 < b and tokens[i + 1].is_cap or word in wl.unnamed_sources()["plural"]:
        return False
    return plural_of_people(word)


def _ends_a_sentence(word: str) -> bool:
    """Whether a full stop after this word may end a sentence (not 'Mr.', 'J.' or 'St.')."""
    return len(word) > 1 and word + "." not in wl.honorifics() and word not in ("St", "Mt", "No")


_NUMBERED = frozenset({"Local", "Lodge", "Chapter", "District", "Branch", "Division", "Unit", "Precinct"})


def _name_tail(text: str, tokens: list[Token], i: int, j: int, gap: str, heads: frozenset[str]) -> bool:
    """Whether token j still belongs to a name: 'Union Local 219', 'Co-operative', "Supporters’ Trust",
    "Couriers' Voice"."""
    prev, tj = tokens[j - 1], tokens[j]
    if gap == " " and tj.text.isdigit() and prev.text in _NUMBERED and j - i >= 2:
        return True
    if gap == "-" and tj.text.islower() and j - i >= 2 and len(prev.text) <= 3 and prev.is_cap:
        return True  # 'Co-operative', 'Co-op'
    if gap not in ("’ ", "' ") or not prev.text.endswith("s") or not tj.is_cap or j - i < 1:
        return False  # ("Couriers' Voice": one more word; "The Republicans' Mitch McConnell": a person)
    return tj.text in heads or not (j + 1 < len(tokens) and tokens[j + 1].is_cap
                                    and text[tj.end : tokens[j + 1].start] == " ")


def _elided_particle(word: str) -> bool:
    """Whether a word is an elided particle glued to a capitalised name word ("d'Aménagement", "l'Ouest")."""
    return len(word) > 3 and word[0] in "dl" and word[1] in "'’" and word[2].isupper()


def _org_inner_words(text: str, tokens: list[Token], i: int, j: int, b: int, heads: frozenset[str]) -> int:
    """How many small words at j continue an organisation's name: 'Court of Appeals for the Second Circuit',
    'Commission on Human Rights', 'Institute for Health and Care Excellence', "King's College"."""
    tj = tokens[j]
    if tj.is_possessive and j + 1 < b and tokens[j + 1].text in heads and tj.start == tokens[j - 1].end:
        return 1
    if not any(t.text in heads for t in tokens[i:j]) or text[tokens[j - 1].end : tj.start] != " ":
        return 0
    low = tj.lower
    days = wl.name_words()["months_days"]
    if low in ("of", "for", "on") and j + 2 < b and tokens[j + 1].lower == "the" and tokens[j + 2].is_cap:
        return 2
    if low == "on" and j + 1 < b and tokens[j + 1].is_cap and tokens[j + 1].lower not in days:
        return 1
    connected = any(t.lower in ("of", "for", "on") for t in tokens[i:j])
    if low == "and" and connected and j + 1 < b and tokens[j + 1].is_cap:
        return 0 if wl.gazetteer().get(tokens[j + 1].text) else 1
    return 0


def _and_spelled_out(text: str, tokens: list[Token], i: int, j: int, b: int) -> int:
    """Where a name joined by 'and' ends when the short name in brackets after it spells the initials of
    the words on both sides ('Qurum Engineering and Contracting (QEC)', '… and Contracting (QEAC)'), or 0."""
    k = j + 1
    while k < b and tokens[k].is_cap and text[tokens[k - 1].end : tokens[k].start] == " ":
        k += 1
    if k == j + 1 or k >= b or text[tokens[k - 1].end : tokens[k].start] != " (" or not tokens[k].is_acronym:
        return 0
    initials = "".join(t.text[0] for t in tokens[i:k] if t.lower != "and")
    return k if tokens[k].text in (initials.upper(), "".join(t.text[0] for t in tokens[i:k]).upper()) else 0


def _org_follows(tokens: list[Token], k: int, b: int, heads: frozenset[str], text: str) -> bool:
    """Whether the capitalised words from k on end in an organisation head ('Exchange Commission').

    A state name after other words also ends one ('Fisheries and Oceans Canada'), unless the words before
    'and' or right after it are a state themselves ('Britain and North Korea').
    """
    gaz = wl.gazetteer()
    start = k
    while k < b and tokens[k].is_cap:
        if tokens[k].text in heads:
            return True
        k += 1
    if k - start < 2 or gaz.get(tokens[start - 2].text) or gaz_cover(tokens, start, start + 1, text):
        return False
    return is_state(gaz.get(tokens[k - 1].text))


def _runs_into_name(text: str, tokens: list[Token], i: int, b: int) -> bool:
    """Whether a sentence-initial common word is the first of a two-word name ('Patients First said')."""
    if i + 1 >= b or text[tokens[i].end : tokens[i + 1].start] != " ":
        return False
    nxt = tokens[i + 1]
    if not nxt.is_cap or nxt.lower in ("the", "a", "an", "i") or wl.gazetteer().get(nxt.text):
        return False
    after = tokens[i + 2] if i + 2 < b else None
    return after is None or not after.is_cap  # exactly two capitalised words, then the sentence goes on


def _names_org(tokens: list[Token], i: int, b: int, text: str) -> bool:
    """Whether a sentence-initial common word starts an organisation's name ('Health Canada')."""
    if i + 2 < b and tokens[i + 1].lower == "and" and tokens[i + 2].is_cap:
        return _org_follows(tokens, i + 2, b, org_heads(), text)
    k = i + 1
    while k < b and tokens[k].is_cap and text[tokens[k - 1].end : tokens[k].start] == " ":
        if tokens[k].text in org_heads():
            return True
        k += 1
    return (
        k == i + 2
        and tokens[i].lower in wl.name_words()["state_org_words"]
        and is_state(wl.gazetteer().get(tokens[k - 1].text))
    )


def is_state(found: tuple[wl.Known, str] | None) -> bool:
    return found is not None and found[0].kind == "state" and found[1] in ("name", "alias")


def gaz_cover(tokens: list[Token], i: int, j: int, text: str) -> list[tuple[int, int, wl.Known, str]]:
    """Longest gazetteer matches inside tokens[i:j], left to right."""
    gaz = wl.gazetteer()
    out = []
    k = i
    while k < j:
        hit = None
        for m in range(min(j, k + gaz.max_words + 1), k, -1):
            surface = text[tokens[k].start : tokens[m - 1].end]
            found = gaz.get(surface)
            if found and gaz.needs_the(surface) and not _alone_after_the(text, tokens, k, m, j):
                continue  # 'New South Wales', 'South Bend': only 'the South' names South Korea
            if found and case_ok(surface, found[0], found[1]):
                hit = (k, m, found[0], found[1])
                break
        if hit:
            out.append(hit)
            k = hit[1]
        else:
            k += 1
    return out


def _alone_after_the(text: str, tokens: list[Token], k: int, m: int, j: int) -> bool:
    """Whether tokens[k:m] follow 'the' and fill their capitalised run (nothing capitalised around)."""
    return m == j and k > 0 and text[tokens[k - 1].start : tokens[k].start].lower().strip() == "the"


def case_ok(surface: str, known: wl.Known, how: str) -> bool:
    """Short all-capital forms (US, UN) must be written in capitals to count."""
    letters = [c for c in surface if c.isalpha()]
    return not (len(letters) <= 3 and not all(c.isupper() for c in letters))
