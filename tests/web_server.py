"""A real HTTP server on 127.0.0.1 for the web tests, and a guard against any other network.

The standard library's ThreadingHTTPServer is used rather than pytest-httpserver: it adds no
dependency, each request gets its own thread (a stalled response never holds up the
next test's requests), and a handler writes the raw response itself, so a test can send a
body with no length, stall in the middle of one, drip it slowly, or send chunked gzip,
exactly as a hostile or broken server would. Stalls wait on an event that the server sets
when it stops, so no test ever sleeps long.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Reply:
    """What the server answers on a path."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False  # send the body gzip-encoded (Content-Encoding: gzip)
    chunked: bool = False  # Transfer-Encoding: chunked instead of Content-Length
    stall_after: int | None = None  # send this many body bytes, then stop sending
    drip: float | None = None  # seconds between 1 KB pieces of the body
    delay: float = 0.0  # seconds before answering (latency of a distant server)


Handler = Callable[[BaseHTTPRequestHandler], Reply]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers then body wait on delayed ACKs (40 ms)
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            site.requests.append((self.path, dict(self.headers.items())))
            route = site.routes.get(self.path)
        try:
            reply = route(self) if callable(route) else route or Reply(404, b"<p>not here</p>")
            self._send(reply, site.stop)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a size limit or a timeout): expected

    def _send(self, reply: Reply, stop: threading.Event) -> None:
        if reply.delay:
            stop.wait(reply.delay)
        body = gzip.compress(reply.body, mtime=0) if reply.gzip else reply.body
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        if reply.gzip:
            self.send_header("Content-Encoding", "gzip")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        pieces = [body[i : i + 1024] for i in range(0, len(body), 1024)] if reply.drip else [body]
        sent = 0
        for piece in pieces:
            if reply.stall_after is not None and sent + len(piece) > reply.stall_after:
                piece = piece[: reply.stall_after - sent]
                self._write(piece, reply.chunked)
                self.wfile.flush()
                stop.wait(10)  # the client's read timeout ends this; so does stopping
                self.close_connection = True
                return
            self._write(piece, reply.chunked)
            sent += len(piece)
            if reply.drip:
                self.wfile.flush()
                if stop.wait(reply.drip):
                    return
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _write(self, data: bytes, chunked: bool) -> None:
        if not data:
            return
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n" if chunked else data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up early is what several tests do on purpose


class Site:
    """A running server: `route(path, reply)`, `url(path)`, request counts and log."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Reply | Handler] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self._server = _Server((host, 0), _Handler)
        self._server.site = self
        self.host, self.port = host, self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, reply: Reply | Handler) -> str:
        with self.lock:
            self.routes[path] = reply
        return self.url(path)

    def close(self) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()


def running_site() -> Iterator[Site]:
    """For a test module's `site` fixture: a server for the test, stopped after it."""
    server = Site()
    try:
        yield server
    finally:
        server.close()


def free_port() -> int:
    """A loopback port nothing listens on (connecting to it is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The guard: tests reach only loopback. Names under `.invalid` (RFC 6761: never
# resolvable) fail as a resolver fails them, without asking one; any other non-loopback
# name or address is refused, recorded, and fails the test. tests/conftest.py makes it an
# autouse fixture of every test; the web test modules also name it for their own use.
_LOCAL_NAMES = {"localhost", "localhost.", "127.0.0.1", "::1"}


class NetworkUsed(AssertionError):
    pass


def loopback_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """For a test module's autouse fixture: yields the list of refused attempts, which
    must be empty when the test ends."""
    attempts: list[str] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.endswith((".invalid", ".invalid.")):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if name not in _LOCAL_NAMES and not _is_loopback(name):
            attempts.append(f"resolve {name}")
            raise NetworkUsed(f"a test tried to resolve {name!r}")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    def check(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = str(address[0]) if isinstance(address, tuple) else str(address)
            if not _is_loopback(host):
                attempts.append(f"connect {host}")
                raise NetworkUsed(f"a test tried to connect to {host!r}")

    def connect(self: socket.socket, address: object) -> None:
        check(self, address)
        real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        check(self, address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts
    assert not attempts, f"network beyond loopback used: {attempts}"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def article_html(title: str, paragraphs: list[str], site_name: str = "The Daily Test") -> bytes:
    """A news page as sites send it: head metadata, navigation, the article, a footer."""
    body = "\n".join(f"    <p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {site_name}</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="{site_name}">
  <meta name="author" content="Jo Reporter">
  <meta name="date" content="2025-03-04">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
  <main>
  <article>
    <h1>{title}</h1>
{body}
  </article>
  </main>
  <footer>Copyright {site_name}. All rights reserved.</footer>
</body>
</html>
""".encode()


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


STORY = [
    "The city council approved a budget of 4.2 million dollars for road repairs on Tuesday, "
    "after a debate that lasted more than three hours, the mayor's office said.",
    "Council member Ana Ruiz, who voted against the plan, said the money would cover less "
    "than a third of the streets that residents had reported as dangerous last winter.",
    "According to the city's own survey, 212 of the 640 streets inspected in January needed "
    "urgent work; the budget funds repairs on 71 of them before the end of the year.",
    "The transport department said contractors would start in the northern districts in "
    "April and publish a weekly list of finished streets on the city's website.",
]
UPDATED_STORY = [
    *STORY[:2],
    "According to the city's own survey, 212 of the 640 streets inspected in January needed "
    "urgent work; the budget now funds repairs on 85 of them before the end of the year.",
    *STORY[3:],
    "This article was updated on Wednesday with the revised number of streets.",
]


_VOCABULARY = (
    "the a of to in and for on with by at from said officials city council budget road "
    "repairs mayor statement minister government report police court judge election vote "
    "voters party leader spokesman agency company shares market prices inflation percent "
    "million billion year week month Monday Tuesday Wednesday Thursday Friday residents "
    "district region province border army troops ceasefire talks agreement deal plan law "
    "bill parliament senate committee hearing investigation evidence witness attack "
    "explosion fire flood storm hospital patients doctors school teachers students water "
    "power energy gas oil contract funding tax taxes workers union strike protest crowd "
    "estimated reported confirmed denied announced warned according earlier later than "
    "more less about nearly least most after before during while because although however "
    "northern southern eastern western capital airport station bridge highway railway "
    "survey data figures analysts economists researchers scientists study published"
)
_WORDS = _VOCABULARY.split()


def story_page(n: int, size: int = 0) -> bytes:
    """Article `n` of a batch: its own title and figures; padded to about `size` bytes with
    paragraphs of varied news words (seeded by `n`), which compress as prose does."""
    import random

    rng = random.Random(n)
    paragraphs = [p.replace("4.2 million", f"{n}.{n % 10} million") for p in STORY]
    while size and len(article_html(f"Story {n}", paragraphs)) < size:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(40, 90))]
        words[rng.randrange(len(words))] = str(rng.randint(2, 9999))
        paragraphs.append(" ".join(words).capitalize() + ".")
    return article_html(f"Story {n}: the council's vote", paragraphs)


def warc_records(path: Path) -> list[dict[str, Any]]:
    """Every record of a WARC file, read with digests checked, as plain data."""
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream, check_digests=True)
        for record in iterator:
            head = record.rec_headers
            raw = record.raw_stream.read() if record.rec_type == "response" else b""
            payload = b""
            if record.rec_type == "response":
                with open(path, "rb") as again:  # decoded payload through a fresh read
                    again.seek(iterator.get_record_offset())
                    payload = next(iter(ArchiveIterator(again))).content_stream().read()
            out.append(
                {
                    "type": record.rec_type,
                    "id": head.get_header("WARC-Record-ID"),
                    "uri": head.get_header("WARC-Target-URI"),
                    "date": head.get_header("WARC-Date"),
                    "digest": head.get_header("WARC-Payload-Digest"),
                    "truncated": head.get_header("WARC-Truncated"),
                    "ip": head.get_header("WARC-IP-Address"),
                    "concurrent": head.get_header("WARC-Concurrent-To"),
                    "passed": record.digest_checker.passed,
                    "problems": list(record.digest_checker.problems),
                    "status": record.http_headers.get_statuscode() if record.http_headers else None,
                    "http": record.http_headers,
                    "raw": raw,
                    "payload": payload,
                    "offset": iterator.get_record_offset(),
                }
            )
    return out


# A feed of two entries, one linked absolutely and one relative to the site: the feed the
# add tests (command line and app) list and fetch from.
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Daily Test: City</title><link>{base}/</link>
<item><title>Council approves road budget</title><link>{base}/news/1</link></item>
<item><title>Second story</title><link>/news/2</link></item>
</channel></rss>"""


def feed_reply(site: Site, feed: str = FEED) -> Reply:
    """`feed` (FEED's shape: `{base}` is the site's address) served as RSS."""
    return Reply(body=feed.format(base=site.url("")).encode(), content_type="application/rss+xml")
