"""The headless CLI through its console entry point: output, schema, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.fixture_types import WriteCorpus
from tui import __version__

CROSSCHECK = Path(sys.executable).parent / "crosscheck"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CROSSCHECK), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_version_and_help() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"crosscheck {__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    for command in ("open", "claims", "match"):
        assert command in helped.stdout


def test_python_dash_m_does_the_same() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0
    assert out.stdout.strip() == f"crosscheck {__version__}"


@pytest.fixture(scope="module")
def match_json() -> dict[str, Any]:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = run("match", seeds, "--format", "json")
    assert out.returncode == 0, out.stderr
    doc: dict[str, Any] = json.loads(out.stdout)  # exactly one JSON document, nothing else
    return doc


def test_match_json_schema(match_json: dict[str, Any]) -> None:
    doc = match_json
    assert doc["version"] == 1
    assert set(doc) >= {"version", "articles", "claims", "matches", "clusters"}
    for a in doc["articles"]:
        assert {"id", "path", "title", "sha256"} <= set(a)
        assert len(a["sha256"]) == 64
    kinds = {"claim", "heading", "boilerplate", "comment"}
    ids = set()
    for c in doc["claims"]:
        assert {"id", "article", "text", "start", "end", "kind", "numbers", "attribution"} <= set(c)
        assert c["kind"] in kinds
        assert ("suggestion" in c) == (c["kind"] == "claim")
        assert isinstance(c["start"], int) and isinstance(c["end"], int)
        ids.add(c["id"])
    assert len(ids) == len(doc["claims"])
    for m in doc["matches"]:
        assert {"a", "b", "score", "tier", "conflicts"} <= set(m)
        assert m["a"] in ids and m["b"] in ids and m["a"] < m["b"]
        assert m["tier"] in {"match", "suggestion"}
        assert 0 <= m["score"] <= 100
    for cl in doc["clusters"]:
        assert set(cl["claims"]) <= ids and len(cl["claims"]) >= 2


def test_json_offsets_slice_the_article_text(match_json: dict[str, Any]) -> None:
    texts = {
        a["id"]: Path(a["path"]).read_text(encoding="utf-8-sig") for a in match_json["articles"]
    }
    for c in match_json["claims"]:
        assert texts[c["article"]][c["start"] : c["end"]] == c["text"]


def test_json_output_is_deterministic(seeds_dir: Path) -> None:
    first = run("claims", seeds_dir, "--format", "json")
    second = run("claims", seeds_dir, "--format", "json")
    assert first.returncode == 0
    assert first.stdout == second.stdout


def test_tables_render(seeds_dir: Path) -> None:
    claims = run("claims", seeds_dir)
    assert claims.returncode == 0
    assert "claim" in claims.stdout
    match = run("match", seeds_dir, "--threshold", "60")
    assert match.returncode == 0
    assert "score" in match.stdout


def assert_one_line_error(out: subprocess.CompletedProcess[str], code: int, fragment: str) -> None:
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    assert fragment in out.stderr, out.stderr
    assert out.stdout == ""


def test_missing_path(tmp_path: Path) -> None:
    out = run("match", tmp_path / "nope", "--format", "json")
    assert_one_line_error(out, 1, "no such file or folder")


def test_empty_folder(tmp_path: Path) -> None:
    out = run("claims", tmp_path)
    assert_one_line_error(out, 1, "no articles could be loaded")


def test_folder_of_binary_files(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"a.txt": b"\x00\x01\x02binary", "b.md": b"\x7fELF\x00\x00"})
    out = run("match", root)
    assert_one_line_error(out, 1, "binary")


def test_non_utf8_file_loads_with_a_warning(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"old.txt": "Ministers met in Zürich on Monday.".encode("latin-1")})
    out = run("claims", root, "--format", "json")
    assert out.returncode == 0
    assert "not UTF-8" in out.stderr
    doc = json.loads(out.stdout)
    assert doc["claims"][0]["text"].startswith("Ministers met in Zürich")


def test_usage_errors_exit_2(seeds_dir: Path) -> None:
    assert_one_line_error(run("match", seeds_dir, "--threshold", "150"), 2, "out of range")
    assert_one_line_error(run("match", seeds_dir, "--format", "xml"), 2, "invalid choice")


def test_bad_config_file_is_reported(tmp_path: Path, seeds_dir: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[matching\n")
    out = run("match", seeds_dir, "--config", bad)
    assert_one_line_error(out, 1, "invalid TOML")


PARAGRAPH = (
    "Officials said on Tuesday that 1,200 workers had returned to the plant. "
    "The union disputed the figure and said fewer than 900 had come back. "
)


def write_big(path: Path, megabytes: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(megabytes * 1024 * 1024 // len(PARAGRAPH) + 1):
            f.write(f"Report {i}. " + PARAGRAPH + "\n")
    assert path.stat().st_size >= megabytes * 1024 * 1024
    return path


def test_20_mb_file_loads_not_skipped(tmp_path: Path) -> None:
    from tui.corpus.articles import load_corpus

    said: list[str] = []
    corpus = load_corpus([write_big(tmp_path / "big.txt", 20)], said.append)
    assert [a.id for a in corpus.articles] == ["big"]
    assert len(corpus.articles[0].text) >= 20 * 1024 * 1024
    assert any("large file" in s for s in said)


def test_big_text_file_runs_end_to_end_with_progress(tmp_path: Path) -> None:
    big = write_big(tmp_path / "big.txt", 6)
    out = run("claims", big, "--format", "json")
    assert out.returncode == 0, out.stderr[-500:]
    assert "large file" in out.stderr
    assert json.loads(out.stdout)["articles"][0]["id"] == "big"
