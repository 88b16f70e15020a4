"""The history file: JSON Lines, appended only, readable back entry for entry."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.history_support import entry_from_json, read_history
from tui.verdicts.history import (
    ACTIONS,
    HistoryEntry,
    append_history,
    entry_to_json,
    history_path,
)
from tui.verdicts.model import Relation, Status

T0 = datetime(2024, 5, 1, 12, 0, 0, 5, tzinfo=UTC)
statuses = st.none() | st.sampled_from(Status)
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)

entries = st.builds(
    HistoryEntry,
    time=st.datetimes(timezones=st.just(UTC)),
    reviewer=text,
    claim=text,
    article=text,
    old_status=statuses,
    new_status=statuses,
    note_change=st.none() | st.tuples(text, text),
    action=st.sampled_from(sorted(ACTIONS)),
    sources_change=st.none() | st.tuples(st.lists(text).map(tuple), st.lists(text).map(tuple)),
    is_claim=st.none() | st.booleans(),
    other=text,
    relation_change=st.none()
    | st.tuples(st.none() | st.sampled_from(Relation), st.none() | st.sampled_from(Relation)),
    settled_links=st.lists(st.tuples(text, st.sampled_from(Relation)), max_size=3).map(tuple),
    split_at=st.none() | st.integers(1, 10_000),
    join_with=text,
    undone=st.booleans(),
)


@settings(max_examples=100, deadline=None)
@given(entries)
def test_an_entry_is_one_line_and_reads_back(entry: HistoryEntry) -> None:
    line = entry_to_json(entry)
    assert "\n" not in line and line.isascii()
    assert entry_from_json(line) == entry


def test_the_line_format() -> None:
    entry = HistoryEntry(T0, "alice", "a:1", "a", Status.DISPUTED, None, ("old", "new"), "verdict")
    assert json.loads(entry_to_json(entry)) == {
        "time": "2024-05-01T12:00:00.000005+00:00",
        "reviewer": "alice",
        "action": "verdict",
        "claim": "a:1",
        "article": "a",
        "old_status": "disputed",
        "new_status": None,
        "note": {"old": "old", "new": "new"},
    }


def test_times_are_written_in_utc_and_naive_times_refused() -> None:
    paris = datetime(2024, 5, 1, 14, tzinfo=timezone(timedelta(hours=2)))
    line = entry_to_json(HistoryEntry(paris, "a", "c", "x"))
    assert json.loads(line)["time"] == "2024-05-01T12:00:00+00:00"
    with pytest.raises(ValueError, match="timezone-aware"):
        entry_to_json(HistoryEntry(datetime(2024, 5, 1), "a", "c", "x"))


def test_an_action_outside_the_format_is_refused() -> None:
    with pytest.raises(ValueError, match="one of ACTIONS"):
        entry_to_json(HistoryEntry(T0, "a", "c", "x", action="clear"))


def test_history_path_sits_beside_the_verdict_file() -> None:
    assert history_path(Path("/w/team/verdicts.toml")) == Path("/w/team/verdicts.history.jsonl")


def test_appending_never_rewrites_what_is_there(tmp_path: Path) -> None:
    path = tmp_path / "v.history.jsonl"
    first = [HistoryEntry(T0, "alice", "a:1", "a", None, Status.CORROBORATED)]
    second = [
        HistoryEntry(T0 + timedelta(seconds=1), "alice", "a:1", "a", Status.CORROBORATED, None),
        HistoryEntry(
            T0 + timedelta(seconds=2), "bob", "a:2", "a", action="note", note_change=("", "x")
        ),
    ]
    append_history(path, first)
    before = path.read_bytes()
    append_history(path, [])
    assert path.read_bytes() == before
    append_history(path, second)
    assert path.read_bytes().startswith(before)
    assert path.read_bytes().count(b"\n") == 3
    assert read_history(path) == (first + second, [])


@pytest.mark.parametrize(
    ("mode", "umask"),
    [
        (0o664, 0o022),  # group may write: the umask alone would give 0o644
        (0o660, 0o077),  # the group's only: the umask alone would give 0o600
        (0o640, 0o002),  # the umask alone would give 0o664, readable by anyone
    ],
)
def test_a_new_history_takes_the_verdict_files_mode_whatever_the_umask(
    tmp_path: Path, mode: int, umask: int
) -> None:
    verdicts = tmp_path / "v.toml"
    verdicts.write_text("version = 1\n", encoding="utf-8")
    verdicts.chmod(mode)
    path = history_path(verdicts)
    entry = HistoryEntry(T0, "alice", "a:1", "a", None, Status.UNSOURCED)
    old = os.umask(umask)
    try:
        assert 0o666 & ~umask != mode, "the umask alone must give another mode"
        append_history(path, [entry], like=verdicts)
        assert path.stat().st_mode & 0o777 == mode
        path.chmod(0o600)  # an existing history keeps its own mode
        append_history(path, [entry], like=verdicts)
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
    assert read_history(path) == ([entry, entry], [])


def test_a_line_torn_by_a_crash_is_kept_and_the_next_entry_starts_fresh(tmp_path: Path) -> None:
    path = tmp_path / "v.history.jsonl"
    entry = HistoryEntry(T0, "alice", "a:1", "a", None, Status.UNSOURCED)
    append_history(path, [entry])
    with open(path, "a", encoding="ascii") as f:
        f.write('{"time": "2024-05-01T12:0')  # the process died mid-line
    torn = path.read_bytes()
    append_history(path, [entry])
    assert path.read_bytes().startswith(torn)
    entries, problems = read_history(path)
    assert entries == [entry, entry]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: not a history entry")
