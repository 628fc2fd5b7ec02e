"""What the review queue shows, read from the store in a worker: sources with their counts of
proposed, accepted and rejected records, a source's proposals in text order, one proposal in full.

User text is never markup here: it goes through ``Content`` with control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from claimnet.store import Store, model
from claimnet.store.features.across.match_review import actor_matches

from .detail_text import label_of, sentence_bounds
from .review_edges import (
    KIND_ORDER,
    LINK_SHORT,
    actor_detail,
    first_place,
    link_detail,
    link_words,
    match_detail,
    match_place,
    match_text,
    pending_matches,
    source_proposals,
)
from .rows import ACT_SHORT, ACT_STYLES, KIND_SHORT, Row, quoted
from .safe_text import one_line, visible

PROPOSED, ACCEPTED, REJECTED = model.STATUSES
COUNT_STYLES = {PROPOSED: "bold yellow", ACCEPTED: "green", REJECTED: "red"}
PENDING_MARKS = {"accept": ("✓", "green"), "reject": ("✗", "red")}
LABEL_WIDTH = 9


@dataclass(frozen=True, slots=True)
class SourceRow(Row):
    """A source in the review's source list, with how many of its records are in each status."""

    proposed: int = 0
    accepted: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class ProposalRow(Row):
    """A proposed actor, statement, evidence or link in the queue; ``pending`` names a change on its way."""

    confidence: float | None = None
    start: int = -1
    pending: str = ""


def count_statuses(records: list[model.Record]) -> dict[str, int]:
    """How many of the records are proposed, accepted and rejected."""
    counts = dict.fromkeys(model.STATUSES, 0)
    for record in records:
        status = getattr(record, "status", None)
        if status in counts:
            counts[status] += 1
    return counts


def source_row(store: Store, source: model.Source) -> SourceRow | None:
    """The list row of a source, or None when nothing was extracted from it nor awaits review."""
    records = source_proposals(store, source.id)
    if not any(getattr(r, "origin", "") == "extracted" or getattr(r, "status", "") == PROPOSED
               for r in records):
        return None
    counts = count_statuses(records)
    for match in actor_matches(store, source.id):
        counts[{"accepted": ACCEPTED, "split": REJECTED}.get(match.state, PROPOSED)] += 1
    return SourceRow(source.id, "source", text=source.title, proposed=counts[PROPOSED],
                     accepted=counts[ACCEPTED], rejected=counts[REJECTED])


def source_rows(store: Store) -> list[SourceRow]:
    """Every source that had records extracted or proposed, newest first."""
    rows = (source_row(store, source) for source in reversed(store.all("sources")))
    return [row for row in rows if row is not None]


def queue_rows(store: Store, source_id: str) -> list[ProposalRow]:
    """The proposals of a source in the order of the text: each actor where it first takes part, then
    the statements and evidence, each followed by the links proposed from it."""
    names: dict[str, str] = {}

    def name(actor_id: str | None) -> str:
        if not actor_id:
            return ""
        if actor_id not in names:
            actor = store.find(actor_id)
            names[actor_id] = actor.name if isinstance(actor, model.Actor) else actor_id
        return names[actor_id]

    rows = []
    starts: dict[str, int] = {}
    records = source_proposals(store, source_id)
    for record in records:
        if isinstance(record, model.Statement | model.Evidence):
            starts[record.id] = record.span[0] if record.span else 1 << 62
    for record in records:
        if getattr(record, "status", None) != PROPOSED:
            continue
        if isinstance(record, model.Actor):
            rows.append(ProposalRow(record.id, "actor", record.kind, record.name, record.role or "",
                                    confidence=record.confidence, start=first_place(store, record.id)))
            continue
        if isinstance(record, model.Link):
            rows.append(ProposalRow(record.id, "link", record.type, link_words(store, record), "",
                                    confidence=record.confidence, start=starts.get(record.from_, 1 << 62)))
            continue
        start = starts[record.id]
        if isinstance(record, model.Statement):
            rows.append(ProposalRow(record.id, "statement", record.act, quoted(record.quote, record.text),
                                    name(record.speaker), confidence=record.confidence, start=start))
        elif isinstance(record, model.Evidence):
            rows.append(ProposalRow(record.id, "evidence", record.kind, record.text,
                                    name(record.reported_by), confidence=record.confidence, start=start))
    for match in pending_matches(store, source_id):
        rows.append(ProposalRow(match.proposed_id, "match", match.kind, match_text(store, match), "",
                                confidence=match.confidence, start=match_place(store, match)))
    rows.sort(key=lambda row: (row.start, KIND_ORDER[row.kind], row.id))
    return rows


def imported_actor_ids(store: Store, source_id: str) -> set[str]:
    """The actors the import of this source created (its history entry added them with the source)."""
    found: set[str] = set()
    for entry in store.history(record=source_id):  # newest first: the oldest creation wins
        if entry.kind != "change":
            continue
        if any(c["id"] == source_id and c["before"] is None for c in entry.changes):
            found = {c["id"] for c in entry.changes
                     if c["before"] is None and model.kind_of_id(c["id"]) == "actor"}
    return found


def speaker_of(record: model.Record) -> str | None:
    """Who a proposal is attributed to: a statement's speaker, an evidence's reporter."""
    if isinstance(record, model.Statement):
        return record.speaker
    if isinstance(record, model.Evidence):
        return record.reported_by
    return None


# -- drawing rows ----------------------------------------------------------------------------

def _cell(text: str, width: int, style: str = "") -> Content:
    content = Content(one_line(text))
    return (content.stylize(style) if style else content).truncate(width, ellipsis=True, pad=True)


def format_source(row: Row, width: int) -> Content:
    """A source row: its title, then its proposed, accepted and rejected counts."""
    if not isinstance(row, SourceRow):
        return _cell(row.text, width, "dim")
    counts = [(str(row.proposed), COUNT_STYLES[PROPOSED] if row.proposed else "dim"),
              (str(row.accepted), COUNT_STYLES[ACCEPTED]), (str(row.rejected), COUNT_STYLES[REJECTED])]
    tail = Content(" ").join(Content(text).stylize(style) for text, style in counts)
    room = max(4, width - tail.cell_length - 1)
    return Content.assemble(_cell(row.text, room, "bold" if row.proposed else ""), Content(" "),
                            tail).truncate(width, pad=True)


def confidence_text(confidence: float | None) -> tuple[str, str]:
    """A confidence in three cells (".46", "1.0", " - ") and a colour that says how sure."""
    if confidence is None:
        return " - ", "dim"
    shown = "1.0" if confidence >= 0.995 else f"{confidence:.2f}"[1:]
    return shown, "green" if confidence >= 0.8 else "yellow" if confidence >= 0.5 else "red"


def format_proposal(row: Row, width: int) -> Content:
    """A queue row: a mark while a change is on its way, act or kind, who, confidence, words."""
    if not isinstance(row, ProposalRow):
        return _cell(row.text, width, "dim")
    mark, mark_style = PENDING_MARKS.get(row.pending, ("…" if row.pending else " ", "dim"))
    parts = [Content(mark).stylize(mark_style), Content(" ")]
    rest = width - 2
    if row.kind == "statement":
        label, style = ACT_SHORT.get(row.label, row.label), ACT_STYLES.get(row.label, "")
    elif row.kind == "actor":
        label, style = "+" + KIND_SHORT.get(row.label, row.label), "magenta"
    elif row.kind == "match":
        label, style = "=" + KIND_SHORT.get(row.label, row.label), "magenta"
    elif row.kind == "link":
        label, style = LINK_SHORT.get(row.label, row.label), "cyan"
    else:
        label, style = "ev " + KIND_SHORT.get(row.label, row.label), "cyan"
    if rest >= 30:
        parts += [_cell(label, 7, style), Content(" ")]
        rest -= 8
    if rest >= 30:
        who = min(16, max(8, rest // 4))
        parts += [_cell(row.who or "—", who, "bold"), Content(" ")]
        rest -= who + 1
    shown, conf_style = confidence_text(row.confidence)
    parts += [Content(shown).stylize(conf_style), Content(" ")]
    parts.append(_cell(row.text, max(1, rest - 4)))
    line = Content.assemble(*parts).truncate(width, pad=True)
    return line.stylize("dim") if row.pending else line


# -- one proposal in full --------------------------------------------------------------------

def _field(label: str, value: Content | str) -> Content:
    body = value if isinstance(value, Content) else Content(one_line(value))
    return Content.from_markup("[b]$label[/b]", label=label.ljust(LABEL_WIDTH)) + body + Content("\n")


def sentence_of(store: Store, record: model.Statement | model.Evidence) -> Content:
    """The sentence(s) of the source around the record's span, the span highlighted."""
    source = store.find(record.source) if record.source else None
    if not isinstance(source, model.Source) or not record.span:
        return Content("(no place in the source text)").stylize("dim italic")
    text = source.text
    start, end = record.span
    if not (0 <= start < end <= len(text)):
        return Content("(its span does not fit the source text)").stylize("dim italic")
    left, right = sentence_bounds(text, start, end)

    def flat(piece: str) -> Content:
        return Content(" ".join(visible(piece).split("\n")))

    return Content.assemble(flat(text[left:start].lstrip()),
                            flat(text[start:end]).stylize("bold reverse"),
                            flat(text[end:right].rstrip()))


def speaker_line(store: Store, actor_id: str | None, new_actors: set[str]) -> Content:
    """The speaker's name and role, and whether the import made it or it was already known."""
    actor = store.find(actor_id) if actor_id else None
    if not isinstance(actor, model.Actor):
        return Content("nobody — c chooses one").stylize("dim")
    out = Content(one_line(actor.name, 26)).stylize("bold")
    if actor.role:
        out += Content(", " + one_line(actor.role, 14))
    if actor.id in new_actors:
        out += Content("  ") + Content(" new actor ").stylize("black on yellow")
        return out + Content(" m: merge").stylize("dim")
    made = len(store.statements_by(actor.id))
    return out + Content("  ") + Content(f"existing actor · {made} statement(s)").stylize("green")


def _links(store: Store, record_id: str) -> Content:
    out = Content("")
    for link, way, other in store.linked(record_id):
        arrow = "→" if way == "out" else "←"
        label = Content.from_markup("[cyan]$arrow $type[/] ", arrow=arrow, type=link.type.replace("_", " "))
        status = link.status if link.status != ACCEPTED else getattr(other, "status", ACCEPTED)
        tail = Content(f" ({status})").stylize(COUNT_STYLES.get(status, "dim")) if status != ACCEPTED else ""
        out += _field("Link" if not out.plain else "", label + label_of(store, other, 50) + tail)
    return out


def proposal_detail(store: Store, record_id: str, new_actors: set[str],
                    source_id: str | None = None) -> Content:
    """A proposal in full: its sentence with the span highlighted, then every proposed field."""
    record = store.find(record_id)
    match = next((m for m in actor_matches(store, source_id) if m.proposed_id == record_id), None) \
        if record is None and source_id else None
    if match is not None:
        shown, style = confidence_text(match.confidence)
        return match_detail(store, match, Content(shown.strip()).stylize(style))
    if isinstance(record, model.Actor | model.Link):
        shown, style = confidence_text(record.confidence)
        sure = Content(shown.strip()).stylize(style)
        return (actor_detail if isinstance(record, model.Actor) else link_detail)(store, record, sure)
    if not isinstance(record, model.Statement | model.Evidence):
        return Content(f"{record_id} is no longer in the store.").stylize("dim")
    shown, style = confidence_text(record.confidence)
    out = sentence_of(store, record) + Content("\n\n")
    who = speaker_of(record)
    if isinstance(record, model.Statement):
        out += _field("Speaker", speaker_line(store, who, new_actors))
        facts = [record.act, record.mode, f"cue “{one_line(record.cue)}”" if record.cue else "no cue"]
        out += _field("Act", Content(" · ".join(facts)) + Content("  confidence ")
                      + Content(shown.strip()).stylize(style))
        if record.quote:
            out += _field("Quote", "“" + record.quote + "”")
        out += _field("Text", record.text)
        if record.about:
            out += _field("About", ", ".join(label_of(store, store.find(a), 30).plain for a in record.about))
    else:
        kind = record.kind
        if record.quantity:
            kind += f" · {record.quantity.get('value')} {record.quantity.get('unit') or ''}".rstrip()
        out += _field("Evidence", Content(one_line(kind)) + Content("  confidence ")
                      + Content(shown.strip()).stylize(style))
        out += _field("Reported", speaker_line(store, who, new_actors))
        out += _field("Text", record.text)
    return out + _links(store, record.id)


def queue_summary(row: SourceRow | None, title: str) -> Content:
    """What the detail shows when a source has nothing left to review."""
    if row is None:
        return Content("No imported source awaits review. Import an article with "
                       "`claimnet import FILE`, then press R again.").stylize("dim")
    out = Content.from_markup("[b]Nothing left to review in[/b] “$title”.\n\n", title=one_line(title, 60))
    out += Content.assemble(
        (f"{row.accepted} accepted", COUNT_STYLES[ACCEPTED]), Content(" · "),
        (f"{row.rejected} rejected", COUNT_STYLES[REJECTED]), Content(" · "),
        (f"{row.proposed} proposed", "dim"), Content("\n\n"))
    return out + Content("u undoes the last decision · tab, then j/k and enter, picks another source · "
                         "escape goes back to the network").stylize("dim")
