"""The errors the store raises: each carries one sentence a person can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store reports to a user."""


class ValidationError(StoreError):
    """A change was refused because a field has a bad value; the message names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(StoreError):
    """A reference (id, name, alias or id prefix) matches no record."""


class Ambiguous(StoreError):
    """A reference matches several records; ``candidates`` lists their ids."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class DependentsExist(StoreError):
    """A delete was refused because other records depend on the one being deleted."""

    def __init__(self, message: str, dependents: list[str]) -> None:
        super().__init__(message)
        self.dependents = dependents


class StoreFileError(StoreError):
    """The store file is malformed, truncated, of a newer schema, or cannot be written."""


class NothingToDo(StoreError):
    """Undo or redo was asked for but there is no change to undo or redo."""


class StaleChange(StoreError):
    """A change prepared against one state of the store was refused: another change came first."""
