"""A command that reads the verdict file, run where there is none: one line on stderr that
says how to name one (--verdicts FILE) or create one (the app), and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli.main import EXIT_FAIL, main


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["export", "--format", "md"], ["stats", "--verdicts", "elsewhere.toml"]],
)
def test_a_missing_verdict_file_names_the_way_out(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert (code, out, len(lines)) == (EXIT_FAIL, "", 1), err
    assert lines[0].startswith("crosscheck: ") and "no such verdict file" in lines[0]
    assert "--verdicts FILE" in lines[0]  # how to name another
    assert "opens the app, which creates it" in lines[0]
    assert not list(tmp_path.iterdir())  # a command that reads creates nothing


def test_merge_names_its_files_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """merge takes its files as arguments: no --verdicts hint there."""
    monkeypatch.chdir(tmp_path)
    code = main(["merge", "a.toml", "b.toml", "-o", "m.toml"])
    err = capsys.readouterr().err
    assert code == EXIT_FAIL and "a.toml: no such verdict file" in err
    assert "--verdicts" not in err
