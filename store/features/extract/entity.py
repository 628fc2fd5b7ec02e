"""One actor as the extractor knows it while reading an article (the registry of them: entities.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The tag of a body first told as the one accused ('accused the state environmental agency of …'): till
#: it speaks, the accuser's next 'its' never means it.
ONLY_ACCUSED = "only accused"


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
