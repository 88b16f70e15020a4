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
    the legacy encoding charset-normalizer detects (Windows-1252 when it finds none), with
    a warning that names it."""
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
    encoding = detect_encoding(data)
    if encoding is not None:
        return data.decode(encoding), (
            f"not UTF-8 (byte {position}); read as {encoding_label(encoding)} (detected)"
        )
    try:
        return data.decode("cp1252"), f"not UTF-8 (byte {position}); read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not UTF-8 (byte {position}); read as Latin-1"


# When the detector cannot tell encodings apart (the same letters score alike in Windows-1250
# and Windows-1252 for Spanish text, say), the one more text is written in wins: the Windows
# code pages in the order the web uses them (HTML's standard reads Latin-1 as Windows-1252).
_COMMON = ("cp1252", "cp1251", "cp1250", "cp1256", "cp1253", "cp1254", "cp1255", "cp1257",
           "cp1258", "iso8859_15", "latin_1")  # fmt: skip


def detect_encoding(data: bytes) -> str | None:
    """The legacy encoding charset-normalizer finds for bytes that are not UTF-8, as a
    Python codec name that decodes all of them, or None when it finds none."""
    from charset_normalizer import from_bytes  # ~70 ms to import: only for legacy files

    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    tied = [r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]

    def rank(name: str) -> int:
        return _COMMON.index(name) if name in _COMMON else len(_COMMON)

    # Each candidate also names the encodings that read these bytes as the same text.
    names = [name for r in tied for name in (r.encoding, *r.could_be_from_charset)]
    for name in sorted(dict.fromkeys(names), key=rank):
        try:
            data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return name
    return None


def encoding_label(codec: str) -> str:
    """A codec's name as people know it: "Windows-1251", "ISO-8859-1", "KOI8-R"."""
    if codec.startswith("cp125"):
        return f"Windows-{codec[2:]}"
    if codec == "latin_1":
        return "ISO-8859-1"
    if codec.startswith("iso8859_"):
        return f"ISO-8859-{codec[8:]}"
    return codec.replace("_", "-").upper()


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
