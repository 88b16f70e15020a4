"""Verify and refetch: saved pages against their archive records; pages read again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.web_server import (
    STORY,
    UPDATED_STORY,
    Reply,
    Site,
    article_html,
    loopback_guard,
    running_site,
)
from tui.corpus.articles import LOADERS
from tui.corpus.web.add import AddStatus, add_urls
from tui.corpus.web.archive import read_response
from tui.corpus.web.client import FetchConfig, WebClient
from tui.corpus.web.provenance import PROVENANCE_FILE, Capture, load_provenance
from tui.corpus.web.refetch import (
    RefetchError,
    RefetchStatus,
    find_entry,
    refetch,
    word_diff,
)
from tui.corpus.web.verify import Check, verify_folder

CONFIG = FetchConfig(connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0, retry_delay=0.0)
PAGE = article_html("Council approves road budget", STORY)
UPDATED = article_html("Council approves road budget", UPDATED_STORY)
NAME = "the-daily-test-council-approves-road-budget.html"
WHEN = datetime(2025, 3, 4, 12, 30, 15, tzinfo=UTC)
LATER = WHEN + timedelta(days=40)
SUFFIXES = frozenset(LOADERS)  # what the corpus loader reads, as the CLI passes it


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
def corpus(tmp_path: Path, site: Site, client: WebClient) -> Path:
    """A folder with two fetched pages and one saved by hand."""
    site.route("/budget", Reply(body=PAGE, gzip=True))
    site.route("/other", Reply(body=article_html("Second story", STORY[::-1])))
    outcomes = add_urls(
        [site.url("/budget"), site.url("/other")], tmp_path, client, clock=lambda: WHEN
    )
    assert [o.status for o in outcomes] == [AddStatus.ADDED, AddStatus.ADDED]
    (tmp_path / "by-hand").mkdir()
    (tmp_path / "by-hand" / "notes.md").write_text("# Notes\n\nSaved by hand.\n")
    (tmp_path / "saved-by-hand.html").write_bytes(article_html("Saved by hand", STORY))
    (tmp_path / ".hidden.html").write_text("<p>not an article</p>")
    return tmp_path


def states(folder: Path) -> dict[str, Check]:
    return {item.file: item.check for item in verify_folder(folder, suffixes=SUFFIXES).checked}


# Verify ------------------------------------------------------------------------------------


def test_fresh_pages_verify_and_hand_saved_ones_are_unarchived(corpus: Path) -> None:
    report = verify_folder(corpus, suffixes=SUFFIXES)
    assert [(i.file, i.check, i.message) for i in report.checked] == [
        (NAME, Check.OK, "matches its archive record"),
        ("the-daily-test-second-story.html", Check.OK, "matches its archive record"),
    ]
    assert report.unarchived == ("by-hand/notes.md", "saved-by-hand.html")
    assert not report.failed


def test_a_tampered_file_is_changed(corpus: Path) -> None:
    path = corpus / NAME
    path.write_bytes(path.read_bytes().replace(b"71 of them", b"710 of them"))
    report = verify_folder(corpus, suffixes=SUFFIXES)
    assert report.failed
    (item,) = [i for i in report.checked if i.file == NAME]
    assert (item.check, item.message) == (
        Check.CHANGED,
        "differs from its archive record of 2025-03-04 12:30 UTC",
    )


def test_a_deleted_file_and_a_deleted_archive(corpus: Path) -> None:
    (corpus / NAME).unlink()
    assert states(corpus)[NAME] is Check.MISSING_FILE
    for archive in (corpus / ".crosscheck/archive").glob("*.warc.gz"):
        archive.unlink()
    report = verify_folder(corpus, suffixes=SUFFIXES)
    assert {i.check for i in report.checked} == {Check.MISSING_RECORD}
    assert (
        report.checked[0].message
        == ".crosscheck/archive/2025-03.warc.gz: the archive file is missing"
    )


def test_verify_can_be_limited_to_some_files(corpus: Path) -> None:
    (corpus / NAME).write_bytes(b"changed")
    report = verify_folder(
        corpus, ["the-daily-test-second-story.html", "by-hand/notes.md"], suffixes=SUFFIXES
    )
    assert [i.file for i in report.checked] == ["the-daily-test-second-story.html"]
    assert report.unarchived == ("by-hand/notes.md",) and not report.failed


# Refetch -----------------------------------------------------------------------------------


def test_a_changed_page_is_saved_again_with_its_new_record(
    corpus: Path, site: Site, client: WebClient
) -> None:
    old = load_provenance(corpus)[NAME]
    site.route("/budget", Reply(body=UPDATED))
    outcome = refetch(corpus, NAME, client, clock=lambda: LATER)
    assert outcome.status is RefetchStatus.CHANGED
    assert outcome.message == "text changed: 14 words added, 1 removed"
    assert outcome.diff is not None and outcome.diff.samples[:3] == ("+ now", "- 71", "+ 85")
    assert (corpus / NAME).read_bytes() == UPDATED
    entry = load_provenance(corpus)[NAME]
    assert entry == outcome.provenance
    assert entry.capture.fetched_at == LATER and entry.earlier == (old.capture,)
    assert entry.capture.archive_file == ".crosscheck/archive/2025-04.warc.gz"  # beside the old
    # Both records stay readable; the file now matches the new one.
    assert read_response(corpus, **_where(old.capture)).payload == PAGE
    assert read_response(corpus, **_where(entry.capture)).payload == UPDATED
    assert states(corpus)[NAME] is Check.OK


def test_an_unchanged_page_is_archived_but_nothing_is_replaced(
    corpus: Path, site: Site, client: WebClient
) -> None:
    before = (corpus / PROVENANCE_FILE).read_bytes()
    outcome = refetch(corpus, site.url("/budget"), client, clock=lambda: LATER)
    assert (outcome.status, outcome.message) == (
        RefetchStatus.UNCHANGED,
        "text unchanged (same bytes)",
    )
    assert len(outcome.records) == 1 and outcome.records[0].file.endswith("2025-04.warc.gz")
    assert (corpus / PROVENANCE_FILE).read_bytes() == before
    # New adverts, same article: still unchanged, and the saved file is left alone.
    site.route("/budget", Reply(body=PAGE.replace(b"<footer>", b"<aside>Buy now</aside><footer>")))
    again = refetch(corpus, NAME, client, clock=lambda: LATER)
    assert again.message == "text unchanged (the markup changed)"
    assert (corpus / NAME).read_bytes() == PAGE


def test_a_page_now_gone_is_archived_and_the_file_kept(
    corpus: Path, site: Site, client: WebClient
) -> None:
    site.route("/budget", Reply(404, b"<h1>Not found</h1>"))
    outcome = refetch(corpus, str(corpus / NAME), client, clock=lambda: LATER)
    assert (outcome.status, outcome.message) == (RefetchStatus.FAILED, "now: HTTP 404 Not Found")
    assert outcome.records[0].status == 404
    assert (corpus / NAME).read_bytes() == PAGE
    assert states(corpus)[NAME] is Check.OK


def test_a_page_now_without_text_is_not_replaced(
    corpus: Path, site: Site, client: WebClient
) -> None:
    gallery = b"<html><head><title>Gallery</title></head><body><img src='a.jpg'></body></html>"
    site.route("/budget", Reply(body=gallery))
    outcome = refetch(corpus, NAME, client, clock=lambda: LATER)
    assert outcome.status is RefetchStatus.NO_TEXT
    assert (corpus / NAME).read_bytes() == PAGE


def test_a_deleted_file_is_compared_with_its_record_and_restored(
    corpus: Path, site: Site, client: WebClient
) -> None:
    (corpus / NAME).unlink()
    site.route("/budget", Reply(body=UPDATED))
    outcome = refetch(corpus, NAME, client, clock=lambda: LATER)
    assert outcome.message == "text changed: 14 words added, 1 removed"
    assert (corpus / NAME).read_bytes() == UPDATED


def test_refetch_names_what_it_cannot_find(corpus: Path, site: Site) -> None:
    with pytest.raises(RefetchError, match=r"by-hand/notes\.md is not an article fetched"):
        find_entry(corpus, "by-hand/notes.md")
    with pytest.raises(RefetchError, match="no article in the corpus was fetched from"):
        find_entry(corpus, "https://elsewhere.example/\x1b[2J")
    assert find_entry(corpus, site.url("/budget")).file == NAME


def test_word_diff_counts_words() -> None:
    diff = word_diff("the council approved 71 streets today", "the council approved 85 streets")
    assert (diff.added, diff.removed) == (1, 2)
    assert diff.samples == ("- 71", "+ 85", "- today")
    assert word_diff("same words", "same  words\n").added == 0


def _where(capture: Capture) -> dict[str, Any]:
    return {"file": capture.archive_file, "offset": capture.offset, "record_id": capture.record_id}
