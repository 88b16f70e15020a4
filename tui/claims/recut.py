"""Units the reviewer cut differently from the segmenter: one unit split in two, or two
adjacent units joined into one.

Each new unit is a claim with exact offsets (`text[start:end]` is its text, without the
spaces at the cut) and an id made like the segmenter's; the other units of the article keep
theirs, and every unit of the article is numbered again in reading order.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from tui.claims.units import Unit, claim_at


class CutError(ValueError):
    """The cut asked for cannot be made; the message says why, for the reviewer."""


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cut_points(text: str) -> tuple[int, ...]:
    """The offsets into a unit's `text` where a split may fall: before each word but the
    first (a word: letters or digits, as a segmenter sees them)."""
    points = []
    for i in range(1, len(text)):
        if text[i].isalnum() and not text[i - 1].isalnum() and text[i - 1] not in "'’-.,":
            points.append(i)
    return tuple(p for p in points if any(ch.isalnum() for ch in text[:p]))


def split_offsets(text: str, unit: Unit, at: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The two spans a split of `unit` `at` characters into its text makes (spaces at the
    cut left out); CutError when one would hold no word, or the cut falls inside a word."""
    return split_spans(text, unit.start, unit.end, at)


def split_spans(
    text: str, start: int, end: int, at: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """`split_offsets` for the unit `text[start:end]`."""
    if not 0 < at < end - start:
        raise CutError(f"a split must fall inside the claim (1 to {end - start - 1})")
    if text[start + at - 1].isalnum() and text[start + at].isalnum():
        raise CutError("a split must fall between words")
    head = _trimmed(text, start, start + at)
    tail = _trimmed(text, start + at, end)
    for first, last in (head, tail):
        if not any(ch.isalnum() for ch in text[first:last]):
            raise CutError("each part of a split needs at least one word")
    return head, tail


def split(
    text: str, units: Sequence[Unit], unit: Unit, at: int, taken: Collection[str]
) -> tuple[list[Unit], tuple[Unit, Unit]]:
    """The article's units with `unit` split `at` characters into its text, and the two
    new claims. `taken`: every unit id in the corpus (new ids never repeat one)."""
    (hs, he), (ts, te) = split_offsets(text, unit, at)
    used = set(taken)
    head = claim_at(unit.article, text, hs, he, unit.index, used)
    used.add(head.id)
    tail = claim_at(unit.article, text, ts, te, unit.index + 1, used)
    out: list[Unit] = []
    for u in units:
        out.extend((head, tail) if u.id == unit.id else (u,))
    return _numbered(out), (head, tail)


def join(
    text: str, units: Sequence[Unit], first: Unit, second: Unit, taken: Collection[str]
) -> tuple[list[Unit], Unit]:
    """The article's units with `first` and the unit right after it, `second`, made one
    claim (whatever lies between them in the text included)."""
    order = [u.id for u in units]
    if first.id not in order or second.id not in order:
        raise CutError("both units must be in the article")
    if order.index(second.id) != order.index(first.id) + 1:
        raise CutError("only a unit and the one right after it can be joined")
    whole = claim_at(first.article, text, first.start, second.end, first.index, set(taken))
    out: list[Unit] = []
    for u in units:
        if u.id == first.id:
            out.append(whole)
        elif u.id != second.id:
            out.append(u)
    return _numbered(out), whole


def _numbered(units: list[Unit]) -> list[Unit]:
    return [u if u.index == i else replace(u, index=i) for i, u in enumerate(units)]
