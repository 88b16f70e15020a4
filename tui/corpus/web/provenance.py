"""Provenance: where each saved article came from, in `FOLDER/.crosscheck/provenance.toml`.

One table per saved file (its path relative to the folder), holding the capture it was
saved from: the URL asked for, the final URL after redirects, the HTTP status, the fetch
time (UTC), the sha256 of the decoded payload (= the saved bytes) and the archive record
that holds it (file, WARC-Record-ID, offset). When a refetch replaces the file, the
capture it replaced moves to the table's `earlier` list, so no record is ever orphaned.

The file is deterministic (tables sorted by name, fields in a fixed order), replaced
atomically, and changed only under a lock (`provenance.toml.lock`: load, change and write
inside `provenance_lock`), so two crosschecks adding to one folder do not lose each
other's entries. Loading validates every field and
says what is wrong in one line.
"""

from __future__ import annotations

import fcntl
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.corpus.web.names import quoted
from tui.support.atomic_file import write_atomically

PROVENANCE_FILE = ".crosscheck/provenance.toml"
FORMAT = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEADER = (
    "# Where each article fetched from the web came from; written by crosscheck.\n"
    "# The records named here hold the bytes as received: .crosscheck/archive/*.warc.gz\n\n"
)


class ProvenanceError(Exception):
    """The provenance file cannot be used; str() is one line saying where and why."""


@dataclass(frozen=True, slots=True)
class Capture:
    """One archived fetch of a page."""

    url: str  # as asked for (after check_url)
    final_url: str  # after redirects
    status: int
    fetched_at: datetime  # UTC, whole seconds
    sha256: str  # of the decoded payload
    archive_file: str  # relative to the folder
    record_id: str
    offset: int


@dataclass(frozen=True, slots=True)
class Provenance:
    """A saved article and the capture its bytes are; `earlier` captures it replaced."""

    file: str  # relative to the folder, with `/`
    capture: Capture
    earlier: tuple[Capture, ...] = ()

    def replaced_by(self, capture: Capture) -> Provenance:
        return replace(self, capture=capture, earlier=(*self.earlier, self.capture))


def iso_utc(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_provenance(folder: Path) -> dict[str, Provenance]:
    """Every entry by file name; {} when the folder has no provenance yet."""
    path = folder / PROVENANCE_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise ProvenanceError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProvenanceError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ProvenanceError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data.get("format", FORMAT) != FORMAT:
        raise ProvenanceError(f"{path}: format {quoted(str(data.get('format')))} is not {FORMAT}")
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise ProvenanceError(f"{path}: `files` must be a table")
    entries = {}
    for name, table in files.items():
        where = f"{path}: files.{quoted(name)}"
        if not _plain_relative(name):
            raise ProvenanceError(f"{where}: not a file name inside the folder")
        if not isinstance(table, dict):
            raise ProvenanceError(f"{where}: must be a table")
        earlier = table.get("earlier", [])
        if not isinstance(earlier, list):
            raise ProvenanceError(f"{where}.earlier: must be a list of tables")
        entries[name] = Provenance(
            file=name,
            capture=_capture(table, where),
            earlier=tuple(_capture(e, f"{where}.earlier[{i}]") for i, e in enumerate(earlier)),
        )
    return entries


def _plain_relative(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name)
        and not name.startswith("/")
        and "\\" not in name
        and all(part and not part.startswith(".") for part in parts)
        and name.isprintable()
    )


def _capture(table: object, where: str) -> Capture:
    if not isinstance(table, dict):
        raise ProvenanceError(f"{where}: must be a table")

    def field(key: str, kind: type, check: Callable[[Any], bool] = bool) -> Any:
        value = table.get(key)
        if value is None:
            raise ProvenanceError(f"{where}: `{key}` is missing")
        if not isinstance(value, kind) or isinstance(value, bool) or not check(value):
            raise ProvenanceError(f"{where}: `{key}` has a bad value {quoted(repr(value), 80)}")
        return value

    fetched_at = field("fetched_at", str)
    try:
        when = datetime.strptime(fetched_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise ProvenanceError(
            f"{where}: `fetched_at` is not a UTC time like 2025-01-31T12:00:00Z"
        ) from None
    return Capture(
        url=field("url", str),
        final_url=field("final_url", str),
        status=field("status", int, lambda v: 100 <= v <= 599),
        fetched_at=when,
        sha256=field("sha256", str, lambda v: bool(_HEX64.fullmatch(v))),
        archive_file=field("archive_file", str, _plain_archive_path),
        record_id=field("record_id", str),
        offset=field("offset", int, lambda v: v >= 0),
    )


def _plain_archive_path(name: str) -> bool:
    return name.startswith(".crosscheck/archive/") and ".." not in name.split("/")


def _table(capture: Capture) -> dict[str, Any]:
    return {
        "url": capture.url,
        "final_url": capture.final_url,
        "status": capture.status,
        "fetched_at": iso_utc(capture.fetched_at),
        "sha256": capture.sha256,
        "archive_file": capture.archive_file,
        "record_id": capture.record_id,
        "offset": capture.offset,
    }


def dump_provenance(entries: Mapping[str, Provenance]) -> str:
    """The file's text: the same entries always give the same bytes."""
    import tomli_w

    files: dict[str, Any] = {}
    for name in sorted(entries):
        entry = entries[name]
        table = _table(entry.capture)
        if entry.earlier:
            table["earlier"] = [_table(c) for c in entry.earlier]
        files[name] = table
    return _HEADER + tomli_w.dumps({"format": FORMAT, "files": files})


@contextmanager
def provenance_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's provenance lock (waiting for another crosscheck to let go)."""
    path = folder / (PROVENANCE_FILE + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_provenance(folder: Path, entries: Mapping[str, Provenance]) -> None:
    """Replace the provenance file atomically; hold `provenance_lock` around the load this
    change was made from. OSError if it cannot be written."""
    path = folder / PROVENANCE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, dump_provenance(entries).encode("utf-8"))
