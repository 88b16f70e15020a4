"""Names and messages made from what a server sent: file names from titles, quoted URLs.

A page's title and site name are hostile input. A file name made from them is plain ASCII
(letters, digits and single hyphens, lower case), never starts with a dot or a hyphen,
has no path separator and is bounded in length; a message quoting a URL or a title is
one line with every control, bidi and zero-width character shown as a visible stand-in.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from tui.support.safe_text import printable

OUTLET_CHARS = 40
TITLE_CHARS = 80
QUOTE_CHARS = 200
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` as one inert line for a message, cut to `limit` characters with an ellipsis."""
    line = printable(text, keep_newlines=False)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def slug(text: str, limit: int) -> str:
    """Lower-case ASCII words of `text` joined by hyphens, at most `limit` characters, cut at
    a word boundary where one is near. Accents are dropped ("Café" -> "cafe"); scripts
    without an ASCII form leave nothing (the caller falls back to another name)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    head, _, _ = cut.rpartition("-")
    return (head if len(head) >= limit // 2 else cut[:limit]).strip("-")


def host_of(url: str) -> str:
    """The URL's host name without a leading `www.`, or "" when it has none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def article_stem(outlet: str | None, title: str | None, url: str) -> str:
    """The file name (without suffix) for a page: `<outlet>-<title>` as slugs.

    The outlet falls back to the URL's host, the title to the last segment of the URL's
    path, and each part to a fixed word when nothing readable is left, so the stem is never
    empty and always safe: `[a-z0-9]` runs joined by single hyphens."""
    outlet_slug = slug(outlet or "", OUTLET_CHARS) or slug(host_of(url), OUTLET_CHARS) or "web"
    title_slug = slug(title or "", TITLE_CHARS)
    if not title_slug:
        try:
            segment = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
        except ValueError:
            segment = ""
        segment = segment.rpartition(".")[0] or segment  # "story.html" -> "story"
        title_slug = slug(segment, TITLE_CHARS) or "page"
    return f"{outlet_slug}-{title_slug}"


def numbered(stem: str, n: int, suffix: str = ".html") -> str:
    """`stem.html`, then `stem-2.html`, `stem-3.html`, ... for the n-th candidate."""
    return f"{stem}{suffix}" if n <= 1 else f"{stem}-{n}{suffix}"
