"""A denial told in a relative clause of its own speaker, the wire's 'X, which denies wrongdoing, …'
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import names, run

_ACCUSED = "Prosecutors accused {who} of {what}. "


@pytest.mark.parametrize(("text", "denier", "words"), [
    (_ACCUSED.format(who="the Interior Ministry", what="hiding the report")
     + "The ministry, which denies any wrongdoing, has appealed.\n",
     "Interior Ministry", "Denies any wrongdoing"),
    (_ACCUSED.format(who="Huawei", what="stealing secrets")
     + "Huawei, which has denied the allegations, said it would appeal.\n",
     "Huawei", "Denied the allegations"),
    (_ACCUSED.format(who="Huawei", what="stealing secrets")
     + "Huawei, which denies wrongdoing, did not comment.\n", "Huawei", "Denies wrongdoing"),
    (_ACCUSED.format(who="Jane Roe", what="fraud")
     + "Roe, who denies the charges, is due in court on Monday.\n", "Jane Roe", "Denies the charges"),
])
def test_a_denial_in_a_relative_clause_is_its_antecedents_and_ends_with_the_clause(
        text: str, denier: str, words: str) -> None:
    x = run(text)
    denials = [(names(x)[s["speaker"]], s["text"]) for s in x.statements if s["act"] == "denial"]
    assert denials == [(denier, words)]


def test_a_relative_clause_about_its_antecedent_is_no_statement() -> None:
    x = run("Pulsar, which says it has 3.2 million users in Portugal, said the fine was unlawful.\n")
    assert [s["text"] for s in x.statements] == ["The fine was unlawful"]
