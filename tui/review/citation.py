"""A claim cited as a fact-checker pastes it, and an article's address when it is safe to open.

The citation is two lines, plain text:

    “The claim, word for word.”
    — Outlet, “Article title”, https://example.org/story (published 2024-03-01)

Parts the article lacks are left out (an unknown outlet, no address, no date), never
written as placeholders. Everything in it comes from outside (article text, front matter):
escape sequences are removed whole, any other control or invisible character gets a visible
stand-in (`tui.support.safe_text.printable`), and line breaks become spaces, so what is
pasted is what the reviewer saw. Only a web address (http or https, with a host) is ever
cited or opened: front matter can name any scheme (`javascript:`, `file:`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tui.corpus.articles import Article
from tui.corpus.outlets import UNKNOWN
from tui.support.safe_text import printable

WEB_SCHEMES = frozenset({"http", "https"})
# Whole terminal escape sequences: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ST),
# other string controls (DCS, SOS, PM, APC up to ST) and two-byte escapes; also their
# one-character C1 forms (CSI U+009B, OSC U+009D).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-~]?"
)
_LAYOUT = str.maketrans("\r\x0b\x0c", "   ")  # line and page breaks: spaces too
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")


def clean(text: str) -> str:
    """Untrusted text as one safe line: escape sequences removed, other unsafe characters
    shown as stand-ins, runs of white space (line and page breaks included) as one space."""
    text = _ESCAPES.sub("", text).translate(_LAYOUT)
    return " ".join(printable(text, keep_newlines=False).split())


def web_address(url: str | None) -> str | None:
    """`url` when a browser may be sent there (http or https with a host, nothing unsafe or
    blank in it), else None."""
    if not url:
        return None
    url = url.strip()
    if not url or printable(url, keep_newlines=False) != url or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an invalid IPv6 host, say
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and host else None


def refusal(url: str | None) -> str:
    """Why the article's address is not opened (`web_address` gave None), for the reviewer."""
    if not url or not url.strip():
        return "This article has no web address."
    scheme = _SCHEME.match(url.strip())
    if scheme and scheme.group(1).lower() not in WEB_SCHEMES:
        return (
            f"Not opened: the article's address is a {clean(scheme.group(1))[:20]}: address; "
            "only http and https addresses are opened."
        )
    return "Not opened: the article's address is not a valid web address."


def _published(value: str | None) -> str:
    """The publication date as written, or only its day when it is an ISO timestamp."""
    if not value:
        return ""
    value = clean(value)
    found = _ISO_DATE.match(value)
    return found.group() if found else value


def citation(claim_text: str, article: Article, outlet: str) -> str:
    """The claim in quotes, then its source: outlet, title, address, publication date."""
    source = [clean(outlet)] if outlet and outlet != UNKNOWN else []
    if title := clean(article.title):
        source.append(f"“{title}”")
    if url := web_address(article.url):
        source.append(url)
    line = ", ".join(p for p in source if p)
    if published := _published(article.published):
        line = f"{line} (published {published})" if line else f"Published {published}"
    quoted = f"“{clean(claim_text)}”"
    return f"{quoted}\n— {line}" if line else quoted
