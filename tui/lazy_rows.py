"""Rows known only by id until they scroll into view: a 100,000-row pane opens without reading them all."""

from __future__ import annotations

from collections.abc import Sequence

from .rows import Row

WINDOW = 200


class LazyRows(Sequence[Row]):
    """A pane's record ids in order, with the rows built so far; the rest show as pending."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self._built: dict[int, Row] = {}
        self._asked: set[int] = set()

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.ids)))]
        row = self._built.get(index)
        return row if row is not None else Row(self.ids[index], "pending", text="…")

    def is_built(self, index: int) -> bool:
        """Whether the row at ``index`` has been read."""
        return index in self._built

    def window_to_ask(self, index: int) -> tuple[int, int] | None:
        """The window of ids holding ``index`` if it was not asked for yet (then marked asked)."""
        start = index - index % WINDOW
        if start in self._asked:
            return None
        self._asked.add(start)
        return start, min(len(self.ids), start + WINDOW)

    def fill(self, start: int, rows: list[Row]) -> None:
        """Keep rows read for the window starting at ``start``."""
        for offset, row in enumerate(rows):
            self._built[start + offset] = row
