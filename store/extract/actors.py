"""Actor mentions of one sentence turned into entities: names, titles, affiliations and descriptors."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from store.extract import wordlists as wl
from store.extract.entities import Entity, Registry, gender_from_role
from store.extract.names import NameMention, find_names
from store.extract.quotes import Quote
from store.extract.textutil import Token, fold

_DETS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_STOP_ROLE = frozenset(
    {"the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "by", "with", "for", "from", "that", "as"}
)
_ORG_MODIFIERS = frozenset(
    [
        "defence",
        "defense",
        "foreign",
        "interior",
        "finance",
        "economy",
        "commerce",
        "trade",
        "justice",
        "health",
        "energy",
        "education",
        "transport",
        "environment",
        "agriculture",
        "labour",
        "labor",
        "culture",
        "information",
        "unification",
        "home",
    ]
)
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]")


@dataclass(slots=True)
class Doc:
    """Everything the extraction passes share about one text."""

    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    quotes: list[Quote]
    reg: Registry
    common: frozenset[str] = frozenset()
    starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    at_end: dict[int, tuple[int, Entity]] = field(default_factory=dict)
    at_start: dict[int, tuple[int, Entity]] = field(default_factory=dict)
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)
    roles: dict[int, tuple[int, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        self.quote_starts = [q.outer_start for q in self.quotes]

    def token_range(self, s: int, e: int) -> tuple[int, int]:
        """Indexes [a, b) of the tokens inside [s, e)."""
        return bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation whose marks enclose a position, if any."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        if k >= 0 and self.quotes[k].outer_start <= pos < self.quotes[k].outer_end:
            return self.quotes[k]
        return None

    def quote_before(self, pos: int) -> Quote | None:
        """The last quotation that opens before a position, if any."""
        k = bisect.bisect_left(self.quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 else None

    def note(self, ent: Entity, start: int, end: int, surface: str | None = None) -> Entity:
        """Record a resolved mention so subject search can find it by its offsets."""
        ent = self.reg.mention(ent, start, end, surface)
        self.at_end[end] = (start, ent)
        self.at_start[start] = (end, ent)
        return ent


def _role_left(doc: Doc, first_token: int, sent_start: int) -> tuple[str | None, int]:
    """Lower-case role words right before a name ('defence minister', 'ministry spokesperson')."""
    toks = doc.tokens
    k = first_token - 1
    words: list[Token] = []
    titles = wl.title_words()
    while k >= 0 and toks[k].start >= sent_start and len(words) < 6:
        t = toks[k]
        if doc.text[t.end : toks[k + 1].start] not in (" ", "-") if k + 1 < len(toks) else True:
            break
        low = t.lower
        if low in _STOP_ROLE or t.is_possessive or (t.is_cap and low not in titles):
            break
        words.append(t)
        k -= 1
    words.reverse()
    if not words or not any(w.lower in titles for w in words):
        return None, first_token
    return " ".join(w.text for w in words), first_token - len(words)


def _affiliation_before(doc: Doc, tok_index: int, sent_start: int) -> Entity | None:
    """The actor named right before role words: 'South Korean', 'Hungary's', 'US Security Council'."""
    if tok_index <= 0:
        return None
    t = doc.tokens[tok_index - 1]
    end = t.end
    if t.is_possessive and tok_index >= 2:
        end = doc.tokens[tok_index - 2].end
    hit = doc.at_end.get(end)
    if hit and hit[0] >= sent_start:
        return hit[1]
    return None


def _descriptor_left(doc: Doc, first_token: int) -> str | None:
    """A lower-case descriptor noun right before a name ('airline SkyBridge', 'group Which?')."""
    if first_token <= 0:
        return None
    t = doc.tokens[first_token - 1]
    if doc.text[t.end : doc.tokens[first_token].start] != " ":
        return None
    return t.lower if t.lower in wl.org_words()["descriptor_class"] else None


def _appositive(doc: Doc, m_start: int, m_end: int, sent_end: int) -> str | None:
    """The descriptive phrase set off by commas right after a mention ('…, the group's head of research,')."""
    text = doc.text
    if text[m_end : m_end + 2] == ", ":
        stop = min(
            (i for i in (text.find(",", m_end + 2, sent_end), text.find(".", m_end + 2, sent_end)) if i >= 0),
            default=sent_end,
        )
        seg = text[m_end + 2 : stop].strip()
        first = seg.split(" ", 1)[0].lower() if seg else ""
        if first in _DETS or first.endswith("'s") or first.endswith("’s"):
            return seg
    return None


def _appositive_before(doc: Doc, m_start: int, sent_start: int) -> str | None:
    """The phrase before ', Name' that describes it ('Okafor's lawyer, Marcus Feld')."""
    text = doc.text
    if text[max(sent_start, m_start - 2) : m_start] != ", ":
        return None
    prev = max(
        text.rfind(",", sent_start, m_start - 2), text.rfind("“", sent_start, m_start - 2), sent_start - 1
    )
    seg = text[prev + 1 : m_start - 2].strip()
    first = seg.split(" ", 1)[0] if seg else ""
    if not (first.lower() in _DETS or first.endswith(("'s", "’s"))) or "according" in seg.lower():
        return None
    if seg and len(seg.split()) <= 8:
        return seg
    return None


def _apply_description(doc: Doc, ent: Entity, seg: str, seg_start: int) -> None:
    """Take a role, an affiliation and descriptor tags from a descriptive phrase about an entity."""
    words = [w.strip(",.;:").lower().replace("’", "'") for w in seg.split()]
    titles = wl.title_words()
    descr = wl.org_words()["descriptor_class"]
    if ent.kind == "person":
        if any(w in titles for w in words) and not ent.role:
            role_words = [w for w in seg.split() if w.lower() not in _DETS and not w.endswith(("'s", "’s"))]
            ent.role = " ".join(role_words).strip(" ,") or None
            if ent.gender == "-":
                ent.gender = gender_from_role(ent.role)
        if not ent.affiliation and not ent.aff_name:
            for w in seg.split():
                if w.endswith(("'s", "’s")):
                    owner = w[:-2]
                    if owner.lower() in (
                        "company",
                        "group",
                        "ministry",
                        "regulator",
                        "authority",
                        "firm",
                        "airline",
                    ):
                        found = doc.reg.description(owner.lower(), seg_start)
                    else:
                        found = doc.reg.lookup(owner) or doc.reg.surname(owner, "-", seg_start)
                    if found is not None and found is not ent:
                        ent.affiliation = found.id
                    break
            else:
                if words and words[0] == "its":
                    found = doc.reg.pronoun("it", seg_start)
                    if found is not None:
                        ent.affiliation = found.id
    elif ent.kind != "state":
        for w in words:
            if w in descr:
                ent.tags.add(w)
        if len(words) >= 2 and " ".join(words[-2:]) in descr:
            ent.tags.add(" ".join(words[-2:]))


def _resolve(doc: Doc, m: NameMention, sent: tuple[int, int]) -> Entity | None:
    reg = doc.reg
    if m.cat == "known" and m.known is not None:
        ent = reg.for_known(m.known)
        return doc.note(ent, m.start, m.end, m.text if m.how != "demonym" else None)
    if m.cat in ("person", "surname", "name"):
        role, role_tok = (m.role, m.first_token) if m.role else _role_left(doc, m.first_token, sent[0])
        existing = reg.lookup(m.text)
        if m.cat == "surname" or (m.cat == "name" and existing is None and " " not in m.text):
            ent = existing or reg.surname(m.text, m.gender, m.start)
            if ent is None and m.cat == "surname":
                ent = reg.create(m.text, "person", 0.7, gender=m.gender)
            if ent is None:
                if _CAMEL.match(m.text) or (m.text.isupper() and len(m.text) >= 2):
                    ent = reg.create(m.text, "organisation", 0.6)
                else:
                    doc.pending[m.end] = (m.start, m.text)
                    descr = _descriptor_left(doc, m.first_token)
                    if descr is None:
                        return None
                    ent = reg.create(m.text, "organisation", 0.7)
                    ent.tags.add(descr)
            surface = doc.text[m.start : m.end]
            if ent.gender == "-" and m.gender != "-" and ent.kind == "person":
                ent.gender = m.gender
            return doc.note(ent, m.start, m.end, surface)
        if m.cat == "name" and existing is None:
            doc.pending[m.end] = (m.start, m.text)
            return None
        descr = _descriptor_left(doc, m.first_token) if existing is None else None
        if descr and wl.org_words()["descriptor_class"].get(descr) in (
            "company",
            "group",
            "regulator",
            "media",
        ):
            ent = reg.create(
                m.text, "media" if descr in ("newspaper", "broadcaster") else "organisation", 0.8
            )
            ent.tags.add(descr)
            return doc.note(ent, m.start, m.end, doc.text[m.start : m.end])
        ent = existing or reg.create(m.text, "person", 0.85, gender=m.gender)
        if role and not ent.role:
            ent.role = role
            if ent.gender == "-":
                ent.gender = gender_from_role(role)
        if not ent.affiliation:
            aff = (
                reg.for_known(m.aff)
                if m.aff
                else reg.lookup(m.aff_text)
                if m.aff_text
                else _affiliation_before(doc, role_tok, sent[0])
            )
            if aff is not None and aff is not ent:
                ent.affiliation = aff.id
        return doc.note(ent, m.start, m.end)
    if m.cat == "org":
        ent = reg.lookup(m.text) or _acronym_match(reg, m.text) or reg.create(m.text, "organisation", 0.85)
        if m.aff and not ent.affiliation:
            aff = reg.for_known(m.aff)
            doc.note(aff, m.start, m.start + len(m.aff_text or ""), None)
            ent.affiliation = aff.id
        descr = _descriptor_left(doc, m.first_token)
        if descr:
            ent.tags.add(descr)
        return doc.note(ent, m.start, m.end, doc.text[m.start : m.end])
    if m.cat == "role":
        doc.roles[m.end] = (m.start, m.role or m.text)
    return None


def _acronym_match(reg: Registry, text: str) -> Entity | None:
    """An organisation whose initials spell an all-capital name (CAA -> Civil Aviation Authority)."""
    if not text.isupper() or len(text) < 2:
        return None
    for e in reversed(reg.entities[-300:]):
        if e.is_org and "".join(w[0] for w in e.name.split() if w[:1].isupper()) == text:
            reg.add_alias(e, text)
            return e
    return None


_LOWER_ORG_CACHE: dict[str, re.Pattern[str]] = {}


def _lower_org_re() -> re.Pattern[str]:
    if "re" not in _LOWER_ORG_CACHE:
        heads = "|".join(re.escape(h) for h in wl.org_words()["lower_heads"])
        _LOWER_ORG_CACHE["re"] = re.compile(rf"(?<![\w'’])(?:the\s+)?((?:[a-z]+\s+){{0,2}}?)({heads})\b")
    return _LOWER_ORG_CACHE["re"]


def lower_org_at(doc: Doc, start: int, end: int, sent_start: int) -> Entity | None:
    """An organisation named in lower case after a state: "Iran's foreign ministry", "the Greek air force"."""
    m = _lower_org_re().fullmatch(doc.text, start, end) if end > start else None
    if m is None:
        return None
    mods, head = m.group(1).strip(), m.group(2)
    owner_end = start - 1 if doc.text[start - 1 : start] == " " else start
    if doc.text[owner_end - 2 : owner_end] in ("'s", "’s"):
        owner_end -= 2
    hit = doc.at_end.get(owner_end)
    state = hit[1] if hit and hit[0] >= sent_start and hit[1].kind == "state" else None
    phrase = f"{mods} {head}".strip()
    if state is None:
        if mods:
            found = doc.reg.description(phrase, start, strict=True)
            if found is not None:
                return found
            if mods.split()[-1] in _ORG_MODIFIERS:
                return doc.reg.get_or_create(phrase, "organisation", 0.6)
            return None
        return doc.reg.description(phrase, start)
    if head in wl.org_words()["state_like_lower"] and not mods:
        return state
    demonym = _demonym(state)
    kind = "media" if head in wl.org_words()["media_lower"] else "organisation"
    ent = doc.reg.get_or_create(f"{demonym} {phrase}", kind, 0.8)
    if not ent.affiliation:
        ent.affiliation = state.id
    surface = doc.text[hit[0] : end] if hit else None
    if surface:
        doc.reg.add_alias(ent, surface)
    return ent


def _demonym(state: Entity) -> str:
    found = wl.gazetteer().get(state.name)
    if found and found[0].demonyms:
        return found[0].demonyms[0]
    return state.name


def _lower_head_words() -> frozenset[str]:
    if "words" not in _LOWER_HEADS:
        _LOWER_HEADS["words"] = frozenset(h.split()[-1] for h in wl.org_words()["lower_heads"])
    return _LOWER_HEADS["words"]


_LOWER_HEADS: dict[str, frozenset[str]] = {}


def resolve_sentence(doc: Doc, sent: tuple[int, int]) -> None:
    """Find and resolve the named mentions of one sentence, in order."""
    a, b = doc.token_range(*sent)
    for m in find_names(doc.text, doc.tokens, a, b, sent[0], doc.common):
        ent = _resolve(doc, m, sent)
        if ent is None:
            continue
        after = _appositive(doc, m.start, m.end, sent[1])
        if after:
            _apply_description(doc, ent, after, m.end + 2)
        before = _appositive_before(doc, m.start, sent[0])
        if before:
            _apply_description(doc, ent, before, m.start - len(before) - 2)
    heads = _lower_head_words()
    if not any(doc.tokens[k].lower in heads for k in range(a, b)):
        return
    for om in _lower_org_re().finditer(doc.text, sent[0], sent[1]):
        s = om.start(1) if om.group(1) else om.start(2)
        if doc.text[max(0, s - 4) : s].strip().endswith(("'s", "’s")) or _prev_is_state(doc, s, sent[0]):
            ent = lower_org_at(doc, s, om.end(), sent[0])
            if ent is not None and ent.kind != "state":
                doc.note(ent, s, om.end())


def _prev_is_state(doc: Doc, s: int, sent_start: int) -> bool:
    hit = doc.at_end.get(s - 1)
    return bool(hit and hit[0] >= sent_start and hit[1].kind == "state")


def fold_key(text: str) -> str:
    """Folded text (re-exported for callers that match descriptors)."""
    return fold(text)
