"""`tui.support.atomic_file`: the one writer of replaced files, durable by default, not
fsynced for the cache's entries (which are checked when read), permissions kept both ways."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.analysis.cache import MatchCache
from tui.support import atomic_file
from tui.support.atomic_file import write_atomically


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every fsync call's file descriptor (the calls still happen)."""
    seen: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        seen.append(fd)
        real(fd)

    monkeypatch.setattr(atomic_file.os, "fsync", counted)
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

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
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
