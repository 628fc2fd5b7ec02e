"""Time importing a 3 KB article into a store of 100,000 statements, cross-article matching included:
``python -m tests.perf_across [--statements 100000] [--repeat 5]``.

The store is the storage benchmark's synthetic network with statement texts drawn from the gold stories'
sentences, people renamed per copy (so the vocabulary is as varied as news, not 40 words). Each phase is
timed beside a floor measured in the same run: extracting the article's network alone, which any import
must do before it can match anything.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable

import claimnet.store as store_pkg
from claimnet.store.features.across.claim_index import claim_index
from claimnet.store.features.extract import extract
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import Article
from tests.across.score import stories
from tests.perf import synthetic_network
from tests.perf_import import _suffix, print_phases

_SENTENCE = re.compile(r"[^.!?\n]{30,}[.!?]")


def _sentences() -> list[str]:
    return [m.group(0).strip() for _n, path, gold in stories() for f in gold["order"]
            for m in _SENTENCE.finditer((path / f).read_text())]


def _renamed(text: str, n: int) -> str:
    return re.sub(r"\b([A-Z][a-z]{3,})\b", lambda m: f"{m.group(1)}{_suffix(n)}", text)


def news_network(statements: int) -> dict:
    """The synthetic network with news sentences as statement texts."""
    network = synthetic_network(statements)
    pool = _sentences()
    rng = random.Random(3)
    for i, row in enumerate(network["statements"]):
        row["text"] = _renamed(rng.choice(pool), i // len(pool))[:400]
    return network


def article(n: int) -> str:
    """About 3 KB of news: the arms story's three reports and two reports of the spill, people renamed
    for run ``n``."""
    parts = []
    for name, path, gold in stories():
        if name == "arms":
            parts += [(path / f).read_text() for f in gold["order"]]
        elif name == "spill":
            parts += [(path / "wire.txt").read_text(), (path / "broadcast.txt").read_text()]
    return _renamed("\n\n".join(parts), 500 + n)


def median_s(fn: Callable[[int], object], repeat: int) -> float:
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rows: list[tuple[str, float]] = []
    print(f"article: {len(article(0).encode('utf-8')):,} bytes; store: {args.statements:,} statements")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.json")
        store_pkg.open_store(path, network=news_network(args.statements)).close()
        start = time.perf_counter()
        st = store_pkg.open_store(path, analyst="bench")
        rows.append(("open the store (for scale)", time.perf_counter() - start))
        known = [a.to_dict() for a in st.all("actors")]
        rows.append(("floor: extract the article", median_s(
            lambda n: extract(article(n), source_id="src-x", known_actors=known), args.repeat)))
        start = time.perf_counter()
        claim_index(st)
        rows.append(("build the claim index (once per store)", time.perf_counter() - start))
        rows.append(("whole import, matching included", median_s(
            lambda n: import_article(st, Article(article(n), title=f"bench {n}")), args.repeat)))
        st.close()
        st = store_pkg.open_store(path, analyst="bench")
        rows.append(("first import in a new session", median_s(
            lambda n: import_article(st, Article(article(100 + n), title=f"again {n}")), 1)))
        st.close()
    print_phases(rows, rows[1][1])


if __name__ == "__main__":
    main()
