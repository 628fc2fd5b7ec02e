"""What a role word says about a person's gender ('spokeswoman', 'brother'), for 'he' and 'she'."""

from __future__ import annotations

from . import wordlists as wl
from .entity import Entity
from .textutil import fold

__all__ = ["gender_from_role", "gender_ok", "role_says_otherwise"]


def _role_words(role: str) -> set[str]:
    return set(fold(role).replace("-", " ").split())


def gender_from_role(role: str | None) -> str:
    """m or f when a role word says so (spokeswoman, brother), else '-'."""
    if not role:
        return "-"
    words = _role_words(role)
    if words & wl.name_words()["female_roles"]:
        return "f"
    if words & wl.name_words()["male_roles"]:
        return "m"
    return "-"


def role_says_otherwise(role: str | None, gender: str) -> bool:
    """Whether a role word contradicts a gender ('he' for a spokeswoman)."""
    found = gender_from_role(role)
    return found != "-" and found != gender


def gender_ok(e: Entity, gender: str) -> bool:
    """Whether an actor can be the person 'he' (m) or 'she' (f) refers to; '-' asks for nothing."""
    if gender == "-" or e.gender == "-":
        return gender == "-" or not role_says_otherwise(e.role, gender)
    return e.gender == gender
