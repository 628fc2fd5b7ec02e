"""Where the person has been: record ids visited anywhere in the app, walked with back and forward."""

from __future__ import annotations


class NavHistory:
    """A browser-like history of visited record ids (visiting after going back drops the forward part)."""

    def __init__(self, limit: int = 500) -> None:
        self.items: list[str] = []
        self.index = -1
        self.limit = limit

    @property
    def current(self) -> str | None:
        """The record visited last (or reached by back/forward)."""
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def visit(self, record_id: str) -> None:
        """Remember a visit; repeated visits of the current record are one."""
        if record_id == self.current:
            return
        del self.items[self.index + 1:]
        self.items.append(record_id)
        if len(self.items) > self.limit:
            del self.items[0]
        self.index = len(self.items) - 1

    def back(self) -> str | None:
        """The previous record, or None at the start."""
        if self.index <= 0:
            return None
        self.index -= 1
        return self.current

    def forward(self) -> str | None:
        """The next record after going back, or None at the end."""
        if self.index >= len(self.items) - 1:
            return None
        self.index += 1
        return self.current
