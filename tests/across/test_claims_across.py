"""Claims across sources on import: paraphrase, verbatim quotes, answers, the index, the views and CLI."""

from __future__ import annotations

import os
import sqlite3

import orjson
import pytest

import claimnet.store as store_pkg
from claimnet.store.features.across import DETAILS_KEY
from claimnet.store.features.across.claim_index import claim_index, index_path
from claimnet.store.features.across.claim_terms import terms
from claimnet.store.features.across.views import also_reported_by, same_claim, timeline
from claimnet.store.features.importer import import_article
from claimnet.store.features.reading import Article
from claimnet.tui.cli import main

FIRST = (
    "Moldova accused of arming rebels\n\n"
    "Moldova sold rifles to the rebels in the Donets valley last year, Ukraine's deputy foreign "
    "minister Oksana Hrytsenko said on Monday.\n\n"
    '"These weapons are killing our soldiers, and Chisinau knows it," Hrytsenko told reporters in Kyiv.\n'
)
SECOND = (
    "Kyiv says Chisinau supplied the insurgents with small arms, Ukraine's deputy foreign minister "
    "Oksana Hritsenko says.\n\n"
    '"These weapons are killing our soldiers, and Chisinau knows it," she says.\n'
)
THIRD = """Chisinau on Tuesday rejected accusations that it supplied arms to rebels in Ukraine.
"""


def _import(store, text: str, title: str, date: str):
    return import_article(store, Article(text, title=title, outlet=title.split()[0], published=date))


def _cross_links(store, source_id: str) -> list:
    own = {r.id for r in store.records_from_source(source_id)}
    return [lk for lk in store.all("links") if lk.from_ in own
            and (store.raw(lk.to) or {}).get("source") not in (None, source_id)]


def test_paraphrase_shares_terms_through_the_shipped_synonyms():
    assert terms("sold rifles to the rebels")[0] == terms("supplied the insurgents with small arms")[0]
    assert terms("Moscow said")[0] == terms("Russia said")[0] == {"@russia"}  # a capital is its state
    assert terms("thirty workers")[0] == terms("30 workers")[0]
    assert terms("Moldova never sold weapons")[1]
    assert not terms("200 homes flooded because the wall was not there")[1]  # not the claim's own


def test_a_second_report_restates_the_first_and_its_speaker_is_matched(empty_store):
    first = _import(empty_store, FIRST, "Wire one", "2025-03-03")
    second = _import(empty_store, SECOND, "Radio two", "2025-03-04")
    links = _cross_links(empty_store, second.source_id)
    assert {lk.type for lk in links} == {"restates"}
    assert len(links) >= 2 and all(lk.note for lk in links)  # each says why
    assert any("the same words quoted" in lk.note for lk in links)
    speakers = {empty_store.get(lk.from_).speaker for lk in links}
    assert empty_store.resolve("Oksana Hrytsenko").id in speakers  # 'Hritsenko' matched, not new
    assert not any(a.name == "Oksana Hritsenko" for a in empty_store.all("actors"))
    entry = empty_store.storage.tables["history"][empty_store.history(limit=1)[0].id]
    matched = entry["details"][DETAILS_KEY]["actors"]
    assert [m["names"][0] for m in matched] == ["Oksana Hritsenko"] and "spelling" in matched[0]["why"]
    assert len(entry["details"][DETAILS_KEY]["links"]) == len(links)
    quote = next(lk.to for lk in links if "quoted" in lk.note)
    assert {r.source for r in timeline(empty_store, quote)} == {first.source_id, second.source_id}
    assert [r.source for r in also_reported_by(empty_store, quote)] == [second.source_id]


def test_a_denial_from_another_side_is_proposed_as_denies(empty_store):
    _import(empty_store, FIRST, "Wire one", "2025-03-03")
    _import(empty_store, SECOND, "Radio two", "2025-03-04")
    third = _import(empty_store, THIRD, "Courier three", "2025-03-05")
    answers = {(empty_store.get(lk.to).text, lk.type) for lk in _cross_links(empty_store, third.source_id)}
    assert ("Chisinau supplied the insurgents with small arms", "denies") in answers
    assert not any(kind == "supports" for _text, kind in answers)


def test_undo_takes_the_links_away_and_the_index_follows(empty_store):
    _import(empty_store, FIRST, "Wire one", "2025-03-03")
    second = _import(empty_store, SECOND, "Radio two", "2025-03-04")
    quote = next(lk.from_ for lk in _cross_links(empty_store, second.source_id))
    empty_store.undo()
    assert empty_store.find(quote) is None
    assert not any(lk.type == "restates" for lk in empty_store.all("links"))
    assert len(claim_index(empty_store)) == empty_store.count("statements") + empty_store.count("evidence")
    again = _import(empty_store, SECOND, "Radio two", "2025-03-04")  # matched again, once
    assert {lk.type for lk in _cross_links(empty_store, again.source_id)} == {"restates"}


def test_the_index_is_derived_kept_beside_the_store_and_rebuilt_when_damaged(tmp_path):
    path = str(tmp_path / "s.json")
    st = store_pkg.open_store(path, network={"format": "claimnet-network", "version": 1})
    _import(st, FIRST, "Wire one", "2025-03-03")
    claim_index(st)  # brought in step when matching next needs it
    st.close()
    db = sqlite3.connect(index_path(st))
    assert db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()[0] == str(st.storage.seq)
    db.close()
    with open(index_path(st), "wb") as handle:
        handle.write(b"not a database at all" * 100)
    st = store_pkg.open_store(path)
    second = _import(st, SECOND, "Radio two", "2025-03-04")
    assert len(_cross_links(st, second.source_id)) >= 2  # rebuilt, never trusted
    st.close()


def test_same_and_timeline_commands(empty_store, capsys):
    _import(empty_store, FIRST, "Wire one", "2025-03-03")
    second = _import(empty_store, SECOND, "Radio two", "2025-03-04")
    quote = next(lk.from_ for lk in _cross_links(empty_store, second.source_id) if "quoted" in lk.note)
    path = empty_store.path
    empty_store.close()
    assert main(["--store", path, "same", quote, "--json"]) == 0
    rows = orjson.loads(capsys.readouterr().out)
    assert [r["outlet"] for r in rows] == ["Radio", "Wire"]  # the one asked about first
    assert all(r["quote"].startswith("These weapons") for r in rows)
    assert main(["--store", path, "timeline", "Oksana Hrytsenko", "--json"]) == 0
    rows = orjson.loads(capsys.readouterr().out)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows) and {r["outlet"] for r in rows} == {
        "Wire", "Radio"}
    assert main(["--store", path, "timeline", "Oksana Hrytsenko"]) == 0
    out = capsys.readouterr().out
    assert "2025-03-03" in out and "Wire" in out and "claim" in out
    assert main(["--store", path, "same", "Oksana Hrytsenko"]) == 1
    assert capsys.readouterr().err.strip().endswith("is an actor; give a statement or evidence.")


def test_same_claim_refuses_a_source(empty_store):
    first = _import(empty_store, FIRST, "Wire one", "2025-03-03")
    with pytest.raises(store_pkg.StoreError, match="is a source"):
        same_claim(empty_store, first.source_id)
    assert os.path.exists(index_path(empty_store))
