"""`crosscheck verify` and `crosscheck refetch` on a corpus fetched from a server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_web_support import NAME, PAGE, cli, files_of, write_config
from tests.web_server import STORY, UPDATED_STORY, Reply, Site, article_html, running_site
from tui.cli.main import EXIT_FAIL, EXIT_OK
from tui.corpus.web.provenance import PROVENANCE_FILE, load_provenance

UPDATED = article_html("Council approves road budget", UPDATED_STORY)
SECOND = "the-daily-test-second-story.html"


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def corpus(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The configured corpus (the current folder's `corpus/`): two fetched pages, a page
    saved by hand and a note in a subfolder."""
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path)
    site.route("/budget", Reply(body=PAGE))
    site.route("/second", Reply(body=article_html("Second story", STORY[::-1])))
    code, _, err = cli(capsys, "add", site.url("/budget"), site.url("/second"))
    assert code == EXIT_OK, err
    folder = tmp_path / "corpus"
    (folder / "by-hand.html").write_bytes(article_html("Saved by hand", STORY))
    (folder / "notes").mkdir()
    (folder / "notes" / "tip.md").write_text("# Tip\n\nA reader wrote in.\n", encoding="utf-8")
    return folder


def test_verify_a_fresh_corpus(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "verify")
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"ok: {NAME}: matches its archive record (fetched 20")
    assert lines[1].startswith(f"ok: {SECOND}: matches its archive record")
    assert lines[2:] == [
        "unarchived: by-hand.html: saved by hand, no archive record",
        "unarchived: notes/tip.md: saved by hand, no archive record",
        f"2 fetched article(s) checked in {corpus}: 2 match their archive, 0 changed or"
        " missing; 2 saved by hand",
    ]


def test_verify_reports_a_changed_and_a_missing_file_and_exits_1(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = corpus / NAME
    page.write_bytes(page.read_bytes().replace(b"71 of them", b"710 of them"))
    (corpus / SECOND).unlink()
    code, out, _ = cli(capsys, "verify", corpus)
    assert code == EXIT_FAIL
    assert out.splitlines()[:2] == [
        f"changed: {NAME}: differs from its archive record of "
        + load_provenance(corpus)[NAME].capture.fetched_at.strftime("%Y-%m-%d %H:%M UTC"),
        f"missing file: {SECOND}: the saved file is missing",
    ]
    assert "0 match their archive, 2 changed or missing" in out


def test_verify_one_file_a_subfolder_and_a_missing_archive(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / SECOND).write_bytes(b"tampered")
    code, out, _ = cli(capsys, "verify", corpus / NAME)
    assert code == EXIT_OK and out.startswith(f"ok: {NAME}: ") and SECOND not in out
    code, out, _ = cli(capsys, "verify", corpus / "notes")
    assert code == EXIT_OK
    assert out.splitlines()[0] == "unarchived: notes/tip.md: saved by hand, no archive record"
    code, out, _ = cli(capsys, "verify", corpus / "by-hand.html")
    assert code == EXIT_OK and "unarchived: by-hand.html" in out
    for archive in (corpus / ".crosscheck" / "archive").glob("*.warc.gz"):
        archive.unlink()
    code, out, _ = cli(capsys, "verify", corpus / NAME)
    assert code == EXIT_FAIL
    assert out.splitlines()[0].startswith(f"missing record: {NAME}: .crosscheck/archive/")


def test_verify_what_does_not_exist_or_cannot_be_read(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = corpus / "nowhere.html"
    code, out, err = cli(capsys, "verify", gone)
    assert (code, out) == (EXIT_FAIL, "")
    assert (
        err == f"crosscheck: {gone}: no such file or folder, and no fetched article of that name\n"
    )
    (corpus / PROVENANCE_FILE).write_text("format = 7\n", encoding="utf-8")
    code, out, err = cli(capsys, "verify")
    assert (code, out) == (EXIT_FAIL, "")
    assert err == f"crosscheck: {corpus / PROVENANCE_FILE}: format 7 is not 1\n"


def test_refetch_a_changed_page_by_url(
    corpus: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.route("/budget", Reply(body=UPDATED))
    code, out, err = cli(capsys, "refetch", site.url("/budget"))
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[:4] == [
        f"changed: {NAME}: text changed: 14 words added, 1 removed",
        "  + now",
        "  - 71",
        "  + 85",
    ]
    assert lines[-2].startswith("the response is archived in .crosscheck/archive/")
    assert lines[-1] == (
        "verdicts on claims whose text changed re-anchor when the corpus is next opened"
    )
    assert (corpus / NAME).read_bytes() == UPDATED
    assert len(load_provenance(corpus)[NAME].earlier) == 1
    assert cli(capsys, "verify")[0] == EXIT_OK  # the file matches its new record


def test_refetch_an_unchanged_page_by_its_file_from_another_folder(
    corpus: Path,
    site: Site,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_config(elsewhere, corpus="other")  # not this corpus: the file's folder is found
    monkeypatch.chdir(elsewhere)
    code, out, _ = cli(capsys, "refetch", corpus / NAME)
    assert code == EXIT_OK
    assert out.splitlines()[0] == f"unchanged: {NAME}: text unchanged (same bytes)"
    assert site.hits["/budget"] == 2
    code, _, err = cli(capsys, "refetch", NAME)  # a bare name is looked up in `other`
    assert code == EXIT_FAIL and "is not an article fetched into this corpus" in err
    assert cli(capsys, "refetch", NAME, "--in", corpus)[0] == EXIT_OK


def test_refetch_failures_are_one_line_and_exit_1(
    corpus: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.route("/budget", Reply(404, b"<h1>Not found</h1>"))
    code, out, err = cli(capsys, "refetch", NAME)
    assert (code, out, err) == (EXIT_FAIL, "", f"crosscheck: {NAME}: now: HTTP 404 Not Found\n")
    assert (corpus / NAME).read_bytes() == PAGE  # kept as it was
    code, out, err = cli(capsys, "refetch", "by-hand.html")
    assert (code, out) == (EXIT_FAIL, "")
    assert err == "crosscheck: by-hand.html is not an article fetched into this corpus\n"
    code, _, err = cli(capsys, "refetch", "https://elsewhere.invalid/story")
    assert code == EXIT_FAIL
    assert err == (
        "crosscheck: no article in the corpus was fetched from https://elsewhere.invalid/story\n"
    )
    assert files_of(corpus) == ["by-hand.html", "notes/tip.md", NAME, SECOND]
