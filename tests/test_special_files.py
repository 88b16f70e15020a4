"""Files that are not articles: named pipes, devices, unreadable folders, wide encodings.

A FIFO blocks whoever opens it until a writer comes; before, a FIFO given as PATH or met in
a folder (or swapped in for a file while the corpus loads) hung the load forever, and
`/dev/zero` was read until memory ran out. Each attack runs in a daemon thread with a time
limit, so a regression fails the test instead of hanging the run.

How we know it can fail: with `read_regular_file` opening without O_NONBLOCK, the swap test
hangs and fails on its time limit; with the fstat check removed, it reads the pipe (empty)
and gives no warning; with `_files_under` back on `rglob`, the unreadable folder gives no
warning.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.corpus.articles import CorpusError, load_corpus
from tui.support.regular_file import FileTooLarge, NotRegularFile, read_regular_file

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 30.0  # far beyond what any of these takes; only a hang reaches it
TEXT = "Officials said the bridge over the river was closed on Monday after an inspection.\n"


def finishes(fn: Callable[[], Any], fifos: tuple[Path, ...] = ()) -> Any:
    """fn() run in a daemon thread: its result, or a test failure if it does not end.

    A hung reader is released by opening its pipes for writing, so the thread ends too."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # handed to the test below
            out["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(LIMIT_S)
    if thread.is_alive():
        for fifo in fifos:
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"still running after {LIMIT_S:.0f} s: blocked on a pipe or device")
    if "error" in out:
        raise out["error"]
    return out.get("value")


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "real.txt").write_text(TEXT, encoding="utf-8")
    yield root


def test_a_fifo_in_a_folder_is_skipped_with_a_warning(corpus: Path) -> None:
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    loaded = finishes(lambda: load_corpus([corpus]), (fifo,))
    assert [a.id for a in loaded.articles] == ["real"]
    assert loaded.warnings == (f"{fifo}: skipped, a named pipe (FIFO), not a regular file",)


def test_a_fifo_given_as_path_is_skipped_and_the_rest_loads(corpus: Path) -> None:
    fifo = corpus.parent / "given.md"
    os.mkfifo(fifo)
    loaded = finishes(lambda: load_corpus([fifo, corpus / "real.txt"]), (fifo,))
    assert [a.id for a in loaded.articles] == ["real"]
    assert any("given.md: skipped, a named pipe (FIFO)" in w for w in loaded.warnings)


def test_a_fifo_alone_is_nothing_to_load(tmp_path: Path) -> None:
    fifo = tmp_path / "only.txt"
    os.mkfifo(fifo)
    with pytest.raises(CorpusError, match="no articles could be loaded"):
        finishes(lambda: load_corpus([fifo]), (fifo,))


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_on_the_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The path is checked with stat, then opened: a file replaced by a pipe between the two
    # must be caught on the descriptor, and the open must not wait for a writer.
    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    real_stat = os.stat
    regular = real_stat(__file__)

    def stale_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return regular if Path(path) == fifo else real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stale_stat)  # the os module regular_file uses
    with pytest.raises(NotRegularFile, match="a named pipe"):
        finishes(lambda: read_regular_file(fifo, 1 << 20), (fifo,))


def test_dev_zero_as_path_is_refused_without_reading_it() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    # A child process with its memory capped: reading /dev/zero would fail it with
    # MemoryError (or be killed), instead of the one-line refusal expected.
    code = (
        "import resource, sys;"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31));"
        "from tui.cli.main import main;"
        "sys.exit(main(['claims', '/dev/zero', '--no-cache']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=LIMIT_S * 4,
    )
    assert done.returncode == 1
    assert "/dev/zero: skipped, a device, not a regular file" in done.stderr
    assert "no articles could be loaded from /dev/zero" in done.stderr
    assert "Traceback" not in done.stderr


def test_reading_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="too large"):
        read_regular_file(big, 100)
    assert read_regular_file(big, 101) == b"x" * 101


def test_an_unreadable_folder_is_skipped_with_a_warning(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated, so it runs as root too (root reads any folder); the real chmod below.
    locked = corpus / "private"
    locked.mkdir()
    (locked / "secret.txt").write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    loaded = load_corpus([corpus])
    assert [a.id for a in loaded.articles] == ["real"]
    assert loaded.warnings == (f"{locked}: cannot read this folder (Permission denied); skipped",)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its permissions")
def test_an_unreadable_folder_with_real_permissions(corpus: Path) -> None:
    locked = corpus / "private"
    locked.mkdir()
    (locked / "secret.txt").write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        loaded = load_corpus([corpus])
    finally:
        locked.chmod(stat.S_IRWXU)
    assert any("private: cannot read this folder" in w for w in loaded.warnings)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_with_a_bom_is_read_as_text(corpus: Path, encoding: str) -> None:
    text = "Київ said 1,200 people were evacuated — officials confirmed it.\n"
    data = "\ufeff".encode(encoding) + text.encode(encoding)
    (corpus / "wide.txt").write_bytes(data)
    loaded = load_corpus([corpus])
    wide = next(a for a in loaded.articles if a.id == "wide")
    assert wide.text == text
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + "\x01\x02\x03\x00".encode("utf-16-le") * 200,  # control characters
        b"\xff\xfe" + b"\x00\xd8" * 400,  # lone surrogates: not UTF-16 at all
    ],
)
def test_a_bom_before_binary_bytes_is_still_binary(corpus: Path, data: bytes) -> None:
    (corpus / "fake.txt").write_bytes(data)
    loaded = load_corpus([corpus])
    assert [a.id for a in loaded.articles] == ["real"]
    assert loaded.warnings == (f"{corpus / 'fake.txt'}: skipped, binary file",)
