"""Saved web pages (`.html`, `.htm`): the article's main text and its metadata, offline.

trafilatura extracts the main text from the file's bytes; nothing is ever fetched (no URL
is passed, and trafilatura only downloads when asked to). Navigation, adverts, related-
article lists and comment sections stay out (`include_comments=False`, `favor_precision`).
Tables are left out too: their cells are not sentences, and the claim splitter would turn
them into fragments.

The Article.text of a page IS the extracted text: claim offsets and verdict anchors refer
to it, and the article's sha256 is the hash of that text's UTF-8 bytes (not of the file),
so a page saved again with new adverts or comments keeps its hash and its verdicts.

Title, author, date and site name come from the page's metadata (trafilatura reads
<title>, OpenGraph, JSON-LD and the usual meta tags). The outlet is the site name, else
the host name of the page's canonical URL, else unknown (None).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from tui.corpus.document import Progress, RawDocument, one_line, read_article_bytes


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def read_html_file(path: Path, say: Progress) -> list[RawDocument]:
    """One article from a saved page, or a warning and nothing when no text is found."""
    data = read_article_bytes(path, say)
    if data is None:
        return []

    import trafilatura  # heavy: imported only when a page is actually loaded

    try:
        doc = trafilatura.bare_extraction(
            data,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on junk
        say(f"{path}: skipped, the page could not be parsed ({type(exc).__name__}: {exc})")
        return []
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        say(f"{path}: skipped, no article text found in the page")
        return []
    url = one_line(getattr(doc, "url", None))
    outlet = one_line(getattr(doc, "sitename", None)) or _host(url)
    return [
        RawDocument(
            source=path,
            key="",
            title=one_line(getattr(doc, "title", None)),
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            outlet=outlet,
            url=url,
            published=one_line(getattr(doc, "date", None)),
            author=one_line(getattr(doc, "author", None)),
        )
    ]
