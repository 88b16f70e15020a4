"""`crosscheck match --format table`: one tier at a time, wire copies hidden unless asked,
the table cut to the terminal's width."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import EXIT_OK, EXIT_USAGE, main

WIRE_STORY = [
    "Floodwater swept through the lower town of Marlow on Tuesday night, forcing about 2,000 "
    "residents from their homes, the regional emergency service said.",
    "Rescue crews in inflatable boats worked through the night to reach families stranded on "
    "rooftops along the Tamsin river.",
    "The river peaked at 6.2 metres shortly after midnight, the highest level since records "
    "began in 1921, according to the national weather office.",
    "The mayor of Marlow, Elena Fischer, said the town's flood barriers had held in the upper "
    "districts but were overtopped near the old bridge.",
]


def _article(headline: str, sentences: list[str], byline: str) -> str:
    return f"{headline}\n\n{byline}\n\n" + "\n\n".join(sentences) + "\n"


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two papers carrying one wire story word for word, and a third outlet's own report."""
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "story"
    corpus.mkdir()
    (corpus / "courier.txt").write_text(
        _article("Floods hit Marlow", WIRE_STORY, "By Ana Lima, Valley Courier"), "utf-8"
    )
    (corpus / "gazette.txt").write_text(
        _article("Marlow flooded overnight", WIRE_STORY, "By Ana Lima, Northern Gazette"), "utf-8"
    )
    own = [
        "About 2,000 people were forced from their homes in Marlow on Tuesday night as "
        "floodwater swept through the lower town, emergency services said.",
        "Officials said the river reached 6.2 metres, the highest level since records began.",
        "Shops near the old bridge remained closed on Wednesday as volunteers cleared mud.",
    ]
    (corpus / "radio.txt").write_text(
        _article("Thousands leave homes in Marlow", own, "By Tom Reed, Coast Radio News"), "utf-8"
    )
    return corpus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _pairs(capsys: pytest.CaptureFixture[str], corpus: Path) -> list[dict[str, Any]]:
    code, out, _ = run(capsys, "match", "--no-cache", "--format", "json", str(corpus))
    assert code == EXIT_OK
    pairs: list[dict[str, Any]] = json.loads(out)["matches"]
    return pairs


def test_wire_copies_are_hidden_unless_asked(
    story: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    matches = _pairs(capsys, story)
    wire = [
        m for m in matches if {m["a"].split(":")[0], m["b"].split(":")[0]} == {"courier", "gazette"}
    ]
    assert len(wire) >= len(WIRE_STORY)  # the copies match sentence for sentence
    code, out, err = run(capsys, "match", "--no-cache", str(story))
    assert (code, err) == (EXIT_OK, "")
    rows = [line for line in out.splitlines() if "courier" in line or "gazette" in line]
    assert not any("courier" in line and "gazette" in line for line in rows)
    assert f"{len(wire)} pairs between wire copies of one story hidden (--wire shows them)" in out
    assert "radio" in out  # the other outlet's matches stay
    code, shown, _ = run(capsys, "match", "--no-cache", "--wire", str(story))
    assert code == EXIT_OK and "hidden" not in shown
    assert any("courier" in line and "gazette" in line for line in shown.splitlines())


@pytest.mark.parametrize(("tier", "title"), [("match", "Matches"), ("suggestion", "Suggestions")])
def test_one_tier(
    seeds_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tier: str,
    title: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    matches = _pairs(capsys, seeds_dir)
    code, out, _ = run(capsys, "match", "--no-cache", "--tier", tier, str(seeds_dir))
    assert code == EXIT_OK
    assert title in out.splitlines()[0]
    cells = [line.split("│") for line in out.splitlines() if line.startswith("│")]
    scores = sorted(int(cell[1]) for cell in cells if cell[1].strip())
    expected = sorted(round(m["score"]) for m in matches if m["tier"] == tier)
    assert expected and scores == expected
    assert "tier" not in out.splitlines()[2]  # one tier: no tier column


def test_both_tiers_by_default(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "match", "--no-cache", str(story))
    assert code == EXIT_OK and "tier" in out and "Claims shared across articles" in out


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_table_fits_the_terminal_and_cuts_claims_with_an_ellipsis(
    story: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run(capsys, "match", "--no-cache", "--wire", str(story))
    assert code == EXIT_OK
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert any(line.rstrip(" │").endswith("…") for line in lines)
    # Each claim keeps one line: no claim wraps onto a second row of text.
    assert not any("residents from their homes" in line for line in lines)


def test_tier_and_wire_are_for_the_table(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for extra in (["--tier", "match"], ["--wire"]):
        code, out, err = run(capsys, "match", "--format", "json", *extra, str(story))
        assert (code, out) == (EXIT_USAGE, "")
        assert "not with --format json" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "match", "--tier", "related", str(story))
    assert code == EXIT_USAGE and "invalid choice" in err
