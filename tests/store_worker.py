"""A child process for the crash and concurrency tests: makes changes and reports each one.

``python -m tests.store_worker PATH NAME COUNT [FOLD_BYTES [lookups]]`` creates COUNT actors
named NAME-0 … and, after each call returns (the change is durable), prints its name and flushes.
With ``lookups`` it works through the store's lookup index, as the quick shell commands do.
"""

from __future__ import annotations

import sys

import claimnet.store as store_pkg
from claimnet.store.engine import storage


def main() -> None:
    """Write COUNT changes, acknowledging each on stdout."""
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if len(sys.argv) > 4 and int(sys.argv[4]):
        storage.FOLD_MIN_BYTES = int(sys.argv[4])
        storage.FOLD_SHARE = 0.0
    lookups = sys.argv[5:6] == ["lookups"]
    opened = store_pkg.open_store(path, analyst=name, lookups=lookups)
    counter = opened.create("actor", name=f"{name}-counter", role="0")
    print(f"counter {counter.id}", flush=True)
    for n in range(count):
        opened.create("actor", name=f"{name}-{n}")
        opened.update(counter.id, role=str(n + 1))
        opened.annotate("act-russia", note=f"{name} {n}")
        print(f"ack {n}", flush=True)
    opened.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
