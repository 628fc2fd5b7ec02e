"""The denial model: what it weighs, how it chooses, and that the shipped weights were trained only on sets
used for rule design and are what training gives today. Sentences are written for these tests (invented
names)."""

from __future__ import annotations

import json

import pytest

from claimnet.store.features.extract import denial_model
from claimnet.store.features.extract.denial_model import (
    AT_MOST,
    MORE,
    TOP,
    checked_weights,
    probability,
    select,
)
from tests.extraction import design_sets, train_denials
from tests.extraction import score as sc
from tests.extraction.extract_helpers import run

_ARTICLE = (
    "A residents' group accused Kessel Quarries of blasting outside permitted hours. "
    "The group said the blasts had cracked the walls of 14 homes in Ardley. "
    "Kessel Quarries rejected the accusation, saying every blast had been logged."
)


def _denies(x) -> list[tuple[str, str]]:
    text = {s["id"]: s["text"] for s in x.statements}
    return [(text[ln["from"]], text[ln["to"]]) for ln in x.links if ln["type"] == "denies"]


def test_the_shipped_model_links_a_denial_to_the_accusation_it_answers() -> None:
    x = run(_ARTICLE)
    assert ("Rejected the accusation", "Kessel Quarries of blasting outside permitted hours") in _denies(x)


def test_observing_records_every_candidate_and_proposes_no_denial_link() -> None:
    with denial_model.observing() as seen:
        x = run(_ARTICLE)
    assert seen and _denies(x) == []
    denial, candidate, feats = seen[0]
    assert denial["act"] == "denial" and candidate["speaker"] != denial["speaker"]
    assert feats["bias"] == 1.0 and "act=accusation" in {k for _, _, f in seen for k in f}


def _weighed(*probabilities_wanted: float, aimed_elsewhere: int = -1) -> list[tuple[dict, dict]]:
    """Candidates whose one cue gives each the probability wanted (with weights {cue: logit})."""
    out = []
    for n, _ in enumerate(probabilities_wanted):
        feats = {f"c{n}": 1.0}
        if n == aimed_elsewhere:
            feats |= {"aimed_at_another": 1.0, "denier_side_known": 1.0}
        out.append(({"id": f"s{n}"}, feats))
    return out


def _logits(*ps: float) -> dict[str, float]:
    import math

    return {f"c{n}": math.log(p / (1 - p)) for n, p in enumerate(ps)}


def test_select_takes_the_likeliest_above_top_and_others_above_more_at_most_a_few() -> None:
    ps = (0.9, 0.6, 0.5, 0.45, MORE - 0.05)
    chosen = select(_weighed(*ps), _logits(*ps))
    assert [s["id"] for _, s in chosen] == ["s0", "s1", "s2"][:AT_MOST]
    assert [round(p, 2) for p, _ in chosen] == [0.9, 0.6, 0.5][:AT_MOST]
    weak = (TOP + 0.02, TOP)
    assert [s["id"] for _, s in select(_weighed(*weak), _logits(*weak))] == ["s0"]
    assert select(_weighed(TOP - 0.02), _logits(TOP - 0.02)) == []


def test_select_never_takes_an_accusation_aimed_at_another_side_when_the_deniers_side_is_known() -> None:
    ps = (0.9, 0.6)
    chosen = select(_weighed(*ps, aimed_elsewhere=0), _logits(*ps))
    assert [s["id"] for _, s in chosen] == ["s1"]


def test_probability_ignores_unknown_cues_and_stays_finite() -> None:
    assert probability({"bias": 1.0, "unknown": 5.0}, {"bias": 0.0}) == 0.5
    assert 0.0 < probability({"bias": 1.0}, {"bias": -1e6}) < 1e-9
    assert probability({"bias": 1.0}, {"bias": 1e6}) > 1 - 1e-9


@pytest.mark.parametrize("data", [{"weights": {"bias": "x"}}, {"weights": None}, [], {}])
def test_a_damaged_model_file_is_one_clear_error(data: object) -> None:
    with pytest.raises(ValueError, match="denial_model.json"):
        checked_weights(data)


def test_the_shipped_model_was_trained_only_on_sets_used_for_rule_design() -> None:
    data = json.loads(train_denials.MODEL_PATH.read_text(encoding="utf-8"))
    assert train_denials.MODEL_PATH.name == denial_model.MODEL_FILE
    assert data["trained_on"] == design_sets.training_sets()
    unseen = [key for key, (_, label) in sc.BLIND_SETS.items() if sc.UNSEEN in label]
    assert unseen and not set(unseen) & set(data["trained_on"])
    assert set(denial_model.shipped_weights()) == set(data["weights"])


def test_the_shipped_weights_are_what_training_gives_today() -> None:
    # Catches a change to the cues, the rules or the design sets made without retraining
    # (python -m tests.extraction.train_denials --write).
    pytest.importorskip("numpy")
    fresh = train_denials.fit(train_denials.collect(design_sets.training_sets()))
    shipped = denial_model.shipped_weights()
    assert max(abs(fresh.get(n, 0.0) - shipped.get(n, 0.0)) for n in set(fresh) | set(shipped)) < 0.002
