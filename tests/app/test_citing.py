"""Opening an article's web page (`b`) and copying the selected claim with its source (`y`).

No browser is launched: the app's `open_url` is replaced on the instance and records what it
was given, and whether this machine has a browser is what `webbrowser.get` is made to answer.
The clipboard is read back from `app.clipboard` (what Textual sends with OSC 52).
"""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from tests.app.conftest import Run, Start
from tui.app.widgets.article_pane import ArticlePane

# Three reports; front matter names each one's address, the first with escape sequences in
# its title and its text (hostile front matter and article text).
CORPUS = {
    "a-port.md": '+++\ntitle = "Floods \\u001b[31mclose\\u001b[0m the port"\noutlet = "Reuters"\n'
    'url = "https://news.example/floods?id=7"\npublished = "2024-03-05T08:00:00Z"\n+++\n'
    "Floods closed the river port of Varna on Tuesday, the \x1b]52;c;cHduZWQ=\x07harbour "
    "authority \x1b[2Jsaid.\n"
    "About 1,200 residents were moved to shelters overnight.\n",
    "b-blog.md": '+++\ntitle = "A local view"\noutlet = "Varna Blog"\n'
    'url = "javascript:alert(document.cookie)"\n+++\n'
    "Floods closed the river port of Varna on Tuesday, according to the harbour authority.\n"
    "About 1,500 residents were moved to shelters overnight.\n",
    "c-note.txt": "Notes from the harbour\n\n"
    "The harbour authority said floods closed the river port of Varna on Tuesday.\n"
    "The mayor asked for army help.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "citing"
    root.mkdir()
    for name, text in CORPUS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine has a browser (whatever the machine running the tests has)."""
    monkeypatch.setattr(webbrowser, "get", lambda using=None: object())


def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    def none(using: str | None = None) -> object:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)


def opened_urls(r: Run) -> list[str]:
    """Replace the app's `open_url` (which would start a browser) with a recorder."""
    opened: list[str] = []

    def record(url: str, *, new_tab: bool = True) -> None:
        opened.append(url)

    r.app.open_url = record  # type: ignore[method-assign]
    return opened


async def select_in(r: Run, file_stem: str) -> None:
    """Select the first claim of the article read from `file_stem`, as the screen shows it."""
    article = next(a for a in r.s.analysis.articles if a.path.stem == file_stem)
    first = next(c for c in r.s.claims() if c.article == article.id)
    r.s.move_to(first.id)
    r.app.main_screen.paint()
    r.app.main_screen.query_one("#left", ArticlePane).focus()
    await r.pilot.pause()


class TestOpenUrl:
    async def test_the_selected_claims_article_opens(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            opened = opened_urls(r)
            await select_in(r, "a-port")
            await r.press("b")
            assert opened == ["https://news.example/floods?id=7"]
            assert "Opening https://news.example/floods?id=7" in r.notices

    async def test_the_focused_panes_article_opens(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            opened = opened_urls(r)
            await select_in(r, "c-note")  # the selected claim's article has no address
            screen = r.app.main_screen
            port = next(a.id for a in r.s.analysis.articles if a.path.stem == "a-port")
            screen.compare = port
            screen.paint(follow=False)
            right = screen.query_one("#right", ArticlePane)
            right.focus()
            await r.pilot.pause()
            assert right.article_id == port
            await r.press("b")
            assert opened == ["https://news.example/floods?id=7"]

    async def test_no_browser_here_copies_the_address_instead(
        self, start: Start, corpus: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        no_browser(monkeypatch)
        async with start(corpus) as r:
            opened = opened_urls(r)
            await select_in(r, "a-port")
            await r.press("b")
            assert opened == []  # nothing would have happened
            assert r.app.clipboard == "https://news.example/floods?id=7"
            assert r.notices[-1] == (
                "No web browser found here; the address is copied to the clipboard "
                "(https://news.example/floods?id=7)"
            )
            assert not any(n.startswith("Opening") for n in r.notices)

    async def test_an_app_served_to_a_browser_opens_it_there(
        self, start: Start, corpus: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Through Textual's web driver the page opens in the reviewer's browser, whatever
        the machine running the app has."""
        no_browser(monkeypatch)
        async with start(corpus) as r:
            driver = r.app._driver
            assert driver is not None
            monkeypatch.setattr(type(driver), "is_web", property(lambda self: True))
            opened = opened_urls(r)
            await select_in(r, "a-port")
            await r.press("b")
            assert opened == ["https://news.example/floods?id=7"]
            assert r.notices[-1] == "Opening https://news.example/floods?id=7"

    async def test_a_javascript_address_is_refused(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            opened = opened_urls(r)
            await select_in(r, "b-blog")
            await r.press("b")
            assert opened == []
            assert r.notices[-1] == (
                "Not opened: the article's address is a javascript: address; "
                "only http and https addresses are opened."
            )

    async def test_no_address_says_so(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            opened = opened_urls(r)
            await select_in(r, "c-note")
            await r.press("b")
            assert opened == []
            assert r.notices[-1] == "This article has no web address."


class TestCopyClaim:
    async def test_the_claim_and_its_source(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            await select_in(r, "a-port")
            await r.press("y")
            assert r.app.clipboard == (
                "“Floods closed the river port of Varna on Tuesday, the harbour authority "
                "said.”\n"
                "— Reuters, “Floods close the port”, https://news.example/floods?id=7 "
                "(published 2024-03-05)"
            )
            assert r.notices[-1] == "Copied the claim and its source"

    async def test_hostile_text_does_not_reach_the_clipboard_raw(
        self, start: Start, corpus: Path
    ) -> None:
        async with start(corpus) as r:
            await select_in(r, "a-port")
            claim = r.s.current
            assert claim is not None and "\x1b" in claim.text  # the article's text has them
            await r.press("y")
            copied = r.app.clipboard
            assert copied
            assert not any(ch in copied for ch in "\x1b\x07\x9b\x9d")
            assert "52;c;" not in copied and "[2J" not in copied and "[31m" not in copied

    async def test_an_address_that_is_not_a_web_page_is_not_copied(
        self, start: Start, corpus: Path
    ) -> None:
        async with start(corpus) as r:
            await select_in(r, "b-blog")
            await r.press("y")
            assert r.app.clipboard.endswith("\n— Varna Blog, “A local view”")
            assert "javascript" not in r.app.clipboard

    async def test_an_article_without_metadata(self, start: Start, corpus: Path) -> None:
        async with start(corpus) as r:
            await select_in(r, "c-note")
            await r.press("y")
            claim = r.s.current
            assert claim is not None
            first, _, source = r.app.clipboard.partition("\n")
            assert first == f"“{claim.text.strip()}”"
            assert source.startswith("— ")
            assert "“Notes from the harbour”" in source
