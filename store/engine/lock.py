"""The store's lock file, whether the store may be changed at all, and temp files a kill left behind.

Each operation holds an ``flock`` on ``<store>.lock`` (shared to read, exclusive to write). A
read-only store (the file, its folder, or the file system) is read without creating a lock file:
an existing one is locked through a read-only handle, and with none there is nothing to lock
against, since nobody can change the file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re

from claimnet.store.model.errors import StoreFileError

TEMP_PREFIX = ".claimnet-"


def read_only_reason(path: str) -> str | None:
    """Why the store file at ``path`` cannot be changed (a few words), or None when it can."""
    folder = os.path.dirname(path) or "."
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except OSError:
        pass
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None


def temp_name(owner: str, token: str) -> str:
    """The temporary file a write of store ``owner`` (or a backup of it) uses beside it."""
    return os.path.join(os.path.dirname(owner), f"{TEMP_PREFIX}{os.path.basename(owner)}.{token}.tmp")


def remove_stale_temps(owner: str) -> int:
    """Remove the temp files writes of store ``owner`` left behind (a kill mid-fold); how many.

    Only the holder of the store's lock calls this, and every write of ``owner`` holds it
    exclusively, so no temp file of this store is in use meanwhile.
    """
    folder = os.path.dirname(owner) or "."
    pattern = re.compile(re.escape(TEMP_PREFIX + os.path.basename(owner)) + r"\.[0-9a-f]{12}\.tmp")
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if pattern.fullmatch(name):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


class StoreLock:
    """The lock file of one store for one session: opened on first use, never created read-only."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd: int | None = None
        self.writable = False
        self.depth = 0  # nested holds (one thread; the session's thread lock serialises threads)
        self.exclusive = False

    def acquire(self, exclusive: bool, may_create: bool) -> None:
        """Take the lock (waiting for other sessions); without ``may_create`` no file is made.

        Nested holds reuse the lock already held: an flock is one per handle, so an inner
        release must not let other sessions in while the outer operation still runs.
        """
        if self.depth and (self.exclusive or not exclusive):
            self.depth += 1
            return
        if self.fd is None or (may_create and not self.writable):
            self._open(may_create)
        if self.fd is not None:
            self.exclusive = exclusive and self.writable
            fcntl.flock(self.fd, fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH)
        self.depth += 1

    def release(self) -> None:
        """Let other sessions in (when the outermost hold ends)."""
        self.depth -= 1
        if self.depth == 0 and self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        """Close the lock file's handle."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def _open(self, may_create: bool) -> None:
        try:
            if may_create:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            elif os.path.exists(self.path):
                fd = os.open(self.path, os.O_RDONLY)
            else:
                return
        except OSError as error:
            if not may_create:
                return  # a lock file we may not open on a store we only read: read without it
            raise StoreFileError(f"Cannot open the lock file {self.path}: {error.strerror}.") from error
        self.close()
        self.fd, self.writable = fd, may_create
