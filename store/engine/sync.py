"""Thread safety and freshness for the Store: its public methods run one at a time across
threads, and each outermost call first catches up with changes other sessions made.

The app reads and writes from worker threads; a read iterating a table while another thread
applies a change would see a dict change size under it. Catching up costs two ``stat`` calls
and a shared lock when nothing changed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


#: Single dict lookups: atomic under the GIL, safe to call from the UI thread without waiting
#: behind a write; they see what this session has loaded (the app refreshes on a timer).
#: ``prepare_search`` takes the lock itself, only while it copies the records it indexes.
LOCK_FREE = frozenset({"close", "find", "get", "raw", "prepare_search"})

#: Methods that catch up themselves, under the exclusive lock they take to write.
SELF_CATCHING_UP = frozenset(
    {"create", "update", "delete", "annotate", "add_many", "undo", "redo", "link", "unlink",
     "apply_planned", "update_many", "apply_prepared"}
)


def synchronised(method: F) -> F:
    """Run ``method`` holding the session's re-entrant thread lock."""
    catch_up = method.__name__ not in SELF_CATCHING_UP

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        storage = self.storage
        with storage._thread_lock:
            storage.depth += 1
            try:
                if catch_up and storage.depth == 1 and storage.is_open:
                    storage.refresh()
                return method(self, *args, **kwargs)
            finally:
                storage.depth -= 1

    return wrapper  # type: ignore[return-value]


def synchronise_public(cls: type) -> type:
    """Wrap every public method defined on ``cls`` and its mixins with ``synchronised``."""
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or not callable(value) or isinstance(value, type):
                continue
            if name in LOCK_FREE or getattr(getattr(cls, name), "__wrapped__", None):
                continue
            setattr(cls, name, synchronised(value))
    return cls
