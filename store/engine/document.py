"""The store file's format: a TinyDB JSON document, parsed with checks and written atomically.

Parsing refuses anything untrustworthy with one sentence (the file is never touched); writing
sorts tables and keys and puts one record per line so a store diffs well in git.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from claimnet.store.model import RECORD_TABLES
from claimnet.store.model.errors import StoreFileError

from .lock import temp_name

SCHEMA_VERSION = 2
HISTORY_TABLE = "history"
META_TABLE = "meta"
TABLES = tuple(sorted((*RECORD_TABLES, HISTORY_TABLE, META_TABLE)))

Tables = dict[str, dict[str, dict[str, Any]]]


def empty_tables() -> Tables:
    """A store with no records, just its schema version."""
    tables: Tables = {name: {} for name in TABLES}
    tables[META_TABLE] = {"meta": {"schema": SCHEMA_VERSION, "seq": 0}}
    return tables


def read_store_bytes(path: str) -> bytes:
    """The raw bytes of a store file, with a clear message when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise StoreFileError(f"Cannot read the store {path}: {error.strerror}.") from error


class OlderSchema(StoreFileError):
    """The file is a store of an older schema version and must be migrated before use."""

    def __init__(self, version: int, path: str = "") -> None:
        super().__init__(
            f"The store {path} has schema version {version} and must be migrated; open it again."
        )
        self.version = version


@dataclass(slots=True)
class LoadedStore:
    """A parsed store file: its tables keyed by record id, TinyDB doc ids, schema version."""

    tables: Tables
    doc_keys: dict[str, dict[str, str]]
    version: int


def parse_store(raw: bytes, path: str) -> LoadedStore:
    """Parse and check a TinyDB store document; anything untrustworthy is refused."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing and indexing build millions of objects; the collector only slows it
    try:
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            kind = "truncated" if raw.strip() and error.pos >= len(raw.rstrip()) else "not valid JSON"
            raise StoreFileError(
                f"The store {path} is {kind} ({error.msg} at byte {error.pos}); "
                "it was left untouched."
            ) from None
        return check_document(document, path)
    finally:
        if gc_was_enabled:
            gc.enable()


def check_document(document: Any, path: str) -> LoadedStore:
    """Turn a parsed TinyDB document into tables keyed by record id, refusing a foreign shape.

    A document of known tables without a meta table is a store written by TinyDB directly
    (schema version 0); it is read so that it can be migrated.
    """
    if not isinstance(document, dict):
        raise StoreFileError(f"The store {path} is not a claimnet store (not a JSON object).")
    unknown = sorted(
        name for name in set(document) - set(TABLES) if name != "_default" or document[name]
    )
    if unknown:
        raise StoreFileError(
            f"The store {path} is not a claimnet store (unknown table {unknown[0]!r})."
        )
    meta_docs = document.get(META_TABLE)
    if meta_docs is None:
        meta = {"schema": 0, "seq": 0}
    else:
        meta = next(iter(meta_docs.values()), None) if isinstance(meta_docs, dict) else None
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if type(schema) is not int or schema < 0:
        raise StoreFileError(
            f"The store {path} has no valid schema version; it was left untouched."
        )
    if meta["schema"] > SCHEMA_VERSION:
        raise StoreFileError(
            f"The store {path} has schema version {meta['schema']}, newer than this claimnet "
            f"understands ({SCHEMA_VERSION}); upgrade claimnet. The file was left untouched."
        )
    tables: Tables = {name: {} for name in TABLES}
    tables[META_TABLE] = {"meta": meta}
    doc_keys: dict[str, dict[str, str]] = {}
    for name in TABLES:
        if name == META_TABLE:
            continue
        docs = document.get(name, {})
        if not isinstance(docs, dict):
            raise StoreFileError(f"The store {path} is malformed: table {name!r} is not an object.")
        try:  # the fast path for a sound file: two dict comprehensions per table
            records = {doc["id"]: doc for doc in docs.values()}
            keys = {doc["id"]: key for key, doc in docs.items()}
            sound = len(records) == len(docs) and all(type(r) is str and r for r in records) \
                and all(key.isascii() and key.isdigit() for key in docs)  # TinyDB's doc ids
        except (TypeError, KeyError):
            sound = False
        if not sound:
            _explain_bad_table(docs, name, path)
        tables[name] = records
        doc_keys[name] = keys
    return LoadedStore(tables, doc_keys, meta["schema"])


def _explain_bad_table(docs: dict[str, Any], name: str, path: str) -> None:
    seen: set[str] = set()
    for doc in docs.values():
        rid = doc.get("id") if isinstance(doc, dict) else None
        if not isinstance(rid, str) or not rid:
            raise StoreFileError(f"The store {path} is malformed: a record in {name!r} has no id.")
        if rid in seen:
            raise StoreFileError(f"The store {path} is malformed: id {rid!r} appears twice.")
        seen.add(rid)
    for key in docs:
        if not (key.isascii() and key.isdigit()):
            raise StoreFileError(f"The store {path} is malformed: {key!r} in {name!r} is not a TinyDB "
                                 "document number.")
    raise StoreFileError(f"The store {path} is malformed: table {name!r} has unreadable records.")


_DUMP = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def render_store(tables: Tables, doc_keys: dict[str, dict[str, str]], meta: dict) -> bytes:
    """The TinyDB document as bytes: tables and keys sorted, one record per line."""
    parts = [b"{"]
    for t_index, name in enumerate(TABLES):
        parts.append(b"\n" if t_index == 0 else b",\n")
        parts.append(orjson.dumps(name) + b": {")
        if name == META_TABLE:
            parts.append(b'\n"1": ' + orjson.dumps(meta, option=_DUMP))
        else:
            keys = doc_keys.get(name, {})
            # digit strings without leading zeros sort numerically by (length, text)
            ordered = sorted(tables[name].items(), key=lambda kv: (len(keys[kv[0]]), keys[kv[0]]))
            for r_index, (rid, record) in enumerate(ordered):
                parts.append(b"\n" if r_index == 0 else b",\n")
                parts.append(orjson.dumps(keys[rid]) + b": " + dump_record(record, name, rid))
        parts.append(b"\n}")
    parts.append(b"\n}\n")
    return b"".join(parts)


def dump_record(record: dict[str, Any], table: str, rid: str) -> bytes:
    """One record as the store file holds it: keys sorted, on one line."""
    try:
        return orjson.dumps(record, option=_DUMP)
    except orjson.JSONEncodeError as error:
        raise StoreFileError(f"Record {rid!r} in {table} cannot be written ({error}).") from None


def write_atomically(path: str, data: bytes | Iterable[bytes], owner: str | None = None) -> None:
    """Replace ``path`` with ``data`` (bytes, or chunks written as they come) so a crash leaves the
    old or the new file, never half.

    The temp file is named after ``owner`` (the store the write belongs to; ``path`` itself by
    default), so the next holder of that store's lock can remove one a kill left behind. Whatever
    stops the chunks (an error raised while producing them) leaves the old file and no temp file.
    """
    folder = os.path.dirname(path) or "."
    temp = temp_name(owner or path, secrets.token_hex(6))
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            for chunk in [data] if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise StoreFileError(
            f"Could not write the store {path} ({error.strerror or error}); "
            "the previous version is intact."
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(folder)


def fsync_folder(folder: str) -> None:
    """Make a rename or a new file in ``folder`` durable."""
    dir_fd = os.open(folder or ".", os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def copy_durably(source: str, target: str) -> None:
    """Copy ``source`` to ``target`` (owner-only) so that the copy survives a crash."""
    write_atomically(target, read_store_bytes(source), owner=source)


def next_doc_of(stored: Any, table: str, count: int, top_key: int) -> int:
    """The next TinyDB doc id of a table: the stored one unless it could collide with the ``count`` doc
    ids there, the highest being ``top_key``."""
    top = stored.get(table) if isinstance(stored, dict) else None
    if not isinstance(top, int) or top <= count:
        top = 1 + top_key
    return top
