"""What the command line does with input it cannot trust: bytes that are not UTF-8, control
characters it repeats, documents with keys it does not know, digits that are not ASCII."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimnet.tui.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run_bytes(args: list[bytes], env: dict[bytes, bytes]) -> subprocess.CompletedProcess:
    environ = {**os.environb, **env}
    return subprocess.run([sys.executable.encode(), b"-m", b"claimnet.tui.cli", *args],
                          capture_output=True, env=environ, cwd=ROOT)


def test_an_argument_that_is_not_utf8_gets_a_sentence_and_changes_nothing(store_path):
    before = Path(store_path).read_bytes()
    done = _run_bytes([b"annotate", b"act-russia", b"--note", b"\xff"], {})
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert b"argument 4 is not valid UTF-8 (\\xff)" in done.stderr
    assert Path(store_path).read_bytes() == before and not os.path.exists(store_path + ".journal")


def test_an_analyst_name_that_is_not_utf8_gets_a_sentence(store_path):
    done = _run_bytes([b"annotate", b"act-russia", b"--note", b"ok"], {b"CLAIMNET_ANALYST": b"ana\xe9"})
    assert done.returncode == 2 and b"CLAIMNET_ANALYST is not valid UTF-8" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("argv", [
    ["show", "act-\x1b]0;pwned\x07"],
    ["annotate", "act-\x1b]0;pwned\x07", "--note", "x"],
    ["export", "-f", "json", "--actor", "\x1b]0;pwned\x07"],
    ["statements", "--act", "\x1b[31m"],
])
def test_messages_that_repeat_input_show_control_characters(store_path, capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's refusal
        code = exit_.code
    err = capsys.readouterr().err
    assert code in (1, 2) and err.startswith("claimnet")
    assert "\x1b" not in err and "\x07" not in err  # no raw ESC or BEL reaches the terminal


def test_import_json_errors_show_ids_visibly(store_path, tmp_path, capsys):
    doc = {"format": "claimnet-network", "version": 1,
           "actors": [{"id": "act-\x1b]0;t\x07", "name": "X", "kind": "person"}]}
    (tmp_path / "doc.json").write_text(json.dumps(doc))
    assert main(["import-json", str(tmp_path / "doc.json")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "␛]0;t␇" in err


def test_an_unknown_top_level_key_in_an_import_document_is_refused(store_path, tmp_path, capsys):
    doc = {"format": "claimnet-network", "version": 1, "actors": [], "statments": [{"id": "st-x"}]}
    (tmp_path / "doc.json").write_text(json.dumps(doc))
    before = Path(store_path).read_bytes()
    assert main(["import-json", str(tmp_path / "doc.json")]) == 1
    assert "top-level key claimnet does not know, 'statments'" in capsys.readouterr().err
    assert Path(store_path).read_bytes() == before


@pytest.mark.parametrize("date", ["٢٠٢٤", "２０２４-05", "2024\n"])
def test_a_date_in_other_digits_is_refused(store_path, tmp_path, capsys, date):
    article = tmp_path / "a.txt"
    article.write_text("Kim Yo Jong said on Friday that the claim was absurd.\n")
    assert main(["import", str(article), "--date", date]) == 1
    assert "Traceback" not in capsys.readouterr().err
