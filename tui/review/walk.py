"""Moving about the claims a filter lets through, in the order it walks them: reading order
(article by article, unit by unit), or for the `contested` filter most contested first
(`tui.review.contest`). A mixin of `SessionView` (tui/review/session_view.py), which says
which claims pass the filter and which order it walks.

Every move reads the same order: next and previous, first and last, the next untriaged
claim, an article's first claim in the filter, search, and the list of claims shown. A
cursor outside a sorted order (a claim the reviewer clicked, or one that stopped passing)
stands where its own rank would put it, so next and previous go on from there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.claims.units import Unit

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.contest import Contest
    from tui.verdicts.model import Verdict


@dataclass(frozen=True, slots=True)
class SortedWalk:
    """A walk in an order other than reading order: its claims, sorted by `rank`, and the
    rank of every claim (those outside the walk too)."""

    ids: tuple[str, ...]
    rank: Mapping[str, Contest]
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {c: i for i, c in enumerate(self.ids)})

    def place(self, claim_id: str) -> tuple[int, bool]:
        """(its index, True) for a claim in the walk, else (where it would go, False)."""
        at = self.index.get(claim_id)
        if at is not None:
            return at, True
        rank = self.rank.get(claim_id)
        if rank is None:
            return len(self.ids), False
        return bisect_left(self.ids, rank, key=self.rank.__getitem__), False


class Walk:
    """Navigation over the filter's order; `SessionView` supplies the state below."""

    units: tuple[Unit, ...]
    cursor: str | None
    analysis: Analysis
    _position: dict[str, int]  # claim id -> its place in reading order
    _reading: tuple[str, ...]  # every unit's id in reading order
    _verdicts: dict[str, Verdict]

    def passes(self, claim_id: str) -> bool:
        raise NotImplementedError

    def _sorted_walk(self) -> SortedWalk | None:
        """The filter's order when it is not reading order."""
        return None

    def _place(self, claim_id: str) -> tuple[Sequence[str], int, bool]:
        walk = self._sorted_walk()
        if walk is None:
            return self._reading, self._position[claim_id], True
        return (walk.ids, *walk.place(claim_id))

    def _ids(self) -> Sequence[str]:
        walk = self._sorted_walk()
        return self._reading if walk is None else walk.ids

    @staticmethod
    def _scan(
        ids: Sequence[str], start: int, step: int, wrap: bool, test: Callable[[str], bool]
    ) -> str | None:
        n = len(ids)
        for k in range(n):
            i = start + step * k
            if wrap:
                i %= n
            elif not 0 <= i < n:
                return None
            if test(ids[i]):
                return ids[i]
        return None

    def visible(self) -> list[str]:
        """The claims the filter lets through, in the order it walks them."""
        return [c for c in self._ids() if self.passes(c)]

    def first(self) -> str | None:
        return self._scan(self._ids(), 0, 1, False, self.passes)

    def last(self) -> str | None:
        ids = self._ids()
        return self._scan(ids, len(ids) - 1, -1, False, self.passes)

    def _after(
        self, claim_id: str, step: int, wrap: bool, test: Callable[[str], bool]
    ) -> str | None:
        """The first claim passing `test` strictly after (step=1) or before (step=-1)."""
        ids, at, inside = self._place(claim_id)
        start = (at + 1 if inside else at) if step > 0 else at - 1
        return self._scan(ids, start, step, wrap, test)

    def following(self, step: int, *, untriaged: bool = False, wrap: bool = False) -> str | None:
        """The next (step=1) or previous (step=-1) claim in the filter after the cursor."""

        def test(cid: str) -> bool:
            return self.passes(cid) and (not untriaged or cid not in self._verdicts)

        if self.cursor is None:
            return self.first() if step > 0 else self.last()
        return self._after(self.cursor, step, wrap, test)

    def article_start(self, article_id: str) -> str | None:
        """The first claim in the filter's order in `article_id` (None when it has none)."""
        if self._sorted_walk() is None:
            units = (c.id for c in self.analysis.claims_of(article_id))
        else:
            units = (c for c in self._ids() if self.analysis.claim(c).article == article_id)
        return next((c for c in units if self.passes(c)), None)

    def search(self, query: str, *, after: str | None = None, step: int = 1) -> str | None:
        """The first claim in the filter containing `query` (case-insensitive), from the
        cursor (inclusive) or strictly after `after`, in the filter's order, wrapping round;
        None if none does."""
        needle = query.casefold().strip()
        if not needle or not self.units:
            return None

        def test(cid: str) -> bool:
            return self.passes(cid) and needle in self.analysis.claim(cid).text.casefold()

        if after is not None:
            return self._after(after, step, True, test)
        if self.cursor is None:
            return self._scan(self._ids(), 0, step, True, test)
        ids, at, inside = self._place(self.cursor)
        return self._scan(ids, at if inside or step > 0 else at - 1, step, True, test)
