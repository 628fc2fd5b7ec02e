"""The network as a typed graph, shared by the DOT and GraphML writers.

Nodes are sources, actors, statements and evidence. Edges are the links (typed, with their
signed weight) and the structure the records carry: ``said`` (actor → statement), ``about``
(statement → actor), ``reported`` (actor → evidence), ``member_of`` (actor → affiliation) and
``cites`` (statement or evidence → source).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimnet.store import model

from .snapshot import Network
from .text import clean, shorten

NODE_TABLES = ("sources", "actors", "statements", "evidence")
STRUCTURE_TYPES = ("said", "about", "reported", "member_of", "cites")
#: The sign a link type carries when it has no weight: +1 agrees, -1 disagrees, 0 neither.
TYPE_SIGN = {"supports": 1, "restates": 1, "contradicts": -1, "undercuts": -1, "denies": -1,
             "accuses": -1, "responds_to": 0}
LABEL_WIDTH = 80


@dataclass(frozen=True, slots=True)
class Node:
    """A record drawn as a node; ``None`` fields do not apply to its kind."""

    id: str
    kind: str
    label: str
    text: str | None = None
    act: str | None = None
    credibility: int | None = None
    verdict: str | None = None
    status: str | None = None
    reliability: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """A typed edge: a link (with its id, weight and note) or a structural relation (no id)."""

    id: str | None
    source: str
    target: str
    type: str
    weight: int | None = None
    note: str | None = None

    @property
    def sign(self) -> int:
        """+1, -1 or 0: the weight's sign, or the type's usual sign when there is no weight."""
        if self.weight is not None:
            return (self.weight > 0) - (self.weight < 0)
        return TYPE_SIGN.get(self.type, 0)


def nodes(net: Network) -> Iterator[Node]:
    """Every node, by kind (sources, actors, statements, evidence), in store order."""
    for source in net.tables["sources"]:
        yield Node(source["id"], "source", shorten(source["title"], LABEL_WIDTH),
                   text=clean(source["title"]), reliability=source["reliability"],
                   url=clean(source["url"]) or None, verdict=net.verdict(source["id"]))
    for actor in net.tables["actors"]:
        yield Node(actor["id"], "actor", shorten(actor["name"], LABEL_WIDTH),
                   text=clean(actor["role"]) or None, reliability=actor["reliability"],
                   verdict=net.verdict(actor["id"]))
    for st in net.tables["statements"]:
        yield Node(st["id"], "statement", shorten(f"{st['act']}: {st['text']}", LABEL_WIDTH),
                   text=clean(st["quote"] or st["text"]), act=st["act"], credibility=st["credibility"],
                   verdict=net.verdict(st["id"]), status=st["status"])
    for ev in net.tables["evidence"]:
        yield Node(ev["id"], "evidence", shorten(ev["text"], LABEL_WIDTH), text=clean(ev["text"]),
                   credibility=ev["credibility"], verdict=net.verdict(ev["id"]), status=ev["status"])


def edges(net: Network) -> Iterator[Edge]:
    """Every edge: links first (in store order), then the structural relations."""
    present = net.by_id
    for link in net.tables["links"]:
        yield Edge(link["id"], link["from"], link["to"], link["type"], link["weight"],
                   clean(link["note"]) or None)
    for actor in net.tables["actors"]:
        if actor["affiliation"] in present:
            yield Edge(None, actor["id"], actor["affiliation"], "member_of")
    for st in net.tables["statements"]:
        yield Edge(None, st["speaker"], st["id"], "said")
        for actor in st["about"]:
            yield Edge(None, st["id"], actor, "about")
        if st["source"] in present:
            yield Edge(None, st["id"], st["source"], "cites")
    for ev in net.tables["evidence"]:
        if ev["reported_by"] in present:
            yield Edge(None, ev["reported_by"], ev["id"], "reported")
        if ev["source"] in present:
            yield Edge(None, ev["id"], ev["source"], "cites")


def node_count(net: Network) -> int:
    """How many nodes ``nodes(net)`` yields (for progress)."""
    return sum(len(net.tables[table]) for table in NODE_TABLES)


def edge_count(net: Network) -> int:
    """How many edges ``edges(net)`` yields (for progress)."""
    return len(net.tables["links"]) + sum(
        1 + len(st["about"]) + bool(st["source"]) for st in net.tables["statements"]
    ) + sum(bool(ev["reported_by"]) + bool(ev["source"]) for ev in net.tables["evidence"]) + sum(
        bool(a["affiliation"]) for a in net.tables["actors"])


assert set(TYPE_SIGN) == set(model.LINK_TYPES)
