"""Property tests: any sequence of changes persists exactly, and undoing them all restores the start."""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimnet.store as store_pkg
from claimnet.store import StoreError, model
from claimnet.store.model.textnorm import fold, normalise

AWKWARD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda s: s.strip())

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("create_actor"), AWKWARD_TEXT),
        st.tuples(st.just("rename"), AWKWARD_TEXT),
        st.tuples(st.just("annotate"), AWKWARD_TEXT),
        st.tuples(st.just("grade"), st.integers(min_value=0, max_value=8)),
        st.tuples(st.just("delete_last"), st.none()),
        st.tuples(st.just("undo"), st.none()),
        st.tuples(st.just("redo"), st.none()),
    ),
    max_size=25,
)


def _snapshot(opened: store_pkg.Store) -> dict:
    return {t: {r.id: r.to_dict() for r in opened.all(t)} for t in model.RECORD_TABLES}


def _apply(opened: store_pkg.Store, op: str, value, made: list[str]) -> None:
    try:
        if op == "create_actor":
            made.append(opened.create("actor", name=value).id)
        elif op == "rename":
            opened.update("act-russia", name=value)
        elif op == "annotate":
            opened.annotate("st-kim-yo-jong-denies-weapons-exports", note=value, tags=["t"])
        elif op == "grade":
            opened.annotate("st-kim-yo-jong-denies-weapons-exports", credibility=value)
        elif op == "delete_last" and made:
            opened.delete(made.pop(), cascade=True)
        elif op == "undo":
            opened.undo()
        elif op == "redo":
            opened.redo()
    except StoreError:
        pass  # refused changes (bad grade, nothing to undo, record gone) must leave no trace


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_changes_persist_exactly_and_undo_all_restores_the_start(ops):
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/p.json"
        opened = store_pkg.open_store(path, analyst="prop")
        start = _snapshot(opened)
        made: list[str] = []
        for op, value in ops:
            _apply(opened, op, value, made)
        state = _snapshot(opened)
        again = store_pkg.open_store(path)  # journal replay
        assert _snapshot(again) == state
        again.close()
        opened.close()  # fold
        folded = store_pkg.open_store(path)
        assert _snapshot(folded) == state
        while True:
            try:
                folded.undo()
            except StoreError:
                break
        assert _snapshot(folded) == start
        folded.close()


@given(AWKWARD_TEXT)
def test_every_name_is_found_by_search_and_resolve(name):
    with tempfile.TemporaryDirectory() as folder:
        opened = store_pkg.open_store(f"{folder}/s.json", network={"format": "claimnet-network",
                                                                    "version": 1})
        actor = opened.create("actor", name=name)
        if normalise(name):
            assert opened.resolve(name).id == actor.id
        if any(ch.isalnum() for ch in fold(name)):
            assert actor.id in [hit.id for hit in opened.search(name)]
        opened.close()
