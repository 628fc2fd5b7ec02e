"""Text helpers the exporters share: dropping control characters, shortening, human labels."""

from __future__ import annotations

import re

from claimnet.store import model

#: C0 and C1 control characters other than tab and newline, DEL, and the non-characters
#: U+FFFE/U+FFFF; XML 1.0 forbids most of them and none of them belongs in a report.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

VERDICT_LABELS = {
    "true": "True",
    "mostly_true": "Mostly true",
    "mixed": "Mixed",
    "misleading": "Misleading",
    "mostly_false": "Mostly false",
    "false": "False",
    "unproven": "Unproven",
    "not_checkable": "Not checkable",
}
assert set(VERDICT_LABELS) == set(model.VERDICTS)


def clean(text: str | None) -> str:
    """``text`` with control characters replaced by U+FFFD and CR/CRLF made newlines."""
    if not text:
        return ""
    if text.isprintable():  # the common case: nothing to replace
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("\ufffd", text)


def flat(text: str | None) -> str:
    """``clean(text)`` on one line: runs of white space (newlines too) become one space."""
    if text and text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return " ".join(clean(text).split())


def shorten(text: str | None, width: int) -> str:
    """``flat(text)`` cut to ``width`` characters with an ellipsis."""
    line = flat(text)
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most about ``width`` characters at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines
