"""Evidence links: what a figure, a sample or a document supports or contradicts. Sentences are written
for these tests (invented names), not copied from any test set (moved here from test_acts_and_links.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extraction.extract_helpers import names, run


def _links(x: Any) -> set[tuple[str, str, str]]:
    return {(ln["from"], ln["to"], ln["type"]) for ln in x.links}


def test_samples_a_side_released_are_its_evidence_and_back_its_accusation() -> None:
    text = (
        "Environmental group Tidewatch accused Morrow Aquafarms of dumping fish waste into the bay, "
        "releasing water samples that it said showed high ammonia levels."
    )
    x = run(text)
    who = names(x)
    (sample,) = [e for e in x.evidence if "samples" in e["text"]]
    assert sample["text"].lower() == "water samples"
    assert who.get(sample["reported_by"]) == "Tidewatch"
    accusation = next(s for s in x.statements if s["act"] == "accusation")
    assert (sample["id"], accusation["id"], "supports") in _links(x)

def test_two_sides_giving_different_counts_of_one_thing_contradict_each_other() -> None:
    text = ("The residents' group Riverwatch said 62 homes had been flooded when the Tarn dam overflowed.\n\n"
            "The regional water authority said only 19 homes had been flooded and that the dam had worked "
            "as designed.")
    x = run(text)
    label = {r["id"]: r["text"] for r in x.statements + x.evidence}
    contradictions = {(label[f], label[t]) for f, t, kind in _links(x) if kind == "contradicts"}
    assert contradictions == {
        ("Only 19 homes had been flooded", "62 homes had been flooded when the Tarn dam overflowed"),
        ("62 homes", "Only 19 homes had been flooded"),
        ("Only 19 homes", "62 homes had been flooded when the Tarn dam overflowed"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # the same side's two figures
        "Riverwatch said 62 homes had been flooded. Riverwatch said 40 homes had been flooded by noon.",
        # sums of money and shares measure too many things to say two of them disagree
        "Riverwatch said the authority paid its directors 2 million euros. "
        "The authority said it paid 5 million euros for the directors' pensions.",
        "Riverwatch said turnout at the hearing was 12%. The authority said turnout at the vote was 78%.",
        # the same amount told by both sides, or amounts of different things
        "Riverwatch said 62 homes had been flooded. The authority said 62 homes had been flooded.",
        "Riverwatch said 62 homes had been flooded. The authority said 19 roads had been flooded.",
    ],
)
def test_figures_that_do_not_disagree_about_one_measure_are_no_contradiction(text: str) -> None:
    assert not [ln for ln in run(text).links if ln["type"] == "contradicts"]

def test_a_document_supports_the_claims_its_author_tells_through_it() -> None:
    text = ("According to a 38-page audit by the Office of the City Auditor, the billing software multiplied "
            "readings from older meters. Tesseract Metering denied any fault.\n\n"
            "The audit said 6,200 households had paid more than they owed.")
    got = run(text)
    audit = next(e for e in got.evidence if e["kind"] == "document")
    told = next(s for s in got.statements if s["text"].startswith("6,200 households"))
    assert any(ln["from"] == audit["id"] and ln["to"] == told["id"] and ln["type"] == "supports"
               for ln in got.links), got.links
    denial = next(s for s in got.statements if s["act"] == "denial")
    assert not any(ln["from"] == audit["id"] and ln["to"] == denial["id"] and ln["type"] == "supports"
                   for ln in got.links)


def test_evidence_backing_what_a_denial_denies_contradicts_the_denial() -> None:
    text = (
        "Reporting.\n\nThe Upper Austria Audit Office said Sonnwend Care was paid for 41 nursing posts it "
        "never filled.\n\nSonnwend Care denied the findings, calling the audit \"a fiction\"."
    )
    x = run(text)
    (posts,) = [e for e in x.evidence if "41 nursing posts" in e["text"]]
    denials = [s for s in x.statements if s["act"] == "denial"]
    assert denials
    for denial in denials:
        denied = {ln["to"] for ln in x.links if ln["from"] == denial["id"] and ln["type"] == "denies"}
        assert denied and all((posts["id"], d, "supports") in _links(x) for d in denied)
        assert (posts["id"], denial["id"], "contradicts") in _links(x)
