"""A verdict file is opened over the corpus it records (review finding: the app opened the
configured corpus instead, and new decisions went into another story's file)."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.config import Config
from tui.verdicts.corpus_link import WorkspaceError, review_paths
from tui.verdicts.store import VerdictStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def verdict_file(path: Path, corpus: Path) -> Path:
    """An empty verdict file recording `corpus`, as the app writes it."""
    with VerdictStore.open(path, reviewer="alice", corpus=corpus) as store:
        store.save(store.verdict_set)
    return path


@pytest.fixture
def two_corpora(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "story-a", tmp_path / "story-b"
    a.mkdir()
    b.mkdir()
    (a / "one.txt").write_text("Floods closed the port on Monday.\n", encoding="utf-8")
    (b / "two.txt").write_text("The mayor resigned on Friday.\n", encoding="utf-8")
    return a, b


def test_without_paths_the_recorded_corpus_is_opened(
    tmp_path: Path, two_corpora: tuple[Path, Path]
) -> None:
    a, b = two_corpora
    (tmp_path / "desk").mkdir()
    v = verdict_file(tmp_path / "desk" / "v.toml", a)
    assert review_paths(v, [], configured=b) == ([a.resolve()], None)


def test_new_files_and_files_without_a_corpus_take_what_is_given(
    tmp_path: Path, two_corpora: tuple[Path, Path]
) -> None:
    a, b = two_corpora
    assert review_paths(tmp_path / "new.toml", [], configured=b) == ([b], None)
    assert review_paths(tmp_path / "new.toml", [a], configured=b) == ([a], None)
    bare = tmp_path / "bare.toml"
    bare.write_text('version = 1\nreviewer = "alice"\ncorpus = ""\n', encoding="utf-8")
    assert review_paths(bare, [a], configured=b) == ([a], None)


def test_the_recorded_corpus_or_files_in_it_are_accepted(
    tmp_path: Path, two_corpora: tuple[Path, Path]
) -> None:
    a, b = two_corpora
    v = verdict_file(tmp_path / "v.toml", a)
    assert review_paths(v, [a], configured=b) == ([a], None)
    assert review_paths(v, [a / "one.txt"], configured=b) == ([a / "one.txt"], None)


def test_another_existing_corpus_is_refused(tmp_path: Path, two_corpora: tuple[Path, Path]) -> None:
    a, b = two_corpora
    v = verdict_file(tmp_path / "v.toml", a)
    with pytest.raises(WorkspaceError, match=r"holds decisions on .*story-a, not .*story-b"):
        review_paths(v, [b], configured=b)


def test_a_moved_corpus_is_followed(tmp_path: Path, two_corpora: tuple[Path, Path]) -> None:
    a, b = two_corpora
    v = verdict_file(tmp_path / "v.toml", a)
    moved = Path(shutil.move(a, tmp_path / "story-a-moved"))
    with pytest.raises(WorkspaceError, match=r"not there; give the articles. folder as PATH"):
        review_paths(v, [], configured=b)
    paths, note = review_paths(v, [moved], configured=b)
    assert paths == [moved] and note is not None and "re-anchored" in note

    from tui.app.app import build_app
    from tui.config import Config

    app = build_app(Config(corpus=b, reviewer="alice"), [moved], v)
    try:
        app.store.save(app.store.verdict_set)
    finally:
        app.store.close()
    assert tomllib.loads(v.read_text(encoding="utf-8"))["corpus"] == "story-a-moved"


def test_the_command_refuses_before_the_app_starts(
    tmp_path: Path,
    two_corpora: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import tui.app.app

    a, b = two_corpora
    v = verdict_file(tmp_path / "v.toml", a)
    opened: list[list[Path]] = []

    def run_app(config: Config, paths: Sequence[Path], verdicts: Path | None = None) -> int:
        opened.append(list(paths))
        return 0

    monkeypatch.setattr(tui.app.app, "run_app", run_app)
    monkeypatch.chdir(tmp_path)  # no config.toml here: the built-in defaults (corpus "seeds")

    assert main(["--verdicts", str(v), str(b)]) == 1
    assert "holds decisions on" in capsys.readouterr().err and not opened
    assert main(["--verdicts", str(v)]) == 0
    assert opened == [[a.resolve()]]
    assert main(["bogus"]) == 1
    err = capsys.readouterr().err
    assert "bogus: no such file or folder (commands: open, claims" in err
    assert len(opened) == 1, "the app never started"
