"""The archive: every exchange with a server, kept as WARC records in the corpus folder.

Records go to `FOLDER/.crosscheck/archive/YYYY-MM.warc.gz` (the month of the fetch, UTC),
one gzip member per record, as the WARC standard and its tools (warcio, pywb, the
Internet Archive) expect. Each exchange is a `response` record (status line, headers and
body as received) followed by its `request` record (`WARC-Concurrent-To` the response).
A new file starts with a `warcinfo` record.

Files are only ever appended to: the records of one fetch are built in memory, then
written with one write under an exclusive lock on the file, flushed and fsync'd; a write
that fails is cut back to where it started, so a record is never rewritten or left half.

Fidelity: httpx has already undone chunked transfer framing, so the stored body is the
body as sent minus that framing, and a `Transfer-Encoding` header is kept under the name
`X-Crosscheck-Orig-Transfer-Encoding` (a reader would otherwise try to de-chunk it).
Any Content-Encoding (gzip) stays applied: the record's *decoded payload* (warcio's
`content_stream()`) is the page as saved. A body cut off is marked `WARC-Truncated`.
"""

from __future__ import annotations

import fcntl
import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.corpus.web.names import quoted
from tui.corpus.web.results import Exchange, FetchResult
from tui.support.atomic_file import fsync_folder

if TYPE_CHECKING:
    from warcio.warcwriter import WARCWriter

ARCHIVE_DIR = ".crosscheck/archive"
SOFTWARE = "crosscheck"


class ArchiveError(Exception):
    """A record cannot be read back; str() is one line naming the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class ArchivedRecord:
    """Where the response record of one exchange was written."""

    file: str  # relative to the corpus folder, with `/`
    record_id: str  # WARC-Record-ID, `<urn:uuid:...>`
    offset: int  # byte offset of the record's gzip member in the file
    url: str
    status: int
    truncated: str | None


def archive_file_for(when: datetime) -> str:
    """The archive file (relative to the folder) for a fetch at `when`."""
    return f"{ARCHIVE_DIR}/{when.astimezone(UTC):%Y-%m}.warc.gz"


def warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def archive_result(folder: Path, result: FetchResult) -> tuple[ArchivedRecord, ...]:
    """Append the records of every exchange in `result` (redirects, retried attempts and
    failed responses included); one ArchivedRecord per response, the final one last.
    Nothing is written when the server sent nothing (DNS failure, refused). OSError when
    the archive cannot be written."""
    if not result.exchanges:
        return ()
    from warcio.warcwriter import WARCWriter

    file = archive_file_for(result.fetched_at)
    path = folder / file
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab") as out:
        fcntl.flock(out.fileno(), fcntl.LOCK_EX)  # released when the file is closed
        start = out.seek(0, os.SEEK_END)
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        if start == 0:
            info = {"software": SOFTWARE, "format": "WARC File Format 1.0"}
            writer.write_record(writer.create_warcinfo_record(path.name, info))
        placed = []
        for exchange in result.exchanges:
            offset = start + buffer.tell()
            record_id = _write_exchange(writer, exchange)
            placed.append(
                ArchivedRecord(
                    file, record_id, offset, exchange.url, exchange.status, exchange.truncated
                )
            )
        try:
            out.write(buffer.getbuffer())
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            os.ftruncate(out.fileno(), start)  # never leave half a record behind
            raise
    if start == 0:
        fsync_folder(path.parent)
    return tuple(placed)


def _write_exchange(writer: WARCWriter, exchange: Exchange) -> str:
    """Write the response and request records of `exchange`; the response's record id."""
    from warcio.statusandheaders import StatusAndHeaders

    date = warc_date(exchange.started_at)
    headers = [
        (f"X-Crosscheck-Orig-{name}" if name.lower() == "transfer-encoding" else name, value)
        for name, value in exchange.headers
    ]
    status_line = f"{exchange.status} {exchange.reason}".rstrip()
    version = exchange.http_version if exchange.http_version.startswith("HTTP/1") else "HTTP/1.1"
    extra = {"WARC-Date": date}
    if exchange.peer:
        extra["WARC-IP-Address"] = exchange.peer
    if exchange.truncated:
        extra["WARC-Truncated"] = exchange.truncated
    response = writer.create_warc_record(
        exchange.url,
        "response",
        payload=io.BytesIO(exchange.raw_body),
        length=len(exchange.raw_body),
        http_headers=StatusAndHeaders(status_line, headers, protocol=version),
        warc_headers_dict=extra,
    )
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = writer.create_warc_record(
        exchange.url,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=StatusAndHeaders(
            f"GET {target} HTTP/1.1", list(exchange.request_headers), is_http_request=True
        ),
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_request_response_pair(request, response)
    return str(response.rec_headers.get_header("WARC-Record-ID"))


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A response record read back: its id, URL, status and decoded payload."""

    record_id: str
    url: str
    status: int
    payload: bytes  # Content-Encoding undone: what a saved page must equal
    truncated: str | None


def read_response(folder: Path, file: str, offset: int, record_id: str) -> StoredResponse:
    """The response record `record_id` in `file`: looked up at `offset`, and if another
    record (or none) is there, searched for through the file. ArchiveError when the file
    or the record is missing or unreadable."""
    path = _inside(folder, file)
    try:
        stored = _read_at(path, offset)
    except (ArchiveError, ValueError):
        stored = None
    if stored is not None and stored.record_id == record_id:
        return stored
    found = find_record(folder, file, record_id)
    if found is None:
        raise ArchiveError(f"{quoted(file)}: no response record {quoted(record_id)}")
    return _read_at(path, found)


def find_record(folder: Path, file: str, record_id: str) -> int | None:
    """The offset of record `record_id` in `file`, or None. ArchiveError when the file is
    missing or damaged before the record is reached."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = _inside(folder, file)
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_headers.get_header("WARC-Record-ID") == record_id:
                    return int(records.get_record_offset())
    except FileNotFoundError:
        raise ArchiveError(f"{quoted(file)}: the archive file is missing") from None
    except (OSError, ArchiveLoadFailed, ValueError, EOFError) as exc:
        raise ArchiveError(f"{quoted(file)}: damaged archive ({quoted(str(exc), 100)})") from None
    return None


def _inside(folder: Path, file: str) -> Path:
    if file.startswith("/") or ".." in file.split("/"):
        raise ArchiveError(f"{quoted(file)}: not a path inside the corpus folder")
    return folder / file


def _read_at(path: Path, offset: int) -> StoredResponse:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)), None)
            if record is None or record.rec_type != "response" or record.http_headers is None:
                raise ArchiveError(f"{quoted(path.name)}: no response record at offset {offset}")
            payload = record.content_stream().read()
            head = record.rec_headers
            return StoredResponse(
                record_id=str(head.get_header("WARC-Record-ID")),
                url=str(head.get_header("WARC-Target-URI")),
                status=int(record.http_headers.get_statuscode() or 0),
                payload=payload,
                truncated=head.get_header("WARC-Truncated"),
            )
    except FileNotFoundError:
        raise ArchiveError(f"{quoted(path.name)}: the archive file is missing") from None
    except (OSError, ArchiveLoadFailed, EOFError) as exc:
        raise ArchiveError(
            f"{quoted(path.name)}: unreadable record at offset {offset} ({quoted(str(exc), 80)})"
        ) from None
