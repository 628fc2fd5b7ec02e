"""Claims across sources: which stored statement or evidence a new one restates, denies, contradicts
or supports, found through the claim index and judged by how many rare terms they share.

A quote repeated word for word always matches; otherwise both must have at least three terms, share
two, and reach ``SAME_CLAIM`` in rarity-weighted cosine (measured on tests/across: see its score).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .claim_index import ClaimIndex, Item

#: The weighted cosine from which two items make the same claim (tests/across measures the choice).
SAME_CLAIM = 0.5
PER_SOURCE = 2
_MIN_TERMS = 3  # fewer, and "shipping records" would match every mention of shipping records
_DENYING = frozenset({"denial", "retraction"})
_ANSWERABLE = frozenset({"accusation", "claim", "threat", "prediction", "confirmation", "condemnation"})


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """A proposed link from a new item to a stored one, with how sure and why."""

    from_id: str
    to_id: str
    type: str
    confidence: float
    why: str


SameSide = Callable[[str | None, str | None], bool]


def _against(item: Item) -> bool:
    """Whether an item says the claim is not so (a denial, or negated words)."""
    return item.negated or item.act in _DENYING


def relation(new: Item, old: Item, same_side: SameSide) -> str:
    """How a new item making the same claim as a stored one relates to it."""
    opposed = _against(new) != _against(old)
    if new.table == old.table == "evidence" and None in (new.speaker, old.speaker):
        return "contradicts" if opposed else "restates"
    if same_side(new.speaker, old.speaker):  # one side's words differ by outlet, its claim rarely does
        return "contradicts" if (new.act == "retraction") != (old.act == "retraction") else "restates"
    if opposed and _against(new) and (new.act in _DENYING or old.act == "accusation"):
        return "denies" if old.act in _ANSWERABLE else "contradicts"
    return "contradicts" if opposed else "supports"


def judge(index: ClaimIndex, new: Item, old: Item, verbatim: bool,
          one_side: bool) -> tuple[float, str] | None:
    """How strongly two items make the same claim and why, or None when they do not.

    A short item (fewer than three terms: "the water was safe") matches only its own speaker's
    item holding all its terms.
    """
    if verbatim:
        return 1.0, "the same words quoted"
    shared = new.terms & old.terms
    fewest = min(len(new.terms), len(old.terms))
    if len(shared) < 2 or (fewest < _MIN_TERMS and not (one_side and len(shared) == fewest)):
        return None
    numbers = {t for t in new.terms | old.terms if t[:1].isdigit()}
    if numbers and (new.terms & numbers) and (old.terms & numbers) and not (shared & numbers):
        return None  # "40 million pounds" is not "2.4 million pounds"
    sim = index.similarity(new, old)
    if sim < SAME_CLAIM:
        return None
    words = ", ".join(sorted(t.lstrip("~@").replace("_", " ") for t in shared)[:6])
    return sim, f"same claim ({sim:.2f}): {words}"


def match_items(index: ClaimIndex, news: list[Item], same_side: SameSide) -> list[ClaimLink]:
    """The links proposed from new items (one source's) to stored items of other sources.

    Each new item links to at most ``PER_SOURCE`` items of each other source, the best-matching ones
    (an article may say a claim twice: in a quote and in the reporter's words).
    """
    out: list[ClaimLink] = []
    for new in news:
        exact = index.verbatim(new)
        ids = list(dict.fromkeys([*exact, *index.candidates(new)]))
        found: dict[str, list[tuple[float, ClaimLink]]] = {}
        for old in index.get(ids).values():
            if old.source is None or old.source == new.source or old.id == new.id:
                continue
            one_side = same_side(new.speaker, old.speaker)
            judged = judge(index, new, old, old.id in exact, one_side)
            if judged is None:
                continue
            sim, why = judged
            link = ClaimLink(new.id, old.id, relation(new, old, same_side), round(min(1.0, 0.5 + sim / 2), 2),
                             why)
            found.setdefault(old.source, []).append((sim, link))
        for links in found.values():
            links.sort(key=lambda pair: -pair[0])
            out += [link for _sim, link in links[:PER_SOURCE]]
    return out
