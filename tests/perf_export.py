"""Time every export format (and import, merge) on a synthetic store: ``python -m tests.perf_export``.

Builds a store of 100,000 statements (2,000 actors, 500 sources, 20,000 evidence, 60,000 links,
10,000 annotations) in a temporary folder and prints the median of a few runs per operation.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.features.export import FORMATS, export, import_document, read_document, select
from claimnet.store.features.merge import merge

STAMP = "2024-06-01T12:00:00.000000Z"


def synthetic_network(statements: int) -> dict[str, Any]:
    """A valid network document with ``statements`` statements and proportionate other records."""
    n_actors, n_sources = max(2, statements // 50), max(1, statements // 200)
    n_evidence, n_notes = statements // 5, statements // 10

    def rec(rid: str, **fields: Any) -> dict[str, Any]:
        return {"id": rid, "created": STAMP, "updated": STAMP, **fields}

    sources = [rec(f"src-{i}", title=f"Article {i}: talks, “denials” & <tags>", outlet="Wire",
                   url=f"https://example.org/{i}", published="2024-05-17",
                   text=f"Body of article {i}. " * 40) for i in range(n_sources)]
    actors = [rec(f"act-{i}", name=f"Actor {i} 김", kind=model.ACTOR_KINDS[i % 6],
                  aliases=[f"A{i}"], affiliation=f"act-{i // 10}" if i >= 10 else None)
              for i in range(n_actors)]
    said = [rec(f"st-{i}", speaker=f"act-{i % n_actors}", source=f"src-{i % n_sources}",
                act=model.ACTS[i % 10], text=f"Statement {i}, with \"quotes\" and [b]markup[/b]",
                about=[f"act-{(i + 1) % n_actors}"], credibility=1 + i % 6,
                status=model.STATUSES[i % 3]) for i in range(statements)]
    evidence = [rec(f"ev-{i}", text=f"Evidence {i}: {i} containers", kind="quantity",
                    quantity={"value": i, "unit": "containers"}, reported_by=f"act-{i % n_actors}",
                    source=f"src-{i % n_sources}") for i in range(n_evidence)]
    links = [rec(f"ln-s{i}", **{"from": f"ev-{i}", "to": f"st-{i}", "type": "supports", "weight": 2})
             for i in range(n_evidence)]
    links += [rec(f"ln-r{i}", **{"from": f"st-{i}", "to": f"st-{i - 1}", "type": "responds_to",
                                 "weight": -1}) for i in range(1, 2 * n_evidence + 1)]
    notes = [rec(f"an-{i}", target=f"st-{i * 10}", note=f"Note {i}\nsecond line", tags=["t"],
                 verdict=model.VERDICTS[i % 8], analyst="perf") for i in range(n_notes)]
    return {"format": "claimnet-network", "version": 1, "sources": sources, "actors": actors,
            "statements": said, "evidence": evidence, "links": links, "annotations": notes}


def median_time(action: Callable[[], Any], runs: int,
                before: Callable[[], Any] | None = None) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``action`` over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Build the store, time each operation, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="claimnet-perf-")
    rows: list[tuple[str, tuple[float, float], str]] = []
    try:
        path = os.path.join(folder, "big.json")
        network = synthetic_network(args.statements)
        build = median_time(lambda: store_pkg.open_store(path, network=network).close(), 1)
        rows.append(("build store (open_store with network)", build, ""))
        big = store_pkg.open_store(path, analyst="perf")
        total = sum(big.count(t) for t in model.RECORD_TABLES)
        rows.append(("select (whole)", median_time(lambda: select(big), args.runs), ""))
        net = select(big)
        for fmt in FORMATS:
            target = os.path.join(folder, "out.zip" if fmt == "csv" else f"out.{fmt}")
            seconds = median_time(lambda f=fmt, t=target: export(net, f, t), args.runs)
            rows.append((f"export {fmt}", seconds, f"{os.path.getsize(target) / 1e6:.1f} MB"))
        actor_net = median_time(lambda: select(big, actors=["act-1"]), args.runs)
        rows.append(("select --actor", actor_net, ""))
        empty = os.path.join(folder, "empty.json")

        def fresh() -> None:
            for suffix in ("", ".journal", ".lock"):
                if os.path.exists(empty + suffix):
                    os.unlink(empty + suffix)

        def import_json() -> None:
            with store_pkg.open_store(empty, network={"format": "claimnet-network", "version": 1}) as s:
                import_document(s, read_document(os.path.join(folder, "out.json")), "out.json")

        rows.append(("import-json (empty store)", median_time(import_json, 1, fresh), ""))
        big.close()
        other = os.path.join(folder, "other.json")
        shutil.copy(path, other)
        with store_pkg.open_store(other, analyst="other") as copy:
            for i in range(0, 1000):
                copy.update(f"st-{i * 7}", credibility=1 + (i % 6))
        with store_pkg.open_store(path, analyst="perf") as ours:
            plan_time = median_time(lambda: merge(ours, other, dry_run=True), args.runs)
            rows.append(("merge --dry-run (1,000 changed)", plan_time, ""))
            rows.append(("merge (1,000 changed)", median_time(lambda: merge(ours, other), 1), ""))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.statements:,} statements, {total:,} records; median of {args.runs} run(s)")
    print(f"{'operation':38} {'wall s':>7} {'cpu s':>7}  output")
    for name, (wall, cpu), size in rows:
        print(f"{name:38} {wall:7.2f} {cpu:7.2f}  {size}")


if __name__ == "__main__":
    main()
