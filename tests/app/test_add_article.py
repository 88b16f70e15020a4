"""The add-article dialog (+) against a real HTTP server on 127.0.0.1: a page is fetched,
saved as `crosscheck add` saves it and shown without a restart; a 404, a bad address, a
corpus opened on files and a folder that cannot hold the archive each give one message in
the dialog and change nothing; a feed's entries are listed and only the ticked ones
fetched; the reviewer's verdicts (made before the add, or while it runs) stay."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList, Static

from tests.app.conftest import Run, Start, settle, statuses
from tests.cli_web_support import NAME, PAGE, files_of
from tests.screenshots import fixed_config, write_conflict_corpus
from tests.web_server import FEED, STORY, Reply, Site, article_html, feed_reply, running_site
from tui.app.app import build_app
from tui.app.screens.add_article import AddArticleScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_pane import ArticlePane
from tui.corpus.web.names import quoted
from tui.corpus.web.provenance import load_provenance

SECOND = article_html("Second story on the budget", STORY[::-1], "Other Times")
SECOND_NAME = "other-times-second-story-on-the-budget.html"


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_conflict_corpus(tmp_path)


async def finish(r: Run) -> None:
    """Let the add worker (and the archive checks it leads to) end, and the app catch up."""
    for _ in range(3):
        await r.app.workers.wait_for_complete()
        await settle(r.pilot)


async def ask_to_add(r: Run, url: str) -> AddArticleScreen:
    await r.press("plus")
    dialog = r.app.screen
    assert isinstance(dialog, AddArticleScreen)
    dialog.query_one("#add-url", Input).value = url
    await r.press("enter")
    return dialog


def status_of(dialog: AddArticleScreen) -> str:
    return str(dialog.query_one("#add-status", Static).render())


def list_ids(r: Run) -> list[str]:
    rows = r.app.main_screen.query_one(ArticleList)
    return [rows.get_option_at_index(i).id or "" for i in range(rows.option_count)]


async def test_a_page_is_saved_and_shown_in_the_list_and_the_right_pane(
    start: Start, corpus: Path, site: Site
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    async with start(corpus) as r:
        before = [a.id for a in r.s.analysis.articles]
        await ask_to_add(r, url)
        await finish(r)
        assert not isinstance(r.app.screen, AddArticleScreen)  # closed once it was added
        assert files_of(corpus) == sorted([*(p.name for p in corpus.glob("*.txt")), NAME])
        assert (corpus / NAME).read_bytes() == PAGE  # as `crosscheck add` saves it
        assert load_provenance(corpus)[NAME].capture.url == url
        new = [a for a in r.s.analysis.articles if a.id not in before]
        assert [a.url for a in new] == [url]
        assert list_ids(r) == [a.id for a in r.s.analysis.articles]
        assert new[0].id in list_ids(r)
        right = r.app.main_screen.query_one("#right", ArticlePane)
        assert right.article_id == new[0].id
        header = [line.plain for line in right.header()]
        assert header[0] == "Council approves road budget"
        assert url in header
        assert any(line.startswith("archive verified · fetched 20") for line in header)
        assert any("Added" in n and "Council approves road budget" in n for n in r.notices)
        # Its claims are matched against the corpus: the new article's claims are there.
        assert r.s.analysis.claims_of(new[0].id)


async def test_a_404_says_so_in_the_dialog_and_adds_nothing(
    start: Start, corpus: Path, site: Site
) -> None:
    missing = site.url("/gone")
    files = files_of(corpus)
    async with start(corpus) as r:
        articles = r.s.analysis.articles
        dialog = await ask_to_add(r, missing)
        await finish(r)
        assert r.app.screen is dialog  # still open, with the reason
        assert status_of(dialog) == f"Nothing added: {missing}: HTTP 404 Not Found"
        assert dialog.query_one("#add-status").has_class("-error")
        assert files_of(corpus) == files
        assert r.s.analysis.articles == articles
        assert not any("404" in n for n in r.notices)  # said in the dialog, not as toasts


NO_TEXT = b"<!DOCTYPE html><html><head><title>Gallery</title></head><body></body></html>"


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (Reply(body=NO_TEXT), "no article text found in the page (archived, not saved)"),
        (Reply(body=b"%PDF-1.4", content_type="application/pdf"), "application/pdf"),
        (Reply(500, b"oops"), "HTTP 500"),
    ],
    ids=["no article text", "not a page", "server error"],
)
async def test_a_page_that_is_not_an_article_says_why_and_adds_nothing(
    start: Start, corpus: Path, site: Site, reply: Reply, said: str
) -> None:
    url = site.route("/page", reply)
    files = files_of(corpus)
    async with start(corpus) as r:
        articles = r.s.analysis.articles
        dialog = await ask_to_add(r, url)
        await finish(r)
        assert status_of(dialog).startswith(f"Nothing added: {url}: ")
        assert said in status_of(dialog)
        assert files_of(corpus) == files and r.s.analysis.articles == articles


async def test_a_page_already_in_the_corpus_is_not_saved_twice(
    start: Start, corpus: Path, site: Site
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    async with start(corpus) as r:
        await ask_to_add(r, url)
        await finish(r)
        articles = r.s.analysis.articles
        dialog = await ask_to_add(r, url)
        await finish(r)
        assert status_of(dialog) == f"Nothing added: {url}: already in the corpus as {quoted(NAME)}"
        assert r.s.analysis.articles == articles and files_of(corpus).count(NAME) == 1


async def test_a_damaged_provenance_file_stops_the_add_before_any_fetch(
    start: Start, corpus: Path, site: Site
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    (corpus / ".crosscheck").mkdir()
    (corpus / ".crosscheck" / "provenance.toml").write_text("[[[ not toml", encoding="utf-8")
    async with start(corpus) as r:
        dialog = await ask_to_add(r, url)
        await finish(r)
        said = status_of(dialog)
        assert said.startswith("Nothing added: ") and said.endswith("; nothing was fetched")
        assert "provenance.toml" in said and not site.requests
        assert NAME not in files_of(corpus)


async def test_an_address_that_is_not_http_is_refused_inline_before_any_fetch(
    start: Start, corpus: Path, site: Site
) -> None:
    async with start(corpus) as r:
        dialog = await ask_to_add(r, "file:///etc/passwd")
        await finish(r)
        assert "only http and https" in status_of(dialog)
        assert dialog.query_one("#add-status").has_class("-error")
        assert r.app.adder.busy is None and not site.requests
        assert not r.notices
        dialog.query_one("#add-url", Input).value = "javascript:alert(1)"
        await r.press("enter")
        assert "only http and https" in status_of(dialog)
        assert not site.requests and not r.notices


async def test_a_feed_lists_its_entries_and_only_the_ticked_one_is_fetched(
    start: Start, corpus: Path, site: Site
) -> None:
    site.route("/news/1", Reply(body=PAGE))
    site.route("/news/2", Reply(body=SECOND))
    feed = site.route("/feed.xml", feed_reply(site))
    async with start(corpus) as r:
        dialog = await ask_to_add(r, feed)
        await finish(r)
        entries = dialog.query_one("#add-entries", SelectionList)
        assert entries.display and entries.option_count == 2
        assert "2 entries" in status_of(dialog)
        assert files_of(corpus) == sorted(p.name for p in corpus.glob("*.txt"))  # listed only
        assert r.app.focused is entries
        await r.press("down", "space")
        assert entries.selected == [1]
        await r.press("ctrl+s")
        await finish(r)
        assert site.hits.get("/news/1") is None and site.hits["/news/2"] == 1
        assert SECOND_NAME in files_of(corpus) and NAME not in files_of(corpus)
        assert [a.title for a in r.s.analysis.articles if a.url] == ["Second story on the budget"]


async def test_a_feed_listed_after_the_dialog_closed_is_offered_on_the_next_add(
    start: Start, corpus: Path, site: Site
) -> None:
    gate = threading.Event()
    listing = feed_reply(site)

    def slow(_: BaseHTTPRequestHandler) -> Reply:
        gate.wait(10)
        return listing

    feed = site.route("/feed.xml", slow)
    try:
        async with start(corpus) as r:
            await ask_to_add(r, feed)
            await r.press("escape")  # closed before the listing came
            gate.set()
            await finish(r)
            await offered_on_the_next_add(r, feed)
    finally:
        gate.set()


async def offered_on_the_next_add(r: Run, feed: str) -> None:
    """A notice says the feed was listed; the add key shows its entries to tick."""
    assert any(n.startswith(f"{feed} is a feed of 2 entries: + lists them") for n in r.notices)
    await r.press("plus")
    dialog = r.app.screen
    assert isinstance(dialog, AddArticleScreen)
    assert dialog.query_one("#add-entries", SelectionList).option_count == 2
    assert dialog.query_one("#add-url", Input).value == feed


async def test_hostile_feed_entries_are_listed_literally(
    start: Start, corpus: Path, site: Site
) -> None:
    hostile = FEED.replace("Council approves road budget", "[@click=app.quit]x\u202e[b]evil")
    feed = site.route("/feed.xml", feed_reply(site, hostile))
    async with start(corpus) as r:
        dialog = await ask_to_add(r, feed)
        await finish(r)
        entries = dialog.query_one("#add-entries", SelectionList)
        first = str(entries.get_option_at_index(0).prompt)
        assert first.startswith("[@click=app.quit]x") and "[b]evil" in first
        assert "\u202e" not in first  # the bidi override is shown as a stand-in, not obeyed
        await r.press("enter")  # ticks the entry; nothing is clicked, the app goes on
        assert r.app.is_running and entries.selected == [0]


async def test_ticking_nothing_says_so(start: Start, corpus: Path, site: Site) -> None:
    feed = site.route("/feed.xml", feed_reply(site))
    async with start(corpus) as r:
        dialog = await ask_to_add(r, feed)
        await finish(r)
        await r.press("ctrl+s")
        assert "Tick the entries" in status_of(dialog)
        assert r.app.adder.busy is None and "/news/1" not in site.hits


async def test_a_verdict_made_before_the_add_stays_in_the_session_and_the_file(
    start: Start, corpus: Path, site: Site, verdicts: Path
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    async with start(corpus) as r:
        await r.press("j", "c")  # the second claim corroborated; the cursor moves on
        decided = {c: v.status for c, v in ((c.id, r.s.verdict(c.id)) for c in r.s.claims()) if v}
        assert list(decided.values()) == ["corroborated"]
        cursor = r.s.cursor
        await ask_to_add(r, url)
        await finish(r)
        assert any(a.url == url for a in r.s.analysis.articles)
        assert {c: r.s.verdict(c).status for c in decided} == decided  # type: ignore[union-attr]
        assert r.s.cursor == cursor
        assert statuses(verdicts) == {c: str(s) for c, s in decided.items()}
        await r.press("d")  # the new session saves like the old one
        assert sorted(statuses(verdicts).values()) == ["corroborated", "disputed"]


async def test_keys_work_while_a_fetch_runs_and_a_second_add_is_refused(
    start: Start, corpus: Path, site: Site, verdicts: Path
) -> None:
    gate = threading.Event()

    def slow(_: BaseHTTPRequestHandler) -> Reply:
        gate.wait(10)
        return Reply(body=PAGE)

    url = site.route("/slow", slow)
    try:
        async with start(corpus) as r:
            first = r.s.cursor
            await ask_to_add(r, url)
            assert r.app.adder.busy == url
            await r.press("escape")  # the dialog closes; the fetch goes on
            assert not isinstance(r.app.screen, AddArticleScreen)
            await r.press("c")  # a decision while the fetch runs
            assert first is not None and r.s.verdict(first) is not None
            await r.press("plus")
            assert not isinstance(r.app.screen, AddArticleScreen)
            assert any(n.startswith(f"Already adding {url}") for n in r.notices)
            gate.set()
            await finish(r)
            assert any(a.url == url for a in r.s.analysis.articles)
            kept = r.s.verdict(first)
            assert kept is not None and kept.status == "corroborated"  # made during the fetch
            assert statuses(verdicts) == {first: "corroborated"}
            assert any("Added" in n for n in r.notices)  # said once done, the dialog closed
    finally:
        gate.set()


async def test_an_app_opened_on_files_has_no_folder_to_add_to(
    corpus: Path, site: Site, verdicts: Path
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    files = sorted(corpus.glob("*.txt"))
    app = build_app(fixed_config(corpus), files, verdicts)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await app.analysed.wait()
            await settle(pilot)
            r = Run(app, pilot)
            dialog = await ask_to_add(r, url)
            await finish(r)
            assert "opened on files" in status_of(dialog)
            assert not site.requests and NAME not in files_of(corpus)
    finally:
        app.store.close()


async def test_a_folder_that_cannot_hold_the_archive_gives_one_message(
    start: Start, corpus: Path, site: Site
) -> None:
    url = site.route("/story", Reply(body=PAGE))
    (corpus / ".crosscheck").write_text("not a folder", encoding="utf-8")
    files = files_of(corpus)
    async with start(corpus) as r:
        articles = r.s.analysis.articles
        dialog = await ask_to_add(r, url)
        await finish(r)
        said = status_of(dialog)
        assert said.startswith(f"Nothing added: {corpus / '.crosscheck'}") and said.count("\n") == 0
        assert "cannot use the corpus folder (Not a directory); nothing fetched" in said
        assert not site.requests
        assert files_of(corpus) == files and r.s.analysis.articles == articles
        assert r.app.adder.busy is None  # a next add can start
