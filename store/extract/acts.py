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

#: Words that accuse: someone failed, ignored, hid or broke something.
_ACCUSING = re.compile(
    r"\b(?:fail(?:ed|s)? to|ignor(?:ed|es|ing)|knew|withh[eo]ld\w*|breach(?:ed|es)|broke|stole|"
    r"rigg(?:ed|ing)|"
    r"alter(?:ed|ing)|lied|misled|mislead\w*|meddl\w*|cover(?:ed)? up|concealed|hid|refused to|negligen\w*|"
    r"illegal\w*|unlawful\w*|(?:was|were)? ?not followed|dragged|sitting on|"
    r"trying to (?:delay|block|hide|silence)|kept \w+ in the dark|punish\w*|excuse|attack on|abuse\w*)\b",
    re.I,
)
#: Words that deny outright.
_DENYING = re.compile(
    r"\b(?:false|untrue|baseless|unfounded|groundless|fabricat\w*|nonsense|not true|no basis)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|nobody|no one|nothing|no)\b|n't\b", re.I)
_FOLLOW_ON = 2  # how many statements after a denial a negated one by the same side still continues it


def refine_acts(statements: list[dict[str, Any]], side: Callable[[str], set[str]]) -> None:
    """Relabel plain claims as accusations or denials, in place (statements in text order)."""
    for k, s in enumerate(statements):
        if s["act"] == "claim":
            s["act"] = _own_act(statements, k, side)


def _own_act(statements: list[dict[str, Any]], k: int, side: Callable[[str], set[str]]) -> str:
    s = statements[k]
    words = s["text"]
    if _DENYING.search(words):
        return "denial"
    mine = side(s["speaker"])
    for prev in statements[max(0, k - _FOLLOW_ON) : k]:
        if prev["act"] == "denial" and prev["speaker"] in mine and _NEGATED.search(words):
            return "denial"  # 'These allegations are false. My client has never withheld a cent'
    others = [a for a in s.get("about", ()) if a not in mine]
    if _ACCUSING.search(words) and (others or s["mode"] == "quote"):
        return "accusation"
    return "claim"
