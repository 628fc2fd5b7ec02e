"""Whose words each quotation is: the speech whose reported words hold it, or the one it interrupts,
resumes or sits beside ('the ministry “categorically” rejected …')."""

from __future__ import annotations

import bisect
import dataclasses
import re

from . import wordlists as wl
from .doc import Doc
from .interviewees import answered_by
from .quotes import Quote, translates
from .sentences import paragraphs
from .sources import Subject
from .speech import Speech

__all__ = ["assign_quotes"]


def assign_quotes(doc: Doc, speeches: list[Speech]) -> list[Quote]:
    """Attach each quotation to the innermost speech whose content holds it; return the rest."""
    rest = []
    by_sent: dict[tuple[int, int], list[Speech]] = {}
    for sp in speeches:
        by_sent.setdefault(sp.sent, []).append(sp)
    sent_of = _sentence_index(doc)
    for q in doc.quotes:
        sent = sent_of(q.start)
        best = None
        for sp in by_sent.get(sent, ()):
            inside = sp.content and sp.content[0] <= q.outer_start + 1 and q.end <= sp.content[1] + 1
            if inside and (
                best is None or (sp.content[1] - sp.content[0]) < (best.content[1] - best.content[0])
            ):
                best = sp
        if best is None:
            for sp in by_sent.get(sent, ()):
                if sp.content and sp.content[0] <= q.start < sp.content[1]:
                    best = sp
                    break
        if best is None:
            best = _interrupted(doc, q, by_sent.get(sent, ())) or _resumed(doc, q, by_sent.get(sent, ()))
        if best is None:  # 'the ministry “categorically” rejected …': quoted words between speaker and verb
            best = next(
                (
                    sp
                    for sp in by_sent.get(sent, ())
                    if 0 <= sp.subject.end <= q.outer_start and q.outer_end <= sp.cue_start
                ),
                None,
            )
        if best is not None:
            best.quotes.append(q)
        else:
            rest.append(q)
    return rest


def _interrupted(doc: Doc, q: Quote, speeches: tuple[Speech, ...] | list[Speech]) -> Speech | None:
    """The speech of an interrupted quotation: '“A,” she said outside, “B.”' gives A to her as well."""
    if not doc.text[q.start : q.end].rstrip().endswith(",") and doc.text[q.end : q.end + 1] != ",":
        return None
    for sp in speeches:
        gap = doc.text[q.outer_end : sp.cue_start]
        if sp.cue_start < q.outer_end or len(gap.split()) > 6 or re.search(r"[.;“”\"]", gap):
            continue
        k = bisect.bisect_left(doc.quotes, sp.cue_end, key=lambda r: r.outer_start)
        nxt = doc.quotes[k] if k < len(doc.quotes) else None
        if nxt is not None and re.fullmatch(r"[^.;“”\"]*,\s*", doc.text[sp.cue_end : nxt.outer_start]):
            return sp
    return None


def _resumed(doc: Doc, q: Quote, speeches: tuple[Speech, ...] | list[Speech]) -> Speech | None:
    """The speech a quotation resumes after its attribution: '“A,” said X, “and B.”' gives B to X too."""
    for sp in speeches:
        said_end = max(sp.cue_end, sp.subject.end)
        if not sp.quotes or sp.quotes[-1].outer_end > sp.cue_start or said_end > q.outer_start:
            continue
        if re.fullmatch(r"[^.;“”\"]*,\s*", doc.text[said_end : q.outer_start]):
            return sp
    return None


def _sentence_index(doc: Doc):  # noqa: ANN202 - a small closure
    starts = [s for s, _ in doc.sentences]

    def sent_of(pos: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        return doc.sentences[k]

    return sent_of


_COLON = re.compile(r"\s*:\s*")


def orphan_speeches(doc: Doc, speeches: list[Speech], leftover: list) -> list[Speech]:
    """Quotations standing alone in their sentence, or set after a colon at the end of a speech's words
    ('accused X of Y: “…”'), take the speaker of the speech just before them in their paragraph or the
    one before; a quotation left open at its paragraph's end with no speaker there takes the speaker of the
    quotation it runs on into ('“A.¶“B,” X said.'). Read from the last one back, so that runs chain."""
    out: list[Speech] = []
    paras = paragraphs(doc.text)
    para_starts = [p[0] for p in paras]
    sent_starts = [s for s, _ in doc.sentences]
    cue_positions = [sp.cue_start for sp in speeches]
    quoted_by = {x.outer_start: sp for sp in speeches for x in sp.quotes}
    for q in reversed(leftover):
        k = max(0, bisect.bisect_right(sent_starts, q.start) - 1)
        sent = doc.sentences[k]
        body = len(re.sub(r"\s", "", doc.text[sent[0] : sent[1]]))
        j = bisect.bisect_left(cue_positions, q.start) - 1
        pk = bisect.bisect_right(para_starts, q.start) - 1
        prev = speeches[j] if j >= 0 and body else None
        if prev is None or prev.sent != sent:
            opened = _opened_by_colon(doc, q, sent)
            if opened is not None:
                out.append(opened)
                quoted_by[q.outer_start] = opened
                continue
        if q.answer:
            answer = answered_by(doc, q, speeches, cue_positions, paras, para_starts, sent)
            if answer is not None:
                out.append(answer)
            continue
        if prev is not None:
            after_colon = prev.content is not None and _COLON.fullmatch(doc.text, prev.content[1],
                                                                         q.outer_start)
            if (q.end - q.start) < 0.5 * body and not after_colon:
                prev = None
        same_para = prev is not None and pk >= 0 and prev.cue_start >= para_starts[pk]
        prev_para = prev is not None and pk >= 1 and prev.cue_start >= para_starts[pk - 1]
        if not same_para:
            resumed = _resumed_in_next_paragraph(doc, q, pk, paras, quoted_by, cue_positions)
            if resumed is not None:
                prev, prev_para = resumed, True
        if prev is None or not (same_para or prev_para):
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
        quoted_by[q.outer_start] = sp
        out.append(sp)
    return _with_translations(doc, out[::-1], quoted_by)


def _with_translations(doc: Doc, found: list[Speech], quoted_by: dict[int, Speech]) -> list[Speech]:
    """The speeches found, and one more for each quotation left over that is, or is translated by, the
    quotation next to it in brackets («Não houve atraso.» ("There was no delay.")): one speaker's words,
    whichever of the two a verb claimed."""
    out = list(found)
    for first, second in zip(doc.quotes, doc.quotes[1:], strict=False):  # (in text order)
        if not translates(doc.text, first.end, second.start):
            continue
        said, unsaid = (first, second) if first.outer_start in quoted_by else (second, first)
        sp = quoted_by.get(said.outer_start)
        if sp is not None and unsaid.outer_start not in quoted_by:
            twin = dataclasses.replace(sp, content=(unsaid.start, unsaid.end), quotes=[unsaid], targets=[])
            quoted_by[unsaid.outer_start] = twin
            out.append(twin)
    return out


#: What may stand between an actor and the colon before a quotation it opens: a verb and a few words of no
#: clause of their own ('answered in Portuguese', 'put it bluntly', 'wrote on X'; not 'faced a crowd that
#: shouted', 'walked past a banner reading', 'mocked her for saying').
_VERB_TO_COLON = re.compile(r",?\s+(?P<verb>[a-z]+)\b(?P<gap>(?:\s+[\w'’-]+){0,4}?)\s*:\s*\Z")
_CLAUSE_IN_GAP = re.compile(r"\b(?:that|which|who|whom|reading|saying|shouting|chanting|calling)\b")


def _opened_by_colon(doc: Doc, q: Quote, sent: tuple[int, int]) -> Speech | None:
    """The speech of a quotation after a colon that an actor's verb opens, in a sentence with no speech of
    its own: 'Asked whether the notice was late, Brandão answered in Portuguese: «Não houve atraso.»'."""
    for start, end, who in doc.reg.mentions_between(sent[0], q.outer_start):
        verb = _VERB_TO_COLON.match(doc.text, end, q.outer_start)
        if verb is None or verb["verb"] not in wl.colon_openers() or _CLAUSE_IN_GAP.search(verb["gap"]):
            continue
        if who.kind in ("person", "organisation", "state", "group"):
            return Speech(verb.start("verb"), verb.end("verb"), verb.group("verb"), "claim", "say",
                          Subject([who], start, end, 0.6, "name"), sent, (q.start, q.end), quotes=[q],
                          confidence=0.6)
    return None


def _resumed_in_next_paragraph(doc: Doc, q: Quote, pk: int, paras: list[tuple[int, int]],
                               quoted_by: dict[int, Speech], cue_positions: list[int]) -> Speech | None:
    """The speech of the quotation that opens the next paragraph, when this one runs on into it: news copy
    leaves a quotation unclosed at a paragraph's end and opens the next paragraph with a new mark. A
    quotation with a speech inside it was never closed ('“The vote was rigged, X said on Sunday.¶')."""
    if not q.open_ended or pk < 0 or pk + 1 >= len(paras):
        return None
    if bisect.bisect_left(cue_positions, q.start) < bisect.bisect_left(cue_positions, q.end):
        return None
    nxt = paras[pk + 1][0]
    while nxt < len(doc.text) and doc.text[nxt].isspace():
        nxt += 1
    return quoted_by.get(nxt)
