"""`-o` never replaces a file the user would lose, and writes through links and into
devices and pipes (review findings: `export -o verdicts.toml` destroyed the verdict file;
`-o` replaced /dev/full, a fifo and a symlink with regular files)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import NoReturn

import pytest

from tests.exports_support import GOVERNOR, KOREANS, copy_corpus, write_verdicts
from tui.cli.main import EXIT_FAIL, EXIT_OK, EXIT_USAGE, main
from tui.verdicts.model import Status


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The corpus, alice's and bob's verdict files (with a history and a backup), a config."""
    monkeypatch.chdir(tmp_path)
    corpus = copy_corpus(tmp_path)
    write_verdicts(tmp_path / "alice.toml", corpus, "alice", [("wire", KOREANS, Status.DISPUTED)])
    write_verdicts(tmp_path / "bob.toml", corpus, "bob", [("daily", GOVERNOR, Status.UNSOURCED)])
    (tmp_path / "alice.history.jsonl").write_text('{"claim": "x"}\n', encoding="utf-8")
    (tmp_path / "alice.toml.bak").write_bytes((tmp_path / "alice.toml").read_bytes())
    (tmp_path / "desk.toml").write_text('[verdicts]\nreviewer = "alice"\n', encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("alice.toml", "is the verdict file"),
        ("sub/../alice.toml", "is the verdict file"),
        ("alice.toml.bak", "is the verdict file's backup"),
        ("alice.history.jsonl", "is the verdict file's history"),
        ("desk.toml", "is the config file"),
        ("bob.toml", "is a verdict file, whose decisions would be lost"),
        ("corpus/wire.txt", "is one of the articles"),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_never_replaces_what_it_would_lose(
    desk: Path, capsys: pytest.CaptureFixture[str], target: str, why: str, fmt: str
) -> None:
    (desk / "sub").mkdir()
    before = snapshot(desk)
    argv = ["export", "--verdicts", "alice.toml", "--config", "desk.toml", "--format", fmt]
    if target.startswith("corpus/"):
        # Inside the corpus folder: refused as such, and as an article even with --force.
        assert main([*argv, "-o", target]) == EXIT_USAGE
        assert "is inside the corpus folder" in capsys.readouterr().err
        argv.append("--force")
    assert main([*argv, "-o", target]) == EXIT_FAIL
    err = capsys.readouterr().err
    assert f"{target}: {why}; write to a new file" in err and "Traceback" not in err
    assert snapshot(desk) == before


def test_merge_never_replaces_another_verdict_file(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_verdicts(desk / "carol.toml", desk / "corpus", "carol", [])
    before = snapshot(desk)
    assert main(["merge", "alice.toml", "bob.toml", "-o", "carol.toml"]) == EXIT_FAIL
    assert "carol.toml: is a verdict file" in capsys.readouterr().err
    assert snapshot(desk) == before
    assert main(["merge", "alice.toml", "bob.toml", "-o", "merged.toml"]) == EXIT_OK


def test_a_symlink_is_written_through(desk: Path) -> None:
    (desk / "reports").mkdir()
    (desk / "reports" / "report.md").write_text("OLD REPORT\n", encoding="utf-8")
    (desk / "link.md").symlink_to(desk / "reports" / "report.md")
    argv = ["export", "--verdicts", "alice.toml", "--format", "md", "-o", "link.md"]
    assert main(argv) == EXIT_OK
    assert (desk / "link.md").is_symlink()
    assert "OLD REPORT" not in (desk / "reports" / "report.md").read_text(encoding="utf-8")


def test_a_pipe_gets_the_text_and_stays_a_pipe(desk: Path) -> None:
    # A pipe stands for every file that cannot be replaced (devices such as /dev/stdout);
    # no test writes to a real device, so a regression cannot replace one.
    fifo = desk / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    argv = ["export", "--verdicts", "alice.toml", "--format", "csv", "-o", str(fifo)]
    assert main(argv) == EXIT_OK
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and b"disputed" in got[0]


def test_the_refusal_comes_before_the_corpus_is_read(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.review.workspace

    def no_analysis(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("the corpus was read before the refusal")

    monkeypatch.setattr(tui.review.workspace, "load_analysis", no_analysis)
    monkeypatch.setattr(tui.review.workspace, "open_many", no_analysis)
    argv = ["export", "--verdicts", "alice.toml", "--format", "json", "-o", "alice.toml"]
    assert main(argv) == EXIT_FAIL
    assert "alice.toml: is the verdict file" in capsys.readouterr().err
    assert main(["merge", "alice.toml", "bob.toml", "-o", "alice.history.jsonl"]) == EXIT_FAIL
    assert "is the verdict file's history" in capsys.readouterr().err
