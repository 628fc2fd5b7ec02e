"""DOT and GraphML: read back with pydot, Graphviz (when installed), an XML parser and networkx."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pydot
import pytest

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.features.export import export, select
from claimnet.store.features.export.dot import SIGN_COLOURS
from claimnet.store.features.export.text import clean
from claimnet.tui.cli import main
from tests.export_fixtures import AWKWARD, open_awkward

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot")
N = len(AWKWARD)
NODES = 1 + 3 * N  # one source, and an actor, a statement and a piece of evidence per text
G = "{http://graphml.graphdrawing.org/xmlns}"


def unescape(value: str) -> str:
    """A DOT escString as Graphviz shows it: quotes stripped, \\\\ \\" \\n \\l \\r decoded."""
    if value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "l": "\n", "r": "\n"}.get(m.group(1), m.group(1)),
                  value)


def statement_text(i: int) -> str:
    return clean(AWKWARD[(i + 3) % N])  # the statement's quote, which nodes carry as text


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    with open_awkward(str(tmp_path_factory.mktemp("graph") / "a.json")) as s:
        yield s


@pytest.fixture(scope="module")
def dot_text(awkward) -> str:
    out = io.BytesIO()
    export(select(awkward), "dot", out)
    return out.getvalue().decode("utf-8")


@pytest.fixture(scope="module")
def graphml_bytes(awkward) -> bytes:
    out = io.BytesIO()
    export(select(awkward), "graphml", out)
    return out.getvalue()


def test_dot_parses_with_pydot_and_keeps_text(dot_text, awkward) -> None:
    [graph] = pydot.graph_from_dot_data(dot_text)
    nodes = {unescape(n.get_name()): n.get_attributes() for n in graph.get_nodes()
             if n.get_name() not in ("node", "edge", "graph")}
    assert len(nodes) == NODES
    kinds = {name: unescape(attrs["kind"]) for name, attrs in nodes.items()}
    assert {k for k in kinds.values()} == {"source", "actor", "statement", "evidence"}
    for i in range(N):
        attrs = nodes[f"st-{i}"]
        assert unescape(attrs["tooltip"]) == statement_text(i)
        assert unescape(attrs["shape"]) == "box" and unescape(attrs["act"]) == model.ACTS[i % 10]
        assert unescape(attrs["verdict"]) == model.VERDICTS[i % 8]
        assert unescape(nodes[f"act-{i}"]["shape"]) == "ellipse"
    assert "\x00" not in dot_text and "\x1b" not in dot_text
    edges = {unescape(e.get_attributes()["id"]): e for e in graph.get_edges() if "id" in e.get_attributes()}
    structure = [e for e in graph.get_edges() if "id" not in e.get_attributes()]
    assert {unescape(e.get_attributes()["type"]) for e in structure} == {
        "said", "about", "reported", "member_of", "cites"}
    for link in awkward.all("links"):
        edge = edges[link.id]
        attrs = edge.get_attributes()
        assert (unescape(edge.get_source()), unescape(edge.get_destination())) == (link.from_, link.to)
        assert unescape(attrs["type"]) == link.type
        assert attrs.get("consistency") == (None if link.weight is None else str(link.weight))
    assert unescape(edges["ln-con-0"].get_attributes()["color"]) == SIGN_COLOURS[-1]
    assert unescape(edges["ln-sup-0"].get_attributes()["color"]) == SIGN_COLOURS[2]
    assert unescape(edges["ln-den-0"].get_attributes()["style"]) == "bold"
    said = [e for e in structure if unescape(e.get_attributes()["type"]) == "said"]
    assert len(said) == N and unescape(said[0].get_source()) == "act-0"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_reads_the_dot_without_complaint(dot_text) -> None:
    done = subprocess.run(["dot", "-Tjson0"], input=dot_text.encode("utf-8"), capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Warning" not in done.stderr and b"Error" not in done.stderr
    objects = {o["name"]: o for o in json.loads(done.stdout)["objects"]}
    assert len(objects) == NODES
    for i in range(N):
        assert unescape(objects[f"st-{i}"]["tooltip"]) == statement_text(i)
        assert objects[f"st-{i}"]["kind"] == "statement"
    assert unescape(objects["act-3"]["label"]).replace("\n", " ") == AWKWARD[3]


def test_graphml_is_well_formed_with_declared_keys(graphml_bytes) -> None:
    root = ET.fromstring(graphml_bytes)
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{G}key")}
    for name in ("kind", "label", "text", "act", "credibility", "verdict"):
        assert ("node", name) in keys
    assert keys[("edge", "type")] == "string" and keys[("edge", "weight")] == "double"
    graph = root.find(f"{G}graph")
    assert graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall(f"{G}data")}
             for n in graph.iter(f"{G}node")}
    assert len(nodes) == NODES
    for i in range(N):
        data = nodes[f"st-{i}"]
        assert data["kind"] == "statement" and data["text"] == statement_text(i)
        assert data["credibility"] == str(1 + i % 6) and data["verdict"] == model.VERDICTS[i % 8]
    assert "\ufffd" in nodes["st-6"]["text"]  # the control characters of AWKWARD[9], replaced
    assert nodes["act-5"]["label"] == AWKWARD[5]


def test_graphml_reads_into_networkx_with_typed_signed_edges(graphml_bytes, awkward) -> None:
    graph = nx.read_graphml(io.BytesIO(graphml_bytes))
    assert graph.number_of_nodes() == NODES and graph.is_directed()
    assert graph.nodes["st-4"]["act"] == model.ACTS[4] and graph.nodes["st-4"]["credibility"] == 5
    assert graph.nodes["src-awk"]["url"] == "https://example.org/news?id=1&lang=ko"
    edges = {(u, v, d["type"]): d for u, v, d in graph.edges(data=True)}
    for link in awkward.all("links"):
        data = edges[(link.from_, link.to, link.type)]
        assert data.get("weight") == (None if link.weight is None else float(link.weight))
        assert data["sign"] == {"supports": 1, "contradicts": -1, "denies": -1, "accuses": -1}[link.type]
    assert edges[("st-0", "st-2", "denies")]["note"] == clean(AWKWARD[0])
    assert ("act-0", "st-0", "said") in edges and ("st-0", "act-1", "about") in edges
    assert ("act-3", "act-0", "member_of") in edges and ("ev-1", "src-awk", "cites") in edges


def test_cli_graph_exports_to_files(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    store_pkg.open_store(path).close()
    for fmt in ("dot", "graphml"):
        target = tmp_path / f"net.{fmt}"
        assert main(["export", "-f", fmt, "-o", str(target), "--store", path]) == 0
        assert target.stat().st_size > 1000
    capsys.readouterr()
    dot_text = (tmp_path / "net.dot").read_text(encoding="utf-8")
    assert dot_text.startswith("digraph claimnet {") and dot_text.rstrip().endswith("}")
    assert '"act-kim-yo-jong" [label="Kim Yo Jong", shape="ellipse"' in dot_text
    graph = nx.read_graphml(str(tmp_path / "net.graphml"))
    assert graph.nodes["act-kim-yo-jong"]["label"] == "Kim Yo Jong"
    assert graph.nodes["st-kim-yo-jong-denies-weapons-exports"]["act"] == "denial"
