"""Reporting cues (said, denied, according to) in a sentence, and the Speech record each one becomes."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from . import wordlists as wl
from .doc import Doc
from .entities import Entity
from .quotes import Quote
from .sources import Subject
from .textutil import MOVED_TO

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
_TIME_SKIP_RE = re.compile(
    r"\s+(?:on \w+day(?: (?:morning|afternoon|evening|night))?|last (?:week|month|year|night)"
    r"|this (?:week|month|year|morning|afternoon|evening)|earlier|later|again|on [A-Z][a-z]+ \d+)(?=\s)"
)
#: A figure put on a measure: 'the death toll at 17', 'the share of damaged kernels at 0.4%'.
_FIGURE_PUT = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,6}?at\s+(?:(?:about|around|some|"
                         r"nearly|almost|roughly|more than|less than|at least|up to|over|under)\s+)?[$€£]?\d")
#: A bare finite clause after a verb: 'found [the Championship side had] recorded …'.
_BARE_CLAUSE_RE = re.compile(
    r"\s+(?:the|a|an|its|his|her|their|[A-Z][\w'’-]*)"
    r"(?:\s+(?!where\b|which\b|who\b|when\b|that\b)[\w'’-]+){0,7}?\s+"
    r"(?:had|has|have|was|were|is|are|would|could|did|should|will|might|may|must)\s"
)
_FIRST_WORDS = frozenset({"according"} | {p.split()[0] for p in wl.verb_particles()})

#: What may stand just before a capitalised word inside a sentence for it to be read as a reporting verb:
#: a closing quotation mark or a comma.
_AFTER_QUOTE = ("” ", '" ', "» ", ", ")


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


#: A verb in a condition someone sets: 'unless it withdrew its claims', 'if the ministry confirmed it'.
_CONDITION_RE = re.compile(r"\b(?:unless|if)\s+(?:(?!that\s)[\w'’-]+\s+){1,4}\Z", re.IGNORECASE)


@functools.cache
def _anonymity_after() -> re.Pattern[str]:
    """Why a source is not named, right after a verb ('asked not to be named', 'speaking on condition of
    anonymity'): no speech."""
    return re.compile(rf"\s+{wl.anonymity()}")


@functools.cache
def _name_kept_out() -> re.Pattern[str]:
    """How a source asks that its name be kept out, right after 'asked' ('that his name not be published')."""
    return re.compile(r"\s+" + wl.phrase_alternation(wl.unnamed_sources()["anonymity_asked"]))


#: A sum after 'adding up': no verb before the clause ends ('to $612,000 in charges.').
_A_SUM = re.compile(r"\s+to\s+(?:(?!\b(?:were|was|are|is|had|have|has|would|will)\b)[^,.;:])*(?:[,.;:]|$)")


#: The noun right after a verb, past a determiner, 'only' or a count: 'payment', 'trekkers' ('admitted only
#: trekkers whose …', 'claimed 40 lives').
_OBJECT_NOUN = re.compile(r"\s+(?:(?:only|a|an|the|its|their|his|her|some|all|any|no|more|fewer|[\d,.]+)"
                          r"\s+){0,2}([a-z]+)\b")


def _takes_a_thing(text: str, end: int, lemma: str) -> bool:
    """Whether a verb that may report words takes a thing instead (reporting_verbs.json 'thing_objects'),
    never the subject of a clause ('admitted 12 people had been injured', 'claimed costs had risen')."""
    m = _OBJECT_NOUN.match(text, end)
    return m is not None and m.group(1) in wl.thing_objects()[lemma] \
        and _A_VERB_NEXT.match(text, m.end()) is None


#: A finite verb right after a noun: the noun opens a clause ('people had been', 'land belonged').
_A_VERB_NEXT = re.compile(r"\s+(?:had|has|have|was|were|is|are|would|will|could|can|did|do|does|may|might|"
                          r"must|should|[a-z]+ed)\b")


def cues(doc: Doc, sent: tuple[int, int]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, act, lemma) of every reporting cue in a sentence outside quotations."""
    verbs = wl.reporting_verbs()
    particles = wl.verb_particles()
    nominal = wl.nominal_cues()
    a, b = doc.token_range(*sent)
    toks = doc.tokens
    out = []
    k = a
    while k < b:
        t = toks[k]
        low = t.lower
        if (
            low in nominal
            and k > a
            and k + 1 < b
            and toks[k + 1].lower == "that"
            and doc.quote_at(t.start) is None
        ):
            owner = toks[k - 1]
            if owner.lower in ("its", "his", "her", "their") or owner.is_possessive:
                out.append((t.start, t.end, t.text, nominal[low], "nominal"))  # 'on its claim that …'
                k += 1
                continue
        if (low not in verbs and low not in _FIRST_WORDS) or doc.quote_at(t.start) is not None:
            k += 1
            continue
        nxt = toks[k + 1].lower if k + 1 < b else ""
        if low == "according" and nxt == "to":
            out.append((t.start, toks[k + 1].end, "according to", "claim", "according"))
            k += 2
            continue
        prev = toks[k - 1].lower if k > a and not doc.text[toks[k - 1].end : t.start].strip() else ""
        # (a word across a comma or a closing mark is no auxiliary: '“… where it was,” said X')
        if low == "reporting" and nxt == "by":
            k += 1
            continue  # a credit line: '(Additional reporting by X; Editing by Y)'
        two = f"{low} {nxt}"
        if two in particles and prev not in _BE and prev not in _DETS:
            out.append((t.start, toks[k + 1].end, doc.text[t.start : toks[k + 1].end], particles[two], low))
            k += 2
            continue
        v = verbs.get(low)
        if v is None or t.is_cap and k != a and doc.text[t.start - 2 : t.start] not in _AFTER_QUOTE:
            k += 1
            continue
        if (
            prev in _BE
            or (prev in _DETS and prev != "that")
            or _NEG_RE.search(doc.text[max(sent[0], t.start - 16) : t.start])
            and not MOVED_TO.search(doc.text, max(sent[0], t.start - 60), t.start)  # 'prompting X to deny'
        ):
            k += 1
            continue
        noun_phrase = k - 2 >= a and (toks[k - 2].lower in _DETS or toks[k - 2].is_possessive)
        if low in wl.noun_like_cues() and noun_phrase and prev.isalpha() and prev.islower():
            k += 1
            continue  # 'a conference call', 'the annual report': a noun, not a verb
        if prev in ("has", "have", "had") and k - 2 >= a and toks[k - 2].lower in ("been",):
            k += 1
            continue
        if prev == "of" and low.endswith("ing"):
            k += 1
            continue  # 'accused the firm of ordering her to sign': what it is accused of, not a speech
        if nxt == "up" and low.startswith("add") and _A_SUM.match(doc.text, toks[k + 1].end):
            k += 1
            continue  # 'adding up to $612,000 in charges': a sum, not a speech ('… up to 40 were missing' is)
        kept_out = prev == "who" and _name_kept_out().match(doc.text, t.end) is not None
        if kept_out or _anonymity_after().match(doc.text, t.end):
            k += 1
            continue  # 'asked not to be named', 'speaking on condition of anonymity', 'who asked that his
            # name not be published': not a speech
        if _CONDITION_RE.search(doc.text, max(sent[0], t.start - 40), t.start):
            k += 1
            continue  # 'would sue the union unless it withdrew its claims': a condition, not a speech
        if v.lemma in wl.thing_objects() and _takes_a_thing(doc.text, t.end, v.lemma):
            k += 1
            continue  # 'claimed payment for 512 rescues', 'would not admit a trekker': no words reported
        if v.figure and not _FIGURE_PUT.match(doc.text, t.end, sent[1]):
            k += 1
            continue  # 'put the plan on hold': no figure put on anything
        if v.needs:
            skip = _TIME_SKIP_RE.match(doc.text, t.end)
            first = bisect.bisect_left(doc.starts, skip.end()) if skip else k + 1
            window = [x.lower for x in toks[first : min(b, first + max(v.window, 1))]]
            near = doc.text[t.end : t.end + 2].strip()
            tail = doc.text[max(sent[0], t.start - 40) : t.start]
            trailing = re.match(r"\s*[.,]", doc.text[t.end : t.end + 3]) and "," in tail
            clause = v.clause and _BARE_CLAUSE_RE.match(doc.text, t.end, sent[1])
            wanted = set(window if v.window else window[:1]) & set(v.needs) or near in v.needs
            if not (wanted or trailing or clause):
                k += 1
                continue
        out.append((t.start, t.end, t.text, v.act, v.lemma))
        k += 1
    return out
