"""What a pane's filter and sort keep and in which order: plain settings, applied off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass, replace

#: The sort orders each pane offers (the first is the store's own order).
SORTS = {
    "actors": ("store", "name", "statements", "kind"),
    "statements": ("store", "date", "act", "speaker", "credibility"),
    "evidence": ("store", "kind", "credibility"),
}
NO_VERDICT = "none"


@dataclass(frozen=True, slots=True)
class PaneFilter:
    """A pane's filter (each field None = any) and sort order."""

    kind: str | None = None  # actor or evidence kind
    act: str | None = None
    verdict: str | None = None  # a verdict, or "none" for records without one
    status: str | None = None
    tag: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    disagree: bool = False  # only records whose verdicts or grades differ between analysts
    sort: str = "store"
    descending: bool = False

    @property
    def active(self) -> bool:
        """Whether the filter hides anything or the order differs from the store's."""
        return self != NO_FILTER

    def cleared(self) -> PaneFilter:
        """No filter and the store's order."""
        return replace(self, kind=None, act=None, verdict=None, status=None, tag=None,
                       date_from=None, date_to=None, disagree=False, sort="store", descending=False)

    def describe(self) -> str:
        """A short summary for a pane title, such as ``act=denial tag=disputed ↓date``."""
        parts = [f"{name}={value}" for name, value in (
            ("kind", self.kind), ("act", self.act), ("verdict", self.verdict),
            ("status", self.status), ("tag", self.tag), ("from", self.date_from),
            ("to", self.date_to)) if value]
        if self.disagree:
            parts.append("analysts disagree")
        if self.sort != "store" or self.descending:
            parts.append(("↓" if self.descending else "↑") + self.sort)
        return " ".join(parts)

    def keeps(self, record: object, verdict: str | None, tags: list[str],
              disputed: frozenset[str] | set[str] = frozenset()) -> bool:
        """Whether a record (with its newest verdict, its tags, and the ids analysts disagree on)
        passes the filter."""
        if self.disagree and getattr(record, "id", None) not in disputed:
            return False
        if self.kind and getattr(record, "kind", None) != self.kind:
            return False
        if self.act and getattr(record, "act", None) != self.act:
            return False
        if self.status and getattr(record, "status", None) != self.status:
            return False
        if self.verdict and (verdict or NO_VERDICT) != self.verdict:
            return False
        if self.tag and self.tag.casefold() not in (t.casefold() for t in tags):
            return False
        date = getattr(record, "said_on", None) or ""
        if self.date_from and (not date or date < self.date_from):
            return False
        return not (self.date_to and (not date or date[: len(self.date_to)] > self.date_to))


#: The filter that filters nothing (one instance: window rows ask it for each row).
NO_FILTER = PaneFilter()
