"""`crosscheck add` against a real HTTP server on 127.0.0.1: output, exit status, each failure."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_web_support import NAME, PAGE, cli, files_of, write_config
from tests.web_server import (
    STORY,
    Reply,
    Site,
    article_html,
    feed_reply,
    free_port,
    running_site,
)
from tui.cli.main import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from tui.corpus.web.provenance import PROVENANCE_FILE, load_provenance

NO_TEXT_PAGE = b"<!DOCTYPE html><html><head><title>Gallery</title></head><body></body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, with a config.toml whose corpus (`corpus/`) does not exist yet."""
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path)
    return tmp_path


def test_add_saves_a_page_into_the_configured_corpus_which_it_creates(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.route("/story", Reply(body=PAGE))
    url = site.route("/short", Reply(301, headers={"Location": "/story"}))
    code, out, err = cli(capsys, "add", url)
    assert (code, err) == (EXIT_OK, "")
    corpus = desk / "corpus"
    assert out.splitlines() == [
        f"added: {url}: saved as {NAME}",
        f"1 added to {corpus}, 0 already in the corpus, 0 not added",
    ]
    assert files_of(corpus) == [NAME] and (corpus / NAME).read_bytes() == PAGE
    capture = load_provenance(corpus)[NAME].capture
    assert (capture.url, capture.final_url) == (url, site.url("/story"))


def test_to_a_new_nested_folder(desk: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.route("/story", Reply(body=PAGE))
    code, out, _ = cli(capsys, "add", url, "--to", "new/folder")
    assert code == EXIT_OK and f"1 added to {Path('new/folder')}" in out
    assert files_of(desk / "new" / "folder") == [NAME]
    assert not (desk / "corpus").exists()


def test_a_batch_from_a_file_with_comments_tries_every_url_and_exits_1_on_any_failure(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    first = site.route("/one", Reply(body=PAGE))
    second = site.route("/two", Reply(body=article_html("Second story", STORY[::-1])))
    gone = site.url("/gone")
    listing = desk / "urls.txt"
    listing.write_text(
        f"# tips from Monday\n\n{first}#top   # the fragment is part of the URL\n"
        f"  {gone}\n# {site.url('/commented-out')}\n{second}\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "add", "--from", listing)
    assert code == EXIT_FAIL
    assert err.splitlines() == [f"crosscheck: {gone}: HTTP 404 Not Found"]
    lines = out.splitlines()
    assert sorted(lines[:-1]) == [  # one line per URL, as each finished; no progress bar
        f"added: {first}#top: saved as {NAME}",
        f"added: {second}: saved as the-daily-test-second-story.html",
    ]
    corpus = desk / "corpus"
    assert lines[-1] == f"2 added to {corpus}, 0 already in the corpus, 1 not added"
    assert files_of(desk / "corpus") == [NAME, "the-daily-test-second-story.html"]
    assert "/commented-out" not in site.hits


def test_a_progress_bar_on_a_terminal_only(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [site.route(f"/p{n}", Reply(body=article_html(f"Story {n}", STORY))) for n in range(3)]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = cli(capsys, "add", *urls)
    assert code == EXIT_OK and out.count("added: ") == 3
    drawn = terminal.getvalue()
    assert "\radding [" in drawn and "3/3" in drawn
    assert drawn.endswith("\r\x1b[K")  # taken away at the end


def test_a_url_already_in_the_corpus_is_reported_not_saved_again_and_is_no_failure(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    assert cli(capsys, "add", url)[0] == EXIT_OK
    code, out, err = cli(capsys, "add", url, url)
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines()[:2] == [
        f"duplicate: {url}: already in the corpus as {NAME}",
        f"duplicate: {url}: listed twice (also as {url})",
    ]
    assert files_of(desk / "corpus") == [NAME] and site.hits["/story"] == 1


def test_a_feed_is_listed_and_its_entries_added_with_all(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    base = site.url("")
    feed = site.route("/rss", feed_reply(site))
    site.route("/news/1", Reply(body=PAGE))
    site.route("/news/2", Reply(body=article_html("Second story", STORY[::-1])))
    code, out, err = cli(capsys, "add", feed)
    assert (code, err) == (EXIT_OK, "")  # listing a feed is what was asked: success
    assert out.splitlines()[:4] == [
        f"{feed}: feed The Daily Test: City: 2 entries",
        f"  {base}/news/1  Council approves road budget",
        f"  {base}/news/2  Second story",
        "to add a feed's entries, run the command again with --all",
    ]
    assert files_of(desk / "corpus") == [] and "/news/1" not in site.hits
    code, out, _ = cli(capsys, "add", "--all", feed)
    assert code == EXIT_OK
    assert f"added: {base}/news/1: saved as {NAME}" in out
    assert files_of(desk / "corpus") == [NAME, "the-daily-test-second-story.html"]


def _failures(site: Site) -> list[tuple[str, str]]:
    """(URL, the message `add` gives) for each way a page can fail to be added."""
    port = free_port()
    site.route("/loop", Reply(302, headers={"Location": "/loop"}))
    site.route("/to-file", Reply(302, headers={"Location": "file:///etc/passwd"}))
    site.route("/pdf", Reply(body=b"%PDF-1.4", content_type="application/pdf"))
    site.route("/empty", Reply(body=NO_TEXT_PAGE))
    site.route("/error", Reply(500, b"<p>oops</p>"))
    site.route("/big", Reply(body=PAGE + b"<!--" + b"x" * 200_000 + b"-->"))
    site.route("/stall", Reply(body=PAGE, stall_after=100))
    site.route("/slow", Reply(body=PAGE, delay=5))
    return [
        (site.url("/missing"), "HTTP 404 Not Found"),
        (site.url("/error"), "HTTP 500 Internal Server Error"),
        (site.url("/loop"), "redirect loop: "),
        (site.url("/to-file"), "refused a redirect: only http and https URLs can be fetched"),
        (site.url("/pdf"), "not a web page or feed (application/pdf)"),
        (site.url("/empty"), "no article text found in the page (archived, not saved)"),
        (site.url("/big"), "larger than the 0.1 MB limit"),
        (site.url("/slow"), f"{site.host}:{site.port} did not answer within 0.3 s"),
        (site.url("/stall"), "the server stopped sending the page (nothing for 0.3 s)"),
        ("http://nowhere.invalid/story", "could not find the server nowhere.invalid"),
        (f"http://127.0.0.1:{port}/", f"connection refused by 127.0.0.1:{port}"),
        (f"https://{site.host}:{site.port}/story", f"TLS error with {site.host}:{site.port}"),
        ("file:///etc/passwd", "only http and https URLs can be fetched, not file"),
        ("javascript:alert(1)", "only http and https URLs can be fetched, not javascript"),
        ("example.org/story", "no http:// or https:// (did you mean https://example.org/story?)"),
    ]


def test_every_failure_is_one_line_exit_1_and_leaves_nothing(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path, read_timeout=0.3, max_size_mb=0.1)
    for url, message in _failures(site):
        code, out, err = cli(capsys, "add", url)
        assert code == EXIT_FAIL, (url, out, err)
        (line,) = err.splitlines()
        assert line.startswith(f"crosscheck: {url}: {message}"), (url, line)
        assert out.splitlines()[-1].endswith(", 1 not added")
    assert files_of(tmp_path / "corpus") == []  # nothing saved by any of them
    assert load_provenance(tmp_path / "corpus") == {}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "no URL to add: give one or more, or a file of them with --from FILE"),
        (["--from", "missing.txt"], "--from missing.txt: no such file"),
        (["--from", "."], "--from .: is a folder, not a file of URLs"),
        (["--from", "latin1.txt"], "--from latin1.txt: not UTF-8 text (one URL per line)"),
        (["--from", "blank.txt"], "no URL to add"),
        (["http://127.0.0.1:9/", "--to", "config.toml"], "config.toml: --to is a file"),
    ],
)
def test_usage_errors_exit_2_before_any_fetch(
    desk: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (desk / "latin1.txt").write_bytes(b"http://caf\xe9.example/\n")
    (desk / "blank.txt").write_text("# nothing here yet\n\n", encoding="utf-8")
    code, out, err = cli(capsys, "add", *argv)
    assert code == EXIT_USAGE and out == ""
    assert err.splitlines()[-1].startswith(f"crosscheck: {message}")


def test_a_damaged_provenance_file_stops_add_before_any_fetch(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    damaged = desk / "corpus" / PROVENANCE_FILE
    damaged.parent.mkdir(parents=True)
    damaged.write_text("[files\n", encoding="utf-8")
    code, out, err = cli(capsys, "add", url)
    assert (code, out) == (EXIT_FAIL, "")
    (line,) = err.splitlines()
    assert line.startswith(f"crosscheck: {damaged}: not valid TOML")
    assert line.endswith("; nothing was fetched")
    assert site.hits == {} and files_of(desk / "corpus") == []


def test_the_web_settings_reach_the_fetch(
    desk: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    write_config(desk, max_size_mb=0.001)  # about 1 KB
    code, _, err = cli(capsys, "add", url)
    assert code == EXIT_FAIL and f"{url}: larger than the 0.001" in err and "MB limit" in err
    write_config(desk, max_size_mb=1)
    assert cli(capsys, "add", url)[0] == EXIT_OK
