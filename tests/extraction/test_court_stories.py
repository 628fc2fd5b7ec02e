"""Who speaks in a court story: the judge named by title, 'the defence' and 'the prosecution' (sentences
written for these tests, not copied from the blind articles)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import speakers

_TRIAL = ("Ramon Cruz, the owner of a ferry firm, is on trial with his mechanic. Prosecutor Ana Reyes told "
          "the court he had ignored three warnings. His lawyer, Jose Dizon, denied that he had seen them. "
          "The mechanic, Ben Tan, told the court he had warned Cruz in writing. ")


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The defense argued that the photographs should be thrown out.", "Jose Dizon"),
    ("The defence argued that the driver, Noel Ruiz, who died in the crash, was speeding.", "Jose Dizon"),
    ("The prosecution said the logs had been altered.", "Ana Reyes"),
])
def test_the_defence_and_the_prosecution_are_the_lawyer_and_the_prosecutor_named_before(
        sentence: str, speaker: str) -> None:
    assert speakers(_TRIAL + sentence)[-1] == speaker


def test_a_judge_named_with_a_title_speaks_in_a_participle_after_her_own_verb() -> None:
    text = _TRIAL + "Judge Teresa Alcala refused, saying the police custody log was complete."
    assert speakers(text)[-1] == "Teresa Alcala"
    text = "Judge Teresa Alcala heard the case. " + _TRIAL + "The judge refused, saying the log was complete."
    assert speakers(text)[-1] == "Teresa Alcala"


@pytest.mark.parametrize("prosecution_lawyer", ["The prosecution lawyer, Lena Ortiz,",
                                                "Lena Ortiz, a lawyer for the prosecution,"])
def test_the_defence_is_never_a_lawyer_for_the_prosecution_named_since(prosecution_lawyer: str) -> None:
    text = _TRIAL + (f"{prosecution_lawyer} told the court the logs were forged. The defense argued that the "
                     "photographs should be thrown out.")
    assert speakers(text)[-1] == "Jose Dizon"


def test_without_a_lawyer_named_the_defence_is_nobody_named_in_the_story() -> None:
    text = "Ramon Cruz is on trial. The defense argued that the photographs should be thrown out."
    assert "Ramon Cruz" not in speakers(text)
