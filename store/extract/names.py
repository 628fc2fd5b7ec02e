"""Named mentions: runs of capitalised words split into titles, people, organisations and states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.extract import wordlists as wl
from store.extract.textutil import Token, fold

_CONNECTORS = frozenset(
    {"of", "for", "de", "la", "du", "van", "von", "der", "bin", "al", "el", "ibn", "da", "di"}
)
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "into",
        "outside",
        "across",
        "via",
        "around",
        "inside",
        "towards",
        "toward",
        "through",
        "between",
        "off",
        "visit",
        "visiting",
        "to",
    }
)
_MONTHS_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_EXTRA_TITLES = frozenset(
    {
        "assistant",
        "district",
        "deputy",
        "acting",
        "former",
        "senior",
        "chief",
        "vice",
        "interim",
        "us",
        "u.s.",
    }
)


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


def _is_title_token(tok: Token) -> bool:
    low = tok.lower.rstrip(".")
    return low in wl.title_words() or low in _EXTRA_TITLES


def _heads() -> frozenset[str]:
    return wl.org_words()["heads"]


def chunks(
    text: str, tokens: list[Token], a: int, b: int, sent_start: int, common: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalised word runs in tokens[a:b] (one sentence).

    A capitalised first word that the text also uses in lower case (`common`) is an ordinary word.
    """
    out = []
    fw = wl.function_words()
    heads = _heads()
    i = a
    while i < b:
        t = tokens[i]
        before = text[max(sent_start, t.start - 3) : t.start].rstrip(" ")
        initial = t.start == sent_start or before[-1:] in ('"', "“", "‘", "(", ":", "'", "—", "-")
        if not (t.is_cap or t.is_acronym) or (
            initial
            and not t.is_acronym
            and (t.lower in fw or (t.lower in common and not wl.gazetteer().get(t.text)))
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
            if gap in (" ", "-") and (tj.is_cap or tj.is_acronym) and not tj.is_possessive:
                j += 1
                continue
            if gap == " & " and tj.is_cap:
                j += 1
                continue
            if (
                gap == " "
                and j + 1 < b
                and text[tj.end : tokens[j + 1].start] == " "
                and tokens[j + 1].is_cap
            ):
                if tj.lower in _CONNECTORS:
                    j += 2
                    continue
                if tj.lower == "and" and j - i == 1 and _org_follows(tokens, j + 1, b, heads):
                    j += 2
                    continue
            break
        out.append((i, j))
        i = j
    return out


def _org_follows(tokens: list[Token], k: int, b: int, heads: frozenset[str]) -> bool:
    """Whether the capitalised words from k on end in an organisation head ('Exchange Commission')."""
    while k < b and tokens[k].is_cap:
        if tokens[k].text in heads:
            return True
        k += 1
    return False


def _gaz_cover(tokens: list[Token], i: int, j: int, text: str) -> list[tuple[int, int, wl.Known, str]]:
    """Longest gazetteer matches inside tokens[i:j], left to right."""
    gaz = wl.gazetteer()
    out = []
    k = i
    while k < j:
        hit = None
        for m in range(min(j, k + gaz.max_words + 1), k, -1):
            surface = text[tokens[k].start : tokens[m - 1].end]
            found = gaz.get(surface)
            if found and _case_ok(surface, found[0], found[1]):
                hit = (k, m, found[0], found[1])
                break
        if hit:
            out.append(hit)
            k = hit[1]
        else:
            k += 1
    return out


def _case_ok(surface: str, known: wl.Known, how: str) -> bool:
    """Short all-capital forms (US, UN) must be written in capitals to count."""
    letters = [c for c in surface if c.isalpha()]
    return not (len(letters) <= 3 and not all(c.isupper() for c in letters))


def classify(text: str, tokens: list[Token], i: int, j: int, sent_start: int) -> list[NameMention]:
    """The mentions one capitalised run makes: a title splits role from name."""
    heads = _heads()
    toks = tokens[i:j]
    span_text = text[toks[0].start : toks[-1].end]
    # Dateline: an all-capital place opening a paragraph, and a comma, bracket or dash.
    if (
        all(t.is_acronym for t in toks)
        and len(toks[0].text) > 3
        and (toks[0].start == 0 or text[toks[0].start - 1] == "\n")
    ) and re.match(r"\s*(?:,|\(|[-—–])", text[toks[-1].end : toks[-1].end + 4]):
        return []
    if all(t.lower in _MONTHS_DAYS for t in toks):
        return []
    whole = wl.gazetteer().get(span_text)
    if whole and _case_ok(span_text, whole[0], whole[1]):
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
        cat = "surname" if len(rest) == 1 else "person"
        name = text[rest[0].start : rest[-1].end]
        return [
            NameMention(toks[0].start, toks[-1].end, name, cat, gender=gender, first_token=i, last_token=j)
        ]
    of_at = next((k for k, t in enumerate(toks) if t.lower in ("of", "from", "at") and k >= 2), -1)
    if of_at > 0 and not any(t.text in heads for t in toks[:of_at]) and all(t.is_cap for t in toks[:of_at]):
        right = classify(text, tokens, i + of_at + 1, j, sent_start)
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
    # Title split: the words after the last title word are the name.
    last_title = -1
    if not has_head:
        for k, t in enumerate(toks):
            if _is_title_token(t) and (k < len(toks) - 1 or t.lower.rstrip(".") in wl.title_heads()):
                last_title = k
    if last_title >= 0:
        role_toks, name_toks = toks[: last_title + 1], toks[last_title + 1 :]
        aff = None
        aff_text = None
        role_start = 0
        for gi, gj, known, _how in _gaz_cover(tokens, i, i + last_title + 1, text):
            if gi == i + role_start:
                aff, aff_text = known, text[tokens[gi].start : tokens[gj - 1].end]
                role_start = gj - i
        role = " ".join(t.text for t in role_toks[role_start:]) or " ".join(t.text for t in role_toks)
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
        cover = _gaz_cover(tokens, i, j, text)
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
    cover = _gaz_cover(tokens, i, j, text)
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
    if fold(span_text) in wl.places():
        return []
    if len(toks) >= 2 and all(t.is_cap and not t.is_acronym for t in toks):
        return [
            NameMention(
                toks[0].start,
                toks[-1].end,
                span_text,
                "person" if len(toks) <= 4 else "name",
                first_token=i,
                last_token=j,
            )
        ]
    return [NameMention(toks[0].start, toks[-1].end, span_text, "name", first_token=i, last_token=j)]


def locative(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the word before token i is a place preposition ('in Athens', 'to Port Sudan')."""
    k = i - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k < 0:
        return False
    if text[tokens[k].end : tokens[i].start].strip(" ") not in ("", "the"):
        return False
    return tokens[k].lower in _LOCATIVE


def find_names(
    text: str, tokens: list[Token], a: int, b: int, sent_start: int, common: frozenset[str] = frozenset()
) -> list[NameMention]:
    """Every named mention in one sentence, places dropped."""
    out: list[NameMention] = []
    for i, j in chunks(text, tokens, a, b, sent_start, common):
        for m in classify(text, tokens, i, j, sent_start):
            if m.cat in ("name", "person") and locative(text, tokens, m.first_token) and m.cat == "name":
                continue
            if (
                m.cat == "known"
                and m.how == "metonym"
                and (locative(text, tokens, m.first_token) or text[m.end : m.end + 1] == "-")
            ):
                continue
            if m.cat == "name" and fold(m.text) in wl.places():
                continue
            out.append(m)
    return out
