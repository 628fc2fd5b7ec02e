"""A child process for the crash and concurrency tests: makes changes and reports each one.

``python -m tests.store_worker PATH NAME COUNT [FOLD_BYTES [lookups|lookups-reopen|app]]`` creates
COUNT actors named NAME-0 … and, after each call returns (the change is durable), prints its name and flushes.
With ``lookups`` it works through the store's lookup index, as the quick shell commands do (with
``lookups-reopen`` it also closes and reopens the store every 25 rounds, folding the journal a record
at a time each time); with ``app``
it loads the whole store and keeps the index for its searches, as the app does, refilling it now and
then and finding each of its notes by search.
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
    mode = sys.argv[5] if len(sys.argv) > 5 else ""
    lookups = mode.startswith("lookups")  # "lookups-reopen": close (folding) and reopen every 25 rounds
    opened = store_pkg.open_store(path, analyst=name, lookups=lookups, search_index=mode == "app")
    counter = opened.create("actor", name=f"{name}-counter", role="0")
    print(f"counter {counter.id}", flush=True)
    for n in range(count):
        opened.create("actor", name=f"{name}-{n}")
        opened.update(counter.id, role=str(n + 1))
        opened.annotate("act-russia", note=f"{name} {n}")
        if mode == "app":
            if n % 10 == 0:
                opened.prepare_search()  # the app refills the index behind first paint and on polls
            found = {hit.snippet for hit in opened.search(f"{name} {n}", kinds=("annotation",))}
            assert f"{name} {n}" in found, f"note {name} {n} not found by search"
        print(f"ack {n}", flush=True)
        if mode == "lookups-reopen" and n % 25 == 24:
            opened.storage.fold_due = opened.storage.fold_due or opened.storage._journal_end > 0
            opened.close()  # folds the journal a record at a time, with the next child maybe waiting
            opened = store_pkg.open_store(path, analyst=name, lookups=True)
    opened.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
