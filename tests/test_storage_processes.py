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


def _worker(path: str, name: str, count: int, fold_bytes: int | None = None) -> subprocess.Popen:
    args = [sys.executable, "-m", "tests.store_worker", path, name, str(count)]
    if fold_bytes:
        args.append(str(fold_bytes))
    return subprocess.Popen(args, stdout=subprocess.PIPE, cwd=ROOT, text=True)


def _check_acknowledged(path: str, name: str, counter: str | None, acked: int) -> None:
    opened = store_pkg.open_store(path)
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


def _kill_rounds(tmp_path, rounds: int) -> None:
    path = str(tmp_path / "killed.json")
    store_pkg.open_store(path).close()
    rng = random.Random(1234)
    for round_no in range(rounds):
        name = f"w{round_no}"
        child = _worker(path, name, 10_000, fold_bytes=rng.choice([30_000, 200_000, 4_000_000]))
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
        _check_acknowledged(path, name, counter, acked)


def test_kill_9_during_writes_loses_no_acknowledged_change(tmp_path):
    _kill_rounds(tmp_path, rounds=12)


@pytest.mark.slow
def test_kill_9_soak(tmp_path):
    _kill_rounds(tmp_path, rounds=300)


def test_two_writer_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "shared.json")
    store_pkg.open_store(path).close()
    count = 150
    children = [_worker(path, name, count, fold_bytes=60_000) for name in ("alpha", "beta")]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert all(child.returncode == 0 for child in children)
    for name, output in zip(("alpha", "beta"), outputs, strict=True):
        counter = output.splitlines()[0].split()[1]
        _check_acknowledged(path, name, counter, count)
    opened = store_pkg.open_store(path)
    assert len(opened.annotations_of("act-russia")) == 2 * count
    ids = [a.id for a in opened.all("actors")]
    assert len(ids) == len(set(ids))
    opened.close()
