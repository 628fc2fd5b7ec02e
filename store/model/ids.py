"""New record ids and timestamps: ids are random (so two copies of a store never collide)."""

from __future__ import annotations

import datetime as _dt
import secrets

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case: no i, l, o, u


def new_id(prefix: str, taken: object = ()) -> str:
    """A fresh id such as ``st-4k9x2m7qpa`` (50 random bits) that is not in ``taken``."""
    while True:
        bits = secrets.randbits(50)
        candidate = prefix + "-" + "".join(_ALPHABET[(bits >> shift) & 31] for shift in range(0, 50, 5))
        if candidate not in taken:
            return candidate


def now() -> str:
    """The current time as ISO 8601 UTC with a ``Z`` suffix, to the microsecond."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
