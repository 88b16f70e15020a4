"""One article's worth of text as read from a file, before ids are assigned, and the
byte-level helpers every format's loader starts with (decoding, binary detection, one-line
metadata). A leaf module: the formats import it, and `tui.corpus.articles` imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.support.regular_file import FileTooLarge, NotRegularFile, read_regular_file

BIG_FILE_BYTES = 5 * 1024 * 1024
# No article is this large; a file that is (or a device that never ends) is not read whole.
MAX_FILE_BYTES = 256 * 1024 * 1024

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


# Byte order marks that name a Unicode encoding (UTF-32 before UTF-16: its little-endian
# mark starts with UTF-16's). The codecs named here read the mark and drop it.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """ "utf-16" or "utf-32" when the bytes open with that encoding's byte order mark."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes: UTF-8 (BOM stripped), UTF-16 or UTF-32 named by their BOM, or
    a legacy fallback with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif (wide := wide_encoding(data)) is not None:
        try:
            return data.decode(wide), None
        except UnicodeDecodeError as exc:
            position = exc.start
            return data.decode(wide, "replace"), (
                f"not valid {wide.upper()} (byte {position}); undecodable bytes replaced"
            )
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


def _wide_text_is_binary(data: bytes, encoding: str) -> bool:
    """UTF-16/32 text (its BOM says so) judged as text: on its decoded characters, since
    its bytes are full of NULs."""
    try:
        text = data[: 8192 * 4].decode(encoding, "strict")
    except UnicodeDecodeError as exc:
        if exc.start < len(data[: 8192 * 4]) - 4:  # not just a character cut at the end
            return True
        text = data[: exc.start].decode(encoding, "replace")
    return looks_binary(text.encode("utf-8", "replace"))


def read_article_bytes(path: Path, say: Progress, *, binary_is_text: bool = False) -> bytes | None:
    """The file's bytes, or None (and a warning) when it is empty, binary, not a regular
    file (a pipe or a device: never waited on, never read) or too large; every loader
    starts here, so every format announces a large file and skips the same way. Other
    failures to read raise OSError."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except NotRegularFile as exc:
        say(f"{path}: skipped, {exc.what}, not a regular file")
        return None
    except FileTooLarge as exc:
        say(f"{path}: skipped, {exc.reason}")
        return None
    if len(data) >= BIG_FILE_BYTES:
        say(f"{path}: large file ({len(data) / 1_048_576:.1f} MB), loading")
    if not data.strip():
        say(f"{path}: skipped, empty file")
        return None
    wide = wide_encoding(data)
    binary = _wide_text_is_binary(data, wide) if wide else looks_binary(data)
    if not binary_is_text and binary:
        say(f"{path}: skipped, binary file")
        return None
    return data


def one_line(value: object) -> str | None:
    """A metadata field (title, outlet, author, URL) as one line of text, or None."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
