"""Which words of one claim the other does not share, for highlighting in the inspector.

The comparison uses the matcher's own normalisation, so "troops" and "troop", "50,000" and
"50000" count as the same word. It is order-free on purpose: matched claims often say the
same thing in a different order, and what a fact-checker needs to see is what one side adds
or changes, not where words moved.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tui.matching.normalise import STOPWORDS, tokens

SAME = "same"
CHANGED = "changed"

# Words (letters, digits, and the separators inside figures like "50,000" or "6.1"), and
# everything between them.
_PIECE = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*|[^\w]+|_+")


@lru_cache(maxsize=4096)
def _shadow(ch: str) -> str:
    """`ch` as the splitting sees it: "a" for what normalisation turns into a word
    character or joins to one (㉠ becomes a letter, a combining accent joins its letter),
    else the character itself. Split on the raw text, "A㉠" or "e" + U+0301 would be two
    pieces while the normaliser reads one word."""
    if ch == "_" or ch.isalnum():
        return ch
    if unicodedata.category(ch).startswith("M"):
        return "a"
    return "a" if any(c.isalnum() for c in unicodedata.normalize("NFKC", ch)) else ch


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Split `a` into pieces tagged "same" or "changed" relative to `b`.

    The pieces join back to exactly `a`. Spaces, punctuation and function words are "same"
    (they carry no claim); a content word or figure is "changed" when `b` has no word that
    normalises to it.
    """
    other = set(tokens(b))
    out: list[tuple[str, str]] = []
    shadow = "".join(_shadow(ch) for ch in a)  # same length as `a`: its spans are a's
    for m in _PIECE.finditer(shadow):
        piece = a[m.start() : m.end()]
        norm = tokens(piece)
        tag = SAME if not norm or all(t in STOPWORDS or t in other for t in norm) else CHANGED
        if out and out[-1][1] == tag and (tag == SAME or not piece.strip()):
            out[-1] = (out[-1][0] + piece, tag)
        else:
            out.append((piece, tag))
    return out
