"""Train the act model (``store/features/extract/act_model.py``) on the design sets' gold acts, and measure
it leave-one-set-out. Needs numpy (``pip install -e '.[train]'``); the app and the importer do not.

    python -m tests.extraction.train_acts --cv      # each design set scored by a model trained without it
    python -m tests.extraction.train_acts --write   # train on every design set, write the shipped weights

Only the sets used for rule design train it (the corpus's tuning articles, the blind sets labelled so): a
set still held out (the corpus's held-out two, blind-7, the newest blind set) never does, so its score
stays an unseen measurement of rules and model together.

Rows are the extractor's own statements, matched to gold statements by span (at least half of each);
a gold act the model does not choose among (demand, threat …) counts as "claim", which means "keep what
the verb said". Features shared by fewer than two sets or seen fewer than three times are dropped, so a
topic's own words (a company's name, 'hake', 'tachograph') do not become cues.
"""

from __future__ import annotations

import collections
from pathlib import Path

from tests.extraction import score as sc
from tests.extraction.design_sets import articles
from tests.extraction.matching import Counts, match_spans
from tests.extraction.model_training import fit_softmax, training_main, write_model

ROOT = Path(__file__).resolve().parents[2]
MODEL_PATH = ROOT / "assets" / "wordlists" / "act_model.json"

L2 = 5.0  # ridge penalty (total, divided by the number of rows)
STEPS = 400  # full-batch Adam steps
RATE = 0.05
MIN_SETS, MIN_COUNT = 2, 3

Row = tuple[str, dict[str, float], str, str]  # set, features, rule act, gold act


def collect(keys: list[str]) -> list[Row]:
    """(set, features, rule act, gold act) of every extracted statement the model reads that matches a
    gold statement."""
    from claimnet.store.features.extract import act_model, extract

    rows: list[Row] = []
    for key in keys:
        for _name, text, gold in articles(key):
            with act_model.observing() as seen:
                pred = extract(text, source_id=gold["sources"][0]["id"])
            matched = match_spans(pred.statements, gold["statements"])
            gold_act = {g["id"]: g["act"] for g in gold["statements"]}
            for statement, feats in seen:
                g = matched.get(statement["id"])
                if g is not None:
                    act = gold_act[g] if gold_act[g] in act_model.MODEL_ACTS else "claim"
                    rows.append((key, feats, statement["act"], act))
    return rows


def fit(rows: list[Row]) -> dict[str, list[float]]:
    """Multinomial logistic regression weights (feature -> one weight per act), ridge-penalised."""
    from claimnet.store.features.extract.act_model import MODEL_ACTS

    examples = [(key, feats, MODEL_ACTS.index(gold)) for key, feats, _, gold in rows]
    return fit_softmax(examples, len(MODEL_ACTS), l2=L2, steps=STEPS, rate=RATE, min_sets=MIN_SETS,
                       min_count=MIN_COUNT)


def _act_counts(rows: list[Row], weights: dict[str, list[float]]) -> collections.Counter:
    from claimnet.store.features.extract.act_model import MODEL_ACTS, choose, scores

    c: collections.Counter = collections.Counter()
    for _, feats, rule, gold in rows:
        model = choose(rule, scores(feats, weights))
        c["n"] += 1
        for who, act in (("rule", rule), ("model", model)):
            c[who, "right"] += act == gold
            for a in MODEL_ACTS[1:]:
                c[who, a, "pred"] += act == a
                c[who, a, "hit"] += act == a == gold
        for a in MODEL_ACTS[1:]:
            c["gold", a] += gold == a
    return c


def _links(key: str, weights: dict[str, list[float]] | None) -> Counts:
    """Scores of one set with the rules' acts only (weights None) or with the model's."""
    from claimnet.store.features.extract import act_model, extract

    total = Counts()
    for _name, text, gold in articles(key):
        guard = act_model.observing() if weights is None else act_model.using(weights)
        with guard:
            pred = extract(text, source_id=gold["sources"][0]["id"])
        total.add(sc.score(text, gold, pred))
    return total


def _f1(hit: int, pred: int, gold: int) -> float:
    return 2 * hit / (pred + gold) if pred + gold else 0.0


def cross_validate(keys: list[str]) -> int:
    """Print each design set scored by a model trained on the others, against the rules alone."""
    rows = collect(keys)
    acts = collections.Counter()
    links = {"rule": Counts(), "model": Counts()}
    print(f"{'set':<9}{'act accuracy':>16}{'link F1':>16}")
    for key in keys:
        weights = fit([r for r in rows if r[0] != key])
        c = _act_counts([r for r in rows if r[0] == key], weights)
        acts.update(c)
        rule, model = _links(key, None), _links(key, weights)
        links["rule"].add(rule)
        links["model"].add(model)
        print(f"{key:<9}{c['rule', 'right'] / c['n']:>8.2f} -> {c['model', 'right'] / c['n']:.2f}"
              f"{rule.metrics()['ln_f1']:>9.2f} -> {model.metrics()['ln_f1']:.2f}")
    r, m = links["rule"].metrics(), links["model"].metrics()
    print(f"{'all':<9}{acts['rule', 'right'] / acts['n']:>8.2f} -> {acts['model', 'right'] / acts['n']:.2f}"
          f"{r['ln_f1']:>9.3f} -> {m['ln_f1']:.3f}   (link P {r['ln_p']:.3f} -> {m['ln_p']:.3f}, "
          f"R {r['ln_r']:.3f} -> {m['ln_r']:.3f})")
    print(f"\n{'act':<12}{'rules P / R / F1':>22}{'model P / R / F1':>22}   ({acts['n']} statements)")
    for a in ("denial", "accusation", "response"):
        cells = []
        for who in ("rule", "model"):
            hit, pred, gold = acts[who, a, "hit"], acts[who, a, "pred"], acts["gold", a]
            cells.append(f"{hit / pred if pred else 0:.2f} / {hit / gold if gold else 0:.2f} / "
                         f"{_f1(hit, pred, gold):.2f}")
        print(f"{a:<12}{cells[0]:>22}{cells[1]:>22}")
    return 0


def write(keys: list[str]) -> int:
    """Train on every design set and write the shipped weights."""
    from claimnet.store.features.extract.act_model import MODEL_ACTS

    rows = collect(keys)
    weights = fit(rows)
    write_model(MODEL_PATH, "act model", "store/features/extract/act_model.py", "tests.extraction.train_acts",
                {"acts": list(MODEL_ACTS), "trained_on": keys, "rows": len(rows),
                 "weights": dict(sorted(weights.items()))})
    print(f"{len(weights)} features from {len(rows)} statements of {len(keys)} sets -> {MODEL_PATH}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return training_main(argv, __doc__, "leave-one-set-out: acts and links, rules vs model",
                         cross_validate, write)


if __name__ == "__main__":
    raise SystemExit(main())
