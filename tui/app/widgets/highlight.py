"""The search bar's words highlighted in a pane's line: where they occur (any case), and
the line's segments with a style added over those characters."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style


def find_all(words: str, line: str) -> list[tuple[int, int]]:
    """Where the casefolded `words` occur in `line`, as offsets into `line`. Casefolding
    can change a text's length (ß -> ss): the line is compared a character at a time."""
    folded: list[str] = []
    owner: list[int] = []  # folded character -> the line's character it came from
    for i, ch in enumerate(line):
        f = ch.casefold()
        folded.extend(f)
        owner.extend([i] * len(f))
    text = "".join(folded)
    hits: list[tuple[int, int]] = []
    at = text.find(words)
    while at >= 0:
        hits.append((owner[at], owner[at + len(words) - 1] + 1))
        at = text.find(words, at + len(words))
    return hits


def overlay(
    segments: Sequence[Segment], hits: Sequence[tuple[int, int]], style: Style
) -> list[Segment]:
    """`segments` (one line, offsets counted in characters) with `style` added over the
    character ranges `hits`."""
    out: list[Segment] = []
    pos = 0
    for seg in segments:
        text, seg_style = seg.text, seg.style
        a, b = pos, pos + len(text)
        cuts = sorted({a, b, *(x for h in hits for x in h if a < x < b)})
        for lo, hi in pairwise(cuts):
            inside = any(h0 <= lo and hi <= h1 for h0, h1 in hits)
            piece = text[lo - a : hi - a]
            out.append(Segment(piece, (seg_style or Style()) + style if inside else seg_style))
        pos = b
    return out
