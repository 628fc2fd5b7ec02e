"""schema.org ClaimReview JSON-LD: one review per statement with a verdict, rated on the documented scale."""

from __future__ import annotations

import io
import json

import pytest

import claimnet.store as store_pkg
from claimnet.store import model
from claimnet.store.features.export import export, select
from claimnet.store.features.export.claimreview import RATING
from claimnet.store.features.export.text import clean
from claimnet.tui.cli import main
from tests.export_fixtures import AWKWARD, URL, open_awkward


def reviews(store: store_pkg.Store, **selection) -> list[dict]:
    out = io.BytesIO()
    export(select(store, **selection), "claimreview", out)
    return json.loads(out.getvalue())


@pytest.fixture
def awkward(tmp_path):
    with open_awkward(str(tmp_path / "a.json")) as s:
        yield s


def test_one_review_per_statement_with_a_verdict(tmp_path) -> None:
    with store_pkg.open_store(str(tmp_path / "a.json"), analyst="Fact Desk") as s:
        assert reviews(s) == []
        s.annotate("st-kim-yo-jong-denies-weapons-exports", verdict="mostly_true")
        s.annotate("st-kim-yo-jong-denies-weapons-exports", verdict="false", note="Containers were seen.")
        s.annotate("ev-7000-containers-of-munitions", verdict="true")  # evidence: not a claim review
        s.annotate("st-kim-yo-jong-denies-weapons-exports", note="a note without verdict")
        [item] = reviews(s)
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == "North Korea has not exported any weapons to Russia"
    assert item["author"] == {"@type": "Person", "name": "Fact Desk"}
    assert item["reviewBody"] == "Containers were seen."
    assert item["reviewRating"] == {"@type": "Rating", "bestRating": 5, "worstRating": 1,
                                    "alternateName": "False", "ratingValue": 1}
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["datePublished"] == "2024-05-17"
    assert claim["author"]["@type"] == "Person" and claim["author"]["name"] == "Kim Yo Jong"
    [appearance] = claim["appearance"]
    assert appearance["@type"] == "CreativeWork"
    assert appearance["headline"] == "North Korea denies exporting weapons to Russia"
    assert len(item["datePublished"]) == 10


def test_every_verdict_maps_to_the_documented_scale(awkward) -> None:
    items = {item["identifier"]: item for item in reviews(awkward)}
    assert len(items) == len(AWKWARD)
    for i in range(len(AWKWARD)):
        verdict = model.VERDICTS[i % len(model.VERDICTS)]
        rating = items[f"st-{i}"]["reviewRating"]
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert rating.get("ratingValue") == RATING[verdict]
        if verdict in ("unproven", "not_checkable"):
            assert "ratingValue" not in rating
        else:
            assert 1 <= rating["ratingValue"] <= 5
    values = [RATING[v] for v in ("false", "mostly_false", "mixed", "mostly_true", "true")]
    assert values == sorted(values) and values[0] == 1 and values[-1] == 5


def test_authors_are_people_or_organisations_and_text_survives(awkward) -> None:
    items = {item["identifier"]: item for item in reviews(awkward)}
    for i, text in enumerate(AWKWARD):
        item = items[f"st-{i}"]
        kind = model.ACTOR_KINDS[i % len(model.ACTOR_KINDS)]
        author = item["itemReviewed"]["author"]
        assert author["@type"] == ("Person" if kind in ("person", "unknown") else "Organization")
        assert author["name"] == clean(text)
        assert item["claimReviewed"] == clean(text)
        assert item["itemReviewed"]["text"] == clean(AWKWARD[(i + 3) % len(AWKWARD)])
        assert item["itemReviewed"]["appearance"][0]["url"] == URL


def test_cli_claimreview_to_stdout(tmp_path, capsys) -> None:
    path = str(tmp_path / "a.json")
    open_awkward(path).close()
    assert main(["export", "--format", "claimreview", "--store", path, "--accepted-only"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {i["identifier"] for i in items} == {f"st-{n}" for n in (0, 1, 2, 3, 6, 9)}
