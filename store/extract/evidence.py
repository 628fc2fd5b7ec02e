"""Evidence in the text: quantities, physical findings, documents and imagery, with their spans."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from store.extract import wordlists as wl


@dataclass(slots=True)
class Found:
    """One piece of evidence before it becomes a record."""

    start: int
    end: int
    kind: str
    quantity: dict[str, Any] | None
    confidence: float


_DIGIT = re.compile(r"\d")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_VERB_STOP = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "said",
        "says",
        "showed",
        "show",
        "shows",
        "matched",
        "match",
        "include",
        "included",
        "including",
        "would",
        "will",
        "could",
        "may",
        "might",
        "did",
        "do",
        "does",
        "that",
        "which",
        "who",
        "and",
        "or",
        "but",
        "to",
        "from",
        "for",
        "with",
        "in",
        "on",
        "at",
        "by",
        "as",
        "than",
        "since",
        "after",
        "before",
        "while",
    ]
)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    ev = wl.evidence_words()
    quant = "|".join(re.escape(q) for q in sorted(ev["quantifiers"], key=len, reverse=True))
    scales = "|".join(sorted(ev["scales"], key=len, reverse=True))
    words = "|".join(sorted(ev["number_words"], key=len, reverse=True))
    cur_sym = r"US\$|\$|£|€|¥|₩|₹|₽"
    months = "|".join(ev["month_names"])

    def nouns(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(ev[key], key=len, reverse=True))

    mods = "|".join(re.escape(w) for w in ev["document_modifiers"])
    return {
        "number": re.compile(
            rf"(?P<cur>{cur_sym})?\s?(?P<num>{_NUM})(?:\s?(?P<scale>{scales})\b)?"
            r"(?P<pct>\s?%|\s(?:per cent|percent)\b)?",
        ),
        "quant_before": re.compile(rf"\b(?:{quant})\s+$", re.IGNORECASE),
        "wordnum": re.compile(rf"\b(?P<q>{quant})\s+(?P<w>{words})\b", re.IGNORECASE),
        "date": re.compile(rf"\b(?:{months})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{months})\b"),
        "physical": re.compile(rf"\b(?:{nouns('physical')})\b", re.IGNORECASE),
        "imagery": re.compile(rf"\b(?:{nouns('imagery')})\b", re.IGNORECASE),
        "document": re.compile(rf"\b(?:(?:{mods})\s+)?(?:{nouns('document')})\b", re.IGNORECASE),
        "mods": re.compile(rf"^(?:{mods})\b", re.IGNORECASE),
    }


def _unit_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ('containers' in '7,000 Russian containers') and where it ends."""
    ev = wl.evidence_words()
    m = re.match(r"((?:\s+[A-Za-z][\w-]*){1,4})", text[pos:limit])
    if not m:
        return None, pos
    words = list(re.finditer(r"[A-Za-z][\w-]*", m.group(1)))
    for k, w in enumerate(words):
        low = w.group().lower()
        if low in ev["not_units"] or low in _VERB_STOP:
            break
        if low.endswith("s") and not low.endswith("ss") or low in ev["currencies"] or low in ev["time_units"]:
            return w.group(), pos + w.end()
        if low in ev["collective_units"] or k == 0 and low in ("times", "percent"):
            return w.group(), pos + w.end()
    return None, pos


def _value(num: str, scale: str | None) -> float | int:
    v = float(num.replace(",", ""))
    if scale:
        v *= wl.evidence_words()["scales"].get(scale.lower(), 1)
    return int(v) if v == int(v) else v


def quantities(text: str, lo: int, hi: int) -> list[Found]:
    """Counted amounts, sums of money and percentages in text[lo:hi], skipping dates, years and ages."""
    pats = _patterns()
    ev = wl.evidence_words()
    dates = [(m.start(), m.end()) for m in pats["date"].finditer(text, lo, hi)]
    out: list[Found] = []
    for m in pats["number"].finditer(text, lo, hi):
        s, e = m.start("num"), m.end()
        num, scale, cur, pct = m.group("num"), m.group("scale"), m.group("cur"), m.group("pct")
        if (
            s > 0
            and (text[s - 1].isalnum() or text[s - 1] in "-/")
            or text[e : e + 1].isalpha()
            and not scale
        ):
            continue
        if any(a <= s < b for a, b in dates):
            continue
        bare = num.replace(",", "")
        if not cur and not pct and not scale and re.fullmatch(r"(1[89]|20)\d\d", bare):
            continue  # a year
        if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|:)", text[e : e + 6]):
            continue
        if text[max(lo, s - 2) : s] == ", " and text[e : e + 1] == ",":
            continue  # an age: "Daniel Okafor, 38,"
        start = m.start("cur") if cur else s
        qb = pats["quant_before"].search(text, max(lo, start - 24), start)
        if qb:
            start = qb.start()
        if cur:
            unit = ev["currencies"][cur]
            end = e
        elif pct:
            unit = "%"
            end = e
        else:
            word, end = _unit_after(text, e, hi)
            if word is None and not scale:
                continue
            unit = ev["currencies"].get(word.lower(), word) if word else ""
            end = end if word else e
        out.append(Found(start, end, "quantity", {"value": _value(num, scale), "unit": unit}, 0.7))
    for m in pats["wordnum"].finditer(text, lo, hi):
        word, end = _unit_after(text, m.end(), hi)
        if word is None:
            continue
        value = ev["number_words"][m.group("w").lower()]
        out.append(Found(m.start(), end, "quantity", {"value": value, "unit": word}, 0.55))
    return out


def _np_extent(text: str, start: int, end: int, hi: int) -> int:
    """Extend a noun to the end of its phrase: 'debris of a missile found in the Kharkiv region'."""
    m = re.match(
        r"(?:\s+(?:of|by|from|on|in|at|published by|reviewed by|released by|included in|obtained by|seen by|"
        r"found in|found at|recovered in|recovered from|in which)\b(?:\s+(?![,.;])[\w'’-]+){1,7}?)*"
        r"(?=[,.;:]|\s+(?:showed|show|shows|said|says|was|were|is|are|had|has|have|matched|that|which)\b|$)",
        text[end:hi],
    )
    return end + m.end() if m else end


@functools.cache
def _kind_words() -> dict[str, frozenset[str]]:
    """The last word of every cue phrase of each evidence kind (to skip sentences quickly)."""
    ev = wl.evidence_words()
    return {k: frozenset(w.split()[-1].lower() for w in ev[k]) for k in ("imagery", "physical", "document")}


def findings(text: str, lo: int, hi: int) -> list[Found]:
    """Physical finds, documents and images named in text[lo:hi]."""
    pats = _patterns()
    ev = wl.evidence_words()
    out: list[Found] = []
    seen_docs: set[str] = set()
    present = set(re.findall(r"[a-z]+", text[lo:hi].lower()))
    kinds = _kind_words()
    for kind in ("imagery", "physical", "document"):
        if not present & kinds[kind]:
            continue
        for m in pats[kind].finditer(text, lo, hi):
            s, e = m.start(), m.end()
            np_end = _np_extent(text, s, e, hi)
            if any(f.start < np_end and s < f.end for f in out):
                continue
            word = m.group().lower()
            after = text[e : min(hi, e + 80)]
            before = text[max(lo, s - 40) : s].lower()
            if kind == "imagery" and re.search(r"\b(?:in|on|via)\s+(?:a|an)\s+(?:[\w-]+\s+)?$", before):
                continue  # the medium of a statement ('said in a video'), not evidence
            if kind != "document" and np_end == e and re.search(r"\b(?:the|this|that)\s+$", before):
                continue  # a thing already mentioned ('dismissed the footage')
            if kind == "physical":
                strong = word in (
                    "debris",
                    "wreckage",
                    "shrapnel",
                    "fragments",
                    "serial numbers",
                    "serial number",
                    "traces",
                    "remnants",
                    "shell casings",
                    "mass grave",
                    "craters",
                )
                if not strong and not any(v in after[:60] or v in before for v in ev["physical_verbs"]):
                    continue
            if kind == "document":
                has_mod = bool(pats["mods"].match(m.group()))
                followed = re.match(
                    r"\s+(?:published|released|issued|reviewed|obtained|seen|by|showing|showed|"
                    r"in which|from the)\b",
                    after,
                )
                det = re.search(
                    r"\b(?:a|an|the latest|a new|a separate|a leaked|an internal)\s+(?:[\w-]+\s+)?$", before
                )
                if not (
                    has_mod
                    or followed
                    or (
                        det
                        and word
                        in (
                            "report",
                            "study",
                            "survey",
                            "audit",
                            "investigation",
                            "inquiry",
                            "review",
                            "memo",
                            "letter",
                            "emails",
                            "messages",
                            "transcript",
                        )
                    )
                ):
                    continue
                if re.search(r"\bthe\s+(?:(?!latest\b)[a-z-]+\s+)?$", before) and not (has_mod or followed):
                    continue
                key = word.split()[-1]
                if key in seen_docs and not followed:
                    continue
                seen_docs.add(key)
            det = re.search(
                r"(?:\b(?:the|a|an|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}$", text[max(lo, s - 30) : s]
            )
            start = s
            if det and det.group():
                pre = det.group()
                words = pre.split()
                keep = [
                    w
                    for w in words
                    if w.lower()
                    in (
                        "the",
                        "a",
                        "an",
                        "its",
                        "their",
                        "his",
                        "her",
                        "latest",
                        "new",
                        "separate",
                        "cockpit",
                        "satellite",
                        "internal",
                        "leaked",
                        "shipping",
                        "court",
                    )
                ]
                if keep and words and words[0].lower() == keep[0].lower():
                    start = s - len(pre) + pre.lower().find(keep[0].lower())
            end = np_end
            conf = 0.55 if kind == "document" else 0.6
            out.append(Found(start, end, kind, None, conf))
    return out


def find_evidence(
    text: str, sentences: list[tuple[int, int]], quoted: list[tuple[int, int]] = ()
) -> list[Found]:
    """All evidence in the text, sentence by sentence, overlapping finds merged (quantities win).

    Things named inside quotations ('anyone can cut a video') are rhetoric more often than evidence and
    are skipped; quantities inside quotations are kept.
    """
    out: list[Found] = []
    pats = _patterns()
    q_starts = [q[0] for q in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(q_starts, pos) - 1
        return k >= 0 and quoted[k][0] <= pos < quoted[k][1]

    for s, e in sentences:
        chunk = text[s:e]
        has_digit = _DIGIT.search(chunk) is not None
        qs = quantities(text, s, e) if has_digit or pats["wordnum"].search(chunk) else []
        fs = [
            f
            for f in findings(text, s, e)
            if not in_quote(f.start) and not any(q.start < f.end and f.start < q.end for q in qs)
        ]
        out.extend(sorted(qs + fs, key=lambda f: f.start))
    return out
