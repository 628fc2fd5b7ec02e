"""The Detail pane's text for one record, built in a worker from the store (user text never markup)."""

from __future__ import annotations

from textual.content import Content

from claimnet.store import Store, model
from claimnet.store.features.across.views import also_reported_by
from claimnet.store.network.disagreements import verdicts_by_analyst

from .rows import VERDICT_MARKS, quoted
from .safe_text import one_line, visible

SENTENCE_ENDS = ".!?\n"


def _line(label: str, value: Content | str, style: str = "") -> Content:
    """``label: value`` on its own line, the value shown literally."""
    body = value if isinstance(value, Content) else Content(visible(value))
    if style:
        body = body.stylize(style)
    return Content.from_markup("[b]$label:[/b] ", label=label) + body + Content("\n")


def _heading(text: str) -> Content:
    return Content.from_markup("\n[b underline]$text[/]\n", text=text)


def label_of(store: Store, record: model.Record | None, width: int = 60) -> Content:
    """A one-line name for any record: actor name, statement speaker and words, evidence text."""
    if record is None:
        return Content("(gone)").stylize("dim")
    if isinstance(record, model.Actor):
        text = record.name
    elif isinstance(record, model.Statement):
        speaker = store.find(record.speaker)
        who = speaker.name if isinstance(speaker, model.Actor) else record.speaker
        text = f"{who}: {quoted(record.quote, record.text)}"
    elif isinstance(record, model.Source):
        text = record.title
    elif isinstance(record, model.Link):
        text = f"{record.from_} {record.type} {record.to}"
    else:
        text = getattr(record, "text", "") or getattr(record, "note", "") or ""
    return Content(one_line(text, width))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) around ``text[start:end]``."""
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and text[right - 1:right] not in SENTENCE_ENDS:
        right += 1
    return left, right


def in_sentence(store: Store, record: model.Statement | model.Evidence) -> Content | None:
    """The record's span inside its sentence of the source text, with the quote highlighted."""
    source = store.find(record.source) if record.source else None
    if not isinstance(source, model.Source) or not record.span:
        return None
    start, end = record.span
    text = source.text
    if not (0 <= start < end <= len(text)):
        return None
    quote = getattr(record, "quote", None)
    if quote:
        found = text.find(quote, max(0, start - len(quote)), end + len(quote))
        if found >= 0:
            start, end = found, found + len(quote)
    left, right = sentence_bounds(text, start, end)
    parts = [Content(visible(text[left:start])),
             Content(visible(text[start:end])).stylize("bold reverse"),
             Content(visible(text[end:right]))]
    body = Content.assemble(*parts)
    title = Content(one_line(source.title, 50)).stylize("italic")
    return _heading("In the source") + Content("“") + title + Content("”\n") + body + Content("\n")


def _links(store: Store, record_id: str) -> Content:
    out = Content("")
    for heading, way in (("Links out", "out"), ("Links in", "in")):
        items = store.linked(record_id, direction=way)
        if not items:
            continue
        out += _heading(f"{heading} ({len(items)}) — L edits")
        for link, _way, other in items:
            arrow = "→" if way == "out" else "←"
            weight = "" if link.weight is None else f" {link.weight:+d}"
            out += Content.from_markup("[cyan]$arrow $type$weight[/] ", arrow=arrow,
                                       type=link.type.replace("_", " "), weight=weight)
            out += Content(f"{other.id} ").stylize("dim") + label_of(store, other, 70)
            if link.note:
                out += Content("\n    ") + Content(one_line(link.note, 120)).stylize("italic")
            out += Content("\n")
    return out


def _by_analyst(store: Store, annotations: list[model.Annotation]) -> Content:
    """With two analysts or more: each one's verdict and tags in columns, side by side."""
    analysts = list(dict.fromkeys(a.analyst for a in annotations))
    if len(analysts) < 2:
        return Content("")
    verdicts = verdicts_by_analyst(store, annotations[0].target)
    differ = len(set(verdicts.values())) > 1
    out = _heading("By analyst" + (" — analysts disagree" if differ else ""))
    width = min(16, max(len(one_line(a)) for a in analysts) + 1)
    for analyst in analysts:
        own = [a for a in annotations if a.analyst == analyst]
        tags = list(dict.fromkeys(t for a in own for t in a.tags))
        verdict = verdicts.get(analyst)
        letter, style = VERDICT_MARKS.get(verdict or "", ("", ""))
        out += Content(one_line(analyst, width).ljust(width)).stylize("bold")
        out += Content((verdict or "no verdict").replace("_", " ").ljust(14)).stylize(style or "dim")
        out += Content(f"{sum(1 for a in own if a.note)} note(s)".ljust(11)).stylize("dim")
        out += Content(one_line(", ".join(tags), 30)).stylize("cyan") + Content("\n")
    return out


def _annotations(store: Store, record_id: str) -> Content:
    annotations = store.annotations_of(record_id)
    if not annotations:
        return _heading("Annotations") + Content("none yet — press a to annotate\n").stylize("dim")
    out = _by_analyst(store, annotations) + _heading(f"Annotations ({len(annotations)}) — L edits")
    for ann in annotations:
        out += Content(f"{ann.created[:16].replace('T', ' ')} ").stylize("dim")
        out += Content(one_line(ann.analyst, 20)).stylize("bold")
        if ann.verdict:
            letter, style = VERDICT_MARKS.get(ann.verdict, ("", ""))
            out += Content(" verdict ") + Content(ann.verdict.replace("_", " ")).stylize(f"bold {style}")
        if ann.tags:
            out += Content(" tags ") + Content(", ".join(visible(t) for t in ann.tags)).stylize("cyan")
        for check, value in ann.checks.items():
            if value is not None:
                out += Content(f" {check.replace('_', ' ')}={'yes' if value else 'no'}").stylize("dim")
        if ann.note:
            out += Content("\n  ") + Content(visible(ann.note).replace("\n", "\n  "))
        out += Content("\n")
    return out


def _grade(record: model.Record) -> Content:
    if isinstance(record, model.Statement | model.Evidence):
        return _line("Credibility", f"{record.credibility} {model.CREDIBILITY_LABELS[record.credibility]}")
    if isinstance(record, model.Actor | model.Source):
        return _line("Reliability",
                     f"{record.reliability} {model.RELIABILITY_LABELS.get(record.reliability, '')}")
    return Content("")


def _actor_name(store: Store, actor_id: str | None) -> Content:
    actor = store.find(actor_id) if actor_id else None
    if not isinstance(actor, model.Actor):
        return Content("—")
    out = Content(visible(actor.name)).stylize("bold")
    if actor.role:
        out += Content(f", {visible(actor.role)}")
    chain = store.affiliation_chain(actor.id)
    if chain:
        out += Content(" (") + Content(" → ".join(visible(a.name) for a in chain)) + Content(")")
    return out


def _head(kind: str, record: model.Record, title: Content) -> Content:
    return (Content.from_markup("[reverse b] $kind [/] ", kind=kind.upper())
            + title.stylize("bold") + Content(f"  {record.id}\n").stylize("dim"))


def _also_reported(store: Store, record_id: str) -> Content:
    """The other sources reporting the same claim: outlet or title, date, speaker and words."""
    others = also_reported_by(store, record_id)
    if not others:
        return Content("")
    out = _heading("Also reported by")
    for r in others:
        where = r.outlet or r.source_title or "no source"
        out += Content.from_markup("  · [b]$where[/b] $date  ", where=one_line(where, 30),
                                   date=r.date or "undated")
        out += Content(one_line(f"{r.speaker_name or '?'}: {r.quote or r.text}", 90)) + Content("\n")
    return out


def statement_detail(store: Store, st: model.Statement) -> Content:
    """A statement in full: speaker, act, mode, cue, date, grade, sentence, links, annotations."""
    out = _head("statement", st, Content(visible(quoted(st.quote, st.text))))
    out += _line("Speaker", _actor_name(store, st.speaker))
    facts = " · ".join(v for v in (st.act, st.mode, f"cue “{st.cue}”" if st.cue else "",
                                   st.said_on or "undated") if v)
    out += _line("Act", facts)
    out += _grade(st)
    out += _line("Status", f"{st.status} · {st.origin}"
                 + (f" · confidence {st.confidence:.2f}" if st.confidence is not None else ""))
    if st.quote:
        out += _line("Text", st.text)
    if st.about:
        out += _line("About", ", ".join(label_of(store, store.find(a)).plain for a in st.about))
    out += in_sentence(store, st) or Content("")
    out += _also_reported(store, st.id)
    groups = store.evidence_for(st.id)
    if groups:
        out += _heading("Evidence")
        for link_type, items in sorted(groups.items()):
            out += Content.from_markup("[b]$t[/b] ($n)\n", t=link_type, n=str(len(items)))
            for ev in items:
                out += Content("  · ") + Content(one_line(ev.text, 100)) + Content("\n")
    return out + _links(store, st.id) + _annotations(store, st.id)


def evidence_detail(store: Store, ev: model.Evidence) -> Content:
    """A piece of evidence in full: kind, quantity, reporter, grade, sentence, bearings."""
    out = _head("evidence", ev, Content(visible(ev.text)))
    kind = ev.kind
    if ev.quantity:
        kind += f" · {ev.quantity.get('value')} {ev.quantity.get('unit') or ''}".rstrip()
    out += _line("Kind", kind)
    out += _line("Reported by", _actor_name(store, ev.reported_by))
    out += _grade(ev) + _line("Status", f"{ev.status} · {ev.origin}")
    out += in_sentence(store, ev) or Content("")
    return out + _links(store, ev.id) + _annotations(store, ev.id)


def actor_detail(store: Store, actor: model.Actor) -> Content:
    """An actor in full: kind, aliases, role, affiliation chain, counts, affiliates."""
    out = _head("actor", actor, Content(visible(actor.name)))
    out += _line("Kind", actor.kind)
    if actor.role:
        out += _line("Role", actor.role)
    if actor.aliases:
        out += _line("Aliases", "; ".join(actor.aliases))
    chain = store.affiliation_chain(actor.id)
    if chain:
        out += _line("Affiliation", " → ".join(a.name for a in chain))
    out += _grade(actor)
    made, about = len(store.statements_by(actor.id)), len(store.statements_about(actor.id))
    out += _line("Statements", f"{made} made, {about} about (enter lists them)")
    members = store.affiliates(actor.id)
    if members:
        out += _line("Affiliates", ", ".join(a.name for a in members))
    return out + _links(store, actor.id) + _annotations(store, actor.id)


def source_detail(store: Store, source: model.Source) -> Content:
    """A source: title, outlet, date, and how many records were taken from it."""
    out = _head("source", source, Content(visible(source.title)))
    for label, value in (("Outlet", source.outlet), ("Published", source.published), ("URL", source.url)):
        if value:
            out += _line(label, value)
    out += _grade(source)
    out += _line("Records", f"{len(store.records_from_source(source.id))} (s reads the source)")
    return out + _annotations(store, source.id)


def detail_content(store: Store, record_id: str | None) -> Content:
    """The Detail pane text for a record id (or a hint when nothing is focused)."""
    if not record_id:
        return Content("Nothing selected.").stylize("dim")
    record = store.find(record_id)
    if record is None:
        return Content(f"{record_id} is no longer in the store.").stylize("dim")
    if isinstance(record, model.Statement):
        return statement_detail(store, record)
    if isinstance(record, model.Evidence):
        return evidence_detail(store, record)
    if isinstance(record, model.Actor):
        return actor_detail(store, record)
    if isinstance(record, model.Source):
        return source_detail(store, record)
    if isinstance(record, model.Link):
        out = _head("link", record, Content(record.type))
        out += _line("From", label_of(store, store.find(record.from_)))
        out += _line("To", label_of(store, store.find(record.to)))
        if record.note:
            out += _line("Note", record.note)
        return out + _annotations(store, record.id)
    return _head(record.KIND, record, label_of(store, record)) + Content("\n")
