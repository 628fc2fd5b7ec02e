"""Quick changes from a shell: annotate a record, undo, redo, and the history of changes."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from claimnet.store import model
from claimnet.store.network.changes import describe_entry, record_history

from .choices import vocabulary
from .output import cell, console, emit_json, open_for, record_json, table


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add annotate, undo, redo and history."""
    p = sub.add_parser("annotate", parents=[common], help="add a note, tags, verdict or grade")
    p.add_argument("ref", help="the record: id, unique id prefix, actor name or alias")
    p.add_argument("--note", help="free text")
    p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    p.add_argument("--verdict", type=vocabulary(model.VERDICTS),
                   help="true, mostly_true, mixed, misleading, mostly_false, false, unproven, not_checkable")
    p.add_argument("--credibility", type=int, choices=model.CREDIBILITIES,
                   help="1 confirmed … 6 cannot be judged (statements, evidence)")
    p.add_argument("--reliability", type=vocabulary(model.RELIABILITIES),
                   help="A completely reliable … F cannot be judged (actors, sources)")
    for check in model.CHECKS:
        p.add_argument(f"--{check.replace('_', '-')}", dest=check, type=vocabulary(("yes", "no")),
                       help=f"critical question: {check.replace('_', ' ')}")
    p.set_defaults(func=annotate)

    p = sub.add_parser("undo", parents=[common], help="undo the newest change")
    p.set_defaults(func=undo)
    p = sub.add_parser("redo", parents=[common], help="redo the change undone last")
    p.set_defaults(func=redo)
    p = sub.add_parser("history", parents=[common], help="who changed what, newest first")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--record", metavar="REF", help="only changes touching this record")
    p.set_defaults(func=history)


def annotate(args: argparse.Namespace) -> int:
    """Save the annotation durably, then print it."""
    with open_for(args, create=True, lookups=True) as store:
        record = store.resolve(args.ref)
        checks = {c: getattr(args, c) == "yes" for c in model.CHECKS if getattr(args, c)}
        saved = store.annotate(record.id, note=args.note, tags=args.tag, verdict=args.verdict,
                               checks=checks, credibility=args.credibility,
                               reliability=args.reliability)
        graded = store.get(record.id)
    if args.json:
        emit_json({"record": record_json(graded),
                   "annotation": saved.to_dict() if saved else None})
        return 0
    out = console()
    if saved is None and graded.to_dict() == record.to_dict():
        out.print(Text(f"Nothing changed: {record.KIND} {record.id} already had that grade."))
        return 0
    what = f"annotation {saved.id}" if saved else "grade"
    out.print(Text(f"Saved {what} on {record.KIND} {record.id}."))
    if saved is not None:
        for key in ("note", "tags", "verdict", "checks"):
            value = getattr(saved, key)
            if value:
                out.print(Text(f"  {key}: ") + cell(str(list(value) if key == "tags" else value)))
    for key in ("credibility", "reliability"):
        if getattr(args, key) is not None:
            out.print(Text(f"  {key}: {getattr(graded, key)}"))
    return 0


def _reverse(args: argparse.Namespace, forward: bool) -> int:
    with open_for(args, lookups=True) as store:
        entry = store.redo() if forward else store.undo()
    if args.json:
        emit_json({"id": entry.id, "summary": entry.summary, "who": entry.who, "at": entry.at,
                   "records": entry.record_ids(), "state": entry.state})
        return 0
    verb = "Redid" if forward else "Undid"
    console().print(Text(f"{verb}: ") + cell(entry.summary) + Text(f" ({entry.who}, {entry.at[:19]})"))
    return 0


def undo(args: argparse.Namespace) -> int:
    """Undo the newest change."""
    return _reverse(args, forward=False)


def redo(args: argparse.Namespace) -> int:
    """Redo the change undone last."""
    return _reverse(args, forward=True)


def history(args: argparse.Namespace) -> int:
    """Print the newest history entries, each saying what it changed."""
    store = open_for(args, lookups=True)
    record = store.resolve(args.record).id if args.record else None
    if record is None:
        entries = store.history(limit=args.limit)
    else:
        entries = record_history(store, record, limit=args.limit)
    if args.json:
        emit_json([{"id": e.id, "at": e.at, "who": e.who, "kind": e.kind, "summary": e.summary,
                    "changed": describe_entry(e, record), "state": e.state,
                    "records": e.record_ids()} for e in entries])
        return 0
    grid = table("when", "who", "change", "state")
    for entry in entries:
        grid.add_row(cell(entry.at[:16].replace("T", " ")), cell(entry.who, 12),
                     cell(describe_entry(entry, record), 240),
                     cell(entry.state if entry.kind == "change" else ""))
    console().print(grid)
    return 0
