"""Stores holding an import awaiting review: the seed article through the importer, or a fixed one."""

from __future__ import annotations

from pathlib import Path

import claimnet.store as store
from claimnet.store import default_network
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import read_article

EMPTY = {"format": "claimnet-network", "version": 1}
TITLE = "North Korea denies exporting weapons to Russia"
#: Actors the fixed store knows before the import (the rest arrive with it, as new actors).
KNOWN = ("act-north-korea", "act-south-korea", "act-russia", "act-united-states", "act-ukraine")


def seed_text() -> str:
    """The seed article's text, as the default network keeps it."""
    return default_network()["sources"][0]["text"]


def imported_store(tmp_path: Path, title: str = TITLE) -> tuple[str, str]:
    """An empty store with the seed article imported by ``claimnet import``'s code; (path, source id)."""
    article = tmp_path / "seed.txt"
    article.write_text(seed_text(), encoding="utf-8")
    path = str(tmp_path / "review.json")
    with store.open_store(path, network=EMPTY) as fresh:
        result = import_article(fresh, read_article(str(article)), title=title)
    return path, result.source_id


def fixed_import_store(path: str) -> str:
    """A store whose one import is the seed network turned into proposals with fixed ids (snapshots)."""
    network = default_network()
    known = [a for a in network["actors"] if a["id"] in KNOWN]
    with store.open_store(path, network={**EMPTY, "actors": known}) as fresh:
        proposed = {"status": "proposed", "origin": "extracted"}
        statements = [dict(st, **proposed, confidence=round(0.41 + (i * 0.13) % 0.58, 2))
                      for i, st in enumerate(network["statements"])]
        evidence = [dict(ev, **proposed, confidence=0.7) for ev in network["evidence"]]
        actors = [dict(a, **proposed, confidence=0.9) for a in network["actors"] if a["id"] not in KNOWN]
        links = [dict(ln, **proposed, confidence=0.6) for ln in network["links"]]
        fresh.add_many({"sources": network["sources"], "actors": actors,
                        "statements": statements, "evidence": evidence, "links": links},
                       summary=f"import {TITLE}")
    return network["sources"][0]["id"]
