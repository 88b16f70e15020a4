"""What a fetch gives back: the exchanges with the server, then success or a failure.

Every outcome is a value, never an exception. An `Exchange` is one request and the
response to it as received: `raw_body` is the body as it came over the wire (any
Content-Encoding such as gzip still applied; chunked framing already undone) and is what
the archive stores; `body` is the decoded payload (Content-Encoding undone), which is
what a page is saved as, and `sha256` is the hash of `body`. A redirect chain, and a first
attempt that was retried, are kept as earlier exchanges: they are evidence too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"text/xml", "application/xml"})
ACCEPTED_TYPES = PAGE_TYPES | FEED_TYPES | XML_TYPES


class Failure(StrEnum):
    """Why a URL gave no page; the message says it for a reader."""

    BAD_URL = "bad url"
    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    NETWORK = "network"
    HTTP_STATUS = "http status"
    TOO_MANY_REDIRECTS = "too many redirects"
    REDIRECT_LOOP = "redirect loop"
    BAD_REDIRECT = "bad redirect"
    OVERSIZED = "oversized"
    WRONG_TYPE = "wrong type"
    BAD_ENCODING = "bad encoding"


Headers = tuple[tuple[str, str], ...]


def header(headers: Headers, name: str) -> str | None:
    """The first value of header `name` (any case), or None."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


@dataclass(frozen=True, slots=True)
class Exchange:
    """One GET request and the response to it (status line, headers, body) as received."""

    url: str
    request_headers: Headers
    started_at: datetime  # UTC, when the request was sent
    http_version: str
    status: int
    reason: str
    headers: Headers
    raw_body: bytes  # as received (Content-Encoding applied), maybe cut off
    body: bytes  # decoded payload; b"" when the encoding could not be undone
    sha256: str  # hex digest of `body`
    truncated: str | None = None  # WARC-Truncated reason: "length", "time", "disconnect"
    peer: str | None = None  # the server's IP address

    @property
    def media_type(self) -> str:
        """The Content-Type without parameters, lower case ("" when there is none)."""
        value = header(self.headers, "content-type") or ""
        return value.partition(";")[0].strip().lower()

    @property
    def location(self) -> str | None:
        return header(self.headers, "location")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page or feed received whole, with an accepted content type and a 2xx status."""

    url: str  # as asked (the caller's text)
    requested: str  # as requested, after check_url
    exchanges: tuple[Exchange, ...]  # the last one is the page; earlier ones led to it

    @property
    def response(self) -> Exchange:
        return self.exchanges[-1]

    @property
    def final_url(self) -> str:
        return self.response.url

    @property
    def status(self) -> int:
        return self.response.status

    @property
    def body(self) -> bytes:
        return self.response.body

    @property
    def sha256(self) -> str:
        return self.response.sha256

    @property
    def fetched_at(self) -> datetime:
        return self.response.started_at

    @property
    def media_type(self) -> str:
        return self.response.media_type


@dataclass(frozen=True, slots=True)
class FetchFailed:
    """No usable page; `message` is one inert line that does not repeat the asked URL."""

    url: str
    failure: Failure
    message: str
    exchanges: tuple[Exchange, ...]  # whatever the server did send: archived as evidence
    attempted_at: datetime

    @property
    def fetched_at(self) -> datetime:
        return self.exchanges[-1].started_at if self.exchanges else self.attempted_at


FetchResult = Fetched | FetchFailed
