"""Fetching over real HTTP on 127.0.0.1: every outcome and its message, limits, retries."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler

import pytest

from tests.web_server import (
    STORY,
    Reply,
    Site,
    article_html,
    free_port,
    loopback_guard,
    running_site,
    story_page,
)
from tui.corpus.web.batch import fetch_many
from tui.corpus.web.client import FetchConfig, WebClient
from tui.corpus.web.fetch import fetch
from tui.corpus.web.results import Failure, Fetched, FetchFailed, FetchResult
from tui.corpus.web.urls import BadUrl, check_url, host_key, parse_url_list

CONFIG = FetchConfig(connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0, retry_delay=0.0)
PAGE = article_html("Council approves road budget", STORY)
UNSAFE = set(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x202E, 0x200B, 0x2066]))


@pytest.fixture(autouse=True)
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    yield from loopback_guard(monkeypatch)  # no network beyond loopback in these tests


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def client() -> Iterator[WebClient]:
    with WebClient(CONFIG) as c:
        yield c


def fetch_with(url: str, **changes: object) -> FetchResult:
    """`url` fetched by a client whose config differs from CONFIG by `changes`."""
    with WebClient(replace(CONFIG, **changes)) as c:  # type: ignore[arg-type]
        return fetch(url, c)


def failed(result: object) -> FetchFailed:
    assert isinstance(result, FetchFailed), result
    assert not UNSAFE & set(result.message), result.message
    return result


def ok(result: object) -> Fetched:
    assert isinstance(result, Fetched), getattr(result, "message", result)
    return result


# URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("ftp://example.org/x", "only http and https"),
        ("", "empty URL"),
        ("not a url", "spaces or control characters"),
        ("example.org/news", "no http:// or https:// (did you mean https://example.org/news?)"),
        ("http:///path-only", "has no host"),
        ("http://host:99999/", "not a valid URL"),
        ("http://exa\x1b[31mmple.org/", "control characters"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(url: str, words: str) -> None:
    with pytest.raises(BadUrl) as caught:
        check_url(url)
    assert words in str(caught.value)
    assert not UNSAFE & set(str(caught.value))


def test_urls_are_normalised_only_where_the_server_sees_no_difference() -> None:
    assert check_url(" HTTPS://Example.ORG ") == "https://example.org/"
    assert check_url("http://example.org/a/B?q=1#part") == "http://example.org/a/B?q=1"
    assert check_url("http://[::1]:8080/x") == "http://[::1]:8080/x"
    assert check_url("http://10.0.0.5/private") == "http://10.0.0.5/private"
    assert host_key("https://example.org/x") == "example.org:443"


def test_a_urls_file_skips_comments_but_keeps_fragments() -> None:
    text = "# my links\nhttps://a.example/1\n\n  https://b.example/2#top  # seen on TV\n#x\n"
    assert parse_url_list(text) == ["https://a.example/1", "https://b.example/2#top"]


def test_a_bad_url_fails_without_touching_the_network(client: WebClient) -> None:
    result = failed(fetch("file:///etc/passwd", client))
    assert result.failure is Failure.BAD_URL
    assert result.exchanges == ()


# Pages ---------------------------------------------------------------------------------


def test_a_page_is_fetched_with_its_status_headers_time_and_hash(
    site: Site, client: WebClient
) -> None:
    url = site.route("/news/budget", Reply(body=PAGE))
    when = datetime(2025, 3, 4, 12, 30, tzinfo=UTC)
    result = ok(fetch(url, client, clock=lambda: when))
    assert (result.final_url, result.status, result.body) == (url, 200, PAGE)
    assert result.fetched_at == when
    assert result.media_type == "text/html"
    import hashlib

    assert result.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert result.response.peer == "127.0.0.1"
    request_headers = dict(result.response.request_headers)
    assert request_headers["Accept-Encoding"] == "gzip, deflate"
    assert "crosscheck" in request_headers["User-Agent"]


def test_a_gzip_body_is_decoded_and_its_hash_is_of_the_decoded_bytes(
    site: Site, client: WebClient
) -> None:
    import hashlib

    url = site.route("/gz", Reply(body=PAGE, gzip=True, chunked=True))
    result = ok(fetch(url, client))
    assert result.body == PAGE
    assert gzip.decompress(result.response.raw_body) == PAGE  # stored as received
    assert result.sha256 == hashlib.sha256(PAGE).hexdigest()


def test_a_damaged_gzip_body_is_a_clear_failure(site: Site, client: WebClient) -> None:
    url = site.route(
        "/bad-gz", Reply(body=b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    )
    result = failed(fetch(url, client))
    assert result.failure is Failure.BAD_ENCODING
    assert "gzip encoding could not be undone" in result.message


def test_an_encoding_not_asked_for_is_refused(site: Site, client: WebClient) -> None:
    url = site.route(
        "/br", Reply(body=b"\x8b\x05\x80hello\x03", headers={"Content-Encoding": "br"})
    )
    result = failed(fetch(url, client))
    assert result.failure is Failure.BAD_ENCODING
    assert "'br'" in result.message or "br encoding" in result.message


def test_a_missing_content_type_is_sniffed(site: Site, client: WebClient) -> None:
    html = site.route("/untyped", Reply(body=PAGE, content_type=None))
    assert ok(fetch(html, client)).body == PAGE
    binary = site.route("/untyped.bin", Reply(body=b"\x00\x01binary", content_type=None))
    result = failed(fetch(binary, client))
    assert result.failure is Failure.WRONG_TYPE
    assert result.message == "not a web page or feed (no Content-Type)"


@pytest.mark.parametrize(
    "kind", ["application/pdf", "image/png", "application/json", "text/plain; charset=utf-8"]
)
def test_other_content_types_are_refused_naming_the_type(
    site: Site, client: WebClient, kind: str
) -> None:
    url = site.route("/file", Reply(body=b"%PDF-1.7 ...", content_type=kind))
    result = failed(fetch(url, client))
    assert result.failure is Failure.WRONG_TYPE
    assert result.message == f"not a web page or feed ({kind.split(';')[0]})"
    assert len(result.exchanges) == 1  # the response is kept, to be archived


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (404, "HTTP 404 Not Found"),
        (500, "HTTP 500 Internal Server Error"),
        (403, "HTTP 403 Forbidden"),
    ],
)
def test_http_errors_fail_with_the_status(
    site: Site, client: WebClient, status: int, text: str
) -> None:
    url = site.route("/err", Reply(status, b"<h1>error page</h1>"))
    result = failed(fetch(url, client))
    assert (result.failure, result.message) == (Failure.HTTP_STATUS, text)
    assert result.exchanges[-1].body == b"<h1>error page</h1>"
    assert site.hits["/err"] == 1  # not a transient status: no retry


# Redirects -----------------------------------------------------------------------------


def test_redirects_are_followed_and_each_hop_is_kept(site: Site, client: WebClient) -> None:
    final = site.route("/story", Reply(body=PAGE))
    site.route("/short", Reply(301, headers={"Location": "/moved"}))
    site.route("/moved", Reply(302, headers={"Location": final}))
    result = ok(fetch(site.url("/short"), client))
    assert result.final_url == final
    assert [e.status for e in result.exchanges] == [301, 302, 200]
    assert result.requested == site.url("/short")


def test_a_cookie_set_on_a_redirect_is_sent_back_within_the_fetch_only(
    site: Site, client: WebClient
) -> None:
    def page(handler: BaseHTTPRequestHandler) -> Reply:
        if "consent=yes" in (handler.headers.get("Cookie") or ""):
            return Reply(body=PAGE)
        return Reply(302, headers={"Location": "/consent"})

    site.route("/story", page)
    site.route("/consent", Reply(302, headers={"Location": "/story", "Set-Cookie": "consent=yes"}))
    for _ in range(2):  # each fetch starts without the other's cookies
        result = ok(fetch(site.url("/story"), client))
        assert [e.status for e in result.exchanges] == [302, 302, 200]
        assert dict(result.response.request_headers)["Cookie"] == "consent=yes"


def test_a_redirect_loop_is_detected(site: Site, client: WebClient) -> None:
    site.route("/a", Reply(302, headers={"Location": "/b"}))
    site.route("/b", Reply(302, headers={"Location": "/a"}))
    result = failed(fetch(site.url("/a"), client))
    assert result.failure is Failure.REDIRECT_LOOP
    assert result.message.startswith("redirect loop")
    assert site.hits["/a"] <= 2


def test_too_many_redirects(site: Site, client: WebClient) -> None:
    for i in range(5):
        site.route(f"/hop{i}", Reply(302, headers={"Location": f"/hop{i + 1}"}))
    result = failed(fetch_with(site.url("/hop0"), max_redirects=3))
    assert result.failure is Failure.TOO_MANY_REDIRECTS
    assert "more than 3" in result.message
    assert len(result.exchanges) == 4


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x.example/"]
)
def test_a_redirect_to_another_scheme_is_refused(
    site: Site, client: WebClient, target: str
) -> None:
    site.route("/evil", Reply(302, headers={"Location": target}))
    result = failed(fetch(site.url("/evil"), client))
    assert result.failure is Failure.BAD_REDIRECT
    assert result.message.startswith("refused a redirect: only http and https")
    assert target.split(":")[0] in result.message


def test_a_hostile_location_is_quoted_inert(site: Site, client: WebClient) -> None:
    location = "gopher://\u202eevil\u200b\x85/".encode().decode("latin-1")  # as sent: UTF-8
    site.route("/x", Reply(302, headers={"Location": location}))
    result = failed(fetch(site.url("/x"), client))
    assert result.failure is Failure.BAD_REDIRECT
    assert "gopher://\ufffdevil\ufffd\ufffd/" in result.message


# Limits, timeouts and network failures -------------------------------------------------


@pytest.mark.parametrize("chunked", [False, True])
def test_an_oversized_body_is_cut_off_and_refused(
    site: Site, client: WebClient, chunked: bool
) -> None:
    big = PAGE + b"<!--" + b"x" * 300_000 + b"-->"
    url = site.route("/big", Reply(body=big, chunked=chunked))
    result = failed(fetch_with(url, max_bytes=100_000))
    assert result.failure is Failure.OVERSIZED
    assert "larger than the 0.0953674 MB limit" in result.message
    exchange = result.exchanges[-1]
    assert exchange.truncated == "length"
    assert 100_000 < len(exchange.raw_body) < 300_000  # read a little past the limit, no more
    assert big.startswith(exchange.raw_body)


def test_a_gzip_bomb_stops_at_the_limit(site: Site, client: WebClient) -> None:
    bomb = gzip.compress(b"<html>" + b"\0" * 20_000_000, compresslevel=1)  # ~20 KB on the wire
    url = site.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    result = failed(fetch_with(url, max_bytes=1_000_000))
    assert result.failure is Failure.OVERSIZED
    exchange = result.exchanges[-1]
    assert len(exchange.raw_body) < 100_000
    assert 1_000_000 < len(exchange.body) <= 1_000_001  # never expanded past the limit


def test_a_stalled_response_times_out_and_is_retried_once(site: Site, client: WebClient) -> None:
    url = site.route("/stall", Reply(body=PAGE, stall_after=200))
    result = failed(fetch_with(url, read_timeout=0.5))
    assert result.failure is Failure.TIMEOUT
    assert result.message == (
        "the server stopped sending the page (nothing for 0.5 s) (also on a second try)"
    )
    assert site.hits["/stall"] == 2
    assert [e.truncated for e in result.exchanges] == ["time", "time"]
    assert result.exchanges[0].raw_body == PAGE[:200]


def test_a_server_that_never_answers_times_out(site: Site, client: WebClient) -> None:
    url = site.route("/silent", Reply(body=PAGE, delay=10))
    result = failed(fetch_with(url, read_timeout=0.3, retries=0))
    assert result.failure is Failure.TIMEOUT
    assert result.message == f"127.0.0.1:{site.port} did not answer within 0.3 s"


def test_a_trickling_page_is_cut_off_by_the_total_time(site: Site, client: WebClient) -> None:
    url = site.route("/drip", Reply(body=PAGE * 20, drip=0.05))
    result = failed(fetch_with(url, read_timeout=2, total_timeout=0.3))
    assert result.failure is Failure.TIMEOUT
    assert result.message == "the page took more than 0.3 s to arrive"
    assert site.hits["/drip"] == 1  # a slow server is not retried


def test_a_connect_timeout() -> None:
    # A listening socket whose queue is full drops new SYNs: the connection never opens.
    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        port = full.getsockname()[1]
        fillers = [socket.socket() for _ in range(3)]
        try:
            for filler in fillers:
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
            result = failed(fetch_with(f"http://127.0.0.1:{port}/", connect_timeout=0.3, retries=0))
        finally:
            for filler in fillers:
                filler.close()
    assert result.failure is Failure.TIMEOUT
    assert result.message == f"could not connect to 127.0.0.1:{port} within 0.3 s"


def test_a_refused_connection(client: WebClient) -> None:
    port = free_port()
    result = failed(fetch(f"http://127.0.0.1:{port}/", client))
    assert result.failure is Failure.REFUSED
    assert result.message == f"connection refused by 127.0.0.1:{port} (also on a second try)"


def test_a_name_that_does_not_resolve(client: WebClient) -> None:
    result = failed(fetch("http://no-such-site.invalid/news", client))
    assert result.failure is Failure.DNS
    assert result.message == (
        "could not find the server no-such-site.invalid (DNS lookup failed: "
        "Name or service not known)"
    )


def test_a_tls_error(site: Site, client: WebClient) -> None:
    # https to a server that speaks plain HTTP: the TLS handshake fails.
    result = failed(fetch(f"https://127.0.0.1:{site.port}/", client))
    assert result.failure is Failure.TLS
    assert result.message.startswith(f"TLS error with 127.0.0.1:{site.port}: ")


def test_a_transient_status_is_retried_once(site: Site, client: WebClient) -> None:
    answers = iter([Reply(503, b"busy"), Reply(body=PAGE)])
    site.route("/flaky", lambda handler: next(answers))
    slept: list[float] = []
    with WebClient(replace(CONFIG, retry_delay=0.25)) as patient:
        result = ok(fetch(site.url("/flaky"), patient, sleep=slept.append))
    assert result.body == PAGE
    assert [e.status for e in result.exchanges] == [503, 200]  # both kept as evidence
    assert slept == [0.25]


def test_a_transient_status_twice_fails(site: Site, client: WebClient) -> None:
    url = site.route("/down", Reply(502, b"bad gateway"))
    result = failed(fetch(url, client))
    assert result.message == "HTTP 502 Bad Gateway (also on a second try)"
    assert site.hits["/down"] == 2


def test_a_connection_closed_mid_body(site: Site, client: WebClient) -> None:
    def cut(handler: BaseHTTPRequestHandler) -> Reply:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n")
        handler.wfile.write(b"Content-Type: text/html\r\n\r\n<html>partial")
        handler.wfile.flush()
        handler.close_connection = True
        raise ConnectionResetError  # ends the handler without a proper response

    url = site.route("/cut", cut)
    result = failed(fetch(url, client))
    assert result.failure is Failure.NETWORK
    assert "closed before the page was complete" in result.message
    assert result.exchanges[-1].truncated == "disconnect"
    assert result.exchanges[-1].raw_body == b"<html>partial"


# Many at once ----------------------------------------------------------------------------


class Gauge:
    """Counts the requests in flight, overall and per host, at their highest."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.top: dict[str, int] = {}
        self.total_now = self.total_top = 0

    def handler(self, host: str, body: bytes) -> Callable[[BaseHTTPRequestHandler], Reply]:
        return lambda request: self.reply(host, body)

    def reply(self, host: str, body: bytes) -> Reply:
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.total_now += 1
            self.top[host] = max(self.top.get(host, 0), self.now[host])
            self.total_top = max(self.total_top, self.total_now)
        time.sleep(0.05)  # long enough for the other fetches to arrive
        with self.lock:
            self.now[host] -= 1
            self.total_now -= 1
        return Reply(body=body)


def test_fifty_pages_from_five_hosts_respect_both_limits(client: WebClient) -> None:
    sites = [Site(f"127.0.0.{i}") for i in range(1, 6)]
    gauge = Gauge()
    urls = []
    try:
        for i in range(50):
            where = sites[i % 5]
            page = story_page(i)
            where.route(f"/story/{i}", gauge.handler(where.host, page))
            urls.append(where.url(f"/story/{i}"))
        seen: list[tuple[int, int]] = []
        results = dict(
            fetch_many(urls, client, progress=lambda done, total, r: seen.append((done, total)))
        )
    finally:
        for s in sites:
            s.close()
    assert sorted(results) == list(range(50))
    assert all(ok(results[i]).body == story_page(i) for i in range(50))
    assert seen == [(n, 50) for n in range(1, 51)]
    assert max(gauge.top.values()) <= CONFIG.per_host == 2
    assert gauge.total_top <= CONFIG.concurrency == 8
    assert gauge.total_top > 2  # the hosts were fetched side by side


def test_one_host_gets_at_most_its_limit(site: Site, client: WebClient) -> None:
    gauge = Gauge()
    urls = [site.route(f"/p{i}", gauge.handler("one", story_page(i))) for i in range(12)]
    results = list(fetch_many(urls, client))
    assert len(results) == 12 and all(isinstance(r, Fetched) for _, r in results)
    assert gauge.top["one"] == 2


def test_closing_the_results_early_stops_the_fetches_not_started(
    site: Site, client: WebClient
) -> None:
    urls = [site.route(f"/slow{i}", Reply(body=PAGE, delay=0.05)) for i in range(20)]
    results = fetch_many(urls, client)
    next(results)
    results.close()  # e.g. the reviewer cancelled the worker
    assert sum(site.hits.values()) <= 4  # those running finish; none is started after


def test_bad_urls_in_a_batch_fail_alone(site: Site, client: WebClient) -> None:
    good = site.route("/good", Reply(body=PAGE))
    results = dict(fetch_many(["javascript:void(0)", good, "file:///etc/passwd"], client))
    assert isinstance(results[1], Fetched)
    assert failed(results[0]).failure is failed(results[2]).failure is Failure.BAD_URL


# The guard itself --------------------------------------------------------------------------


def test_the_guard_refuses_any_address_beyond_loopback(network_attempts: list[str]) -> None:
    with socket.socket() as s, pytest.raises(AssertionError, match=r"192\.0\.2\.1"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: refused before any packet is sent
    with socket.socket(socket.AF_INET6) as s, pytest.raises(AssertionError, match="2001:db8"):
        s.connect_ex(("2001:db8::1", 80, 0, 0))
    with pytest.raises(AssertionError, match=r"example\.com"):
        socket.getaddrinfo("example.com", 80)
    assert network_attempts == ["connect 192.0.2.1", "connect 2001:db8::1", "resolve example.com"]
    network_attempts.clear()  # they were this test's point
