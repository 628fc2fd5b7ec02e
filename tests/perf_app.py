"""App benchmark: first paint and the first ``/`` search on a large store, at 80×24, headless.

Run ``python -m tests.perf_app [--sizes 10000,100000] [--repeat 3] [--dir FOLDER]
[--query "missiles shipped"]``. Stores are made once with the storage benchmark's generator
(``FOLDER/s{N}.json``, reused; a working copy is measured). Each run starts a fresh process, so
every search is the first of its session, with nothing folded in memory. Each figure is printed
beside its floor, measured in the same run on the same file:

- *first paint*: from starting the app to the main screen showing its panes' rows, beside
  *open*: ``open_store`` alone in a fresh process (the goal: first paint within open + 0.5 s);
- *first / search*: from the query being in the search box (as if pasted) to its results on
  screen, beside the goal of 150 ms; the same query again through ``store.search``, and a
  search right after an edit (it must find the edit). The first session on a fresh copy has no
  lookup index yet: its first search folds texts in memory while the app builds the index
  behind first paint (printed, measured once); the later sessions find the index.

``--rss`` also prints the resident memory of a session that opens the app, searches and pages
through the statements pane (``VmRSS`` after each step, and the peak ``ru_maxrss``), beside 4 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from tests.perf_lookups import store_of

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _open_only(path: str) -> dict:
    """Seconds for ``open_store`` alone (the floor of first paint)."""
    from claimnet.store import open_store

    started = time.perf_counter()
    store = open_store(path)
    opened = time.perf_counter() - started
    store.close()
    return {"open": opened}


async def _wait(pilot, test, timeout: float = 120.0, step: float = 0.002) -> float:
    """Wait until ``test()`` holds; the moment it did (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while not test():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out waiting for the app")
        await pilot.pause(step)
    return time.perf_counter()


def _rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def _app_run(path: str, query: str, edit: bool, browse: bool) -> dict:
    """One app session: first paint, the first search, then a search right after an edit or
    paging through the statements pane (with the memory held after each step)."""
    from textual.containers import Vertical

    from claimnet.tui.app import ClaimnetApp
    from claimnet.tui.screens.main_screen import MainScreen
    from claimnet.tui.screens.search_screen import SearchScreen
    from claimnet.tui.widgets.record_list import RecordList

    out: dict = {}
    started = time.perf_counter()
    app = ClaimnetApp(path, keys_path=os.path.join(os.path.dirname(path), "no-keys.toml"),
                      poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        def painted() -> bool:
            screen = app.screen
            if not isinstance(screen, MainScreen) or not screen.query("#evidence"):
                return False  # not mounted yet
            panes = [screen.pane(name) for name in ("actors", "statements", "evidence")]
            return all(len(p.rows) and (not hasattr(p.rows, "is_built") or p.rows.is_built(0))
                       for p in panes)

        out["first_paint"] = await _wait(pilot, painted, timeout=600, step=0.005) - started
        out["rss_painted_mb"] = _rss_mb()
        screen = app.screen

        async def search(text: str) -> float:
            await pilot.press("slash")
            await _wait(pilot, lambda: isinstance(app.screen, SearchScreen))
            frame = app.screen.query_one(Vertical)
            began = time.perf_counter()
            app.screen.query_one("Input").value = text  # as if pasted: one Changed message
            shown = await _wait(pilot, lambda: "found" in str(frame.border_subtitle or "")
                                and app.screen.query_one(RecordList).rows is not None)
            out.setdefault("found", []).append(int(str(frame.border_subtitle).split()[0]))
            await pilot.press("escape")
            await _wait(pilot, lambda: app.screen is screen)
            return shown - began

        out["first_search"] = await search(query)
        out["rss_searched_mb"] = _rss_mb()
        store = app.store
        out["search_used_index"] = store.search_uses_index()
        began = time.perf_counter()
        store.search(query, limit=500)
        out["store_search"] = time.perf_counter() - began
        if edit:
            target = store.ids("statements")[0]
            store.annotate(target, note="perfappmarker after an edit")
            out["search_after_edit"] = await search("perfappmarker")
            store.undo()
        if browse:
            statements = screen.pane("statements")
            statements.focus()
            for key in ["pagedown"] * 30 + ["G"] + ["pageup"] * 10 + ["g"]:
                await pilot.press(key)
            await _wait(pilot, lambda: statements.rows.is_built(0), timeout=60)
            out["browsed_rows"] = len(statements.rows)
            out["rss_browsed_mb"] = _rss_mb()
    app.store.close()
    return out


def _child(argv: list[str]) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    what, path = argv[0], argv[1]
    if what == "open":
        result = _open_only(path)
    else:
        result = asyncio.run(_app_run(path, argv[2], edit=what == "app", browse=what == "browse"))
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run_child(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.perf_app", "--child", *args], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"perf_app child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_size(folder: str, statements: int, repeat: int, query: str, rss: bool) -> list[tuple]:
    """Rows of (statements, MB, measure, value, floor name, floor) for one store size."""
    path = store_of(folder, statements, use="app")
    size_mb = os.path.getsize(path) / 1e6
    cold = _run_child("app", path, query)  # a store never searched: no lookup index yet
    opens, runs = [], []
    for _ in range(repeat):
        opens.append(_run_child("open", path)["open"])
        runs.append(_run_child("app", path, query))  # the index is left by the session before
    med = {key: statistics.median(run[key] for run in runs) * 1000
           for key in ("first_paint", "first_search", "store_search", "search_after_edit")}
    open_ms = statistics.median(opens) * 1000
    rows = [
        (statements, size_mb, "open_store alone", open_ms, "", None),
        (statements, size_mb, "first paint", med["first_paint"], "open + 500 ms", open_ms + 500),
        (statements, size_mb, f"first / search ({runs[0]['found'][0]} rows)", med["first_search"],
         "150 ms", 150.0),
        (statements, size_mb, "  the same query again, store.search", med["store_search"], "150 ms",
         150.0),
        (statements, size_mb, "/ search right after an edit", med["search_after_edit"], "150 ms",
         150.0),
        (statements, size_mb, "first / search, no index yet (memory)", cold["first_search"] * 1000,
         "", None),
    ]
    if rss:
        browse = _run_child("browse", path, query)
        for key, name in (("rss_painted_mb", "RSS at first paint (MB)"),
                          ("rss_searched_mb", "RSS after the first search (MB)"),
                          ("rss_browsed_mb", "RSS after paging the statements (MB)"),
                          ("maxrss_mb", "peak RSS, open + search + browse (MB)")):
            rows.append((statements, size_mb, name, browse[key], "4 GB", 4096.0))
    return rows


def main(argv: list[str] | None = None) -> None:
    """Measure every size and print the table."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--query", default="missiles shipped")
    parser.add_argument("--rss", action="store_true", help="also measure peak memory (one more run)")
    parser.add_argument("--dir", default=os.environ.get("CLAIMNET_BENCH_DIR"),
                        help="where generated stores are kept and reused (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or scratch
        rows = [row for size in args.sizes.split(",")
                for row in bench_size(folder, int(size), args.repeat, args.query, args.rss)]
    header = f"{'statements':>10} {'MB':>6}  {'measure':<40} {'median':>9}  {'floor':<14} {'floor':>8}  ok"
    print(header)
    print("-" * len(header))
    for statements, size_mb, name, value, floor_name, floor in rows:
        line = f"{statements:>10} {size_mb:6.1f}  {name:<40} {value:9.1f}"
        if floor is not None:
            line += f"  {floor_name:<14} {floor:8.1f}  {'yes' if value <= floor else 'no'}"
        print(line)


if __name__ == "__main__":
    main()
