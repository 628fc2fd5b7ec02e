"""CSV tables, one per record kind, with referenced ids resolved to names in extra columns.

Writes ``sources.csv``, ``actors.csv``, ``statements.csv``, ``evidence.csv``, ``links.csv`` and
``annotations.csv`` into a folder, or into a zip when the target ends in ``.zip``. Files are
UTF-8 with a byte-order mark (so spreadsheets detect the encoding), comma-separated, quoted where
needed, with newlines kept inside quoted cells. Lists are joined with ``"; "``; spans and
quantities are split into two columns; checks become yes/no columns. A text cell that would start
with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe so that a spreadsheet shows it instead
of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable
from typing import Any, BinaryIO

from claimnet.store import model
from claimnet.store.model.errors import StoreFileError

from .snapshot import Network, Progress, Ticker

Row = dict[str, Any]
_FORMULA_START = frozenset("=+-@\t\r")
_STAMP = ("created", "updated")




def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _span(record: Row) -> dict[str, Any]:
    span = record.get("span") or (None, None)
    return {"span_start": span[0], "span_end": span[1]}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _sources(net: Network, r: Row) -> Row:
    return {k: r[k] for k in ("id", "title", "outlet", "url", "published", "reliability")} | {
        "reliability_label": model.RELIABILITY_LABELS.get(r["reliability"], ""),
        "sha256": r["sha256"], "text": r["text"],
        "statements": sum(1 for x in net.from_source.get(r["id"], ()) if x["id"].startswith("st-")),
        "evidence": sum(1 for x in net.from_source.get(r["id"], ()) if x["id"].startswith("ev-")),
    }


def _actors(net: Network, r: Row) -> Row:
    return {"id": r["id"], "name": r["name"], "kind": r["kind"], "aliases": _joined(r["aliases"]),
            "affiliation": r["affiliation"], "affiliation_name": net.label(r["affiliation"]),
            "role": r["role"], "reliability": r["reliability"],
            "reliability_label": model.RELIABILITY_LABELS.get(r["reliability"], "")}


def _claim(net: Network, r: Row) -> Row:
    return {"source": r["source"], "source_title": net.label(r["source"]), **_span(r),
            "credibility": r["credibility"],
            "credibility_label": model.CREDIBILITY_LABELS.get(r["credibility"], ""),
            "status": r["status"], "origin": r["origin"], "confidence": r["confidence"],
            "verdict": net.verdict(r["id"])}


def _statements(net: Network, r: Row) -> Row:
    return {"id": r["id"], "speaker": r["speaker"], "speaker_name": net.label(r["speaker"]),
            "act": r["act"], "mode": r["mode"], "cue": r["cue"], "text": r["text"],
            "quote": r["quote"], "said_on": r["said_on"], "about": _joined(r["about"]),
            "about_names": _joined([net.label(a) for a in r["about"]]), **_claim(net, r)}


def _evidence(net: Network, r: Row) -> Row:
    quantity = r["quantity"] or {}
    return {"id": r["id"], "text": r["text"], "kind": r["kind"],
            "quantity_value": quantity.get("value"), "quantity_unit": quantity.get("unit"),
            "reported_by": r["reported_by"], "reported_by_name": net.label(r["reported_by"]),
            **_claim(net, r)}


def _links(net: Network, r: Row) -> Row:
    return {"id": r["id"], "from": r["from"], "from_kind": model.kind_of_id(r["from"]),
            "from_label": net.label(r["from"]), "type": r["type"], "to": r["to"],
            "to_kind": model.kind_of_id(r["to"]), "to_label": net.label(r["to"]),
            "weight": r["weight"], "note": r["note"]}


def _annotations(net: Network, r: Row) -> Row:
    checks = r["checks"] or {}
    return {"id": r["id"], "target": r["target"], "target_kind": model.kind_of_id(r["target"]),
            "target_label": net.label(r["target"]), "note": r["note"], "tags": _joined(r["tags"]),
            "verdict": r["verdict"], **{f"check_{c}": _yes_no(checks.get(c)) for c in model.CHECKS},
            "analyst": r["analyst"]}


ROWS: dict[str, Callable[[Network, Row], Row]] = {
    "sources": _sources, "actors": _actors, "statements": _statements,
    "evidence": _evidence, "links": _links, "annotations": _annotations,
}


def table_bytes(net: Network, table: str, ticker: Ticker | None = None) -> bytes:
    """One table as CSV bytes (UTF-8 with BOM), header first."""
    make = ROWS[table]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = [*make(net, model.defaults(table)), *_STAMP]
    writer.writerow(header)
    guard = _FORMULA_START
    for record in net.tables[table]:
        row = make(net, record)
        values = [*row.values(), record["created"], record["updated"]]
        writer.writerow(["'" + v if v.__class__ is str and v[:1] in guard else v for v in values])
        if ticker is not None:
            ticker.advance()
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def private_file(path: str) -> BinaryIO:
    """``path`` opened for writing, readable by its owner only like the store (exports hold notes)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a file that was there keeps no wider mode
    return os.fdopen(fd, "wb")


def write_csv(net: Network, target: str, progress: Progress | None = None) -> list[str]:
    """Write the tables into the folder ``target`` (or a zip if it ends in .zip); the names written."""
    ticker = Ticker(progress, net.total())
    names = [f"{table}.csv" for table in model.RECORD_TABLES]
    try:
        if target.lower().endswith(".zip"):
            with private_file(target) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
                for table, name in zip(model.RECORD_TABLES, names, strict=True):
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o600 << 16
                    archive.writestr(info, table_bytes(net, table, ticker))
        else:
            if os.path.exists(target) and not os.path.isdir(target):
                raise StoreFileError(f"{target} is a file; CSV export needs a folder or a .zip name.")
            os.makedirs(target, mode=0o700, exist_ok=True)
            for table, name in zip(model.RECORD_TABLES, names, strict=True):
                with private_file(os.path.join(target, name)) as handle:
                    handle.write(table_bytes(net, table, ticker))
    except OSError as error:
        raise StoreFileError(f"Cannot write {target}: {error.strerror or error}.") from error
    ticker.finish()
    return names
