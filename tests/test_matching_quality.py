"""Quality gate: the matcher on the labelled development set (tests/data/matching)."""

from __future__ import annotations

import pytest

from tests.eval_matching import evaluate


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate()


def test_every_labelled_pair_is_judged(result: dict) -> None:
    assert result["pairs"] + result["skipped"] >= 40
    assert result["skipped"] <= 4


def test_no_regression_below_the_measured_level(result: dict) -> None:
    # Measured with the default settings of the set-overlap scorer: P 0.87, R 0.52, F1 0.65.
    assert result["precision"] >= 0.85
    assert result["f1"] >= 0.65


@pytest.mark.xfail(
    strict=True,
    reason="issue 2 target F1 >= 0.80 not reached (0.65): most missed pairs are paraphrases "
    "with few words in common, beyond lexical matching",
)
def test_f1_reaches_the_target(result: dict) -> None:
    assert result["f1"] >= 0.80
