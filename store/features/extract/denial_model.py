"""What a denial answers, weighed by a small learned model.

A denial answers one statement of another side or a few ('The allegations were without merit' answers
the lede's accusation and the quote that backs it). Rules that scored candidates by hand (an accusation,
aimed at the denier's side, sharing words, near) found 145 of the design sets' 677 gold denial links for
510 proposed. This model weighs the same cues and a few more for each candidate: what act it is, whether
it is aimed at or names the denier's side, the words it shares with the denial and with the denial's
sentence ('rejected the accusation that …'), how far before or after it stands, whether it opens the
article, whether its speaker accuses more than once. It is a logistic regression trained on the gold
denial links of the design sets by ``python -m tests.extraction.train_denials``; its weights ship in
``assets/wordlists/denial_model.json``.

Leave-one-set-out over the nineteen design sets (``train_denials --cv``, which also chose the cues and
the thresholds below, so a little optimistic): 187 right for 581 proposed, typed-link F1 0.340 -> 0.350.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from .link_terms import WINDOW, Proposed, overlap, words_of_text
from .model_hooks import ModelHooks
from .wordlists import load_wordlist

MODEL_FILE = "denial_model.json"
#: The best candidate is proposed when the model gives it at least this probability; any other candidate
#: when it reaches MORE; never more than AT_MOST in all (chosen by the link F1 of each pair of thresholds
#: in cross-validation: ``train_denials --cv``).
TOP, MORE, AT_MOST = 0.15, 0.25, 3
#: How far after a denial what it answers may stand (before it: up to WINDOW statements). On the design
#: sets 2 of 1,379 candidates further after were answered; leaving them out saves a fifth of the work.
AFTER = 8

#: A denial that points back ('that claim', 'the allegations', 'such criticism').
_ANAPHORIC = re.compile(
    r"\b(?:that|the|this|these|those|such|its|their|his|her)\s+(?:\w+\s+)?(?:claim|charge|accusation|allegation|"
    r"finding|report|assessment|view|argument|suggestion|criticism|assertion|account|remark|comment|warning|idea|"
    r"explanation|version|description|characteri[sz]ation|interpretation|excuse|defen[cs]e|denial|figure)s?\b",
    re.I,
)

Features = dict[str, float]


def _distance(d: int) -> str:
    """The bucket of how many statements lie between a denial and a candidate."""
    a = abs(d)
    return "next" if a == 1 else "near" if a <= 3 else "mid" if a <= 8 else "far" if a <= 20 else "very_far"


def candidates(d: dict[str, Any], statements: list[dict[str, Any]], order: Mapping[str, int],
               words: Mapping[str, frozenset[str]], about: Mapping[str, set[str]],
               tsets: Mapping[str, set[str]], side: Callable[[str], set[str]], kinds: Mapping[str, str],
               sentence: str) -> list[tuple[dict[str, Any], Features]]:
    """Each statement a denial might answer (another side's, up to WINDOW statements before it or AFTER
    after it, not itself a denial or a response) with the cues the model weighs."""
    mine = side(d["speaker"])
    k = order[d["id"]]
    near = statements[max(0, k - WINDOW) : k + AFTER + 1]  # (nothing below looks further: linear time)
    pool = [s for s in near
            if s is not d and not side(s["speaker"]) & mine and s["act"] not in ("denial", "response")]
    if not pool:
        return []
    side_known = len(mine) > 1 or kinds.get(d["speaker"]) != "person"  # a body, or one who belongs to one
    anaphoric = bool(_ANAPHORIC.search(d["text"]) or _ANAPHORIC.search(sentence))
    in_sentence = words_of_text(sentence)
    shared_words = {s["id"]: overlap(words[d["id"]], words[s["id"]]) for s in pool}
    shared_sentence = {s["id"]: overlap(in_sentence, words[s["id"]]) for s in pool}
    best_words, best_sentence = max(shared_words.values()), max(shared_sentence.values())
    accusers = Counter(s["speaker"] for s in near if s["act"] == "accusation")
    first_accusation = next((s["id"] for s in pool if s["act"] == "accusation"), None)
    size = math.log(1 + len(pool)) / 4
    of_denial = [name for name, on in (("denier_side_known", side_known),
                                       ("denial_quote", d.get("mode") == "quote"),
                                       ("short_denial", len(words[d["id"]]) <= 3)) if on]
    out = []
    for s in pool:
        sid, act, dist = s["id"], s["act"], order[s["id"]] - k
        aimed, named = bool(mine & tsets[sid]), bool(mine & about[sid])
        shared = len(words[d["id"]] & words[sid])
        f: Features = {
            "bias": 1.0, "pool_size": size, "distance=" + _distance(dist): 1.0,
            "act=" + (act if act in ("accusation", "claim") else "other"): 1.0,
            "shares_words": shared_words[sid], "shares_sentence_words": shared_sentence[sid],
            "accusation_shares_words": shared_words[sid] if act == "accusation" else 0.0,
        }
        flags = (
            ("aimed_at_denier", aimed), ("names_denier", named),
            ("aimed_at_another", bool(tsets[sid]) and not mine & (tsets[sid] | about[sid])),
            ("shares_1_word", shared == 1), ("shares_2_words", shared == 2), ("shares_3_words", shared >= 3),
            ("before", dist < 0), ("anaphoric_before", anaphoric and dist < 0),
            ("first_accusation", sid == first_accusation), ("opens_article", order[sid] < 3),
            ("most_shared_words", best_words > 0 and shared_words[sid] == best_words),
            ("most_shared_sentence_words", best_sentence > 0 and shared_sentence[sid] == best_sentence),
            ("quote", s.get("mode") == "quote"), ("speaker_accuses_twice", accusers[s["speaker"]] >= 2),
        )
        for name, on in flags:
            if on:
                f[name] = 1.0
        for name in of_denial:
            f[name] = 1.0
        out.append((s, f))
    return out


@functools.cache
def shipped_weights() -> dict[str, float]:
    """The shipped model's weights: feature name -> weight."""
    return checked_weights(load_wordlist(MODEL_FILE))


def checked_weights(data: Any) -> dict[str, float]:
    """The weights of a model file's data, or one ValueError naming the file (a damaged file must not fail
    later, inside an import)."""
    try:
        weights = {str(name): float(w) for name, w in data["weights"].items()}
    except (TypeError, KeyError, ValueError, AttributeError) as e:
        raise ValueError(f"{MODEL_FILE} is not a denial model: {e}") from None
    if not all(math.isfinite(w) for w in weights.values()):
        raise ValueError(f"{MODEL_FILE} has a weight that is not a finite number")
    return weights


def probability(f: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The model's probability that a denial answers a candidate with these cues."""
    z = sum(weights.get(name, 0.0) * value for name, value in f.items())  # (in the cues' fixed order)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_HOOKS = ModelHooks("denial")
#: Within the block, every (denial, candidate, cues) weighed is recorded (what training learns from) and no
#: denial link is proposed.
observing = _HOOKS.observing
#: Within the block, denials are weighed with these weights instead of the shipped ones.
using = _HOOKS.using


def select(weighed: list[tuple[dict[str, Any], Features]], weights: Mapping[str, float],
           top: float = TOP, more: float = MORE) -> list[tuple[float, dict[str, Any]]]:
    """(probability, candidate) of the statements a denial answers, likeliest first: the likeliest when it
    reaches ``top``, and any other that reaches ``more``, AT_MOST in all. A denier whose side is known (a
    body, or someone who belongs to one) never answers an accusation its verb aims at another side ('Poland
    also accused Germany of …' is not what Russia's denial answers, however near and however worded; in
    cross-validation this costs link F1 0.002, for the design sets' gold joins 19 of 117 such pairs, mostly
    where sides were read wrong)."""
    ranked = sorted(((probability(f, weights), n, s) for n, (s, f) in enumerate(weighed)
                     if not ("aimed_at_another" in f and "denier_side_known" in f)),
                    key=lambda x: (-x[0], x[1]))[:AT_MOST]
    return [(p, s) for rank, (p, _, s) in enumerate(ranked) if p >= (top if rank == 0 else more)]


def answered(d: dict[str, Any], weighed: list[tuple[dict[str, Any], Features]]) -> list[Proposed]:
    """The statements a denial answers, from its weighed candidates (see ``select``), each proposed at
    the model's probability."""
    seen = _HOOKS.observer()
    if seen is not None:  # collecting training data: no weights are needed, and nothing is proposed
        seen.extend((d, s, f) for s, f in weighed)
        return []
    given = _HOOKS.weights()
    chosen = select(weighed, shipped_weights() if given is None else given)
    return [Proposed(d["id"], s["id"], "denies", round(p, 2),
                     "the statement this denial most likely answers (wording, nearness, sides)" if rank == 0
                     else "another statement this denial likely answers (wording, nearness, sides)")
            for rank, (p, s) in enumerate(chosen)]
