"""Making untrusted article text inert before it reaches a terminal.

Control characters (C0, C1, DEL), bidirectional overrides and zero-width characters are
replaced with visible stand-ins, so escape sequences cannot act and text cannot disguise
itself. Offsets are kept: every character maps to exactly one character.
"""

from __future__ import annotations

import unicodedata

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
