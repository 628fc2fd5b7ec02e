"""Editing a piece of text in the person's own editor ($VISUAL or $EDITOR) through a temp file."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The editor command from ``$VISUAL`` or ``$EDITOR`` split into words, or None if unset."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = [value]
            if words:
                return words
    return None


def edit_text(command: list[str], text: str, suffix: str = ".txt") -> str:
    """Open ``text`` in ``command`` and return what was saved; OSError or CalledProcessError on failure.

    The one newline editors add at the end of a file is dropped again.
    """
    handle, path = tempfile.mkstemp(prefix="claimnet-", suffix=suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        subprocess.run([*command, path], check=True)
        with open(path, encoding="utf-8", errors="replace") as file:
            edited = file.read()
    finally:
        os.unlink(path)
    return edited[:-1] if edited.endswith("\n") and not text.endswith("\n") else edited
