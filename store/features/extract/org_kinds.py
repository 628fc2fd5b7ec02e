"""What sort of organisation an actor is (company, group, government, regulator, court), by its words."""

from __future__ import annotations

import functools
from typing import NamedTuple, Protocol

from . import wordlists as wl
from .textutil import fold

GOV_WORDS = (
    "ministry",
    "department",
    "government",
    "office",
    "administration",
    "army",
    "military",
    "embassy",
    "cabinet",
    "presidency",
    "parliament",
    "police",
)
REG_WORDS = (
    "authority",
    "commission",
    "agency",
    "regulator",
    "watchdog",
    "office",
    "board",
    "council",
    "league",
    "federation",
    "association",
    "inspectorate",
    "directorate",
    "ombudsman",
    "bureau",
)


class _Org(Protocol):
    name: str
    kind: str
    tags: set[str]


class _Named(NamedTuple):
    name: str
    kind: str
    tags: set[str]


def looks_gov(e: _Org) -> bool:
    """Whether an actor's name or tags make it part of a government ('Health Ministry', 'the army')."""
    n = fold(e.name)
    return any(w in n for w in GOV_WORDS) or "government" in e.tags


def looks_reg(e: _Org) -> bool:
    """Whether an actor's name or tags make it a regulator or public body ('Civil Aviation Authority')."""
    n = fold(e.name)
    return any(w in n for w in REG_WORDS) or bool(e.tags & {"regulator", "watchdog", "authority"})


def looks_labour(e: _Org) -> bool:
    """Whether an organisation's name or tags make it a trade union or professional association (the
    words in org_words.json 'labour_words')."""
    return "union" in e.tags or bool(wl.org_words()["labour_words"] & set(fold(e.name).split()))


def org_class(e: _Org) -> str:
    """company, group, government, regulator, court, media, or '' when nothing tells."""
    return _org_class(e.kind, e.name, frozenset(e.tags))


@functools.lru_cache(maxsize=16384)
def _org_class(kind: str, name: str, tags: frozenset[str]) -> str:
    """org_class by what it reads (descriptions ask it of the same actors again and again)."""
    e = _Named(name, kind, set(tags))
    if e.kind == "media":
        return "media"
    descr = wl.org_words()["descriptor_class"]
    for tag in sorted(e.tags):
        cls = "group" if tag.split()[-1] in ("group", "organisation", "organization") else descr.get(tag)
        if cls:
            return cls
    words = fold(e.name).replace(".", "").split()
    heads = wl.org_words()["class_heads"]
    if any(w in heads["court"] for w in words):
        return "court"
    if looks_gov(e):
        return "government"
    if looks_reg(e):
        return "regulator"
    if words and (words[-1] in heads["company"] or words[-1] in wl.org_words()["legal_suffixes"]
                  or len(words) > 1 and words[0] in wl.org_words()["company_openers"]):
        return "company"  # ('Tiszafény Gyógyfürdő Kft', 'Norrvind Kraft AB': a legal form says so)
    if any(w in heads["group"] for w in words):
        return "group"
    return ""
