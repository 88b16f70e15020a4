"""Making untrusted article text inert before it reaches a terminal.

Control characters (C0, C1, DEL), bidirectional overrides and zero-width characters are
replaced with visible stand-ins, so escape sequences cannot act and text cannot disguise
itself. Offsets are kept: every character maps to exactly one character.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def _stand_in(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, etc.
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls, bidi and zero-width characters


def _unsafe(ch: str) -> bool:
    if ch in _BIDI or ch in _ZERO_WIDTH:
        return True
    category = unicodedata.category(ch)
    return category == "Cc" and ch not in "\n\t"


def printable(text: str, keep_newlines: bool = True) -> str:
    """`text` with every unsafe character replaced one-for-one by a visible stand-in."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if _unsafe(ch) or (not keep_newlines and ch in "\n\t"):
            out.append(_stand_in(ch) if ch not in "\n\t" else " ")
        else:
            out.append(ch)
    return "".join(out)


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
