"""Loaders for the file formats beyond plain text: web pages and feeds.

`FORMAT_LOADERS` maps a suffix to a loader with the signature of `tui.corpus.articles.LOADERS`.
The entries here are thin: each imports its module (and through it trafilatura, lxml or
feedparser) only when a file of that kind is loaded, so importing `tui.corpus.articles` stays
cheap and the app's first frame does not wait for them. Loaders build
`tui.corpus.document.RawDocument`s; only `tui.corpus.articles` turns them into articles, so
nothing here imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.corpus.document import RawDocument

HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})


def load_html(path: Path, say: Callable[[str], None]) -> list[RawDocument]:
    from tui.corpus.formats.html import read_html_file

    return read_html_file(path, say)


def load_feed(path: Path, say: Callable[[str], None]) -> list[RawDocument]:
    from tui.corpus.formats.feeds import read_feed_file

    return read_feed_file(path, say)


FORMAT_LOADERS: dict[str, Callable[[Path, Callable[[str], None]], list[RawDocument]]] = {
    **{suffix: load_html for suffix in HTML_SUFFIXES},
    **{suffix: load_feed for suffix in FEED_SUFFIXES},
}
