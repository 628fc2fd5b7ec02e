"""Paragraph and sentence boundaries with offsets, aware of abbreviations and quotations."""

from __future__ import annotations

import bisect
import re

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "gov",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "inc",
        "corp",
        "ltd",
        "co",
        "vs",
        "etc",
        "jr",
        "sr",
        "mt",
        "ft",
        "rev",
        "hon",
        "adm",
        "maj",
        "cmdr",
        "cpl",
        "pvt",
        "brig",
        "supt",
        "insp",
        "approx",
        "rs",
        "det",
        "est",
        "dept",
        "univ",
        "assn",
        "bros",
    ]
)
_END = re.compile(r"[.!?]+[\"”’')\]»]*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line-separated paragraph."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial rather than a sentence."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREV:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: John F. Kennedy
    return "." in word and all(len(p) <= 1 for p in word.split("."))  # U.S. / U.N.


def sentences(text: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence; no boundary falls strictly inside a protected span (a quotation)."""
    starts = [p[0] for p in protected]
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        s = ps
        for m in _END.finditer(text, ps, pe):
            e = m.end()
            if e >= pe:
                break
            nxt = e
            while nxt < pe and text[nxt] == " ":
                nxt += 1
            if nxt == e or nxt >= pe:
                continue
            c = text[nxt]
            if not (c.isupper() or c.isdigit() or c in "\"“‘'([«„"):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            k = bisect.bisect_right(starts, e) - 1
            if k >= 0 and protected[k][0] < e < protected[k][1]:
                continue
            out.extend(_bounded(text, s, e))
            s = nxt
        if s < pe:
            out.extend(_bounded(text, s, pe))
    return out


_LONGEST_SENTENCE = 1500  # characters; news sentences are far shorter, and rules scan a sentence per cue


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence, cut at spaces after commas or semicolons (else spaces) when it runs on past any
    news sentence's length, so that text without full stops costs time in proportion to its length."""
    out = []
    while e - s > _LONGEST_SENTENCE:
        limit = s + _LONGEST_SENTENCE
        cut = max(text.rfind(", ", s, limit), text.rfind("; ", s, limit))
        cut = cut + 2 if cut > s else text.rfind(" ", s, limit) + 1
        if cut <= s:
            cut = limit
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out
