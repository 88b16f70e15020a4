"""One article's worth of text as read from a file, before ids are assigned, and the
byte-level helpers every format's loader starts with (decoding, binary detection, one-line
metadata). A leaf module: the formats import it, and `tui.corpus.articles` imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BIG_FILE_BYTES = 5 * 1024 * 1024

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article's worth of text before ids are assigned (a file can hold several)."""

    source: Path
    key: str  # unique within the source: "" for a plain file, an entry key for a feed
    title: str | None
    text: str
    sha256: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes: UTF-8 (BOM stripped) or a legacy fallback with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        return data.decode("cp1252"), f"not UTF-8 (byte {position}); read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not UTF-8 (byte {position}); read as Latin-1"


# Control bytes that text does not contain (tab, line feed, form feed, carriage return and
# escape are allowed); deleting them and comparing lengths counts them in C.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes in the first 8 KiB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.1


def read_article_bytes(path: Path, say: Progress, *, binary_is_text: bool = False) -> bytes | None:
    """The file's bytes, or None (and a warning) when it is empty or binary; every loader
    starts here, so every format announces a large file and skips the same way."""
    data = path.read_bytes()
    if len(data) >= BIG_FILE_BYTES:
        say(f"{path}: large file ({len(data) / 1_048_576:.1f} MB), loading")
    if not data.strip():
        say(f"{path}: skipped, empty file")
        return None
    if not binary_is_text and looks_binary(data):
        say(f"{path}: skipped, binary file")
        return None
    return data


def one_line(value: object) -> str | None:
    """A metadata field (title, outlet, author, URL) as one line of text, or None."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
