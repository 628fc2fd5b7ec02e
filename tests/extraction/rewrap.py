"""Hard-wrap a test article the way e-mail, wire feeds and PDFs do, moving its gold spans with the text.

Two layouts: ``blank`` (lines of at most ``width`` characters, a blank line between paragraphs) and
``indent`` (the same lines, each paragraph opening with an indent and no blank line between them).
"""

from __future__ import annotations

import bisect
import copy
from typing import Any


def wrap_text(text: str, width: int = 68, layout: str = "blank") -> tuple[str, list[int], list[int]]:
    """The wrapped text, and (paragraph starts in the old text, characters inserted before each)."""
    out: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    inserted = 0
    pos = 0
    for k, para in enumerate(text.split("\n")):
        lead = ("\n" if layout == "blank" else "") + ("    " if layout == "indent" else "")
        if k and para.strip():
            out.append(lead)
            inserted += len(lead)
        elif k:
            pass
        starts.append(pos)
        shifts.append(inserted)
        out.append(_wrap_paragraph(para, width - (4 if layout == "indent" else 0)))
        out.append("\n")
        pos += len(para) + 1
    return "".join(out)[:-1], starts, shifts


def _wrap_paragraph(para: str, width: int) -> str:
    """A paragraph with some of its spaces turned into line breaks, so no line is wider than ``width``."""
    chars = list(para)
    line_start = 0
    last_space = -1
    for i, c in enumerate(chars):
        if c == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars)


def wrap_article(text: str, gold: dict[str, Any], width: int = 68, layout: str = "blank") -> tuple[str, dict]:
    """The article hard-wrapped and its gold network with every span and quote moved to match."""
    wrapped, starts, shifts = wrap_text(text, width, layout)

    def move(offset: int) -> int:
        return offset + shifts[max(0, bisect.bisect_right(starts, offset) - 1)]

    def move_span(span: list[int]) -> list[int]:
        return [move(span[0]), move(span[1] - 1) + 1] if span[1] > span[0] else [move(span[0])] * 2

    new = copy.deepcopy(gold)
    for src in new.get("sources", []):
        src["text"] = wrapped
    for table in ("statements", "evidence"):
        for rec in new.get(table, []):
            if rec.get("span"):
                rec["span"] = move_span(rec["span"])
            if rec.get("spans"):
                rec["spans"] = [move_span(s) for s in rec["spans"]]
            if rec.get("quote") and rec.get("span"):
                s, e = rec["span"]
                if " ".join(wrapped[s:e].split()) == " ".join(rec["quote"].split()):
                    rec["quote"] = wrapped[s:e]
    return wrapped, new
