"""The distribution installs one import name, claimnet, with every package and the assets inside."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_in_the_tree_is_listed_under_claimnet():
    listed = set(CONFIG["packages"])
    found = {
        "claimnet." + ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("store", "tui", "assets")
        for path in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert all(name.startswith("claimnet.") for name in listed), "one import name: claimnet"


def test_the_top_level_folders_map_onto_the_one_import_name():
    assert CONFIG["package-dir"] == {"claimnet.store": "store", "claimnet.tui": "tui",
                                     "claimnet.assets": "assets"}


def test_the_console_script_and_the_modules_live_under_claimnet():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["claimnet"] == "claimnet.tui.cli:main"
    code = "import claimnet.store, claimnet.tui.cli, sys; print(sorted({'store', 'tui'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert out.stdout.strip() == "[]"  # nothing claims the names store or tui


def test_assets_are_loaded_through_the_package():
    from importlib import resources

    files = resources.files("claimnet.assets")
    assert files.joinpath("default_network.json").is_file()
    assert any(entry.name.endswith((".json", ".tsv", ".txt"))
               for entry in files.joinpath("wordlists").iterdir())
