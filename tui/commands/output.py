"""What the subcommands share: opening the store, Rich output that is plain when piped, JSON."""

from __future__ import annotations

import sys
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimnet.store import Store, open_store

from ..safe_text import one_line, visible

ERR = Console(stderr=True, highlight=False, soft_wrap=True)


def console() -> Console:
    """A console for stdout: colour on a terminal, plain text (80 columns) when piped."""
    return Console(highlight=False, emoji=False, soft_wrap=False)


def open_for(args: Any, create: bool = False, lookups: bool = False) -> Store:
    """Open the store the command's ``--store`` names, saying so when a new one was made.

    Only commands that write pass ``create``: a read command on a mistyped path says there is
    no store there and creates nothing. Commands that look up a few records pass ``lookups``:
    they read through the store's lookup index and never parse the whole file.
    """
    store = open_store(args.store, create=create, lookups=lookups)
    if store.created_new:
        ERR.print(Text(f"claimnet: created a new store at {visible(store.path)} with the default network."))
    if store.migrated_from is not None:
        ERR.print(Text(f"claimnet: migrated {visible(store.path)} from schema {store.migrated_from} "
                       f"(backup beside it)."))
    return store


def emit_json(value: Any) -> None:
    """Write ``value`` as indented JSON on stdout."""
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def cell(text: str | None, width: int | None = None, style: str = "") -> Text:
    """A table cell holding user text literally (never markup, control characters shown)."""
    return Text(one_line(text, width), style=style)


def block(text: str | None, style: str = "") -> Text:
    """Multi-line user text, literal."""
    return Text(visible(text), style=style)


def with_id(text: str | None, record_id: str, style: str = "") -> Text:
    """User text with the record's id on the line below, dim, whole so it can be copied."""
    out = Text(one_line(text), style=style)
    out.append("\n")
    out.append(one_line(record_id), style="dim")
    return out


def print_table(out: Console, grid: Table) -> None:
    """Print a table; when piped, without the spaces that pad each line to the full width."""
    if out.is_terminal:
        out.print(grid)
        return
    with out.capture() as captured:
        out.print(grid)
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
    sys.stdout.flush()


def table(*columns: str, title: str | None = None) -> Table:
    """A compact table with the given column headers."""
    grid = Table(title=title, box=None, pad_edge=False, header_style="bold", title_justify="left",
                 expand=False)
    for column in columns:
        if column == "id":
            grid.add_column(column, no_wrap=True, overflow="ellipsis", max_width=44)
        else:
            grid.add_column(column, overflow="fold")
    return grid


def record_json(record: Any) -> dict[str, Any]:
    """A record's JSON shape with its kind."""
    return {"record_kind": record.KIND, **record.to_dict()}
