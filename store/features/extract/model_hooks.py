"""The two hooks each learned model of the extractor offers its training script: ``observing`` (record
what the model would read instead of using it) and ``using`` (read with other weights than the shipped
ones, for leave-one-set-out evaluation). Context variables, so that a thread or task sees only its own."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any


class ModelHooks:
    """The observing and using hooks of one model, named for it."""

    def __init__(self, name: str) -> None:
        self._observer: contextvars.ContextVar[list | None] = contextvars.ContextVar(f"{name}_observer",
                                                                                     default=None)
        self._weights: contextvars.ContextVar[Any] = contextvars.ContextVar(f"{name}_weights", default=None)

    def observer(self) -> list | None:
        """Where, within ``observing``, what the model would read goes; None otherwise."""
        return self._observer.get()

    def weights(self) -> Any:
        """The weights given to ``using``, or None (the shipped ones are read)."""
        return self._weights.get()

    @contextlib.contextmanager
    def observing(self) -> Iterator[list]:
        """Within the block, what the model would read is recorded in the list yielded (what training
        learns from); the model's own module says what it does instead of using its weights."""
        seen: list = []
        token = self._observer.set(seen)
        try:
            yield seen
        finally:
            self._observer.reset(token)

    @contextlib.contextmanager
    def using(self, weights: Any) -> Iterator[None]:
        """Within the block, the model reads with these weights instead of the shipped ones."""
        token = self._weights.set(weights)
        try:
            yield
        finally:
            self._weights.reset(token)
