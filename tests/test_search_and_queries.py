"""Search ranking and the queries screens rely on, against the default network."""

from __future__ import annotations

import pytest

from claimnet.store import Ambiguous, NotFound


def test_exact_alias_ranks_first(store):
    hits = store.search("Pyongyang")
    assert hits[0].id == "act-north-korea" and hits[0].rank == 0


def test_all_words_must_match(store):
    ids = [h.id for h in store.search("absurd paradox evaluation")]
    assert ids == ["st-kim-yo-jong-absurd-paradox"]
    assert store.search("absurd zebra") == []


def test_search_is_case_and_accent_insensitive(store):
    store.create("actor", name="Séverine Müller", kind="person")
    assert store.search("severine MULLER")[0].rank == 0
    assert store.search("SÉVERINE")[0].snippet == "Séverine Müller"


def test_names_rank_before_statement_text(store):
    hits = store.search("korea")
    kinds = [h.kind for h in hits]
    first_statement = kinds.index("statement")
    assert all(k in ("actor", "source") for k in kinds[:first_statement])
    assert hits[0].id in ("act-north-korea", "act-south-korea")


def test_whole_words_rank_before_word_parts(store):
    store.create("actor", name="Parador Inc", kind="organisation")
    hits = store.search("parado")
    assert hits  # matches inside "paradox" and "Parador"
    paradox = store.search("paradox")
    assert all(h.rank <= 2 for h in paradox)


def test_search_finds_quotes_evidence_titles_and_notes(store):
    store.annotate("act-russia", note="Checked against SIPRI data", tags=["sanctions"])
    assert store.search("containers", kinds=("evidence",))
    assert store.search("idle thinking")[0].field == "quote"
    note_hits = store.search("sipri")
    assert note_hits[0].kind == "annotation" and note_hits[0].target == "act-russia"
    assert store.search("sanctions")[0].kind == "annotation"
    title = store.all("sources")[0].title
    assert store.search(title)[0].kind == "source"


def test_search_sees_changes_immediately(store):
    store.update("act-russia", aliases=["Moscow", "Zzyzx"])
    assert store.search("zzyzx")[0].id == "act-russia"
    store.update("act-russia", aliases=["Moscow"])
    assert store.search("zzyzx") == []


def test_snippet_is_cut_around_the_match(store):
    hit = next(h for h in store.search("leverage") if h.kind == "statement")
    assert "leverage" in hit.snippet and len(hit.snippet) <= 72


def test_resolve_by_id_name_alias_and_prefix(store):
    assert store.resolve("act-russia").name == "Russia"
    assert store.resolve("russia").id == "act-russia"
    assert store.resolve("Mr Shin").name == "Shin Wonsik"
    assert store.resolve("st-kirby").id.startswith("st-kirby")


def test_ambiguous_reference_lists_candidates(store):
    with pytest.raises(Ambiguous) as caught:
        store.resolve("st-kim-yo-jong-absurd")
    assert set(caught.value.candidates) == {"st-kim-yo-jong-absurd-paradox",
                                             "st-kim-yo-jong-absurd-paradox-lede"}
    assert "st-kim-yo-jong-absurd-paradox-lede" in str(caught.value)
    with pytest.raises(NotFound):
        store.resolve("nobody at all")


def test_statements_for_actor_combines_said_and_about(store):
    said = {s.id for s in store.statements_by("act-north-korea")}
    about = {s.id for s in store.statements_about("act-north-korea")}
    combined = [s.id for s in store.statements_for_actor("act-north-korea")]
    assert set(combined) == said | about and len(combined) == len(set(combined))
    assert about - said


def test_evidence_for_groups_by_link_type(store):
    groups = store.evidence_for("st-shin-north-korea-shipped-7000-containers")
    assert "supports" in groups
    assert any(e.quantity and e.quantity["value"] == 7000 for e in groups["supports"])


def test_linked_reports_direction_and_other_end(store):
    denial = "st-kim-yo-jong-denies-weapons-exports"
    out = [(lk.type, way) for lk, way, _ in store.linked(denial, direction="out")]
    assert ("denies", "out") in out
    incoming = store.linked(denial, type="contradicts", direction="in")
    assert incoming and all(way == "in" for _, way, _ in incoming)


def test_affiliation_chain_walks_up(store):
    chain = [a.name for a in store.affiliation_chain(store.resolve("Kim Inae").id)]
    assert chain[:2] == ["Unification Ministry", "South Korea"]
    members = {a.name for a in store.affiliates(store.resolve("South Korea").id)}
    assert "Unification Ministry" in members


def test_one_read_sees_one_state_and_catches_up_before_it(store):
    import claimnet.store as store_pkg

    denial = "st-kim-yo-jong-denies-weapons-exports"
    other = store_pkg.open_store(store.path)

    def read(one):
        before = [a.note for a in one.annotations_of(denial)]
        other.annotate(denial, note="written meanwhile")  # another session, mid-read
        return before, [a.note for a in one.annotations_of(denial)]

    other.annotate(denial, note="written before")
    before, after = store.one_read(read)
    assert before == after == ["written before"]  # caught up once, at the start, not midway
    assert [a.note for a in store.annotations_of(denial)] == ["written before", "written meanwhile"]
    other.close()
