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

from .link_terms import words_of_text
from .wordlists import act_words

NEGATED = re.compile(r"\b(?:not|never|nobody|no one|nothing|no)\b|n['’ʼ]t\b", re.I)
_FOLLOW_ON = 2  # how many statements after a denial a negated one by the same side still continues it
_ANSWER_WINDOW = 12  # statements either side a denial may answer
_ANSWER_SHARED = 3  # content words a negated claim must share with what it answers


def refine_acts(
    statements: list[dict[str, Any]], side: Callable[[str], set[str]], targets: dict[str, list[str]]
) -> list[str]:
    """Relabel plain claims as accusations, denials or responses, in place (statements in text order),
    and return the acts their reporting verbs gave before any rule (what the act model reads too).

    A claim continues a denial only when the denial was one from the start (by its verb or words),
    so a run of negated claims does not chain on. Then the accused side's own claims are read as
    its answers (`answers_of_the_accused`).
    """
    given = [s["act"] for s in statements]
    for k, s in enumerate(statements):
        if s["act"] == "claim":
            s["act"] = _own_act(statements, given, k, side)
    _answers_as_denials(statements, side)
    claims_a_denial_answers(statements, side)
    answers_of_the_accused(statements, side, targets)
    return given


def _answers_as_denials(statements: list[dict[str, Any]], side: Callable[[str], set[str]]) -> None:
    """A negated claim that answers another side's claim on the same subject is a denial of it ('Our
    vessels have never met a North Korean ship' after 'tankers … met North Korean ships')."""
    words = [words_of_text(s["text"]) for s in statements]
    negated = [bool(NEGATED.search(s["text"])) for s in statements]
    for k, s in enumerate(statements):
        if s["act"] != "claim" or not negated[k]:
            continue
        mine = side(s["speaker"])
        for j in _near(k, len(statements)):
            other = statements[j]
            if j == k or negated[j] or other["speaker"] in mine or other["act"] in ("denial", "response"):
                continue
            if len(words[k] & words[j]) >= _ANSWER_SHARED:
                s["act"] = "denial"
                break


def _near(k: int, count: int) -> range:
    """The positions of the statements a statement at ``k`` may answer or be answered by."""
    return range(max(0, k - _ANSWER_WINDOW), min(count, k + _ANSWER_WINDOW))


def _own_act(
    statements: list[dict[str, Any]], given: list[str], k: int, side: Callable[[str], set[str]]
) -> str:
    s = statements[k]
    words = s["text"]
    cues = act_words()
    if cues["denying"].search(words):
        return "denial"
    if cues["threatening"].search(words) and not NEGATED.search(words):
        return "threat"  # 'It would sue the union for defamation unless it withdrew its claims'
    mine = side(s["speaker"])
    if NEGATED.search(words):
        for j in range(max(0, k - _FOLLOW_ON), k):
            if statements[j]["speaker"] in mine and (
                    given[j] == "denial" or cues["denying"].search(statements[j]["text"])):
                return "denial"  # 'These allegations are false. My client has never withheld a cent'
    others = [a for a in s.get("about", ()) if a not in mine]
    if (others or s["mode"] == "quote") and cues["wrongdoing"].search(words):
        return "accusation"
    if others and (cues["accusing"].search(words) or cues["harm"].search(words)):
        return "accusation"
    return "claim"


def accused_actors(
    statements: list[dict[str, Any]], side: Callable[[str], set[str]], targets: dict[str, list[str]]
) -> set[str]:
    """Who the article's accusations are aimed at: the verb's target ('accused X of'), else the
    other actors the accusing words name."""
    out: set[str] = set()
    for s in statements:
        if s["act"] != "accusation":
            continue
        mine = side(s["speaker"])
        out.update(targets.get(s["id"]) or [a for a in s.get("about", ()) if a not in mine])
    return out


def claims_a_denial_answers(statements: list[dict[str, Any]], side: Callable[[str], set[str]]) -> None:
    """A claim by another side that a denial answers in its own words is an accusation against the
    denier's side ('Imoran has not hired a single replacement worker' answers 'brought in 230 casual
    workers to replace strikers'): it becomes one, about that side when its words name nobody there."""
    words = [words_of_text(s["text"]) for s in statements]
    for k, d in enumerate(statements):
        if d["act"] != "denial":
            continue
        mine = side(d["speaker"])
        for j in _near(k, len(statements)):
            c = statements[j]
            if c["act"] != "claim" or c["speaker"] in mine or side(c["speaker"]) & mine:
                continue
            if len(words[k] & words[j]) >= _ANSWER_SHARED:
                c["act"] = "accusation"
                if not mine & set(c.get("about", ())):
                    c["about"] = (*c.get("about", ()), speaks_for(d["speaker"], side))


def speaks_for(actor: str, side: Callable[[str], set[str]]) -> str:
    """Whom an actor speaks for: the body it belongs to first ('a spokeswoman for Imoran' -> Imoran,
    'the ministry' -> the ministry), itself when it belongs to none."""
    mine = side(actor)
    above = [a for a in mine if a != actor]
    return max(above, key=lambda a: len(side(a))) if above else actor


def answers_of_the_accused(
    statements: list[dict[str, Any]], side: Callable[[str], set[str]], targets: dict[str, list[str]]
) -> None:
    """What an accused side says on the matter answers the accusation: a negation or a narrowing
    ('used only for surveillance', 'entirely lawful') denies it; a step taken in reply ('would
    appeal', 'stands by its certificate') responds to it; a claim sharing the accusation's words
    and made near it denies it too. Before or after the accusation: a denial may be reported first."""
    accused = accused_actors(statements, side, targets)
    if not accused:
        return
    accusers = {a for s in statements if s["act"] == "accusation" for a in side(s["speaker"])}
    cues = act_words()
    words = [words_of_text(s["text"]) for s in statements]
    for k, s in enumerate(statements):
        mine = side(s["speaker"])
        if s["act"] != "claim" or not mine & accused:
            continue
        near = [
            j for j in _near(k, len(statements))
            if statements[j]["act"] == "accusation" and not side(statements[j]["speaker"]) & mine
        ]
        if not near:
            continue
        shared = max(len(words[k] & words[j]) for j in near)
        text = s["text"]
        if mine & accusers:  # both sides accuse: only a claim in the accusation's own words answers it
            if shared >= _ANSWER_SHARED:
                s["act"] = "response" if cues["answering"].search(text) else "denial"
        elif NEGATED.search(text) or cues["limiting"].search(text) or cues["denying"].search(text):
            s["act"] = "denial"
        elif cues["answering"].search(text):
            s["act"] = "response"
        elif shared >= 2:
            s["act"] = "denial"

