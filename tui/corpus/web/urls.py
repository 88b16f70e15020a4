"""Which URLs crosscheck fetches: http and https with a host, nothing else.

`check_url` turns what a user typed (or a feed or a redirect named) into the URL that is
requested, or says in one line why it cannot be fetched. The URL is normalised only where
that changes nothing the server sees: scheme and host lower-cased, the fragment dropped
(it is never sent), an empty path written as `/`. Any host is allowed, including
localhost and private addresses (a reviewer's own archive server is a common source).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from tui.corpus.web.names import quoted

SCHEMES = ("http", "https")
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f]")
_LOOKS_LIKE_HOST = re.compile(r"^[\w.-]+\.[a-z]{2,}(?:[:/]|$)", re.IGNORECASE)


class BadUrl(ValueError):
    """The URL cannot be fetched; str() is a one-line reason that quotes it safely."""


def check_url(url: str) -> str:
    """The URL to request for `url`, or BadUrl with a one-line reason."""
    text = url.strip()
    if not text:
        raise BadUrl("empty URL")
    shown = quoted(text)
    if _BAD_CHARS.search(text):
        raise BadUrl(f"not a valid URL (it contains spaces or control characters): {shown}")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise BadUrl(f"not a valid URL ({exc}): {shown}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        if "://" not in text and _LOOKS_LIKE_HOST.match(text):
            raise BadUrl(f"no http:// or https:// (did you mean https://{shown}?)")
        if not scheme:
            raise BadUrl(f"not a web address (no http:// or https://): {shown}")
        raise BadUrl(f"only http and https URLs can be fetched, not {quoted(scheme)}: {shown}")
    host = parts.hostname
    if not host:
        raise BadUrl(f"the URL has no host: {shown}")
    try:
        host.encode("idna")
    except UnicodeError:
        raise BadUrl(f"the URL's host is not a valid name: {shown}") from None
    netloc = host if ":" not in host else f"[{host}]"
    if parts.username is not None or parts.password is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{netloc}"
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_key(url: str) -> str:
    """`host:port` of a checked URL (the unit of the per-host limit); "" if it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return ""
    return f"{parts.hostname or ''}:{port}"


def parse_url_list(text: str) -> list[str]:
    """The URLs of a URLs file: one per line; blank lines and `#` comments are skipped
    (a `#` starts a comment only at the start of a line or after a space, since URLs
    carry `#` fragments)."""
    urls = []
    for line in text.splitlines():
        line = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if line:
            urls.append(line)
    return urls
