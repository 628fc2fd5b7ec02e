"""The shipped default network (assets/default_network.json) is well-formed, exact and complete."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from claimnet.store.model import (
    ACTOR_KINDS,
    ACTS,
    BY_TABLE,
    CREDIBILITIES,
    EVIDENCE_KINDS,
    LINK_TYPES,
    MODES,
    ORIGINS,
    RECORD_TABLES,
    RELIABILITIES,
    STATUSES,
    VERDICTS,
    defaults,
    from_dict,
)

REPO = Path(__file__).resolve().parents[1]
ASSET = REPO / "assets" / "default_network.json"
SEED = REPO.parent / "shared" / "seed" / "article.txt"

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
FRIDAY = "2024-05-17"

# Which record kinds each link type may join (from, to), as table names.
STATEMENT_OR_EVIDENCE = {"statements", "evidence"}
LINK_ENDS = {
    "supports": (STATEMENT_OR_EVIDENCE, STATEMENT_OR_EVIDENCE),
    "contradicts": (STATEMENT_OR_EVIDENCE, STATEMENT_OR_EVIDENCE),
    "undercuts": (STATEMENT_OR_EVIDENCE, STATEMENT_OR_EVIDENCE),
    "denies": ({"statements"}, STATEMENT_OR_EVIDENCE),
    "accuses": ({"statements"}, {"actors"}),
    "responds_to": ({"statements"}, {"statements"}),
    "restates": ({"statements"}, {"statements"}),
}


@pytest.fixture(scope="module")
def raw() -> str:
    return ASSET.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def net(raw: str) -> dict:
    return json.loads(raw)


@pytest.fixture(scope="module")
def by_id(net: dict) -> dict[str, tuple[str, dict]]:
    return {r["id"]: (table, r) for table in RECORD_TABLES for r in net[table]}


@pytest.fixture(scope="module")
def source(net: dict) -> dict:
    return net["sources"][0]


@pytest.fixture(scope="module")
def text(source: dict) -> str:
    return source["text"]


def statement_with_quote(net: dict, quote: str) -> dict:
    found = [s for s in net["statements"] if s["quote"] == quote]
    assert len(found) == 1, f"expected one statement quoting {quote!r}, found {len(found)}"
    return found[0]


def links_from(net: dict, record_id: str, link_type: str) -> list[str]:
    return [ln["to"] for ln in net["links"] if ln["from"] == record_id and ln["type"] == link_type]


# ------------------------------------------------------------------------------ shape


def test_format_version_and_tables(net: dict) -> None:
    assert net["format"] == "claimnet-network"
    assert net["version"] == 2
    assert set(net) == {"format", "version", *RECORD_TABLES}
    for table in RECORD_TABLES:
        assert isinstance(net[table], list), table
    assert len(net["sources"]) == 1


def test_file_is_pretty_printed_deterministically(raw: str, net: dict) -> None:
    assert raw.rstrip("\n") == json.dumps(net, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_records_have_exactly_the_dataclass_keys_in_order(net: dict, table: str) -> None:
    keys = list(defaults(table))
    for record in net[table]:
        assert list(record) == keys, record.get("id")
        assert from_dict(table, record).to_dict() == record, record["id"]


def test_ids_unique_prefixed_and_readable(net: dict) -> None:
    ids = [r["id"] for table in RECORD_TABLES for r in net[table]]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for table in RECORD_TABLES:
        prefix = BY_TABLE[table].PREFIX
        for record in net[table]:
            assert re.fullmatch(rf"{prefix}-[a-z0-9]+(-[a-z0-9]+)*", record["id"]), record["id"]


def test_timestamps(net: dict) -> None:
    for table in RECORD_TABLES:
        for record in net[table]:
            assert TIMESTAMP.match(record["created"]), record["id"]
            assert TIMESTAMP.match(record["updated"]), record["id"]
            assert record["created"] <= record["updated"], record["id"]


# ------------------------------------------------------------------------------ vocabularies


def test_vocabulary_values(net: dict) -> None:
    for src in net["sources"]:
        assert src["reliability"] in RELIABILITIES
        assert src["published"] is None or PARTIAL_DATE.match(src["published"])
    for actor in net["actors"]:
        assert actor["name"].strip(), actor["id"]
        assert actor["kind"] in ACTOR_KINDS, actor["id"]
        assert actor["reliability"] in RELIABILITIES, actor["id"]
        assert all(isinstance(a, str) and a.strip() for a in actor["aliases"]), actor["id"]
        folded = [a.casefold() for a in actor["aliases"]]
        assert len(set(folded)) == len(folded), actor["id"]
        assert actor["name"].casefold() not in folded, actor["id"]
    for st in net["statements"]:
        assert st["act"] in ACTS, st["id"]
        assert st["mode"] in MODES, st["id"]
        assert st["text"].strip(), st["id"]
        assert st["credibility"] in CREDIBILITIES, st["id"]
        assert st["status"] in STATUSES and st["origin"] in ORIGINS, st["id"]
        assert st["confidence"] is None or 0 <= st["confidence"] <= 1, st["id"]
        assert st["said_on"] is None or PARTIAL_DATE.match(st["said_on"]), st["id"]
    for ev in net["evidence"]:
        assert ev["kind"] in EVIDENCE_KINDS, ev["id"]
        assert ev["text"].strip(), ev["id"]
        assert ev["credibility"] in CREDIBILITIES, ev["id"]
        assert ev["status"] in STATUSES and ev["origin"] in ORIGINS, ev["id"]
        assert ev["confidence"] is None or 0 <= ev["confidence"] <= 1, ev["id"]
        if ev["quantity"] is not None:
            assert set(ev["quantity"]) == {"value", "unit"}, ev["id"]
            assert isinstance(ev["quantity"]["value"], int | float), ev["id"]
            assert ev["quantity"]["unit"].strip(), ev["id"]
    for ln in net["links"]:
        assert ln["type"] in LINK_TYPES, ln["id"]
        assert ln["weight"] is None or (
            isinstance(ln["weight"], int) and -2 <= ln["weight"] <= 2
        ), ln["id"]
        assert ln["note"] is None or ln["note"].strip(), ln["id"]
    for an in net["annotations"]:
        assert an["verdict"] is None or an["verdict"] in VERDICTS, an["id"]


# ------------------------------------------------------------------------------ references


def test_references_resolve_to_the_right_kind(net: dict, by_id: dict) -> None:
    def kind(ref: str) -> str | None:
        return by_id[ref][0] if ref in by_id else None

    for actor in net["actors"]:
        assert actor["affiliation"] is None or kind(actor["affiliation"]) == "actors", actor["id"]
        assert actor["affiliation"] != actor["id"]
    for st in net["statements"]:
        assert kind(st["speaker"]) == "actors", st["id"]
        assert st["source"] is None or kind(st["source"]) == "sources", st["id"]
        assert all(kind(a) == "actors" for a in st["about"]), st["id"]
        assert len(set(st["about"])) == len(st["about"]), st["id"]
    for ev in net["evidence"]:
        assert ev["reported_by"] is None or kind(ev["reported_by"]) == "actors", ev["id"]
        assert ev["source"] is None or kind(ev["source"]) == "sources", ev["id"]
    for an in net["annotations"]:
        assert an["target"] in by_id, an["id"]


def test_affiliations_have_no_cycles(net: dict, by_id: dict) -> None:
    for actor in net["actors"]:
        seen = {actor["id"]}
        current = actor["affiliation"]
        while current is not None:
            assert current not in seen, f"affiliation cycle through {actor['id']}"
            seen.add(current)
            current = by_id[current][1]["affiliation"]


def test_link_ends_follow_the_rules(net: dict, by_id: dict) -> None:
    for ln in net["links"]:
        allowed_from, allowed_to = LINK_ENDS[ln["type"]]
        assert ln["from"] != ln["to"], ln["id"]
        assert ln["from"] in by_id and by_id[ln["from"]][0] in allowed_from, ln["id"]
        assert ln["to"] in by_id and by_id[ln["to"]][0] in allowed_to, ln["id"]


def test_no_duplicate_links(net: dict) -> None:
    triples = Counter((ln["from"], ln["to"], ln["type"]) for ln in net["links"])
    assert [t for t, n in triples.items() if n > 1] == []


# ------------------------------------------------------------------------------ source text


def test_sha256_matches_text(source: dict) -> None:
    assert source["sha256"] == hashlib.sha256(source["text"].encode("utf-8")).hexdigest()


def test_source_metadata(source: dict) -> None:
    assert source["title"].strip()
    assert source["published"] == FRIDAY
    assert source["reliability"] == "B"


def test_source_text_is_the_seed_article(text: str) -> None:
    if not SEED.exists():
        pytest.skip("seed article not present beside the repository")
    assert text == SEED.read_bytes().decode("utf-8")


def test_spans_lie_within_the_text(net: dict, text: str) -> None:
    for table in ("statements", "evidence"):
        for record in net[table]:
            span = record["span"]
            if span is None:
                continue
            assert len(span) == 2 and all(isinstance(x, int) for x in span), record["id"]
            start, end = span
            assert 0 <= start < end <= len(text), record["id"]
            piece = text[start:end]
            assert piece == piece.strip(), f"{record['id']} span has loose whitespace"


def test_quotes_are_exact_and_modes_agree(net: dict, text: str) -> None:
    for st in net["statements"]:
        if st["quote"] is None:
            assert st["mode"] == "paraphrase", st["id"]
            continue
        assert st["mode"] == "quote", st["id"]
        assert st["quote"] in text, st["id"]
        start, end = st["span"]
        assert text[start:end] == st["quote"], st["id"]
        assert text[start - 1] == "“", f"{st['id']} quote does not start at a quotation mark"
        assert text[end:].lstrip(",")[:1] == "”", f"{st['id']} quote does not end at the mark"


def test_every_quotation_in_the_article_is_a_statement(net: dict, text: str) -> None:
    quoted_spans = {tuple(st["span"]) for st in net["statements"] if st["quote"] is not None}
    for match in re.finditer(r"“([^”]*)”", text):
        words = match.group(1).rstrip(",")
        span = (match.start(1), match.start(1) + len(words))
        assert span in quoted_spans, f"quotation {words!r} has no statement"


def test_evidence_spans_read_like_their_quantity(net: dict, text: str) -> None:
    for ev in net["evidence"]:
        if ev["quantity"] is None:
            continue
        start, end = ev["span"]
        assert f"{ev['quantity']['value']:,}" in text[start:end], ev["id"]


def test_every_actor_is_named_in_the_text(net: dict, text: str) -> None:
    folded = text.casefold()
    for actor in net["actors"]:
        forms = [actor["name"], *actor["aliases"]]
        assert any(f.casefold() in folded for f in forms), f"{actor['id']} not in the article"


# ------------------------------------------------------------------------------ content


def test_no_intention_to_export_is_kim_yo_jongs_denial(net: dict) -> None:
    st = statement_with_quote(
        net,
        "We have no intention to export our military technical capabilities to any country "
        "or open them to the public",
    )
    assert st["speaker"] == "act-kim-yo-jong"
    assert st["act"] == "denial"
    assert st["cue"] == "said"
    assert st["said_on"] == FRIDAY


def test_absurd_paradox_quoted_twice_and_restated(net: dict) -> None:
    full = statement_with_quote(
        net, "the most absurd paradox which is not worth making any evaluation or interpretation"
    )
    lede = statement_with_quote(net, "the most absurd paradox")
    assert full["speaker"] == lede["speaker"] == "act-kim-yo-jong"
    assert full["cue"] == "called"
    assert full["span"][0] > lede["span"][0]
    assert full["id"] in links_from(net, lede["id"], "restates")


def test_threat_against_seoul(net: dict) -> None:
    st = statement_with_quote(
        net,
        "We don’t conceal the fact that such weapons will be used to prevent Seoul from "
        "inventing any idle thinking",
    )
    assert st["speaker"] == "act-kim-yo-jong"
    assert st["act"] == "threat"
    assert "act-south-korea" in st["about"]


def test_illegal_dealings_demand_is_kim_inaes(net: dict, by_id: dict) -> None:
    st = statement_with_quote(net, "illegal")
    assert st["speaker"] == "act-kim-inae"
    assert st["act"] == "demand"
    assert {"act-north-korea", "act-russia"} <= set(st["about"])
    kim_inae = by_id["act-kim-inae"][1]
    assert kim_inae["role"] == "deputy spokesperson"
    ministry = by_id[kim_inae["affiliation"]][1]
    assert ministry["name"] == "Unification Ministry"
    assert ministry["affiliation"] == "act-south-korea"


def test_kirby_works_for_the_us_national_security_council(by_id: dict) -> None:
    kirby = by_id["act-john-kirby"][1]
    nsc = by_id[kirby["affiliation"]][1]
    assert "National Security Council" in nsc["name"]
    assert nsc["affiliation"] == "act-united-states"
    assert by_id["act-kim-yo-jong"][1]["affiliation"] == "act-north-korea"
    assert "Ms Kim" in by_id["act-kim-yo-jong"][1]["aliases"]
    assert "Mr Shin" in by_id["act-shin-wonsik"][1]["aliases"]
    assert "Pyongyang" in by_id["act-north-korea"][1]["aliases"]


def test_7000_containers_support_shins_charge_and_contradict_the_denial(
    net: dict, by_id: dict
) -> None:
    [ev] = [e for e in net["evidence"] if e["quantity"] and e["quantity"]["value"] == 7000]
    assert ev["kind"] == "quantity"
    assert ev["quantity"] == {"value": 7000, "unit": "containers"}
    assert ev["reported_by"] == "act-shin-wonsik"
    supported = [by_id[i][1] for i in links_from(net, ev["id"], "supports")]
    assert any(
        s["speaker"] == "act-shin-wonsik"
        and s["act"] in ("accusation", "claim")
        and s["said_on"] == "2024-03"
        for s in supported
    )
    assert "st-kim-yo-jong-denies-weapons-exports" in links_from(net, ev["id"], "contradicts")


def test_9000_containers_of_aid(net: dict) -> None:
    [ev] = [e for e in net["evidence"] if e["quantity"] and e["quantity"]["value"] == 9000]
    assert ev["quantity"]["unit"] == "containers"
    assert ev["reported_by"] == "act-shin-wonsik"


def test_every_denial_denies_something(net: dict) -> None:
    for st in net["statements"]:
        if st["act"] == "denial":
            assert links_from(net, st["id"], "denies"), f"{st['id']} denies nothing"


def test_every_accusation_accuses_someone(net: dict) -> None:
    for st in net["statements"]:
        if st["act"] == "accusation":
            assert links_from(net, st["id"], "accuses"), f"{st['id']} accuses no one"


def test_every_response_answers_something(net: dict) -> None:
    for st in net["statements"]:
        if st["act"] == "response":
            assert links_from(net, st["id"], "responds_to"), f"{st['id']} answers nothing"


def test_arms_supply_accusers_and_deniers(net: dict) -> None:
    accusations = [
        s
        for s in net["statements"]
        if s["act"] == "accusation" and "act-north-korea" in links_from(net, s["id"], "accuses")
    ]
    accusers = {s["speaker"] for s in accusations}
    assert {"act-united-states", "act-south-korea"} <= accusers
    deniers = {
        s["speaker"]
        for s in net["statements"]
        if s["act"] == "denial"
        and set(links_from(net, s["id"], "denies")) & {a["id"] for a in accusations}
    }
    assert {"act-kim-yo-jong", "act-north-korea", "act-russia"} <= deniers


def test_kim_yo_jong_spoke_on_friday(net: dict) -> None:
    hers = [s for s in net["statements"] if s["speaker"] == "act-kim-yo-jong"]
    assert len(hers) >= 6
    assert all(s["said_on"] == FRIDAY for s in hers)


def test_every_statement_and_evidence_is_connected(net: dict) -> None:
    ends = {ln["from"] for ln in net["links"]} | {ln["to"] for ln in net["links"]}
    for table in ("statements", "evidence"):
        for record in net[table]:
            assert record["id"] in ends, f"{record['id']} has no links"
