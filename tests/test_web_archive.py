"""The WARC archive: records appended per exchange, read back by warcio, digests that hold."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.web_server import (
    STORY,
    Reply,
    Site,
    article_html,
    free_port,
    loopback_guard,
    running_site,
)
from tests.web_server import (
    warc_records as records,
)
from tui.corpus.web.archive import (
    ArchivedRecord,
    ArchiveError,
    archive_file_for,
    archive_result,
    find_record,
    read_response,
)
from tui.corpus.web.client import FetchConfig, WebClient
from tui.corpus.web.fetch import fetch
from tui.corpus.web.results import Fetched, FetchFailed

CONFIG = FetchConfig(connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0, retry_delay=0.0)
PAGE = article_html("Council approves road budget", STORY)
WHEN = datetime(2025, 3, 4, 12, 30, 15, tzinfo=UTC)


@pytest.fixture(autouse=True)
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    yield from loopback_guard(monkeypatch)  # no network beyond loopback in these tests


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def client() -> Iterator[WebClient]:
    with WebClient(CONFIG) as c:
        yield c


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def test_a_page_is_archived_as_response_and_request(
    tmp_path: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/story", Reply(body=PAGE, gzip=True, chunked=True))
    result = fetch(url, client, clock=lambda: WHEN)
    assert isinstance(result, Fetched)
    (placed,) = archive_result(tmp_path, result)
    assert placed.file == ".crosscheck/archive/2025-03.warc.gz"
    assert (placed.url, placed.status, placed.truncated) == (url, 200, None)
    warcinfo, response, request = records(tmp_path / placed.file)
    assert warcinfo["type"] == "warcinfo" and warcinfo["offset"] == 0
    assert response["type"] == "response" and request["type"] == "request"
    assert (response["id"], response["offset"]) == (placed.record_id, placed.offset)
    assert response["uri"] == request["uri"] == url
    assert response["date"] == request["date"] == "2025-03-04T12:30:15Z"
    assert request["concurrent"] == response["id"]
    assert response["ip"] == "127.0.0.1"
    # As received: gzip still applied, chunked framing undone and its header renamed.
    assert gzip.decompress(response["raw"]) == PAGE
    assert response["http"].get_header("Content-Encoding") == "gzip"
    assert response["http"].get_header("Transfer-Encoding") is None
    assert response["http"].get_header("X-Crosscheck-Orig-Transfer-Encoding") == "chunked"
    assert response["payload"] == PAGE == result.body  # the decoded payload
    for record in (warcinfo, response, request):
        assert record["passed"] is not False and record["problems"] == []
    assert response["passed"] is True
    assert response["digest"] == sha1_b32(response["raw"])
    assert read_response(tmp_path, placed.file, placed.offset, placed.record_id).payload == PAGE


def test_every_hop_and_every_failed_response_is_archived(
    tmp_path: Path, site: Site, client: WebClient
) -> None:
    site.route("/old", Reply(301, b"moved", headers={"Location": "/gone"}))
    site.route("/gone", Reply(404, b"<h1>Not found</h1>"))
    site.route("/report.pdf", Reply(body=b"%PDF-1.7 report", content_type="application/pdf"))
    site.route("/boom", Reply(500, b"<h1>Server error</h1>"))
    placed: list[ArchivedRecord] = []
    for path in ["/old", "/report.pdf", "/boom"]:
        result = fetch(site.url(path), client, clock=lambda: WHEN)
        assert isinstance(result, FetchFailed)
        placed += archive_result(tmp_path, result)
    assert [(p.url.rsplit("/", 1)[1], p.status) for p in placed] == [
        ("old", 301),
        ("gone", 404),
        ("report.pdf", 200),
        ("boom", 500),
    ]
    stored = [r for r in records(tmp_path / placed[0].file) if r["type"] == "response"]
    assert [r["status"] for r in stored] == ["301", "404", "200", "500"]
    assert [r["payload"] for r in stored] == [
        b"moved",
        b"<h1>Not found</h1>",
        b"%PDF-1.7 report",
        b"<h1>Server error</h1>",
    ]
    assert all(r["passed"] is True for r in stored)
    assert [r["offset"] for r in stored] == [p.offset for p in placed]


def test_an_oversized_body_is_archived_as_read_and_marked_truncated(
    tmp_path: Path, site: Site
) -> None:
    big = PAGE + b"x" * 200_000
    url = site.route("/big", Reply(body=big, chunked=True))
    with WebClient(FetchConfig(max_bytes=50_000, retry_delay=0)) as small:
        result = fetch(url, small, clock=lambda: WHEN)
    assert isinstance(result, FetchFailed)
    (placed,) = archive_result(tmp_path, result)
    assert placed.truncated == "length"
    response = next(r for r in records(tmp_path / placed.file) if r["type"] == "response")
    assert response["truncated"] == "length"
    assert response["passed"] is True
    assert 50_000 < len(response["payload"]) < len(big)
    assert big.startswith(response["payload"])


def test_nothing_is_archived_when_the_server_said_nothing(
    tmp_path: Path, client: WebClient
) -> None:
    for url in [f"http://127.0.0.1:{free_port()}/", "http://gone.invalid/", "file:///etc/passwd"]:
        result = fetch(url, client)
        assert isinstance(result, FetchFailed) and result.exchanges == ()
        assert archive_result(tmp_path, result) == ()
    assert not (tmp_path / ".crosscheck").exists()


def test_records_go_to_the_file_of_their_month_utc(
    tmp_path: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/p", Reply(body=PAGE))
    late = datetime(2025, 1, 31, 23, 59, 59, tzinfo=UTC)
    early = datetime(2025, 2, 1, 0, 0, 1, tzinfo=UTC)
    files = []
    for when in (late, early):
        result = fetch(url, client, clock=lambda: when)  # noqa: B023 (called at once)
        files.append(archive_result(tmp_path, result)[0].file)
    assert files == [".crosscheck/archive/2025-01.warc.gz", ".crosscheck/archive/2025-02.warc.gz"]
    assert archive_file_for(datetime.fromisoformat("2025-03-01T00:30:00+02:00")) == (
        ".crosscheck/archive/2025-02.warc.gz"
    )


def test_archiving_only_appends(tmp_path: Path, site: Site, client: WebClient) -> None:
    url = site.route("/p", Reply(body=PAGE))
    first = archive_result(tmp_path, fetch(url, client, clock=lambda: WHEN))[0]
    path = tmp_path / first.file
    before = path.read_bytes()
    second = archive_result(tmp_path, fetch(url, client, clock=lambda: WHEN))[0]
    after = path.read_bytes()
    assert after.startswith(before) and second.offset == len(before)
    kinds = [r["type"] for r in records(path)]
    assert kinds == ["warcinfo", "response", "request", "response", "request"]
    for placed in (first, second):
        assert read_response(tmp_path, placed.file, placed.offset, placed.record_id).payload == PAGE


def test_a_failed_write_leaves_no_half_record(
    tmp_path: Path, site: Site, client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.route("/p", Reply(body=PAGE))
    first = archive_result(tmp_path, fetch(url, client, clock=lambda: WHEN))[0]
    path = tmp_path / first.file
    size = path.stat().st_size

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        archive_result(tmp_path, fetch(url, client, clock=lambda: WHEN))
    monkeypatch.undo()
    assert path.stat().st_size == size
    assert [r["type"] for r in records(path)] == ["warcinfo", "response", "request"]


def test_concurrent_writers_interleave_whole_records(
    tmp_path: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/p", Reply(body=PAGE))
    results = [fetch(url, client, clock=lambda: WHEN) for _ in range(4)]
    placed: list[Any] = []

    def write(n: int) -> None:
        for _ in range(10):
            placed.extend(archive_result(tmp_path, results[n]))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stored = records(tmp_path / placed[0].file)
    assert [r["type"] for r in stored].count("response") == 40
    assert all(r["passed"] is not False for r in stored)
    assert {p.offset for p in placed} == {r["offset"] for r in stored if r["type"] == "response"}


def test_reading_back_finds_a_record_by_id_and_names_what_is_missing(
    tmp_path: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/p", Reply(body=PAGE))
    placed = archive_result(tmp_path, fetch(url, client, clock=lambda: WHEN))[0]
    # A wrong offset: the record is found by its id.
    assert read_response(tmp_path, placed.file, 7, placed.record_id).payload == PAGE
    assert find_record(tmp_path, placed.file, placed.record_id) == placed.offset
    with pytest.raises(ArchiveError, match="no response record <urn:uuid:nope>"):
        read_response(tmp_path, placed.file, placed.offset, "<urn:uuid:nope>")
    with pytest.raises(ArchiveError, match="the archive file is missing"):
        read_response(tmp_path, ".crosscheck/archive/1999-01.warc.gz", 0, placed.record_id)
    with pytest.raises(ArchiveError, match="not a path inside"):
        read_response(tmp_path, "../outside.warc.gz", 0, placed.record_id)
    damaged = tmp_path / ".crosscheck/archive/2000-01.warc.gz"
    damaged.write_bytes(b"this is not a WARC file")
    with pytest.raises(ArchiveError, match=r"2000-01\.warc\.gz"):
        read_response(tmp_path, damaged.relative_to(tmp_path).as_posix(), 0, placed.record_id)
