"""The benchmarks as tests, run on purpose (``pytest -m bench``): they print, they do not time out."""

from __future__ import annotations

import pytest

from tests import perf, perf_across, perf_import, perf_lookups


@pytest.mark.bench
@pytest.mark.parametrize(("bench", "args", "expected"), [
    (perf, ["--sizes", "1000,10000", "--repeat", "3"], ("one durable change", "orjson load")),
    (perf_import, ["--mb", "0.2", "--repeat", "3"], ("whole import", "floor")),
    (perf_import, ["--mb", "0.2", "--repeat", "1", "--real-copy"], ("whole import", "floor")),
    (perf_across, ["--statements", "100000", "--repeat", "3"], ("whole import, matching", "floor")),
    (perf_lookups, ["--sizes", "1000", "--repeat", "3"], ("annotate", "orjson floor")),
], ids=["storage", "import", "import-real-copy", "across", "lookups"])
def test_benchmark_prints_its_table(bench, args, expected, capsys):
    bench.main(args)
    out = capsys.readouterr().out
    assert all(words in out for words in expected)
    print(out)
