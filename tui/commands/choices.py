"""Lenient vocabulary arguments: ``mostly-true``, ``Mostly_True`` and the app's short labels
(``deny``, ``accu``) are all understood; anything else is refused naming the choices."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable

from ..act_labels import ACT_SHORT, ACT_TINY


def _key(text: str) -> str:
    return text.strip().casefold().replace("-", "_").replace(" ", "_")


def vocabulary(choices: Iterable[str], *aliases: dict[str, str]) -> Callable[[str], str]:
    """An argparse ``type`` accepting a choice in any case, with - or _, or a known alias."""
    choices = tuple(choices)
    table = {_key(c): c for c in choices}
    for alias_map in aliases:
        for full, short in alias_map.items():
            table.setdefault(_key(short), full)

    def parse(value: str) -> str:
        found = table.get(_key(value))
        if found is None:
            raise argparse.ArgumentTypeError(
                f"{value!r} is not one of {', '.join(choices)}")
        return found

    parse.__name__ = "value"
    return parse


def acts(choices: Iterable[str]) -> Callable[[str], str]:
    """Statement acts, also by the short labels the app shows (deny, accu, clm …)."""
    return vocabulary(choices, ACT_SHORT, ACT_TINY)
