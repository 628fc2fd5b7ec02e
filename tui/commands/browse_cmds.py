"""Read-only lookups: search, show, actors, statements, evidence, stats."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from claimnet.store import model

from ..safe_text import one_line, visible
from .choices import acts, vocabulary
from .output import block, cell, console, emit_json, open_for, print_table, record_json, table, with_id


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the lookup subcommands."""
    p = sub.add_parser("search", parents=[common], help="search names, statements, evidence, notes")
    p.add_argument("query", nargs="+", help="words that must all match")
    p.add_argument("--kind", type=vocabulary(cls.KIND for cls in model.RECORD_TYPES),
                   action="append", help="only this kind of record (repeatable)")
    p.add_argument("--limit", type=_count, default=30, help="most results shown (default 30, 0 = all)")
    p.set_defaults(func=search)

    p = sub.add_parser("show", parents=[common], help="a record with what hangs on it")
    p.add_argument("ref", help="id, unique id prefix, actor name or alias, or source title")
    p.set_defaults(func=show)

    p = sub.add_parser("actors", parents=[common], help="list actors")
    p.set_defaults(func=actors)

    p = sub.add_parser("statements", parents=[common], help="list statements")
    p.add_argument("--speaker", metavar="REF", help="only those made by this actor")
    p.add_argument("--about", metavar="REF", help="only those about this actor")
    p.add_argument("--act", type=acts(model.ACTS), help="only this act (denial, accusation …)")
    p.add_argument("--status", type=vocabulary(model.STATUSES), help="only this status")
    p.set_defaults(func=statements)

    p = sub.add_parser("evidence", parents=[common], help="list evidence")
    p.add_argument("--for", dest="statement", metavar="REF",
                   help="only what is linked to this statement (supports, contradicts …), and how")
    p.add_argument("--reported-by", metavar="REF", help="only what this actor reported")
    p.add_argument("--kind", type=vocabulary(model.EVIDENCE_KINDS), help="only this kind")
    p.add_argument("--status", type=vocabulary(model.STATUSES), help="only this status")
    p.add_argument("--limit", type=_count, default=0, help="most shown (default 0 = all)")
    p.set_defaults(func=evidence)

    p = sub.add_parser("stats", parents=[common], help="counts of what the store holds")
    p.set_defaults(func=stats)


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is not a count (0 or more)")
    return number


def search(args: argparse.Namespace) -> int:
    """Print ranked search hits."""
    store = open_for(args, lookups=True)
    hits = store.search(" ".join(args.query), kinds=tuple(args.kind or ()) or None,
                        limit=args.limit or None)
    if args.json:
        emit_json([{"kind": h.kind, "id": h.id, "field": h.field, "snippet": h.snippet,
                    "target": h.target} for h in hits])
        return 0 if hits else 1
    out = console()
    if not hits:
        out.print(Text("No matches."))
        return 1
    grid = table("kind", "match")
    for hit in hits:
        grid.add_row(cell(hit.kind, style="cyan"), with_id(hit.snippet, hit.id))
    print_table(out, grid)
    return 0


def actors(args: argparse.Namespace) -> int:
    """Print every actor with kind, role and statement count."""
    store = open_for(args)
    counts = store.statement_counts()
    rows = sorted(store.all("actors"), key=lambda a: (-counts.get(a.id, 0), a.name.casefold()))
    if args.json:
        emit_json([dict(record_json(a), statements=counts.get(a.id, 0)) for a in rows])
        return 0
    grid = table("name", "kind", "role", "said")
    for actor in rows:
        grid.add_row(with_id(actor.name, actor.id, "bold"), cell(actor.kind), cell(actor.role, 30),
                     cell(str(counts.get(actor.id, 0))))
    print_table(console(), grid)
    return 0


def statements(args: argparse.Namespace) -> int:
    """Print statements, optionally by speaker, subject, act or status."""
    store = open_for(args, lookups=True)
    if args.speaker is not None:  # an empty reference is refused, not read as no filter
        rows = store.statements_by(store.resolve(args.speaker, "actor").id)
    elif args.about is not None:
        rows = store.statements_about(store.resolve(args.about, "actor").id)
    else:
        rows = store.all("statements")
    rows = [s for s in rows if (not args.act or s.act == args.act)
            and (not args.status or s.status == args.status)]
    if args.json:
        emit_json([record_json(s) for s in rows])
        return 0
    names = _names(store)
    grid = table("act", "speaker", "date", "what")
    for st in rows:
        grid.add_row(cell(st.act, style="cyan"), cell(names.get(st.speaker, st.speaker), 18),
                     cell(st.said_on or ""), with_id(_what(st), st.id))
    print_table(console(), grid)
    return 0


def evidence(args: argparse.Namespace) -> int:
    """Print evidence: all of it, or what bears on a statement or an actor reported, by kind or status."""
    store = open_for(args, lookups=True)
    bearing: dict[str, list[str]] = {}  # evidence id -> how it bears on the statement asked about
    reporter = store.resolve(args.reported_by, "actor").id if args.reported_by is not None else None
    if args.statement is not None:  # an empty reference is refused, not read as no filter
        rows = []
        for how, found in store.evidence_for(store.resolve(args.statement, "statement").id).items():
            for ev in found:
                if ev.id not in bearing:
                    rows.append(ev.to_dict())
                bearing.setdefault(ev.id, []).append(how)
    elif reporter:
        rows = [ev.to_dict() for ev in store.evidence_reported_by(reporter)]
    else:
        rows = store.plain("evidence")  # a listing of every piece: skip building records
    rows = [e for e in rows if (not reporter or e["reported_by"] == reporter)
            and (not args.kind or e["kind"] == args.kind) and (not args.status or e["status"] == args.status)]
    if args.limit:
        rows = rows[:args.limit]
    if args.json:
        emit_json([{"record_kind": model.Evidence.KIND, **e,
                    **({"bears": bearing[e["id"]]} if bearing else {})} for e in rows])
        return 0
    names = _names(store)
    grid = table("kind", "evidence", "reported by", *(("bears",) if bearing else ()))
    for ev in rows:
        bears = (cell(", ".join(bearing[ev["id"]]).replace("_", " "), style="magenta"),) if bearing else ()
        grid.add_row(cell(ev["kind"], style="cyan"), with_id(ev["text"], ev["id"]),
                     cell(names.get(ev["reported_by"] or "", ""), 18), *bears)
    print_table(console(), grid)
    return 0


def stats(args: argparse.Namespace) -> int:
    """Print counts per record kind, act, status and verdict."""
    store = open_for(args)
    counts: dict[str, Any] = {t: store.count(t) for t in model.RECORD_TABLES}
    acts = Counter(s.act for s in store.all("statements"))
    status = Counter(r.status for t in ("statements", "evidence") for r in store.all(t))
    verdicts = Counter(a.verdict for a in store.all("annotations") if a.verdict)
    if args.json:
        emit_json({"path": store.path, "records": counts, "acts": acts, "status": status,
                   "verdicts": verdicts, "history": len(store.storage.tables["history"])})
        return 0
    out = console()
    out.print(Text(f"Store {visible(store.path)}", style="bold"))
    for title, counter in (("records", counts), ("acts", acts), ("status", status),
                           ("verdicts", verdicts)):
        grid = table(title, "count")
        for key, value in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            grid.add_row(cell(key), cell(str(value)))
        out.print(grid)
    return 0


def show(args: argparse.Namespace) -> int:
    """Print one record in full, with its links, annotations and (for actors) statements."""
    store = open_for(args, lookups=True)
    record = store.resolve(args.ref)
    linked = store.linked(record.id)
    annotations = store.annotations_of(record.id)
    extra: dict[str, Any] = {}
    if isinstance(record, model.Actor):
        extra["affiliation_chain"] = [a.id for a in store.affiliation_chain(record.id)]
        extra["statements"] = [s.id for s in store.statements_by(record.id)]
        extra["mentioned_in"] = [s.id for s in store.statements_about(record.id)]
    if args.json:
        emit_json(dict(record_json(record), links=[
            {"id": lk.id, "type": lk.type, "direction": way, "other": other.id,
             "weight": lk.weight, "note": lk.note} for lk, way, other in linked],
            annotations=[a.to_dict() for a in annotations], **extra))
        return 0
    out = console()
    parts: list[Any] = [_fields_grid(store, record)]
    if isinstance(record, model.Actor):
        said = store.statements_by(record.id)
        about = store.statements_about(record.id)
        for title, rows in (("Statements", said), ("Mentioned in", about)):
            if rows:
                grid = table("act", title)
                for st in rows:
                    grid.add_row(cell(st.act, style="cyan"), with_id(_what(st), st.id))
                parts.append(grid)
    if linked:
        grid = table("Links", "record")
        for lk, way, other in linked:
            arrow = f"{lk.type.replace('_', ' ')} →" if way == "out" else f"← {lk.type.replace('_', ' ')}"
            text = f"{other.KIND}: {_title(other)}" + (f"  (note: {lk.note})" if lk.note else "")
            grid.add_row(cell(arrow, style="magenta"), with_id(text, other.id))
        parts.append(grid)
    for annotation in annotations:
        parts.append(_annotation_text(annotation))
    header = Text.assemble((record.KIND + " ", "bold cyan"), (record.id, "dim"))
    out.print(Panel(Group(*parts), title=header, title_align="left"))
    return 0


def _fields_grid(store: Any, record: model.Record):
    names = _names(store)
    grid = table("", "")
    grid.columns[0].style = "bold"
    for key, value in record.to_dict().items():
        if key in ("id", "text") and isinstance(record, model.Source):
            continue
        if value in (None, "", [], {}):
            continue
        if isinstance(value, list):
            value = ", ".join(names.get(v, str(v)) if isinstance(v, str) else str(v) for v in value)
        elif isinstance(value, str) and key in ("speaker", "affiliation", "reported_by", "from",
                                                "to", "target", "source"):
            value = f"{names.get(value, value)} ({value})" if value in names else value
        grid.add_row(cell(key), block(str(value)))
    if isinstance(record, model.Actor):
        chain = store.affiliation_chain(record.id)
        if chain:
            grid.add_row(cell("chain"), cell(" → ".join([record.name, *(a.name for a in chain)])))
    if isinstance(record, model.Source):
        grid.add_row(cell("text"), cell(f"{len(record.text):,} characters"))
    return grid


def _annotation_text(annotation: model.Annotation) -> Text:
    text = Text.assemble(("note ", "bold yellow"), (one_line(annotation.analyst), "italic"),
                         (" " + one_line(annotation.created)[:16].replace("T", " "), "dim"))
    if annotation.verdict:
        text.append(f"  verdict: {annotation.verdict}", style="bold")
    if annotation.tags:
        text.append_text(Text("  #" + " #".join(one_line(t) for t in annotation.tags), style="green"))
    answered = {k: v for k, v in annotation.checks.items() if v is not None}
    if answered:
        text.append("  " + ", ".join(f"{k.replace('_', ' ')}: {'yes' if v else 'no'}"
                                     for k, v in answered.items()), style="italic")
    if annotation.note:
        text.append("\n")
        text.append_text(block(annotation.note))
    return text


class _Names:
    """Actor names and source titles by id, looked up as they are asked for."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def get(self, rid: str, default: str | None = None) -> str | None:
        """The name or title of the record with this id, or ``default``."""
        raw = self.store.raw(rid) if rid[:4] in ("act-", "src-") else None
        return default if raw is None else raw.get("name") or raw.get("title") or default

    def __contains__(self, rid: object) -> bool:
        return isinstance(rid, str) and self.get(rid) is not None


def _names(store: Any) -> _Names:
    return _Names(store)


def _what(st: model.Statement) -> str:
    return f"“{st.quote}”" if st.quote else st.text


def _title(record: model.Record) -> str:
    for key in ("name", "title", "text"):
        value = getattr(record, key, None)
        if value:
            return value
    return record.id
