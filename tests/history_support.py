"""Reading the history file back, for the tests: crosscheck itself only appends to it
(`tui.verdicts.history`), so its reader lives here, where the tests check that every line
written is one entry and that a line torn by a crash is told apart."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tui.verdicts.history import HistoryEntry
from tui.verdicts.model import Relation, Status


def entry_from_json(line: str) -> HistoryEntry:
    """One line back into an entry; ValueError (or KeyError/TypeError) if it is not one."""
    record = json.loads(line)
    note = record.get("note")
    sources = record.get("sources")
    time = datetime.fromisoformat(record["time"])
    if time.tzinfo is None:
        raise ValueError("time has no UTC offset")
    return HistoryEntry(
        time=time,
        reviewer=str(record["reviewer"]),
        claim=str(record["claim"]),
        article=str(record["article"]),
        old_status=Status(record["old_status"]) if record.get("old_status") else None,
        new_status=Status(record["new_status"]) if record.get("new_status") else None,
        note_change=(str(note["old"]), str(note["new"])) if note is not None else None,
        action=str(record["action"]),
        sources_change=(tuple(sources["old"]), tuple(sources["new"])) if sources else None,
        is_claim=record.get("is_claim"),
        settled=tuple(
            (str(said["reviewer"]), Status(said["status"])) for said in record.get("settled", ())
        ),
        other=str(record.get("other", "")),
        relation_change=_relations(record.get("relation")),
        settled_links=tuple(
            (str(said["reviewer"]), Relation(said["relation"]))
            for said in record.get("settled_links", ())
        ),
        split_at=record.get("split_at"),
        join_with=str(record.get("join_with", "")),
        undone=bool(record.get("undone", False)),
    )


def _relations(
    found: dict[str, str | None] | None,
) -> tuple[Relation | None, Relation | None] | None:
    if found is None:
        return None
    old, new = found["old"], found["new"]
    return (Relation(old) if old else None, Relation(new) if new else None)


def read_history(path: Path) -> tuple[list[HistoryEntry], list[str]]:
    """Every entry in the file, and a message for each line that is not one."""
    if not path.exists():
        return [], []
    entries: list[HistoryEntry] = []
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            entries.append(entry_from_json(line))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{path}:{number}: not a history entry ({exc})")
    return entries, problems
