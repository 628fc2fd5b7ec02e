"""The user's key remapping: a TOML file mapping binding ids to keys, applied with App.set_keymap."""

from __future__ import annotations

import os
import tomllib

import platformdirs

ENV_KEYS = "CLAIMNET_KEYS"
#: Bindings that do elsewhere what a main-screen binding does, under an id of their own: remapping
#: the main one remaps them too, unless the key file names them itself.
SAME_AS = {
    "review.undo": "undo",
    "review.redo": "redo",
    "review.edit": "edit",
    "annotate.editor": "note_in_editor",
    **{f"annotate.credibility_{n}": f"credibility_{n}" for n in range(1, 7)},
}


def keymap_path() -> str:
    """``CLAIMNET_KEYS`` if set, else ``keys.toml`` in the user's config directory."""
    env = os.environ.get(ENV_KEYS)
    if env:
        return os.path.abspath(os.path.expanduser(env))
    return os.path.join(platformdirs.user_config_dir("claimnet", appauthor=False), "keys.toml")


def load_keymap(path: str | None = None) -> tuple[dict[str, str], list[str]]:
    """The keymap in the file (binding id → comma-separated keys) and any problems found in it.

    The file holds ``id = "keys"`` or ``id = ["key", "key"]`` pairs, at the top level or under
    a ``[keys]`` table. A missing file is an empty keymap; a bad one is reported, not fatal.
    """
    path = path or keymap_path()
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        return {}, []
    except (OSError, tomllib.TOMLDecodeError) as error:
        return {}, [f"Key map {path} was not read: {error}"]
    table = document.get("keys", document)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.replace(" ", "")
        elif isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            keymap[binding_id] = ",".join(k.strip() for k in keys)
        elif binding_id != "keys":
            problems.append(f"Key map {path}: {binding_id!r} must be a key or a list of keys.")
    return with_equivalents(keymap), problems


def with_equivalents(keymap: dict[str, str]) -> dict[str, str]:
    """The keymap with the same keys given to the equivalent bindings of other screens (SAME_AS)."""
    out = dict(keymap)
    for other, main in SAME_AS.items():
        if main in keymap and other not in keymap:
            out[other] = keymap[main]
    return out
