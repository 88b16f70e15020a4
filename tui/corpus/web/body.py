"""Reading a response body: streamed, cut off at a limit, Content-Encoding undone as it comes.

The limit counts both the bytes received and the bytes decoded, and decoding never expands
more than the room left, so neither a huge body nor a small gzip bomb is ever held whole.
Only gzip and deflate are undone (they are all crosscheck asks for); for any other
encoding the raw bytes are kept and the decoded body is left empty.
"""

from __future__ import annotations

import time
import zlib
from typing import TYPE_CHECKING

from tui.corpus.web.errors import Stop
from tui.corpus.web.results import Failure

if TYPE_CHECKING:
    import httpx


class BodyReader:
    """A response body read in chunks up to a limit: the raw bytes and the decoded ones.
    `decoded` stays empty when the Content-Encoding is unknown or its data is damaged."""

    def __init__(self, encoding: str, limit: int):
        self.raw = b""
        self.decoded = b""
        self.truncated: str | None = None
        self._limit = limit
        self._encoding = encoding
        self._undo = _decompressor(encoding)
        self._undoable = encoding in ("", "identity") or self._undo is not None
        self._started = False

    def read(
        self, response: httpx.Response, deadline: float, total_timeout: float, read_timeout: float
    ) -> Stop | None:
        """Read the body (closing nothing); the Stop that ends the attempt, if any."""
        import httpx

        raw: list[bytes] = []
        decoded: list[bytes] = []
        raw_size = decoded_size = 0
        stop: Stop | None = None
        try:
            for chunk in response.iter_raw():
                raw.append(chunk)
                raw_size += len(chunk)
                part = self._decode(chunk, self._limit - decoded_size + 1)
                decoded.append(part)
                decoded_size += len(part)
                if raw_size > self._limit or decoded_size > self._limit:
                    self.truncated = "length"
                    break
                if time.monotonic() > deadline:
                    self.truncated = "time"
                    stop = Stop(
                        Failure.TIMEOUT,
                        f"the page took more than {total_timeout:g} s to arrive",
                    )
                    break
        except httpx.TimeoutException:
            self.truncated = "time"
            stop = Stop(
                Failure.TIMEOUT,
                f"the server stopped sending the page (nothing for {read_timeout:g} s)",
                transient=True,
            )
        except httpx.HTTPError:
            self.truncated = "disconnect"
            stop = Stop(Failure.NETWORK, "the connection closed before the page was complete", True)
        self.raw = b"".join(raw)
        self.decoded = b"".join(decoded) if self._undoable else b""
        return stop

    def _decode(self, chunk: bytes, room: int) -> bytes:
        """`chunk` decoded, at most `room` bytes: output that would pass the limit is never
        expanded (a decompression bomb stops at the limit), and a full `room` tells the
        caller the limit is passed."""
        first, self._started = not self._started, True
        undo = self._undo
        if not self._undoable:
            return b""
        if undo is None:
            return chunk
        try:
            part = undo.decompress(chunk, max(room, 1))
        except zlib.error:
            if first and self._encoding == "deflate":  # some servers send raw deflate
                self._undo = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = False
                return self._decode(chunk, room)
            self._undoable = False
            return b""
        return part


def _decompressor(encoding: str) -> zlib._Decompress | None:
    """zlib state for a gzip or deflate Content-Encoding; None for any other."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    return None
