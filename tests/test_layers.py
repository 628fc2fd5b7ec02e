"""The store's folders are its layers: a module never imports a higher layer, and nothing cycles.

Layers, lowest first: ``model`` → ``engine`` → ``network`` → ``features``; ``claimnet.store``'s own
``__init__`` (``open_store``) sits above them all. The imports are read from the source (those
under ``TYPE_CHECKING`` included), so a circle cannot hide behind a lazy import either.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("model", "engine", "network", "features")
#: Modules above every layer, for scripts: they may import any layer, and no layer imports them.
FACADES = ("claimnet.store", "claimnet.store.tinydb_storage")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return "claimnet." + ".".join(parts)


def _is_module(name: str) -> bool:
    parts = name.split(".")
    if parts[:2] != ["claimnet", "store"]:
        return False
    base = ROOT.joinpath(*parts[1:])
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved, names that are submodules followed."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            subs = {f"{module}.{a.name}" for a in node.names if _is_module(f"{module}.{a.name}")}
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(module)
    return found


def _store_modules() -> dict[str, set[str]]:
    return {_module_name(path): imports_of(path) for path in sorted((ROOT / "store").rglob("*.py"))}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[2]) if len(parts) > 2 and parts[2] in LAYERS else None


def test_every_store_module_sits_in_a_layer_folder():
    loose = [m for m in _store_modules() if m not in FACADES and _layer(m) is None]
    assert loose == [], "put these into store/model, engine, network or features"


def test_no_layer_imports_a_higher_one_or_the_package_facade():
    wrong = []
    for module, imported in _store_modules().items():
        mine = _layer(module)
        if mine is None:
            continue
        for target in imported:
            if target in FACADES:
                wrong.append(f"{module} imports the façade {target}")
            elif target.startswith("claimnet.store.") and (_layer(target) or 0) > mine:
                wrong.append(f"{module} ({LAYERS[mine]}) imports {target} ({LAYERS[_layer(target)]})")
    assert wrong == []


def test_store_modules_import_each_other_without_a_circle():
    graph = {m: {t for t in imports if t.startswith("claimnet.store.") and t != m}
             for m, imports in _store_modules().items()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            pytest.fail("import circle: " + " → ".join(trail[trail.index(module):] + [module]))
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            visit(target, [*trail, module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_the_checker_sees_relative_and_type_checking_imports(tmp_path):
    core = ROOT / "store" / "network" / "core.py"
    assert "claimnet.store.engine.storage" in imports_of(core)
    assert "claimnet.store.network.queries" in imports_of(core)  # `from .queries import …`
    importer = ROOT / "store" / "features" / "importer.py"
    assert "claimnet.store.network.core" in imports_of(importer)  # under TYPE_CHECKING


def test_nothing_imports_the_old_top_level_names():
    stale = []
    for top in ("store", "tui", "tests"):
        for path in (ROOT / top).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
                stale += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("store", "tui")]
    assert stale == [], "import claimnet.store / claimnet.tui instead"


def test_importing_every_store_module_pulls_in_no_textual_rich_or_old_names():
    code = ("import importlib, pkgutil, sys, claimnet.store as s\n"
            "for m in pkgutil.walk_packages(s.__path__, 's.'.replace('s.', 'claimnet.store.')):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich', 'store', 'tui'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert out.stdout.strip() == "[]"
