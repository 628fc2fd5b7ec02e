"""The sets the extractor's learned models train on: the corpus's tuning articles and every blind set
labelled "used for rule design" in score.py (never a held-out one)."""

from __future__ import annotations

from typing import Any

from tests.extraction import score as sc

TUNING = "tuning"  # the corpus's tuning articles (not its held-out two)


def training_sets() -> list[str]:
    """The sets used for rule design, in order: the corpus's tuning articles and the blind sets so
    labelled, the ones the model may learn from."""
    return [TUNING] + [key for key, (_, label) in sc.BLIND_SETS.items() if sc.DESIGN in label]


def articles(key: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, gold) of one training set."""
    if key == TUNING:
        return [a for a in sc.corpus_articles() if a[0] not in sc.HELD_OUT]
    return sc.blind_set_articles(key)
