"""Named mentions: runs of capitalised words split into titles, people, organisations and states."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import wordlists as wl
from .chunks import case_ok, chunks, gaz_cover, is_state, org_heads
from .kin_names import shared_surname
from .places import a_town, in_dateline, locative
from .textutil import INITIAL_AND_NAME, Token, fold

_POSS = ("'s", "’s")


@dataclass(slots=True)
class NameMention:
    """A capitalised mention: what it names and the facts its own words give (role, affiliation)."""

    start: int
    end: int
    text: str
    cat: str  # known | person | surname | org | name | role
    known: wl.Known | None = None
    how: str = ""  # for known: name, alias, demonym, metonym
    role: str | None = None
    aff: wl.Known | None = None
    aff_text: str | None = None
    gender: str = "-"
    tags: list[str] = field(default_factory=list)
    first_token: int = 0
    last_token: int = 0


def _is_title_token(tok: Token, nxt: Token | None = None) -> bool:
    low = tok.lower.rstrip(".")
    courtesy = low in wl.name_words()["courtesy"]  # Mr, Ms, Dr: not an office ('Gov.', 'Sen.' are)
    if not courtesy and (tok.text in wl.honorifics() or tok.text + "." in wl.honorifics()):
        return (nxt is not None and nxt.is_cap) or low in wl.title_words()
    if len(low) > 3 and low.endswith("s") and low[:-1] in wl.title_heads():
        # 'Officers Travis Mulcahy and …', but not 'Lawyers for Ana Diaz'
        return nxt is not None and nxt.lower not in wl.name_words()["connectors"]
    return low in wl.title_words() or low in wl.name_words()["extra_titles"]


#: Endings of a capitalised word opening a sentence before a state that make it a describing word.
_LIKE_AN_ADJECTIVE = re.compile(r"(?:ing|ern|ed|ian|ese|ish|al|ic)$")


def _state_named_org(text: str, tokens: list[Token], i: int, j: int, sent_start: int) -> NameMention | None:
    """An organisation named with a state at the end: 'Health Canada', 'Fisheries and Oceans Canada'."""
    toks = tokens[i:j]
    if len(toks) < 2 or not is_state(wl.gazetteer().get(toks[-1].text)):
        return None
    lead = toks[:-1]
    heads, words = wl.title_heads(), wl.name_words()
    if any(
        t.lower in heads
        or t.lower in words["months_days"]
        or t.lower in words["directions"]
        or t.text in wl.honorifics()
        or wl.gazetteer().get(t.text)
        for t in lead
    ):
        return None  # 'Prime Minister Canada', 'Northern Canada', 'Monday Canada'
    described = i > 0 and tokens[i - 1].lower in wl.org_words()["descriptor_class"]
    sure = described or any(t.lower == "and" for t in lead) or lead[0].lower in words["state_org_words"]
    span_text = text[toks[0].start : toks[-1].end]
    if not sure and toks[-1].lower in words["surname_states"] and len(lead) <= 2:
        return NameMention(toks[0].start, toks[-1].end, span_text, "person", first_token=i, last_token=j)
    opening = len(lead) == 1 and toks[0].start == sent_start
    if not sure and opening and _LIKE_AN_ADJECTIVE.search(lead[0].lower):
        return None  # 'Neighbouring Mauritius' opens a sentence ('Nasafert Kenya, the largest …' is a firm)
    if fold(text[toks[0].start : toks[-1].end]) in wl.places():
        return None  # 'Port Sudan'
    return NameMention(
        toks[0].start,
        toks[-1].end,
        text[toks[0].start : toks[-1].end],
        "org",
        aff=wl.gazetteer().get(toks[-1].text)[0],
        first_token=i,
        last_token=j,
    )


def _titled_person_tail(toks: list[Token], heads: frozenset[str]) -> bool:
    """Whether a run ends in a title head and one to three plain name words ('… Chief Ramon Ortega')."""
    for k in range(len(toks) - 2, 0, -1):
        if toks[k].lower.rstrip(".") in wl.title_heads():
            tail = toks[k + 1 :]
            return 1 <= len(tail) <= 3 and not any(
                t.text in heads or _is_title_token(t) or t.is_acronym for t in tail
            )
    return False


@functools.cache
def _titles_with_of() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.split()) for t in wl.titles() if " of " in f" {t} ")


def _title_with_of_end(toks: list[Token], heads: frozenset[str]) -> int:
    """The last token of a title written with 'of' ('Director General of Police', 'Secretary of State') that
    one to three plain name words follow, or -1."""
    low = [t.lower.rstrip(".") for t in toks]
    if "of" not in low:
        return -1
    for title in _titles_with_of():
        n = len(title)
        for k in range(len(toks) - n):
            tail = toks[k + n :]
            if tuple(low[k : k + n]) == title and 1 <= len(tail) <= 3 and not any(
                t.text in heads or _is_title_token(t) or t.is_acronym for t in tail
            ):
                return k + n - 1
    return -1


#: An era after a year ('1600 BC'; 'BC said' is the province), a Roman numeral after a lower-case word or a
#: grade ('level IV', 'Class XII').
_ERA = frozenset({"BC", "AD", "BCE", "CE"})
_ROMAN = re.compile(r"[IVX]{2,5}$")
_GRADE_BEFORE = re.compile(r"(?:\b[a-z]+|Class|Level|Grade|Phase|Stage|Category|Type|Article)\s$")


def _a_number_word(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 12) : tok.start]
    if tok.text in _ERA:
        return re.search(r"\d\s?$", before) is not None
    return _ROMAN.match(tok.text) is not None and _GRADE_BEFORE.search(before) is not None

_LONGEST_NAME = 12  # capitalised words; a longer run is a headline or a title, not one actor's name


def _a_landform(toks: list[Token]) -> bool:
    """Whether a name is a river, lake or island's: its first or last word says so ('River Tay', 'Lake
    Victoria', 'Mekong Delta'), and no word of it names a body ('Mekong River Commission', 'Island
    Records'); never one word alone."""
    words = wl.name_words()
    if len(toks) < 2 or any(t.text in org_heads() for t in toks):
        return False
    return toks[0].lower in words["landform_openers"] or toks[-1].lower in words["landform_closers"]


@functools.cache
def _coded_amount() -> re.Pattern[str]:
    return re.compile(wl.coded_amount())


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_INITIAL_AND_NAME = re.compile(r"(?=\w{1,2}\.\w{5})" + INITIAL_AND_NAME)
_FOR_A_BODY = re.compile(r"\b(?:for|of|at|from|by|with)\s+$")
_DIGIT_AFTER = re.compile(r" \d")


def classify(text: str, tokens: list[Token], i: int, j: int, sent_start: int) -> list[NameMention]:
    """The mentions one capitalised run makes: a title splits role from name."""
    heads = org_heads()
    toks = tokens[i:j]
    if not toks or len(toks) > _LONGEST_NAME:
        return []  # nothing, or a capitalised headline ('Read More From …'): no name
    if len(toks) == 1 and toks[0].text in wl.name_words()["common_acronyms"]:
        return []  # 'an IT manager', 'GPS coordinates': a common noun, no actor
    if len(toks) == 1 and _a_number_word(text, toks[0]):
        return []  # '1600 BC', 'level IV', 'Class XII': an era or a numeral, no actor
    if len(toks) == 1 and (_coded_amount().match(text, toks[0].start)
                           or _DIGIT_AFTER.match(text, toks[0].end)
                           and wl.money_code_before(text, toks[0].end + 1) == toks[0].start):
        return []  # 'CLP 2.1 billion', and 'OMR 50' where the text writes 'OMR 612,400': a currency
    span_text = text[toks[0].start : toks[-1].end]
    # Dateline: an all-capital place opening a paragraph, and a comma, bracket or dash.
    if (
        all(t.is_acronym for t in toks)
        and len(toks[0].text) > 3
        and (toks[0].start == 0 or text[toks[0].start - 1] == "\n")
    ) and re.match(r"\s*(?:,|\(|[-—–])", text[toks[-1].end : toks[-1].end + 4]):
        return []
    if all(t.lower in wl.name_words()["months_days"] for t in toks):
        return []
    if len(toks) >= 2 and toks[-1].text in wl.things()["place_tails"] and not wl.gazetteer().get(span_text):
        return []  # 'the South China Sea', 'the Paracel Islands': a place, and no state inside it
    if " & " in span_text and not wl.gazetteer().get(span_text):
        return [NameMention(toks[0].start, toks[-1].end, span_text, "org", first_token=i, last_token=j)]
    whole = wl.gazetteer().get(span_text)
    if whole and case_ok(span_text, whole[0], whole[1]):
        return [
            NameMention(
                toks[0].start,
                toks[-1].end,
                span_text,
                "known",
                whole[0],
                whole[1],
                first_token=i,
                last_token=j,
            )
        ]
    if len(toks) == 1 and _INITIAL_AND_NAME.fullmatch(span_text) \
            and not _FOR_A_BODY.search(text, 0, toks[0].start):
        return [NameMention(toks[0].start, toks[0].end, span_text, "person", first_token=i, last_token=j)]
        # ('Ch.Ganzorig'; never 'a spokesman for E.Leclerc', nor a brand of one short word, 'J.Crew')
    if len(toks) >= 2 and _INITIALS.fullmatch(toks[0].text) and not wl.gazetteer().get(toks[0].text) \
            and not wl.gazetteer().get(span_text.replace(".", "", len(toks[0].text) - 1)) \
            and not any(t.text in heads or t.is_acronym for t in toks[1:]):  # 'W.M. Karunaratne': initials
        # and a surname (never 'U.S. Treasury', 'D.R. Congo')
        return [NameMention(toks[0].start, toks[-1].end, span_text, "person", first_token=i, last_token=j)]
    hon = wl.honorifics()
    # Honorific + surname (Mr Shin) or honorific + full name (Dr Jane Doe).
    if (
        (toks[0].text in hon or toks[0].text + "." in hon)
        and len(toks) >= 2
        and toks[0].text
        not in ("President", "General", "Judge", "Justice", "Senator", "Colonel", "Professor")
    ):
        gender = hon.get(toks[0].text) or hon.get(toks[0].text + ".", "-")
        rest = toks[1:]
        while len(rest) >= 2 and len(rest[0].text.rstrip(".")) <= 4 \
                and (rest[0].text in hon or rest[0].text + "." in hon):
            rest = rest[1:]  # abbreviated ranks of several words: 'Ch Supt Colin Rolfe', 'Lt Gen Omar Said'
            # (not 'Dr Justice Amoah': a full word may be a name)
        cat = "surname" if len(rest) == 1 else "person"
        name = text[rest[0].start : rest[-1].end]
        return [
            NameMention(toks[0].start, toks[-1].end, name, cat, gender=gender, first_token=i, last_token=j)
        ]
    of_title = _title_with_of_end(toks, heads)  # 'Director General of Police Jane Roe': a title, then a name
    of_at = next(
        (k for k, t in enumerate(toks) if t.lower in ("of", "from", "at") and 2 <= k < len(toks) - 1), -1
    )
    if of_at > 0 and of_title < 0 and not any(t.text in heads for t in toks[:of_at]) \
            and all(t.is_cap for t in toks[:of_at]):
        right = classify(text, tokens, i + of_at + 1, j, sent_start)
        if (len(right) == 1 and right[0].cat in ("person", "name") and 2 <= of_at <= 3
                and right[0].last_token - right[0].first_token >= 2):
            right[0].cat = "org"  # 'Hanna Lindgren of Safe Play Europe': a person is not of a person
        if right and right[0].cat in ("org", "known") and len(right) == 1:
            left = classify(text, tokens, i, i + of_at, sent_start)
            for m in left:
                if m.cat in ("person", "name"):
                    m.cat = "person"
                    m.aff_text = right[0].text
            return right + left
    has_head = any(t.text in heads for t in toks[1:]) or (
        len(toks) > 1 and toks[0].text in heads and toks[0].text not in ("United", "City")
    )
    named = _state_named_org(text, tokens, i, j, sent_start)
    if named is not None:
        return [named]
    # Title split: the words after the last title word are the name.
    last_title = of_title
    if has_head and (of_title >= 0 or _titled_person_tail(toks, heads)):
        has_head = False  # 'Cal Fire Battalion Chief Ramon Ortega': an organisation's title, then a person
    if not has_head and of_title < 0:
        for k, t in enumerate(toks):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if _is_title_token(t, nxt) and (k < len(toks) - 1 or t.lower.rstrip(".") in wl.title_heads()):
                last_title = k
    if last_title >= 0 and last_title + 4 < len(toks) and toks[last_title + 1].lower in ("of", "for"):
        tail = 3 if toks[-2].text in wl.name_words()["surname_particles"] else 2  # ('… Joost van Leeuwen')
        last_title = len(toks) - tail - 1  # 'Minister for Housing Jane Roe': the portfolio is the role's
    if last_title >= 0:
        role_toks, name_toks = toks[: last_title + 1], toks[last_title + 1 :]
        of_place = next((k for k, t in enumerate(name_toks) if t.lower == "of" and k >= 2), None)
        if of_place is not None and not any(t.text in heads for t in name_toks[of_place:]):
            name_toks = name_toks[:of_place]  # 'Sen. Priya Natarajan of Tucson': the place is no name
            j = i + last_title + 1 + of_place
        aff = None
        aff_text = None
        role_start = 0
        for gi, gj, known, _how in gaz_cover(tokens, i, i + last_title + 1, text):
            if gi == i + role_start:
                aff, aff_text = known, text[tokens[gi].start : tokens[gj - 1].end]
                role_start = gj - i
        role = " ".join(t.text for t in role_toks[role_start:]) or " ".join(t.text for t in role_toks)
        if len(role) > 1 and role.endswith("s") and role[:-1].split()[-1].lower() in wl.title_heads():
            role = role[:-1]  # 'Officers A and B': each an officer
        out: list[NameMention] = []
        if aff and aff_text:
            gs = toks[0].start
            out.append(
                NameMention(
                    gs,
                    gs + len(aff_text),
                    aff_text,
                    "known",
                    aff,
                    "demonym",
                    first_token=i,
                    last_token=i + role_start,
                )
            )
        if not name_toks:
            out.append(
                NameMention(
                    role_toks[0].start,
                    role_toks[-1].end,
                    role,
                    "role",
                    role=role,
                    aff=aff,
                    aff_text=aff_text,
                    first_token=i,
                    last_token=j,
                )
            )
            return out
        sub = classify(text, tokens, i + last_title + 1, j, sent_start)
        for m in sub:
            if m.cat in ("person", "name", "surname"):
                m.cat = "person" if len(name_toks) > 1 else "surname"
                m.role = m.role or role
                m.aff = m.aff or aff
                m.aff_text = m.aff_text or aff_text
        return out + sub
    if has_head or (len(toks) == 1 and toks[0].is_acronym):
        name = span_text
        aff = None
        cover = gaz_cover(tokens, i, j, text)
        if cover and cover[0][0] == i and cover[0][1] < j and cover[0][2].kind == "state":
            aff = cover[0][2]
            rest = text[tokens[cover[0][1]].start : toks[-1].end]
            found = wl.gazetteer().get(rest)
            if found and found[0].affiliation == aff.name:
                return [
                    NameMention(
                        toks[0].start,
                        toks[-1].end,
                        span_text,
                        "known",
                        found[0],
                        "alias",
                        first_token=i,
                        last_token=j,
                    )
                ]
        return [
            NameMention(
                toks[0].start,
                toks[-1].end,
                name,
                "org",
                aff=aff,
                aff_text=aff.name if aff else None,
                first_token=i,
                last_token=j,
            )
        ]
    cover = gaz_cover(tokens, i, j, text)
    if (
        len(cover) == 1
        and cover[0][0] == i
        and cover[0][1] == i + 1
        and (cover[0][3] == "metonym" or tokens[i].text in wl.name_words()["state_given_names"])
        and 1 <= j - cover[0][1] <= 2
        and all(t.is_cap and not t.is_acronym and t.text not in heads for t in tokens[cover[0][1] : j])
    ):
        cover = []  # 'Sofia Carvalhal', 'Jordan Reese': a capital's or state's name as a first name
    if cover:
        out = [
            NameMention(
                tokens[gi].start,
                tokens[gj - 1].end,
                text[tokens[gi].start : tokens[gj - 1].end],
                "known",
                known,
                how,
                first_token=gi,
                last_token=gj,
            )
            for gi, gj, known, how in cover
        ]
        # Words left over after a leading demonym are a name of their own.
        if cover[-1][1] < j and cover[0][0] == i:
            rest_i = cover[-1][1]
            out.extend(classify(text, tokens, rest_i, j, sent_start))
        return out
    if fold(span_text) in wl.places() or _a_landform(toks) or a_town(text, toks):
        return []
    if _particle_surname(toks, heads):  # 'Joost van Leeuwen', 'Ahmed bin Saleh'
        return [NameMention(toks[0].start, toks[-1].end, span_text, "person", first_token=i, last_token=j)]
    joined = [t for t in toks if text[t.start - 1 : t.start] != "-"]  # 'Jae-sung' is one word of a name
    if len(joined) >= 2 and all((t.is_cap or t not in joined) and not t.is_acronym for t in toks):
        return [
            NameMention(
                toks[0].start,
                toks[-1].end,
                span_text,
                "person" if len(joined) <= 4 else "name",
                first_token=i,
                last_token=j,
            )
        ]
    return [NameMention(toks[0].start, toks[-1].end, span_text, "name", first_token=i, last_token=j)]


def _particle_surname(toks: list[Token], heads: frozenset[str]) -> bool:
    """Whether a run of three to five words is a person's name with one or two lower-case surname particles
    inside ('Joost van Leeuwen', 'Maria van der Berg', 'Ahmed bin Saleh'), no word of it an organisation's
    head."""
    if not 3 <= len(toks) <= 5 or not (toks[0].is_cap and toks[-1].is_cap):
        return False
    inner = [t for t in toks[1:-1] if not t.is_cap]
    particles = wl.name_words()["surname_particles"] | {"la", "le"}  # 'van der Berg', 'de la Cruz'
    return (1 <= len(inner) <= 2 and all(t.lower in particles for t in inner)
            and not any(t.text in heads or t.is_acronym for t in toks))


def find_names(
    text: str, tokens: list[Token], a: int, b: int, sent_start: int, common: frozenset[str] = frozenset()
) -> list[NameMention]:
    """Every named mention in one sentence, places dropped."""
    out: list[NameMention] = []
    for i, j in chunks(text, tokens, a, b, sent_start, common):
        if in_dateline(text, tokens[i].start, tokens[j - 1].end):
            continue
        for m in classify(text, tokens, i, j, sent_start):
            if (
                m.cat == "name"
                and locative(text, tokens, m.first_token)
                and text[m.end : m.end + 2] not in _POSS
            ):
                continue  # 'in Athens', but not 'from Ontario's environment ministry'
            if (
                m.cat == "known"
                and m.how == "metonym"
                and (locative(text, tokens, m.first_token) or text[m.end : m.end + 1] == "-")
            ):
                continue
            if m.cat == "name" and fold(m.text) in wl.places():
                continue
            if m.cat in ("name", "surname") and (surname := shared_surname(text, m.start, m.end)):
                m.text, m.cat = f"{m.text} {surname}", "person"  # 'brothers Marcos and Diego Aranda'
            out.append(m)
    return out
