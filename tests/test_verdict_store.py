"""The verdict store: atomic saves, backups, damaged files, locking, external changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.history_support import read_history
from tui.verdicts.history import HistoryEntry
from tui.verdicts.model import Anchor, Status, Verdict, VerdictFileError, VerdictSet
from tui.verdicts.reader import loads
from tui.verdicts.store import StoreLocked, VerdictStore, backup_path, relative_corpus
from tui.verdicts.writer import dumps

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def verdict(
    claim: str, status: Status = Status.DISPUTED, at: datetime = T0, note: str = ""
) -> Verdict:
    start = int(claim.rsplit(":", 1)[1]) * 20
    anchor = Anchor(claim, "a", f"Claim {claim}.", "", "", start, start + 10, "f" * 64)
    return Verdict(anchor, status, at, note=note)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[VerdictStore]:
    with VerdictStore.open(
        tmp_path / "verdicts.toml", reviewer="alice", corpus=tmp_path / "corpus", clock=FakeClock()
    ) as s:
        yield s


def on_disk(path: Path) -> VerdictSet:
    return loads(path.read_text(encoding="utf-8"), path)


def test_a_new_file_starts_empty_with_a_relative_corpus(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    path = tmp_path / "work" / "v.toml"
    with VerdictStore.open(path, reviewer="alice", corpus=tmp_path / "seeds") as s:
        assert s.verdict_set == VerdictSet(reviewer="alice", corpus="../seeds")
        assert not path.exists()  # nothing is written until there is something to save
        s.save(s.verdict_set)
    assert on_disk(path).corpus == "../seeds"
    assert relative_corpus(tmp_path / "work" / "c", path) == "c"


def test_save_writes_a_parseable_file_and_keeps_the_previous_as_bak(store: VerdictStore) -> None:
    first = replace(store.verdict_set, verdicts=(verdict("a:1"),))
    store.save(first)
    assert on_disk(store.path) == first
    assert not backup_path(store.path).exists()
    second = replace(first, verdicts=(verdict("a:1", Status.UNSOURCED), verdict("a:2")))
    returned = store.save(second)
    assert returned == second == store.verdict_set == on_disk(store.path)
    assert loads(backup_path(store.path).read_text(encoding="utf-8"), store.path) == first
    leftovers = [p.name for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_saving_keeps_the_permissions_the_user_gave_the_file(store: VerdictStore) -> None:
    first = replace(store.verdict_set, verdicts=(verdict("a:1"),))
    store.save(first)
    os.chmod(store.path, 0o640)  # shared with the desk's group, say
    store.save(replace(first, verdicts=(verdict("a:1", Status.UNSOURCED),)))
    assert store.path.stat().st_mode & 0o777 == 0o640
    assert backup_path(store.path).stat().st_mode & 0o777 == 0o640


def test_the_history_takes_the_verdict_files_permissions(store: VerdictStore) -> None:
    """Review finding: the history was created 0644 beside a 0640 verdict file."""
    from datetime import UTC, datetime

    from tui.verdicts.history import HistoryEntry, history_path

    first = replace(store.verdict_set, verdicts=(verdict("a:1"),))
    store.save(first)
    os.chmod(store.path, 0o600)
    entry = HistoryEntry(
        datetime(2024, 1, 1, tzinfo=UTC), "alice", "a:1", "a", None, Status.UNSOURCED
    )
    store.save(replace(first, verdicts=(verdict("a:1", Status.UNSOURCED),)), [entry])
    assert history_path(store.path).stat().st_mode & 0o777 == 0o600
    store.save(first, [entry])  # appending keeps what is there
    assert len(history_path(store.path).read_text(encoding="ascii").splitlines()) == 2


def test_a_new_file_gets_the_permissions_a_plain_write_would(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with VerdictStore.open(tmp_path / "v.toml", reviewer="a", corpus=tmp_path) as s:
            s.save(replace(s.verdict_set, verdicts=(verdict("a:1"),)))
    finally:
        os.umask(old)
    assert (tmp_path / "v.toml").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_reopening_restores_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    with VerdictStore.open(path, reviewer="alice", corpus=tmp_path) as s:
        saved = s.save(replace(s.verdict_set, verdicts=(verdict("a:2", note="n"), verdict("a:1"))))
    with VerdictStore.open(path, reviewer="alice", corpus=tmp_path) as s:
        assert s.verdict_set == saved
        assert [v.claim for v in s.verdict_set.verdicts] == ["a:1", "a:2"]


def test_a_damaged_file_is_refused_and_never_overwritten(tmp_path: Path, data_dir: Path) -> None:
    for name in ("damaged_status.toml", "newer_version.toml", "invalid_toml.toml"):
        path = tmp_path / name
        original = (data_dir / "verdicts" / name).read_bytes()
        path.write_bytes(original)
        with pytest.raises(VerdictFileError) as info:
            VerdictStore.open(path, reviewer="alice", corpus=tmp_path)
        assert info.value.path == path and info.value.line is not None
        assert path.read_bytes() == original
        # the lock was released: a fixed file opens at once
        path.write_text(dumps(VerdictSet("alice", ".")), encoding="utf-8")
        VerdictStore.open(path, reviewer="alice", corpus=tmp_path).close()


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_bytes(b'version = 1\nreviewer = "\xff"\n')
    with pytest.raises(VerdictFileError, match="not UTF-8") as info:
        VerdictStore.open(path, reviewer="alice", corpus=tmp_path)
    assert info.value.line == 2


def test_a_file_damaged_while_open_is_not_overwritten(store: VerdictStore) -> None:
    store.save(replace(store.verdict_set, verdicts=(verdict("a:1"),)))
    store.path.write_text("version = 1\nreviewer = [\n", encoding="utf-8")
    with pytest.raises(VerdictFileError):
        store.save(replace(store.verdict_set, verdicts=(verdict("a:2"),)))
    assert store.path.read_text(encoding="utf-8") == "version = 1\nreviewer = [\n"


# ---- external changes ----------------------------------------------------------------------


def test_an_external_change_is_merged_and_reported(store: VerdictStore) -> None:
    base = store.save(replace(store.verdict_set, verdicts=(verdict("a:1"), verdict("a:2"))))
    # Someone else adds a:3, changes a:2 later than we do, and we change a:1 and a:2.
    theirs = replace(
        base,
        verdicts=(
            verdict("a:1"),
            verdict("a:2", Status.CORROBORATED, T0 + timedelta(hours=2)),
            verdict("a:3", Status.UNSOURCED),
        ),
    )
    store.path.write_text(dumps(theirs), encoding="utf-8")
    ours = replace(
        base,
        verdicts=(
            verdict("a:1", Status.UNSOURCED, T0 + timedelta(hours=1)),
            verdict("a:2", Status.DISPUTED, T0 + timedelta(hours=1)),
        ),
    )
    saved = store.save(ours)
    by_claim = {v.claim: v.status for v in saved.verdicts}
    assert by_claim == {
        "a:1": Status.UNSOURCED,  # only we changed it
        "a:2": Status.CORROBORATED,  # both changed it; theirs is later
        "a:3": Status.UNSOURCED,  # only they added it
    }
    assert on_disk(store.path) == saved
    assert any("changed by something else" in m for m in store.external_changes)
    assert (
        "verdict for claim a:3 added or changed by the other writer: kept" in store.external_changes
    )
    assert (
        "verdict for claim a:2 was changed on both sides: kept the later (theirs)"
        in store.external_changes
    )
    assert loads(backup_path(store.path).read_text(encoding="utf-8"), store.path) == theirs


def test_a_decision_cleared_here_but_changed_there_is_kept(store: VerdictStore) -> None:
    base = store.save(replace(store.verdict_set, verdicts=(verdict("a:1"),)))
    later = verdict("a:1", Status.CORROBORATED, T0 + timedelta(hours=1))
    store.path.write_text(dumps(replace(base, verdicts=(later,))), encoding="utf-8")
    saved = store.save(replace(base, verdicts=()))
    assert saved.verdicts == (later,)


def test_a_merged_file_keeps_each_reviewers_verdict_through_an_external_change(
    store: VerdictStore,
) -> None:
    def by(reviewer: str, status: Status, hours: int = 0) -> Verdict:
        return replace(verdict("a:1", status, T0 + timedelta(hours=hours)), reviewer=reviewer)

    merged = replace(store.verdict_set, reviewers=("alice", "bob"))
    base = store.save(
        replace(merged, verdicts=(by("alice", Status.DISPUTED), by("bob", Status.UNSOURCED)))
    )
    # Someone else changes bob's verdict on the claim while we change alice's.
    theirs = (by("alice", Status.DISPUTED), by("bob", Status.CORROBORATED, 2))
    store.path.write_text(dumps(replace(base, verdicts=theirs)), encoding="utf-8")
    saved = store.save(
        replace(base, verdicts=(by("alice", Status.CORROBORATED, 1), by("bob", Status.UNSOURCED)))
    )
    assert {v.reviewer: v.status for v in saved.verdicts} == {
        "alice": Status.CORROBORATED,  # our change
        "bob": Status.CORROBORATED,  # theirs: not replaced by alice's verdict
    }
    assert "verdict for claim a:1 (bob) added or changed by the other writer: kept" in (
        store.external_changes
    )


def test_no_change_means_no_report_and_a_touch_is_not_a_change(store: VerdictStore) -> None:
    store.save(replace(store.verdict_set, verdicts=(verdict("a:1"),)))
    os.utime(store.path, ns=(1, 1))
    store.save(replace(store.verdict_set, verdicts=(verdict("a:1"), verdict("a:2"))))
    assert store.external_changes == []


def test_a_file_removed_while_open_is_written_again(store: VerdictStore) -> None:
    store.save(replace(store.verdict_set, verdicts=(verdict("a:1"),)))
    store.path.unlink()
    saved = store.save(replace(store.verdict_set, verdicts=(verdict("a:1"), verdict("a:2"))))
    assert on_disk(store.path) == saved
    assert store.external_changes == [f"{store.path} was removed by something else; written again"]


# ---- history -------------------------------------------------------------------------------


def test_history_is_appended_after_each_save(store: VerdictStore) -> None:
    first = HistoryEntry(store.now(), "alice", "a:1", "a", None, Status.DISPUTED)
    store.save(replace(store.verdict_set, verdicts=(verdict("a:1"),)), [first])
    before = store.history_path.read_bytes()
    second = HistoryEntry(
        store.now(), "alice", "a:1", "a", Status.DISPUTED, None, ("", "see AP"), "verdict"
    )
    store.save(replace(store.verdict_set, verdicts=()), [second])
    after = store.history_path.read_bytes()
    assert after.startswith(before)  # appended, never rewritten
    assert store.history_path.name == "verdicts.history.jsonl"
    assert read_history(store.history_path) == ([first, second], [])


def test_store_clock_is_used_for_now(store: VerdictStore) -> None:
    assert store.now() == T0 + timedelta(seconds=1)
    assert store.now() == T0 + timedelta(seconds=2)


# ---- locking -------------------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from tui.verdicts.store import VerdictStore
store = VerdictStore.open(Path(sys.argv[1]), reviewer="bob", corpus=Path(sys.argv[1]).parent)
print("locked", flush=True)
sys.stdin.readline()  # hold the lock until told (or killed)
"""


def _hold(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_store_in_another_process_is_refused_until_the_holder_is_killed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v.toml"
    proc = _hold(path)
    try:
        with pytest.raises(StoreLocked) as info:
            VerdictStore.open(path, reviewer="alice", corpus=tmp_path)
        assert str(path) in str(info.value) and f"pid {proc.pid}" in str(info.value)
        assert info.value.pid == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with VerdictStore.open(path, reviewer="alice", corpus=tmp_path) as s:
        s.save(replace(s.verdict_set, verdicts=(verdict("a:1"),)))
    assert len(on_disk(path).verdicts) == 1


def test_a_second_store_in_the_same_process_is_refused_until_closed(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    first = VerdictStore.open(path, reviewer="alice", corpus=tmp_path)
    with pytest.raises(StoreLocked, match="already open"):
        VerdictStore.open(path, reviewer="alice", corpus=tmp_path)
    first.close()
    with pytest.raises(RuntimeError, match="closed"):
        first.save(first.verdict_set)
    VerdictStore.open(path, reviewer="alice", corpus=tmp_path).close()


def test_temp_files_left_by_a_killed_writer_are_removed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    stale = [tmp_path / ".v.toml.k3j2ab_x.tmp", tmp_path / ".v.toml.bak.x9yz1234.tmp"]
    other = tmp_path / ".v.toml.b.a1b2c3d4.tmp"  # another file's writer
    for p in [*stale, other]:
        p.write_text("half", encoding="utf-8")
    VerdictStore.open(path, reviewer="alice", corpus=tmp_path).close()
    assert [p.exists() for p in stale] == [False, False] and other.exists()
