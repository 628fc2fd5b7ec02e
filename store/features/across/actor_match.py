"""Actors across sources: which stored actor a newly proposed one is, and why.

Precision first: kinds must agree, a key shared by two stored actors matches neither, fuzzy
spelling needs a long name and one clear winner, and a surname alone needs the story around it
(another actor of the article already known from the candidate's sources).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from .actor_names import acronym, person_form, plain_form, state_of

if TYPE_CHECKING:
    from claimnet.store.network.core import Store

_MATCHED_KINDS = frozenset({"person", "state", "organisation", "media"})
_FUZZY_CUTOFF = 90.0
_FUZZY_MIN_LETTERS = 10


@dataclass(slots=True)
class ActorMatch:
    """A proposed actor that is a stored one: the stored id, the names it came under, and why."""

    proposed_id: str
    actor: str
    names: list[str]
    kind: str
    why: str
    confidence: float
    records: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape kept in the import's history entry."""
        return {"proposed_id": self.proposed_id, "actor": self.actor, "names": self.names,
                "kind": self.kind, "why": self.why, "confidence": self.confidence,
                "records": self.records}


class ActorKeys:
    """The stored actors by every key their name and aliases give, per kind."""

    def __init__(self, actors: Iterable[dict[str, Any]] = ()) -> None:
        self.keys: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.surface: dict[tuple[str, str, str, str], str] = {}
        self.names: dict[str, str] = {}
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.compacts: dict[str, str] = {}
        self.stamps: dict[str, str] = {}
        for actor in actors:
            self.add(actor)

    def add(self, actor: dict[str, Any]) -> None:
        """Index one stored actor's name and aliases."""
        self.stamps[actor["id"]] = actor.get("updated", "")
        kind = actor.get("kind")
        if kind not in _MATCHED_KINDS:
            return
        self.names[actor["id"]] = actor["name"]
        for name in filter(proper_name, [actor["name"], *actor.get("aliases", ())]):
            for how, key in keys_of(kind, name):
                self.keys[(kind, how, key)].add(actor["id"])
                self.surface.setdefault((kind, how, key, actor["id"]), name)
            if kind == "person":
                form = person_form(name)
                if len(form.words) > 1 and not form.initials_only:
                    self.surnames[form.surname].add(actor["id"])
                    if len(form.compact) >= _FUZZY_MIN_LETTERS:
                        self.compacts.setdefault(form.spaced, actor["id"])

    def lookup(self, kind: str, how: str, key: str) -> set[str]:
        """Stored actors of a kind carrying a key."""
        return self.keys.get((kind, how, key), set())


def proper_name(name: str) -> bool:
    """Whether a name has a capitalised word: "the union" or "residents" name no one in particular."""
    return any(w[:1].isupper() for w in name.split())


def keys_of(kind: str, name: str) -> list[tuple[str, str]]:
    """(how, key) pairs a name gives for exact-key matching."""
    if kind == "person":
        form = person_form(name)
        out = [("spelling", form.spaced), ("romanisation", form.compact)]
        if len(form.words) > 1:
            out.append(("name order", form.unordered))
        if form.initials_only:
            out.append(("initials", f"{form.words[0]} {form.surname}"))
        elif len(form.words) > 1:
            out.append(("initials key", f"{form.words[0][0]} {form.surname}"))
        return out
    if kind == "state":
        state = state_of(name)
        return [("state", state[0])] if state else [("spelling", plain_form(name).spaced)]
    form = plain_form(name)
    out = [("spelling", form.spaced), ("romanisation", form.compact)]
    if acr := acronym(form):
        out.append(("acronym key", acr))
    if len(form.words) == 1 and len(form.compact) >= 3:
        out.append(("acronym", form.compact))
    return out


_WHY = {
    "spelling": "same name written differently",
    "romanisation": "same name with other hyphens or spacing (romanisation)",
    "name order": "same name, family name first",
}


def _unique(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def match_actor(keys: ActorKeys, actor: dict[str, Any], context: Callable[[], set[str]],
                sources_of: Callable[[str], set[str]] | None = None) -> ActorMatch | None:
    """The stored actor a proposed one is, if the evidence is clear; None otherwise."""
    kind = actor.get("kind")
    if kind not in _MATCHED_KINDS:
        return None
    names = [actor["name"], *(a for a in actor.get("aliases", ()) if a != actor["name"])]
    for name in filter(proper_name, names):
        for how, key in keys_of(kind, name):
            found = _key_match(keys, kind, how, key, name)
            if found is not None:
                stored, why, confidence = found
                return ActorMatch(actor["id"], stored, names, kind, why, confidence)
    if kind == "person":
        return _fuzzy(keys, actor, names) or _surname_alone(keys, actor, names, context, sources_of)
    return None


def _key_match(keys: ActorKeys, kind: str, how: str, key: str, name: str) -> tuple[str, str, float] | None:
    """A unique stored actor sharing a key, with the reason; None when none or several do."""
    if how == "initials":  # "J. Okafor" against every "J… Okafor"
        stored = _unique(keys.lookup(kind, "initials key", key))
        reason = "initials that fit the full name"
        confidence = 0.8
    elif how in ("initials key", "acronym key"):
        return None  # only the other side's initials or acronym may look these up
    elif how == "acronym":
        stored = _unique(keys.lookup(kind, "acronym key", key))
        reason, confidence = "an acronym of the full name", 0.85
    else:
        stored = _unique(keys.lookup(kind, how, key))
        reason, confidence = _WHY.get(how, ""), 0.95 if how == "spelling" else 0.9
    if stored is None:
        return None
    other = keys.surface.get((kind, "acronym key" if how == "acronym" else
                              "initials key" if how == "initials" else how, key, stored),
                             keys.names[stored])
    if how == "spelling" and name.count("-") != other.count("-"):
        reason = _WHY["romanisation"]
    if how == "state":
        state = state_of(name)
        what = state[1] if state else "name"
        reason = f"'{name}' names {keys.names[stored]} (its {what}, from the list of countries)"
        confidence = 0.95
    elif other != keys.names[stored]:
        reason = f"'{other}' is an alias of {keys.names[stored]} learned from an earlier import; {reason}"
    return stored, f"{reason}: '{name}' / '{other}'", confidence


def _fuzzy(keys: ActorKeys, actor: dict[str, Any], names: list[str]) -> ActorMatch | None:
    """A long person's name spelt another way ("Mohammed al-Hassan" / "Muhammad al-Hasan")."""
    form = person_form(actor["name"])
    if len(form.words) < 2 or len(form.compact) < _FUZZY_MIN_LETTERS or not keys.compacts:
        return None
    hits = process.extract(form.spaced, list(keys.compacts), scorer=fuzz.ratio,
                           score_cutoff=_FUZZY_CUTOFF, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] > hits[0][1] - 4):
        return None
    other = person_form(hits[0][0])
    if len(other.words) != len(form.words) or other.words[-1][0] != form.words[-1][0]:
        return None
    for mine, theirs in zip(form.words, other.words, strict=True):
        if mine != theirs and (mine.startswith(theirs) or theirs.startswith(mine)):
            return None  # "Daniel" / "Daniela": another person, not another spelling
    stored = keys.compacts[hits[0][0]]
    score = hits[0][1] / 100
    return ActorMatch(actor["id"], stored, names, "person",
                      f"a spelling variant ({score:.2f} alike): '{actor['name']}' / '{keys.names[stored]}'",
                      round(0.6 + (score - 0.9) * 2, 2))


def _surname_alone(keys: ActorKeys, actor: dict[str, Any], names: list[str],
                   context: Callable[[], set[str]], sources_of: Any) -> ActorMatch | None:
    """A person named only by surname, when one stored person has it and shares the story."""
    form = person_form(actor["name"])
    if len(form.words) != 1 or sources_of is None:
        return None
    stored = _unique(keys.surnames.get(form.surname, set()))
    if stored is None or not (sources_of(stored) & context()):
        return None
    return ActorMatch(actor["id"], stored, names, "person",
                      f"the surname alone, of {keys.names[stored]} who is in the same story: "
                      f"'{actor['name']}'", 0.75)


_KEYS: weakref.WeakKeyDictionary[Any, tuple[int, ActorKeys]] = weakref.WeakKeyDictionary()


def actor_keys(store: Store) -> ActorKeys:
    """The stored actors' keys: new actors are added as they come, a changed or deleted one rebuilds."""
    generation = store.storage.table_generation.get("actors", 0)
    cached = _KEYS.get(store.storage)
    if cached is not None and cached[0] == generation:
        return cached[1]
    actors = store.storage.tables["actors"]
    keys = cached[1] if cached is not None else None
    if keys is None or any(actors.get(aid, {}).get("updated") != stamp for aid, stamp in keys.stamps.items()):
        keys = ActorKeys(actors.values())
    else:
        for aid, actor in actors.items():
            if aid not in keys.stamps:
                keys.add(actor)
    _KEYS[store.storage] = (generation, keys)
    return keys
