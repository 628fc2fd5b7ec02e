"""Names that name things, not actors: products ('its FaceMatch system'), treaties and events ('the
Vienna Convention', 'the Cedar Ridge Fire'), vessels ('the container ship Nordic Tern', 'two tankers,
the Jade Orchid') and places ('the site of El Zapotal'). Word lists: assets/wordlists/things.json."""

from __future__ import annotations

import re

from . import wordlists as wl
from .doc import Doc
from .names import NameMention
from .textutil import NAME_GIVEN, fold

__all__ = ["is_product", "names_a_thing"]

_POSS_DET = frozenset({"its", "his", "her", "their", "our"})
#: An opening quotation mark right before a name, and what makes the quoted name a thing's after it.
_QUOTED_BEFORE = re.compile(r"[“\"‘'«„]\Z")
_PRODUCT_AFTER = re.compile(r"[”\"’'»“]\s+(?:brand|label|product|products|range|line|model|app|platform)\b")
_PART_NOUNS = frozenset({"unit", "subsidiary", "division", "arm", "affiliate", "branch", "wing", "faction"})


def is_product(doc: Doc, m: NameMention) -> bool:
    """'its FaceMatch system': a name between a possessive and a common noun names a thing, not an actor, and
    so does a name in quotation marks before a thing's noun ('the "Sel Saloum Iodé" brand')."""
    key = fold(m.text)
    if key in doc.products:
        return True
    quoted = _QUOTED_BEFORE.search(doc.text, max(0, m.start - 2), m.start) is not None
    if quoted and _PRODUCT_AFTER.match(doc.text, m.end):
        doc.products.add(key)
        return True  # 'the company's "Sel Saloum Iodé" brand'

    toks = doc.tokens
    i, j = m.first_token, m.last_token
    if i == 0 or j >= len(toks) or toks[i - 1].lower not in _POSS_DET or toks[j - 1].end != m.end:
        return False
    nxt = toks[j]
    if not nxt.text.isalpha() or not nxt.text.islower() or doc.text[m.end : nxt.start] != " ":
        return False
    if (
        nxt.lower in _PART_NOUNS
        or nxt.lower in wl.org_words()["descriptor_class"]
        or nxt.lower in wl.title_words()
    ):
        return False
    doc.products.add(key)
    return True


def _event_of(words: list[str], things: dict[str, frozenset[str]]) -> bool:
    """'Tour de France', 'Games of the XXXIII Olympiad': an event word, then 'de' or 'of'."""
    return len(words) >= 3 and words[0] in things["event_heads"] and words[1].lower() in ("de", "of", "du")


def names_a_thing(doc: Doc, m: NameMention) -> bool:
    """'the Vienna Convention', 'the Cedar Ridge Fire', 'the container ship Nordic Tern': not actors."""
    things = wl.things()
    ship_title = m.first_token < len(doc.tokens) and doc.tokens[m.first_token].text in things["ship_titles"]
    if (m.cat not in ("person", "name", "org") and not ship_title) or doc.reg.lookup(m.text) is not None:
        return False
    if NAME_GIVEN.search(doc.text, max(0, m.start - 50), m.start):
        return True  # 'a messaging group called “Price Desk”'
    if _spelled_out_in_lower_case(doc, m):
        return True  # 'a temporary restraining order (TRO)', 'penalty charge notices (PCNs)'
    words = m.text.split()
    tails = (words[-1], " ".join(words[-2:]))
    before = _word_before(doc, m.first_token, 1)  # ('Lady' opens the name: 'the bulk carrier Lady Serafina')
    if len(words) >= 2 and any(t in things["document_heads"] for t in tails):
        return True  # 'the Vienna Convention', 'GDPR's Data Protection Regulation'
    event = any(t in things["event_heads"] for t in tails) or _event_of(words, things)
    owned = _WHEN_OWNED.search(doc.text, max(0, m.start - 12), m.start)  # "last month's Lakeshore Marathon"
    if len(words) >= 2 and event and (before == "the" or owned):
        return True  # 'the Cedar Ridge Fire' (but 'Cal Fire said' is a body)
    if before in things["nouns"] and not _names_a_company(doc, m, before) \
            and not _speaks_later(doc, m, before):
        return True
    if before == "the" and m.cat == "person" and not (m.role or m.aff_text) and _after_a_thing_noun(doc, m):
        return True  # 'two tankers, the Jade Orchid and the Amber Kestrel': a person takes no article
    return before == "of" and _word_before(doc, m.first_token, 2) in things["place_nouns"]  # 'the site of X'


#: How far after a product's name its company must speak for the name to be the company's (about a story).
_SPEAKS_WITHIN = 4000


def _speaks_later(doc: Doc, m: NameMention, noun: str) -> bool:
    """Whether a name written after a maker's product noun (things.json 'made_by_namesake': 'delivery app
    Kiranago') later speaks or has people of its own: 'Kiranago said riders …', "Kiranago's chief operating
    officer", "Kurjo's spokesman said": the company behind the app, not the app. A ship or a film never
    does ('The Jade Orchid's captain')."""
    if noun not in wl.things()["made_by_namesake"]:
        return False
    after = re.compile(rf"\b{re.escape(m.text)}(?:['’]s((?:\s+[a-z][\w-]*){{1,3}})|\s+(\w+))")
    for found in after.finditer(doc.text, m.end, m.end + _SPEAKS_WITHIN):
        owned, verb = found.group(1), found.group(2)
        if verb is not None and verb.lower() in wl.reporting_verbs():
            return True
        if owned is not None and set(owned.split()) & wl.title_heads():
            return True
    return False


def _spelled_out_in_lower_case(doc: Doc, m: NameMention) -> bool:
    """Whether an all-capital name is the initials of the lower-case words before its brackets, or of one
    long compound word ('N-nitrosodimethylamine (NDMA)'): a thing the article abbreviates, not a body (whose
    words would be capitalised)."""
    letters = m.text.rstrip("s")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    if doc.text[m.start - 1 : m.start] != "(":
        return False
    words = re.findall(r"[A-Za-z][\w-]*", doc.text[max(0, m.start - 80) : m.start - 1])[-len(letters):]
    initials = "".join(w[0] for w in words).upper()
    if initials == letters and all(w.islower() for w in words):
        return True
    chemical = words[-1] if words else ""  # 'N-nitrosodimethylamine (NDMA)': one long lower-case word
    return (len(chemical) >= 10 and chemical[1:].replace("-", "").islower()
            and (chemical[0].islower() or chemical[1] == "-") and chemical[0].upper() == letters[0])


def _names_a_company(doc: Doc, m: NameMention, noun: str) -> bool:
    """'budget carrier Flyvo' is an airline, 'the aircraft carrier Nimitz' a ship: a noun that is both a
    vessel and a kind of company names a company unless a cargo word comes before it ('bulk carrier')."""
    cargo = _word_before(doc, m.first_token, 2) in wl.things()["cargo_words"]
    return noun in wl.org_words()["descriptor_class"] and not cargo


def _after_a_thing_noun(doc: Doc, m: NameMention, reach: int = 12) -> bool:
    """Whether a vessel or work noun, singular or plural, comes shortly before the name in its clause."""
    nouns = wl.things()["nouns"]
    for tok in reversed(doc.tokens[max(0, m.first_token - reach) : m.first_token]):
        if tok.text in (".", ";", ":"):
            return False
        if tok.lower in nouns or (tok.lower.endswith("s") and tok.lower[:-1] in nouns):
            return True
    return False


#: A time's possessive right before a name: "last month's …", "Sunday's …" (not "California's Cal Fire").
_WHEN_OWNED = re.compile(r"\b(?:day|week|weekend|month|year|season|Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday|yesterday|today)['’]s\s$", re.IGNORECASE)


def _word_before(doc: Doc, i: int, back: int) -> str:
    """The lower-case word ``back`` words before token ``i``, if only spaces lie between (else '')."""
    toks = doc.tokens
    k = i - back
    if k < 0 or any(doc.text[toks[n].end : toks[n + 1].start] != " " for n in range(k, i)):
        return ""
    return toks[k].lower if toks[k].text.islower() or toks[k].text == "The" else ""
