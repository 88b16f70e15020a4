"""`tui.support.atomic_file`: the one writer of replaced files, durable by default, not
fsynced for the cache's entries (which are checked when read), permissions kept both ways."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.analysis.cache import MatchCache
from tui.support.atomic_file import write_atomically


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every fsync call's file descriptor (the calls still happen)."""
    seen: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        seen.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counted)
    return seen


def test_durable_write_syncs_the_file_and_its_folder(tmp_path: Path, fsyncs: list[int]) -> None:
    target = tmp_path / "file.toml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    st = write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert st.st_mode & 0o777 == 0o640
    assert len(fsyncs) == 2  # the data, then the folder's entry
    assert list(tmp_path.iterdir()) == [target]


def test_not_durable_write_is_whole_keeps_permissions_and_never_syncs(
    tmp_path: Path, fsyncs: list[int]
) -> None:
    target = tmp_path / "entry.cc"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new contents", durable=False)
    assert target.read_bytes() == b"new contents"
    assert target.stat().st_mode & 0o777 == 0o640
    assert fsyncs == []
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "entry.cc"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new", durable=False)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_the_cache_writes_through_it_without_syncing(tmp_path: Path, fsyncs: list[int]) -> None:
    cache = MatchCache(tmp_path / "cache", version="test")
    path = cache.root / "claims" / "ab" / "abc.cc"
    cache._write(path, "claims", "abc", {"units": []})
    assert cache._read(path, "claims", "abc") == (
        cache._header(path, "claims", "abc"),
        {"units": []},
    )
    assert fsyncs == []
    assert [p.name for p in path.parent.iterdir()] == ["abc.cc"]


def test_a_new_file_gets_what_open_would_give_without_touching_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting the umask to read it would change it for every other thread meanwhile (the
    cache writes on a thread of its own): the new file's mode comes from the kernel."""
    old = os.umask(0o027)
    try:
        with monkeypatch.context() as m:

            def no_umask(mask: int) -> int:
                raise AssertionError("the umask is process-wide: never set it to read it")

            m.setattr(os, "umask", no_umask)
            write_atomically(tmp_path / "new.toml", b"x")
            write_atomically(tmp_path / "new.cc", b"x", durable=False)
    finally:
        os.umask(old)
    for name in ("new.toml", "new.cc"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.cc", "new.toml"]
