"""A quotation inside a quotation is the inner speaker's statement too (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.extract_helpers import run, said


@pytest.mark.parametrize(
    ("text", "inner", "speaker"),
    [
        ('"My supervisor told me, \'You\'re at the bottom again, sort it out,\' and the next month I was '
         'moved to nights," said Ella Moss, a parking warden.', "You're at the bottom again, sort it out",
         "Ella Moss's supervisor"),
        ('"The site manager told us \'it is only mud, there is nothing to worry about\', and two days later '
         'the water was grey," said farmer Hernán Apaza.', "it is only mud, there is nothing to worry about",
         "site manager"),
        ("“My son phoned me at noon and said, ‘They are pointing rifles at us,’ and then the line went "
         "dead,” said Gulnara Toktosunova.", "They are pointing rifles at us", "Gulnara Toktosunova's son"),
    ],
)
def test_the_inner_quotation_is_its_speakers_statement_and_the_outer_stays_whole(
        text: str, inner: str, speaker: str) -> None:
    got = said(run(text))
    assert (speaker, "quote", inner) in got
    assert any(q and q.startswith(("My ", "The ")) and inner in q for _s, _m, q in got)  # the outer, whole


def test_a_document_quoted_inside_a_quotation_is_no_person() -> None:
    text = ("“We warned them in writing in March. The letter said, ‘the next failure will be national,’ and "
            "nobody answered,” said Hedi Bouzid, the union's secretary-general.")
    assert {speaker for speaker, _m, _q in said(run(text))} == {"Hedi Bouzid"}
