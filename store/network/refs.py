"""What a person means by a reference when it is no id or whole name: part of a name, or a near miss.

"Kirby" and "Shin" name the one actor whose name holds that word; "Kim" names several, so the
candidates are listed by name; "Kriby" names none, so the nearest names are suggested.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from claimnet.store.model.textnorm import normalise

#: How many candidates or suggestions a message names.
SHOWN = 6
#: The least similarity (0–100) for a name to be suggested after a miss.
SUGGEST_CUTOFF = 60


def partial_matches(ref: str, names: dict[str, list[str]]) -> list[str]:
    """Ids whose name or alias holds ``ref`` as whole words, else as a part of a word, first found first.

    ``names`` maps each normalised name to the ids bearing it (the store's name index).
    """
    wanted = normalise(ref)
    if not wanted:
        return []
    padded = f" {wanted} "
    by_words = [rid for name, ids in names.items() if padded in f" {name} " for rid in ids]
    found = by_words or [rid for name, ids in names.items() if wanted in name for rid in ids]
    return list(dict.fromkeys(found))


def nearest_names(ref: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """The names most like ``ref`` (a mistyped name), best first; none when nothing is close."""
    wanted = normalise(ref)
    choices = list(dict.fromkeys(names))
    if not wanted or not choices:
        return []
    found = process.extract(wanted, choices, scorer=fuzz.WRatio, processor=normalise,
                            limit=limit, score_cutoff=SUGGEST_CUTOFF)
    return [name for name, _score, _index in found]


def candidate_list(labels: list[str]) -> str:
    """Candidates for a message: ``Kim Yo Jong (act-kim-yo-jong), Kim Inae (…)`` and how many more."""
    shown = ", ".join(labels[:SHOWN])
    return shown + (f" and {len(labels) - SHOWN} more" if len(labels) > SHOWN else "")
