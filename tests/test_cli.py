"""The command line: lookups, --json output, annotation, undo/redo, check, and clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from claimnet.tui.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_writing_command_creates_a_missing_store_and_says_so(missing_store_path, capsys):
    code, out, err = run(capsys, "annotate", "act-russia", "--note", "first")
    assert code == 0 and os.path.exists(missing_store_path)
    assert "created a new store" in err and missing_store_path in err
    code, out, err = run(capsys, "stats")
    assert code == 0 and "created" not in err


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["show", "act-russia"], ["actors"],
                                     ["check"], ["history"], ["export", "-f", "json"], ["undo"],
                                     ["merge", "other.json", "--dry-run"]])
def test_a_read_command_on_a_mistyped_path_says_so_and_creates_nothing(tmp_path, capsys, command):
    path = tmp_path / "typo" / "stroe.json"
    code, out, err = run(capsys, *command, "--store", str(path))
    assert code == 1 and f"There is no store at {path}" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no folder, no store, no lock file


def test_search_prints_hits_and_json(store_path, capsys):
    code, out, _ = run(capsys, "search", "containers")
    assert code == 0 and "containers" in out
    code, out, _ = run(capsys, "search", "containers", "--json")
    hits = json.loads(out)
    assert {h["kind"] for h in hits} >= {"statement", "evidence"}
    code, out, _ = run(capsys, "search", "qwertyuiop")
    assert code == 1 and "No matches" in out


def test_show_actor_lists_affiliation_and_statements(store_path, capsys):
    code, out, _ = run(capsys, "show", "Ms Kim")
    assert code == 0 and "Kim Yo Jong" in out and "North Korea" in out and "denial" in out
    code, out, _ = run(capsys, "show", "Ms Kim", "--json")
    data = json.loads(out)
    assert data["record_kind"] == "actor" and data["kind"] == "person"
    assert data["affiliation"] == "act-north-korea"
    assert "st-kim-yo-jong-denies-weapons-exports" in data["statements"]


def test_show_statement_json_has_links(store_path, capsys):
    code, out, _ = run(capsys, "show", "st-kim-yo-jong-denies-weapons-exports", "--json")
    data = json.loads(out)
    assert data["speaker"] == "act-kim-yo-jong"
    assert any(link["type"] == "denies" and link["direction"] == "out" for link in data["links"])


def test_lists_filter_by_speaker_and_act(store_path, capsys):
    code, out, _ = run(capsys, "statements", "--speaker", "Mr Shin", "--json")
    rows = json.loads(out)
    assert rows and all(r["speaker"] == "act-shin-wonsik" for r in rows)
    code, out, _ = run(capsys, "statements", "--act", "denial", "--json")
    assert all(r["act"] == "denial" for r in json.loads(out))
    code, out, _ = run(capsys, "actors", "--json")
    assert any(a["name"] == "Kim Yo Jong" and a["statements"] >= 5 for a in json.loads(out))
    code, out, _ = run(capsys, "evidence")
    assert code == 0 and "7,000" in out


def test_evidence_filters_by_statement_reporter_kind_and_status(store_path, capsys):
    denial = "st-kim-yo-jong-denies-weapons-exports"
    code, out, _ = run(capsys, "evidence", "--for", denial, "--json")
    rows = json.loads(out)
    assert code == 0 and {r["id"] for r in rows} >= {"ev-7000-containers-of-munitions",
                                                       "ev-kharkiv-missile-debris"}
    assert {tuple(r["bears"]) for r in rows} == {("contradicts",)}
    code, out, _ = run(capsys, "evidence", "--for", denial)
    assert "bears" in out and "contradicts" in out and "Debris of a missile" in out
    code, out, _ = run(capsys, "evidence", "--for", "st-foreign-experts-tests-advertised-weapons-for-russia",
                       "--json")
    assert {r["id"]: r["bears"] for r in json.loads(out)} == {
        "ev-artillery-and-short-range-missile-tests": ["supports"],
        "ev-five-year-arms-plan-2021": ["undercuts"]}
    code, out, _ = run(capsys, "evidence", "--reported-by", "Shin Wonsik", "--json")
    rows = json.loads(out)
    assert rows and all(r["reported_by"] == "act-shin-wonsik" for r in rows) and "bears" not in rows[0]
    code, out, _ = run(capsys, "evidence", "--kind", "physical", "--status", "accepted", "--json")
    rows = json.loads(out)
    assert rows and all(r["kind"] == "physical" and r["status"] == "accepted" for r in rows)
    code, out, _ = run(capsys, "evidence", "--status", "proposed", "--json")
    assert json.loads(out) == []  # the seed's evidence is all accepted
    code, out, _ = run(capsys, "evidence", "--limit", "2", "--json")
    assert len(json.loads(out)) == 2
    code, out, err = run(capsys, "evidence", "--for", "Shin Wonsik")
    assert code == 1 and "No statement" in err  # an actor is not a statement
    for option in ("--for", "--reported-by"):
        code, out, err = run(capsys, "evidence", option, "")
        assert code == 1 and "empty reference" in err and not out  # not every piece of evidence
    code, out, err = run(capsys, "statements", "--speaker", " ")
    assert code == 1 and "empty reference" in err


def test_annotate_then_undo_and_redo(store_path, capsys):
    ref = "st-kim-yo-jong-denies-weapons-exports"
    code, out, _ = run(capsys, "annotate", ref, "--note", "[b]x[/b] a[/b", "--tag", "nk",
                       "--verdict", "false", "--credibility", "5", "--biased", "yes", "--json")
    assert code == 0
    saved = json.loads(out)
    assert saved["annotation"]["note"] == "[b]x[/b] a[/b" and saved["record"]["credibility"] == 5
    assert saved["annotation"]["checks"] == {"biased": True}
    code, out, _ = run(capsys, "show", ref)
    assert "[b]x[/b] a[/b" in out  # user text is never parsed as markup
    code, out, _ = run(capsys, "undo")
    assert code == 0 and "Undid" in out
    code, out, _ = run(capsys, "show", ref, "--json")
    assert json.loads(out)["annotations"] == []
    code, out, _ = run(capsys, "redo", "--json")
    assert json.loads(out)["state"] == "done"
    code, out, _ = run(capsys, "history", "--json")
    assert [e["kind"] for e in json.loads(out)[:3]] == ["redo", "undo", "change"]


def test_check_passes_on_default_and_fails_on_broken_span(store_path, capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "no problems" in out
    with open(store_path, encoding="utf-8") as handle:
        text = handle.read()
    broken = text.replace('"span":[', '"span":[1', 1)
    with open(store_path, "w", encoding="utf-8") as handle:
        handle.write(broken)
    code, out, _ = run(capsys, "check", "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"] and "span" in report["problems"][0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nobody"], "No record is called"),
        (["show", "st-kim-yo-jong-absurd"], "type more of the id"),
        (["annotate", "act-russia", "--credibility", "3"], "has no credibility"),
        (["annotate", "act-russia"], "Nothing to annotate"),
        (["undo"], "nothing to undo"),
    ],
)
def test_errors_are_one_sentence_and_exit_1(store_path, capsys, args, message):
    run(capsys, "stats")
    code, out, err = run(capsys, *args)
    assert code == 1 and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_corrupt_store_is_an_error_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_bytes(b"{not json")
    code, out, err = run(capsys, "--store", str(path), "stats")
    assert code == 1 and "not valid JSON" in err and "left untouched" in err
    assert path.read_bytes() == b"{not json"


def test_piped_output_has_no_colour_codes_and_fits_80_columns(store_path):
    result = subprocess.run([sys.executable, "-m", "claimnet.tui.cli", "statements"], capture_output=True,
                            text=True, env={**os.environ, "CLAIMNET_STORE": store_path})
    assert result.returncode == 0 and "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_escape_sequences_are_shown_not_sent(store_path, capsys):
    run(capsys, "annotate", "act-russia", "--note", "\x1b[31mred\x1b[0m")
    code, out, _ = run(capsys, "show", "act-russia")
    assert "\x1b[31m" not in out and "␛[31mred" in out


def test_piped_tables_keep_words_and_ids_whole(store_path):
    result = subprocess.run([sys.executable, "-m", "claimnet.tui.cli", "statements", "--speaker", "Mr Shin"],
                            capture_output=True, text=True, env={**os.environ, "CLAIMNET_STORE": store_path})
    lines = result.stdout.splitlines()
    assert "st-shin-north-korea-shipped-7000-containers" in [line.strip() for line in lines]
    assert all(line == line.rstrip() for line in lines)
    assert any(line.startswith("accusation ") for line in lines)


@pytest.mark.parametrize(("args", "field", "value"), [
    (["statements", "--act", "deny", "--json"], "act", "denial"),
    (["statements", "--act", "Accusation", "--json"], "act", "accusation"),
])
def test_vocabulary_arguments_are_lenient(store_path, capsys, args, field, value):
    code, out, _ = run(capsys, *args)
    rows = json.loads(out)
    assert code == 0 and rows and all(r[field] == value for r in rows)


def test_verdict_with_hyphen_and_history_says_what(store_path, capsys):
    code, out, _ = run(capsys, "annotate", "act-russia", "--verdict", "mostly-true", "--reliability", "b",
                       "--biased", "Yes", "--json")
    saved = json.loads(out)
    assert saved["annotation"]["verdict"] == "mostly_true" and saved["record"]["reliability"] == "B"
    code, out, _ = run(capsys, "history", "--json")
    assert "verdict mostly_true" in json.loads(out)[0]["summary"]
    assert "reliability B" in json.loads(out)[0]["summary"]
    code, out, _ = run(capsys, "show", "act-russia")
    assert "biased: yes" in out


def test_a_bad_option_value_is_one_line(store_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["annotate", "act-russia", "--verdict", "bogus"])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and err.count("\n") == 1 and "'bogus' is not one of" in err


def test_search_limit_zero_means_all(store_path, capsys):
    code, out, _ = run(capsys, "search", "korea", "--limit", "0", "--json")
    assert code == 0 and len(json.loads(out)) > 30


def test_refused_store_gets_no_lock_file_beside_it(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_bytes(b"{broken")
    assert main(["--store", str(path), "stats"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]
