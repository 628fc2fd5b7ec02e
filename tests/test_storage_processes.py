"""Storage promises across processes: kill -9 mid-write loses nothing acknowledged; two
writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

import claimnet.store as store_pkg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _worker(path: str, name: str, count: int, fold_bytes: int | None = None,
            lookups: bool | str = False) -> subprocess.Popen:
    """A writing child; ``lookups`` True works through the lookup index, "app" as the app does."""
    args = [sys.executable, "-m", "tests.store_worker", path, name, str(count), str(fold_bytes or 0)]
    if lookups:
        args.append("lookups" if lookups is True else lookups)
    return subprocess.Popen(args, stdout=subprocess.PIPE, cwd=ROOT, text=True)


def _check_acknowledged(path: str, name: str, counter: str | None, acked: int) -> None:
    """Check through a whole load, then through the lookup index, which must agree with it, and find
    the last acknowledged note by search as the app does."""
    for lookups in (False, True):
        _check_session(path, name, counter, acked, lookups)
    if acked:
        with store_pkg.open_store(path, search_index=True) as app:
            app.prepare_search()
            found = {hit.snippet for hit in app.search(f"{name} {acked - 1}", kinds=("annotation",))}
            assert f"{name} {acked - 1}" in found, "the app's search misses an acknowledged note"


def _check_session(path: str, name: str, counter: str | None, acked: int, lookups: bool) -> None:
    opened = store_pkg.open_store(path, lookups=lookups)
    try:
        names = {a.name for a in opened.all("actors")}
        missing = [n for n in range(acked) if f"{name}-{n}" not in names]
        assert not missing, f"acknowledged actors lost after kill: {missing[:5]}"
        if counter is not None and acked:
            assert int(opened.get(counter).role) >= acked
        notes = {a.note for a in opened.annotations_of("act-russia")}
        assert all(f"{name} {n}" in notes for n in range(acked))
    finally:
        opened.close()


def _kill_rounds(tmp_path, rounds: int, lookups: bool | str = False) -> int:
    """Kill a writing child ``rounds`` times; the number of acknowledged changes checked."""
    path = str(tmp_path / "killed.json")
    total = 0
    store_pkg.open_store(path).close()
    rng = random.Random(1234)
    for round_no in range(rounds):
        name = f"w{round_no}"
        # with lookups, every other child reads through the index (a kill mid-commit leaves it behind)
        child = _worker(path, name, 10_000, fold_bytes=rng.choice([30_000, 200_000, 4_000_000]),
                        lookups=lookups and round_no % 2 == 0)
        counter = child.stdout.readline().split()[1]
        acked = 0
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("ack"):
                acked = int(line.split()[1]) + 1
        os.kill(child.pid, signal.SIGKILL)
        # lines already written by the child before the kill were acknowledged too
        for line in child.stdout.read().splitlines():
            if line.startswith("ack"):
                acked = int(line.split()[1]) + 1
        child.wait()
        _check_acknowledged(path, name, counter, acked)  # it took the lock: no temp file is left
        assert [f for f in os.listdir(tmp_path) if f.endswith(".tmp")] == []
        total += acked
    return total


def test_kill_9_during_writes_loses_no_acknowledged_change(tmp_path):
    _kill_rounds(tmp_path, rounds=12)


def test_kill_9_during_writes_through_the_lookup_index(tmp_path):
    _kill_rounds(tmp_path, rounds=12, lookups=True)


def test_kill_9_during_folds_by_lines_loses_no_acknowledged_change(tmp_path):
    _kill_rounds(tmp_path, rounds=10, lookups="lookups-reopen")


def test_kill_9_during_writes_of_a_session_searching_as_the_app_does(tmp_path):
    _kill_rounds(tmp_path, rounds=8, lookups="app")


@pytest.mark.slow
@pytest.mark.parametrize("lookups", [False, True, "lookups-reopen", "app"])
def test_kill_9_soak(tmp_path, lookups):
    acked = _kill_rounds(tmp_path, rounds=300, lookups=lookups)
    print(f"\nkill soak (lookups={lookups}): 300 SIGKILLs, {acked} acknowledged changes, none lost")


def test_two_writer_processes_lose_nothing(tmp_path):
    _writers_lose_nothing(tmp_path, ("alpha", "beta"), count=150)


def test_a_whole_session_and_an_indexed_session_lose_nothing(tmp_path):
    _writers_lose_nothing(tmp_path, ("alpha", "beta"), count=150, lookups=True)


def test_an_app_session_and_a_shell_session_lose_nothing_and_find_each_note(tmp_path):
    _writers_lose_nothing(tmp_path, ("app", "shell"), count=120, lookups=True, first="app")


@pytest.mark.slow
@pytest.mark.parametrize("writers", [3, 4])
@pytest.mark.parametrize("lookups", [False, True])
def test_more_writer_processes_lose_nothing(tmp_path, writers, lookups):
    _writers_lose_nothing(tmp_path, tuple(f"w{n}" for n in range(writers)), count=400, lookups=lookups)
    print(f"\n{writers} concurrent writers (lookups={lookups}) × 400 rounds × 3 changes: none lost")


def _writers_lose_nothing(tmp_path, names: tuple[str, ...], count: int, lookups: bool = False,
                          first: str | bool = False) -> None:
    """Writers at once; with ``lookups`` every other one works through the lookup index (``first``
    says how the others work: "app" searches through the index as the app does)."""
    path = str(tmp_path / "shared.json")
    store_pkg.open_store(path).close()
    children = [_worker(path, name, count, fold_bytes=60_000,
                        lookups=lookups and (True if n % 2 == 1 else first))
                for n, name in enumerate(names)]
    outputs = [child.communicate(timeout=600)[0] for child in children]
    assert all(child.returncode == 0 for child in children)
    for name, output in zip(names, outputs, strict=True):
        counter = output.splitlines()[0].split()[1]
        _check_acknowledged(path, name, counter, count)
    for through_index in (False, True):
        opened = store_pkg.open_store(path, lookups=through_index)
        assert len(opened.annotations_of("act-russia")) == len(names) * count
        ids = [a.id for a in opened.all("actors")]
        assert len(ids) == len(set(ids))
        opened.close()
