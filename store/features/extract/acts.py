"""A statement's act from its own words, beyond what its reporting verb says.

A reporting verb names the act only sometimes ('denied', 'accused'); often a plain 'said' carries an
accusation ('the commission had ignored the cost') or a denial ('These allegations are false'). These
rules relabel plain claims; a verb's own act is kept. (Answers to another side were tried as well, by
position after an accusation, and proposed more wrong response links than right ones: left out.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .links import words_of_text

#: Words that accuse a third party even in a bare quotation: someone failed, hid or broke a rule.
_WRONGDOING = re.compile(
    r"\b(?:fail(?:ed|s)? to|ignor(?:ed|es|ing)|withh[eo]ld\w*|breach(?:ed|es)|rigg(?:ed|ing)|lied|misled|"
    r"mislead\w*|meddl\w*|cover(?:ed)? up|concealed|refused to|negligen\w*|illegal\w*|unlawful\w*|"
    r"(?:was|were)? ?not followed|dragged|sitting on|trying to (?:delay|block|hide|silence)|"
    r"kept \w+ in the dark)\b",
    re.IGNORECASE,
)
#: Words that accuse only when the words are about another actor ('X knew', 'an attack on Y').
_ACCUSING = re.compile(
    r"\b(?:knew|broke|stole|alter(?:ed|ing)|hid|punish\w*|excuse|attack on|abuse\w*)\b", re.IGNORECASE
)
#: A verdict that something is untrue: 'These allegations are false', 'baseless claims'.
_DENYING = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:false|untrue|nonsense)\b|"
    r"\b(?:baseless|unfounded|groundless|fabricat\w*|not true|no basis)\b|"
    r"\b(?:no|never\s+(?:a|any))\s+(?:cover-?up|wrongdoing|wrong-doing|impropriety|collusion)\b|"
    r"\b(?:did|done|do|does|doing)\s+nothing\s+wrong\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|nobody|no one|nothing|no)\b|n't\b", re.I)
_FOLLOW_ON = 2  # how many statements after a denial a negated one by the same side still continues it
_ANSWER_WINDOW = 12  # statements either side a denial may answer
_ANSWER_SHARED = 3  # content words a negated claim must share with what it answers


def refine_acts(statements: list[dict[str, Any]], side: Callable[[str], set[str]]) -> None:
    """Relabel plain claims as accusations or denials, in place (statements in text order).

    A claim continues a denial only when the denial was one from the start (by its verb or words),
    so a run of negated claims does not chain on.
    """
    given = [s["act"] for s in statements]
    for k, s in enumerate(statements):
        if s["act"] == "claim":
            s["act"] = _own_act(statements, given, k, side)
    _answers_as_denials(statements, side)


def _answers_as_denials(statements: list[dict[str, Any]], side: Callable[[str], set[str]]) -> None:
    """A negated claim that answers another side's claim on the same subject is a denial of it ('Our
    vessels have never met a North Korean ship' after 'tankers … met North Korean ships')."""
    words = [words_of_text(s["text"]) for s in statements]
    negated = [bool(_NEGATED.search(s["text"])) for s in statements]
    for k, s in enumerate(statements):
        if s["act"] != "claim" or not negated[k]:
            continue
        mine = side(s["speaker"])
        for j in range(max(0, k - _ANSWER_WINDOW), min(len(statements), k + _ANSWER_WINDOW)):
            other = statements[j]
            if j == k or negated[j] or other["speaker"] in mine or other["act"] in ("denial", "response"):
                continue
            if len(words[k] & words[j]) >= _ANSWER_SHARED:
                s["act"] = "denial"
                break


def _own_act(
    statements: list[dict[str, Any]], given: list[str], k: int, side: Callable[[str], set[str]]
) -> str:
    s = statements[k]
    words = s["text"]
    if _DENYING.search(words):
        return "denial"
    mine = side(s["speaker"])
    for j in range(max(0, k - _FOLLOW_ON), k):
        denied = given[j] == "denial" or _DENYING.search(statements[j]["text"])
        if denied and statements[j]["speaker"] in mine and _NEGATED.search(words):
            return "denial"  # 'These allegations are false. My client has never withheld a cent'
    others = [a for a in s.get("about", ()) if a not in mine]
    if _WRONGDOING.search(words) and (others or s["mode"] == "quote"):
        return "accusation"
    if _ACCUSING.search(words) and others:
        return "accusation"
    return "claim"
