"""Making untrusted text inert for each place it goes: a terminal, JSON, a spreadsheet.

Text from outside (articles, file names, front matter, verdict files, what a reviewer types)
may hold escape sequences, bidirectional overrides and invisible characters. One definition
of what is unsafe serves every sink:

- `printable`: for a terminal (panes, tables, messages). Every unsafe character becomes one
  visible stand-in, so escape sequences cannot act and text cannot disguise itself, and
  offsets are kept: every character maps to exactly one character.
- `json_document`: JSON that keeps the exact text but writes every unsafe character as a
  `\\uXXXX` escape, so the document is inert on a terminal and parses back to the original;
  with `embeddable`, also `<`, `>` and `&`, so it can sit inside an HTML `<script>` element.
- `spreadsheet_cell`: a CSV cell a spreadsheet will not run as a formula.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Control characters: Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F.
# Newline and tab lay text out and are handled apart.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Format characters (category Cf): bidirectional controls (U+061C, U+200E, U+200F,
# U+202A-U+202E, U+2066-U+2069), zero-width and invisible characters (U+00AD, U+180E,
# U+200B-U+200D, U+2060, U+FEFF), the invisible math operators (U+2061-U+2064), deprecated
# shaping controls (U+206A-U+206F), interlinear annotation marks, prepended concatenation
# marks, and the tag characters (the whole block U+E0000-U+E007F, which can spell hidden
# text). The U+2060-U+206F block (U+2065 is unassigned), the Egyptian and the musical
# format blocks are taken whole, as later Unicode versions fill them.
# `tests/test_hostile_text.py` checks this list against every Cf character.
_FORMAT_BMP = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
)
_FORMAT_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f"
)
# Line and paragraph separators (they break no line on a terminal: they only hide where
# one piece of text ends), and lone surrogates (undecodable bytes of a file name, which
# no terminal encoding can write).
_OTHER = "\u2028\u2029\ud800-\udfff"
# The scanning patterns take every character beyond U+FFFF and let the replacement keep
# the safe ones (emoji, CJK extensions): a class holding a few scattered astral ranges
# makes re's scan of ordinary text several times slower than one holding the whole plane.
_ASTRAL = "\U00010000-\U0010ffff"
_ASTRAL_UNSAFE = re.compile(f"[{_FORMAT_ASTRAL}]")
_UNSAFE = re.compile(f"[{_CONTROL}{_FORMAT_BMP}{_OTHER}{_ASTRAL}]")
_UNSAFE_OR_LAYOUT = re.compile(f"[\t\n{_CONTROL}{_FORMAT_BMP}{_OTHER}{_ASTRAL}]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code > 0xFFFF and not _ASTRAL_UNSAFE.match(char):
        return char
    if code in (0x0A, 0x09):
        return " "  # newline and tab, when the text must stay on one line
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, etc.
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls, format, separator and surrogate characters


def printable(text: str, keep_newlines: bool = True) -> str:
    """`text` with every unsafe character replaced one-for-one by a visible stand-in
    (and newlines and tabs by spaces unless `keep_newlines`). One regex pass in C: an
    article of any size costs about a copy."""
    if text.isascii() and text.isprintable():
        return text
    return (_UNSAFE if keep_newlines else _UNSAFE_OR_LAYOUT).sub(_stand_in, text)


# In JSON text from json.dumps(ensure_ascii=False), C0 controls are already escaped; every
# other character `printable` would replace is escaped here, and U+2028/U+2029 too (they end
# a line in JavaScript).
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_FORMAT_BMP}{_OTHER}{_ASTRAL}]")
_JSON_UNSAFE_OR_HTML = re.compile(f"[<>&\x7f-\x9f{_FORMAT_BMP}{_OTHER}{_ASTRAL}]")


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code > 0xFFFF:
        if not _ASTRAL_UNSAFE.match(char):
            return char
        # JSON escapes only 16-bit units: a character beyond is written as a pair.
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_escape_unsafe(document: str, embeddable: bool = False) -> str:
    """A JSON document with the characters a terminal could act on written as \\uXXXX
    (with `embeddable`, also `<`, `>` and `&`, so no `</script>` or `<!--` can end an HTML
    element the document is pasted into).

    `json.dumps(..., ensure_ascii=False)` escapes only C0 controls; DEL, C1 controls (CSI
    0x9b, OSC 0x9d ...), bidi overrides and invisible characters would reach the terminal.
    Such characters can only stand inside JSON strings, where the escape means the same
    character: the document parses to the same data."""
    return (_JSON_UNSAFE_OR_HTML if embeddable else _JSON_UNSAFE).sub(_json_escape, document)


def json_document(doc: Any, indent: int | None = None, embeddable: bool = False) -> str:
    """`doc` as JSON text that is inert on a terminal and parses back to the same data
    (`embeddable`: and that can be pasted into `<script type="application/ld+json">`).

    Without an indent the compact separators keep json on its C encoder, so large
    documents print in a fraction of the time an indented one takes."""
    if indent is None:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(doc, ensure_ascii=False, indent=indent)
    return json_escape_unsafe(text, embeddable)


# OWASP's list for CSV injection: a spreadsheet reads a cell beginning with one of these
# as a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`, `@SUM(1)`), or, for tab and
# carriage return, may drop them and read what follows as one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """A CSV cell no spreadsheet runs: a value beginning like a formula gets a leading `'`
    (which spreadsheets show as "text follows"; "-5" becomes "'-5"). The CSV writer must
    also quote every cell."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
