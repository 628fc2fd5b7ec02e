"""The history of one record in the app: who changed it, its annotations and its links, and what changed."""

from __future__ import annotations

from textual.content import Content

from claimnet.store.network.changes import describe_entry, record_history, what_changed

from ..safe_text import one_line
from .record_listing import RecordListingScreen

#: The newest entries shown.
LIMIT = 200


class HistoryScreen(RecordListingScreen):
    """Newest first: when, who, and in words what changed ("verdict false → true", "note added")."""

    TITLE_TEXT = "History"
    EMPTY = "No changes since the store was made."

    def read_rows(self) -> list[tuple[str | None, Content]]:
        """One row per change to the record, its annotations or its links."""
        width = max(40, self.size.width - 6)
        lines: list[tuple[str | None, Content]] = []
        for entry in record_history(self.store, self.record_id, limit=LIMIT):
            when = entry.at[:16].replace("T", " ")
            undone = "" if entry.state == "done" or entry.kind != "change" else f" ({entry.state})"
            head = Content(f"{when} ").stylize("dim") + Content(one_line(entry.who, 12)).stylize("bold")
            short = what_changed(entry, self.record_id)
            verb = entry.summary.split(" ", 1)[0]
            words = (f"{verb}: {short}" if short else describe_entry(entry, self.record_id)) + undone
            lines.append((entry.id, head + Content(" ") + Content(one_line(words, max(10, width - 30)))))
        return lines
