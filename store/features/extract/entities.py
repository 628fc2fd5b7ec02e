"""Actors found so far and how later mentions (Mr Shin, she, the minister) find their way back to them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimnet.store.model import Actor
from claimnet.store.model.ids import new_id

from . import wordlists as wl
from .gender import role_says_otherwise
from .org_kinds import looks_gov, looks_reg, org_class
from .textutil import fold, name_key

_LOOKBACK = 80  # how many recent mentions a pronoun or description may reach back over
_JUST_NAMED = 160  # how many characters before 'he' or 'she' a newly named person counts as just named

@dataclass(slots=True)
class Entity:
    """One actor as the extractor knows it: names, kind, role, affiliation, where it is mentioned."""

    id: str
    name: str
    kind: str
    known: bool = False
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    aff_name: str | None = None
    gender: str = "-"
    tags: set[str] = field(default_factory=set)
    confidence: float = 0.8
    spans: list[tuple[int, int]] = field(default_factory=list)
    first_pos: int = -1
    last_pos: int = -1
    placeholder: str | None = None  # the head noun of a description still waiting for a name
    speaker: bool = False
    merged_into: Entity | None = None
    mentions: int = 0
    placed: int = 0  # mentions as a place ('registered in Cyprus'), which alone do not make an actor
    #: A bare capitalised name read as a person for want of anything better ('Halvorsen Line'): no role,
    #: title or honorific yet. 'the company' or 'it' referring back makes it an organisation; 'he', 'she' or
    #: its last word alone ('Marsden said') confirms the person.
    tentative: bool = False
    #: An unnamed source's descriptions in the text ('Doctors at the district hospital in Batken'). One
    #: alone names it in the proposed network; `name` stays the head ('doctors') later descriptions find.
    full_descriptions: set[str] = field(default_factory=set)

    def final(self) -> Entity:
        """The entity this one was merged into, if any (itself otherwise)."""
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e

    @property
    def is_org(self) -> bool:
        """Whether this actor is an organisation, group or media outlet (not a person or state)."""
        return self.kind in ("organisation", "group", "media")


class Registry:
    """All entities of one extraction, with indexes for names, surnames and recency."""

    def __init__(self, known_actors: Sequence[dict[str, Any]] = ()) -> None:
        self.entities: list[Entity] = []
        self.by_id: dict[str, Entity] = {}
        self.by_key: dict[str, Entity] = {}
        self.by_token: dict[str, list[Entity]] = {}
        self.by_first: dict[str, Entity] = {}
        self.recent: list[tuple[int, Entity]] = []
        self.speakers: list[tuple[int, Entity]] = []
        self._suffix_min: dict[int, list[int]] = {}  # per pool, see _back_from
        self.state_counts: dict[str, int] = {}
        self.report_author: Entity | None = None
        for a in known_actors:
            ent = Entity(
                id=str(a.get("id") or new_id(Actor.PREFIX)),
                name=str(a.get("name", "")),
                kind=str(a.get("kind") or "unknown"),
                known=True,
                aliases=[str(x) for x in a.get("aliases", ()) or ()],
                role=a.get("role"),
                affiliation=a.get("affiliation"),
            )
            self._register(ent)
            for alias in ent.aliases:
                self._index(alias, ent)

    # -- indexes -------------------------------------------------------------------------
    def _index(self, surface: str, ent: Entity) -> None:
        key = name_key(surface)
        if key and key not in self.by_key:
            self.by_key[key] = ent

    def _register(self, ent: Entity) -> None:
        self.entities.append(ent)
        self.by_id[ent.id] = ent
        self._index(ent.name, ent)
        if ent.kind in ("person", "unknown"):
            for tok in fold(ent.name).split():
                if len(tok) > 1:
                    self.by_token.setdefault(tok, []).append(ent)
        elif ent.kind in ("organisation", "media"):
            self._index_short_name(ent)

    def _index_short_name(self, ent: Entity) -> None:
        """Index the word an organisation goes by alone: 'Northvale' (Northvale Lithium), 'Solvane'
        (Team Solvane)."""
        if " " not in ent.name or not ent.name[:1].isupper():
            return
        words = ent.name.split()
        headed = words[0] in wl.org_words()["heads"] and len(words) == 2
        first = words[1] if headed else words[0]
        if not wl.gazetteer().get(first) and first.lower() not in wl.function_words():
            self.by_first.setdefault(fold(first), ent)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a surface form names exactly (case- and accent-insensitive), if any."""
        ent = self.by_key.get(name_key(surface))
        return ent.final() if ent else None

    def create(self, name: str, kind: str, confidence: float = 0.8, **kw: Any) -> Entity:
        """A new entity with a fresh actor id."""
        ent = Entity(
            id=new_id(Actor.PREFIX, {e.id for e in self.entities[-50:]}),
            name=name,
            kind=kind,
            confidence=confidence,
            **kw,
        )
        self._register(ent)
        return ent

    def get_or_create(self, name: str, kind: str, confidence: float = 0.8, **kw: Any) -> Entity:
        """The entity with this name (or alias), created when new."""
        found = self.lookup(name)
        if found is not None:
            return found
        return self.create(name, kind, confidence, **kw)

    def for_known(self, known: wl.Known) -> Entity:
        """The entity for a gazetteer state or organisation, matching existing actors by any of its names."""
        for form in (known.name, *known.aliases):
            found = self.lookup(form)
            if found is not None:
                return found
        ent = self.create(known.name, known.kind, 0.9, aff_name=known.affiliation)
        return ent

    def add_alias(self, ent: Entity, surface: str) -> None:
        """Record another surface form of an entity (only proper forms, never pronouns)."""
        surface = surface.strip(" ,.;:'’\"")
        if not surface or not any(c.isupper() for c in surface):
            return
        if name_key(surface) == name_key(ent.name) or surface in ent.aliases:
            return
        if any(name_key(a) == name_key(surface) for a in ent.aliases):
            return
        ent.aliases.append(surface)
        self._index(surface, ent)

    # -- mentions and recency ------------------------------------------------------------
    def mention(
        self, ent: Entity, start: int, end: int, surface: str | None = None, speaker: bool = False
    ) -> Entity:
        """Record that an entity is mentioned at [start, end), optionally as a speaker."""
        ent = ent.final()
        if (start, end) not in ent.spans[-3:]:
            ent.spans.append((start, end))
        ent.mentions += 1
        if ent.first_pos < 0:
            ent.first_pos = start
        ent.last_pos = max(ent.last_pos, start)
        self.recent.append((start, ent))
        if speaker:
            ent.speaker = True
            self.speakers.append((start, ent))
        if ent.kind == "state":
            self.state_counts[ent.id] = self.state_counts.get(ent.id, 0) + 1
        if surface:
            self.add_alias(ent, surface)
        return ent

    def most_recent(
        self, pred: Callable[[Entity], bool], before: int, speakers_only: bool = False
    ) -> Entity | None:
        """The most recently mentioned entity before a position that satisfies a predicate."""
        pool = self.speakers if speakers_only else self.recent
        n = 0
        for pos, ent in self._back_from(pool, before):
            if pos >= before:
                continue
            ent = ent.final()
            if pred(ent):
                return ent
            n += 1
            if n > _LOOKBACK:
                break
        return None

    def _just_named(
        self, pred: Callable[[Entity], bool], before: int, speaker: Entity | None
    ) -> Entity | None:
        """A person surely named just before a pronoun, after the last one who spoke: 'Club president Joaquim
        Serrano went further. «…,» he told reporters' is Serrano, not the previous paragraph's speaker
        (a bare name that might be a company, or a person of the other gender, is passed over)."""
        for pos, ent in self._back_from(self.recent, before):
            if pos >= before:
                continue
            if before - pos > _JUST_NAMED:
                return None
            ent = ent.final()
            if ent is speaker:
                return None
            titled = bool(ent.role) and ent.role.split()[-1].lower() in wl.title_words()
            if pred(ent) and not ent.tentative and (ent.gender != "-" or titled):
                return ent
        return None

    def most_recent_of(self, preds: Sequence[Callable[[Entity], bool]], before: int) -> Entity | None:
        """What ``most_recent`` gives for the first of ``preds`` that any recent entity satisfies, tried
        in that order, found in one walk back over the mentions instead of one per predicate."""
        found: list[Entity | None] = [None] * len(preds)
        n = 0
        for pos, ent in self._back_from(self.recent, before):
            if pos >= before:
                continue
            ent = ent.final()
            for k, pred in enumerate(preds):
                if found[k] is None and pred(ent):
                    if k == 0:
                        return ent
                    found[k] = ent
            n += 1
            if n > _LOOKBACK:
                break
        return next((ent for ent in found if ent is not None), None)

    def _back_from(self, pool: list[tuple[int, Entity]], before: int) -> Iterable[tuple[int, Entity]]:
        """The pool's mentions, latest first, without the run at its end that all lie at or after ``before``.

        While sentences are read the pool ends before ``before``; later passes (statements, coreference)
        ask about early positions of a long text, and would walk back over the whole article. The
        smallest position from each index on (non-decreasing) tells by bisection where that run begins.
        """
        if not pool or pool[-1][0] < before:
            return reversed(pool)
        lows = self._suffix_min.setdefault(id(pool), [])
        for i in range(len(lows), len(pool)):  # catch up with what was added since: usually a few
            pos = pool[i][0]
            k = len(lows)
            while k and lows[k - 1] > pos:
                k -= 1
                lows[k] = pos
            lows.append(pos)
        cut = bisect.bisect_left(lows, before)
        return (pool[i] for i in range(cut - 1, -1, -1))

    def short_org(self, token: str) -> Entity | None:
        """The organisation a lone first word of its name refers to ('Northvale' for Northvale Lithium)."""
        ent = self.by_first.get(fold(token))
        return ent.final() if ent is not None else None

    def surname(self, token: str, gender: str, before: int) -> Entity | None:
        """The person a bare surname or 'Mr X' refers to: the latest compatible person with that name word."""
        cands = [e.final() for e in self.by_token.get(fold(token), ())]
        cands = [e for e in cands if e.kind in ("person", "unknown") and _gender_ok(e, gender)]
        if not cands:
            return None
        ent = max(cands, key=lambda e: (e.last_pos if e.last_pos < before else -1, e.mentions))
        if ent.tentative and fold(ent.name).split()[-1] == fold(token):
            ent.tentative = False  # 'Marsden said': a surname, so a person after all
        return ent

    def make_org(self, ent: Entity, tag: str | None = None, kind: str = "organisation") -> Entity:
        """Read a tentative person as the organisation a description or 'it' shows it to be."""
        ent.kind, ent.tentative, ent.gender = kind, False, "-"
        for tok in fold(ent.name).split():
            if ent in self.by_token.get(tok, ()):
                self.by_token[tok].remove(ent)
        self._index_short_name(ent)
        if tag:
            ent.tags.add(tag)
        return ent

    def tentative_org(
        self, before: int, tag: str | None = None, kind: str = "organisation"
    ) -> Entity | None:
        """The latest tentative person, read as an organisation ('Halvorsen Line …; the company said')."""
        ent = self.most_recent(  # one that has spoken as itself already is left a person
            lambda e: e.tentative and e.kind == "person" and not e.role and e.gender == "-" and not e.speaker,
            before,
        )
        return self.make_org(ent, tag, kind) if ent is not None else None

    def pronoun(self, word: str, before: int) -> Entity | None:
        """What a subject pronoun refers to: the latest compatible speaker, else the latest such mention."""
        w = word.lower()
        if w in ("he", "she"):
            g = "m" if w == "he" else "f"

            def pred(e: Entity) -> bool:
                return e.kind == "person" and _gender_ok(e, g)
        elif w == "it":

            def pred(e: Entity) -> bool:
                return e.kind in ("organisation", "state", "media", "group")
        elif w == "they":

            def pred(e: Entity) -> bool:
                return e.kind in ("group", "organisation", "state")
        else:
            return None
        ent = self.most_recent(pred, before, speakers_only=True)
        if w in ("he", "she"):
            ent = self._just_named(pred, before, ent) or ent
        last_any = self.most_recent(lambda e: True, before, speakers_only=True)
        if ent is None or (
            last_any is not None and last_any is not ent and w in ("it", "they") and pred(last_any)
        ):
            ent = ent or self.most_recent(pred, before)
        if ent is None and w == "it":
            ent = self.tentative_org(before)
        if ent is not None and w in ("he", "she"):
            ent.tentative = False
            if ent.gender == "-":
                ent.gender = "m" if w == "he" else "f"
        return ent

    def description(self, head: str, before: int, strict: bool = False) -> Entity | None:
        """What a definite description ('the minister', 'the company', 'the regulator') refers to."""
        head = head.lower()
        words = head.split()
        last = words[-1] if words else head

        def by_tag(e: Entity) -> bool:
            return head in e.tags or last in e.tags

        def by_name(e: Entity) -> bool:
            name = fold(e.name)
            if e.kind == "state" or f" {_spelling(last)}" not in f" {_spelling(name)}":
                return False
            head_word = name.split()[-1]  # 'the airline' is not the Belgian Airline Pilots' Association
            return head_word == last or head_word not in wl.org_words()["descriptor_class"]

        def by_role(e: Entity) -> bool:
            return e.kind == "person" and e.role is not None and last in fold(e.role)

        if last in wl.unnamed_sources()["singular"] and last not in wl.title_words():
            return self.most_recent(  # 'according to the person': the unnamed source named just before
                lambda e: e.kind == "person" and last in fold(e.name).split(), before
            )
        is_title = last in wl.title_words() and last not in wl.org_words()["descriptor_class"]
        preds = (
            (by_role, by_tag, by_name) if is_title else (by_tag, lambda e: e.kind != "person" and by_name(e))
        )
        ent = self.most_recent_of(preds, before)
        if ent is not None:
            return ent
        if strict:
            return None
        cls = wl.org_words()["descriptor_class"].get(head) or wl.org_words()["descriptor_class"].get(last)
        if last in ("government", "regime", "administration", "authorities"):
            return self.main_state(before)

        def org(e: Entity) -> bool:
            return e.is_org and "unnamed" not in e.tags

        if last == "group":
            found = self.most_recent(
                lambda e: org(e) and org_class(e) not in ("court", "government", "regulator"), before
            )
        elif cls == "company":
            found = self.most_recent(
                lambda e: org(e) and org_class(e) == "company", before
            ) or self.most_recent(lambda e: org(e) and org_class(e) == "", before)
        elif cls == "regulator":
            companies = wl.org_words()["company_words"]
            def unmarked(e: Entity) -> bool:  # 'Ofwat said …; the regulator also found'
                return org(e) and " " not in e.name and org_class(e) == "" and not e.tags & companies

            found = self.most_recent(lambda e: org(e) and looks_reg(e), before) or self.most_recent(
                unmarked, before
            )
        elif cls == "government":
            if last == "union":  # in news a trade union far more often than a union of states
                found = self.most_recent(lambda e: org(e) and _labour_body(e), before)
                if found is not None:
                    return found
            return self.most_recent(lambda e: org(e) and looks_gov(e), before)
        elif cls == "group":
            found = self.most_recent(lambda e: org(e) and org_class(e) not in ("court", "government"), before)
        elif cls == "media":
            found = self.most_recent(lambda e: e.kind == "media", before)
        else:
            return None
        return found or self.tentative_org(before, last, "media" if cls == "media" else "organisation")

    def main_state(self, before: int) -> Entity | None:
        """The state the text is most about so far (most mentions, latest on a tie)."""
        best = None
        for sid in self.state_counts:  # only states ever mentioned count, so look only at those
            e = self.by_id[sid].final()
            if not (e.kind == "state" and 0 <= e.first_pos < before):
                continue
            if best is None or (self.state_counts.get(e.id, 0), e.last_pos) > (
                self.state_counts.get(best.id, 0),
                best.last_pos,
            ):
                best = e
        return best

    def merge(self, src: Entity, dst: Entity) -> None:
        """Fold a placeholder entity into the named one it turned out to be."""
        src, dst = src.final(), dst.final()
        if src is dst:
            return
        src.merged_into = dst
        dst.spans = sorted(set(dst.spans) | set(src.spans))
        dst.speaker = dst.speaker or src.speaker
        dst.first_pos = (
            min(p for p in (dst.first_pos, src.first_pos) if p >= 0) if src.first_pos >= 0 else dst.first_pos
        )
        if src.name and src.name not in dst.aliases and name_key(src.name) != name_key(dst.name):
            dst.aliases.append(src.name)
        for a in src.aliases:
            self.add_alias(dst, a)
        dst.tags |= src.tags
        if not dst.role and src.role:
            dst.role = src.role

    def live(self) -> list[Entity]:
        """Entities not merged into another."""
        return [e for e in self.entities if e.merged_into is None]


def _gender_ok(e: Entity, gender: str) -> bool:
    if gender == "-" or e.gender == "-":
        return gender == "-" or not role_says_otherwise(e.role, gender)
    return e.gender == gender


_LABOUR_WORDS = frozenset({"union", "unions", "association", "federation", "guild", "syndicate", "workers",
                           "workers'", "confederation", "congress"})


def _labour_body(e: Entity) -> bool:
    """Whether an organisation's name or tags make it a trade union or professional association."""
    return "union" in e.tags or bool(_LABOUR_WORDS & set(fold(e.name).split()))


def _spelling(text: str) -> str:
    """British and American spellings made alike for matching ('organization' -> 'organisation')."""
    return text.replace("ization", "isation").replace("defense", "defence")
