"""What a received body is: a page with article text, a feed with entries, or neither.

Page text comes from trafilatura with the settings the corpus loader uses for a saved
`.html` file (no comments, no tables, precision first), from the bytes alone: the HTTP
charset is deliberately not used, so the text found now is the text the loader will find
in the saved file later. Feeds are parsed by feedparser from a byte stream (a bytes value
would be taken for a file name when it looks like one).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urljoin

from tui.corpus.web.results import PAGE_TYPES


@dataclass(frozen=True, slots=True)
class PageText:
    """The main text of a page and the metadata a file name is made from."""

    text: str
    title: str | None
    sitename: str | None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    link: str  # absolute (resolved against the feed's URL); may still be a bad URL


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def extract_page(data: bytes) -> PageText | None:
    """The article text of an HTML page, or None when there is none (or it cannot be parsed)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            data,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
        )
    except Exception:  # trafilatura raises assorted lxml/parser errors on junk
        return None
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        return None
    return PageText(
        text=text,
        title=_one_line(getattr(doc, "title", None)),
        sitename=_one_line(getattr(doc, "sitename", None)),
    )


def feed_of(media_type: str, data: bytes, base_url: str) -> Feed | None:
    """The feed a body holds, or None when it is not one (then it is a page). Generic XML
    is a feed when feedparser reads it as one; HTML only when it starts like one."""
    if media_type in PAGE_TYPES:
        start = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if not start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
            return None
    return parse_feed(data, base_url)


def parse_feed(data: bytes, base_url: str) -> Feed | None:
    """The entries of an RSS or Atom feed, links made absolute; None when it is not one."""
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception:  # feedparser is lenient, but a parser bug must not end a batch
        return None
    if not parsed.get("version"):
        return None
    entries = []
    for entry in parsed.entries:
        link = _one_line(entry.get("link"))
        if not link:
            continue
        try:
            absolute = urljoin(base_url, link)
        except ValueError:
            absolute = link
        entries.append(FeedEntry(title=_one_line(entry.get("title")) or absolute, link=absolute))
    return Feed(title=_one_line(parsed.feed.get("title")), entries=tuple(entries))
