"""Adding articles by URL: saved byte for byte with provenance, feeds, duplicates, failures."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.web_server import (
    STORY,
    Reply,
    Site,
    article_html,
    free_port,
    loopback_guard,
    running_site,
    warc_records,
)
from tui.corpus.web import add as add_module
from tui.corpus.web.add import AddOutcome, AddStatus, add_urls, all_in_corpus
from tui.corpus.web.archive import read_response
from tui.corpus.web.client import FetchConfig, WebClient
from tui.corpus.web.extract import extract_page
from tui.corpus.web.provenance import PROVENANCE_FILE, ProvenanceError, load_provenance

CONFIG = FetchConfig(connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0, retry_delay=0.0)
PAGE = article_html("Council approves road budget", STORY)
NAME = "the-daily-test-council-approves-road-budget.html"
WHEN = datetime(2025, 3, 4, 12, 30, 15, tzinfo=UTC)
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
NO_TEXT_PAGE = (
    b"<!DOCTYPE html><html><head><title>Gallery</title></head>"
    b"<body><nav><a href='/'>Home</a></nav><img src='a.jpg'></body></html>"
)


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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "new" / "corpus"  # does not exist yet: add creates it


def add(urls: list[str], folder: Path, client: WebClient, **kwargs: object) -> list[AddOutcome]:
    outcomes = add_urls(urls, folder, client, clock=lambda: WHEN, **kwargs)  # type: ignore[arg-type]
    for outcome in outcomes:
        assert not UNSAFE.search(outcome.message), outcome.message
    return outcomes


def articles(folder: Path) -> list[str]:
    """Every file in the folder outside .crosscheck (temporary files would show here)."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and ".crosscheck" not in p.parts
    )


def loaded_text(path: Path) -> str:
    """The text the corpus loader finds in a saved page."""
    from tui.corpus.formats.html import read_html_file

    (doc,) = read_html_file(path, lambda message: None)
    return doc.text


def test_a_page_is_saved_byte_for_byte_with_its_provenance(
    folder: Path, site: Site, client: WebClient
) -> None:
    site.route("/final", Reply(body=PAGE, gzip=True, chunked=True))
    url = site.route("/news/budget", Reply(302, headers={"Location": "/final"}))
    (outcome,) = add([url + "#comments"], folder, client)
    assert (outcome.status, outcome.message, outcome.file) == (
        AddStatus.ADDED,
        f"saved as {NAME}",
        NAME,
    )
    assert outcome.ok and all_in_corpus([outcome])
    saved = (folder / NAME).read_bytes()
    assert saved == PAGE
    entry = load_provenance(folder)[NAME]
    assert entry == outcome.provenance
    capture = entry.capture
    assert (capture.url, capture.final_url, capture.status) == (url, site.url("/final"), 200)
    assert capture.fetched_at == WHEN
    assert capture.sha256 == hashlib.sha256(saved).hexdigest()
    assert capture.archive_file == ".crosscheck/archive/2025-03.warc.gz"
    record = read_response(folder, capture.archive_file, capture.offset, capture.record_id)
    assert record.payload == saved and record.url == capture.final_url
    assert [r.status for r in outcome.records] == [302, 200]
    assert outcome.records[-1].record_id == capture.record_id
    page = extract_page(saved)
    assert page is not None and "71 of them" in page.text
    assert loaded_text(folder / NAME) == page.text  # loading works as for a saved page
    assert articles(folder) == [NAME]


def test_a_url_already_in_the_corpus_is_not_fetched_or_saved_again(
    folder: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/a", Reply(body=PAGE))
    add([url], folder, client)
    (again,) = add([url], folder, client)
    assert (again.status, again.message) == (
        AddStatus.DUPLICATE,
        f"already in the corpus as {NAME}",
    )
    assert again.ok and site.hits["/a"] == 1  # in the corpus: not a failure
    site.route("/short", Reply(301, headers={"Location": "/a"}))
    (by_redirect,) = add([site.url("/short")], folder, client)
    assert by_redirect.message == f"already in the corpus as {NAME} (same final URL)"
    assert by_redirect.records  # fetched, so archived
    site.route("/mirror", Reply(body=PAGE))
    (copy,) = add([site.url("/mirror")], folder, client)
    assert copy.message == f"already in the corpus as {NAME} (same content)"
    assert articles(folder) == [NAME]
    assert list(load_provenance(folder)) == [NAME]


def test_a_url_listed_twice_is_fetched_once(folder: Path, site: Site, client: WebClient) -> None:
    url = site.route("/a", Reply(body=PAGE))
    same = url.replace("http://", "HTTP://") + "#top"  # the same request to the server
    first, second = add([url, same], folder, client)
    assert first.status is AddStatus.ADDED
    assert second.status is AddStatus.DUPLICATE and second.message.startswith("listed twice")
    assert site.hits["/a"] == 1


def test_same_titles_get_numbered_names(folder: Path, site: Site, client: WebClient) -> None:
    folder.mkdir(parents=True)
    (folder / NAME).write_bytes(b"<html><body><p>saved by hand</p></body></html>")
    urls = [
        site.route(
            f"/v{i}",
            Reply(body=article_html("Council approves road budget", [*STORY, f"Version {i}."])),
        )
        for i in range(3)
    ]
    outcomes = add(urls, folder, client)
    names = [o.file for o in outcomes]
    assert sorted(map(str, names)) == [NAME.replace(".html", f"-{n}.html") for n in (2, 3, 4)]
    assert (folder / NAME).read_bytes() == b"<html><body><p>saved by hand</p></body></html>"


def test_hostile_titles_and_outlets_make_safe_names(
    folder: Path, site: Site, client: WebClient
) -> None:
    title = "../../etc/passwd \x1b[31mRED\x1b[0m \u202eexe.txt"
    page = article_html(title, STORY, site_name=".hidden/\u200bsite")
    url = site.route("/evil", Reply(body=page))
    (outcome,) = add([url], folder, client)
    assert outcome.status is AddStatus.ADDED
    assert outcome.file is not None and re.fullmatch(r"[a-z0-9-]+\.html", outcome.file)
    assert articles(folder) == [outcome.file]


def test_a_page_without_text_is_archived_not_saved(
    folder: Path, site: Site, client: WebClient
) -> None:
    url = site.route("/gallery", Reply(body=NO_TEXT_PAGE))
    (outcome,) = add([url], folder, client)
    assert (outcome.status, outcome.message) == (
        AddStatus.NO_TEXT,
        "no article text found in the page (archived, not saved)",
    )
    assert not outcome.ok and len(outcome.records) == 1
    assert articles(folder) == [] and load_provenance(folder) == {}
    record = outcome.records[0]
    assert (
        read_response(folder, record.file, record.offset, record.record_id).payload == NO_TEXT_PAGE
    )


def test_failures_are_archived_and_leave_no_article(
    folder: Path, site: Site, client: WebClient
) -> None:
    site.route("/gone", Reply(404, b"<h1>Not found</h1>"))
    site.route("/doc.pdf", Reply(body=b"%PDF-1.7", content_type="application/pdf"))
    site.route("/img", Reply(body=b"\x89PNG\r\n", content_type="image/png"))
    urls = [
        site.url("/gone"),
        site.url("/doc.pdf"),
        site.url("/img"),
        "file:///etc/passwd",
        "javascript:alert(document.cookie)",
        "::garbage::",
        f"http://127.0.0.1:{free_port()}/",
    ]
    outcomes = add(urls, folder, client)
    assert [(o.status, o.message) for o in outcomes] == [
        (AddStatus.FAILED, "HTTP 404 Not Found"),
        (AddStatus.FAILED, "not a web page or feed (application/pdf)"),
        (AddStatus.FAILED, "not a web page or feed (image/png)"),
        (AddStatus.FAILED, "only http and https URLs can be fetched, not file: file:///etc/passwd"),
        (
            AddStatus.FAILED,
            "only http and https URLs can be fetched, not javascript: "
            "javascript:alert(document.cookie)",
        ),
        (AddStatus.FAILED, "not a web address (no http:// or https://): ::garbage::"),
        (AddStatus.FAILED, outcomes[-1].message),
    ]
    assert outcomes[-1].message.startswith("connection refused by 127.0.0.1:")
    assert [len(o.records) for o in outcomes] == [1, 1, 1, 0, 0, 0, 0]
    assert not all_in_corpus(outcomes)
    assert articles(folder) == [] and load_provenance(folder) == {}


def test_an_oversized_page_is_refused(folder: Path, site: Site) -> None:
    url = site.route("/big", Reply(body=PAGE + b"<!--" + b"x" * 100_000 + b"-->"))
    with WebClient(FetchConfig(max_bytes=20_000, retry_delay=0)) as small:
        (outcome,) = add([url], folder, small)
    assert outcome.status is AddStatus.FAILED
    assert outcome.message.startswith("larger than the 0.0190735 MB limit")
    assert outcome.records[0].truncated == "length"
    assert articles(folder) == []


def test_charset_headers_do_not_change_the_text(
    folder: Path, site: Site, client: WebClient
) -> None:
    zurich = ["Die Stadt Zürich meldet für 2024 Kosten von 4,2 Millionen € für Straßen.", *STORY]
    cyrillic = [
        "Городской совет в среду утвердил бюджет на ремонт дорог в размере 4,2 миллиона рублей.",
        "По данным городского опроса, срочного ремонта требуют 212 из 640 обследованных улиц.",
        "Транспортное управление заявило, что подрядчики начнут работы в апреле этого года.",
    ]
    wrong = site.route(
        "/wrong",
        Reply(body=article_html("Zürich", zurich), content_type="text/html; charset=iso-8859-1"),
    )
    cp1251 = article_html("Новости", cyrillic).replace(b'<meta charset="utf-8">', b"")
    missing = site.route(
        "/missing", Reply(body=cp1251.decode().encode("cp1251"), content_type="text/html")
    )
    outcomes = add([wrong, missing], folder, client)
    assert [o.status for o in outcomes] == [AddStatus.ADDED, AddStatus.ADDED]
    assert "Zürich meldet für 2024" in loaded_text(folder / str(outcomes[0].file))
    assert "Городской совет" in loaded_text(folder / str(outcomes[1].file))


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Daily Test: City</title><link>{base}/</link>
<item><title>Council approves road budget</title><link>{base}/news/1</link></item>
<item><title>Second story</title><link>/news/2</link></item>
<item><title>Gallery</title><link>{base}/gallery</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title><id>urn:x</id>
<updated>2025-03-04T12:00:00Z</updated>
<entry><title>Only entry</title><id>urn:1</id><updated>2025-03-04T12:00:00Z</updated>
<link href="{base}/news/1"/></entry>
</feed>"""


def test_a_feed_lists_its_entries(folder: Path, site: Site, client: WebClient) -> None:
    base = site.url("")
    rss = site.route(
        "/rss", Reply(body=RSS.format(base=base).encode(), content_type="application/rss+xml")
    )
    atom = site.route(
        "/atom", Reply(body=ATOM.format(base=base).encode(), content_type="application/xml")
    )
    listed, atom_listed = add([rss, atom], folder, client)
    assert (listed.status, listed.message) == (
        AddStatus.LISTED,
        "feed The Daily Test: City: 3 entries",
    )
    assert listed.ok and listed.feed is not None
    assert [(e.title, e.link) for e in listed.feed.entries] == [
        ("Council approves road budget", f"{base}/news/1"),
        ("Second story", f"{base}/news/2"),  # made absolute
        ("Gallery", f"{base}/gallery"),
    ]
    assert atom_listed.message == "feed Atom Test: 1 entry"
    assert articles(folder) == [] and "/news/1" not in site.hits


def test_all_entries_of_a_feed_are_added(folder: Path, site: Site, client: WebClient) -> None:
    base = site.url("")
    site.route("/news/1", Reply(body=PAGE))
    site.route(
        "/news/2",
        Reply(body=article_html("Second story", [p.replace("council", "board") for p in STORY])),
    )
    site.route("/gallery", Reply(body=NO_TEXT_PAGE))
    rss = site.route(
        "/rss", Reply(body=RSS.format(base=base).encode(), content_type="application/rss+xml")
    )
    seen: list[tuple[int, int, str]] = []
    outcomes = add(
        [rss], folder, client, all_entries=True, progress=lambda d, t, o: seen.append((d, t, o.url))
    )
    assert [(o.status, o.via_feed) for o in outcomes] == [
        (AddStatus.LISTED, None),
        (AddStatus.ADDED, rss),
        (AddStatus.ADDED, rss),
        (AddStatus.NO_TEXT, rss),
    ]
    assert [d for d, _, _ in seen] == [1, 2, 3, 4] and seen[-1][1] == 4
    assert articles(folder) == [NAME, "the-daily-test-second-story.html"]
    (again,) = add([rss], folder, client, all_entries=True)[1:2]
    assert again.status is AddStatus.DUPLICATE


def test_nothing_is_left_when_provenance_cannot_be_written(
    folder: Path, site: Site, client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(add_module, "write_provenance", disk_full)
    (outcome,) = add([site.route("/a", Reply(body=PAGE))], folder, client)
    assert (outcome.status, outcome.message) == (
        AddStatus.FAILED,
        "could not record its provenance (No space left on device); nothing saved",
    )
    assert articles(folder) == []
    assert outcome.records  # the evidence stays


def test_a_damaged_provenance_file_stops_before_any_fetch(
    folder: Path, site: Site, client: WebClient
) -> None:
    (folder / PROVENANCE_FILE).parent.mkdir(parents=True)
    (folder / PROVENANCE_FILE).write_text("files = [")
    with pytest.raises(ProvenanceError, match="not valid TOML"):
        add([site.route("/a", Reply(body=PAGE))], folder, client)
    assert site.hits == {}
    assert (folder / PROVENANCE_FILE).read_text() == "files = ["  # never overwritten


def test_every_record_of_a_mixed_batch_reads_back_with_its_digest(
    folder: Path, site: Site, client: WebClient
) -> None:
    site.route("/page", Reply(body=PAGE, gzip=True, chunked=True))
    site.route("/moved", Reply(301, headers={"Location": "/page2"}))
    site.route("/page2", Reply(body=article_html("Another story", STORY[1:])))
    site.route("/gone", Reply(404, b"<h1>Not found</h1>"))
    site.route("/doc.pdf", Reply(body=b"%PDF-1.7", content_type="application/pdf"))
    outcomes = add([site.url(p) for p in ("/page", "/moved", "/gone", "/doc.pdf")], folder, client)
    stored = warc_records(folder / ".crosscheck/archive/2025-03.warc.gz")
    responses = [r for r in stored if r["type"] == "response"]
    assert len(responses) == 5 and [r["type"] for r in stored].count("request") == 5
    assert all(r["passed"] is True and not r["problems"] for r in responses)
    by_id = {r["id"]: r for r in responses}
    for outcome in outcomes:
        for placed in outcome.records:
            assert by_id[placed.record_id]["offset"] == placed.offset
        if outcome.file is not None:
            assert (
                by_id[outcome.records[-1].record_id]["payload"]
                == (folder / outcome.file).read_bytes()
            )


def test_an_unreadable_feed_and_a_hostile_feed_title(
    folder: Path, site: Site, client: WebClient
) -> None:
    broken = site.route("/broken", Reply(body=b"<<<not xml", content_type="application/rss+xml"))
    title = "Evil \u202eeulav\u202c feed"
    feed = RSS.format(base=site.url("")).replace("The Daily Test: City", title)
    hostile = site.route("/rss", Reply(body=feed.encode(), content_type="application/rss+xml"))
    first, second = add([broken, hostile], folder, client)  # add() checks messages are inert
    assert (first.status, first.message) == (AddStatus.FAILED, "not a readable RSS or Atom feed")
    assert second.status is AddStatus.LISTED
    assert second.message == "feed Evil \ufffdeulav\ufffd feed: 3 entries"


def test_importing_the_web_package_loads_no_network_library() -> None:
    import subprocess
    import sys

    code = (
        "import pkgutil, importlib, sys, tui.corpus.web as w\n"
        "for m in pkgutil.iter_modules(w.__path__, 'tui.corpus.web.'):\n"
        "    importlib.import_module(m.name)\n"
        "heavy = ('httpx', 'httpcore', 'warcio', 'trafilatura', 'feedparser', 'lxml')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
