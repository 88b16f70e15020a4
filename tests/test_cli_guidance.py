"""What the command line says when the words do not plainly ask for something it can do:
a mistyped command, or the app with no corpus to open."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.cli.guidance import mistyped_command, shown_path
from tui.cli.main import EXIT_FAIL, EXIT_USAGE, HANDLERS, main
from tui.config import Config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder: no config, no seeds, no verdict file."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("word", "meant"),
    [("stat", "stats"), ("mach", "match"), ("exprot", "export"), ("claim", "claims")],
)
def test_a_mistyped_command_exits_2_with_the_command_it_is_close_to(
    elsewhere: Path, capsys: pytest.CaptureFixture[str], word: str, meant: str
) -> None:
    code, out, err = run(capsys, word)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith("usage: crosscheck")
    assert err.splitlines()[-1] == (
        f"crosscheck: '{word}' is not a command or a file (did you mean: {meant}?)"
    )
    assert "no such file" not in err


def test_a_path_that_exists_is_still_opened_as_a_path(
    elsewhere: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (elsewhere / "stat").mkdir()
    (elsewhere / "stat" / "a.txt").write_text("Rain fell for three days.\n", encoding="utf-8")
    opened: list[list[Path]] = []

    def fake_run_app(config, paths, verdicts):  # type: ignore[no-untyped-def]
        opened.append(list(paths))
        return 0

    monkeypatch.setattr("tui.app.app.run_app", fake_run_app)
    code, _, err = run(capsys, "stat")
    assert (code, err) == (0, "")
    assert opened == [[Path("stat")]]


def test_a_word_close_to_no_command_is_a_missing_path_as_before(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "kursk-story")
    assert code == EXIT_FAIL
    assert "kursk-story: no such file or folder" in err


@pytest.mark.parametrize("word", ["seeds", "./stat", "stat.txt", "--stat", "stats"])
def test_paths_options_and_commands_are_not_slips(elsewhere: Path, word: str) -> None:
    assert mistyped_command(word, HANDLERS) is None


def test_no_path_and_no_corpus_prints_usage_and_exits_2(
    elsewhere: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_open(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the app was started without a corpus")

    monkeypatch.setattr("tui.app.app.run_app", must_not_open)
    code, out, err = run(capsys)
    assert (code, out) == (EXIT_USAGE, "")
    lines = err.splitlines()
    assert lines[0].startswith("usage: crosscheck")
    assert lines[-1] == "crosscheck: no corpus at ./seeds; give a folder of articles"


def test_no_path_with_the_corpus_present_opens_the_app(
    elsewhere: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (elsewhere / "seeds").mkdir()
    (elsewhere / "seeds" / "a.txt").write_text("Rain fell for three days.\n", encoding="utf-8")
    opened: list[list[Path]] = []

    def run_app(config: Config, paths: Sequence[Path], verdicts: Path | None = None) -> int:
        opened.append(list(paths))
        return 0

    monkeypatch.setattr("tui.app.app.run_app", run_app)
    assert run(capsys)[0] == 0
    assert [p.name for p in opened[0]] == ["seeds"]


def test_shown_path(tmp_path: Path) -> None:
    assert shown_path(tmp_path / "seeds", cwd=tmp_path) == "./seeds"
    assert shown_path(tmp_path, cwd=tmp_path / "sub") == str(tmp_path)
