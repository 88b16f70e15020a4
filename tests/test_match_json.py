"""`crosscheck match --format json` carries each claim's suggested verdict: the app's own
`suggest`, with the evidence it rests on (tui.review.match_json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.analysis.pipeline import Analysis, analyse, to_json_document
from tui.config import MatchSettings
from tui.review.match_json import match_document, suggestion_json
from tui.review.sources import sources_of
from tui.review.suggestions import suggest

SETTINGS = MatchSettings()


@pytest.fixture(scope="module")
def seeds() -> Analysis:
    return analyse([Path(__file__).resolve().parent.parent / "seeds"], SETTINGS)


def test_every_claim_and_only_claims_carry_the_apps_suggestion(seeds: Analysis) -> None:
    doc = match_document(seeds, SETTINGS)
    sources = sources_of(seeds, SETTINGS)
    claims = [c for c in doc["claims"] if c["kind"] == "claim"]
    assert claims and all("suggestion" not in c for c in doc["claims"] if c["kind"] != "claim")
    for item in claims:
        assert item["suggestion"] == suggestion_json(suggest(seeds, item["id"], sources))
    verdicts = {c["suggestion"]["verdict"] for c in claims}
    assert {"corroborated", "unsourced"} <= verdicts, "the seeds exercise several rules"


def test_the_rest_of_the_document_is_the_analysis_layers(seeds: Analysis) -> None:
    doc = match_document(seeds, SETTINGS)
    for item in doc["claims"]:
        item.pop("suggestion", None)
    assert doc == to_json_document(seeds)


def test_evidence_names_pairs_of_the_document(seeds: Analysis) -> None:
    doc = match_document(seeds, SETTINGS)
    pairs = {(m["a"], m["b"]): m for m in doc["matches"]}
    seen = 0
    for item in doc["claims"]:
        suggestion = item.get("suggestion")
        if suggestion is None:
            continue
        assert suggestion["reason"]
        for e in suggestion["evidence"]:
            pair = pairs[min(item["id"], e["claim"]), max(item["id"], e["claim"])]
            assert (e["tier"], e["score"], e["conflicts"]) == (
                pair["tier"],
                pair["score"],
                pair["conflicts"],
            )
            seen += 1
        if suggestion["verdict"] == "corroborated":
            assert suggestion["evidence"], "a corroboration names its matches"
            assert {e["tier"] for e in suggestion["evidence"]} == {"match"}
        if suggestion["verdict"] == "disputed":
            assert all(e["conflicts"] for e in suggestion["evidence"])
    assert seen
