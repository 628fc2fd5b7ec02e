"""Whose a quotation is: the name after it, the person just named, a paragraph left open running on to its
speaker, a role in plain words between them (split out of test_extract_who_speaks.py; sentences written
for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import actors_by_name, run, said


def test_a_single_quoted_quotation_then_said_and_a_name_is_that_persons() -> None:
    text = ("Relatives said on Tuesday that the owner had ignored warnings. 'They promised us a nurse on "
            "every night shift,' said Tom Reed, whose mother lives at the home.")
    assert said(run(text))[-1] == ("Tom Reed", "quote", "They promised us a nurse on every night shift")


def test_he_after_a_quotation_is_the_person_just_named_not_the_last_speaker() -> None:
    text = ("Rui Tavares, the agent, said the fee was standard.\n\nClub president Joaquim Serrano went "
            "further. «Nobody at this club has ever paid anyone,» he told reporters.")
    assert said(run(text))[-1][0] == "Joaquim Serrano"
    passing = ("U.S. District Judge Helen Ostrowski on Monday granted Cianova a restraining order. In the "
               "order, she wrote that Cianova had shown a likelihood of success.")
    assert said(run(passing))[-1][0] == "Helen Ostrowski"


def test_a_quotation_before_its_verb_stays_the_words_when_an_adding_clause_follows() -> None:
    x = run("The parents formed a group called Clean Playground Collective.\n\n« Domaine Castelbrune sprayed "
            "next to our children while they were playing », the collective said in a statement posted "
            "online, adding that one mother had filmed the tractor.")
    assert [s["text"][:19] for s in x.statements] == ["Domaine Castelbrune", "One mother had film"]
    assert actors_by_name(x)["Domaine Castelbrune"]["kind"] == "organisation"


@pytest.mark.parametrize(("after", "speaker"), [
    ("former minister Maria Lopez said.", "Maria Lopez"),
    ("ex-minister Maria Lopez said.", "Maria Lopez"),
    ("mission head Maria Lopez told reporters.", "Maria Lopez"),
    ("the head of the observer mission, former Ghanaian foreign minister Maria Lopez, told reporters.",
     "Maria Lopez"),
    ("the head of the mission said.", "head of the mission"),
])
def test_a_quotation_then_a_role_in_plain_words_then_the_speaker(after: str, speaker: str) -> None:
    x = run(f"The observers published their report on Monday.\n\n\"The figures are wrong,\" {after}")
    assert [(s, q) for s, _, q in said(x)] == [(speaker, "The figures are wrong")]


@pytest.mark.parametrize(("first", "second"), [('"', '"'), ("“", "”"), ("«", "»"), ("« ", " »")])
def test_a_quotation_in_any_marks_then_a_role_then_the_name_is_theirs(first: str, second: str) -> None:
    """A role word between a closing guillemet and the name ('«…,» union president Joana Ferraz told')
    no more hides the quotation than after a curly mark."""
    x = run(f"The growers accused the buyers of fixing prices.\n\n{first}The price was set in a back "
            f"room,{second} union president Joana Ferraz told a press conference in Porto. {first}Nobody "
            f"asked us.{second}")
    assert [(s, q) for s, _, q in said(x)][-2:] == [("Joana Ferraz", "The price was set in a back room"),
                                                    ("Joana Ferraz", "Nobody asked us.")]


@pytest.mark.parametrize(("first", "second"), [('"', '"'), ("“", "”")])
def test_a_quotation_left_open_at_a_paragraphs_end_runs_on_to_its_speaker(first: str, second: str) -> None:
    x = run("Kelso Mining chief executive Anna Berg met regulators on Monday.\n\n"
            f"{first}We followed every rule. The samples were taken in the wrong place.\n\n"
            f"{first}We will appeal the fine,{second} Berg said.")
    assert [(s, q) for s, _, q in said(x)] == [
        ("Anna Berg", "We followed every rule. The samples were taken in the wrong place."),
        ("Anna Berg", "We will appeal the fine")]


def test_a_quotation_left_open_keeps_the_speaker_named_in_its_paragraph() -> None:
    x = run('Diallo said the company had been warned. "We wrote to them twice and heard nothing.\n\n'
            '"The company acted within the law," Kelso Mining spokesman Tom Reed said.')
    assert [s for s, _, _ in said(x)] == ["Diallo", "Diallo", "Tom Reed"]


def test_quotations_running_on_over_three_paragraphs_chain_to_their_speaker() -> None:
    x = run('"A first point.\n\n"A second point.\n\n"A third point," said Amina Diallo.')
    assert [s for s, _, _ in said(x)] == ["Amina Diallo"] * 3
