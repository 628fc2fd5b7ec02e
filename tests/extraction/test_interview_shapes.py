"""Quotation shapes of interviews and of copy from other languages' desks: answers printed after 'Q:' and
'A:', low opening marks closed high („…” and „…“), a quotation followed by its translation in brackets,
and an agency written in lower case in a dateline ('Gdansk (dpa) -'). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import names, run, said, speakers

_INTERVIEW = ("OSLO (Reuters) - Erik Lind, chief executive of Mwale Mines Plc, answered questions "
              "from Reuters on Tuesday.\n\nQ: Did the company sell any cargo below the market price?\n\n"
              "A: No. We sold every cargo at the benchmark price of the day.\n\n"
              "Q: Will Mwale Mines Plc pay the royalties the ministry says it owes?\n\n"
              "A: We will pay what a court orders us to pay, and not a kwacha more.\n")


def test_each_answer_of_an_interview_is_a_quotation_of_the_person_introduced_before_it() -> None:
    x = run(_INTERVIEW)
    assert said(x) == [
        ("Erik Lind", "quote", "No. We sold every cargo at the benchmark price of the day."),
        ("Erik Lind", "quote", "We will pay what a court orders us to pay, and not a kwacha more."),
    ]
    answer = next(s for s in x.statements if s["quote"].startswith("No."))
    assert _INTERVIEW[answer["span"][0] : answer["span"][1]] == answer["quote"]
    assert answer["cue"] == "A:"


def test_an_interview_introduced_by_a_speech_gives_its_answers_to_that_speaker() -> None:
    text = _INTERVIEW.replace("answered questions from Reuters on Tuesday.",
                              "said on Tuesday the audit had used the wrong month.")
    assert set(speakers(text)) == {"Erik Lind"}


def test_a_transcripts_capital_labels_ask_and_answer_and_the_answers_label_names_its_speaker() -> None:
    text = ("AQABA, Jordan (Reuters) - Rana Dabbagh, a trade ministry adviser, and the port's director, Omar "
            "Haddad, met reporters in Aqaba on Monday.\n\n"
            "REPORTER: The union says cargo sat for a week. Is that true?\n\n"
            "HADDAD: It is not. Every ship was unloaded within two days.\n\n"
            "REPORTER: Then why did the union count nine ships waiting?\n\n"
            "HADDAD: I don't know how they counted. Our logs are public.\n")
    x = run(text)
    assert said(x) == [("Omar Haddad", "quote", "It is not. Every ship was unloaded within two days."),
                       ("Omar Haddad", "quote", "I don't know how they counted. Our logs are public.")]
    assert [s["cue"] for s in x.statements] == ["HADDAD:", "HADDAD:"]  # the questions say nothing


def test_a_capital_label_of_the_page_or_a_place_after_an_interview_is_no_answer() -> None:
    qa = _INTERVIEW + "\nUPDATE: The ministry later said the royalties had been paid in full.\n"
    assert said(run(qa))[-1][0] == "ministry"
    text = ("BERLIN (Reuters) - Omar Haddad, the port's director, took questions on Monday.\n\nREPORTER: Is "
            "it safe?\n\nHADDAD: It is safe, and we check it every single hour.\n\nBERLIN: The city council "
            "said on Tuesday it would buy the stadium.\n")
    assert [who for who, _mode, _quote in said(run(text))] == ["Omar Haddad", "city council"]
    accented = text.replace("Omar Haddad", "Jonas Müller").replace("HADDAD:", "MÜLLER:")
    assert said(run(accented))[0][0] == "Jonas Müller"


def test_a_paragraph_opening_a_without_a_question_before_it_is_no_answer() -> None:
    text = "Erik Lind runs Mwale Mines Plc.\n\nA: grade copper is sold at a premium on the London exchange.\n"
    assert run(text).statements == []


def test_a_low_opening_mark_closes_with_either_high_mark() -> None:
    for close in ("”", "“"):
        text = (f"The agency's director, Anna Nowak, defended the contract.\n\n„They told me the concrete "
                f"was fine before pouring,{close} Nowak said on Friday.\n")
        assert said(run(text))[-1] == ("Anna Nowak", "quote", "They told me the concrete was fine before "
                                                               "pouring")


def test_a_quotation_and_its_translation_in_brackets_are_one_statement_told_twice() -> None:
    text = ("PORTO, Portugal (Reuters) - The hospital's director, Rui Brandão, rejected the nurses' "
            "account.\n\n«Não houve atraso nenhum.» (\"There was no delay at all.\"), Brandão told the local "
            "radio.\n")
    x = run(text)
    quoted = [s for s in x.statements if s["quote"]]
    assert len(quoted) == 1
    assert quoted[0]["quote"] == "Não houve atraso nenhum."
    assert [text[a:b] for a, b in quoted[0]["spans"]] == ["Não houve atraso nenhum.",
                                                        "There was no delay at all."]


def test_two_quotations_in_a_row_are_still_two_statements() -> None:
    text = ("The hospital's director, Rui Brandão, rejected the account. \"There was no delay,\" he said. "
            "\"We told every family the same day.\"\n")
    assert len([s for s in run(text).statements if s["quote"]]) == 2


def test_an_agency_in_lower_case_ends_a_dateline() -> None:
    x = run("Gdansk (dpa) - The agency's director, Anna Nowak, defended the contract.\n\n\"They told me the "
            "concrete was fine,\" Nowak said on Friday.\n")
    assert [(names(x)[s["speaker"]], s["text"]) for s in x.statements] == [
        ("Anna Nowak", "Defended the contract"), ("Anna Nowak", "They told me the concrete was fine")]


def test_the_interviewee_is_the_person_introduced_not_the_last_one_quoted_before() -> None:
    text = ("On Monday, Trade Minister Joyce Banda accused the refinery of hiding profits abroad, she "
            "told reporters.\n\nThe refinery's chief executive, Henrik Dahl, took questions at its plant "
            "on Tuesday.\n\nQ: Did you sell below the market price?\n\nA: \"No. We averaged $910 a "
            "tonne.\"\n")
    assert said(run(text))[-1] == ("Henrik Dahl", "quote", "No. We averaged $910 a tonne.")


def test_a_quotation_after_a_colon_is_the_words_of_the_actor_whose_verb_opens_it() -> None:
    text = ("Asked on local radio whether the notice had been late, Rui Brandão answered in Portuguese: «Não "
            "houve atraso nenhum.» (\"There was no delay at all.\")\n")
    x = run(text)
    assert said(x) == [("Rui Brandão", "quote", "Não houve atraso nenhum.")]
    assert [text[a:b] for a, b in x.statements[0]["spans"]] == ["Não houve atraso nenhum.",
                                                               "There was no delay at all."]
    blunt = run("The chief executive, Erik Lind, put it bluntly: \"We will not pay a cent.\"\n")
    assert said(blunt) == [("Erik Lind", "quote", "We will not pay a cent.")]


def test_a_place_before_a_colon_opens_no_ones_quotation() -> None:
    x = run("Protesters marched to the Ministry of Finance: \"We want our money back.\"\n")
    assert [names(x)[s["speaker"]] for s in x.statements] in ([], ["Protesters"])


def test_a_translation_a_verb_after_it_claims_takes_the_original_with_it() -> None:
    text = "«Não houve atraso nenhum.» (\"There was no delay at all.\"), Rui Brandão told the radio.\n"
    x = run(text)
    assert said(x) == [("Rui Brandão", "quote", "Não houve atraso nenhum.")]
    assert len(x.statements[0]["spans"]) == 2


def test_the_interviewee_is_the_person_whose_speech_introduces_the_questions() -> None:
    text = ("Erik Lind, who spoke to Reuters on Tuesday, said the audit was wrong. Mines Minister Joyce "
            "Banda was not available.\n\nQ: Will you pay?\n\nA: We will pay what a court orders.\n")
    assert said(run(text))[-1] == ("Erik Lind", "quote", "We will pay what a court orders.")


def test_an_explainer_in_the_papers_own_voice_is_nobodys_words() -> None:
    text = ("Trade Minister Joyce Banda said on Monday Mwale owed royalties.\n\nQ: What is a royalty?\n\n"
            "A: A fee a miner pays the state for what it digs.\n")
    assert said(run(text)) == [("Joyce Banda", "paraphrase", None)]


def test_an_answer_going_on_into_a_second_paragraph_keeps_its_interviewee() -> None:
    text = ("Erik Lind, the chief executive, took questions from reporters.\n\nQ: Will you pay?\n\n"
            "A: We will pay what a court orders.\n\nThat is the law, and Joyce Banda knows it.\n\n"
            "Q: And the miners?\n\nA: They will be paid in full.\n")
    assert [who for who, mode, _ in said(run(text)) if mode == "quote"] == ["Erik Lind", "Erik Lind"]


def test_an_answer_that_quotes_someone_is_still_one_quotation() -> None:
    text = ("Erik Lind took questions from reporters.\n\nQ: Any deal?\n\nA: We never said \"no deal\", we "
            "said \"not yet\" and we meant it.\n")
    assert said(run(text)) == [("Erik Lind", "quote",
                                "We never said \"no deal\", we said \"not yet\" and we meant it.")]


@pytest.mark.parametrize("text", [
    'Erik Lind faced a crowd that shouted: "Give us our wages."\n',
    'Erik Lind received a letter that read: "You are fired."\n',
    'Erik Lind walked past a banner reading: "Mwale lies."\n',
    'Erik Lind mocked Joyce Banda for saying: "We will never sell the mine."\n',
])
def test_words_after_a_colon_that_the_actor_did_not_say_are_nobodys(text: str) -> None:
    assert said(run(text)) == []
