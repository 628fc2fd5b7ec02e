"""Showing user text safely: control characters become visible, never reach the terminal."""

from __future__ import annotations

import re

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\x1b":
        return "␛"
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else f"\\x{code:02x}"


def visible(text: str | None) -> str:
    """``text`` with terminal control characters (escape, bell, …) shown as symbols."""
    if not text:
        return ""
    return _CONTROL_RE.sub(_visible, text)


def one_line(text: str | None, width: int | None = None) -> str:
    """``text`` made visible on one line (white space folded), cut to ``width`` with an ellipsis."""
    flat = " ".join(visible(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(0, width - 1)] + "…"
    return flat
