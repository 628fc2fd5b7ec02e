"""A synthetic claim network of any size, written as a store quickly, for the 100,000-row tests."""

from __future__ import annotations

import os

import claimnet.store as store
from claimnet.store import model

ACTORS = 200
ACTS = model.ACTS
TEXTS = ("exported weapons to Russia", "supplied artillery shells", "tested a new missile",
         "shipped containers by rail", "denied any arms dealings", "received fuel and food")


def network(statements: int = 100_000, evidence: int = 2_000) -> dict:
    """A network document with ``statements`` statements spread over 200 actors."""
    stamp = "2026-01-01T00:00:00.000000Z"
    actors = [{"id": f"act-{i:05d}", "created": stamp, "updated": stamp, "name": f"Actor {i:05d}",
               "kind": model.ACTOR_KINDS[i % 5]} for i in range(ACTORS)]
    sts = [{"id": f"st-{i:06d}", "created": stamp, "updated": stamp, "speaker": f"act-{i % ACTORS:05d}",
            "act": ACTS[i % len(ACTS)], "text": f"Statement {i}: {TEXTS[i % len(TEXTS)]}",
            "said_on": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
            "about": [f"act-{(i * 7 + 1) % ACTORS:05d}"]} for i in range(statements)]
    evs = [{"id": f"ev-{i:05d}", "created": stamp, "updated": stamp, "text": f"Evidence {i}",
            "kind": model.EVIDENCE_KINDS[i % 6]} for i in range(evidence)]
    links = [{"id": f"ln-{i:05d}", "created": stamp, "updated": stamp, "from": f"ev-{i:05d}",
              "to": f"st-{(i * 37) % statements:06d}", "type": ("supports", "contradicts")[i % 2]}
             for i in range(evidence)]
    return {"format": "claimnet-network", "version": 1, "actors": actors, "statements": sts,
            "evidence": evs, "links": links}


def build(path: str, statements: int = 100_000) -> str:
    """Create (once) a store at ``path`` holding the synthetic network; the path."""
    if not os.path.exists(path):
        store.open_store(path, network=network(statements)).close()
    return path


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    print(build(sys.argv[1]), f"{time.perf_counter() - started:.1f} s")
