"""Importing an article: its text becomes a source and the extractor's proposals are added,
all as one undoable change, without touching anything already in the store.

The same text imported twice (same sha256) changes nothing. Existing actors are matched by name
and alias before new ones are proposed; proposals a store would refuse (a span that does not fit,
a duplicate link) are dropped and counted rather than failing the import.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import StoreError, ValidationError
from claimnet.store.model.ids import new_id, now
from claimnet.store.network.batch import Op
from claimnet.store.network.validate import validate

from .across import propose_across
from .extract import extract
from .extract.pieces import PARALLEL_FROM, cores
from .extract.story_heads import dateline_agency
from .reading import Article

if TYPE_CHECKING:
    from claimnet.store.network.core import Store


class DuplicateText(StoreError):
    """The same text was imported by another session while this import was prepared."""




@dataclass(slots=True)
class ImportResult:
    """What an import did: the source, counts of proposals added, and what was dropped."""

    source_id: str
    duplicate: bool = False
    added: dict[str, int] = field(default_factory=dict)
    matched_actors: int = 0
    dropped: list[str] = field(default_factory=list)


def find_same_text(store: Store, text: str) -> str | None:
    """The id of a source holding exactly ``text``, if there is one."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for source in store.all("sources"):
        if source.sha256 == digest:
            return source.id
    return None


def import_article(store: Store, article: Article, **overrides: Any) -> ImportResult:
    """Add ``article`` as a source with its proposed network; ``overrides`` set source fields.

    The proposals are checked against the store as it is, then applied only if nothing changed in
    between; when another session wrote meanwhile they are checked again against the new state (and
    the text must still be new), a few times at most.
    """
    store.storage.refuse_if_read_only()  # before any work, and before a derived index is made beside it
    if (existing := find_same_text(store, article.text)) is not None:
        return ImportResult(source_id=existing, duplicate=True)
    source = _new_source(store, article, overrides)
    known = [a.to_dict() for a in store.all("actors")]
    proposed = extract(article.text, source_id=source["id"], known_actors=known, said_on=source["published"],
                       workers=cores() if len(article.text) >= PARALLEL_FROM else 1)
    # issue 10: match actors and claims across sources (rewrites `proposed`, adds links and reasons)
    across = propose_across(store, proposed, article.text)
    proposals = store.prepare({"sources": [source], "actors": proposed.actors,
                               "statements": proposed.statements, "evidence": proposed.evidence,
                               "links": _unique_links(proposed.links + across.links)})
    validate("sources", proposals[0][2], store.raw)
    summary = f"import {source['title'][:60]}"
    result = ImportResult(source_id=source["id"])
    kept: list[Op] = []

    def plan() -> tuple[str, list[Op], dict[str, Any]]:
        if find_same_text(store, article.text) is not None:
            raise DuplicateText(f"{article.name or 'This article'} was imported meanwhile by "
                                "another session; nothing changed.")
        result.dropped.clear()  # checked again against what another session wrote in between
        kept[:] = _keep_valid(store, proposals, result)
        return summary, kept, across.details()

    store.apply_fresh(plan)
    result.matched_actors = len({rec["speaker"] for table, _rid, rec in kept if table == "statements"}
                                & {a["id"] for a in known})
    counts = Counter(table for table, _rid, _record in kept[1:])
    result.added = {t: counts[t] for t in ("actors", "statements", "evidence", "links")}
    return result


def _new_source(store: Store, article: Article, overrides: dict[str, Any]) -> dict[str, Any]:
    """The source record for an article (its sha256 is set when the store prepares it)."""
    fields = {"title": article.title or _fallback_title(article),
              "outlet": article.outlet or dateline_agency(article.text), "url": article.url,
              "published": article.published}
    fields.update({k: v for k, v in overrides.items() if v is not None})
    source = model.defaults("sources")
    source.update(fields, id=new_id("src", store.storage.tables["sources"]), text=article.text)
    source["created"] = source["updated"] = now()
    return source


def _fallback_title(article: Article) -> str:
    """A title for an article that has none: its file's name, else its first words."""
    if article.name and article.name != "standard input":
        return os.path.splitext(os.path.basename(article.name))[0].replace("_", " ")
    words = article.text.split()
    return " ".join(words[:10]) + (" …" if len(words) > 10 else "")


def _keep_valid(store: Store, ops: list[Op], result: ImportResult) -> list[Op]:
    """The prepared ops whose records pass the store's checks; dropping one drops what needed it.

    Every proposed link starts at a new statement or evidence, so no link in the store can
    duplicate one (``_unique_links`` removed duplicates among the proposals): these checks are
    the ones ``check_batch`` makes, and the ops can be applied as they are.
    """
    pending: dict[str, dict[str, Any]] = {rid: record for _table, rid, record in ops}

    def lookup(rid: str) -> dict[str, Any] | None:
        return pending.get(rid) or store.raw(rid)

    changed = True
    while changed:  # a dropped actor can invalidate statements, and those the links to them
        changed = False
        for table, rid, record in ops[1:]:
            if rid not in pending:
                continue
            try:
                validate(table, record, lookup)
            except ValidationError as error:
                result.dropped.append(f"{rid}: {error}")
                del pending[rid]
                changed = True
    return [op for op in ops if op[1] in pending]


def _unique_links(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for link in links:
        key = (link["from"], link["to"], link["type"])
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out
