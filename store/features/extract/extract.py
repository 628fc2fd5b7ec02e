"""The importer's extraction entry point: article text in, proposed claim network out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from claimnet.store.model import Actor, Evidence, Link, Statement, defaults
from claimnet.store.model.ids import new_id, now

from . import wordlists as wl
from .actors import Doc, resolve_sentence
from .acts import refine_acts
from .attribution import Speech, find_speeches, no_comment
from .entities import Entity, Registry
from .evidence import find_evidence
from .links import propose_links, side_of
from .normalise import working_text
from .org_kinds import looks_gov, looks_reg, org_class
from .quote_owners import assign_quotes
from .quotes import find_quotes
from .retellings import merge_retellings
from .sentences import paragraphs, sentences
from .sources import Subject
from .textutil import fold, tokenize

_TEMPLATES: dict[str, dict[str, Any]] = {}
#: The consistency weight a proposed link carries by its type (the seed network's convention).
LINK_WEIGHTS = {"denies": -2, "contradicts": -1, "supports": 1}


def _record(table: str, **fields: Any) -> dict[str, Any]:
    """A record dict in exactly the store's to_dict() shape: the table's defaults with these fields set."""
    if table not in _TEMPLATES:
        _TEMPLATES[table] = defaults(table)
    out = dict(_TEMPLATES[table])
    for k, v in fields.items():
        if k not in out:
            raise KeyError(f"{table} has no field {k!r}")
        out[k] = list(v) if isinstance(v, tuple) else v
    return out


@dataclass(slots=True)
class Extraction:
    """A proposed claim network: record dicts in the store's JSON shape, plus actor confidences and spans."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    actor_confidence: dict[str, float] = field(default_factory=dict)
    actor_spans: dict[str, list[list[int]]] = field(default_factory=dict)
    link_confidence: dict[str, float] = field(default_factory=dict)


def _orphans(doc: Doc, speeches: list[Speech], leftover: list) -> list[Speech]:
    """Quotations standing alone in their sentence take the speaker of the speech just before them."""
    out: list[Speech] = []
    paras = paragraphs(doc.text)
    para_starts = [p[0] for p in paras]
    sent_starts = [s for s, _ in doc.sentences]
    cue_positions = [sp.cue_start for sp in speeches]
    for q in leftover:
        k = max(0, bisect.bisect_right(sent_starts, q.start) - 1)
        sent = doc.sentences[k]
        body = len(re.sub(r"\s", "", doc.text[sent[0] : sent[1]]))
        if body == 0 or (q.end - q.start) < 0.5 * body:
            continue
        j = bisect.bisect_left(cue_positions, q.start) - 1
        if j < 0:
            continue
        prev = speeches[j]
        pk = bisect.bisect_right(para_starts, q.start) - 1
        same_para = pk >= 0 and prev.cue_start >= para_starts[pk]
        prev_para = pk >= 1 and prev.cue_start >= para_starts[pk - 1]
        if not (same_para or prev_para):
            continue
        conf = (0.8 if same_para else 0.6) * prev.subject.confidence
        subj = Subject(list(prev.subject.entities), -1, -1, conf, "inherited")
        sp = Speech(
            prev.cue_start,
            prev.cue_end,
            prev.cue,
            prev.act if prev.act != "response" else "claim",
            prev.lemma,
            subj,
            sent,
            (q.start, q.end),
            quotes=[q],
            confidence=conf,
        )
        out.append(sp)
    return out


def _described_as(e: Entity, head: str) -> bool:
    """Whether a named organisation is what a descriptor says ('regulator' of the Office of Rail and Road)."""
    cls = wl.org_words()["descriptor_class"].get(head)
    if not e.is_org or cls is None:
        return False
    if cls == "regulator":
        return looks_reg(e)
    return looks_gov(e) if cls == "government" else org_class(e) == cls


def _merge_placeholders(reg: Registry) -> None:
    """A description used before its name ('the sister of …') joins the actor named later."""
    named = sorted((e for e in reg.live() if not e.placeholder), key=lambda e: e.first_pos)
    starts = [e.first_pos for e in named]  # merging placeholders leaves these live
    for ph in [e for e in reg.entities if e.placeholder and e.merged_into is None]:
        for e in named[bisect.bisect_right(starts, ph.first_pos) :]:  # the earliest fitting one wins
            if _names_placeholder(ph, e):
                reg.merge(ph, e)  # which may move e's first mention earlier: keep the order true
                named.sort(key=lambda x: x.first_pos)
                starts = [x.first_pos for x in named]
                break


def _names_placeholder(ph: Entity, e: Entity) -> bool:
    """Whether a named actor, first mentioned after a placeholder, is the one it described."""
    if (ph.kind == "person") != (e.kind == "person"):
        return False
    named_in_full = fold(e.name).endswith(" " + fold(ph.name))
    if not e.speaker and not named_in_full:
        return False
    if e.kind == "person":
        return e.name.lower() not in ph.name.lower()
    return named_in_full or ph.placeholder in e.tags or _described_as(e, ph.placeholder or "")


_CALLS_ITSELF = re.compile(
    r",\s+(?:which|who)\s+(?:calls|called|call|describes|described)\s+(?:itself|themselves)\s+(?:the\s+)?"
)


def _merge_self_named(doc: Doc) -> None:
    """A group described and then named by itself ('The group, which calls itself the Rovuma Liberation
    Movement (RLM), denied …', 'an armed group' before it) is the named one."""
    reg = doc.reg
    for m in _CALLS_ITSELF.finditer(doc.text):
        named = doc.at_start.get(m.end())
        if named is None:
            continue
        before = doc.at_end.get(m.start())
        described = before[1] if before else reg.most_recent(
            lambda e: "unnamed" in e.tags and e.kind in ("group", "organisation"), m.start())
        if described is None or described.final() is named[1].final() or described.kind == "person":
            continue
        kept = named[1].final()
        reg.merge(described, kept)
        kept.tags.discard("unnamed")


_AND_AUX = re.compile(
    r",?\s+and\s+(?=(?:would|will|could|should|must|had|has|have|was|were|is|are|did|does|may|might|can)\s)"
)


def _unquoted_clauses(text: str, sp: Speech) -> list[tuple[int, int]]:
    """Reported clauses without quotation beside one with it: 'said it had X and would “Y”' gives X."""
    if not sp.content:
        return []
    s0, e0 = sp.content
    cuts = [s0] + [x for m in _AND_AUX.finditer(text, s0, e0) for x in (m.start(), m.end())] + [e0]
    out = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        quoted = any(q.outer_start < b and a < q.outer_end for q in sp.quotes)
        if not quoted and len(text[a:b].split()) >= 3:
            out.append((a, b))
    return out if len(out) < (len(cuts) // 2) else []


def _clauses_quoting(text: str, stored: str, sp: Speech) -> list[tuple[str, int, int, str | None]]:
    """The reported clauses of a speech whose quotations all lie inside them, one statement each.

    A clause that quotes a few of its words ('accused X of shelling «to turn the people»') is one
    statement spanning the clause, holding the longest quotation when it has three words or more (a
    quoted word or two stays in the paraphrase); a clause that is all quotation is that quotation.
    Empty when a quotation stands outside the reported clause.
    """
    if not sp.content or not sp.quotes:
        return []
    s0, e0 = sp.content
    if any(q.outer_start < s0 or q.outer_end > e0 for q in sp.quotes):
        return []
    cuts = [s0] + [x for m in _AND_AUX.finditer(text, s0, e0) for x in (m.start(), m.end())] + [e0]
    out: list[tuple[str, int, int, str | None]] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        inside = [q for q in sp.quotes if a <= q.outer_start and q.outer_end <= b]
        rest = text[a:b]
        for q in sorted(inside, key=lambda q: -q.outer_start):
            rest = rest[: q.outer_start - a] + " " + rest[q.outer_end - a :]
        if inside and len(re.findall(r"\w+", rest)) < 3:
            out += [("quote", q.start, q.end, stored[q.start : q.end]) for q in inside]
        elif inside:
            q = max(inside, key=lambda q: q.end - q.start)
            quoted = stored[q.start : q.end] if len(text[q.start : q.end].split()) >= 3 else None
            out.append(("quote" if quoted else "paraphrase", a, b, quoted))
        elif len(rest.split()) >= 3:
            out.append(("paraphrase", a, b, None))
    return out


def _rests_on(reason: str, words: str) -> str:
    """A proposed link's note: why it was proposed and the words it rests on."""
    short = words if len(words) <= 90 else words[:89].rstrip() + "…"
    return f"{reason}: “{short}”" if short else reason


_APPOSITION = re.compile(r"(?<=[A-Za-z0-9)])(?:,\s+(?:a|an)\s+\w|,\s+(?:which|who)\s)")


def _before_apposition(text: str, s: int, e: int) -> int:
    """Where a reported clause ends when a name in it is described after a comma ('… operated by Bastion
    Veldt, a South African security company that …'): the description is background, not the claim."""
    for m in _APPOSITION.finditer(text, s, e):
        before = text[max(s, m.start() - 40) : m.start()].split()
        if before and before[-1][:1].isupper() and len(text[s : m.start()].split()) >= 4:
            return m.start()
    return e


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return text[:1].upper() + text[1:] if text else text


def extract(
    text: str, *, source_id: str, known_actors: Sequence[dict[str, Any]] = (), said_on: str | None = None
) -> Extraction:
    """Propose the claim network of a news article: actors, statements, evidence, links."""
    stored, text = text, working_text(text)
    quotes = find_quotes(text)
    sents = sentences(text, [(q.outer_start, q.outer_end) for q in quotes])
    tokens = tokenize(text)
    common = frozenset(t.lower for t in tokens if t.text.islower())
    reg = Registry(known_actors)
    doc = Doc(text, tokens, sents, quotes, reg, common)
    speeches: list[Speech] = []
    for sent in sents:
        resolve_sentence(doc, sent)
        speeches.extend(find_speeches(doc, sent, speeches))
        no_comment(doc, sent)
    leftover = assign_quotes(doc, speeches)
    speeches = sorted(
        speeches + _orphans(doc, speeches, leftover), key=lambda sp: (sp.content or (sp.cue_start,))[0]
    )
    _merge_placeholders(reg)
    _merge_self_named(doc)
    return _records(doc, speeches, source_id, said_on, stored)


def _records(
    doc: Doc, speeches: list[Speech], source_id: str, said_on: str | None, stored: str
) -> Extraction:
    """Turn speeches, entities and evidence into store-shaped record dicts (quotes as stored)."""
    text = doc.text
    ts = now()
    out = Extraction()
    mention_starts = sorted(doc.at_start)
    seen: dict[tuple[str, int, int], dict[str, Any]] = {}
    targets: dict[str, list[str]] = {}
    sentence_of: dict[str, int] = {}
    sent_starts = [s for s, _ in doc.sentences]
    used: set[str] = set()
    for sp in speeches:
        pieces: list[tuple[str, int, int, str | None]] = []
        clauses = _clauses_quoting(text, stored, sp)
        if clauses:
            pieces = clauses
        elif sp.quotes:
            pieces = [("quote", q.start, q.end, stored[q.start : q.end]) for q in sp.quotes]
            pieces += [("paraphrase", s, e, None) for s, e in _unquoted_clauses(text, sp)]
        elif sp.content and sp.content[1] > sp.content[0]:
            s, e = sp.content
            if len(text[s:e].split()) < 3 and sp.cue_start < s:
                s = sp.cue_start
            pieces = [("paraphrase", s, _before_apposition(text, s, e), None)]
        for ent in sp.subject.entities:
            ent = ent.final()
            used.add(ent.id)
            for mode, s, e, quote in pieces:
                key = (ent.id, s, e)
                if key in seen:
                    continue
                lo, hi = bisect.bisect_left(mention_starts, s), bisect.bisect_left(mention_starts, e)
                about = []
                for pos in mention_starts[lo:hi]:
                    a = doc.at_start[pos][1].final()
                    if a.id != ent.id and a.id not in about:
                        about.append(a.id)
                tg = [t.final().id for t in sp.targets if t.final().id != ent.id]
                for t in tg:
                    used.add(t)
                    if t not in about:
                        about.append(t)
                conf = sp.confidence * (0.95 if mode == "quote" else 0.85)
                rec = _record(
                    Statement.TABLE,
                    id=new_id(Statement.PREFIX),
                    created=ts,
                    updated=ts,
                    speaker=ent.id,
                    source=source_id,
                    act=sp.act,
                    mode=mode,
                    cue=sp.cue,
                    text=_clean(quote if quote is not None else text[s:e])[:400],
                    quote=quote,
                    span=(s, e),
                    said_on=said_on,
                    about=tuple(about),
                    credibility=6,
                    status="proposed",
                    origin="extracted",
                    confidence=round(min(1.0, conf), 2),
                )
                seen[key] = rec
                targets[rec["id"]] = tg
                sentence_of[rec["id"]] = bisect.bisect_right(sent_starts, sp.sent[0]) - 1
                out.statements.append(rec)
    by_start = sorted(out.statements, key=lambda s: s["span"][0])
    st_starts = [s["span"][0] for s in by_start]
    for f in find_evidence(text, doc.sentences, [(q.outer_start, q.outer_end) for q in doc.quotes]):
        k = bisect.bisect_right(st_starts, f.start)
        holder = next((s for s in reversed(by_start[max(0, k - 8) : k]) if f.end <= s["span"][1]), None)
        rec = _record(
            Evidence.TABLE,
            id=new_id(Evidence.PREFIX),
            created=ts,
            updated=ts,
            text=_clean(text[f.start : f.end]),
            kind=f.kind,
            quantity=f.quantity,
            reported_by=holder["speaker"] if holder else None,
            source=source_id,
            span=(f.start, f.end),
            credibility=6,
            status="proposed",
            origin="extracted",
            confidence=round(f.confidence * (1.0 if holder else 0.85), 2),
        )
        sentence_of[rec["id"]] = bisect.bisect_right(sent_starts, f.start) - 1
        out.evidence.append(rec)
    live = [e for e in doc.reg.live()]
    affiliation = {e.id: e.affiliation for e in live}
    kinds = {e.id: e.kind for e in live}
    sentence_texts = [text[a:b] for a, b in doc.sentences]
    for gone, kept in merge_retellings(out.statements).items():
        targets[kept] = list(dict.fromkeys([*targets.get(kept, []), *targets.pop(gone, [])]))
    refine_acts(out.statements, side_of(affiliation))
    words_of = {r["id"]: r["text"] for r in out.statements + out.evidence}
    for p in propose_links(
        out.statements, out.evidence, affiliation, kinds, targets, sentence_of, sentence_texts
    ):
        rec = _record(
            Link.TABLE,
            id=new_id(Link.PREFIX),
            created=ts,
            updated=ts,
            type=p.type,
            weight=LINK_WEIGHTS.get(p.type),
            note=_rests_on(p.note, words_of.get(p.src, "")),
            status="proposed",
            origin="extracted",
            confidence=round(p.confidence, 2),
        )
        rec["from"], rec["to"] = p.src, p.dst
        out.links.append(rec)
        out.link_confidence[rec["id"]] = rec["confidence"]
    _actors(doc, out, used, ts)
    return out


def _actors(doc: Doc, out: Extraction, used: set[str], ts: str) -> None:
    """Actor records for the new entities worth proposing (mentioned by name, speaking or accused)."""
    live = doc.reg.live()
    ids = {e.id for e in live}
    by_id = doc.reg.by_id
    owners = {by_id[e.affiliation].final().id for e in live if e.affiliation in by_id}
    about = {a for st in out.statements for a in st["about"]}
    reporters = {ev["reported_by"] for ev in out.evidence}
    for e in live:
        if not e.spans and e.id not in used:
            continue
        if e.kind == "media" and e.id not in used | owners | reporters | about:
            continue  # only told or shown something ('told the BBC', 'seen by Reuters'): no part in it
        if e.placeholder and e.id not in used:
            continue
        if e.kind == "state" and 0 < e.mentions <= e.placed and e.id not in used | owners:
            continue  # only ever a place: 'companies registered in Cyprus'
        out.actor_spans[e.id] = [list(s) for s in sorted(set(e.spans))]
        out.actor_confidence[e.id] = round(
            e.confidence if e.id in used or e.mentions > 1 else e.confidence * 0.8, 2
        )
        if e.known:
            continue
        aff = by_id[e.affiliation].final().id if e.affiliation in by_id else None
        aff = aff if aff in ids and aff != e.id else None
        if aff is None and e.aff_name:
            found = doc.reg.lookup(e.aff_name)
            aff = (
                found.id
                if found is not None and found.id in out.actor_spans or (found is not None and found.spans)
                else None
            )
        out.actors.append(
            Actor(
                id=e.id,
                created=ts,
                updated=ts,
                name=e.name,
                kind=e.kind if e.kind in ("person", "state", "organisation", "group", "media") else "unknown",
                aliases=tuple(a for a in e.aliases if a != e.name),
                affiliation=aff,
                role=e.role,
                reliability="F",
                status="proposed",
                origin="extracted",
                confidence=out.actor_confidence[e.id],
            ).to_dict()
        )
    listed = {a["id"] for a in out.actors} | {e.id for e in live if e.known}
    for a in out.actors:
        if a["affiliation"] not in listed:
            a["affiliation"] = None
