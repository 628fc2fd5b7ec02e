"""What the training scripts of the extractor's two learned models share (train_acts for the act model,
train_denials for the denial model): the fitting, a ridge-penalised multinomial logistic regression over
named features by full-batch Adam with numpy; their command line (--cv or --write); and the writing of a
model's shipped weights file.

Features seen in fewer than ``min_sets`` training sets or fewer than ``min_count`` times are dropped, so
that a topic's own words (a company's name, 'hake') do not become cues.
"""

from __future__ import annotations

import argparse
import collections
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tests.extraction.design_sets import training_sets

#: One training example: the set it comes from, its features, its class (an index).
Example = tuple[str, Mapping[str, float], int]


def fit_softmax(examples: Sequence[Example], classes: int, *, l2: float, steps: int, rate: float,
                min_sets: int = 2, min_count: int = 3) -> dict[str, list[float]]:
    """Weights (feature -> one weight per class), rounded to four places; a feature whose weights are all
    below 0.0005 in size is left out."""
    import numpy as np

    sets_of: dict[str, set[str]] = collections.defaultdict(set)
    count: collections.Counter[str] = collections.Counter()
    for key, feats, _ in examples:
        for name in feats:
            sets_of[name].add(key)
            count[name] += 1
    names = sorted(n for n in count if count[n] >= min_count and len(sets_of[n]) >= min_sets)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for i, (_, feats, _) in enumerate(examples):
        for name, value in feats.items():
            if name in index:
                x[i, index[name]] = value
    y = np.eye(classes)[[label for _, _, label in examples]]
    w = np.zeros((len(names), classes))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (x.T @ (p - y) + l2 * w) / len(examples)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {n: [round(float(c), 4) for c in w[i]] for n, i in index.items() if np.abs(w[i]).max() >= 5e-4}


def training_main(argv: list[str] | None, description: str, cv_help: str,
                  cross_validate: Callable[[list[str]], int], write: Callable[[list[str]], int]) -> int:
    """The command line both training scripts share: --cv (leave-one-set-out) or --write (train on every
    design set and write the shipped weights)."""
    ap = argparse.ArgumentParser(description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--cv", action="store_true", help=cv_help)
    what.add_argument("--write", action="store_true", help="train on every design set, write the weights")
    args = ap.parse_args(argv)
    keys = training_sets()
    return cross_validate(keys) if args.cv else write(keys)


def write_model(path: Path, name: str, module: str, script: str, fields: Mapping[str, Any]) -> None:
    """Write a model's shipped file: a note saying what wrote it, then its fields (weights last)."""
    data = {"_about": f"Weights of the {name} ({module}), written by python -m {script} --write. Do not "
                      "edit by hand.", **fields}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
