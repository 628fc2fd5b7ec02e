"""Field values typed as text (``claimnet edit REF --role spokesman``) turned into stored values.

``none`` (or nothing) clears a field; lists are split on ``;``; references are resolved like any
REF (a name, a surname, an id); vocabularies forgive case and ``-`` for ``_``; a span is two
offsets ``120-180``; a quantity is a number and a unit. A value that cannot be read is refused
naming the field; the store's validation then checks the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimnet.store import model
from claimnet.store.model.errors import ValidationError

if TYPE_CHECKING:
    from .core import Store

#: Fields holding a reference, and the kind of record they refer to (None: any).
REF_FIELDS = {"speaker": "actor", "affiliation": "actor", "reported_by": "actor", "about": "actor",
              "source": "source", "target": None, "from": None, "to": None}
LIST_FIELDS = {"aliases", "about", "tags"}
VOCABULARIES: dict[str, tuple[Any, ...]] = {
    "act": model.ACTS, "mode": model.MODES, "status": model.STATUSES, "origin": model.ORIGINS,
    "verdict": model.VERDICTS, "type": model.LINK_TYPES, "reliability": model.RELIABILITIES,
}
KIND_VOCABULARY = {"actors": model.ACTOR_KINDS, "evidence": model.EVIDENCE_KINDS}
#: The verbs people type for acts ("deny" for denial).
ACT_VERBS = {"deny": "denial", "accuse": "accusation", "threaten": "threat", "respond": "response",
             "reply": "response", "condemn": "condemnation", "predict": "prediction",
             "confirm": "confirmation", "retract": "retraction"}
INTEGERS = {"credibility", "weight"}
#: Fields the shell cannot set this way (the store sets them, or they need a form).
FIXED = {"id", "created", "updated", "sha256", "checks", "analyst"}
_SPAN = re.compile(r"^\s*(\d+)\s*(?:-|–|,|\.\.)\s*(\d+)\s*$")
_QUANTITY = re.compile(r"^\s*([-+]?[\d,]*\.?\d+)\s*(.*?)\s*$")
_CLEAR = {"", "none", "null", "-"}


def _key(text: str) -> str:
    return text.strip().casefold().replace("-", "_").replace(" ", "_")


def _refuse(kind: str, field: str, message: str) -> ValidationError:
    return ValidationError(f"{kind}.{field} {message}", field=field)


def _choice(choices: tuple[Any, ...], text: str, verbs: dict[str, str]) -> Any:
    """The choice ``text`` names: in any case, ``-`` for ``_``, a verb for an act, or a unique start."""
    key = _key(text)
    table = {_key(str(c)): c for c in choices}
    if key in table or key in verbs:
        return table.get(key) or verbs[key]
    starting = [c for k, c in table.items() if key and k.startswith(key)]
    return starting[0] if len(starting) == 1 else None


def editable_fields(table: str) -> list[str]:
    """The fields of a table that can be given as text, in a stable order."""
    return sorted(model.field_names(table) - FIXED)


def field_value(store: Store, table: str, field: str, text: str) -> Any:
    """The stored value for ``text`` typed for ``field`` of a record in ``table``."""
    kind = model.BY_TABLE[table].KIND
    if field not in model.field_names(table) or field in FIXED:
        fields = ", ".join(editable_fields(table))
        article = "An" if kind[0] in "aeiou" else "A"
        raise ValidationError(f"{article} {kind} has no field {field!r} that can be edited; "
                              f"it has {fields}.", field=field)
    cleared = text.strip().casefold() in _CLEAR
    if field in LIST_FIELDS:
        parts = [] if cleared else [p.strip() for p in text.split(";") if p.strip()]
        if field in REF_FIELDS:
            return [store.resolve(p, REF_FIELDS[field]).id for p in parts]
        return list(dict.fromkeys(parts))
    if cleared:
        return "" if field in ("text", "name", "title") else None
    if field in REF_FIELDS:
        return store.resolve(text, REF_FIELDS[field]).id
    choices = KIND_VOCABULARY.get(table, ()) if field == "kind" else VOCABULARIES.get(field)
    if choices:
        found = _choice(choices, text, ACT_VERBS if field == "act" else {})
        if found is None:
            raise _refuse(kind, field, f"must be one of {', '.join(map(str, choices))}, not {text!r}.")
        return found
    if field in INTEGERS:
        try:
            return int(text.strip().replace("−", "-"))
        except ValueError:
            raise _refuse(kind, field, f"must be a whole number, not {text!r}.") from None
    if field == "confidence":
        try:
            return float(text)
        except ValueError:
            raise _refuse(kind, field, f"must be a number from 0 to 1, not {text!r}.") from None
    if field == "span":
        match = _SPAN.match(text)
        if match is None:
            raise _refuse(kind, field, f"must be two offsets like 120-180, not {text!r}.")
        return [int(match.group(1)), int(match.group(2))]
    if field == "quantity":
        match = _QUANTITY.match(text)
        if match is None:
            raise _refuse(kind, field, f"must be a number and a unit like '7000 containers', not {text!r}.")
        number = float(match.group(1).replace(",", ""))
        return {"value": int(number) if number.is_integer() else number, "unit": match.group(2) or None}
    return text
