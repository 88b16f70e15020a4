"""Provenance in what crosscheck reads and writes: the loader gives a fetched page its URL and
fetch time; `claims`/`match` JSON and every export carry them; a damaged provenance file
warns and blocks nothing."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_web_support import NAME, PAGE, cli, write_config
from tests.exports_support import write_verdicts
from tests.web_server import STORY, Reply, Site, article_html, running_site
from tui.cli.main import EXIT_OK
from tui.corpus.articles import Article, load_corpus
from tui.corpus.fetched import PROVENANCE
from tui.corpus.web.provenance import PROVENANCE_FILE, iso_utc, load_provenance
from tui.verdicts.model import Status

HAND = "by-hand.html"


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def fetched(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str, str]:
    """A corpus with a page fetched through a redirect and one saved by hand: (folder, the
    page's final URL, its fetch time)."""
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path)
    final = site.route("/story/budget", Reply(body=PAGE))
    asked = site.route("/s/1", Reply(302, headers={"Location": "/story/budget"}))
    assert cli(capsys, "add", asked)[0] == EXIT_OK
    folder = tmp_path / "corpus"
    (folder / HAND).write_bytes(article_html("Saved by hand", STORY[::-1]))
    when = iso_utc(load_provenance(folder)[NAME].capture.fetched_at)
    return folder, final, when


def by_id(articles: tuple[Article, ...]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def test_the_loader_gives_a_fetched_page_its_url_and_fetch_time(
    fetched: tuple[Path, str, str],
) -> None:
    folder, final, when = fetched
    assert Path(PROVENANCE_FILE) == PROVENANCE  # the loader's copy of the domain's name
    articles = by_id(load_corpus([folder]).articles)
    page, hand = articles[Path(NAME).stem], articles["by-hand"]
    assert (page.url, page.fetched_at) == (final, when)
    assert hand.fetched_at is None and hand.url != final
    # The same page loaded alone, or without its provenance: same id, same sha256.
    (alone,) = load_corpus([folder / NAME]).articles
    assert (alone.url, alone.fetched_at) == (final, when)
    (folder / PROVENANCE_FILE).unlink()
    (bare,) = load_corpus([folder / NAME]).articles
    assert (bare.id, bare.sha256, bare.text) == (page.id, page.sha256, page.text)
    assert bare.fetched_at is None


def test_a_file_in_a_subfolder_is_found_in_the_nearest_provenance(
    fetched: tuple[Path, str, str],
) -> None:
    folder, final, when = fetched
    sub = folder / "world"
    sub.mkdir()
    (folder / NAME).rename(sub / NAME)
    entries = (folder / PROVENANCE_FILE).read_text(encoding="utf-8")
    (folder / PROVENANCE_FILE).write_text(
        entries.replace(f'[files."{NAME}"]', f'[files."world/{NAME}"]'), encoding="utf-8"
    )
    (page,) = load_corpus([sub]).articles
    assert (page.url, page.fetched_at) == (final, when)


def test_a_damaged_provenance_file_warns_and_the_corpus_loads(
    fetched: tuple[Path, str, str],
) -> None:
    folder, _, _ = fetched
    (folder / PROVENANCE_FILE).write_text("[files\n", encoding="utf-8")
    corpus = load_corpus([folder])
    assert len(corpus.articles) == 2
    assert all(a.fetched_at is None for a in corpus.articles)
    (warning,) = corpus.warnings
    assert warning.startswith(f"{folder / PROVENANCE_FILE}: not valid TOML")
    assert warning.endswith("; its articles load without their web address and fetch time")


def test_an_entry_that_names_no_web_address_is_not_shown(fetched: tuple[Path, str, str]) -> None:
    folder, final, _ = fetched
    path = folder / PROVENANCE_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            f'final_url = "{final}"', 'final_url = "javascript:alert(1)"'
        ),
        encoding="utf-8",
    )
    corpus = load_corpus([folder])
    page = by_id(corpus.articles)[Path(NAME).stem]
    assert page.fetched_at is None and page.url != "javascript:alert(1)"
    (warning,) = corpus.warnings
    assert "its provenance names no web address" in warning


@pytest.mark.parametrize("command", ["claims", "match"])
def test_json_articles_carry_url_and_fetched_at(
    fetched: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder, final, when = fetched
    code, out, _ = cli(capsys, command, folder, "--format", "json")
    assert code == EXIT_OK
    articles = {a["id"]: a for a in json.loads(out)["articles"]}
    assert (articles[Path(NAME).stem]["url"], articles[Path(NAME).stem]["fetched_at"]) == (
        final,
        when,
    )
    assert articles["by-hand"]["fetched_at"] is None


def test_loading_a_fetched_corpus_never_imports_the_network_code(
    fetched: tuple[Path, str, str],
) -> None:
    folder, _, _ = fetched
    code = (
        "import sys; from tui.cli.main import main; "
        f"main(['claims', {str(folder)!r}, '--format', 'json', '--no-cache']); "
        "print('httpx' in sys.modules, 'tui.corpus.web.fetch' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0 and json.loads(out.stdout)["articles"]
    assert out.stderr.splitlines()[-1] == "False False"


@pytest.fixture
def exported(
    fetched: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> Iterator[dict[str, str]]:
    """Every export of a verdict file deciding one claim of each article."""
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings

    folder, _, _ = fetched
    analysis = analyse([folder], MatchSettings())
    decisions = [
        (article_id, next(c.text for c in analysis.claims_of(article_id) if c.is_claim), status)
        for article_id, status in (
            (Path(NAME).stem, Status.CORROBORATED),
            ("by-hand", Status.DISPUTED),
        )
    ]
    write_verdicts(folder.parent / "v.toml", folder, "alice", decisions)
    outputs = {}
    for fmt in ("json", "csv", "md", "claimreview", "w3c"):
        code, out, err = cli(capsys, "export", "--verdicts", "v.toml", "--format", fmt)
        assert code == EXIT_OK, err
        outputs[fmt] = out
    yield outputs


def test_json_and_csv_exports_carry_url_and_fetch_time_per_claim(
    fetched: tuple[Path, str, str], exported: dict[str, str]
) -> None:
    _, final, when = fetched
    records = {r["article"]: r for r in json.loads(exported["json"])["verdicts"]}
    assert (records[Path(NAME).stem]["url"], records[Path(NAME).stem]["fetched_at"]) == (
        final,
        when,
    )
    assert records["by-hand"]["fetched_at"] is None
    rows = {r["article"]: r for r in csv.DictReader(io.StringIO(exported["csv"]))}
    assert (rows[Path(NAME).stem]["url"], rows[Path(NAME).stem]["fetched_at"]) == (final, when)
    assert rows["by-hand"]["fetched_at"] == ""


def test_markdown_names_the_page_and_when_it_was_fetched(
    fetched: tuple[Path, str, str], exported: dict[str, str]
) -> None:
    _, final, when = fetched
    assert f"Page: {final}, fetched {when} (archived with the corpus)." in exported["md"]
    assert exported["md"].count("fetched 20") == 1  # the page saved by hand was not fetched


def test_claimreview_and_w3c_point_at_the_page(
    fetched: tuple[Path, str, str], exported: dict[str, str]
) -> None:
    folder, final, when = fetched
    appearances = {
        r["claimReviewed"]: r["itemReviewed"]["appearance"]["url"]
        for r in json.loads(exported["claimreview"])
    }
    assert sorted(appearances.values()) == sorted([final, (folder / HAND).resolve().as_uri()])
    targets = [a["target"] for a in json.loads(exported["w3c"])["first"]["items"]]
    page = next(t for t in targets if t["source"] == final)
    assert page["state"] == {"type": "TimeState", "sourceDate": when}
    hand = next(t for t in targets if t["source"] != final)
    assert hand["source"] == (folder / HAND).resolve().as_uri() and "state" not in hand
