"""The review queue's actors, links and matches: what an import proposed besides statements and evidence.

An import proposes the actors it found, the links between its records, and which of its actors are
ones already stored (matches across sources); all are reviewed in the queue like any proposal. User
text goes through ``Content`` with control characters made visible.
"""

from __future__ import annotations

from textual.content import Content

from claimnet.store import Store, model
from claimnet.store.features.across.match_review import MatchProposal, actor_matches

from .detail_text import label_of
from .safe_text import one_line

#: Queue order within one place of the text: the actor first, then what it said, then the links.
KIND_ORDER = {"match": 0, "actor": 0, "statement": 1, "evidence": 2, "link": 3}
LINK_SHORT = {"supports": "+supp", "contradicts": "−contra", "denies": "denies", "accuses": "accuses",
              "responds_to": "answers", "restates": "restate", "undercuts": "undercut"}


def source_proposals(store: Store, source_id: str) -> list[model.Record]:
    """What the import of a source proposed: the actors its records name (made by an import) and the
    bodies those belong to, its statements and evidence, and the links starting at those."""
    records = store.records_from_source(source_id)
    actors: dict[str, model.Actor] = {}
    links: dict[str, model.Link] = {}
    for record in records:
        named = [getattr(record, "speaker", None), getattr(record, "reported_by", None),
                 *getattr(record, "about", ())]
        for actor_id in named:
            if actor_id and actor_id not in actors:
                actor = store.find(actor_id)
                if isinstance(actor, model.Actor) and actor.origin == "extracted":
                    actors[actor_id] = actor
        for link in store.links_from(record.id):
            links[link.id] = link
    for actor in list(actors.values()):  # what a proposed actor belongs to came with it
        parent = store.find(actor.affiliation) if actor.affiliation else None
        while isinstance(parent, model.Actor) and parent.origin == "extracted" and parent.id not in actors:
            actors[parent.id] = parent
            parent = store.find(parent.affiliation) if parent.affiliation else None
    return [*actors.values(), *records, *links.values()]


def source_of_proposal(store: Store, record: model.Record | None) -> str | None:
    """The source whose import proposed a record: its own, its from end's, or its first statement's."""
    if isinstance(record, model.Link):
        record = store.find(record.from_)
    if isinstance(record, model.Actor):
        named = store.statements_by(record.id) + store.statements_about(record.id)
        record = named[0] if named else next(iter(store.evidence_reported_by(record.id)), None)
    return getattr(record, "source", None)


def first_place(store: Store, actor_id: str) -> int:
    """Where an actor first takes part in the text: the earliest span among the records naming it."""
    spans = [r.span[0] for r in store.statements_by(actor_id) + store.statements_about(actor_id) if r.span]
    spans += [r.span[0] for r in store.evidence_reported_by(actor_id) if r.span]
    spans += [first_place(store, a.id) for a in store.affiliates(actor_id) if a.id != actor_id][:1]
    return min((s for s in spans if s >= 0), default=-1)


def link_words(store: Store, link: model.Link, width: int = 60) -> str:
    """A link in the queue, under the proposal it starts from: the record it points to."""
    return "→ " + label_of(store, store.find(link.to), width).plain


def _field(label: str, value: Content | str) -> Content:
    body = value if isinstance(value, Content) else Content(one_line(value))
    return Content.from_markup("[b]$label[/b]", label=label.ljust(9)) + body + Content("\n")


def actor_detail(store: Store, actor: model.Actor, confidence: Content) -> Content:
    """A proposed actor in full: name, kind, role, aliases, affiliation, what it takes part in."""
    out = Content.from_markup("[b]A new actor proposed by the import[/b]\n\n")
    out += _field("Name", actor.name)
    out += _field("Kind", Content(actor.kind) + Content("  confidence ") + confidence)
    if actor.role:
        out += _field("Role", actor.role)
    if actor.aliases:
        out += _field("Aliases", ", ".join(actor.aliases))
    if actor.affiliation:
        out += _field("Part of", label_of(store, store.find(actor.affiliation), 40))
    said, about = store.statements_by(actor.id), store.statements_about(actor.id)
    out += _field("Part in", f"{len(said)} statement(s) made, {len(about)} about it, "
                  f"{len(store.evidence_reported_by(actor.id))} evidence reported")
    return out + Content("\ny accepts · x drops it with its proposals · e renames it or changes its kind · "
                         "m merges it into an existing actor").stylize("dim")


def link_detail(store: Store, link: model.Link, confidence: Content) -> Content:
    """A proposed link in full: both ends, its type and weight, and the words it rests on."""
    out = Content.from_markup("[b]A link proposed by the import[/b]\n\n")
    out += _field("From", label_of(store, store.find(link.from_), 60))
    out += _field("Type", Content(link.type.replace("_", " ")).stylize("cyan")
                  + Content(f"  weight {link.weight if link.weight is not None else '—'}  confidence ")
                  + confidence)
    out += _field("To", label_of(store, store.find(link.to), 60))
    if link.note:
        out += _field("Rests on", link.note)
    return out + Content("\ny accepts · x rejects it (rejecting either end rejects it too) · "
                         "e edits its type, weight and note").stylize("dim")


def pending_matches(store: Store, source_id: str) -> list[MatchProposal]:
    """The actor matches of a source's import that nobody accepted or split yet."""
    return [m for m in actor_matches(store, source_id) if m.state == "proposed"]


def match_place(store: Store, match: MatchProposal) -> int:
    """Where a match first shows in the text: the earliest span among the records it moved."""
    spans = [getattr(store.find(rid), "span", None) for rid in match.records]
    return min((s[0] for s in spans if s), default=-1)


def match_text(store: Store, match: MatchProposal) -> str:
    """A match in one line: the name in this article and the stored actor it is taken to be."""
    actor = store.find(match.actor)
    return f"“{match.names[0]}” is {actor.name if isinstance(actor, model.Actor) else match.actor}"


def match_detail(store: Store, match: MatchProposal, confidence: Content) -> Content:
    """An actor match in full: the names here, the stored actor, why, and the records it moved."""
    actor = store.find(match.actor)
    out = Content.from_markup("[b]An actor already in the store, matched across sources[/b]\n\n")
    out += _field("Here", ", ".join(match.names))
    out += _field("Stored", label_of(store, actor, 50) + Content(f"  ({match.kind})  confidence ")
                  + confidence)
    if isinstance(actor, model.Actor):
        said = store.statements_by(actor.id)
        sources = {s.source for s in said if s.source}
        out += _field("Known", f"{len(said)} statement(s) in {len(sources)} source(s)")
    out += _field("Why", match.why)
    out += _field("Moved", f"{len(match.records)} record(s) of this article now point at it")
    return out + Content("\ny accepts (the names become its aliases) · x splits it: a new actor takes "
                         "those records back").stylize("dim")
