"""Verify: does each fetched article still hold the bytes its archive record holds?

For every provenance entry the saved file's bytes are compared with the decoded payload
of its response record: ok, changed, missing file, or missing record (the archive file or
the record is gone or unreadable). Article files in the folder with no provenance were
saved by hand: they are listed as unarchived, which is not a failure.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tui.corpus.web.archive import ArchiveError, read_response
from tui.corpus.web.names import quoted
from tui.corpus.web.provenance import Provenance, load_provenance


class Check(StrEnum):
    OK = "ok"
    CHANGED = "changed"
    MISSING_FILE = "missing file"
    MISSING_RECORD = "missing record"


@dataclass(frozen=True, slots=True)
class Verified:
    file: str
    check: Check
    message: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class VerifyReport:
    checked: tuple[Verified, ...]  # by file name
    unarchived: tuple[str, ...]  # article files with no provenance, relative to the folder

    @property
    def failed(self) -> bool:
        """Any file changed or missing, or any record missing: what makes verify exit 1."""
        return any(item.check is not Check.OK for item in self.checked)


def verify_folder(
    folder: Path,
    only: Collection[str] | None = None,
    *,
    suffixes: Collection[str],
) -> VerifyReport:
    """Check the fetched articles in `folder` (or only the files named in `only`, relative
    to it); files with one of `suffixes` (the corpus loader's: this package cannot import
    it) and no provenance are unarchived. ProvenanceError when the provenance file is
    damaged."""
    entries = load_provenance(folder)
    names = sorted(entries if only is None else (n for n in only if n in entries))
    checked = tuple(verify_entry(folder, entries[name]) for name in names)
    unarchived = tuple(
        name
        for name in _article_files(folder, suffixes)
        if name not in entries and (only is None or name in only)
    )
    return VerifyReport(checked, unarchived)


def verify_entry(folder: Path, entry: Provenance) -> Verified:
    capture = entry.capture
    try:
        saved = (folder / entry.file).read_bytes()
    except FileNotFoundError:
        saved = None
    except OSError as exc:
        why = quoted(exc.strerror or str(exc), 80)
        return Verified(entry.file, Check.MISSING_FILE, f"cannot be read ({why})", entry)
    try:
        stored = read_response(folder, capture.archive_file, capture.offset, capture.record_id)
    except ArchiveError as exc:
        return Verified(entry.file, Check.MISSING_RECORD, str(exc), entry)
    if saved is None:
        return Verified(entry.file, Check.MISSING_FILE, "the saved file is missing", entry)
    if saved != stored.payload:
        message = f"differs from its archive record of {capture.fetched_at:%Y-%m-%d %H:%M} UTC"
        return Verified(entry.file, Check.CHANGED, message, entry)
    return Verified(entry.file, Check.OK, "matches its archive record", entry)


def _article_files(folder: Path, suffixes: Collection[str]) -> list[str]:
    """Article files under `folder` as the loader finds them (hidden parts skipped)."""
    wanted = {s.lower() for s in suffixes}
    names = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in wanted and path.is_file():
            names.append(relative.as_posix())
    return sorted(names)
