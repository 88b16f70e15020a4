"""Network errors as a reader would name them: DNS, refused, timeout, TLS, other.

httpx raises its own exception types and keeps the operating system's (socket.gaierror,
ConnectionRefusedError, ssl.SSLError) as the cause; the cause decides the message.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.corpus.web.names import quoted
from tui.corpus.web.results import Failure

if TYPE_CHECKING:
    from tui.corpus.web.client import FetchConfig


class Stop(Exception):
    """Ends an attempt: why, in one line, and whether trying again could help."""

    def __init__(self, failure: Failure, message: str, transient: bool = False):
        super().__init__(message)
        self.failure, self.message, self.transient = failure, message, transient


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _server(url: str) -> str:
    try:
        parts = urlsplit(url)
        return quoted(parts.netloc.rpartition("@")[2] or url, 120)
    except ValueError:
        return quoted(url, 120)


def classify_error(exc: BaseException, url: str, config: FetchConfig) -> Stop:
    """The Stop for an exception raised while sending a request to `url`."""
    import httpx

    server = _server(url)
    if isinstance(exc, httpx.ConnectTimeout):
        return Stop(
            Failure.TIMEOUT,
            f"could not connect to {server} within {config.connect_timeout:g} s",
            transient=True,
        )
    if isinstance(exc, httpx.TimeoutException):
        return Stop(
            Failure.TIMEOUT,
            f"{server} did not answer within {config.read_timeout:g} s",
            transient=True,
        )
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            why = quoted(cause.strerror or str(cause), 80)
            return Stop(
                Failure.DNS,
                f"could not find the server {server} (DNS lookup failed: {why})",
                transient=cause.errno == socket.EAI_AGAIN,
            )
        if isinstance(cause, ssl.SSLCertVerificationError):
            why = quoted(cause.verify_message or str(cause), 100)
            return Stop(Failure.TLS, f"TLS error with {server}: certificate not trusted ({why})")
        if isinstance(cause, ssl.SSLError):
            why = quoted(cause.reason or str(cause), 100)
            return Stop(Failure.TLS, f"TLS error with {server}: {why}")
        if isinstance(cause, ConnectionRefusedError):
            return Stop(Failure.REFUSED, f"connection refused by {server}", transient=True)
    text = quoted(str(exc) or type(exc).__name__, 120)
    if isinstance(exc, httpx.ConnectError):
        return Stop(Failure.NETWORK, f"could not connect to {server}: {text}", transient=True)
    if isinstance(exc, httpx.RemoteProtocolError):
        return Stop(
            Failure.NETWORK,
            f"{server} closed the connection without a valid response ({text})",
            transient=True,
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return Stop(Failure.BAD_URL, f"cannot request this URL: {text}")
    transient = isinstance(exc, httpx.NetworkError | OSError)
    return Stop(Failure.NETWORK, f"network error with {server}: {text}", transient=transient)
