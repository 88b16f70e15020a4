"""`crosscheck claims` segments only: no claim is matched, and its JSON document has no
`matches` or `clusters`. `match` runs the same segmenting stage and adds them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cache_support import entries
from tui.analysis import pipeline
from tui.cli.main import main
from tui.matching import clusters, matcher


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("claims must not match")


@pytest.fixture
def no_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way into matching raises: the pipeline's own name, the module's (the cache
    calls it through the module), and clustering."""
    monkeypatch.setattr(pipeline, "match_claims", _refuse)
    monkeypatch.setattr(matcher, "match_claims", _refuse)
    monkeypatch.setattr(matcher, "build_clusters", _refuse)
    monkeypatch.setattr(clusters, "build_clusters", _refuse)


def _claims_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["claims", "--format", "json", *args]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


@pytest.mark.usefixtures("no_matching")
def test_claims_json_has_no_matches_and_matches_nothing(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _claims_json(capsys, "--no-cache", str(seeds_dir))
    assert list(doc) == ["version", "articles", "claims"]
    assert doc["version"] == 1
    assert {a["id"] for a in doc["articles"]} == {c["article"] for c in doc["claims"]}
    assert any(c["kind"] == "claim" for c in doc["claims"])


@pytest.mark.usefixtures("no_matching")
def test_claims_table_matches_nothing(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--no-cache", str(seeds_dir)]) == 0
    assert "Units by article" in capsys.readouterr().out


@pytest.mark.usefixtures("no_matching")
def test_claims_with_the_cache_stores_units_and_no_matches(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "cache"
    config = tmp_path / "config.toml"
    config.write_text(f'[cache]\ndir = "{root.as_posix()}"\n', encoding="utf-8")
    cold = _claims_json(capsys, "--config", str(config), str(seeds_dir))
    stored = entries(root, "claims")
    assert len(stored) == len(cold["articles"])
    assert entries(root, "matches") == []
    assert _claims_json(capsys, "--config", str(config), str(seeds_dir)) == cold


def test_match_is_the_claims_document_with_matches_and_clusters(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = _claims_json(capsys, "--no-cache", str(seeds_dir))
    assert main(["match", "--format", "json", "--no-cache", str(seeds_dir)]) == 0
    match = json.loads(capsys.readouterr().out)
    assert list(match) == ["version", "articles", "claims", "matches", "clusters"]
    assert match["matches"] and match["clusters"]
    # The claims, each unit of kind `claim` with its suggested verdict added.
    for unit in match["claims"]:
        assert ("suggestion" in unit) == (unit["kind"] == "claim")
        unit.pop("suggestion", None)
    assert {k: match[k] for k in claims} == claims
