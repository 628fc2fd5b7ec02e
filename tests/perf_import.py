"""Time importing a long article (1 MB by default):
``python -m tests.perf_import [--mb 1] [--repeat 5] [--real-copy]``.

The article is the extraction corpus's texts (with ``--real-copy``, the real-copy design sets' articles:
hard wraps, datelines, documents that speak, descriptions named later), each repeated with its people
renamed so that no two copies are the same, until it reaches the size asked for. Each phase is timed on
its own (median of the runs), beside a floor measured in the same run: one regular-expression pass over
the text that finds every word (what any extractor must at least do).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.features.extract import extract
from claimnet.store.features.extract.pieces import PARALLEL_FROM, cores
from claimnet.store.features.importer import ImportResult, _keep_valid, import_article
from claimnet.store.features.reading import Article
from tests.extraction import score as sc

_WORD = re.compile(r"\w+")
_EMPTY = {"format": "claimnet-network", "version": 1}


def long_article(megabytes: float, real_copy: bool = False) -> str:
    """Wire copy of about ``megabytes`` MB: the corpus's articles (or the real-copy design sets') over and
    over, names made distinct."""
    articles = sc.real_copy_design_articles() if real_copy else sc.corpus_articles()
    texts = [text for _name, text, _gold in articles]
    want = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    n = 0
    while size < want:
        text = texts[n % len(texts)]
        renamed = re.sub(r"\b([A-Z][a-z]{3,})\b", lambda m, n=n: f"{m.group(1)}{_suffix(n)}", text)
        parts.append(renamed)
        size += len(renamed.encode("utf-8")) + 1
        n += 1
    return "\n".join(parts)


def _suffix(n: int) -> str:
    """A letters-only tag that makes a name distinct per copy ('Kim' -> 'Kimab')."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[n // 26 % 26] + letters[n % 26]


def median_s(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--real-copy", action="store_true", help="build the article from real-copy sets")
    args = parser.parse_args(argv)
    text = long_article(args.mb, args.real_copy)
    print(f"article: {len(text.encode('utf-8')) / 1e6:.2f} MB, {len(text.split()):,} words")
    rows: list[tuple[str, float]] = [("floor: one regex pass over every word", median_s(
        lambda: sum(1 for _ in _WORD.finditer(text)), args.repeat))]
    workers = cores() if len(text) >= PARALLEL_FROM else 1  # as the importer asks
    proposed = extract(text, source_id="src-bench", workers=workers)
    rows.append((f"extract (propose the network; {workers} process{'es' if workers > 1 else ''})", median_s(
        lambda: extract(text, source_id="src-bench", workers=workers), args.repeat)))
    counts = {t: len(getattr(proposed, t)) for t in ("actors", "statements", "evidence", "links")}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        runs = iter(range(args.repeat * 2 + 2))

        def fresh() -> store_pkg.Store:
            name = str(path / f"store-{next(runs)}.json")
            return store_pkg.open_store(name, network=_EMPTY, analyst="bench")

        st = fresh()
        tables = {"actors": proposed.actors, "statements": proposed.statements,
                  "evidence": proposed.evidence, "links": proposed.links}

        def keep_valid() -> None:
            source = dict(model.defaults("sources"), id="src-bench", text=text, title="Bench")
            ops = st.prepare({"sources": [source], **tables})
            _keep_valid(st, ops, ImportResult("src-bench"))

        rows.append(("prepare and validate the proposals", median_s(keep_valid, args.repeat)))
        st.close()

        def whole_import() -> None:
            target = fresh()
            import_article(target, Article(text=text, name="bench.txt"))
            target.close()

        rows.append(("whole import (read to durable)", median_s(whole_import, args.repeat)))
    print(f"proposed: {counts}")
    print_phases(rows, rows[0][1])


def print_phases(rows: list[tuple[str, float]], floor: float) -> None:
    """Print timed phases, each beside how many times the floor it took."""
    width = max(len(name) for name, _ in rows)
    print(f"{'phase':<{width}}  {'median s':>9}  {'x floor':>8}")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:>9.3f}  {seconds / floor:>8.1f}")


if __name__ == "__main__":
    main()
