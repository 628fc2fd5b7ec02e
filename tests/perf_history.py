"""History benchmark: how big the store file is after an import, and what an import and an undo cost.

Run ``python -m tests.perf_history [--sizes 10000,100000] [--repeat 3]``. For each size it writes
the benchmark's synthetic network as a JSON export (``claimnet export --format json`` shape), then
times whole ``claimnet`` processes on a new empty store: ``import-json`` of that export, and
``undo`` of one annotation made just before. It prints the store file's size (journal included)
beside the export's: the history must not hold the network a second time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import orjson

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_s(args: list[str]) -> float:
    """Seconds for one ``claimnet`` process from interpreter start to exit."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "claimnet.tui.cli", *args], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"claimnet {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - start


def store_bytes(path: str) -> int:
    """The store file and its journal, in bytes (derived files aside)."""
    return sum(os.path.getsize(p) for p in (path, path + ".journal") if os.path.exists(p))


def bench_size(folder: str, statements: int, repeat: int) -> list[tuple]:
    """Rows of (statements, measure, value, unit) for one size."""
    from claimnet.store import open_store
    from claimnet.store.network.portable import FORMAT, VERSION
    from tests.perf import synthetic_network

    export = os.path.join(folder, f"export-{statements}.json")
    with open(export, "wb") as handle:
        handle.write(orjson.dumps(synthetic_network(statements), option=orjson.OPT_INDENT_2))
    path = os.path.join(folder, f"history-{statements}.json")
    open_store(path, network={"format": FORMAT, "version": VERSION}).close()
    imported = run_s(["--store", path, "import-json", export])
    size, exported = store_bytes(path), os.path.getsize(export)
    undo = []
    for round_ in range(repeat + 1):
        run_s(["--store", path, "annotate", "st-0000042", "--note", f"benchmark note {round_}"])
        took = run_s(["--store", path, "undo"])
        if round_:  # the first round builds the lookup index
            undo.append(took)
    return [(statements, "export file", exported / 1e6, "MB"),
            (statements, "store file after import-json (journal included)", size / 1e6, "MB"),
            (statements, "store ÷ export", size / exported, "×"),
            (statements, "import-json (whole process)", imported, "s"),
            (statements, f"undo one annotation (whole process, median of {repeat})",
             statistics.median(undo), "s")]


def main(argv: list[str] | None = None) -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimnet-history-") as folder:
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            rows += bench_size(folder, size, args.repeat)
    print(f"{'statements':>10}  {'measure':<54} {'value':>10}")
    for statements, measure, value, unit in rows:
        print(f"{statements:>10}  {measure:<54} {value:>8.2f} {unit}")


if __name__ == "__main__":
    main()
