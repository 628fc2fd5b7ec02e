"""Speech events: reporting verbs and 'according to', who they attribute, and the words attributed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.extract import wordlists as wl
from store.extract.actors import Doc
from store.extract.content import content_span, trim_end
from store.extract.entities import Entity
from store.extract.quotes import Quote
from store.extract.sources import Subject, group_np
from store.extract.subjects import subject_after, subject_before

_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
_DETS = frozenset(
    {
        "the",
        "a",
        "an",
        "that",
        "this",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "any",
        "every",
        "no",
        "such",
        "whose",
        "my",
        "your",
    }
)
_NEG_RE = re.compile(r"(?:\bnot|\bnever|n't|\bdeclined to|\brefused to|\bfailed to|\bwithout|\bto)\s+$")
_COORD_RE = re.compile(
    r"(?:,\s*|\s+)(?:and|but|while|before|then)\s+(?:(?:also|later|then|again|has|have|had)\s+)*$|,\s*$|\bby\s+$"
)
_MODAL_DEMAND = re.compile(r"\b(?:must|should|needs? to|has to|have to|ought to)\b")
_DOC_WORDS = frozenset(
    {
        "report",
        "reports",
        "study",
        "survey",
        "figures",
        "data",
        "filings",
        "records",
        "documents",
        "statement",
        "analysis",
        "assessment",
        "estimates",
        "investigation",
        "ruling",
    }
)


_FIRST_WORDS = frozenset({"according"} | {p.split()[0] for p in wl.verb_particles()})


@dataclass(slots=True)
class Speech:
    """One reporting event: its cue, speaker(s), the attributed words and any quotations among them."""

    cue_start: int
    cue_end: int
    cue: str
    act: str
    lemma: str
    subject: Subject
    sent: tuple[int, int]
    content: tuple[int, int] | None = None
    targets: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    confidence: float = 0.8


def _cues(doc: Doc, sent: tuple[int, int]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, act, lemma) of every reporting cue in a sentence outside quotations."""
    verbs = wl.reporting_verbs()
    particles = wl.verb_particles()
    a, b = doc.token_range(*sent)
    toks = doc.tokens
    out = []
    k = a
    while k < b:
        t = toks[k]
        low = t.lower
        if (low not in verbs and low not in _FIRST_WORDS) or doc.quote_at(t.start) is not None:
            k += 1
            continue
        nxt = toks[k + 1].lower if k + 1 < b else ""
        if low == "according" and nxt == "to":
            out.append((t.start, toks[k + 1].end, "according to", "claim", "according"))
            k += 2
            continue
        prev = toks[k - 1].lower if k > a else ""
        two = f"{low} {nxt}"
        if two in particles and prev not in _BE and prev not in _DETS:
            out.append((t.start, toks[k + 1].end, doc.text[t.start : toks[k + 1].end], particles[two], low))
            k += 2
            continue
        v = verbs.get(low)
        if v is None or t.is_cap and k != a and doc.text[t.start - 2 : t.start] not in ("” ", '" ', ", "):
            k += 1
            continue
        if prev in _BE or prev in _DETS or _NEG_RE.search(doc.text[max(sent[0], t.start - 16) : t.start]):
            k += 1
            continue
        if prev in ("has", "have", "had") and k - 2 >= a and toks[k - 2].lower in ("been",):
            k += 1
            continue
        if v.needs:
            window = [x.lower for x in toks[k + 1 : min(b, k + 5)]]
            near = doc.text[t.end : t.end + 2].strip()
            if not (set(window[:1] if v.lemma != "ask" else window) & set(v.needs) or near in v.needs):
                k += 1
                continue
        out.append((t.start, t.end, t.text, v.act, v.lemma))
        k += 1
    return out


def _according(
    doc: Doc, cs: int, ce: int, sent: tuple[int, int]
) -> tuple[Subject | None, tuple[int, int] | None]:
    """Speaker and content of 'according to X, …' and '…, according to X'."""
    text = doc.text
    comma = text.find(",", ce, sent[1])
    np_end = comma if comma >= 0 else sent[1]
    if comma >= 0:
        k = comma + 1
        while k < sent[1] and text[k] == " ":
            k += 1
        named = doc.at_start.get(k)
        if named and text[named[0] : named[0] + 1] == ",":
            # 'according to the regional governor, Mark Hale, …': the name in apposition speaks
            subj = Subject([named[1]], k, named[0], 0.9, "name")
            if named[1].kind == "person" and not named[1].role:
                named[1].role = re.sub(r"^(?:the|a|an)\s+", "", text[ce:comma].strip())
            content = (named[0] + 1, sent[1])
            while content[0] < sent[1] and text[content[0]] == " ":
                content = (content[0] + 1, sent[1])
            return subj, (content[0], trim_end(text, content[0], sent[1]))
    while np_end > ce and text[np_end - 1] in '.”" ':
        np_end -= 1
    np_text = text[ce:np_end]
    subj: Subject | None = None
    by = re.search(r"\bby\s+", np_text)
    lo = ce + by.end() if by else ce
    while lo < np_end and text[lo] == " ":
        lo += 1
    hit = doc.at_start.get(lo)
    if hit and hit[0] <= np_end:
        subj = Subject([hit[1]], lo, hit[0], 0.9, "name")
    else:
        first_words = np_text.lower().split()
        if by or not any(w in _DOC_WORDS for w in first_words[:3]):
            sub_end = np_end
            hit2 = None
            for e in range(lo + 1, np_end + 1):
                if e in doc.at_end and doc.at_end[e][0] >= lo:
                    hit2 = doc.at_end[e]
                    sub_end = e
                    break
            if hit2:
                subj = Subject([hit2[1]], hit2[0], sub_end, 0.85, "name")
            else:
                subj = subject_before(doc, lo, np_end) or _indefinite(doc, lo, np_end)
    if subj is not None and (by or any(w in _DOC_WORDS for w in np_text.lower().split()[:4])):
        doc.reg.report_author = subj.entities[0]
    before = text[sent[0] : cs].strip()
    if not before or before.endswith((":",)) or len(before.split()) <= 3 and before.endswith(","):
        content = (comma + 1, sent[1]) if comma >= 0 else None
    else:
        end = cs
        while end > sent[0] and text[end - 1] in " ,":
            end -= 1
        content = (sent[0], end)
    return subj, content


def _indefinite(doc: Doc, lo: int, hi: int) -> Subject | None:
    """'an independent research group': an actor described before it is named, held until the name comes."""
    m = re.match(r"(?:an?|one)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w-]*)\s*$", doc.text[lo:hi])
    if not m:
        return None
    head = m.group(2)
    cls = wl.org_words()["descriptor_class"].get(head)
    if cls is None:
        return None
    name = doc.text[lo + m.start(1) : lo + m.end(2)].strip()
    ent = doc.reg.create(name, "organisation" if cls != "media" else "media", 0.6, placeholder=head)
    ent.tags.add(head)
    doc.reg.mention(ent, lo, hi)
    return Subject([ent], lo, hi, 0.6, "placeholder")


def find_speeches(doc: Doc, sent: tuple[int, int], previous: list[Speech]) -> list[Speech]:
    """Every speech event of one sentence, with speakers resolved and content spans set."""
    text = doc.text
    out: list[Speech] = []
    for cs, ce, surface, act, lemma in _cues(doc, sent):
        lo = sent[0]
        q = doc.quote_before(cs)
        if q is not None and sent[0] <= q.outer_end <= cs:
            lo = q.outer_end
        if lemma == "according":
            subj, content = _according(doc, cs, ce, sent)
            if subj is None or content is None:
                continue
            sp = Speech(cs, ce, "according to", "claim", lemma, subj, sent, content, confidence=0.85)
            out.append(sp)
            continue
        left = text[sent[0] : cs]
        coord = _COORD_RE.search(left) if out else None
        subj = None
        if (
            coord
            and out
            and (
                surface.endswith("ing")
                or coord.group().strip(" ,") in ("and", "but", "while", "then", "before", "by")
                or left.rstrip().endswith(",")
            )
        ):
            prevs = out[-1]
            if (
                not (surface.endswith("ing") or coord.group().strip(" ,"))
                and subject_before(doc, prevs.cue_end, cs) is not None
            ):
                coord = None
            else:
                subj = Subject(
                    list(prevs.subject.entities), -1, -1, prevs.subject.confidence * 0.95, "inherited"
                )
                if coord.group().strip() == "by":
                    act = prevs.act
                    prevs.content = None
                elif prevs.content and prevs.content[1] > cs:
                    cut = cs - len(coord.group())
                    prevs.content = (
                        prevs.content[0],
                        max(prevs.content[0], trim_end(text, prevs.content[0], cut)),
                    )
        if subj is None:
            subj = subject_before(doc, lo, cs)
        if subj is None:
            pre = text[lo:cs].rstrip()
            if pre.endswith((",", "”", '"', ",”", ',"')) or not pre:
                subj = subject_after(doc, ce, sent[1])
        if subj is None and surface.endswith("ing") and (out or previous):
            src = out[-1] if out else previous[-1]
            if src.sent == sent or re.search(r"(?:,|\bby)\s*$", left):
                subj = Subject(list(src.subject.entities), -1, -1, src.subject.confidence * 0.9, "inherited")
        if subj is None or not subj.entities:
            continue
        for e in subj.entities:
            if subj.start >= 0:
                doc.reg.mention(e, subj.start, subj.end, speaker=True)
            else:
                e.speaker = True
                doc.reg.speakers.append((cs, e))
        content = content_span(doc, cs, ce, lemma, subj, sent)
        if subj.start >= 0 and out:
            _cut_before(doc, out[-1], subj.start)
        sp = Speech(cs, ce, surface, act, lemma, subj, sent, content)
        if lemma in ("accuse", "blame", "charge") and content:
            hit = doc.at_start.get(content[0])
            if hit:
                sp.targets.append(hit[1])
            else:
                grp = _object_group(doc, content)
                if grp is not None:
                    sp.targets.append(grp)
        if (
            act == "claim"
            and lemma in ("say", "tell", "add")
            and content
            and _MODAL_DEMAND.search(text, content[0], content[1])
        ):
            sp.act = "demand"
        if "guilty" in text[ce : ce + 12].lower() and lemma == "plead":
            sp.act = "denial" if "not" in text[ce : ce + 8].lower() else "confirmation"
        sp.confidence = subj.confidence * (0.9 if subj.how in ("inherited", "placeholder") else 1.0)
        out.extend(_split_that(doc, sp))
    return out


def _cut_before(doc: Doc, prev: Speech, subject_start: int) -> None:
    """End an earlier speech's content where a clause with its own speaker begins ('…, while X warned')."""
    if not prev.content or not (prev.content[0] < subject_start < prev.content[1]):
        return
    lead = doc.text[prev.content[0] : subject_start]
    joints = list(re.finditer(r"(?:[,;]\s*(?:while|whereas|and|but)?|\s(?:while|whereas))\s+", lead))
    if not joints:
        return
    j = joints[-1]
    if len(lead[j.end() :].split()) > 6:
        return
    end = trim_end(doc.text, prev.content[0], prev.content[0] + j.start())
    if end > prev.content[0]:
        prev.content = (prev.content[0], end)


def _split_that(doc: Doc, sp: Speech) -> list[Speech]:
    """Two reported clauses joined by 'and that' are two statements."""
    if not sp.content:
        return [sp]
    s, e = sp.content
    m = re.search(r",?\s+and\s+that\s+", doc.text[s:e])
    if not m:
        return [sp]
    first = trim_end(doc.text, s, s + m.start())
    second = Speech(
        sp.cue_start,
        sp.cue_end,
        sp.cue,
        sp.act,
        sp.lemma,
        sp.subject,
        sp.sent,
        (s + m.end(), e),
        list(sp.targets),
        confidence=sp.confidence,
    )
    sp.content = (s, first)
    return [sp, second]


def _object_group(doc: Doc, content: tuple[int, int]) -> Entity | None:
    """The accused when it is a described group ('the paramilitary Rapid Support Forces')."""
    text = doc.text
    of = text.find(" of ", content[0], content[1])
    if of < 0:
        return None
    for e in range(of, content[0], -1):
        hit = doc.at_end.get(e)
        if hit and hit[0] >= content[0]:
            return hit[1]
    sub = group_np(doc, text, of, content[0])
    return sub.entities[0] if sub else None


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
        if best is not None:
            best.quotes.append(q)
        else:
            rest.append(q)
    return rest


def _sentence_index(doc: Doc):  # noqa: ANN202 - a small closure
    import bisect

    starts = [s for s, _ in doc.sentences]

    def sent_of(pos: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        return doc.sentences[k]

    return sent_of
