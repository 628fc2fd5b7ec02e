"""Sharing a store: ``export`` in other tools' formats, ``import-json`` and ``merge`` of two copies."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import orjson
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from claimnet.store import StoreError, model, open_store
from claimnet.store.engine.location import default_store_path
from claimnet.store.features.export import FORMATS, export, import_document, read_document, select
from claimnet.store.features.merge import MergePlan, merge
from claimnet.store.network.portable import FORMAT, VERSION, check_network

from ..safe_text import visible
from .output import ERR, cell, console, emit_json, open_for, table

SHOWN = 20  # rows listed per section of a merge summary; --json lists all


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add export, import-json and merge."""
    p = sub.add_parser("export", parents=[common], help="write the network for other tools",
                       description="Write the whole network, or a selection, as " + ", ".join(FORMATS) + ".")
    p.add_argument("--format", "-f", required=True, choices=FORMATS, help="output format")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="file to write (default or '-': standard output; csv: a folder or FILE.zip)")
    p.add_argument("--actor", metavar="REF", action="append", default=[],
                   help="only what this actor said or is mentioned in (repeatable)")
    p.add_argument("--source", metavar="REF", action="append", default=[],
                   help="only what was taken from this source (repeatable)")
    p.add_argument("--accepted-only", action="store_true",
                   help="leave out proposed and rejected statements and evidence")
    p.set_defaults(func=export_cmd)

    p = sub.add_parser("import-json", parents=[common], help="add the records of a JSON export",
                       description="Add the records of a claimnet JSON export as one undoable change. "
                       "A missing store is created empty.")
    p.add_argument("file", help="a file written by claimnet export --format json ('-': standard input)")
    p.set_defaults(func=import_cmd)

    p = sub.add_parser("merge", parents=[common], help="merge another copy of the store into this one",
                       description="Merge another copy of the store (or a JSON export) into this one "
                       "as one undoable change; see the README on sharing a store.")
    p.add_argument("other", metavar="OTHER_STORE", help="the other copy's store file")
    p.add_argument("--prefer", choices=("ours", "theirs"),
                   help="settle conflicts for this side (default: the newer change wins)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    p.set_defaults(func=merge_cmd)


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on standard error, or None when it is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=ERR, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) in {os.path.realpath(b + s) for s in ("", ".journal", ".lock")}


def export_cmd(args: argparse.Namespace) -> int:
    """Write the selected network in the chosen format."""
    to_stdout = args.output in (None, "-")
    if args.format == "csv" and to_stdout:
        raise StoreError("CSV export writes one file per table: give -o FOLDER or -o FILE.zip.")
    store = open_for(args)
    if not to_stdout and _same_file(args.output, store.path):
        raise StoreError(f"{args.output} is the store itself; choose another file to export to.")
    actors = [store.resolve(ref, "actor").id for ref in args.actor]
    sources = [store.resolve(ref, "source").id for ref in args.source]
    net = select(store, actors, sources, accepted_only=args.accepted_only)
    with progress_bar(f"export {args.format}") as progress:
        if to_stdout:
            export(net, args.format, sys.stdout.buffer, progress)
            sys.stdout.flush()
            return 0
        export(net, args.format, args.output, progress)
    counts = {t: len(net.tables[t]) for t in model.RECORD_TABLES}
    if args.json:
        emit_json({"format": args.format, "output": os.path.abspath(args.output), "records": counts,
                   "selection": net.selection})
        return 0
    shown = ", ".join(f"{n} {t}" for t, n in counts.items())
    console().print(Text(f"Wrote {args.format} to ") + cell(args.output) + Text(f" ({shown})."))
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    """Add a JSON export's records to the store."""
    origin = "standard input" if args.file == "-" else args.file
    if args.file == "-":
        try:
            doc = orjson.loads(sys.stdin.buffer.read())
        except orjson.JSONDecodeError as error:
            raise StoreError(f"Standard input is not valid JSON ({error.msg}).") from None
        check_network(doc, origin)
    else:
        doc = read_document(args.file)
    path = args.store or default_store_path()
    created = not os.path.exists(path)
    store = open_store(path, network={"format": FORMAT, "version": VERSION}) if created \
        else open_for(args)
    with store:
        if created:
            ERR.print(Text(f"claimnet: created a new empty store at {visible(store.path)}."))
        added, same = import_document(store, doc, origin)
    if args.json:
        emit_json({"store": store.path, "added": added, "already_there": same})
        return 0
    message = Text(f"Imported {added} record(s) from ") + cell(origin)
    message.append(f" ({same} already there)." if same else ".")
    console().print(message)
    return 0


def merge_cmd(args: argparse.Namespace) -> int:
    """Merge another store into this one and summarise what happened."""
    with open_for(args, create=not args.dry_run) as store:
        plan = merge(store, args.other, prefer=args.prefer, dry_run=args.dry_run)
        target = store.path
    if args.json:
        emit_json(dict(plan.to_json(), store=target, dry_run=args.dry_run))
        return 0
    _print_plan(plan, target, args.dry_run)
    return 0


def _print_plan(plan: MergePlan, target: str, dry_run: bool) -> None:
    out = console()
    nothing = not (plan.added or plan.updated or plan.deleted or plan.conflicts or plan.kept
                   or plan.refused)
    if dry_run:
        out.print(Text("Dry run: nothing was written. Merging ") + cell(plan.other) + Text(" would:"))
    elif nothing:
        out.print(Text("Nothing to merge: ") + cell(plan.other) + Text(" holds nothing new for ")
                  + cell(target) + Text("."))
    elif plan.history_id is None:
        out.print(Text("Nothing was written: ") + cell(plan.other) + Text(" was merged before."))
    else:
        out.print(Text("Merged ") + cell(plan.other) + Text(" into ") + cell(target)
                  + Text(f" as one change ({plan.history_id}); claimnet undo takes it back."))
    out.print(Text("Base: ") + cell(plan.base))
    counts = [(len(plan.added), "added"), (len(plan.updated), "updated"), (len(plan.deleted), "deleted"),
              (len(plan.conflicts), "conflict(s)"), (len(plan.kept), "kept despite delete"),
              (len(plan.refused), "refused"), (len(plan.candidates), "duplicate actor candidate(s)")]
    out.print(Text(" · ".join(f"{n} {what}" for n, what in counts)))
    sections: list[tuple[str, list[dict[str, Any]], tuple[str, ...]]] = [
        ("Conflicts", plan.conflicts, ("kept", "why")),
        ("Kept despite delete", plan.kept, ("deleted_by", "why")),
        ("Refused", plan.refused, ("reason",)),
        ("Added", plan.added, ()), ("Updated", plan.updated, ()), ("Deleted", plan.deleted, ()),
    ]
    for title, rows, extra in sections:
        if not rows:
            continue
        grid = table("record", "kind", *(e.replace("_", " ") for e in extra), "id",
                     title=f"{title} ({len(rows)})")
        for row in rows[:SHOWN]:
            grid.add_row(cell(row["label"], 50), cell(row["kind"]), *(cell(str(row[e]), 40) for e in extra),
                         cell(row["id"], style="dim"))
        out.print(grid)
        if len(rows) > SHOWN:
            out.print(Text(f"… and {len(rows) - SHOWN} more (see --json)."))
    if plan.candidates:
        grid = table("name", "ours", "theirs (new)",
                     title=f"Possible duplicate actors ({len(plan.candidates)})")
        for pair in plan.candidates[:SHOWN]:
            grid.add_row(cell(pair["name"], 30), cell(f"{pair['ours_name']} ({pair['ours']})", 40),
                         cell(pair["theirs"]))
        out.print(grid)
