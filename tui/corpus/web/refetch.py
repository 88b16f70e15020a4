"""Refetch: read a saved article's page again and say whether its text changed.

The URL first asked for is fetched again and every response is archived beside the old
ones (the old records stay). The new page's article text is compared word by word with
the saved file's; when it changed, the saved file is replaced (atomically) by the new
page and its provenance points at the new record, the old capture moving to `earlier`.
When only the markup changed (adverts, timestamps), nothing is replaced. A failed fetch
(a page now gone: 404) is archived as evidence and leaves the saved file as it was.
"""

from __future__ import annotations

import contextlib
import difflib
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tui.corpus.web.archive import ArchivedRecord, ArchiveError, archive_result, read_response
from tui.corpus.web.client import WebClient
from tui.corpus.web.extract import extract_page, feed_of
from tui.corpus.web.fetch import Clock, Sleep, fetch, utc_now
from tui.corpus.web.names import quoted
from tui.corpus.web.provenance import (
    Provenance,
    load_provenance,
    provenance_lock,
    write_provenance,
)
from tui.corpus.web.results import Fetched
from tui.corpus.web.store import capture_of
from tui.corpus.web.urls import BadUrl, check_url
from tui.support.atomic_file import write_atomically


class RefetchError(Exception):
    """Nothing to refetch (no such fetched article); str() is one line."""


class RefetchStatus(StrEnum):
    CHANGED = "changed"  # text changed: file and provenance updated
    UNCHANGED = "unchanged"
    NO_TEXT = "no text"  # the page now has no article text: nothing replaced
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class WordDiff:
    added: int
    removed: int
    samples: tuple[str, ...]  # a few changes: "- old words" / "+ new words"


@dataclass(frozen=True, slots=True)
class RefetchOutcome:
    file: str
    url: str
    status: RefetchStatus
    message: str
    diff: WordDiff | None = None
    provenance: Provenance | None = None  # as it now stands
    records: tuple[ArchivedRecord, ...] = ()


def find_entry(folder: Path, target: str) -> Provenance:
    """The provenance entry for `target`: a URL (asked for, or final), or a saved file's
    path (relative to `folder`, or any path that resolves into it)."""
    entries = load_provenance(folder)
    if "://" in target:
        try:
            url = check_url(target)
        except BadUrl:
            url = target.strip()
        for entry in entries.values():
            if url in (entry.capture.url, entry.capture.final_url):
                return entry
        raise RefetchError(f"no article in the corpus was fetched from {quoted(target)}")
    path = Path(target)
    candidates = [path.as_posix()]  # a name relative to the folder
    with contextlib.suppress(ValueError, OSError):  # or a path into it
        candidates.insert(0, path.resolve().relative_to(folder.resolve()).as_posix())
    for name in candidates:
        if name in entries:
            return entries[name]
    raise RefetchError(f"{quoted(target)} is not an article fetched into this corpus")


def word_diff(old: str, new: str, samples: int = 5) -> WordDiff:
    """How many words were added and removed between two texts, and a few of the changes."""
    a, b = old.split(), new.split()
    added = removed = 0
    shown: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed += i2 - i1
        added += j2 - j1
        for sign, words in (("-", a[i1:i2]), ("+", b[j1:j2])):
            if words and len(shown) < samples:
                shown.append(f"{sign} {quoted(' '.join(words), 80)}")
    return WordDiff(added, removed, tuple(shown))


def refetch(
    folder: Path,
    target: str,
    client: WebClient,
    *,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
) -> RefetchOutcome:
    """Fetch the article `target` (see find_entry) again. RefetchError when there is no
    such article, ProvenanceError when the provenance file is damaged."""
    entry = find_entry(folder, target)
    url = entry.capture.url
    result = fetch(url, client, clock=clock, sleep=sleep)
    try:
        records = archive_result(folder, result)
    except OSError as exc:
        why = quoted(exc.strerror or str(exc), 100)
        return _outcome(entry, RefetchStatus.FAILED, f"could not write the archive ({why})")
    if not isinstance(result, Fetched):
        return _outcome(entry, RefetchStatus.FAILED, f"now: {result.message}", records=records)
    if feed_of(result.media_type, result.body, result.final_url) is not None:
        return _outcome(entry, RefetchStatus.FAILED, "the URL now gives a feed", records=records)
    new_page = extract_page(result.body)
    if new_page is None:
        message = "the page now has no article text; the saved file is unchanged"
        return _outcome(entry, RefetchStatus.NO_TEXT, message, records=records)
    old_bytes = _old_bytes(folder, entry)
    old_page = extract_page(old_bytes)
    diff = word_diff(old_page.text if old_page else "", new_page.text)
    if not diff.added and not diff.removed:
        same = "same bytes" if result.sha256 == entry.capture.sha256 else "the markup changed"
        return _outcome(entry, RefetchStatus.UNCHANGED, f"text unchanged ({same})", diff, records)
    try:
        updated = _replace(folder, entry, result, records[-1], old_bytes)
    except OSError as exc:
        why = quoted(exc.strerror or str(exc), 100)
        message = f"the text changed, but the saved file could not be updated ({why})"
        return _outcome(entry, RefetchStatus.FAILED, message, diff, records)
    message = f"text changed: {diff.added} words added, {diff.removed} removed"
    return _outcome(updated, RefetchStatus.CHANGED, message, diff, records)


def _replace(
    folder: Path, entry: Provenance, fetched: Fetched, record: ArchivedRecord, old: bytes
) -> Provenance:
    """Save the new page over the article and point its provenance at `record`; if the
    provenance cannot be written, the old bytes are put back."""
    path = folder / entry.file
    existed = path.exists()
    with provenance_lock(folder):
        entries = load_provenance(folder)
        updated = entries.get(entry.file, entry).replaced_by(capture_of(fetched, record))
        entries[entry.file] = updated
        write_atomically(path, fetched.body)
        try:
            write_provenance(folder, entries)
        except BaseException:
            if existed:
                write_atomically(path, old)
            else:
                path.unlink(missing_ok=True)
            raise
    return updated


def _old_bytes(folder: Path, entry: Provenance) -> bytes:
    """The saved file, or (if it is gone) the payload of the record it was saved from."""
    try:
        return (folder / entry.file).read_bytes()
    except FileNotFoundError:
        pass
    capture = entry.capture
    try:
        return read_response(
            folder, capture.archive_file, capture.offset, capture.record_id
        ).payload
    except ArchiveError:
        return b""


def _outcome(
    entry: Provenance,
    status: RefetchStatus,
    message: str,
    diff: WordDiff | None = None,
    records: tuple[ArchivedRecord, ...] = (),
) -> RefetchOutcome:
    return RefetchOutcome(entry.file, entry.capture.url, status, message, diff, entry, records)
