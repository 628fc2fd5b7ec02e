"""A small network of awkward text (quotes, commas, newlines, markup, scripts, controls) for exports."""

from __future__ import annotations

from typing import Any

import claimnet.store as store_pkg
from claimnet.store import model

AWKWARD = [
    'He said "no", then \'yes\'',
    "a, b; c\td",
    "line one\nline two\r\nline three",
    "[b]x[/b] and a[/b and [@click=app.quit]x[/]",
    '<script>alert("x")</script> & &amp; *stars* _under_ `code` # hash | pipe',
    "북한은 러시아에 무기를 수출하지 않았다",
    "Северная Корея — «нет»",
    "لا يوجد تصدير",
    "朝鲜否认 🚀🇰🇵 emoji",
    "ctrl \x00\x01\x07\x1b[31m red \x7f end",
    "\\ backslash \\n not newline \\N",
    '=HYPERLINK("http://evil.example")',
]
STAMP = "2024-06-01T12:00:00.000000Z"
URL = "https://example.org/news?id=1&lang=ko"


def _base(rid: str) -> dict[str, Any]:
    return {"id": rid, "created": STAMP, "updated": STAMP}


def awkward_network() -> dict[str, Any]:
    """A valid network document whose every text field is one of ``AWKWARD``."""
    n = len(AWKWARD)
    sources = [_base("src-awk") | {"title": AWKWARD[3], "outlet": AWKWARD[5], "url": URL,
                                   "published": "2024-05-17", "text": "\n".join(AWKWARD),
                                   "reliability": "B"}]
    actors = []
    for i, text in enumerate(AWKWARD):
        actors.append(_base(f"act-{i}") | {
            "name": text, "kind": model.ACTOR_KINDS[i % len(model.ACTOR_KINDS)],
            "aliases": [f"alias {i}"], "affiliation": "act-0" if i else None,
            "role": AWKWARD[(i + 1) % n], "reliability": model.RELIABILITIES[i % 6]})
    statements, evidence, links, annotations = [], [], [], []
    for i, text in enumerate(AWKWARD):
        statements.append(_base(f"st-{i}") | {
            "speaker": f"act-{i}", "source": "src-awk", "act": model.ACTS[i % len(model.ACTS)],
            "mode": "quote", "cue": "said", "text": text, "quote": AWKWARD[(i + 3) % n],
            "said_on": "2024-05-17", "about": [f"act-{(i + 1) % n}"], "credibility": 1 + i % 6,
            "status": ("accepted", "proposed", "rejected")[i % 3] if i >= 3 else "accepted"})
        evidence.append(_base(f"ev-{i}") | {
            "text": AWKWARD[(i + 5) % n], "kind": "quantity",
            "quantity": {"value": 1000 + i, "unit": "containers"}, "reported_by": f"act-{i}",
            "source": "src-awk", "credibility": 1 + (i + 2) % 6,
            "status": "accepted" if i % 4 else "proposed"})
        links.append(_base(f"ln-sup-{i}") | {"from": f"ev-{i}", "to": f"st-{i}", "type": "supports",
                                              "weight": 2, "note": AWKWARD[(i + 7) % n]})
        links.append(_base(f"ln-con-{i}") | {"from": f"ev-{i}", "to": f"st-{(i + 1) % n}",
                                              "type": "contradicts", "weight": -1})
        links.append(_base(f"ln-den-{i}") | {"from": f"st-{i}", "to": f"st-{(i + 2) % n}",
                                              "type": "denies", "weight": None, "note": text})
        annotations.append(_base(f"an-{i}") | {
            "target": f"st-{i}", "note": AWKWARD[(i + 9) % n], "tags": [f"tag{i}", "kö"],
            "verdict": model.VERDICTS[i % len(model.VERDICTS)],
            "checks": {"position_to_know": bool(i % 2), "biased": None}, "analyst": AWKWARD[i]})
    links.append(_base("ln-acc") | {"from": "st-1", "to": "act-2", "type": "accuses", "weight": -2})
    annotations.append(_base("an-actor") | {"target": "act-1", "note": AWKWARD[2], "tags": [],
                                            "verdict": None, "checks": {}, "analyst": "analyst"})
    return {"format": "claimnet-network", "version": 1, "sources": sources, "actors": actors,
            "statements": statements, "evidence": evidence, "links": links,
            "annotations": annotations}


def open_awkward(path: str) -> store_pkg.Store:
    """A store at ``path`` holding the awkward network."""
    return store_pkg.open_store(path, network=awkward_network(), analyst="tester")
