"""The act model: what it reads, what it may change, and that the shipped weights were trained only on
sets used for rule design. Sentences are written for these tests (invented names)."""

from __future__ import annotations

import json

import pytest

from claimnet.store.features.extract import act_model
from claimnet.store.features.extract.act_model import (
    MODEL_ACTS,
    ActContext,
    checked_weights,
    choose,
    features,
    probabilities,
    scores,
)
from claimnet.store.features.extract.acts import NEGATED
from claimnet.store.features.extract.link_terms import side_of
from tests.extraction import design_sets, train_acts
from tests.extraction import score as sc
from tests.extraction.extract_helpers import names, run

_ACCUSED_ANSWERS = (
    "LORIENT, France (Reuters) - A fishermen's association accused Armement Penhir on Tuesday of landing "
    "hundreds of tonnes of hake over its quota.\n\n"
    '"They are emptying the sea," said Gwen Le Bihan, the association\'s chair.\n\n'
    "Armement Penhir denied the allegations. Its director, Yann Kervella, said the company had never "
    "landed a single kilo over its allocation.\n\n"
    "Kervella said every catch was weighed at the quay by inspectors.\n"
)


def _act_of(x, words: str) -> str:
    return next(s["act"] for s in x.statements if words in s["text"])


def test_the_shipped_model_reads_a_plain_negated_answer_of_the_accused_as_a_denial() -> None:
    # Checks the shipped weights, not only the mechanism: a retrained model that fails this has lost
    # what the model is for (the mechanism is tested with hand-made weights below).
    with act_model.observing():
        rules_only = run(_ACCUSED_ANSWERS)
    x = run(_ACCUSED_ANSWERS)
    assert _act_of(rules_only, "never landed") == "claim"  # no sure cue: the rules leave it a claim
    assert _act_of(x, "never landed") == "denial"
    assert _act_of(x, "Denied the allegations") == "denial"  # the verb's act is kept
    assert _act_of(x, "landing hundreds") == "accusation"
    answer = next(s for s in x.statements if "never landed" in s["text"])
    assert names(x)[answer["speaker"]] == "Yann Kervella"


def test_observing_keeps_the_rules_acts_and_records_each_statement_read() -> None:
    with act_model.observing() as seen:
        x = run(_ACCUSED_ANSWERS)
    assert [s["id"] for s, _ in seen] == [s["id"] for s in x.statements if s["act"] in MODEL_ACTS]
    feats = seen[0][1]
    assert feats["bias"] == 1.0 and "rule=accusation" in feats and "verb=accusation" in feats


def test_using_other_weights_changes_only_the_plain_claims() -> None:
    all_accusations = {"bias": (0.0, 0.0, 9.0, 0.0)}
    with act_model.observing():
        rules_only = run(_ACCUSED_ANSWERS)
    with act_model.using(all_accusations):
        x = run(_ACCUSED_ANSWERS)
    for before, after in zip(rules_only.statements, x.statements, strict=True):
        assert after["act"] == ("accusation" if before["act"] == "claim" else before["act"])


def test_empty_weights_are_used_as_given_and_leave_every_claim_a_claim() -> None:
    with act_model.observing():
        rules_only = run(_ACCUSED_ANSWERS)
    with act_model.using({}):
        x = run(_ACCUSED_ANSWERS)
    assert [s["act"] for s in x.statements] == [s["act"] for s in rules_only.statements]


def test_a_curly_apostrophe_negates_like_a_straight_one() -> None:
    assert NEGATED.search("we didn’t take a penny") and NEGATED.search("we didn't take a penny")
    statement = {"id": "s", "speaker": "a", "act": "claim", "text": "We didn’t take a penny",
                 "about": (), "cue": "said", "mode": "quote"}
    straight = dict(statement, id="t", text="We didn't take a penny")
    f = features([statement, straight], ActContext(["claim", "claim"]), side_of({}), {})
    assert "neg" in f[0] and set(f[0]) - {"prev=claim", "prev_same_side", "pos0"} == set(f[1]) - {
        "prev=claim", "prev_same_side", "pos2"}


@pytest.mark.parametrize("data", [
    {"acts": list(MODEL_ACTS), "weights": {"bias": [1.0, 2.0]}},
    {"acts": ["claim", "denial"], "weights": {}},
    {"weights": {}},
    [],
    {"acts": list(MODEL_ACTS), "weights": {"bias": ["x", 0, 0, 0]}},
])
def test_a_damaged_model_file_is_one_clear_error(data: object) -> None:
    with pytest.raises(ValueError, match="act_model.json"):
        checked_weights(data)


def test_choose_keeps_the_rules_acts_and_never_makes_a_response() -> None:
    sure_response = [0.0, 0.0, 0.0, 1.0]
    assert choose("claim", sure_response) == "claim"
    assert choose("claim", [0.1, 0.2, 0.5, 0.4]) == "accusation"
    assert choose("claim", [0.1, 0.15, 0.12, 0.4]) == "claim"  # a near tie stays a claim (MODEL_MARGIN)
    assert choose("denial", [0.9, 0.0, 0.1, 0.0]) == "denial"
    assert choose("demand", [0.0, 1.0, 0.0, 0.0]) == "demand"


def test_probabilities_are_a_distribution_and_unknown_features_are_ignored() -> None:
    weights = {"bias": (1.0, 2.0, 0.0, -1.0)}
    p = probabilities({"bias": 1.0, "no such feature": 5.0}, weights)
    assert sum(p) == pytest.approx(1.0)
    assert p.index(max(p)) == 1
    assert scores({"bias": 2.0}, weights) == [2.0, 4.0, 0.0, -2.0]
    assert probabilities({}, {}) == pytest.approx([0.25] * 4)


def test_features_name_the_cues_of_a_statement_and_its_speakers_place() -> None:
    statements = [
        {"id": "a", "speaker": "union", "act": "accusation", "text": "the firm falsified the records",
         "about": ("firm",), "cue": "accused", "mode": "paraphrase"},
        {"id": "d", "speaker": "boss", "act": "claim", "text": "we never touched the records",
         "about": (), "cue": "said", "mode": "quote"},
    ]
    side = side_of({"boss": "firm"})
    text = "The union said so. “We never touched the records,” the boss insisted."
    statements[0]["span"] = (4, 9)
    statements[1]["span"] = (text.index("We"), text.index(",”"))
    ctx = ActContext(["accusation", "claim"], {"boss": "person"}, text, [(0, 18), (19, len(text))],
                     {"a": 0, "d": 1})
    f = features(statements, ctx, side, {"a": ["firm"]})
    assert {"neg", "side_accused", "kind=person", "mode=quote", "prev=accusation", "w=touche",
            "cw=insist", "verb=claim", "rule=claim"} <= set(f[1])
    assert f[1]["prev_same_side"] == 0.0
    assert {"has_target", "about_other", "w=falsif", "cue=accused"} <= set(f[0])
    assert set(features(statements, ctx, side, {"a": ["firm"]}, acts=("claim",))) == {1}


def test_the_shipped_model_was_trained_only_on_sets_used_for_rule_design() -> None:
    data = json.loads(train_acts.MODEL_PATH.read_text(encoding="utf-8"))
    assert train_acts.MODEL_PATH.name == act_model.MODEL_FILE
    assert tuple(data["acts"]) == MODEL_ACTS
    assert data["trained_on"] == design_sets.training_sets()
    unseen = [key for key, (_, label) in sc.BLIND_SETS.items() if sc.UNSEEN in label]
    assert unseen and not set(unseen) & set(data["trained_on"])
    tuning = {name for name, _, _ in design_sets.articles(design_sets.TUNING)}
    assert tuning and not tuning & sc.HELD_OUT
    assert set(act_model.shipped_weights()) == set(data["weights"])


def test_training_learns_a_separable_cue() -> None:
    pytest.importorskip("numpy")
    rows = [(f"set{k % 3}", {"bias": 1.0, "w=never" if k % 2 else "w=knew": 1.0}, "claim",
             "denial" if k % 2 else "accusation") for k in range(30)]
    weights = train_acts.fit(rows)
    assert choose("claim", probabilities({"bias": 1.0, "w=never": 1.0}, weights)) == "denial"
    assert choose("claim", probabilities({"bias": 1.0, "w=knew": 1.0}, weights)) == "accusation"


def test_span_matching_breaks_ties_by_order_not_by_the_random_ids() -> None:
    from tests.extraction.matching import match_spans

    gold = [{"id": "g", "span": [0, 10]}]
    for first, second in (("p-zzz", "p-aaa"), ("p-aaa", "p-zzz")):
        pred = [{"id": first, "span": [0, 10]}, {"id": second, "span": [0, 10]}]
        assert match_spans(pred, gold) == {first: "g"}


def test_the_shipped_weights_are_what_training_gives_today() -> None:
    # Catches a change to the features, the rules or the design sets made without retraining
    # (python -m tests.extraction.train_acts --write): the shipped weights would silently read stale cues.
    pytest.importorskip("numpy")
    keys = design_sets.training_sets()
    fresh = train_acts.fit(train_acts.collect(keys))
    shipped = act_model.shipped_weights()
    zero = (0.0,) * len(MODEL_ACTS)  # a weight pruned as near zero on one machine may be kept on another
    worst = max(abs(a - b) for name in set(fresh) | set(shipped)
                for a, b in zip(fresh.get(name, zero), shipped.get(name, zero), strict=True))
    assert worst < 0.002
