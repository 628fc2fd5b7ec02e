"""The pooled first measurements re-run each blind set on the rules of its first score, never today's."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.extraction import unseen


@pytest.mark.slow
def test_a_first_measurement_is_scored_on_the_rules_of_its_commit() -> None:
    with tempfile.TemporaryDirectory() as work:
        got = unseen.first_measurement("blind12", "6801e03", Path(work)).metrics()
    # blind-12's README: actor F1 0.76, speaker 0.89, link F1 0.23 on 6801e03 (today's rules score higher)
    first = tuple(round(got[metric], 2) for metric in ("actor_f1", "speaker_acc", "ln_f1"))
    assert first == (0.76, 0.89, 0.23)
