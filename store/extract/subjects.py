"""Who is speaking: the subject before a reporting verb, or after it in an inverted attribution."""

from __future__ import annotations

import re

from store.extract import wordlists as wl
from store.extract.actors import Doc, lower_org_at
from store.extract.entities import Entity
from store.extract.sources import Subject, group_np

_AUX = (
    r"has|have|had|also|again|repeatedly|previously|already|long|later|earlier|once|still|both|all|too|then|now|"
    r"would|will|could|may|might|must|should|can|did|does|do|not|never|itself|himself|herself|themselves|"
    r"however|meanwhile|first|last|since|was quoted as|were quoted as|is quoted as|quoted as|"
    r"swiftly|separately|"
    r"on \w+day|on [A-Z][a-z]+ \d+|in [A-Z][a-z]+|last (?:week|month|year|night)|this (?:week|month|year)|"
    r"earlier this (?:week|month|year)|"
    r"(?:in|on|at|during) (?:a|an|the|its|his|her|their) [\w\s'’-]{0,30}?"
    r"(?:statement|briefing|interview|post|letter|speech|report|note|address|conference|hearing|session|"
    r"filing|message)|"
    r"(?!(?:family|assembly|ally|supply|rally|reply|anomaly|italy|july|kelly|emily|holly|molly)\b)[a-z]{3,}ly|"
    r"and (?:others|other \w+|its allies|their allies)"
)
_GAP_RE = re.compile(rf"(?:^|[\s,])(?:{_AUX})\s*$")
_QUALIFIER_RE = re.compile(
    r"\s+(?:familiar with|close to|briefed on|with (?:direct )?knowledge of|involved in|"
    r"knowledgeable about|aware of)"
    r"(?:\s+[\w'’-]+){1,5}\s*$"
)
_PRONOUN_RE = re.compile(r"(?:^|[\s,(“\"])(he|she|they|it|He|She|They|It)\s*$")
_RELATIVE_RE = re.compile(r"(?:^|[\s,])(who|which)\s*$")
_APPOS_START = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "who",
        "which",
        "whose",
        "where",
        "now",
        "then",
        "once",
        "formerly",
        "also",
    }
)
_RELATIONAL = frozenset(
    [
        "sister",
        "brother",
        "wife",
        "husband",
        "son",
        "daughter",
        "mother",
        "father",
        "widow",
        "widower",
        "nephew",
        "niece",
        "cousin",
        "aunt",
        "uncle",
        "aide",
        "ally",
        "friend",
        "rival",
        "lawyer",
        "founder",
        "owner",
        "partner",
        "boss",
        "successor",
        "predecessor",
    ]
)


def _strip_gap(left: str) -> tuple[str, str]:
    """Remove auxiliaries, adverbs and time phrases from the end of a left context; return any qualifier."""
    qualifier = ""
    while True:
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


def _coordinated(doc: Doc, first: tuple[int, Entity], lo: int) -> list[tuple[int, Entity]]:
    """Mentions joined to a subject by commas and 'and' ('The US, South Korea and others')."""
    out = [first]
    start = first[0]
    while True:
        left = doc.text[lo:start]
        m = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", left)
        if not m:
            break
        hit = doc.at_end.get(lo + m.start())
        if not hit or hit[0] < lo:
            break
        out.append((hit[0], hit[1]))
        start = hit[0]
    return out


def _description(doc: Doc, text: str, end: int, lo: int) -> Subject | None:
    """A definite description ending at `end`: 'the minister', 'The regulator', 'Sudan's army'."""
    seg = text[lo:end]
    bounds = [m.start() for m in re.finditer(r"(?<!\S)\S", seg)][-4:]
    for b in bounds:
        org = lower_org_at(doc, lo + b, end, lo)
        if org is not None:
            return Subject([org], lo + b, end, 0.8, "description")
    m = re.search(
        r"(?:^|[\s,])([Tt]he|[Tt]his|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)$",
        seg,
    )
    if not m:
        return None
    head = m.group(3)
    s = lo + m.start(1)
    if head in ("report", "study", "survey", "statement", "ruling", "investigation", "audit", "review"):
        author = doc.reg.report_author
        if author is not None:
            return Subject([author], s, end, 0.7, "document")
        return None
    descr = wl.org_words()["descriptor_class"]
    if head in descr or head in wl.title_heads() or head in wl.title_words():
        ent = doc.reg.description(head, s)
        if ent is not None:
            return Subject([ent], s, end, 0.75, "description")
    return None


def _relational(doc: Doc, hit_start: int, lo: int) -> Subject | None:
    """'The influential sister of X': the speaker is not X but someone described through X."""
    seg = doc.text[lo:hit_start]
    m = re.search(
        r"(?:^|\s)([Tt]he|[Aa]n?)\s+((?:[\w-]+\s+){0,3}?)([a-z][\w-]*)\s+of\s+(?:the\s+)?((?:[\w-]+\s+){0,3})$",
        seg,
    )
    if not m:
        return None
    head = m.group(3)
    if head not in _RELATIONAL and head not in wl.title_heads():
        return None
    start = lo + m.start(1)
    desc = doc.text[
        lo + m.start(2) if m.group(2) else lo + m.start(3) : doc.at_start.get(hit_start, (hit_start,))[0]
    ]
    desc = re.sub(
        r"^(?:influential|powerful|top|senior|former|late|younger|elder|older)\s+", "", desc.strip()
    )
    target = doc.at_start.get(hit_start)
    owner = target[1] if target else None
    if owner is not None and head in wl.title_heads():
        ent = doc.reg.most_recent(
            lambda e: e.kind == "person" and e.affiliation == owner.id and head in (e.role or ""), start
        )
        if ent is not None:
            return Subject([ent], start, target[0] if target else hit_start, 0.7, "description")
    kind = "person"
    ent = doc.reg.create(desc, kind, 0.6, placeholder=head, role=desc)
    doc.reg.mention(ent, start, target[0] if target else hit_start)
    return Subject([ent], start, target[0] if target else hit_start, 0.6, "placeholder")


def subject_before(doc: Doc, lo: int, cue_start: int, depth: int = 0) -> Subject | None:
    """The subject of a reporting verb at `cue_start`, looking left inside its sentence from `lo`."""
    text = doc.text
    left, qualifier = _strip_gap(text[lo:cue_start])
    end = lo + len(left)
    if end <= lo:
        return None
    if left.endswith((",", " -", " —", "–")) and depth < 3:
        return _after_appositive(doc, lo, end, depth)
    pm = _PRONOUN_RE.search(left)
    if pm:
        ent = doc.reg.pronoun(pm.group(1), lo + pm.start(1))
        if ent is None:
            return None
        return Subject([ent], lo + pm.start(1), end, 0.8, "pronoun")
    rm = _RELATIVE_RE.search(left)
    if rm:
        ante = doc.reg.most_recent(lambda e: e.kind != "state", lo + rm.start(1))
        if ante is not None and ante.last_pos >= lo:
            return Subject([ante], lo + rm.start(1), end, 0.75, "relative")
        return None
    hit = doc.at_end.get(end)
    if hit and hit[0] >= lo:
        rel = _relational(doc, hit[0], lo)
        if rel is not None:
            return rel
        coords = _coordinated(doc, (hit[0], hit[1]), lo)
        ents = []
        for _, e in reversed(coords):
            if e not in ents:
                ents.append(e)
        return Subject(ents, min(p for p, _ in coords), end, 0.95 if len(ents) == 1 else 0.85, "name")
    role = doc.roles.get(end)
    if role and role[0] >= lo:
        ent = doc.reg.description(role[1].split()[-1], role[0])
        if ent is not None:
            return Subject([ent], role[0], end, 0.75, "description")
    grp = group_np(doc, text, end, lo, qualifier)
    if grp is not None:
        return grp
    desc = _description(doc, text, end, lo)
    if desc is not None:
        return desc
    pend = doc.pending.get(end)
    if pend and pend[0] >= lo:
        ent = doc.reg.get_or_create(pend[1], "organisation", 0.6)
        doc.note(ent, pend[0], end, pend[1])
        return Subject([ent], pend[0], end, 0.7, "name")
    return None


def _after_appositive(doc: Doc, lo: int, end: int, depth: int) -> Subject | None:
    """Skip a phrase set off by commas or dashes between a subject and its verb."""
    text = doc.text
    mark = text[end - 1]
    inner_end = end - 1 if mark == "," else end - 2
    opener = "," if mark == "," else "-"
    prev = text.rfind(opener, lo, inner_end)
    if mark != "," and prev < 0:
        prev = text.rfind("—", lo, inner_end)
    seg_start = prev + 1 if prev >= 0 else lo
    seg = text[seg_start:inner_end].strip()
    first = seg.split(" ", 1)[0].lower().replace("’", "'") if seg else ""
    if prev >= 0 and (first in _APPOS_START or first[:1].isdigit() or first.endswith("'s")):
        return subject_before(doc, lo, prev, depth + 1)
    inner = subject_before(
        doc, seg_start, text.rfind(seg[-1:], seg_start, inner_end) + 1 if seg else inner_end, depth + 1
    )
    if inner is not None:
        return inner
    if prev >= 0:
        return subject_before(doc, lo, prev, depth + 1)
    return None


def subject_after(doc: Doc, cue_end: int, hi: int) -> Subject | None:
    """An inverted subject right after the verb: '…,” said Selin Aydemir' or '…, said a senior official'."""
    text = doc.text
    i = cue_end
    while i < hi and text[i] == " ":
        i += 1
    hit = doc.at_start.get(i)
    if hit and hit[0] <= hi:
        return Subject([hit[1]], i, hit[0], 0.95, "name")
    m = re.match(
        r"(?:the|a|an|one of the|two|three|several)?\s*((?:[\w'’-]+\s+){0,5}?[\w'’-]+?)"
        r"(?=[,.;]|\s+(?:who|which|familiar|close|briefed|speaking|in|at|on|from|for|to)\b|$)",
        text[i:hi],
    )
    if not m or not m.group(1):
        return None
    end = i + m.end(1)
    tail = text[end:hi]
    qm = re.match(r"\s+((?:familiar with|close to|briefed on)(?:\s+[\w'’-]+){1,4})", tail)
    grp = group_np(doc, text, end, i, qm.group(1) if qm else "")
    if grp is not None:
        return grp
    pend = doc.pending.get(end)
    if pend:
        ent = doc.reg.get_or_create(pend[1], "organisation", 0.6)
        doc.note(ent, pend[0], end, pend[1])
        return Subject([ent], pend[0], end, 0.7, "name")
    return _description(doc, text, end, i)
