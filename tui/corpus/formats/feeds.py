"""RSS and Atom feed files (`.xml`, `.rss`, `.atom`): each entry becomes an article.

feedparser is given the file's bytes as a stream, never a path, a URL or a bytes value (which
it would take for a file name or an address when it looks like one), so it reads nothing else
and fetches nothing.
An entry's text is its full content where present, else its summary; HTML inside it is
turned into plain text here (paragraphs and line breaks kept as line breaks). That text is
the Article.text, and the entry's sha256 is the hash of its UTF-8 bytes.

Ids: the loader returns each entry under a short key and the corpus composes the id as
`<feed stem>#<key>`. The key is the entry's guid when that is short and plain
(letters, digits, `.`, `_`, `-`), else the first 10 hex digits of the guid's sha256; entries
without a guid use their link, then their title, and only as a last resort their position
(`n1`, `n2`, ... from the top). Guid-based keys stay stable when the feed gains entries.

The outlet is the entry's own `<source>` when it names one, else the feed's title.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from pathlib import Path
from typing import Any

from tui.corpus.document import Progress, RawDocument, one_line, read_article_bytes

_PLAIN_KEY = re.compile(r"[A-Za-z0-9._-]{1,24}")
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "hr", "li", "ul", "ol", "dd", "dt", "pre", "blockquote"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"),
        *("section", "article", "header", "footer", "figure", "figcaption"),
    }
)
_DROP = frozenset({"script", "style", "template", "noscript", "iframe", "object"})


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: block elements end lines, blank runs collapse."""
    import lxml.html
    from lxml import etree

    if "<" not in markup:
        return _tidy(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", markup))
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _entry_text(entry: Any) -> str:
    candidates = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    detail = candidates[0] if candidates else entry.get("summary_detail")
    value = (detail or {}).get("value") or entry.get("summary") or ""
    kind = (detail or {}).get("type") or "text/html"
    if "html" in kind:
        return html_to_text(value)
    return _tidy(value)


def _key(entry: Any, position: int) -> str:
    for field in ("id", "link", "title"):
        value = (entry.get(field) or "").strip()
        if value:
            if _PLAIN_KEY.fullmatch(value):
                return value
            return hashlib.sha256(value.encode("utf-8")).hexdigest()[:10]
    return f"n{position}"


def _published(entry: Any) -> str | None:
    # Plain dict lookups: feedparser's own .get() maps a missing "updated" onto "published"
    # with a deprecation warning on every entry.
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    raw = (dict.get(entry, "published") or dict.get(entry, "updated") or "").strip()
    return raw or None


_RSS_AUTHOR = re.compile(r"\S+@\S+\s*\((?P<name>[^()]+)\)")


def _author(entry: Any) -> str | None:
    """The author's name; RSS's "mail@example (Name)" form gives the name."""
    author = one_line(entry.get("author"))
    if author and (m := _RSS_AUTHOR.fullmatch(author)):
        return one_line(m.group("name"))
    return author


def read_feed_file(path: Path, say: Progress) -> list[RawDocument]:
    """One RawDocument per entry with text; warnings for a non-feed or an empty feed."""
    # feedparser judges what is a feed: a compressed or oddly encoded one is its call.
    data = read_article_bytes(path, say, binary_is_text=True)
    if data is None:
        return []

    import feedparser  # heavy: imported only when a feed is actually loaded

    # A byte stream, never the bytes themselves: feedparser takes bytes that look like a path
    # or a URL for one, and would read that file (or fetch that address) instead.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        why = f" ({problem})" if parsed.get("bozo") and problem else ""
        say(f"{path}: skipped, not an RSS or Atom feed{why}")
        return []
    feed_title = one_line(parsed.feed.get("title"))
    if not parsed.entries:
        say(f"{path}: skipped, the feed has no entries")
        return []
    docs: list[RawDocument] = []
    keys: dict[str, int] = {}
    empty: list[str] = []
    for position, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        title = one_line(entry.get("title"))
        if not text.strip():
            empty.append(f"{position}" + (f" ({title})" if title else ""))
            continue
        key = _key(entry, position)
        keys[key] = keys.get(key, 0) + 1
        if keys[key] > 1:
            key = f"{key}-{keys[key]}"
        source = entry.get("source") or {}
        docs.append(
            RawDocument(
                source=path,
                key=key,
                title=title,
                text=text,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                outlet=one_line(source.get("title")) or feed_title,
                url=one_line(entry.get("link")),
                published=_published(entry),
                author=_author(entry),
            )
        )
    if empty:
        if docs:
            what = "1 entry" if len(empty) == 1 else f"{len(empty)} entries"
            say(f"{path}: skipped {what} with no text: entry {', '.join(empty)}")
        else:
            say(f"{path}: skipped, no entry in the feed has any text")
    return docs
