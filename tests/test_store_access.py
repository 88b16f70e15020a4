"""Where the store writes, and when it must not: symbolic links, read-only files and folders,
and the order of the history and the verdict file.

Attacks: a verdict file reached through a link was replaced by a regular file on the first
save (the link's target silently stopped receiving decisions), and a second instance opened
through the target while the first held the link; a read-only folder gave "unexpected error:
OSError ... .lock"; a chmod 444 verdict file was silently replaced (a rename needs no write
permission on the file); a kill between the verdict file's write and the history's could
leave a saved decision out of the history.

How we know it can fail: with `open` not resolving the path, the link test finds a regular
file where the link was and the second store opens; with `read_only_reason` returning None,
the 444 file is replaced; with the history appended after the write, the interrupted-save
test finds no history line.
"""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.verdicts import store as store_module
from tui.verdicts.history import HistoryEntry, history_path
from tui.verdicts.model import Anchor, Status, Verdict, VerdictSet
from tui.verdicts.reader import loads
from tui.verdicts.store import StoreLocked, StoreReadOnly, VerdictStore, backup_path

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


def decided(claim: str, status: Status = Status.DISPUTED) -> VerdictSet:
    anchor = Anchor(claim, "a", "The bridge opened.", "", "", 0, 18, "f" * 64)
    return VerdictSet("alice", "corpus", (Verdict(anchor, status, T0),))


def entry(claim: str, status: Status = Status.DISPUTED) -> HistoryEntry:
    return HistoryEntry(T0, "alice", claim, "a", None, status)


def open_store(path: Path) -> VerdictStore:
    return VerdictStore.open(path, reviewer="alice", corpus=path.parent / "corpus")


# ---- symbolic links ----------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A verdict file in a shared folder, and a link to it from the reviewer's folder."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "mine").mkdir()
    target = tmp_path / "shared" / "verdicts.toml"
    with open_store(target) as s:
        s.save(decided("a:1", Status.CORROBORATED))
    link = tmp_path / "mine" / "verdicts.toml"
    link.symlink_to(target)
    return link, target


def test_saving_through_a_link_keeps_the_link_and_writes_its_target(
    linked: tuple[Path, Path],
) -> None:
    link, target = linked
    with open_store(link) as s:
        assert s.path == target.resolve() and s.given_path == link
        assert s.history_path == history_path(target.resolve())
        s.save(decided("a:1"), [entry("a:1")])
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert loads(target.read_text(encoding="utf-8"), target).verdicts[0].status is Status.DISPUTED
    # The backup and the history sit beside the file itself, not beside the link.
    assert backup_path(target).exists() and history_path(target).exists()
    assert sorted(p.name for p in link.parent.iterdir()) == ["verdicts.toml"]


def test_a_second_store_through_the_target_is_refused_while_the_link_is_open(
    linked: tuple[Path, Path],
) -> None:
    link, target = linked
    with open_store(link):
        with pytest.raises(StoreLocked):
            open_store(target)
        other_link = link.with_name("again.toml")
        other_link.symlink_to(target)
        with pytest.raises(StoreLocked):
            open_store(other_link)
    with open_store(target) as s:  # released with the first
        assert s.path == target.resolve()


def test_a_link_through_the_target_first_is_refused_too(linked: tuple[Path, Path]) -> None:
    link, target = linked
    with open_store(target), pytest.raises(StoreLocked):
        open_store(link)


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "verdicts.toml"
    target = tmp_path / "elsewhere.toml"
    link.symlink_to(target)
    with open_store(link) as s:
        s.save(decided("a:1"))
    assert link.is_symlink() and target.is_file()


# ---- read-only files and folders ---------------------------------------------------------


def test_a_read_only_file_opens_read_only_and_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "verdicts.toml"
    with open_store(path) as s:
        s.save(decided("a:1", Status.CORROBORATED))
    path.chmod(0o444)
    before = path.read_bytes()
    with open_store(path) as s:
        assert s.read_only == "the file is read-only (no write permission)"
        assert s.verdict_set.verdicts[0].status is Status.CORROBORATED  # still shown
        with pytest.raises(StoreReadOnly) as caught:
            s.save(decided("a:1"), [entry("a:1")])
        assert (
            str(caught.value) == f"{path}: the file is read-only (no write permission); not saved"
        )
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert not history_path(path).exists() and not backup_path(path).exists()


def test_a_file_made_read_only_while_open_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "verdicts.toml"
    with open_store(path) as s:
        s.save(decided("a:1", Status.CORROBORATED))
        path.chmod(0o444)
        before = path.read_bytes()
        with pytest.raises(StoreReadOnly):
            s.save(decided("a:1"))
        assert s.read_only is not None
    assert path.read_bytes() == before


def test_a_read_only_folder_opens_read_only_instead_of_failing_on_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated (root may write anywhere): the folder refuses writes, so the lock file
    # cannot be made, as on a read-only mount or a colleague's folder.
    folder = tmp_path / "team"
    folder.mkdir()
    path = folder / "verdicts.toml"
    with open_store(path) as s:
        s.save(decided("a:1", Status.CORROBORATED))
    (folder / "verdicts.toml.lock").unlink()
    before = sorted(p.name for p in folder.iterdir())
    real_access, real_open = os.access, os.open

    def access(p: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(p)) == folder and mode & os.W_OK:
            return False
        return real_access(p, mode, *args, **kwargs)  # type: ignore[arg-type]

    def refusing_open(p: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(p)).parent == folder and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)  # the os module the store and the lock use
    monkeypatch.setattr(os, "open", refusing_open)
    with open_store(path) as s:
        assert s.read_only == f"its folder {folder} is read-only"
        assert s.verdict_set.verdicts[0].status is Status.CORROBORATED
        with pytest.raises(StoreReadOnly, match=r"its folder .* is read-only"):
            s.save(decided("a:1"), [entry("a:1")])
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_read_only_folder_with_real_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    path = folder / "verdicts.toml"
    with open_store(path) as s:
        s.save(decided("a:1", Status.CORROBORATED))
    (folder / "verdicts.toml.lock").unlink()
    folder.chmod(0o555)
    try:
        with open_store(path) as s:
            assert s.read_only is not None
            with pytest.raises(StoreReadOnly):
                s.save(decided("a:1"))
    finally:
        folder.chmod(0o755)


# ---- the history first --------------------------------------------------------------------


def test_the_history_holds_a_decision_whose_file_write_was_cut_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "verdicts.toml"
    with open_store(path) as s:
        s.save(decided("a:1", Status.CORROBORATED), [entry("a:1", Status.CORROBORATED)])
        before = path.read_bytes()

        def killed(*_: object, **__: object) -> os.stat_result:
            raise KeyboardInterrupt  # stands for the kill landing between the two writes

        monkeypatch.setattr(store_module, "write_atomically", killed)
        with pytest.raises(KeyboardInterrupt):
            s.save(decided("a:1"), [entry("a:1")])
    assert path.read_bytes() == before
    lines = history_path(path).read_text(encoding="ascii").splitlines()
    assert len(lines) == 2 and '"new_status":"disputed"' in lines[1]
