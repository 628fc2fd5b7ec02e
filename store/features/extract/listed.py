"""An attribution sieve for findings set out as a list: 'The audit found that:' and then a line for each,
opened by a bullet ('- 42 schools received no deliveries;', '• Invoices had no delivery notes').

Wire copy and explainers set a report's findings or a statement's points out this way. The speech ends at
its colon with no words of its own ('found that'); each item is what it reports, one statement per item,
spoken by the speech's speaker with its verb.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from . import wordlists as wl
from .doc import Doc
from .sentences import paragraphs
from .speech import Speech

#: The marks that open a list item ('- ', '• ', '* ', '– ').
_BULLETS = "-•*–—▪·‣"
#: A list item's opening: a bullet and a space, or a bullet alone on its line (an empty item).
_BULLET = re.compile(rf"[{_BULLETS}](?:[ \t]+|(?=\n)|\Z)")
#: A line opened by a bullet anywhere in a text (to skip texts with none at once).
_ANY_ITEM = re.compile(rf"^[ \t]*[{_BULLETS}][ \t]", re.MULTILINE)
#: The fewest words an item needs to be a statement ('Prices fell' is one; 'Nairobi' is none).
_FEWEST_WORDS = 2
#: What a speech handing its words to a list ends with: nothing but 'that' (or 'the following') and a colon.
_HANDS_OVER = re.compile(r"\s*(?:that|the\s+following)?\s*:\s*$", re.IGNORECASE)
#: The most words a list's own opening may have after the speech it belongs to ('Its main findings:').
_INTRO_WORDS = 6
#: What closes an item without being part of it: ';', '; and', '.', ','.
_ITEM_END = re.compile(r"(?:\s*[;,.]\s*(?:and|or)?)?\s*$")


def listed(doc: Doc, speeches: list[Speech]) -> list[Speech]:
    """The speeches with each one whose words are a list of bulleted lines replaced by one speech per line
    (a speech with words of its own before the colon keeps them and gains the lines)."""
    if not _ANY_ITEM.search(doc.text):
        return speeches
    paras = paragraphs(doc.text)
    starts = [p[0] for p in paras]
    sent_starts = [s for s, _ in doc.sentences]
    spoken = {sp.sent for sp in speeches}
    out: list[Speech] = []
    for sp in speeches:
        items = _items_after(doc, sp, paras, starts, spoken)
        if not items:
            out.append(sp)
            continue
        if not _hands_over(doc, sp):
            out.append(sp)
        for a, b in items:
            k = max(0, bisect.bisect_right(sent_starts, a) - 1)
            out.append(dataclasses.replace(sp, content=(a, b), sent=doc.sentences[k], quotes=[], targets=[]))
    return out


def _hands_over(doc: Doc, sp: Speech) -> bool:
    """Whether a speech's words are only the colon that hands them to a list ('found that:')."""
    start = sp.content[0] if sp.content else sp.cue_end
    return _HANDS_OVER.match(doc.text, start, sp.sent[1]) is not None


def _items_after(doc: Doc, sp: Speech, paras: list[tuple[int, int]], starts: list[int],
                 spoken: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of each bulleted line right after a speech whose sentence ends in a colon, or after
    a few words of no one's that end the speech's paragraph in one ('… said on Thursday. Its main
    findings:'), pointing back at it."""
    text = doc.text
    if sp.quotes:
        return []
    colon = sp.sent[1]
    if not text[sp.sent[0] : sp.sent[1]].rstrip().endswith(":"):
        intro = _intro_after(doc, sp.sent, spoken)
        if intro is None:
            return []
        colon = intro[1]
    elif sp.content and not _hands_over(doc, sp) and text[sp.content[1] : sp.sent[1]].strip() != ":":
        return []  # the colon ends other words than the speech's ('said on Tuesday that …, adding:')
    k = bisect.bisect_right(starts, colon - 1)
    items = []
    while k < len(paras):
        ps, pe = paras[k]
        bullet = _BULLET.match(text, ps, pe)
        if bullet is None:
            break
        k += 1
        while k < len(paras) and _runs_on(text, pe, paras[k]):
            pe = paras[k][1]  # a hard-wrapped item's next line, indented under its first
            k += 1
        b = _ITEM_END.search(text, bullet.end(), pe).start()
        if len(text[bullet.end() : b].split()) >= _FEWEST_WORDS:  # (an empty item is skipped, not an end)
            items.append((bullet.end(), b))
    return items


def _intro_after(doc: Doc, sent: tuple[int, int], spoken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence right after ``sent`` in its paragraph when it only opens a list: a few words, no speech
    of their own, a colon at the end ('Its main findings:', 'Their demands:')."""
    k = bisect.bisect_right(doc.sentences, sent)
    if k >= len(doc.sentences):
        return None
    nxt = doc.sentences[k]
    words = doc.text[nxt[0] : nxt[1]].strip()
    if nxt in spoken or not words.endswith(":") or len(words.split()) > _INTRO_WORDS:
        return None
    if not _POINTS_BACK.search(words) or not set(words.lower().strip(":").split()) & _list_nouns():
        return None  # 'What we know so far:', 'Not everyone agrees:': the reporter's, not the speaker's
    return nxt if "\n\n" not in doc.text[sent[1] : nxt[0]] else None


#: An opening that points back at the speaker or its paper: 'Its main findings:', 'The report's demands:'.
_POINTS_BACK = re.compile(r"\b(?:its|their|his|her|the\s+\w+['’]s)\b", re.IGNORECASE)


@functools.cache
def _list_nouns() -> frozenset[str]:
    return frozenset(wl.speech_phrases()["list_nouns"])


def _runs_on(text: str, end: int, line: tuple[int, int]) -> bool:
    """Whether ``line`` goes on with the list item whose line ended at ``end``: the very next line (no
    blank one between), with no bullet of its own."""
    return text.count("\n", end, line[0]) == 1 and _BULLET.match(text, line[0], line[1]) is None
