"""Storage benchmark: open, one durable change and search at 1k / 10k / 100k statements.

Run ``python -m tests.perf [--sizes 1000,10000,100000] [--repeat 7] [--tinydb]``. It builds
synthetic but realistic stores (proportional actors, sources, evidence, links, annotations),
then prints medians next to floors measured in the same run on the same file: an orjson load
(open), an append + fdatasync of one journal-sized line (change), and a plain substring scan
over statement texts (search). ``--tinydb`` also times one update through TinyDB's default
JSONStorage, which rewrites the whole file.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable

import orjson

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.network.portable import FORMAT, VERSION

WORDS = (
    "minister", "said", "missiles", "shipped", "containers", "denied", "accused", "sanctions",
    "border", "troops", "talks", "ceasefire", "report", "officials", "election", "court", "ruling",
    "ministry", "spokesperson", "claimed", "warned", "refinery", "petroleum", "artillery",
    "drones", "convoy", "satellite", "images", "investigation", "debris", "embassy", "statement",
    "alliance", "parliament", "budget", "inflation", "tariffs", "exports", "imports", "vessels",
    "harbour",
)


def synthetic_network(statements: int, seed: int = 7) -> dict:
    """A network document with ``statements`` statements and proportional other records."""
    rng = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()

    stamp = "2026-01-01T00:00:00.000000Z"
    base = {"created": stamp, "updated": stamp}
    n_actors, n_sources = max(20, statements // 20), max(5, statements // 50)
    actors = [dict(base, id=f"act-{i:07d}", name=f"{sentence(2)} {i}", kind=rng.choice(
        model.ACTOR_KINDS), aliases=[f"Alias {i}"], role=sentence(2)) for i in range(n_actors)]
    sources = []
    for i in range(n_sources):
        text = " ".join(sentence(12) + "." for _ in range(40))
        sources.append(dict(base, id=f"src-{i:07d}", title=sentence(6), outlet="Wire", text=text))
    rows = []
    for i in range(statements):
        src = sources[i % n_sources]
        start = rng.randrange(0, len(src["text"]) - 80)
        quote = src["text"][start:start + 60]
        rows.append(dict(base, id=f"st-{i:07d}", speaker=actors[i % n_actors]["id"],
                         source=src["id"], act=rng.choice(model.ACTS), mode="quote", cue="said",
                         text=sentence(rng.randint(8, 20)), quote=quote, span=[start, start + 60],
                         said_on="2024-05-17", about=[actors[(i * 7) % n_actors]["id"]],
                         credibility=rng.randint(1, 6)))
    evidence = [dict(base, id=f"ev-{i:07d}", text=sentence(12), kind="quantity",
                     quantity={"value": rng.randint(1, 9999), "unit": "containers"},
                     reported_by=actors[i % n_actors]["id"], credibility=3)
                for i in range(statements // 4)]
    links = [dict(base, id=f"ln-{i:07d}", to=rows[i]["id"], type="supports", weight=1,
                  **{"from": evidence[i % len(evidence)]["id"]}) for i in range(statements // 4)]
    links += [dict(base, id=f"ln-d{i:07d}", to=rows[i]["id"], type="denies",
                   **{"from": rows[i + 1]["id"]}) for i in range(0, statements - 1, 4)]
    notes = [dict(base, id=f"an-{i:07d}", target=rows[i * 10]["id"], note=sentence(15),
                  tags=["checked"], verdict=rng.choice(model.VERDICTS), analyst="bench")
             for i in range(statements // 10)]
    return {"format": FORMAT, "version": VERSION, "sources": sources, "actors": actors,
            "statements": rows, "evidence": evidence, "links": links, "annotations": notes}


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_size(folder: str, statements: int, repeat: int, with_tinydb: bool) -> list[tuple]:
    """Rows of (measure, median ms, floor name, floor ms) for one store size."""
    path = os.path.join(folder, f"s{statements}.json")
    store_pkg.open_store(path, network=synthetic_network(statements)).close()
    size_mb = os.path.getsize(path) / 1e6
    rows = []

    def load_floor() -> None:
        gc.disable()
        try:
            with open(path, "rb") as handle:
                orjson.loads(handle.read())
        finally:
            gc.enable()

    def open_close() -> None:
        store_pkg.open_store(path).close()

    rows.append(("open", median_ms(open_close, repeat), "orjson load", median_ms(load_floor, repeat)))

    opened = store_pkg.open_store(path, analyst="bench")
    ids = opened.ids("statements")
    counter = iter(range(10**9))

    def change() -> None:
        n = next(counter)
        opened.update(ids[n % len(ids)], credibility=1 + n % 6)

    journal = path + ".journal"
    before = os.path.getsize(journal) if os.path.exists(journal) else 0
    change()  # opens the journal; the floor appends a line as long as this change's entry
    line = b"x" * (os.path.getsize(journal) - before - 1) + b"\n"
    floor_path = os.path.join(folder, "floor.journal")
    fd = os.open(floor_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def append_floor() -> None:
        os.write(fd, line)
        os.fdatasync(fd)

    change_reps = max(repeat * 5, 30)
    rows.append(("one durable change", median_ms(change, change_reps), "append+fdatasync",
                 median_ms(append_floor, change_reps)))
    os.close(fd)

    queries = ["missiles shipped", "ceasefire", "alias 17", "refinery debris", "zzzz"]
    start = time.perf_counter()
    opened.search("warm")
    first = (time.perf_counter() - start) * 1000
    texts = [s["text"].lower() for s in opened.storage.tables["statements"].values()]

    def search() -> None:
        for query in queries:
            opened.search(query)

    def scan_floor() -> None:
        for query in queries:
            word = query.split()[0]
            _ = [t for t in texts if word in t]

    rows.append(("search (per query)", median_ms(search, repeat) / len(queries),
                 "substring scan", median_ms(scan_floor, repeat) / len(queries)))
    rows.append(("first search (fold cache)", first, "", None))
    opened.close()
    if with_tinydb:
        rows.append(("TinyDB JSONStorage update", _tinydb_update(path), "", None))
    return [(statements, size_mb, *row) for row in rows]


def _tinydb_update(path: str) -> float:
    from tinydb import Query, TinyDB

    db = TinyDB(path)
    start = time.perf_counter()
    db.table("statements").update({"credibility": 2}, Query().id == "st-0000001")
    elapsed = (time.perf_counter() - start) * 1000
    db.close()
    return elapsed


def main(argv: list[str] | None = None) -> None:
    """Build the stores, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--tinydb", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=os.environ.get("CLAIMNET_BENCH_DIR")) as folder:
        results = []
        for size in (int(s) for s in args.sizes.split(",")):
            results.extend(bench_size(folder, size, args.repeat, args.tinydb))
    header = f"{'statements':>10} {'MB':>6}  {'measure':<27} {'median ms':>10}  {'floor':<17} " \
             f"{'floor ms':>9} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for statements, size_mb, name, value, floor_name, floor in results:
        ratio = f"{value / floor:6.2f}" if floor else ""
        floor_text = f"{floor:9.3f}" if floor is not None else ""
        print(f"{statements:>10} {size_mb:6.1f}  {name:<27} {value:10.3f}  {floor_name:<17} "
              f"{floor_text:>9} {ratio:>6}")


if __name__ == "__main__":
    main()
