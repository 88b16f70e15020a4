"""The history file: every change, appended as one JSON line, never rewritten.

Beside `verdicts.toml` lies `verdicts.history.jsonl`, so a desk can audit who decided what
and when. Lines are ASCII JSON (non-ASCII escaped), so any JSON Lines reader splits them
correctly. A line torn by a crash is kept as it is and the next entry starts a new line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.verdicts.model import Relation, Status

ACTIONS = frozenset(
    {
        "verdict",
        "note",
        "sources",
        "correction",
        "cluster",
        "reattach",
        "discard",
        "merge",
        "adjudicate",
        "link",  # a link made, changed or removed (confirm, reject, contradict, unlink)
        "split",
        "join",
    }
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change to one claim. A cleared verdict has new_status None."""

    time: datetime  # timezone-aware
    reviewer: str
    claim: str
    article: str
    old_status: Status | None = None
    new_status: Status | None = None
    note_change: tuple[str, str] | None = None  # (old note, new note)
    action: str = "verdict"  # one of ACTIONS
    sources_change: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # (old, new)
    is_claim: bool | None = None  # for action "correction": the unit's new kind
    # For action "adjudicate": who said what in the disagreement it settled, since the
    # verdict file keeps only the adjudicator's verdict.
    settled: tuple[tuple[str, Status], ...] = ()
    # A link's change: the other claim of the pair and the relation before and after
    # (None: no link). Its disagreement settled, in a merged file: who said what.
    other: str = ""
    relation_change: tuple[Relation | None, Relation | None] | None = None
    settled_links: tuple[tuple[str, Relation], ...] = ()
    # A split: where the unit was cut; a join: the unit joined to this one. `undone` when
    # the change removed the split or join rather than making it.
    split_at: int | None = None
    join_with: str = ""
    undone: bool = False


def history_path(verdict_path: Path) -> Path:
    """`verdicts.toml` -> `verdicts.history.jsonl`, in the same folder."""
    return verdict_path.with_name(f"{verdict_path.stem}.history.jsonl")


def entry_to_json(entry: HistoryEntry) -> str:
    if entry.time.tzinfo is None:
        raise ValueError(f"history time must be timezone-aware, got {entry.time!r}")
    if entry.action not in ACTIONS:
        raise ValueError(f"history action must be one of ACTIONS, got {entry.action!r}")
    record: dict[str, Any] = {
        "time": entry.time.astimezone(UTC).isoformat(),
        "reviewer": entry.reviewer,
        "action": entry.action,
        "claim": entry.claim,
        "article": entry.article,
        "old_status": entry.old_status.value if entry.old_status else None,
        "new_status": entry.new_status.value if entry.new_status else None,
    }
    if entry.note_change is not None:
        record["note"] = {"old": entry.note_change[0], "new": entry.note_change[1]}
    if entry.sources_change is not None:
        old, new = entry.sources_change
        record["sources"] = {"old": list(old), "new": list(new)}
    if entry.is_claim is not None:
        record["is_claim"] = entry.is_claim
    if entry.settled:
        record["settled"] = [{"reviewer": name, "status": s.value} for name, s in entry.settled]
    if entry.other:
        record["other"] = entry.other
    if entry.relation_change is not None:
        was, now = entry.relation_change
        record["relation"] = {
            "old": None if was is None else was.value,
            "new": None if now is None else now.value,
        }
    if entry.settled_links:
        record["settled_links"] = [
            {"reviewer": name, "relation": r.value} for name, r in entry.settled_links
        ]
    if entry.split_at is not None:
        record["split_at"] = entry.split_at
    if entry.join_with:
        record["join_with"] = entry.join_with
    if entry.undone:
        record["undone"] = True
    return json.dumps(record, ensure_ascii=True, separators=(",", ":"))


def append_history(path: Path, entries: Sequence[HistoryEntry], like: Path | None = None) -> None:
    """Append entries (one line each) and fsync. The file is only ever opened to append.
    A new file takes the permissions of `like` (the verdict file), so a private verdict
    file never gets a readable history."""
    if not entries:
        return
    text = "".join(entry_to_json(e) + "\n" for e in entries)
    if like is not None and not path.exists():
        try:
            mode = like.stat().st_mode & 0o777
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.chmod(path, mode)  # exactly, whatever the umask
        except FileExistsError:
            pass  # another writer made it first: append to theirs
        except FileNotFoundError:
            pass  # no verdict file to copy from: open() below creates it as usual
    with open(path, "a", encoding="ascii") as f:
        if f.tell() > 0 and not _ends_with_newline(path):
            text = "\n" + text  # a crash tore the last line: start a fresh one
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"
