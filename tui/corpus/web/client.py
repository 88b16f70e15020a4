"""The network edge: one httpx connection pool that every fetch goes through.

`WebClient` sends one GET and hands back the streaming response; it never follows a
redirect (fetch does, hop by hop) and it sits on httpx's transport rather than on
`httpx.Client`, because the client parses every Location header, even with redirects
off, and raises on one it cannot parse (`javascript:`, garbage), losing the response that
must be archived as evidence. Cookies live in a jar per fetch, so a site that sets a
cookie and redirects back works, and no fetch carries another's cookies.

The transport's pool is thread-safe: one WebClient serves all the threads of fetch_many.
Tests build the same WebClient against the real server on 127.0.0.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

MB = 1024 * 1024
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Limits and manners of fetching; the defaults suit pages from news sites."""

    connect_timeout: float = 10.0  # seconds to open the connection (and TLS)
    read_timeout: float = 30.0  # seconds without a byte from the server
    total_timeout: float = 120.0  # seconds for one attempt, redirects included
    max_bytes: int = 20 * MB  # a larger body is cut off and refused
    max_redirects: int = 10
    retries: int = 1  # further attempts after a transient failure
    retry_delay: float = 1.0  # seconds before a retry
    per_host: int = 2  # fetches at once to one host (fetch_many)
    concurrency: int = 8  # fetches at once in all (fetch_many)
    user_agent: str = "crosscheck (fact-checking reader)"
    proxy: str | None = None  # e.g. "http://proxy.example:3128"; None: connect directly


class WebClient:
    """Sends GET requests with crosscheck's headers and timeouts; closes its pool on exit."""

    def __init__(self, config: FetchConfig, transport: httpx.BaseTransport | None = None):
        import httpx

        self.config = config
        self._timeout = httpx.Timeout(
            connect=config.connect_timeout,
            read=config.read_timeout,
            write=config.read_timeout,
            pool=config.total_timeout,
        ).as_dict()
        self._headers = {
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "User-Agent": config.user_agent,
        }
        limits = httpx.Limits(max_connections=max(config.concurrency, 1))
        self._transport = transport or httpx.HTTPTransport(limits=limits, proxy=config.proxy)

    def new_cookie_jar(self) -> httpx.Cookies:
        import httpx

        return httpx.Cookies()

    def request(self, url: str, cookies: httpx.Cookies) -> httpx.Request:
        """The GET request for `url` (httpx.InvalidURL when httpx cannot send it)."""
        import httpx

        request = httpx.Request(
            "GET", url, headers=self._headers, extensions={"timeout": self._timeout}
        )
        cookies.set_cookie_header(request)
        return request

    def send(self, request: httpx.Request, cookies: httpx.Cookies) -> httpx.Response:
        """The response, body not yet read; the caller closes it. Raises httpx errors."""
        response = self._transport.handle_request(request)
        response.request = request
        cookies.extract_cookies(response)
        return response

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
