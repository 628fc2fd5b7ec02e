"""Graphviz DOT: nodes shaped by kind, edges styled by type and coloured by sign, text escaped.

Every id and attribute value is a double-quoted DOT string: backslashes and quotes are escaped,
newlines become ``\\n`` (a line break in a label), other control characters are dropped. Besides
Graphviz's own attributes each node carries ``kind`` (and ``act``, ``credibility``, ``verdict``
where they apply) and each edge ``type`` and ``sign`` (and ``consistency``, the link's weight
from -2 to +2), which Graphviz keeps and other DOT readers can use.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import IO

from .graph import STRUCTURE_TYPES, Edge, Node, edge_count, edges, node_count, nodes
from .snapshot import Network, Progress, Ticker
from .text import clean, wrap

SHAPES = {
    "actor": ("ellipse", "#dbe9f6"),
    "statement": ("box", "#fdf3d0"),
    "evidence": ("note", "#e3f1df"),
    "source": ("folder", "#eeeeee"),
}
#: Line style and arrowhead for each edge type.
STYLES = {
    "supports": ("solid", "normal"),
    "restates": ("solid", "empty"),
    "contradicts": ("dashed", "tee"),
    "undercuts": ("dashed", "diamond"),
    "denies": ("bold", "tee"),
    "accuses": ("bold", "vee"),
    "responds_to": ("dotted", "normal"),
    "said": ("solid", "normal"),
    "about": ("dotted", "open"),
    "reported": ("solid", "normal"),
    "member_of": ("dashed", "onormal"),
    "cites": ("dotted", "none"),
}
#: Colour by sign of the link (weight, or the type's usual sign); structure is grey.
SIGN_COLOURS = {2: "#1a7f37", 1: "#4caf50", 0: "#555555", -1: "#e06c5a", -2: "#b3261e"}
STRUCTURE_COLOUR = "#9e9e9e"


def quote(text: str | None) -> str:
    """``text`` as a double-quoted DOT string (escString): quotes, backslashes, newlines escaped."""
    value = clean(text)
    if "\\" in value or '"' in value or "\n" in value:
        value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{value}"'


_quote_id = lru_cache(maxsize=1 << 16)(quote)  # ids repeat on every edge: escape each once


def _attrs(pairs: tuple[tuple[str, object], ...]) -> str:
    return "".join(f", {key}={value}" if isinstance(value, int) else f", {key}={quote(str(value))}"
                   for key, value in pairs if value is not None)


_NODE_STYLE = {kind: f', shape="{shape}", style="filled", fillcolor="{fill}", kind="{kind}"'
               for kind, (shape, fill) in SHAPES.items()}


@lru_cache(maxsize=256)
def _edge_style(kind: str, weight: int | None, sign: int) -> str:
    """The constant part of an edge's attributes, the same for every edge of a type and weight."""
    style, arrow = STYLES[kind]
    if kind in STRUCTURE_TYPES:
        colour, width, label = STRUCTURE_COLOUR, 1, None
    else:
        strength = weight if weight is not None else sign
        colour, width, label = SIGN_COLOURS[max(-2, min(2, strength))], 1 + abs(weight or 0), kind
    return _attrs((("type", kind), ("label", label), ("style", style), ("arrowhead", arrow),
                   ("color", colour), ("fontcolor", colour), ("penwidth", width), ("sign", sign),
                   ("consistency", weight)))


def node_line(node: Node) -> str:
    """One node statement."""
    label = "\\n".join(quote(line)[1:-1] for line in wrap(node.label, 28))
    return f'  {quote(node.id)} [label="{label}"{_NODE_STYLE[node.kind]}' + _attrs((
        ("tooltip", node.text), ("act", node.act), ("credibility", node.credibility),
        ("verdict", node.verdict), ("status", node.status), ("reliability", node.reliability),
        ("URL", node.url),
    )) + "];"


def edge_line(edge: Edge) -> str:
    """One edge statement."""
    tail = f", tooltip={quote(edge.note)}" if edge.note else ""
    head = f"id={quote(edge.id)}, " if edge.id else ""
    return (f"  {_quote_id(edge.source)} -> {_quote_id(edge.target)} [{head}"
            f"{_edge_style(edge.type, edge.weight, edge.sign)[2:]}{tail}];")


def write_dot(net: Network, out: IO[bytes], progress: Progress | None = None) -> None:
    """Write ``net`` as a Graphviz digraph to ``out`` (UTF-8)."""
    ticker = Ticker(progress, node_count(net) + edge_count(net))
    head = [
        "digraph claimnet {",
        '  graph [charset="UTF-8", rankdir="LR", overlap="false", fontname="Helvetica"];',
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=8];',
    ]
    out.write(("\n".join(head) + "\n").encode("utf-8"))
    chunk: list[str] = []
    for line in chain(map(node_line, nodes(net)), map(edge_line, edges(net))):
        chunk.append(line)
        ticker.advance()
        if len(chunk) >= 4096:
            out.write(("\n".join(chunk) + "\n").encode("utf-8"))
            chunk.clear()
    chunk.append("}")
    out.write(("\n".join(chunk) + "\n").encode("utf-8"))
    ticker.finish()
