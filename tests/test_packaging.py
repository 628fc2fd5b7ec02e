"""The distribution ships every package and the assets a non-editable install needs."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_in_the_tree_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("store", "tui")
        for path in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert config["tool"]["setuptools"]["package-dir"]["claimnet_assets"] == "assets"


def test_assets_are_loaded_through_the_package():
    from importlib import resources

    files = resources.files("claimnet_assets")
    assert files.joinpath("default_network.json").is_file()
    assert any(entry.name.endswith((".json", ".tsv", ".txt"))
               for entry in files.joinpath("wordlists").iterdir())
