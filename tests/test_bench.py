"""The benchmarks as tests, run on purpose (``pytest -m bench``): they print, they do not time out."""

from __future__ import annotations

import pytest

from tests import perf, perf_import


@pytest.mark.bench
def test_storage_benchmark_prints_its_table(capsys):
    perf.main(["--sizes", "1000,10000", "--repeat", "3"])
    out = capsys.readouterr().out
    assert "one durable change" in out and "orjson load" in out
    print(out)


@pytest.mark.bench
def test_import_benchmark_prints_its_table(capsys):
    perf_import.main(["--mb", "0.2", "--repeat", "3"])
    out = capsys.readouterr().out
    assert "whole import" in out and "floor" in out
    print(out)
