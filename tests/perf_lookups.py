"""Quick lookups benchmark: each shell command, whole process from interpreter start to exit.

Run ``python -m tests.perf_lookups [--sizes 10000,100000] [--repeat 5] [--dir FOLDER]``. Stores
are made once with the storage benchmark's generator (``FOLDER/s{N}.json``, reused; a working
copy is measured) and their lookup index is built by a first, separately timed, command, whose
peak memory is printed beside that of the floor process (the index is filled a record at a time,
so it should need far less than a whole parse), and so are those of a shell session folding its
journal (a record at a time too). Each command's median is printed beside the floor
measured in the same run: a whole process that parses the store file with orjson (gc off). The
goal is at most half that floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOOR = "import gc, sys, orjson; gc.disable(); orjson.loads(open(sys.argv[1], 'rb').read())"
COMMANDS = [
    ("search", ["search", "missiles", "shipped"]),
    ("search (no match)", ["search", "zzzz"]),
    ("show", ["show", "st-0000042"]),
    ("statements --speaker --json", ["statements", "--speaker", "act-0000017", "--json"]),
    ("evidence --for --json", ["evidence", "--for", "st-0000042", "--json"]),
    ("evidence --reported-by --json", ["evidence", "--reported-by", "act-0000017", "--json"]),
    ("evidence --json (all: a listing)", ["evidence", "--json"]),
    ("history --record", ["history", "--record", "st-0000042"]),
    ("annotate", ["annotate", "st-0000042", "--note", "benchmark note"]),
]
#: A shell session that makes 100 changes and folds its journal on close (as past its threshold).
FOLD = ("import sys, claimnet.store as s; st = s.open_store(sys.argv[1], lookups=True)\n"
        "for i in range(100): st.annotate(f'st-{i:07d}', note=f'fold {i}')\n"
        "st.storage.fold_due = True; st.close()")


def whole_process_s(args: list[str]) -> float:
    """Seconds for one process from interpreter start to exit."""
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):  # 1: a search that found nothing
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - start


def whole_process(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident MB of one process from interpreter start to exit."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode not in (0, 1):  # 1: a search that found nothing
        raise SystemExit(f"{' '.join(args)} failed with exit code {child.returncode}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def median_s(args: list[str], repeat: int) -> float:
    """The median of ``repeat`` whole-process runs."""
    return statistics.median(whole_process_s(args) for _ in range(repeat))


def store_of(folder: str, statements: int, use: str = "lookups") -> str:
    """A working copy of the generated store of this size (generated once, then reused), named for its use."""
    original = os.path.join(folder, f"s{statements}.json")
    if not os.path.exists(original):
        from claimnet.store import open_store
        from tests.perf import synthetic_network

        open_store(original, network=synthetic_network(statements)).close()
    work = os.path.join(folder, f"{use}-{statements}.json")
    for suffix in ("", ".journal", ".lock", ".lookup.sqlite", ".lookup.sqlite-wal", ".lookup.sqlite-shm"):
        if os.path.exists(work + suffix):
            os.remove(work + suffix)
    shutil.copy(original, work)
    return work


def bench_size(folder: str, statements: int, repeat: int) -> list[tuple]:
    """Rows of (statements, MB, measure, median s, floor s) for one store size."""
    path = store_of(folder, statements)
    size_mb = os.path.getsize(path) / 1e6
    cli = [sys.executable, "-m", "claimnet.tui.cli", "--store", path]
    floor = median_s([sys.executable, "-c", FLOOR, path], repeat)
    _floor_s, floor_mb = whole_process([sys.executable, "-c", FLOOR, path])
    build_s, build_mb = whole_process([*cli, "search", "x"])
    rows = [(statements, size_mb, "index build (first command)", build_s, floor),
            (statements, size_mb, "index build peak MB (floor: MB)", build_mb, floor_mb)]
    for name, args in COMMANDS:
        rows.append((statements, size_mb, name, median_s([*cli, *args], repeat), floor))
    fold_s, fold_mb = whole_process([sys.executable, "-c", FOLD, path])
    rows += [(statements, size_mb, "100 changes + fold on close", fold_s, floor),
             (statements, size_mb, "  its peak MB (floor: MB)", fold_mb, floor_mb)]
    index_mb = os.path.getsize(path + ".lookup.sqlite") / 1e6
    rows.append((statements, size_mb, f"(lookup index: {index_mb:.0f} MB on disk)", 0.0, floor))
    return rows


def main(argv: list[str] | None = None) -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", default=os.environ.get("CLAIMNET_BENCH_DIR"),
                        help="where generated stores are kept and reused (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or scratch
        rows = [row for size in args.sizes.split(",") for row in bench_size(folder, int(size), args.repeat)]
    header = f"{'statements':>10} {'MB':>6}  {'measure':<33} {'median s':>9}  {'orjson floor s':>14} " \
             f"{'÷ floor':>7}  {'≤ ½ floor':>9}"
    print(header)
    print("-" * len(header))
    for statements, size_mb, name, value, floor in rows:
        if not value:
            print(f"{statements:>10} {size_mb:6.1f}  {name}")
            continue
        verdict = "yes" if value <= floor / 2 else "no"
        print(f"{statements:>10} {size_mb:6.1f}  {name:<33} {value:9.3f}  {floor:14.3f} "
              f"{value / floor:7.2f}  {verdict:>9}")


if __name__ == "__main__":
    main()
