"""``claimnet check``: verify every reference and span in a store."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from claimnet.store.features.check import problems

from ..safe_text import visible
from .output import cell, console, emit_json, open_for, table


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the check subcommand."""
    p = sub.add_parser("check", parents=[common],
                       help="verify references and spans; exit 1 listing problems")
    p.set_defaults(func=check)


def check(args: argparse.Namespace) -> int:
    """Print the store's problems (exit 1) or that it is sound (exit 0)."""
    store = open_for(args)
    found = problems(store)
    if args.json:
        emit_json({"path": store.path, "ok": not found, "problems": found})
        return 1 if found else 0
    out = console()
    if not found:
        total = sum(store.count(t) for t in ("sources", "actors", "statements", "evidence",
                                             "links", "annotations"))
        out.print(Text(f"OK: {total} records checked in {visible(store.path)}; no problems."), soft_wrap=True)
        return 0
    grid = table(f"{len(found)} problem(s) in {visible(store.path)}")
    for problem in found:
        grid.add_row(cell(problem))
    out.print(grid)
    return 1
