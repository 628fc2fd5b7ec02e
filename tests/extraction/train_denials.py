"""Train the denial model (``store/features/extract/denial_model.py``) on the design sets' gold denial links,
and measure it leave-one-set-out. Needs numpy (``pip install -e '.[train]'``); the importer does not.

    python -m tests.extraction.train_denials --cv      # each design set linked by a model trained without it
    python -m tests.extraction.train_denials --write   # train on every design set, write the shipped weights

Rows are (denial, candidate) pairs the extractor weighs; a pair is positive when both statements match
gold statements (by span, at least half of each) that a gold ``denies`` link joins. Only the sets used for
rule design train it, as for the act model (``train_acts``), so a held-out set's score stays unseen.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import NamedTuple

from tests.extraction import score as sc
from tests.extraction.design_sets import articles
from tests.extraction.matching import Counts, match_actors, match_spans
from tests.extraction.model_training import fit_softmax, training_main, write_model

ROOT = Path(__file__).resolve().parents[2]
MODEL_PATH = ROOT / "assets" / "wordlists" / "denial_model.json"
L2, STEPS, RATE = 1.0, 500, 0.05
#: Thresholds tried by --cv: (best candidate at least, any other at least).
GRID = [(0.1, 0.15), (0.1, 0.2), (0.1, 0.25), (0.1, 0.3), (0.15, 0.25), (0.2, 0.25), (0.1, 0.35), (0.3, 0.5)]


class Pair(NamedTuple):
    """A (denial, candidate) pair the extractor weighed, and what gold says of it."""

    set: str
    article: str
    denial: str
    candidate: str
    feats: dict[str, float]
    answers: bool  # the two match (by span) statements a gold denial link joins: what training learns
    scored: tuple[str, str] | None  # those gold statements when matched with the right speakers too:
    # what the scorer counts


def collect(keys: list[str]) -> list[Pair]:
    """Every (denial, candidate) pair weighed on the sets."""
    from claimnet.store.features.extract import denial_model, extract

    pairs = []
    for key in keys:
        for name, text, gold in articles(key):
            with denial_model.observing() as seen:
                pred = extract(text, source_id=gold["sources"][0]["id"])
            _, many = match_actors(pred.actors, gold["actors"])
            by_span = match_spans(pred.statements, gold["statements"])
            scored = match_spans(pred.statements, gold["statements"],
                                 lambda p, g, many=many: many.get(p["speaker"]) == g["speaker"])
            denies = {(ln["from"], ln["to"]) for ln in gold["links"] if ln["type"] == "denies"}
            for d, s, feats in seen:
                both = (scored.get(d["id"]), scored.get(s["id"]))
                pairs.append(Pair(key, name, d["id"], s["id"], feats,
                                  (by_span.get(d["id"]), by_span.get(s["id"])) in denies,
                                  both if both in denies else None))
    return pairs


def fit(pairs: list[Pair]) -> dict[str, float]:
    """Binary logistic regression weights (feature -> weight), ridge-penalised."""
    two = fit_softmax([(p.set, p.feats, int(p.answers)) for p in pairs], 2, l2=L2, steps=STEPS, rate=RATE)
    return {name: round(w[1] - w[0], 4) for name, w in two.items()}


def _chosen(pairs: list[Pair], weights: dict[str, float], top: float, more: float) -> tuple[int, int]:
    """(right, proposed) denial links of some sets' pairs, chosen as the extractor chooses."""
    from claimnet.store.features.extract.denial_model import select

    by_denial = collections.defaultdict(list)
    for p in pairs:
        by_denial[p.article, p.denial].append(p)
    right, proposed, hit = 0, 0, set()
    for weighed in by_denial.values():
        for _prob, p in select([(p, p.feats) for p in weighed], weights, top, more):  # pairs as candidates
            proposed += 1
            if p.scored is not None and (p.article, p.scored) not in hit:
                hit.add((p.article, p.scored))
                right += 1
    return right, proposed


def _links(key: str, weights: dict[str, float]) -> Counts:
    """One set's scores with these weights."""
    from claimnet.store.features.extract import denial_model, extract

    total = Counts()
    for _name, text, gold in articles(key):
        with denial_model.using(weights):
            pred = extract(text, source_id=gold["sources"][0]["id"])
        total.add(sc.score(text, gold, pred))
    return total


def cross_validate(keys: list[str]) -> int:
    """Print each design set linked by a model trained on the others, and the link F1 each pair of
    thresholds would give (denial links chosen anew, every other link as extracted)."""
    from claimnet.store.features.extract.denial_model import MORE, TOP

    pairs = collect(keys)
    links = Counts()
    grid: collections.Counter = collections.Counter()
    print(f"{'set':<9}{'denials right / proposed':>26}{'link F1':>10}")
    for key in keys:
        weights = fit([p for p in pairs if p.set != key])
        mine = [p for p in pairs if p.set == key]
        got = _links(key, weights)
        links.add(got)
        shipped = _chosen(mine, weights, TOP, MORE)
        for top, more in GRID:
            right, proposed = _chosen(mine, weights, top, more)
            grid[top, more, "tp"] += got.ln_tp - shipped[0] + right
            grid[top, more, "pred"] += got.ln_pred - shipped[1] + proposed
            grid[top, more, "right"] += right
            grid[top, more, "proposed"] += proposed
        print(f"{key:<9}{shipped[0]:>16} / {shipped[1]:<7}{got.metrics()['ln_f1']:>10.3f}")
    m = links.metrics()
    print(f"{'all':<9}{'':>26}{m['ln_f1']:>10.3f}   (link P {m['ln_p']:.3f}, R {m['ln_r']:.3f})")
    print(f"\n{'top, more':<14}{'denials right':>15}{'proposed':>10}{'link F1':>10}")
    for top, more in GRID:
        f1 = 2 * grid[top, more, "tp"] / (grid[top, more, "pred"] + links.ln_gold)
        mark = "  (shipped)" if (top, more) == (TOP, MORE) else ""
        right, proposed = grid[top, more, "right"], grid[top, more, "proposed"]
        print(f"{top:.2f}, {more:.2f}{right:>15}{proposed:>10}{f1:>10.3f}{mark}")
    return 0


def write(keys: list[str]) -> int:
    """Train on every design set and write the shipped weights."""
    pairs = collect(keys)
    weights = fit(pairs)
    write_model(MODEL_PATH, "denial model", "store/features/extract/denial_model.py",
                "tests.extraction.train_denials",
                {"trained_on": keys, "rows": len(pairs), "positives": sum(1 for p in pairs if p.answers),
                 "weights": dict(sorted(weights.items()))})
    print(f"{len(weights)} weights from {len(pairs)} pairs of {len(keys)} sets -> {MODEL_PATH}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return training_main(argv, __doc__, "leave-one-set-out: denial links and link F1",
                         cross_validate, write)


if __name__ == "__main__":
    raise SystemExit(main())
