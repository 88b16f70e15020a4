"""Quality gate: the matcher on the labelled development set and the held-out set
(tests/data/matching: pairs.toml may be tuned on, heldout.toml never)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.eval_matching import HELDOUT, evaluate


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return evaluate()


@pytest.fixture(scope="module")
def heldout() -> dict[str, Any]:
    return evaluate(path=HELDOUT)


def test_every_labelled_pair_is_judged(result: dict[str, Any], heldout: dict[str, Any]) -> None:
    assert result["pairs"] + result["skipped"] >= 98
    assert heldout["pairs"] + heldout["skipped"] >= 50
    assert result["skipped"] + heldout["skipped"] <= 4


def test_no_regression_below_the_measured_level(
    result: dict[str, Any], heldout: dict[str, Any]
) -> None:
    # Measured with the default settings (set-overlap score on lemmatised, stemmed words
    # plus the shared-figure bonus): development P 0.70 R 0.43 F1 0.54, held-out P 0.77
    # R 0.61 F1 0.68.
    assert result["precision"] >= 0.67
    assert result["f1"] >= 0.52
    assert heldout["precision"] >= 0.74
    assert heldout["f1"] >= 0.66


@pytest.mark.xfail(
    strict=True,
    reason="issue 2 target F1 >= 0.80 not reached (development 0.54, held-out 0.68): the "
    "missed pairs are paraphrases with few words in common and the false matches share "
    "most words but not the predicate, beyond lexical matching",
)
def test_f1_reaches_the_target(result: dict[str, Any], heldout: dict[str, Any]) -> None:
    assert result["f1"] >= 0.80
    assert heldout["f1"] >= 0.80
