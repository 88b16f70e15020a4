"""One sentence copied into many articles: matched once, listed once per copy.

Identical claims match each other, so n copies of a sentence in n articles make n(n-1)/2
matches: 20,000 copies would be 200 million, more than memory holds, and every claim that
matches the sentence would match each copy again. A group of more than COPY_LIMIT claims
with the same words and figures is therefore matched through two of its members: the
`first` (smallest id) and the `second` (the smallest id in another article), which between
them can face a claim of any article (claims of one article are never compared). The other
copies are left out of matching and come back afterwards:

- each copy is matched to the first (to the second when it shares the first's article),
  with the score the two stand-ins got against each other: n - 1 matches, not n(n-1)/2;
- the group's matches with other claims are those of its two stand-ins, listed once each;
- the group counts as its two stand-ins when clusters form (a flood of copies does not
  outvote the claims that state the fact in other words), and whichever cluster takes them
  lists every copy.

Smaller groups (a wire sentence carried by a few outlets) are matched claim by claim, as
any other claims: the result is exactly as if this module did not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.claims.units import Unit

# More identical claims than this are matched through two stand-ins. At this size the
# group's own pairs (1,225 at most) are still listed in full.
COPY_LIMIT = 50


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Identical claims (same text and figures), sorted by id."""

    members: tuple[Unit, ...]
    first: Unit
    second: Unit | None  # None when every copy is in the first's article

    def partner(self, claim: Unit) -> Unit | None:
        """The stand-in a copy is matched to: the first, or the second in its article."""
        if claim.article != self.first.article:
            return self.first
        return self.second


@dataclass(frozen=True, slots=True)
class Copies:
    """The large groups of identical claims in a corpus."""

    groups: tuple[CopyGroup, ...]

    def stand_ins(self) -> set[str]:
        return {c.id for g in self.groups for c in (g.first, g.second) if c is not None}

    def kept(self, units: Sequence[Unit]) -> list[Unit]:
        """`units` without the copies the stand-ins speak for, in their order."""
        left_out = {c.id for g in self.groups for c in g.members} - self.stand_ins()
        return [c for c in units if c.id not in left_out]

    def of_stand_in(self) -> dict[str, CopyGroup]:
        return {c.id: g for g in self.groups for c in (g.first, g.second) if c is not None}


def _key(claim: Unit) -> tuple[object, ...]:
    # Everything matching reads from a claim besides its id and place.
    return (claim.text, claim.numbers, claim.dates, claim.attribution)


def find_copies(units: Sequence[Unit], limit: int = COPY_LIMIT) -> Copies | None:
    """The groups of more than `limit` identical claims, or None when there are none."""
    by_key: dict[tuple[object, ...], list[Unit]] = {}
    for c in units:
        by_key.setdefault(_key(c), []).append(c)
    groups = []
    for members in by_key.values():
        if len(members) <= limit:
            continue
        members.sort(key=lambda c: c.id)
        first = members[0]
        second = next((c for c in members if c.article != first.article), None)
        groups.append(CopyGroup(tuple(members), first, second))
    if not groups:
        return None
    groups.sort(key=lambda g: g.first.id)
    return Copies(tuple(groups))


def cluster_members(members: Sequence[str], groups: dict[str, CopyGroup]) -> tuple[str, ...]:
    """A cluster's members with every copy its stand-ins speak for, sorted."""
    out = set(members)
    for m in members:
        if (g := groups.get(m)) is not None:
            out.update(c.id for c in g.members)
    return tuple(sorted(out))
