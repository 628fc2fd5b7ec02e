"""Actors found so far, their names and where they are mentioned; how later mentions (Mr Shin, she, the
minister) find their way back to them (pronouns and descriptions: referents.py)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from claimnet.store.model import Actor
from claimnet.store.model.ids import new_id

from . import wordlists as wl
from .entity import Entity
from .gender import gender_ok
from .org_kinds import org_class
from .referents import Referents
from .textutil import fold, name_key

__all__ = ["Entity", "Registry"]

_LOOKBACK = 80  # how many recent mentions a pronoun or description may reach back over


def company_core(words: list[str]) -> list[str]:
    """A company's name words without the legal form after them ('Inversora Platense SA' -> 'Inversora
    Platense'; org_words.json 'legal_suffixes')."""
    suffixes = wl.org_words()["legal_suffixes"]
    end = len(words)
    while end > 1 and words[end - 1].lstrip("(")[:1].isupper() and \
            fold(words[end - 1]).replace(".", "").strip(",()") in suffixes:  # ('S.A.', 'Ltd,', '(Pvt)')
        end -= 1
    return words[:end]


class Registry(Referents):
    """All entities of one extraction, with indexes for names, surnames and recency."""

    def __init__(self, known_actors: Sequence[dict[str, Any]] = (), text: str = "") -> None:
        self.text = text  # the article its positions point into
        self.entities: list[Entity] = []
        self.by_id: dict[str, Entity] = {}
        self.by_key: dict[str, Entity] = {}
        self.by_token: dict[str, list[Entity]] = {}
        self.by_first: dict[str, Entity] = {}
        self.by_head: dict[str, list[Entity]] = {}  # bodies of two words or more by their last word
        self.recent: list[tuple[int, Entity]] = []
        self.speakers: list[tuple[int, Entity]] = []
        self.voices: list[tuple[int, Entity, str]] = []  # bodies that spoke through an unnamed spokeswoman or
        # spokesman: where, and the voice's gender
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
            words = ent.name.split()
            particles = wl.name_words()["surname_particles"]
            particle = next((k for k, w in enumerate(words[1:-1], 1) if w.lower() in particles), None)
            if particle is not None:
                self._index(" ".join(words[particle:]), ent)  # 'Van Leeuwen', 'Al Kindi' (Talal Al Kindi)
        elif ent.kind in ("organisation", "media"):
            self._index_short_name(ent)

    def _index_short_name(self, ent: Entity) -> None:
        """Index the word an organisation goes by alone: 'Northvale' (Northvale Lithium), 'Solvane'
        (Team Solvane), and a longer name without its head word ('Himal Kriti')."""
        if " " not in ent.name or not ent.name[:1].isupper():
            return
        words = ent.name.split()
        self.by_head.setdefault(words[-1], []).append(ent)
        core = company_core(words)  # 'Lumina Tech Solutions' (Lumina Tech Solutions Inc.)
        if 2 <= len(core) < len(words) and not wl.gazetteer().get(" ".join(core)) \
                and fold(" ".join(core)) not in wl.places():
            self._index(" ".join(core), ent)
        for k in range(len(core) - 1, 1, -1):  # 'Himal Kriti' (Himal Kriti Constructions), 'Delta Grain' (the
            prefix = " ".join(core[:k])  # Delta Grain Storage Company), never 'Sierra Leone'
            if core[k][:1].isupper() and core[k - 1][:1].isupper() \
                    and not wl.gazetteer().get(prefix) and fold(prefix) not in wl.places():
                self._index(prefix, ent)
        heads = wl.org_words()["heads"]
        if words[0] in heads and len(words) >= 3 and all(w[:1].isupper() for w in words[1:]):
            self._index(" ".join(words[1:]), ent)  # 'Rivera Textil' (Grupo Rivera Textil)
        after_head = next((w for w in words[1:] if w[:1].isupper()), "")  # ('Laiterie du Bessin': Bessin)
        opener = words[0] in heads if len(words) == 2 else words[0] in wl.org_words()["generic_openers"]
        headed = opener and after_head and after_head not in heads and not wl.gazetteer().get(after_head)
        first = after_head if headed else words[0]  # 'Sadino' (Atlético Sadino), 'Altamira' (Minera Altamira
        # SA), 'Bessin' (Laiterie du Bessin); 'Racing' (Racing Club), 'Sentinel' (Sentinel Crowd Management)
        if not wl.gazetteer().get(first) and first.lower() not in wl.function_words():
            self.by_first.setdefault(fold(first), ent)
            earlier = self.by_key.get(name_key(first))
            if earlier is not None and earlier.final() is not ent and earlier.final().is_org \
                    and " " not in earlier.final().name and ent.is_org and org_class(ent) == "company" \
                    and org_class(earlier.final()) in ("company", ""):  # (not 'The charity Tumaini')
                self.merge(earlier.final(), ent)  # 'Canalmar says …' in a headline, then 'Canalmar Dredging
                # SA' (a company: 'The Brightwater Union' is no 'Brightwater')

    def lookup(self, surface: str) -> Entity | None:
        """The entity a surface form names exactly (case- and accent-insensitive), if any."""
        ent = self.by_key.get(name_key(surface))
        return ent.final() if ent else None

    def create(self, name: str, kind: str, confidence: float = 0.8, **kw: Any) -> Entity:
        """A new entity with a fresh actor id (an organisation named as a news outlet is one: 'ERR News')."""
        if kind == "organisation" and _outlet_name(name):
            kind = "media"
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

    def lengthen(self, ent: Entity, fuller: str) -> Entity:
        """Give an organisation first met by a short name its full one ('Cianova' in a headline, then
        'Cianova Energy'); the short name stays an alias."""
        short = ent.name
        ent.name = fuller
        self._index(fuller, ent)
        self.add_alias(ent, short)
        self._index_short_name(ent)
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

    def first_between(self, lo: int, hi: int) -> Entity | None:
        """The entity mentioned first in [lo, hi) (a group's mention may start after its count: 'four
        current and former housekeepers')."""
        first: tuple[int, Entity] | None = None
        for pos, ent in self._back_from(self.recent, hi):
            if pos < lo:
                break
            first = (pos, ent)
        return first[1].final() if first is not None else None

    def mentions_between(self, lo: int, hi: int) -> Iterable[tuple[int, int, Entity]]:
        """(start, end, entity) of each mention that starts in [lo, hi), the last first."""
        for pos, ent in self._back_from(self.recent, hi):
            if pos < lo:
                return
            if pos < hi:
                ent = ent.final()
                yield pos, next((e for s, e in reversed(ent.spans) if s == pos), pos), ent

    def named_by_head(self, head: str) -> Entity | None:
        """The one body already named whose name ends in this capitalised head word ('the Observatory' after
        'the Independent Labour Observatory'), if only one does."""
        found = {e.final().id: e.final() for e in self.by_head.get(head, ()) if e.final().is_org}
        return next(iter(found.values())) if len(found) == 1 else None

    def short_org(self, token: str) -> Entity | None:
        """The organisation a lone first word of its name refers to ('Northvale' for Northvale Lithium)."""
        ent = self.by_first.get(fold(token))
        return ent.final() if ent is not None else None

    def surname(self, token: str, gender: str, before: int) -> Entity | None:
        """The person a bare surname or 'Mr X' refers to: the latest compatible person with that name word."""
        cands = [e.final() for e in self.by_token.get(fold(token), ())]
        cands = [e for e in cands if e.kind in ("person", "unknown") and gender_ok(e, gender)]
        if not cands:
            return None
        key = fold(token)

        def likelier(e: Entity) -> tuple[bool, int, int]:  # the latest, then the most mentioned; but a bare
            # name read as a person's only for want of better comes last when the surname opens it ('Ersan' is
            # Haluk Ersan's, not the 'Ersan Yapi' named since; 'Wang' stays Wang Yi's after Li Wang)
            unlikely = e.tentative and not e.role and fold(e.name).split()[-1] != key
            return not unlikely, e.last_pos if e.last_pos < before else -1, e.mentions

        ent = max(cands, key=likelier)
        if ent.tentative and fold(ent.name).split()[-1] == key:
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
        ent = self.most_recent(  # one that has spoken as itself already is left a person, one written as a
            # place's name ('the Rio Seco dam') a place
            lambda e: e.tentative and e.kind == "person" and not e.role and e.gender == "-" and not e.speaker
            and not e.placed,
            before,
        )
        return self.make_org(ent, tag, kind) if ent is not None else None

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

    def cut_affiliation_loops(self) -> None:
        """Drop one affiliation of each loop, a guard: the reading that made the loops seen ('X, Ofwat's
        director' also made Ofwat part of Renshaw) is refused where it was made (actors._resolve), but any
        loop left would make whom an actor speaks for a tie broken by the ids drawn, and the store refuses
        loops. A side is then a chain. The link cut is one that makes something part of a person (a body
        belongs to no one person), else the one closing the loop; entities are walked in the order they
        were met, so the same text always loses the same affiliation, and the name it was found by goes
        too (records would look it up again)."""
        for ent in self.live():
            chain = [ent]
            while chain[-1].affiliation in self.by_id:
                parent = self.by_id[chain[-1].affiliation].final()
                if parent in chain:
                    loop = chain[chain.index(parent):]
                    owned_by_person = [e for e in loop if self.by_id[e.affiliation].final().kind == "person"]
                    cut = (owned_by_person or [chain[-1]])[0]
                    cut.affiliation = cut.aff_name = None
                    break
                chain.append(parent)


def _outlet_name(name: str) -> bool:
    """Whether a name is a news outlet's by its shape: its last word, or its first before 'of', a word only
    outlets end on ('ERR News', 'The Jordan Times', 'Times of Oman'; org_words.json 'outlet_heads')."""
    words = name.split()
    heads = wl.org_words()["outlet_heads"]
    return len(words) >= 2 and (words[-1] in heads or words[1] == "of" and words[0] in heads)
