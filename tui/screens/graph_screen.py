"""The neighbourhood: records within two links of the focused one, as a tree labelled by link and way."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Tree

from claimnet.store import Store, StoreError, model

from ..detail_text import label_of
from ..safe_text import one_line
from ..widgets.key_footer import KeyFooter
from ..widgets.key_lists import KeyTree

MAX_CHILDREN = 40


@dataclass(slots=True)
class Node:
    """One tree node: how it is reached, the record, and what lies beyond it."""

    edge: str
    record_id: str
    label: str
    children: list[Node] = field(default_factory=list)


def edges(store: Store, record_id: str) -> list[tuple[str, str]]:
    """(edge label, other record id) for every link and reference touching a record."""
    out = [(("→ " if way == "out" else "← ") + link.type.replace("_", " "), other.id)
           for link, way, other in store.linked(record_id)]
    record = store.find(record_id)
    if isinstance(record, model.Statement):
        out.append(("said by", record.speaker))
        out += [("about", actor) for actor in record.about]
    elif isinstance(record, model.Actor):
        out += [("said", s.id) for s in store.statements_by(record_id)]
        out += [("mentioned in", s.id) for s in store.statements_about(record_id)]
        if record.affiliation:
            out.append(("part of", record.affiliation))
        out += [("has member", a.id) for a in store.affiliates(record_id)]
    elif isinstance(record, model.Evidence) and record.reported_by:
        out.append(("reported by", record.reported_by))
    return out


def neighbourhood(store: Store, root_id: str, depth: int = 2) -> Node:
    """The tree of records within ``depth`` steps of ``root_id`` (no record repeated on a branch)."""

    def grow(node: Node, level: int, path: set[str]) -> None:
        if level >= depth:
            return
        for edge, other_id in edges(store, node.record_id)[:MAX_CHILDREN]:
            if other_id in path:
                continue
            child = Node(edge, other_id, label_of(store, store.find(other_id), 70).plain)
            node.children.append(child)
            grow(child, level + 1, path | {other_id})

    root = Node("", root_id, label_of(store, store.find(root_id), 70).plain)
    grow(root, 0, {root_id})
    return root


def node_label(node: Node) -> Text:
    """A tree label: the edge in colour, the kind, and the record's name or words (never markup)."""
    text = Text()
    if node.edge:
        text.append(node.edge, style="bold cyan")
        text.append(" ")
    kind = model.kind_of_id(node.record_id) or "?"
    text.append(f"{kind} ", style="dim")
    text.append(one_line(node.label, 80))
    return text


class GraphScreen(Screen[str | None]):
    """Explore around a record; j/k move, enter re-centres on a node, [ and ] walk back and forward."""

    BINDINGS = [
        Binding("escape", "close", "Back to panes", id="close_graph"),
        Binding("left_square_bracket", "back", "Back", id="back"),
        Binding("right_square_bracket", "forward", "Forward", id="forward"),
    ]
    DEFAULT_CSS = "GraphScreen Tree { height: 1fr; border: round $accent; }"

    class Built(Message):
        """A neighbourhood tree read in a worker."""

        def __init__(self, root: Node) -> None:
            super().__init__()
            self.root = root

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield KeyTree(Text("Loading…"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Tree).focus()
        self.centre(self.record_id, remember=False)

    def centre(self, record_id: str, remember: bool = True) -> None:
        """Rebuild the tree around a record (and remember the visit)."""
        self.record_id = record_id
        if remember:
            self.app.nav.visit(record_id)
        self.run_worker(lambda: self._build(record_id), thread=True, exclusive=True, group="graph")

    def _build(self, record_id: str) -> None:
        try:
            root = neighbourhood(self.app.store, record_id)
        except StoreError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.post_message(self.Built(root))

    def on_graph_screen_built(self, message: Built) -> None:
        if message.root.record_id != self.record_id:
            return
        tree = self.query_one(Tree)
        tree.clear()
        tree.reset(node_label(message.root), message.root.record_id)
        tree.border_title = Text("Neighbourhood of ") + Text(one_line(node_label(message.root).plain, 50))

        def add(parent, node: Node) -> None:
            for child in node.children:
                if child.children:
                    add(parent.add(node_label(child), child.record_id, expand=True), child)
                else:
                    parent.add_leaf(node_label(child), child.record_id)

        add(tree.root, message.root)
        tree.root.expand()
        tree.move_cursor(tree.root)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        record_id = event.node.data
        if record_id and record_id != self.record_id:
            self.centre(record_id)

    def action_back(self) -> None:
        record_id = self.app.nav.back()
        if record_id:
            self.centre(record_id, remember=False)

    def action_forward(self) -> None:
        record_id = self.app.nav.forward()
        if record_id:
            self.centre(record_id, remember=False)

    def action_close(self) -> None:
        self.dismiss(self.record_id)
