"""``claimnet import``: propose the claim network of news articles for review."""

from __future__ import annotations

import argparse
import os
from typing import Any

from rich.text import Text

from claimnet.store import ValidationError
from claimnet.store.network.validate import check_date

from .output import cell, console, emit_json, open_for, table


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the import subcommand."""
    p = sub.add_parser("import", parents=[common],
                       help="propose actors, statements, evidence and links from articles")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="plain text, Markdown or HTML; - reads standard input")
    p.add_argument("--title", help="the source's title (one file only)")
    p.add_argument("--outlet", help="who published it")
    p.add_argument("--url", help="where it was published (one file only)")
    p.add_argument("--date", help="publication date: 2024-05-17, 2024-05 or 2024")
    p.set_defaults(func=import_files)


def import_files(args: argparse.Namespace) -> int:
    """Read every file first (nothing is written if one fails), then import each."""
    if len(args.files) > 1 and (args.title or args.url):
        raise ValidationError("--title and --url name one article; import the files one by one.")
    if args.date:
        check_date("source", "published", args.date)
    from claimnet.store.features.importer import import_article  # the extractor: only when importing
    from claimnet.store.features.reading import read_article

    articles = [read_article(path) for path in args.files]
    overrides = {"title": args.title, "outlet": args.outlet, "url": args.url,
                 "published": args.date}
    with open_for(args, create=True) as store:
        results = [import_article(store, article, **overrides) for article in articles]
    if args.json:
        emit_json([{"file": a.name, "source": r.source_id, "duplicate": r.duplicate,
                    "added": r.added, "matched_actors": r.matched_actors, "dropped": r.dropped}
                   for a, r in zip(articles, results, strict=True)])
        return 0
    out = console()
    grid = table("file", "source", "actors", "statements", "evidence", "links")
    for article, result in zip(articles, results, strict=True):
        if result.duplicate:
            out.print(Text(f"{article.name}: already imported as {result.source_id}; nothing "
                           "changed."), soft_wrap=True)
            continue
        counts = [str(result.added.get(t, 0)) for t in ("actors", "statements", "evidence", "links")]
        grid.add_row(cell(os.path.basename(article.name), 28), cell(result.source_id, style="dim"),
                     *(cell(c) for c in counts))
        for problem in result.dropped:
            out.print(Text("  dropped a proposal: ") + cell(problem), soft_wrap=True)
    if grid.row_count:
        out.print(grid)
        out.print(Text("Proposals await review: open claimnet and press R for the review queue."),
                  soft_wrap=True)
    return 0
