"""Small helpers the extractor's tests share: run it on a text, and read back who said what."""

from __future__ import annotations

from typing import Any

from claimnet.store.features.extract import Extraction, extract


def run(text: str, **kw: Any) -> Extraction:
    """Extract from ``text`` as an import of source ``src-test`` would."""
    return extract(text, source_id="src-test", **kw)


def names(x: Extraction) -> dict[str, str]:
    """Proposed actors' names by id."""
    return {a["id"]: a["name"] for a in x.actors}


def actors_by_name(x: Extraction) -> dict[str, dict[str, Any]]:
    """Proposed actors by name."""
    return {a["name"]: a for a in x.actors}


def said(x: Extraction, known: dict[str, str] | None = None) -> list[tuple[str, str, str | None]]:
    """(speaker name, mode, quote) of every statement."""
    n = names(x) | (known or {})
    return [(n.get(s["speaker"], s["speaker"]), s["mode"], s["quote"]) for s in x.statements]


def speakers(text: str) -> list[str]:
    """The speaker's name of every statement extracted from a text, in order."""
    return [who for who, _mode, _quote in said(run(text))]


def spans(x: Extraction, text: str) -> set[tuple[str, str]]:
    """(speaker name, attributed words) of every statement."""
    n = names(x)
    return {(n.get(s["speaker"], s["speaker"]), text[s["span"][0] : s["span"][1]]) for s in x.statements}


def evidence_found(text: str, kind: str | None = None) -> list[str]:
    """The words of each piece of evidence extracted from a text (of one kind, when given), in order."""
    return [text[e["span"][0] : e["span"][1]] for e in run(text).evidence
            if kind is None or e["kind"] == kind]
