"""Stage 6, statements: the pieces of each speech (quotations, reported clauses, a clause that quotes a
few of its words) become statement records with their speaker, act, span, quote and what they are about."""

from __future__ import annotations

import bisect
import functools
import re

from claimnet.store.model import Statement

from .actors import Doc
from .attribution import Speech
from .draft import Draft, clean
from .entities import Entity
from .quotes import Quote
from .wordlists import org_words


def statement_records(draft: Draft, speeches: list[Speech]) -> None:
    """One statement record per speaker and piece of every speech, in the draft."""
    doc, text, stored, out = draft.doc, draft.doc.text, draft.stored, draft.out
    mention_starts = sorted(doc.at_start)
    seen: set[tuple[str, int, int]] = set()
    sent_starts = [s for s, _ in doc.sentences]
    for sp in speeches:
        pieces = _pieces(text, stored, sp)
        for ent in sp.subject.entities:
            ent = ent.final()
            draft.used.add(ent.id)
            for mode, s, e, quote in pieces:
                if (ent.id, s, e) in seen:
                    continue
                seen.add((ent.id, s, e))
                lo, hi = bisect.bisect_left(mention_starts, s), bisect.bisect_left(mention_starts, e)
                about: list[str] = []
                for pos in mention_starts[lo:hi]:
                    a = doc.at_start[pos][1].final()
                    if a.id != ent.id and a.id not in about:
                        about.append(a.id)
                for other in _described_in(doc, s, e):
                    if other.id != ent.id and other.id not in about:
                        about.append(other.id)  # 'the company', 'the firm' in the words: about it too
                tg = [t.final().id for t in sp.targets if t.final().id != ent.id]
                for t in tg:
                    draft.used.add(t)
                    if t not in about:
                        about.append(t)
                conf = sp.confidence * (0.95 if mode == "quote" else 0.85)
                rec = draft.proposal(
                    Statement.TABLE,
                    Statement.PREFIX,
                    speaker=ent.id,
                    source=draft.source_id,
                    act=sp.act,
                    mode=mode,
                    cue=sp.cue,
                    text=clean(quote if quote is not None else text[s:e])[:400],
                    quote=quote,
                    span=(s, e),
                    said_on=draft.said_on,
                    about=tuple(about),
                    credibility=6,
                    confidence=round(min(1.0, conf), 2),
                )
                draft.targets[rec["id"]] = tg
                draft.sentence_of[rec["id"]] = bisect.bisect_right(sent_starts, sp.sent[0]) - 1
                out.statements.append(rec)


#: Descriptor nouns too vague to stand for one actor inside a statement's words ('the other side').
_VAGUE = frozenset({"side", "house", "body", "community", "network", "team", "center", "centre", "office"})


@functools.cache
def _described() -> re.Pattern[str]:
    """'the company', 'the hospital', 'the utility': an organisation's descriptor noun after 'the'."""
    nouns = set(org_words()["descriptor_class"]) - _VAGUE | {"authorities", "panel"}
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=lambda n: -len(n)))
    return re.compile(rf"\b[Tt]he\s+({alternatives})\b")


def _described_in(doc: Doc, s: int, e: int) -> list[Entity]:
    """The actors that definite descriptions inside a span refer to ('the company had kept …')."""
    out = []
    for m in _described().finditer(doc.text, s, e):
        ent = doc.reg.description(m.group(1), m.start())
        if ent is not None:
            out.append(ent.final())
    return out


#: Verbs that only say: a short clause after them is the words alone ('said pay fell' is 'pay fell').
_PLAIN_SAYING = frozenset({"say", "tell", "add", "write", "state"})


def _pieces(text: str, stored: str, sp: Speech) -> list[tuple[str, int, int, str | None]]:
    """(mode, start, end, quote) for each statement a speech makes."""
    clauses = _clauses_quoting(text, stored, sp)
    if clauses:
        return clauses
    if sp.quotes:
        pieces = [("quote", q.start, q.end, quoted_words(stored, q)) for q in sp.quotes]
        return pieces + [("paraphrase", s, e, None) for s, e in _unquoted_clauses(text, sp)]
    if sp.content and sp.content[1] > sp.content[0]:
        s, e = sp.content
        e = _before_circumstance(text, s, e)
        if len(text[s:e].split()) < 3 and sp.sent[0] <= sp.cue_start < s and sp.lemma not in _PLAIN_SAYING:
            s = sp.cue_start  # 'denied wrongdoing', 'rejected the report' (not 'said pay fell')
        return [("paraphrase", s, _before_apposition(text, s, e), None)]
    return []


_AND_AUX = re.compile(
    r",?\s+and\s+(?=(?:would|will|could|should|must|had|has|have|was|were|is|are|did|does|may|might|can)\s)"
)


def quoted_words(stored: str, q: Quote) -> str:
    """A quotation's exact words with white space folded: a hard wrap inside it is a space."""
    return " ".join(stored[q.start : q.end].split())


def _and_splits(text: str, sp: Speech, s0: int, e0: int) -> list[re.Match[str]]:
    """Where ', and would …' splits a reported clause in two — never inside a quotation."""
    return [m for m in _AND_AUX.finditer(text, s0, e0)
            if not any(q.outer_start < m.start() < q.outer_end for q in sp.quotes)]


def _unquoted_clauses(text: str, sp: Speech) -> list[tuple[int, int]]:
    """Reported clauses without quotation beside one with it: 'said it had X and would “Y”' gives X."""
    if not sp.content:
        return []
    s0, e0 = sp.content
    cuts = [s0] + [x for m in _and_splits(text, sp, s0, e0) for x in (m.start(), m.end())] + [e0]
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
    quoted word or two stays in the paraphrase: 'called the finding “premature”'); a clause that is all
    quotation is that quotation.
    Empty when a quotation stands outside the reported clause.
    """
    if not sp.content or not sp.quotes:
        return []
    s0, e0 = sp.content
    if any(q.outer_start < s0 or q.outer_end > e0 for q in sp.quotes):
        return []
    cuts = [s0] + [x for m in _and_splits(text, sp, s0, e0) for x in (m.start(), m.end())] + [e0]
    out: list[tuple[str, int, int, str | None]] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        inside = [q for q in sp.quotes if a <= q.outer_start and q.outer_end <= b]
        rest = text[a:b]
        for q in sorted(inside, key=lambda q: -q.outer_start):
            rest = rest[: q.outer_start - a] + " " + rest[q.outer_end - a :]
        longest = max((len(text[q.start : q.end].split()) for q in inside), default=0)
        if inside and len(re.findall(r"\w+", rest)) < (2 if longest <= 2 else 3):
            out += [("quote", q.start, q.end, quoted_words(stored, q)) for q in inside]
        elif inside:
            q = max(inside, key=lambda q: q.end - q.start)
            quoted = quoted_words(stored, q) if len(text[q.start : q.end].split()) >= 3 else None
            out.append(("quote" if quoted else "paraphrase", a, b, quoted))
        elif len(rest.split()) >= 3:
            out.append(("paraphrase", a, b, None))
    return out


_APPOSITION = re.compile(r"(?<=[A-Za-z0-9)])(?:,\s+(?:a|an)\s+\w|,\s+(?:which|who)\s)")


_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|on|at|via|through|during)\s+(?:(?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:statement|interview|voice message|message|letter|video|briefing|news conference|conference|"
    r"speech|email|e-mail|call|broadcast|hearing|filing)|(?:a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}?post)\b"
)  # ('a post' on social media; 'would stay in his post' is the job he holds)


def _before_circumstance(text: str, s: int, e: int) -> int:
    """Where a reported clause ends before how it was said: 'denied any role in a voice message sent to
    journalists on Thursday' reports 'any role'."""
    m = _CIRCUMSTANCE.search(text, s, e)
    return m.start() if m and len(text[s : m.start()].split()) >= 2 else e


def _before_apposition(text: str, s: int, e: int) -> int:
    """Where a reported clause ends when a name in it is described after a comma ('… operated by Bastion
    Veldt, a South African security company that …'): the description is background, not the claim."""
    for m in _APPOSITION.finditer(text, s, e):
        before = text[max(s, m.start() - 40) : m.start()].split()
        if _RESUMED.match(text, m.end(), e):
            continue  # the clause goes on after it: 'the inspector Tomas Brill, who was sacked, had taken …'
        if before and before[-1][:1].isupper() and len(text[s : m.start()].split()) >= 4:
            return m.start()
    return e


#: A clause resumed after an apposition set off in it: ', had taken bribes', ', was paid'.
_RESUMED = re.compile(r"[^,;:“”\"]*,\s+(?:had|has|have|was|were|is|are|will|would|could|did|can|must|should|"
                      r"may|might|never|also|(?!based\b|located\b|headquartered\b)\w+ed)\b")
