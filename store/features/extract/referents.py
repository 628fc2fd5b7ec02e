"""What a pronoun or a definite description refers to ('he', 'it', 'the minister', 'the company', 'the
government'): the half of the entity registry that reads back over the recent mentions (entities.py keeps
the names, indexes and mentions it reads)."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import wordlists as wl
from .entity import Entity
from .gender import gender_ok
from .org_kinds import looks_gov, looks_labour, looks_reg, org_class
from .textutil import fold

_JUST_NAMED = 200  # how many characters before 'he' or 'she' a newly named person counts as just named
#: How many characters after an unnamed spokeswoman's words 'she' may still be her body's voice.
_VOICED = 600


class Referents:
    """Mixed into ``Registry``: pronouns, descriptions and the main state, read over its recent mentions
    with the registry's ``most_recent``, ``most_recent_of``, ``_back_from``, ``tentative_org`` and
    ``state_counts``."""

    def pronoun(self, word: str, before: int) -> Entity | None:
        """What a subject pronoun refers to: the latest compatible speaker, else the latest such mention."""
        w = word.lower()
        if w in ("he", "she"):
            g = "m" if w == "he" else "f"

            def pred(e: Entity) -> bool:
                return e.kind == "person" and gender_ok(e, g)
        elif w == "it":

            def pred(e: Entity) -> bool:
                return e.kind in ("organisation", "state", "media", "group")
        elif w == "they":

            def pred(e: Entity) -> bool:
                return e.kind in ("group", "organisation", "state")
        else:
            return None
        if w in ("he", "she") and (voiced := self._voiced(pred, g, before)) is not None:
            return voiced
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

    def _voiced(self, pred: Callable[[Entity], bool], gender: str, before: int) -> Entity | None:
        """The body whose unnamed spokeswoman or spokesman spoke last before a 'she' or 'he', when no person
        of that gender has been named since: 'A DoA spokeswoman said … Exporters would face fines, she said'
        is the DoA (within _VOICED characters), but '… traders such as Grace Wanjiru … she said' is Grace."""
        voice = next((v for v in reversed(self.voices) if v[0] < before), None)
        if voice is None or before - voice[0] > _VOICED or voice[2] not in ("-", gender):
            return None
        for pos, ent in self._back_from(self.recent, before):
            if pos >= before:
                continue
            if pos <= voice[0]:
                break
            if pred(ent.final()):
                return None  # a person named since
        return voice[1].final()

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
            introduced = ent.first_pos == pos and " " in ent.name and _opens_its_clause(self.text, pos)
            # ('In Gerswalde, Anja Poppe showed DW a bill. “…,” she said': a person met just now, by full
            # name, as the subject; never 'Residents showed her the damage at Santa Rita Academy')
            if pred(ent) and (not ent.tentative and (ent.gender != "-" or titled) or introduced):
                return ent
        return None

    def description(self, head: str, before: int, strict: bool = False) -> Entity | None:
        """What a definite description ('the minister', 'the company', 'the regulator') refers to."""
        head = head.lower()
        words = head.split()
        last = words[-1] if words else head

        cls = wl.org_words()["descriptor_class"].get(head) or wl.org_words()["descriptor_class"].get(last)
        holder = next((w[:-2] for w in words[:-1] if w.endswith(("'s", "’s"))), None)  # "the mayor's office"
        # is the mayor's, never the health office named before

        def by_tag(e: Entity) -> bool:  # a news outlet is 'the broadcaster', not 'the company' ('In a
            # statement sent to Reuters, the company said')
            tagged = head in e.tags or (last in e.tags and holder is None)
            return tagged and (e.kind != "media" or cls in (None, "media"))

        def by_name(e: Entity) -> bool:
            name = fold(e.name)
            if e.kind == "state" or _spelling(last) not in _spelling(name).split():  # ('the council' is no
                # 'opposition councillors')
                return False
            if holder is not None and holder not in name:
                return False
            head_word = name.split()[-1]  # 'the airline' is not the Belgian Airline Pilots' Association
            return head_word == last or head_word not in wl.org_words()["descriptor_class"]

        def by_role(e: Entity) -> bool:
            return e.kind == "person" and e.role is not None and last in fold(e.role)

        sides = wl.unnamed_sources()["court_sides"]
        if last in sides:  # 'The defence argued …': the defendant's lawyer named before
            roles, other_side = sides[last], wl.unnamed_sources()["court_sides_not"][last]

            def argues_for_it(e: Entity) -> bool:  # (never 'the prosecution lawyer, Ana Reyes')
                words = set(fold(e.role or "").split())
                return e.kind == "person" and bool(roles & words) and not other_side & words

            return self.most_recent(argues_for_it, before)
        if last in wl.unnamed_sources()["singular"] and last not in wl.title_words():
            source = self.most_recent(  # 'according to the person': the unnamed source named just before
                lambda e: e.kind == "person" and last in fold(e.name).split(), before
            )
            if source is not None or cls is None:
                return source  # (else a body by its trade: 'the contractor', Alpseil Technik AG)
        is_title = last in wl.title_heads() and last not in wl.org_words()["descriptor_class"]
        plain = wl.org_words()["plain_adjectives"]
        mods = [w for w in words[:-1] if w not in plain] if holder is None else []
        if mods and cls is not None and not is_title:  # 'the transport firm': Rayong Cold Chain Transport,
            named = self.most_recent(  # not the exporter named since
                lambda e: e.is_org and "unnamed" not in e.tags and org_class(e) in (cls, "")
                and any(m in fold(e.name).split() for m in mods), before)
            if named is not None:
                return named
        preds = (
            (by_role, by_tag, by_name) if is_title else (by_tag, lambda e: e.kind != "person" and by_name(e))
        )
        ent = self.most_recent_of(preds, before)
        if ent is not None:
            return ent
        if strict:
            return None
        if last in ("government", "regime", "administration", "authorities"):
            return self.main_state(before)

        def org(e: Entity) -> bool:
            return e.is_org and "unnamed" not in e.tags and (e.kind != "media" or cls == "media")

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

            found = self.most_recent(lambda e: org(e) and looks_reg(e), before)
            if found is None and not mods:  # ('the state environmental agency' is no bare 'EUROMETS')
                found = self.most_recent(unmarked, before)
        elif cls == "government":
            return self.most_recent(lambda e: org(e) and looks_gov(e), before)
        elif cls == "labour":  # in news a trade union far more often than a union of states
            return self.most_recent(lambda e: org(e) and looks_labour(e), before) or self.most_recent(
                lambda e: org(e) and looks_gov(e), before)
        elif cls == "police":  # 'the force', 'a force spokesperson': the police, never its officers' union
            return self.most_recent(
                lambda e: org(e) and "police" in fold(e.name).split() and not looks_labour(e), before)
        elif cls == "group":
            found = self.most_recent(lambda e: org(e) and org_class(e) not in ("court", "government"), before)
        elif cls == "media":
            found = self.most_recent(lambda e: e.kind == "media", before)
        else:
            return None
        if found is not None or cls not in ("company", "media"):
            return found  # a bare name is read as a firm or an outlet, never as an authority or a team:
            # 'Julian Pardo has been suspended, the country's anti-doping authority said'
        return self.tentative_org(before, last, "media" if cls == "media" else "organisation")

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



#: What may stand between a sentence's start and its subject: an opening phrase set off by a comma.
_BEFORE_A_SUBJECT = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:[A-Z][^.!?\n]{0,80},\s+)?$")


def _opens_its_clause(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` is its sentence's subject: first, or after an opening phrase and comma."""
    return bool(text) and _BEFORE_A_SUBJECT.search(text, max(0, pos - 120), pos) is not None


def _spelling(text: str) -> str:
    """British and American spellings made alike for matching ('organization' -> 'organisation')."""
    return text.replace("ization", "isation").replace("defense", "defence")
