"""Re-run each blind set's first, unseen measurement and pool them: ``python -m tests.extraction.unseen``.

A blind set is scored once on the rules of the day before anyone reads its failures; after that it is
used to design rules and its scores no longer estimate quality on unseen text. This tool checks out the
commit each set was first scored on (a temporary git worktree, with that commit's own word lists),
scores the set there, and prints each first measurement and their micro-averaged pool: the honest
estimate of the importer on wire copy nobody had read. It needs the repository's git history.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.extraction import score as sc

ROOT = Path(__file__).resolve().parents[2]

#: (blind set, the commit its first unseen measurement ran on).
#: Blind-8 is left out: some of its articles entered the tree while the rules of its first score were written.
FIRST_MEASURED = [("blind4", "16a9b45"), ("blind5", "af394ab"), ("blind6", "00ba3dc"), ("blind7", "12e1f26"),
                  ("blind9", "9a35e53"), ("blind10", "4eee364"), ("blind11", "bd06939"),
                  ("blind12", "6801e03"), ("blind13", "649b415"), ("blind14", "68b516c"),
                  ("blind15", "3292aee"), ("blind16", "b9b80ad"), ("blind17", "09afa9e"),
                  ("blind18", "22523b1"), ("blind19", "c3220d2"), ("blind20", "3a2ac09"),
                  ("blind21", "1e323ef"), ("blind22", "6e56af5"), ("blind23", "39675ed"),
                  ("blind24", "3946d13"), ("blind25", "3140a34"),
                  ("blind26", "9af65c0"), ("blind27", "aac0f50"),
                  ("blind28", "7276483"), ("blind29", "575d954"), ("blind30", "339b13a"),
                  ("blind31", "80fa7ff"), ("blind32", "d3c020c"),
                  ("blind33", "dd48e01"), ("blind34", "ee6b010")]

#: Run inside the worktree: the store package and word lists of that commit, the set copied in.
_SCORE_THERE = """
import importlib.machinery, importlib.util, json, sys
tree, folder = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
spec = importlib.util.spec_from_file_location(
    "claimnet_assets", tree + "/assets/__init__.py", submodule_search_locations=[tree + "/assets"])
assets = importlib.util.module_from_spec(spec)
sys.modules["claimnet_assets"] = assets
spec.loader.exec_module(assets)


class TreePackages:  # later commits import 'claimnet.store': give them the tree's, not the installed one
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "claimnet":
            found = importlib.machinery.ModuleSpec("claimnet", None, is_package=True)
            found.submodule_search_locations = []
            return found
        if name in ("claimnet.store", "claimnet.tui", "claimnet.assets"):
            folder = tree + "/" + name.split(".")[1]
            return importlib.util.spec_from_file_location(name, folder + "/__init__.py",
                                                          submodule_search_locations=[folder])
        return None


sys.meta_path.insert(0, TreePackages)
import store
assert store.__file__.startswith(tree), store.__file__
from pathlib import Path
from tests.extraction import score as sc
counts = sc.total(sc.run(sc.corpus_articles(Path(folder))).values())
for name, module in list(sys.modules.items()):  # the rules of that commit, never today's
    if name.split(".")[0] in ("claimnet", "store") and getattr(module, "__file__", None):
        assert module.__file__.startswith(tree), (name, module.__file__)
print(json.dumps({k: v for k, v in vars(counts).items() if isinstance(v, int)}))
"""


def first_measurement(key: str, commit: str, work: Path) -> sc.Counts:
    """The counts of blind set ``key`` scored on the rules of ``commit``."""
    tree = work / f"{key}-{commit}"
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), commit], cwd=ROOT, check=True)
    try:
        folder = tree / "tests" / "extraction" / key
        if not folder.exists():
            shutil.copytree(ROOT / "tests" / "extraction" / key, folder)
        out = subprocess.run([sys.executable, "-c", _SCORE_THERE, str(tree), str(folder)], cwd=tree,
                             capture_output=True, text=True)
        lines = out.stdout.strip().splitlines()
        if out.returncode != 0 or not lines:
            raise SystemExit(f"scoring {key} on {commit} failed:\n{out.stderr}")
        return sc.Counts(**json.loads(lines[-1]))
    finally:  # never leave a worktree behind, even when interrupted
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=False)


def main(argv: list[str] | None = None) -> int:
    """Print each blind set's first measurement and the pooled total."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        rows = [(f"{key} @ {commit}", first_measurement(key, commit, Path(work)))
                for key, commit in FIRST_MEASURED]
    rows.append(("TOTAL first unseen measurements", sc.total(c for _, c in rows)))
    print(sc.table(rows))
    pooled = rows[-1][1]
    print(f"\nspeakers right {pooled.speaker_ok}/{pooled.speaker_n}, "
          f"quotes found {pooled.quote_found}/{pooled.quote_gold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
