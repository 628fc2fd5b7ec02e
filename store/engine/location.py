"""Where the store lives and what a new one starts with: paths and the default network."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
import platformdirs

ENV_STORE = "CLAIMNET_STORE"
DEFAULT_NETWORK = "default_network.json"


def default_store_path() -> str:
    """``CLAIMNET_STORE`` if set, else ``store.json`` in the user's data directory."""
    env = os.environ.get(ENV_STORE)
    if env:
        return os.path.abspath(os.path.expanduser(env))
    return os.path.join(platformdirs.user_data_dir("claimnet", appauthor=False), "store.json")


def asset_bytes(name: str) -> bytes:
    """The bytes of a file shipped in ``assets/`` (installed as the ``claimnet.assets`` package)."""
    try:
        return resources.files("claimnet.assets").joinpath(name).read_bytes()
    except ModuleNotFoundError:
        return (Path(__file__).resolve().parents[2] / "assets" / name).read_bytes()


def default_network() -> dict[str, Any]:
    """The claim network of the seed article, which a new store starts with."""
    return orjson.loads(asset_bytes(DEFAULT_NETWORK))
