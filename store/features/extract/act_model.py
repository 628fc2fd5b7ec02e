"""A statement's act weighed by a small learned model, after the rules of acts.py.

The rules relabel a claim only on a cue they can trust alone ('baseless', 'accused X of'), so most
denials and accusations in real copy stay claims: 'Never landed a single kilo over its allocation',
'Management knew'. The model weighs many weak cues together: the statement's words and the words of
its sentence around it, its reporting verb, negation, and where its speaker stands in the article (a
side that denied elsewhere, a side others accuse, another actor named). It is a multinomial logistic
regression over those cues, trained on the gold acts of the design sets by
``python -m tests.extraction.train_acts``; its weights ship in ``assets/wordlists/act_model.json``.
The act word lists (acts.json) were tried as cues too: they added nothing the words and the rules'
act do not already carry, and searching them cost 0.7 s per MB of text, so they are left to the rules.

The rules keep what they read from a verb or a sure cue; the model relabels only the statements they
left plain claims, as a claim, a denial or an accusation (never a response: see ``choose``). It learns
from every extracted statement that matches a gold one, whatever act the rules gave it (training only
on the plain claims was tried: link F1 0.28 instead of 0.29).

Measured leave-one-set-out over the seventeen design sets (``python -m tests.extraction.train_acts
--cv``, whose cross-validation also chose these cues and settings, so a little optimistic), rules alone
against rules and model: denial F1 0.51 -> 0.62, accusation F1 0.51 -> 0.59, typed-link F1 0.30 ->
0.31. The gain is on real copy (blind-8 to blind-16); on the older, tidier invented sets it costs a
little link F1, and on the corpus's tuning articles, which the rules were written on, it costs more.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .acts import NEGATED, accused_actors, speaks_for
from .model_hooks import ModelHooks
from .textutil import lower_words
from .wordlists import load_wordlist

#: The acts the model scores, in the order of its weight vectors (it chooses among the first three).
MODEL_ACTS = ("claim", "denial", "accusation", "response")
MODEL_FILE = "act_model.json"
#: How much more likely (in log-odds) than a claim the model must find a denial or an accusation to relabel
#: a claim (0.1: on the design sets no figure falls and blind-32 and blind-33 gain link F1 0.006; 0.15
#: and more cost blind-2 a sixth of its links).
MODEL_MARGIN = 0.1

_WORD = re.compile(r"[a-z][a-z'-]+")
_STEM = 6  # words are cut to their first six letters ('accused', 'accuses' -> 'accuse')

Weights = Mapping[str, Sequence[float]]


@dataclass(slots=True)
class ActContext:
    """What the model reads besides the statements: the acts their verbs gave before any rule, the actors'
    kinds, and the article's working text with its sentences' (start, end) (indexed as in
    ``sentence_of``)."""

    given: list[str]
    kinds: Mapping[str, str] = field(default_factory=dict)
    text: str = ""
    sentences: Sequence[tuple[int, int]] = ()
    sentence_of: Mapping[str, int] = field(default_factory=dict)

    def around(self, statement: dict[str, Any]) -> str:
        """The words of a statement's sentence outside its span ('…,” the boss insisted.')."""
        k = self.sentence_of.get(statement["id"], -1)
        if not 0 <= k < len(self.sentences):
            return ""
        start, end = self.sentences[k]
        a, b = statement["span"]
        return self.text[start : max(start, min(a, end))] + " " + self.text[min(max(b, start), end) : end]


_SIDE_ACTS = {"denial": "den", "accusation": "acc"}


def _sides(statements: list[dict[str, Any]], given: list[str], side: Callable[[str], set[str]]) -> dict:
    """The sides that deny or accuse anywhere in the article, by their verb and by the rules."""
    out: dict[str, set[str]] = {f"{how}_{act}": set() for how in ("verb", "rule") for act in ("den", "acc")}
    for s, verb_act in zip(statements, given, strict=True):
        if verb_act in _SIDE_ACTS or s["act"] in _SIDE_ACTS:
            whole = side(speaks_for(s["speaker"], side))
            if verb_act in _SIDE_ACTS:
                out["verb_" + _SIDE_ACTS[verb_act]] |= whole
            if s["act"] in _SIDE_ACTS:
                out["rule_" + _SIDE_ACTS[s["act"]]] |= whole
    return out


def _stems(text: str) -> list[str]:
    """The six-letter stems of a text's words, once each and sorted (so that weights are summed in one
    order, whatever the hash seed)."""
    return sorted({w[:_STEM] for w in _WORD.findall(lower_words(text))})


def features(
    statements: list[dict[str, Any]], ctx: ActContext, side: Callable[[str], set[str]],
    targets: Mapping[str, list[str]], acts: Collection[str] = MODEL_ACTS,
) -> dict[int, dict[str, float]]:
    """The cues of each statement whose act is one of ``acts`` (by its position in ``statements``, in
    text order), as named features with their values."""
    sides = _sides(statements, ctx.given, side)
    deniers = sides["verb_den"] | sides["rule_den"]
    accused = accused_actors(statements, side, targets)
    count = len(statements)
    out: dict[int, dict[str, float]] = {}
    for k, s in enumerate(statements):
        if s["act"] not in acts:
            continue
        text = s["text"]
        mine = side(s["speaker"])
        f: dict[str, float] = {"bias": 1.0, "rule=" + s["act"]: 1.0, "verb=" + ctx.given[k]: 1.0,
                               "cue=" + (s.get("cue") or "").lower(): 1.0, "mode=" + s.get("mode", ""): 1.0,
                               "kind=" + ctx.kinds.get(s["speaker"], "?"): 1.0}
        if NEGATED.search(text):
            f["neg"] = 1.0
        f.update(("cw=" + w, 1.0) for w in _stems(ctx.around(s)))
        f.update(("w=" + w, 1.0) for w in _stems(text))
        others = [a for a in s.get("about", ()) if a not in mine]
        flags = {
            "about_other": bool(others),
            "side_verb_den": bool(mine & sides["verb_den"]),
            "side_verb_acc": bool(mine & sides["verb_acc"]),
            "side_rule_den": bool(mine & sides["rule_den"]),
            "side_rule_acc": bool(mine & sides["rule_acc"]),
            "side_accused": bool(mine & accused),
            "about_denier": any(side(a) & deniers for a in others),
            "about_accused": any(side(a) & accused for a in others),
            "has_target": bool(targets.get(s["id"])),
        }
        f.update((name, 1.0) for name, on in flags.items() if on)
        if k > 0:
            before = statements[k - 1]
            f["prev=" + before["act"]] = 1.0
            f["prev_same_side"] = float(before["speaker"] in mine)
        f[f"pos{min(4, 5 * k // max(count, 1))}"] = 1.0  # which fifth of the article
        out[k] = f
    return out


@functools.cache
def shipped_weights() -> dict[str, tuple[float, ...]]:
    """The shipped model's weights: feature name -> one weight per act of MODEL_ACTS."""
    return checked_weights(load_wordlist(MODEL_FILE))


def checked_weights(data: Any) -> dict[str, tuple[float, ...]]:
    """The weights of a model file's data, or one ValueError naming the file when they are not a model
    of MODEL_ACTS (a damaged file must not fail later, inside an import, with an IndexError)."""
    try:
        acts, weights = tuple(data["acts"]), data["weights"]
        out = {str(name): tuple(float(x) for x in w) for name, w in weights.items()}
    except (TypeError, KeyError, ValueError, AttributeError) as e:
        raise ValueError(f"{MODEL_FILE} is not an act model: {e}") from None
    if acts != MODEL_ACTS:
        raise ValueError(f"{MODEL_FILE} was trained for acts {acts}, not {MODEL_ACTS}")
    if any(len(w) != len(MODEL_ACTS) for w in out.values()):
        raise ValueError(f"{MODEL_FILE} has a weight vector that is not one weight per act")
    return out


def scores(f: Mapping[str, float], weights: Weights) -> list[float]:
    """The model's score (log-odds up to a constant) of each act of MODEL_ACTS for one statement's
    features; the likeliest act has the highest."""
    claim = denial = accusation = response = 0.0
    for name, value in f.items():
        w = weights.get(name)
        if w is not None:
            claim += w[0] * value
            denial += w[1] * value
            accusation += w[2] * value
            response += w[3] * value
    return [claim, denial, accusation, response]


def probabilities(f: Mapping[str, float], weights: Weights) -> list[float]:
    """The model's probability of each act of MODEL_ACTS for one statement's features."""
    z = scores(f, weights)
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


_HOOKS = ModelHooks("act")
#: Within the block, extraction keeps the rules' acts and records (statement, features) for each statement
#: the model would have read: what training learns from.
observing = _HOOKS.observing
#: Within the block, extraction reads acts with these weights instead of the shipped ones.
using = _HOOKS.using


def weigh_acts(statements: list[dict[str, Any]], ctx: ActContext, side: Callable[[str], set[str]],
               targets: Mapping[str, list[str]]) -> None:
    """Relabel, in place, each statement the rules left a plain claim, by the model. Within ``observing``
    nothing is relabelled: every statement whose act is one of MODEL_ACTS is recorded with its features
    instead (training learns from those that match a gold statement, whatever the rules said)."""
    seen = _HOOKS.observer()
    if seen is not None:
        seen.extend((statements[k], f) for k, f in features(statements, ctx, side, targets).items())
        return
    given = _HOOKS.weights()
    weights = shipped_weights() if given is None else given
    for k, f in features(statements, ctx, side, targets, acts=("claim",)).items():
        statements[k]["act"] = choose("claim", scores(f, weights))


def choose(rule_act: str, p: Sequence[float]) -> str:
    """The act of a statement the rules left a plain claim: the likeliest of claim, denial and accusation
    by ``p``, the model's scores or probabilities of each act of MODEL_ACTS.
    An act the rules read from a verb or a sure cue ('denied', 'baseless') is kept. The model never makes
    a response: its own were right about one time in five in cross-validation (a response answers
    something, which one statement's cues do not show), and each wrong one proposes a wrong link.
    A near tie stays a claim: with ``p`` the model's scores (log-odds), the other act must lead by
    MODEL_MARGIN (a one-sentence story's 'We broke the record and we knew we could' still leads by about
    0.1 with the shipped weights: the margin trims ties, it does not read meaning).
    """
    if rule_act != "claim":
        return rule_act
    best = max(("claim", "denial", "accusation"), key=lambda act: p[MODEL_ACTS.index(act)])
    return best if p[MODEL_ACTS.index(best)] - p[0] > MODEL_MARGIN else "claim"
