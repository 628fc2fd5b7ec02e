"""How a predicted network is matched with a gold one: names, spans overlapping by half of each, quotes
up to white space, and the counts every figure of the scorer is computed from."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


def norm_name(name: str) -> str:
    """A name for matching: accent-free lower case, punctuation dropped, no leading 'the' or trailing 's."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w&]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def actor_names(actor: dict[str, Any]) -> set[str]:
    """Every normalised name and alias of an actor."""
    return {n for n in (norm_name(x) for x in [actor.get("name", ""), *(actor.get("aliases") or [])]) if n}


def _names_match(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    for x in a:
        for y in b:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if len(short.split()) >= 2 and long_.endswith(" " + short):
                return True
    return False


def match_actors(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> tuple[dict[str, str], dict[str, str]]:
    """(one-to-one pred id -> gold id, many-to-one pred id -> gold id) by name or alias overlap."""
    pn = {a["id"]: actor_names(a) for a in pred}
    gn = {a["id"]: actor_names(a) for a in gold}
    many: dict[str, str] = {}
    pairs = []
    for p in pred:
        for g in gold:
            if _names_match(pn[p["id"]], gn[g["id"]]):
                exact = norm_name(p["name"]) == norm_name(g["name"])
                pairs.append((0 if exact else 1 if pn[p["id"]] & gn[g["id"]] else 2, p["id"], g["id"]))
    pairs.sort()
    one: dict[str, str] = {}
    used: set[str] = set()
    for _, p, g in pairs:
        many.setdefault(p, g)
        if p not in one and g not in used:
            one[p] = g
            used.add(g)
    return one, many


def _overlap(a: Iterable[int] | None, b: Iterable[int] | None) -> int:
    """Characters two spans share, or 0 when they do not overlap by at least half of each span.

    A match is real overlap: one shared character, or a sentence-long span around a word, is none.
    """
    if not a or not b:
        return 0
    a0, a1 = a
    b0, b1 = b
    shared = min(a1, b1) - max(a0, b0)
    if shared <= 0 or 2 * shared < (a1 - a0) or 2 * shared < (b1 - b0):
        return 0
    return shared


def spans_of(item: dict[str, Any]) -> list[Iterable[int]]:
    """Every telling of an item: its `spans` when it has several, else its one `span`."""
    return [s for s in (item.get("spans") or [item.get("span")]) if s]


def touches(p: dict[str, Any], g: dict[str, Any]) -> bool:
    """Whether any telling of two items shares a character: a quote is found by its exact words, and this
    only tells one place it stands from another."""
    return any(min(a[1], b[1]) > max(a[0], b[0]) for a in spans_of(p) for b in spans_of(g))


def best_overlap(p: dict[str, Any], g: dict[str, Any]) -> int:
    """The largest half-span overlap between any telling of a predicted and of a gold item."""
    return max((_overlap(a, b) for a in spans_of(p) for b in spans_of(g)), default=0)


def match_spans(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]], ok: Any = None, prefer: Any = None
) -> dict[str, str]:
    """One-to-one pred id -> gold id by overlapping spans (largest overlap first), filtered by `ok`.

    `prefer(p, g)` breaks ties between equal overlaps (statements with one span and several speakers),
    then the items' order in their lists: never their ids, which the extractor draws at random, so that
    one text always scores the same.
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            o = best_overlap(p, g)
            if o > 0 and (ok is None or ok(p, g)):
                pairs.append((-o, 0 if prefer is None or prefer(p, g) else 1, i, j, p["id"], g["id"]))
    pairs.sort()
    out: dict[str, str] = {}
    used: set[str] = set()
    for *_, p, g in pairs:
        if p not in out and g not in used:
            out[p] = g
            used.add(g)
    return out


def norm_quote(q: str) -> str:
    """A quotation compared up to white space (a hard wrap is a space) and a trailing comma or full stop."""
    return " ".join(q.split()).rstrip(",.").strip()


@dataclass
class Counts:
    """Raw counts for one article (or a sum of them)."""

    actor_tp: int = 0
    actor_pred: int = 0
    actor_gold: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    st_tp: int = 0
    st_pred: int = 0
    st_gold: int = 0
    quote_found: int = 0
    quote_gold: int = 0
    ev_tp: int = 0
    ev_pred: int = 0
    ev_gold: int = 0
    ln_tp: int = 0
    ln_pred: int = 0
    ln_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add another article's counts to these."""
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)

    def metrics(self) -> dict[str, float]:
        """Precision, recall, F1 and accuracies from the counts."""

        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        ap, ar = ratio(self.actor_tp, self.actor_pred), ratio(self.actor_tp, self.actor_gold)
        sp, sr = ratio(self.st_tp, self.st_pred), ratio(self.st_tp, self.st_gold)
        return {
            "actor_p": ap,
            "actor_r": ar,
            "actor_f1": f1(ap, ar),
            "speaker_acc": ratio(self.speaker_ok, self.speaker_n),
            "st_p": sp,
            "st_r": sr,
            "st_f1": f1(sp, sr),
            "quote_r": ratio(self.quote_found, self.quote_gold),
            "ev_p": ratio(self.ev_tp, self.ev_pred),
            "ev_r": ratio(self.ev_tp, self.ev_gold),
            "ev_f1": f1(ratio(self.ev_tp, self.ev_pred), ratio(self.ev_tp, self.ev_gold)),
            "ln_p": ratio(self.ln_tp, self.ln_pred),
            "ln_r": ratio(self.ln_tp, self.ln_gold),
            "ln_f1": f1(ratio(self.ln_tp, self.ln_pred), ratio(self.ln_tp, self.ln_gold)),
        }
