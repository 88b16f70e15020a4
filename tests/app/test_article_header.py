"""The article pane's header and the article list show what is known of each article:
outlet, date, author and web address from its metadata; for a page `crosscheck add` fetched,
when it was fetched and whether its file still matches the archive (checked in a worker).
All of it is drawn literally and cut to the pane's width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.conftest import Run, Start, settle
from tests.cli_web_support import NAME, PAGE
from tests.web_server import Reply, Site, running_site
from tui.app.article_meta import Archive, ArticleMeta, meta_of, short_date
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_pane import ArticlePane
from tui.config import WebSettings
from tui.corpus.fetched import fetch_config
from tui.corpus.web.add import AddStatus, add_urls
from tui.corpus.web.client import WebClient

BODY = (
    "Russia has gathered 50,000 troops near the Kursk region, officials said on Monday.\n"
    "The counteroffensive began on November 7, according to the Pentagon.\n"
)
KNOWN = (
    '---\ntitle: "Troops gather near Kursk"\noutlet: "The Daily Test"\nauthor: "Jo Reporter"\n'
    'published: "2024-11-12T08:30:00Z"\nurl: "https://news.example/kursk"\n---\n' + BODY
)
HOSTILE = (
    '---\ntitle: "[b]Kursk[/b] build-up"\noutlet: "[red]Evil[/red] Wire"\n'
    'author: "[@click=app.quit]x"\npublished: "[@click=app.quit]today"\n'
    'url: "https://evil.example/[@click=app.quit]y"\n---\n'
    "Russia has gathered 45,000 troops near the Kursk region, officials said on Monday.\n"
)


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def pane(r: Run, which: str) -> ArticlePane:
    return r.app.main_screen.query_one(f"#{which}", ArticlePane)


def header(r: Run, which: str) -> list[str]:
    return [line.plain for line in pane(r, which).header()]


async def show_right(r: Run, article_id: str) -> None:
    screen = r.app.main_screen
    screen.compare = article_id
    screen.paint(follow=False)
    await r.app.workers.wait_for_complete()  # the archive check, for a fetched page
    await settle(r.pilot)


def fetched_corpus(folder: Path, site: Site) -> Path:
    """A corpus with a page saved by `crosscheck add`'s own function, and one saved by hand."""
    write(folder, {"hand.md": KNOWN})
    url = site.route("/story", Reply(body=PAGE))
    with WebClient(fetch_config(WebSettings())) as client:
        (outcome,) = add_urls([url], folder, client)
    assert outcome.status is AddStatus.ADDED
    return folder


async def test_the_header_shows_outlet_date_author_and_address(
    start: Start, tmp_path: Path
) -> None:
    corpus = write(tmp_path / "c", {"a.md": KNOWN, "b.txt": "Kursk build-up\n\n" + BODY})
    async with start(corpus) as r:
        assert header(r, "left") == [
            "Troops gather near Kursk",
            "The Daily Test · 2024-11-12T08:30:00Z · by Jo Reporter",
            "https://news.example/kursk",
        ]
        assert header(r, "right") == ["Kursk build-up"]  # nothing known: the title alone
        rows = r.app.main_screen.query_one(ArticleList)
        row = rows.get_option_at_index(0).prompt
        assert "The Daily Test · 2024-11-12" in str(row)
        assert "08:30" not in str(row)  # the list gives the day


async def test_hostile_metadata_stays_literal(start: Start, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c", {"a.md": KNOWN, "evil.md": HOSTILE})
    async with start(corpus) as r:
        evil = next(a.id for a in r.s.analysis.articles if a.id == "evil")
        await show_right(r, evil)
        lines = pane(r, "right").header()
        assert [line.plain for line in lines] == [
            "[b]Kursk[/b] build-up",
            "[red]Evil[/red] Wire · [@click=app.quit]today · by [@click=app.quit]x",
            "https://evil.example/[@click=app.quit]y",
        ]
        for line in lines:  # no markup became a style or a link
            assert all(not span.style or "@click" not in str(span.style) for span in line.spans)
        assert r.app.is_running and r.app.return_code is None


async def test_a_fetched_page_shows_its_address_fetch_time_and_a_verified_archive(
    start: Start, tmp_path: Path, site: Site
) -> None:
    corpus = fetched_corpus(tmp_path / "c", site)
    async with start(corpus) as r:
        page = next(a for a in r.s.analysis.articles if a.fetched_at)
        await show_right(r, page.id)
        lines = header(r, "right")
        assert lines[0] == "Council approves road budget"
        assert lines[1] == "The Daily Test · 2025-03-04 · by Jo Reporter"
        assert lines[2] == site.url("/story")
        when = page.fetched_at
        assert when is not None
        assert lines[3] == f"archive verified · fetched {when[:10]} {when[11:16]} UTC"
        assert pane(r, "right").archive(corpus.resolve() / NAME) is Archive.VERIFIED


async def test_a_page_edited_since_its_fetch_shows_changed(
    start: Start, tmp_path: Path, site: Site
) -> None:
    corpus = fetched_corpus(tmp_path / "c", site)
    saved = corpus / NAME
    saved.write_bytes(saved.read_bytes().replace(b"4.2 million", b"5.2 million"))
    async with start(corpus) as r:
        page = next(a for a in r.s.analysis.articles if a.fetched_at)
        await show_right(r, page.id)
        assert header(r, "right")[3].startswith("changed since fetch · fetched 20")


async def test_a_missing_archive_says_so(start: Start, tmp_path: Path, site: Site) -> None:
    corpus = fetched_corpus(tmp_path / "c", site)
    for warc in (corpus / ".crosscheck" / "archive").iterdir():
        warc.unlink()
    async with start(corpus) as r:
        page = next(a for a in r.s.analysis.articles if a.fetched_at)
        await show_right(r, page.id)
        assert header(r, "right")[3].startswith("archive missing · fetched 20")


async def test_the_narrow_layout_cuts_the_header_to_the_pane(
    start: Start, tmp_path: Path, site: Site
) -> None:
    corpus = fetched_corpus(tmp_path / "c", site)
    async with start(corpus, size=(80, 24)) as r:
        page = next(a for a in r.s.analysis.articles if a.fetched_at)
        r.s.move_to(r.s.article_start(page.id))
        r.app.main_screen.paint()
        await r.app.workers.wait_for_complete()
        await settle(r.pilot)
        left = pane(r, "left")
        assert left.article_id == page.id
        left.scroll_to(y=0, animate=False, immediate=True)
        width = left.scrollable_content_region.width
        drawn = [left.render_line(y) for y in range(4)]
        assert all(strip.cell_length == width for strip in drawn)
        texts = [strip.text.rstrip() for strip in drawn]
        assert texts[0] == "Council approves road budget"
        assert texts[3].startswith("archive verified · fetched")  # the state is not cut off
        assert len(site.url("/story")) <= width and texts[2] == site.url("/story")


def test_meta_of_leaves_out_what_is_unknown(tmp_path: Path) -> None:
    from tui.corpus.articles import Article

    bare = Article("a", tmp_path / "a.txt", "A", "text", "0" * 64)
    assert meta_of(bare, "unknown") == ArticleMeta()
    assert meta_of(bare, "Masthead Times").byline == "Masthead Times"
    assert ArticleMeta(author="Jo").byline == "by Jo"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("2024-11-12T08:30:00Z", "2024-11-12"),
        ("2024-11-12", "2024-11-12"),
        ("2024-11-12 08:30", "2024-11-12"),
        ("12 November 2024", "12 November 2024"),
        ("", ""),
        (None, ""),
    ],
)
def test_short_date(given: str | None, shown: str) -> None:
    assert short_date(given) == shown
