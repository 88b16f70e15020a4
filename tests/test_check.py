"""`crosscheck check FILE...`: every problem of a verdict or config file, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli.main import main
from tui.verdicts.checks import check_file

VERDICTS = Path(__file__).resolve().parent / "data" / "verdicts"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_good_verdict_file_has_no_problems() -> None:
    assert check_file(VERDICTS / "valid.toml") == []


def test_every_problem_of_a_verdict_file_is_listed(tmp_path: Path) -> None:
    text = (VERDICTS / "valid.toml").read_text(encoding="utf-8")
    text = text.replace('"corroborated"', '"maybe"').replace("start = 0", "start = -1")
    path = write(tmp_path, "v.toml", text)
    assert check_file(path) == [
        f"{path}:11:1: [[verdicts]] #1: start: expected a whole number of 0 or more, got -1",
        f"{path}:14:1: [[verdicts]] #1: status: unknown status 'maybe' "
        "(expected one of corroborated, disputed, unsourced, later)",
    ]


def test_config_problems_name_the_key_and_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "settings.toml",
        '[corpus]\npath = "seeds"\n\n[matching]\nmatch_threshold = 140\ncolour = 1\n'
        '\n[cache]\nenabled = "yes"\n\n[extra]\nx = 1\n',
    )
    assert check_file(path) == [
        f"{path}:11:1: unknown section or key 'extra' (known: app, cache, corpus, keys, matching, verdicts, web)",  # noqa: E501
        f"{path}:6:1: [matching] unknown key 'colour' (known: cluster_min_share, match_threshold, short_claim_words, short_match_threshold, short_suggestion_floor, suggestion_floor, suggestion_margin, wire_score, wire_share)",  # noqa: E501
        f"{path}:5:1: [matching] match_threshold: 140 is out of range (0 to 100)",
        f"{path}:9:1: [cache] enabled: expected true or false, got a string",
    ]


def test_the_repository_config_is_clean() -> None:
    assert check_file(Path(__file__).resolve().parent.parent / "config.toml") == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"version = 1\nreviewer = \xff\n", ":2:12: not UTF-8 text (byte 23)"),
        (b'title = "x"\n', ": neither a verdict file"),
        (b"version = [\n", ":2:1: invalid TOML"),
    ],
)
def test_unreadable_or_unknown_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = write(tmp_path, "f.toml", content)
    (problem,) = check_file(path)
    assert problem.startswith(f"{path}{expected}")


def test_a_missing_file(tmp_path: Path) -> None:
    assert check_file(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: no such file"]


def test_cli_exit_codes_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = VERDICTS / "valid.toml"
    assert main(["check", str(good)]) == 0
    out, err = capsys.readouterr()
    assert out == "ok: 1 file(s) checked, no problems\n" and err == ""

    bad = [VERDICTS / "newer_version.toml", VERDICTS / "duplicate_claim.toml"]
    assert main(["check", str(good), *map(str, bad)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{bad[0]}:1:1: written by a newer crosscheck (version 2); this one reads version 1",
        f"{bad[1]}:19:1: claim 'a:1' is listed twice among [[verdicts]] (first at line 5)",
    ]


def test_problems_are_listed_in_file_order(tmp_path: Path) -> None:
    """Whole-file problems first, then by line, as an editor walks them."""
    path = write(
        tmp_path,
        "v.toml",
        'version = 1\nreviewer = "x"\n[[verdicts]]\nclaim = "a:1"\narticle = "a"\n'
        'status = "maybe"\n',
    )
    problems = check_file(path)
    lines = [int(p.split(":")[1]) if p.split(":")[1].isdigit() else 0 for p in problems]
    assert len(problems) > 3 and lines == sorted(lines)
    assert problems[0] == f"{path}: missing key 'corpus'"
    assert "status 'maybe'" in problems[-1]
