"""Changing the network from a shell: init, link, edit, delete, and the records analysts disagree on."""

from __future__ import annotations

import argparse
import os
from typing import Any

from rich.text import Text

from claimnet.store import StoreError, ValidationError, model, open_store
from claimnet.store.engine.location import default_store_path
from claimnet.store.network.disagreements import disagreements as find_disagreements
from claimnet.store.network.field_text import editable_fields, field_value

from .choices import vocabulary
from .output import ERR, cell, console, emit_json, open_for, print_table, record_json, table, with_id

EMPTY_NETWORK = {"format": "claimnet-network", "version": 1}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add init, link, edit, delete and disagreements."""
    p = sub.add_parser("init", parents=[common], help="make a new store (the default network, or empty)")
    p.add_argument("--empty", action="store_true", help="no records at all")
    p.set_defaults(func=init)

    p = sub.add_parser("link", parents=[common], help="join two records with a typed link")
    p.add_argument("from_ref", metavar="FROM", help="the record the link starts from")
    p.add_argument("to_ref", metavar="TO", help="the record it goes to")
    p.add_argument("--type", required=True, type=vocabulary(model.LINK_TYPES),
                   help=", ".join(model.LINK_TYPES))
    p.add_argument("--weight", type=_weight, help="consistency from -2 to +2")
    p.add_argument("--note", help="why these are linked")
    p.set_defaults(func=link)

    p = sub.add_parser("edit", parents=[common], help="change fields of a record: --FIELD VALUE …",
                       description="Change fields of a record: claimnet edit REF --FIELD VALUE … "
                       "('none' clears a field, lists are split on ';', references are names or ids).")
    p.add_argument("ref", help="the record: id, unique id prefix, name, surname or alias")
    p.add_argument("changes", nargs=argparse.REMAINDER, help="--FIELD VALUE pairs")
    p.set_defaults(func=edit)

    p = sub.add_parser("delete", parents=[common], help="delete a record, links and annotations included")
    p.add_argument("ref", help="the record: id, unique id prefix, name, surname or alias")
    p.add_argument("--yes", action="store_true", help="also delete or detach what depends on it")
    p.set_defaults(func=delete)

    p = sub.add_parser("disagreements", parents=[common],
                       help="records whose verdicts or grades differ between analysts")
    p.set_defaults(func=disagreements)


def _weight(value: str) -> int:
    try:
        number = int(value.replace("−", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number from -2 to 2") from None
    if not -2 <= number <= 2:
        raise argparse.ArgumentTypeError(f"{value} is not from -2 to 2")
    return number


def _label(store: Any, record: model.Record) -> str:
    raw = store.raw(record.id) or {}
    words = raw.get("name") or raw.get("title") or raw.get("quote") or raw.get("text") \
        or raw.get("note") or raw.get("type") or ""
    return f"{record.KIND} {record.id}" + (f" “{words if len(words) <= 60 else words[:59] + '…'}”"
                                          if words else "")


def init(args: argparse.Namespace) -> int:
    """Make a new store; refuse if one is there already."""
    path = args.store or os.environ.get("CLAIMNET_STORE") or default_store_path()
    if os.path.exists(path):
        raise StoreError(f"There is already a store at {path}; nothing was changed.")
    with open_store(path, network=EMPTY_NETWORK if args.empty else None) as store:
        counts = {t: store.count(t) for t in model.RECORD_TABLES}
    if args.json:
        emit_json({"path": path, "records": counts})
        return 0
    what = "an empty store" if args.empty else \
        f"a store with the default network ({sum(counts.values())} records)"
    console().print(Text(f"Created {what} at {path}."))
    return 0


def link(args: argparse.Namespace) -> int:
    """Join two records; print the link once it is saved."""
    with open_for(args) as store:
        ends = store.resolve(args.from_ref), store.resolve(args.to_ref)
        saved = store.link(ends[0].id, ends[1].id, args.type, weight=args.weight, note=args.note)
        words = [_label(store, end) for end in ends]
    if args.json:
        emit_json(record_json(saved))
        return 0
    console().print(Text(f"Linked {words[0]} —{saved.type.replace('_', ' ')}→ {words[1]} ({saved.id})."))
    return 0


def _pairs(changes: list[str]) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """``--field value`` pairs (``--field=value`` too), and --store/--json given among them."""
    pairs, options, items = [], {}, list(changes)
    while items:
        item = items.pop(0)
        if not item.startswith("--") or len(item) < 3:
            raise ValidationError(f"Expected --FIELD VALUE, not {item!r}.")
        name, eq, value = item[2:].partition("=")
        if name == "json" and not eq:
            options["json"] = True
            continue
        if not eq:
            if not items:
                raise ValidationError(f"--{name} needs a value ('none' clears the field).")
            value = items.pop(0)
        if name == "store":
            options["store"] = value
        else:
            pairs.append((name.replace("-", "_"), value))
    return pairs, options


def edit(args: argparse.Namespace) -> int:
    """Change the fields given as --FIELD VALUE; print what changed."""
    pairs, options = _pairs(args.changes)
    args.store = options.get("store", args.store)
    args.json = options.get("json", args.json)
    with open_for(args) as store:
        record = store.resolve(args.ref)
        table = model.table_of_id(record.id)
        if not pairs:
            raise ValidationError(f"Nothing to edit: give --FIELD VALUE; a {record.KIND} has "
                                  f"{', '.join(editable_fields(table))}.")
        fields = {name: field_value(store, table, name, value) for name, value in pairs}
        saved = store.update(record.id, **fields)
        label = _label(store, saved)
    if args.json:
        emit_json(record_json(saved))
        return 0
    before, after = record.to_dict(), saved.to_dict()
    changed = [k for k in fields if before.get(k) != after.get(k)]
    out = console()
    if not changed:
        out.print(Text(f"Nothing changed: {label} already had those values."))
        return 0
    out.print(Text(f"Saved {label}."))
    for key in changed:
        out.print(Text(f"  {key}: ") + cell(_shown(store, before.get(key))) + Text(" → ")
                  + cell(_shown(store, after.get(key))))
    return 0


def _shown(store: Any, value: Any) -> str:
    """A field's value as a person reads it: record ids by their names, lists joined, none for nothing."""
    if value is None or value == [] or value == ():
        return "none"
    if isinstance(value, list | tuple):
        return "; ".join(_shown(store, v) for v in value)
    if isinstance(value, str) and model.kind_of_id(value) == "actor":
        actor = store.find(value)
        return actor.name if isinstance(actor, model.Actor) else value
    return str(value)


def delete(args: argparse.Namespace) -> int:
    """Delete a record; without --yes refuse (listing them) when others would go with it."""
    with open_for(args) as store:
        record = store.resolve(args.ref)
        label = _label(store, record)
        others = store.dependents(record.id)
        if others and not args.yes:
            listed = [_label(store, store.get(rid)) for rid in others]
            if args.json:
                emit_json({"deleted": [], "refused": record.id, "dependents": others})
            ERR.print(Text(f"claimnet: deleting {label} would also remove or change "
                           f"{len(others)} record(s); run again with --yes to delete them too:"))
            for line in listed:
                ERR.print(Text(f"  {line}"))
            return 1
        removed = store.delete(record.id, cascade=True)
    if args.json:
        emit_json({"deleted": record.id, "with_it": [rid for rid in removed if rid != record.id]})
        return 0
    more = len(removed) - 1
    tail = f" and {more} record(s) with it" if more else ""
    console().print(Text(f"Deleted {label}{tail}. (claimnet undo brings it back.)"))
    return 0


def disagreements(args: argparse.Namespace) -> int:
    """List the records whose verdicts or grades differ between analysts."""
    store = open_for(args)
    found = find_disagreements(store)
    if args.json:
        emit_json([d.to_dict() for d in found])
        return 0
    out = console()
    if not found:
        out.print(Text("The analysts agree: no record has differing verdicts or grades."))
        return 0
    grid = table("record", "field", "analysts")
    for item in found:
        record = store.get(item.record_id)
        words = _label(store, record).split(" ", 2)[-1]
        for field, views in item.views.items():
            shown = "; ".join(f"{who}: {str(value).replace('_', ' ')}" for who, value in views.items())
            grid.add_row(with_id(words, record.id), cell(field), cell(shown))
    print_table(out, grid)
    return 0
