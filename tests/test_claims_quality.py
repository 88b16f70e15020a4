"""Quality gate on the labelled development set (tests/data/claims/)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.eval_claims import evaluate, load_dev_set


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate()


def test_dev_set_is_labelled_and_loads() -> None:
    cases = load_dev_set()
    assert len(cases) >= 8
    kinds = {g.kind for _, gold in cases for g in gold}
    assert kinds == {"claim", "heading", "boilerplate", "comment"}


def test_no_page_furniture_or_comment_is_offered_as_a_claim(report: dict[str, Any]) -> None:
    assert report["non_claims_offered"] == []
    assert report["claim_precision"] == 1.0


def test_no_sentence_is_broken_inside_an_abbreviation(report: dict[str, Any]) -> None:
    assert report["abbreviation_breaks"] == []


def test_segmentation_and_claim_recall(report: dict[str, Any]) -> None:
    assert report["boundary_recall"] >= 0.97
    assert report["boundary_precision"] >= 0.97
    assert report["claim_recall"] >= 0.97
    assert report["claim_f1"] >= 0.98
