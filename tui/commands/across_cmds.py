"""``claimnet same`` and ``claimnet timeline``: one claim, or one actor, across articles."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from rich.text import Text

from .output import cell, console, emit_json, open_for, print_table, table, with_id

if TYPE_CHECKING:  # the matcher pulls in the extractor: imported only by the commands that match
    from claimnet.store.features.across.views import Report


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the same and timeline subcommands."""
    p = sub.add_parser("same", parents=[common],
                       help="every statement and evidence making the same claim, with source and date")
    p.add_argument("ref", help="a statement or evidence: id, unique id prefix")
    p.set_defaults(func=same)
    p = sub.add_parser("timeline", parents=[common],
                       help="an actor's statements, or a claim's reports, in date order")
    p.add_argument("ref", help="an actor (id, name or alias), a statement or evidence")
    p.set_defaults(func=show_timeline)


def same(args: argparse.Namespace) -> int:
    """Print the reports making the same claim as REF (REF first)."""
    from claimnet.store.features.across.views import report_of, same_claim

    store = open_for(args)
    record = store.resolve(args.ref)
    found = same_claim(store, record.id)
    rows = [report_of(store, r) for r in sorted(found, key=lambda r: (r.id != record.id, r.created))]
    return _print(rows, "Only this report makes the claim." if len(rows) == 1 else None, args.json)


def show_timeline(args: argparse.Namespace) -> int:
    """Print an actor's statements or a claim's reports, oldest first."""
    from claimnet.store.features.across.views import timeline

    store = open_for(args)
    record = store.resolve(args.ref)
    return _print(timeline(store, record.id), "Nothing to show: no statements yet.", args.json)


def _print(rows: list[Report], alone: str | None, as_json: bool) -> int:
    if as_json:
        emit_json([r.to_dict() for r in rows])
        return 0
    out = console()
    grid = table("date", "source", "act", "who", "what")
    for r in rows:
        source = " · ".join(x for x in (r.outlet, r.source_title) if x)
        what = f"“{r.quote}”" if r.quote else r.text
        grid.add_row(cell(r.date or "undated"), cell(source, 24), cell(r.act or r.kind, style="cyan"),
                     cell(r.speaker_name, 18), with_id(what, r.id))
    print_table(out, grid)
    if alone and len(rows) <= 1:
        out.print(Text(alone))
    return 0
