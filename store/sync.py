"""Thread safety for the Store: one session's methods run one at a time across threads.

The app reads and writes from worker threads; a read iterating a table while another thread
applies a change would see a dict change size under it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def synchronised(method: F) -> F:
    """Run ``method`` holding the session's re-entrant thread lock."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self.storage._thread_lock:
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def synchronise_public(cls: type) -> type:
    """Wrap every public method defined on ``cls`` and its mixins with ``synchronised``."""
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or not callable(value) or isinstance(value, type):
                continue
            if name in ("close",) or getattr(getattr(cls, name), "__wrapped__", None):
                continue
            setattr(cls, name, synchronised(value))
    return cls
