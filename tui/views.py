"""What each pane lists, read from the store in a worker thread and handed to the UI as rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

from claimnet.store import Store, model
from claimnet.store.network.disagreements import disputed_ids

from .lazy_rows import LazyRows
from .pane_filter import NO_FILTER, PaneFilter
from .rows import Row, quoted
from .safe_text import one_line

#: How evidence bears on a statement, as a sign.
BEARING_SIGNS = {"supports": "+", "contradicts": "−", "undercuts": "−"}


@dataclass(frozen=True, slots=True)
class PaneData:
    """Rows for a pane, the title that says what they are (with a count) and what they are scoped to."""

    rows: Sequence[Row]
    title: Content
    empty: str
    scope: Content | None = None  # shown under the pane, where a narrow pane has room for it


Marks = dict[str, tuple[str | None, bool, list[str]]]
NO_MARKS: tuple[str | None, bool, list[str]] = (None, False, [])


def marks_map(store: Store) -> Marks:
    """Per annotated record: the newest verdict, whether it has a note, and its tags (one read)."""
    return store.annotation_marks()


def marks_of(store: Store, record_id: str) -> tuple[str | None, bool, list[str]]:
    """The marks of one record (for the few rows of a window)."""
    annotations = store.annotations_of(record_id)
    marks: Marks = {}
    for ann in annotations:
        verdict, noted, tags = marks.get(record_id, NO_MARKS)
        marks[record_id] = (ann.verdict or verdict, noted or bool(ann.note),
                            tags + [t for t in ann.tags if t not in tags])
    return marks.get(record_id, NO_MARKS)


def _title(name: str, count: int, flt: PaneFilter | None = None) -> Content:
    """A pane title: ``Statements 6 · act=denial`` (the count stays in view in a narrow pane)."""
    title = Content.from_markup("[b]$name[/b]", name=name)
    title += Content.from_markup(" [dim]$count[/dim]", count=str(count))
    if flt is not None and flt.active:
        title += Content(" · ") + Content(one_line(flt.describe(), 30)).stylize("italic")
    return title


def _scope(text: str) -> Content | None:
    """What a scoped pane lists (``by/about Kim Yo Jong``), for the pane's lower border."""
    return Content(one_line(text, 60)) if text else None


def actor_rows(store: Store, flt: PaneFilter) -> PaneData:
    """Every actor with its kind and statement count, filtered and sorted."""
    counts = store.statement_counts()
    marks = marks_map(store)
    disputed = _disputed(store, flt)
    rows = []
    active = flt.active
    for actor in store.all("actors"):
        verdict, noted, tags = marks.get(actor.id, NO_MARKS)
        if active and not flt.keeps(actor, verdict, tags, disputed):
            continue
        rows.append(Row(actor.id, "actor", actor.kind, actor.name, count=counts.get(actor.id, 0),
                        verdict=verdict, noted=noted, status=actor.status))
    keys = {"name": lambda r: r.text.casefold(), "statements": lambda r: -(r.count or 0),
            "kind": lambda r: r.label}
    _sort(rows, flt, keys)
    return PaneData(rows, _title("Actors", len(rows), flt=flt), "No actors match.")


def _disputed(store: Store, flt: PaneFilter) -> frozenset[str]:
    """The records analysts disagree on, when the filter asks for them (else none: not computed)."""
    return frozenset(disputed_ids(store)) if flt.disagree else frozenset()


def _statement_row(st: model.Statement, names: dict[str, str], flt: PaneFilter, marks,
                   kind: str = "statement", label: str = "", sign: str = "",
                   disputed: frozenset[str] = frozenset(), link: str = "") -> Row | None:
    verdict, noted, tags = marks
    if flt.active and not flt.keeps(st, verdict, tags, disputed):
        return None
    return Row(st.id, kind, label or st.act, quoted(st.quote, st.text), names.get(st.speaker, "?"),
               st.said_on or "", sign, verdict=verdict, noted=noted, status=st.status, link=link)


def statement_rows(store: Store, scope: str | None, flt: PaneFilter) -> PaneData:
    """Statements, all or those of an actor (made or about) or those a piece of evidence bears on."""
    if scope is None and not flt.active:  # rows are read a window at a time: no names needed here
        ids = store.ids("statements")
        return PaneData(LazyRows(ids), _title("Statements", len(ids)), "No statements yet.")
    names = {a.id: a.name for a in store.all("actors")}
    scope_text = ""
    if scope is None:
        statements = store.all("statements")
    elif model.kind_of_id(scope) == "actor":
        statements = store.statements_for_actor(scope)
        scope_text = f"by/about {names.get(scope, scope)}"
    else:
        statements = [other for _link, _way, other in store.linked(scope, direction="out")
                      if isinstance(other, model.Statement)]
        evidence = store.find(scope)
        scope_text = f"bearing: {getattr(evidence, 'text', scope)}"
    marks = marks_map(store)
    grades = {st.id: st.credibility for st in statements} if flt.sort == "credibility" else {}
    disputed = _disputed(store, flt)
    rows = [row for st in statements if (row := _statement_row(
        st, names, flt, marks.get(st.id, NO_MARKS), disputed=disputed)) is not None]
    keys = {"date": lambda r: r.date or "~", "act": lambda r: r.label,
            "speaker": lambda r: r.who.casefold(), "credibility": lambda r: grades.get(r.id, 6)}
    _sort(rows, flt, keys)
    empty = "No statements match." if statements else "No statements here."
    return PaneData(rows, _title("Statements", len(rows), flt), empty, _scope(scope_text))


def _evidence_row(ev: model.Evidence, flt: PaneFilter, sign: str, marks,
                  disputed: frozenset[str] = frozenset()) -> Row | None:
    verdict, noted, tags = marks
    if flt.active and not flt.keeps(ev, verdict, tags, disputed):
        return None
    return Row(ev.id, "evidence", ev.kind, ev.text, sign=sign, verdict=verdict, noted=noted, status=ev.status)


def overall_sign(store: Store, evidence_id: str) -> str:
    """How a piece of evidence bears overall: + supports, − contradicts, ± both, blank neither."""
    signs = {BEARING_SIGNS.get(link.type, "") for link in store.links_from(evidence_id)} - {""}
    return "±" if len(signs) > 1 else next(iter(signs), "")


def evidence_rows(store: Store, statement_id: str | None, flt: PaneFilter) -> PaneData:
    """All evidence, or a statement's evidence grouped supports / contradicts plus linked statements."""
    if statement_id is None and not flt.active:
        ids = store.ids("evidence")
        return PaneData(LazyRows(ids), _title("Evidence", len(ids)), "No evidence yet.")
    marks = marks_map(store)
    disputed = _disputed(store, flt)
    if statement_id is None:
        items = store.all("evidence")
        grades = {ev.id: ev.credibility for ev in items}
        rows = [row for ev in items if (row := _evidence_row(
            ev, flt, overall_sign(store, ev.id), marks.get(ev.id, NO_MARKS), disputed)) is not None]
        _sort(rows, flt, {"kind": lambda r: r.label, "credibility": lambda r: grades.get(r.id, 6)})
        return PaneData(rows, _title("Evidence", len(rows), flt=flt), "No evidence matches.")
    rows: list[Row] = []
    groups = store.evidence_for(statement_id)
    order = sorted(groups, key=lambda t: (t not in BEARING_SIGNS, list(BEARING_SIGNS).index(t)
                                          if t in BEARING_SIGNS else 0, t))
    for link_type in order:
        found = [row for ev in groups[link_type] if (row := _evidence_row(
            ev, flt, BEARING_SIGNS.get(link_type, "~"), marks.get(ev.id, NO_MARKS), disputed)) is not None]
        if found:
            rows.append(Row(f"group:{link_type}", "group", text=f"{link_type} ({len(found)})"))
            rows.extend(found)
    names = {a.id: a.name for a in store.all("actors")}
    linked = []
    for link, way, other in store.linked(statement_id):
        if isinstance(other, model.Statement):
            row = _statement_row(other, names, NO_FILTER, marks.get(other.id, NO_MARKS),
                                 "link-statement", link.type, "→" if way == "out" else "←", link=link.id)
            if row is not None:
                linked.append(row)
    if linked:
        rows.append(Row("group:linked", "group", text=f"linked statements ({len(linked)})"))
        rows.extend(linked)
    count = sum(1 for r in rows if r.kind != "group")
    statement = store.find(statement_id)
    about = statement_id
    if isinstance(statement, model.Statement):
        about = f"{statement.act} by {names.get(statement.speaker, statement.speaker)}"
    return PaneData(rows, _title("Evidence", count, flt), "No evidence or links for this statement.",
                    _scope(f"on {about}"))


def window_rows(store: Store, ids: list[str]) -> list[Row]:
    """Rows for a window of a lazy pane (statements or evidence in store order), read at once."""
    return store.one_read(lambda one: _window_rows(one, ids))


def _window_rows(store: Store, ids: list[str]) -> list[Row]:
    rows: list[Row] = []
    names: dict[str, str] = {}
    for record_id in ids:
        record = store.find(record_id)
        if record is None:
            rows.append(Row(record_id, "gone", text="(removed)"))
        elif isinstance(record, model.Statement):
            if record.speaker not in names:
                speaker = store.find(record.speaker)
                names[record.speaker] = getattr(speaker, "name", record.speaker)
            rows.append(_statement_row(record, names, NO_FILTER, marks_of(store, record_id)))
        elif isinstance(record, model.Evidence):
            rows.append(_evidence_row(record, NO_FILTER, overall_sign(store, record_id),
                                      marks_of(store, record_id)))
    return rows


def read_window_near(store: Store, rows: Sequence[Row], index: int) -> None:
    """Read the window of lazy ``rows`` holding row ``index`` into them (unless asked already)."""
    if isinstance(rows, LazyRows) and len(rows):
        window = rows.window_to_ask(min(index, len(rows) - 1))
        if window is not None:
            start, end = window
            rows.fill(start, window_rows(store, rows.ids[start:end]))


def _sort(rows: list[Row], flt: PaneFilter, keys: dict) -> None:
    key = keys.get(flt.sort)
    if key is not None:
        rows.sort(key=key, reverse=flt.descending)
    elif flt.descending:
        rows.reverse()
