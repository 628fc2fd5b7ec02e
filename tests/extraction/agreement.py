"""How far a second annotator's links for blind-20 agree with its gold (see agreement/README.md):
``python -m tests.extraction.agreement``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.extraction import score as sc

FOLDER = Path(__file__).resolve().parent / "agreement"


def agreement() -> dict[str, tuple[int, int, int]]:
    """Per link type, and 'all': (second annotator's links, gold links, links in both)."""
    second, gold, both = Counter(), Counter(), Counter()
    for name, _text, network in sc.blind_set_articles("blind20"):
        theirs = json.loads((FOLDER / f"{name.split(':', 1)[1]}.links.json").read_text(encoding="utf-8"))
        a = {(ln["from"], ln["to"], ln["type"]) for ln in theirs["links"]}
        b = {(ln["from"], ln["to"], ln["type"]) for ln in network["links"]}
        for counter, links in ((second, a), (gold, b), (both, a & b)):
            counter.update(t for _f, _t, t in links)
            counter["all"] += len(links)
    return {t: (second[t], gold[t], both[t]) for t in sorted(set(second) | set(gold))}


def main() -> None:
    print(f"{'type':<12} {'second':>7} {'gold':>5} {'both':>5} {'F1':>5}")
    for t, (a, b, c) in agreement().items():
        print(f"{t:<12} {a:>7} {b:>5} {c:>5} {2 * c / (a + b):>5.2f}")


if __name__ == "__main__":
    main()
