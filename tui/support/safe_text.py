"""Making untrusted article text inert before it reaches a terminal.

Control characters (C0, C1, DEL), bidirectional overrides and zero-width characters are
replaced with visible stand-ins, so escape sequences cannot act and text cannot disguise
itself. Offsets are kept: every character maps to exactly one character.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u00ad\u200b-\u200d\u2060\ufeff"
# Control characters (Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F),
# except newline and tab, which lay text out; then bidi and zero-width characters.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_ZERO_WIDTH}]")
_UNSAFE_OR_LAYOUT = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_ZERO_WIDTH}]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in (0x0A, 0x09):
        return " "  # newline and tab, when the text must stay on one line
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, etc.
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls, bidi and zero-width characters


def printable(text: str, keep_newlines: bool = True) -> str:
    """`text` with every unsafe character replaced one-for-one by a visible stand-in
    (and newlines and tabs by spaces unless `keep_newlines`). One regex pass in C: an
    article of any size costs about a copy."""
    if text.isascii() and text.isprintable():
        return text
    return (_UNSAFE if keep_newlines else _UNSAFE_OR_LAYOUT).sub(_stand_in, text)


_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]"
)


def json_escape_unsafe(document: str) -> str:
    """A JSON document with the characters a terminal could act on written as \\uXXXX.

    `json.dumps(..., ensure_ascii=False)` escapes only C0 controls; DEL, C1 controls (CSI
    0x9b, OSC 0x9d ...), bidi overrides and zero-width characters would reach the terminal.
    Such characters can only stand inside JSON strings, where the escape means the same
    character: the document parses to the same data."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def json_document(doc: Any, indent: int | None = None) -> str:
    """`doc` as JSON text that is inert on a terminal and parses back to the same data.

    Without an indent the compact separators keep json on its C encoder, so large
    documents print in a fraction of the time an indented one takes."""
    if indent is None:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(doc, ensure_ascii=False, indent=indent)
    return json_escape_unsafe(text)
