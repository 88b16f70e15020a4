"""Fetching one URL with httpx: redirects, limits, one retry, and a result for every outcome.

Redirects are followed here, not by httpx, so each hop is kept (and archived) and a hop to
a scheme other than http(s), a loop or too many hops ends the fetch with its own message.
The body is streamed and cut off past `max_bytes` (counted both as received and as
decoded, so a small gzip bomb is cut off too); it is never read whole before the check.
Only gzip and deflate are asked for (Accept-Encoding) and undone here, chunk by chunk.
A connect error, a timeout, a dropped connection and HTTP 502/503/504 are retried once.

The client, the clock and the sleep between attempts are passed in, so tests control them.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.corpus.web.body import BodyReader
from tui.corpus.web.client import MB, FetchConfig, WebClient
from tui.corpus.web.errors import Stop, classify_error
from tui.corpus.web.names import quoted
from tui.corpus.web.results import (
    ACCEPTED_TYPES,
    REDIRECT_STATUSES,
    Exchange,
    Failure,
    Fetched,
    FetchFailed,
    FetchResult,
    header,
)
from tui.corpus.web.urls import BadUrl, check_url

if TYPE_CHECKING:
    import httpx

Clock = Callable[[], datetime]
Sleep = Callable[[float], None]
RETRY_STATUSES = frozenset({502, 503, 504})


def utc_now() -> datetime:
    return datetime.now(UTC)


def fetch(
    url: str,
    client: WebClient,
    *,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
) -> FetchResult:
    """Fetch `url`: a Fetched page or feed, or a FetchFailed saying why, never an exception
    for anything the network or the server did."""
    attempted_at = clock()
    try:
        target = check_url(url)
    except BadUrl as exc:
        return FetchFailed(url, Failure.BAD_URL, str(exc), (), attempted_at)
    config = client.config
    exchanges: list[Exchange] = []
    for attempt in range(config.retries + 1):
        try:
            _attempt(target, client, config, clock, exchanges)
        except Stop as stop:
            if stop.transient and attempt < config.retries:
                sleep(config.retry_delay)
                continue
            again = " (also on a second try)" if attempt else ""
            return FetchFailed(
                url, stop.failure, stop.message + again, tuple(exchanges), attempted_at
            )
        return Fetched(url, target, tuple(exchanges))
    raise AssertionError("unreachable: the last attempt returns")


def _attempt(
    target: str, client: WebClient, config: FetchConfig, clock: Clock, out: list[Exchange]
) -> None:
    """One attempt: follow redirects from `target`; append every exchange to `out`; return
    when the last one is an acceptable page, else raise Stop."""
    deadline = time.monotonic() + config.total_timeout
    cookies = client.new_cookie_jar()
    current = target
    seen: set[tuple[str, str]] = set()
    for hop in range(config.max_redirects + 1):
        response = _exchange(client, cookies, current, config, clock, deadline, out)
        if response.status not in REDIRECT_STATUSES or response.location is None:
            break
        following = _redirect_target(current, response.location)
        if (current, following) in seen:
            raise Stop(Failure.REDIRECT_LOOP, f"redirect loop: {quoted(following)} again")
        if hop == config.max_redirects:
            raise Stop(
                Failure.TOO_MANY_REDIRECTS,
                f"too many redirects (more than {config.max_redirects}; the next was to "
                f"{quoted(following)})",
            )
        seen.add((current, following))
        current = following
    _check_final(response, config)


def _redirect_target(current: str, location: str) -> str:
    from urllib.parse import urljoin

    # Header bytes arrive as latin-1; a Location with non-ASCII bytes is UTF-8 in practice.
    with contextlib.suppress(UnicodeError):
        location = location.encode("latin-1").decode("utf-8")
    try:
        return check_url(urljoin(current, location.strip()))
    except BadUrl as exc:
        raise Stop(Failure.BAD_REDIRECT, f"refused a redirect: {exc}") from None
    except ValueError:
        raise Stop(Failure.BAD_REDIRECT, f"refused a redirect to {quoted(location)}") from None


def _check_final(response: Exchange, config: FetchConfig) -> None:
    status = f"HTTP {response.status} {quoted(response.reason, 60)}".rstrip()
    if response.status >= 400:
        transient = response.status in RETRY_STATUSES
        raise Stop(Failure.HTTP_STATUS, status, transient=transient)
    if response.status in REDIRECT_STATUSES:
        raise Stop(Failure.HTTP_STATUS, f"{status} without a Location to follow")
    if not 200 <= response.status < 300:
        raise Stop(Failure.HTTP_STATUS, f"{status} is not a page")
    media_type = response.media_type or _sniff(response.body)
    if media_type not in ACCEPTED_TYPES:
        shown = quoted(media_type, 80) if media_type else "no Content-Type"
        raise Stop(Failure.WRONG_TYPE, f"not a web page or feed ({shown})")
    if response.truncated == "length":
        raise Stop(
            Failure.OVERSIZED,
            f"larger than the {config.max_bytes / MB:g} MB limit "
            f"(cut off after {len(response.raw_body):,} bytes)",
        )
    if not response.body and response.raw_body:
        encoding = quoted(header(response.headers, "content-encoding") or "", 40)
        raise Stop(Failure.BAD_ENCODING, f"the body's {encoding} encoding could not be undone")


def _sniff(body: bytes) -> str:
    """A media type for a body sent without Content-Type: HTML or XML by its first tag."""
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "text/html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "application/xml"
    return ""


def _exchange(
    client: WebClient,
    cookies: httpx.Cookies,
    url: str,
    config: FetchConfig,
    clock: Clock,
    deadline: float,
    out: list[Exchange],
) -> Exchange:
    """GET `url` once (no redirect followed); the exchange, also appended to `out`. Raises
    Stop when nothing usable came back; a body cut off by time is appended first."""
    import httpx

    started_at = clock()
    try:
        request = client.request(url, cookies)
        response = client.send(request, cookies)
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
        raise classify_error(exc, url, config) from None
    try:
        peer = _peer(response)
        body = BodyReader(_header_value(response, "content-encoding"), config.max_bytes)
        stop = body.read(response, deadline, config.total_timeout, config.read_timeout)
    finally:
        response.close()
    exchange = Exchange(
        url=url,
        request_headers=_decoded(request.headers.raw),
        started_at=started_at,
        http_version=response.http_version,
        status=response.status_code,
        reason=response.reason_phrase,
        headers=_decoded(response.headers.raw),
        raw_body=body.raw,
        body=body.decoded,
        sha256=hashlib.sha256(body.decoded).hexdigest(),
        truncated=body.truncated,
        peer=peer,
    )
    out.append(exchange)
    if stop is not None:
        raise stop
    return exchange


def _header_value(response: httpx.Response, name: str) -> str:
    return str(response.headers.get(name, "")).strip().lower()


def _decoded(raw: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in raw)


def _peer(response: httpx.Response) -> str | None:
    stream = response.extensions.get("network_stream")
    try:
        address = stream.get_extra_info("server_addr") if stream is not None else None
    except Exception:  # a transport without the information: the address is optional
        return None
    return str(address[0]) if isinstance(address, tuple) and address else None
