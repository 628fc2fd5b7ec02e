"""GraphML for Gephi, yEd and networkx: typed, labelled nodes and typed, signed edges.

Node keys: ``kind``, ``label``, ``text``, ``act``, ``credibility``, ``verdict``, ``status``,
``reliability``, ``url``; edge keys: ``type``, ``weight`` (the link's -2…+2, absent when the link
has none or for structural edges), ``sign`` (-1, 0, +1) and ``note``. Nodes also carry yEd shape
graphics so yEd shows labelled, shaped nodes at once (other readers ignore them). Text is
XML-escaped; characters XML 1.0 forbids are replaced by U+FFFD.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import IO

from .graph import Edge, Node, edge_count, edges, node_count, nodes
from .snapshot import Network, Progress, Ticker
from .text import clean

NODE_KEYS = (("kind", "string"), ("label", "string"), ("text", "string"), ("act", "string"),
             ("credibility", "int"), ("verdict", "string"), ("status", "string"),
             ("reliability", "string"), ("url", "string"))
EDGE_KEYS = (("type", "string"), ("weight", "double"), ("sign", "int"), ("note", "string"))
YED_SHAPES = {"actor": ("ellipse", "#DBE9F6"), "statement": ("rectangle", "#FDF3D0"),
              "evidence": ("roundrectangle", "#E3F1DF"), "source": ("parallelogram", "#EEEEEE")}

_MARKUP_RE = re.compile('[&<>"]')
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xmlns:y="http://www.yworks.com/xml/graphml"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
"""


def text(value: object) -> str:
    """``value`` as XML character data (or attribute text): escaped, forbidden characters replaced."""
    value = clean(value if isinstance(value, str) else str(value))
    if _MARKUP_RE.search(value) is None:
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_attr_id = lru_cache(maxsize=1 << 16)(text)  # ids repeat on every edge: escape each once


def _keys() -> list[str]:
    lines = [f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>'
             for name, kind in NODE_KEYS]
    lines += [f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>'
              for name, kind in EDGE_KEYS]
    lines.append('  <key id="yed" for="node" yfiles.type="nodegraphics"/>')
    return lines


def node_xml(node: Node) -> str:
    """One ``<node>`` element."""
    parts = [f'    <node id="{_attr_id(node.id)}">']
    for name, _kind in NODE_KEYS:
        value = getattr(node, name)
        if value is not None:
            parts.append(f'<data key="{name}">{text(value)}</data>')
    shape, fill = YED_SHAPES[node.kind]
    width = min(300, 40 + 6 * min(len(node.label), 50))
    parts.append(f'<data key="yed"><y:ShapeNode><y:Geometry height="40.0" width="{width}.0"/>'
                 f'<y:Fill color="{fill}" transparent="false"/><y:NodeLabel>{text(node.label)}'
                 f'</y:NodeLabel><y:Shape type="{shape}"/></y:ShapeNode></data>')
    parts.append("</node>")
    return "".join(parts)


def edge_xml(edge: Edge) -> str:
    """One ``<edge>`` element."""
    name = f'id="{text(edge.id)}" ' if edge.id else ""
    parts = [f'    <edge {name}source="{_attr_id(edge.source)}" target="{_attr_id(edge.target)}">',
             f'<data key="type">{edge.type}</data>']
    if edge.weight is not None:
        parts.append(f'<data key="weight">{float(edge.weight)}</data>')
    parts.append(f'<data key="sign">{edge.sign}</data>')
    if edge.note:
        parts.append(f'<data key="note">{text(edge.note)}</data>')
    parts.append("</edge>")
    return "".join(parts)


def write_graphml(net: Network, out: IO[bytes], progress: Progress | None = None) -> None:
    """Write ``net`` as a GraphML document to ``out`` (UTF-8)."""
    ticker = Ticker(progress, node_count(net) + edge_count(net))
    start = [HEAD.rstrip("\n"), *_keys(), '  <graph id="claimnet" edgedefault="directed">']
    out.write(("\n".join(start) + "\n").encode("utf-8"))
    chunk: list[str] = []
    for line in chain(map(node_xml, nodes(net)), map(edge_xml, edges(net))):
        chunk.append(line)
        ticker.advance()
        if len(chunk) >= 4096:
            out.write(("\n".join(chunk) + "\n").encode("utf-8"))
            chunk.clear()
    chunk += ["  </graph>", "</graphml>"]
    out.write(("\n".join(chunk) + "\n").encode("utf-8"))
    ticker.finish()
