"""The append-only journal beside the store file: one checksummed JSON line per change.

A change is acknowledged once its line is appended and ``fdatasync``ed, which costs one small
write instead of a rewrite of the whole store. A torn last line (a crash mid-append) fails its
checksum and is ignored, then cut off by the next writer; a bad line followed by good ones means
the file was damaged some other way and is refused.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from typing import Any

import orjson

from claimnet.store.model.errors import StoreFileError


@dataclass(slots=True)
class JournalRead:
    """The entries read from a journal and the offset just past the last whole line."""

    entries: list[dict[str, Any]]
    good_end: int


def encode_entry(entry: dict[str, Any]) -> bytes:
    """One journal line: the CRC-32 of the JSON in hex, a space, the JSON, a newline."""
    body = orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def decode_lines(data: bytes, start: int, path: str) -> JournalRead:
    """Parse the whole lines of ``data`` (read from ``start`` in the file) into entries."""
    entries: list[dict[str, Any]] = []
    pos = 0
    good_end = 0
    size = len(data)
    while pos < size:
        newline = data.find(b"\n", pos)
        line = data[pos:] if newline < 0 else data[pos:newline]
        entry = _decode_line(line)
        if entry is None:
            rest = data[newline + 1 :] if newline >= 0 else b""
            if newline >= 0 and rest.strip():
                offset = start + pos
                raise StoreFileError(
                    f"The journal {path} is damaged at byte {offset} (a change in the middle "
                    "fails its checksum); it was left untouched."
                )
            break  # a torn last line: the change it held was never acknowledged
        if newline < 0:
            break  # a whole entry without its newline was never acknowledged either
        entries.append(entry)
        pos = newline + 1
        good_end = pos
    return JournalRead(entries, start + good_end)


def _decode_line(line: bytes) -> dict[str, Any] | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        entry = orjson.loads(body)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


def read_journal(path: str, start: int = 0) -> JournalRead:
    """Read the journal from byte ``start`` (an empty result when it does not exist)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read()
    except FileNotFoundError:
        return JournalRead([], 0)
    except OSError as error:
        raise StoreFileError(f"Cannot read the journal {path}: {error.strerror}.") from error
    return decode_lines(data, start, path)


class JournalWriter:
    """An open append handle on the journal that makes each appended line durable."""

    def __init__(self, path: str) -> None:
        self.path = path
        existed = os.path.exists(path)
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            if not existed:  # the new directory entry must survive a crash too
                folder_fd = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
                try:
                    os.fsync(folder_fd)
                finally:
                    os.close(folder_fd)
        except OSError as error:
            raise StoreFileError(f"Cannot write the journal {path}: {error.strerror}.") from error

    def append(self, line: bytes, good_end: int) -> int:
        """Cut any torn tail back to ``good_end``, append ``line``, sync; return the new end."""
        size = os.fstat(self.fd).st_size
        if size != good_end:
            os.ftruncate(self.fd, good_end)
        try:
            written = os.write(self.fd, line)
            if written != len(line):
                raise OSError("short write")
            os.fdatasync(self.fd)
        except OSError as error:
            os.ftruncate(self.fd, good_end)
            raise StoreFileError(
                f"Could not save the change to {self.path} ({error.strerror or error}); "
                "nothing was changed."
            ) from error
        return good_end + written

    def clear(self) -> None:
        """Empty the journal once its entries are folded into the store file."""
        try:
            os.ftruncate(self.fd, 0)
            os.fsync(self.fd)
        except OSError as error:
            raise StoreFileError(f"Cannot empty the journal {self.path}: {error.strerror}.") from error

    def close(self) -> None:
        """Release the file descriptor."""
        os.close(self.fd)
