"""The reviewer's splits and joins placed on today's articles, and the units they make.

A split or a join is anchored to the unit it cut, like any decision, and applied in the
order the reviewer made them (a half of a split may be split again, a joined unit split):
each is placed on the units as the ones before it left them, with the steps `reanchor`
takes (`place_anchor`). A split whose unit's words changed keeps its cut where the words
either side of it still are; a join needs its second unit right after the first. One that
cannot be placed so becomes an orphan, listed with the verdicts' orphans and kept in the
file as it was; its unit stays as the segmenter cut it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from tui.claims.recut import CutError, join, split
from tui.claims.units import Unit
from tui.corpus.articles import Article
from tui.verdicts.anchoring import OrphanCorrection, place_anchor
from tui.verdicts.model import Correction, make_anchor


@dataclass(frozen=True, slots=True)
class Cuts:
    units: dict[str, tuple[Unit, ...]]  # article id -> its units, cut as the reviewer said
    placed: tuple[Correction, ...]  # the splits and joins applied, anchored on today's text
    orphans: tuple[OrphanCorrection, ...]  # those that could not be applied, as in the file
    made: frozenset[str]  # ids of the units the cuts made (still there at the end)


def moved_cut(old: str, new: str, at: int) -> int | None:
    """Where a cut `at` characters into `old` falls in `new` (the same unit, edited):
    behind the same words before it, or ahead of the same words after it, or where the
    longest unchanged stretch around it says; None when nothing around it is left."""
    if old == new:
        return at
    head, tail = old[:at], old[at:]
    if new.startswith(head) and len(head) < len(new):
        return len(head)
    if new.endswith(tail) and len(tail) < len(new):
        return len(new) - len(tail)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for i, j, n in matcher.get_matching_blocks():
        if n and i < at < i + n:
            return j + (at - i)
    return None


def _order(c: Correction) -> tuple[object, ...]:
    a = c.anchor
    return (c.decided_at, a.article, a.start, a.claim)


def apply_cuts(
    corrections: Sequence[Correction],
    articles: Mapping[str, Article],
    units_by_article: Mapping[str, Sequence[Unit]],
    renamed: Mapping[str, str],
) -> Cuts:
    """Apply the splits and joins among `corrections` (the others are left alone) to the
    units of `units_by_article`."""
    units = {k: tuple(v) for k, v in units_by_article.items()}
    taken = {u.id for group in units.values() for u in group}
    made: set[str] = set()
    placed: list[Correction] = []
    orphans: list[OrphanCorrection] = []
    for c in sorted((c for c in corrections if c.cuts), key=_order):
        unit, candidate, score = place_anchor(c.anchor, articles, units, renamed)
        applied = None if unit is None else _apply(c, unit, articles, units, taken, renamed)
        if applied is None:
            best = candidate.id if candidate is not None else None
            orphans.append(OrphanCorrection(c, best, round(score, 1)))
            continue
        moved, article_units, new = applied
        units[moved.anchor.article] = tuple(article_units)
        taken.update(u.id for u in new)
        made.update(u.id for u in new)
        placed.append(moved)
    present = {u.id for group in units.values() for u in group}
    return Cuts(units, tuple(placed), tuple(orphans), frozenset(made & present))


def _apply(
    c: Correction,
    unit: Unit,
    articles: Mapping[str, Article],
    units: Mapping[str, Sequence[Unit]],
    taken: set[str],
    renamed: Mapping[str, str],
) -> tuple[Correction, list[Unit], tuple[Unit, ...]] | None:
    article = articles[unit.article]
    here = units[unit.article]
    try:
        if c.split_at is not None:
            at = moved_cut(c.anchor.text, unit.text, c.split_at)
            if at is None:
                return None
            cut, halves = split(article.text, here, unit, at, taken)
            return replace(c, anchor=make_anchor(article, unit), split_at=at), cut, halves
        assert c.join_with is not None
        second, _, _ = place_anchor(c.join_with, articles, units, renamed)
        if second is None or second.article != unit.article:
            return None
        cut, whole = join(article.text, here, unit, second, taken)
        moved = replace(
            c, anchor=make_anchor(article, unit), join_with=make_anchor(article, second)
        )
        return moved, cut, (whole,)
    except CutError:
        return None
