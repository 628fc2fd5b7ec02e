"""Findings set out as a bulleted list after 'found that:' (listed.py). Sentences written for these tests."""

from __future__ import annotations

from tests.extraction.extract_helpers import run, said

_AUDIT = ("NAIROBI (Reuters) - The audit by the National Audit Office, which\nwas published on Monday, "
          "found that:\n\n- 42 schools in Turkana county received no deliveries at all in\n  March;\n"
          "- invoices for 1,200 tonnes of maize had no delivery notes, and\n  the supplier was paid "
          "twice.\n\nThe supplier, Mavuno Foods, denied any wrongdoing and said the\naudit was wrong.\n")


def test_each_bulleted_finding_is_a_statement_of_who_found_it_and_the_colon_alone_is_none() -> None:
    x = run(_AUDIT)
    assert said(x)[:2] == [
        ("National Audit Office", "paraphrase", None),
        ("National Audit Office", "paraphrase", None),
    ]
    found = [s for s in x.statements if s["cue"] == "found"]
    assert [_AUDIT[a:b] for a, b in (s["span"] for s in found)] == [
        "42 schools in Turkana county received no deliveries at all in\n  March",
        "invoices for 1,200 tonnes of maize had no delivery notes, and\n  the supplier was paid twice",
    ]
    assert not any(s["text"].lower().startswith("found that") for s in x.statements)


def test_a_speech_with_words_of_its_own_keeps_them_and_gains_the_list() -> None:
    text = ("Mavuno Foods said the audit was wrong, adding:\n• every tonne was delivered\n"
            "• the notes were lost in a fire\n")
    assert [s["text"] for s in run(text).statements] == [
        "The audit was wrong", "Every tonne was delivered", "The notes were lost in a fire"]


def test_a_list_opened_by_a_few_words_after_the_speech_is_still_the_speakers() -> None:
    text = ("In a 40-page report, the Water Safety Board (WSB) said the Rio Seco dam was leaking. Its main "
            "findings:\n\n• Seepage reached 300 litres a second in\n  October.\n• The operator did not "
            "report the rise.\n\nThe operator said the seepage was normal.\n")
    x = run(text)
    assert [(who, s["text"]) for (who, _m, _q), s in zip(said(x), x.statements, strict=True)][:3] == [
        ("Water Safety Board", "The Rio Seco dam was leaking"),
        ("Water Safety Board", "Seepage reached 300 litres a second in October"),
        ("Water Safety Board", "The operator did not report the rise"),
    ]
    assert "Rio Seco" not in {a["name"] for a in x.actors}  # a dam's name, never 'the operator'
    for opening in ("What we know so far:", "Not everyone agrees:"):  # the reporter's, pointing at nobody
        told = run(text.replace("Its main findings:", opening))
        assert not [s for s in told.statements if s["text"].startswith(("Seepage", "The operator did"))]


def test_bulleted_lines_that_no_speech_hands_over_say_nothing() -> None:
    text = ("Schools in the county:\n\n- 42 received no deliveries in March;\n- 11 closed their kitchens.\n\n"
            "The ministry said it would review the contract.\n")
    assert [s["text"] for s in run(text).statements] == ["It would review the contract"]


def test_an_empty_item_a_one_word_item_and_a_bullet_ending_the_text_add_nothing() -> None:
    text = ("The audit by the National Audit Office found that:\n\n- 42 schools closed.\n- \n- Nairobi\n"
            "- 11 kitchens shut.\n-")
    assert [s["text"] for s in run(text).statements] == ["42 schools closed", "11 kitchens shut"]


def test_a_short_item_never_reaches_back_to_the_verb_before_the_list() -> None:
    text = "Mwale said on Tuesday:\n\n- Prices fell.\n\n- Sales rose.\n"
    x = run(text)
    assert [text[a:b] for a, b in (s["span"] for s in x.statements)] == ["Prices fell", "Sales rose"]
