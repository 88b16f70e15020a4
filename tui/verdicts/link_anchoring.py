"""The reviewer's links placed on today's articles.

Each end of a link is placed on its own with the steps `reanchor` takes for a verdict
(`place_anchor`): a claim may take part in many links, so no end competes with another for
a unit. A link both of whose ends are placed moves onto those units (its ends put back in
id order); one that loses an end, or whose ends land on one unit, becomes an orphan, listed
with the verdicts' orphans and kept in the file as it was.

Two links that land on one pair would be two links on one pair, which a file may not hold:
the later decision keeps the pair and the other stays an orphan, with the pair it was made
on (which no placed link has: a placed link that landed on an orphan's pair is made an
orphan too, so the file written back is always one a reader accepts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.claims.units import Unit
from tui.corpus.articles import Article
from tui.verdicts.anchoring import place_anchor
from tui.verdicts.model import Anchor, Link, link_key, make_anchor


@dataclass(frozen=True, slots=True)
class OrphanLink:
    """A link that could not be placed, with the best candidate seen for each end."""

    link: Link
    candidate_a: str | None
    candidate_b: str | None
    score: float  # the lower of the two ends' quote similarity, 0-100


def place_links(
    links: Sequence[Link],
    articles: Mapping[str, Article],
    units: Mapping[str, Sequence[Unit]],
    renamed: Mapping[str, str],
    *,
    merged: bool = False,
) -> tuple[tuple[Link, ...], tuple[OrphanLink, ...]]:
    """(links placed on today's units, orphans as in the file)."""
    seen: dict[Anchor, tuple[Unit | None, Unit | None, float]] = {}

    def end(anchor: Anchor) -> tuple[Unit | None, Unit | None, float]:
        if anchor not in seen:
            seen[anchor] = place_anchor(anchor, articles, units, renamed)
        return seen[anchor]

    placed: list[tuple[Link, Link]] = []  # (as in the file, placed)
    orphans: list[OrphanLink] = []
    for link in links:
        (ua, ca, sa), (ub, cb, sb) = end(link.a), end(link.b)
        if ua is None or ub is None or ua.id == ub.id:
            orphans.append(_orphan(link, ca, cb, min(sa, sb)))
            continue
        moved = Link.of(
            make_anchor(articles[ua.article], ua),
            make_anchor(articles[ub.article], ub),
            link.relation,
            link.decided_at,
            link.reviewer,
            link.note,
        )
        placed.append((link, moved if moved != link else link))
    return _settled(placed, orphans, merged)


def _orphan(link: Link, ca: Unit | None, cb: Unit | None, score: float) -> OrphanLink:
    return OrphanLink(link, ca.id if ca else None, cb.id if cb else None, round(score, 1))


def _settled(
    placed: list[tuple[Link, Link]], orphans: list[OrphanLink], merged: bool
) -> tuple[tuple[Link, ...], tuple[OrphanLink, ...]]:
    """No two links on one pair: see the module docstring."""
    held = {link_key(o.link, merged) for o in orphans}
    # later decisions first: they keep a pair two links landed on
    placed.sort(key=lambda p: p[1].decided_at, reverse=True)
    kept: dict[tuple[str, str, str], Link] = {}
    for old, new in placed:
        key = link_key(new, merged)
        if key in kept or key in held:
            orphans.append(OrphanLink(old, new.a.claim, new.b.claim, 100.0))
            held.add(link_key(old, merged))
            continue
        kept[key] = new
    # An orphan's pair may now clash with a link kept before it was made an orphan.
    while clash := [k for k in kept if k in held]:
        for key in clash:
            gone = kept.pop(key)
            old = next(o for o, n in placed if n is gone)
            orphans.append(OrphanLink(old, gone.a.claim, gone.b.claim, 100.0))
            held.add(link_key(old, merged))
    order = sorted(kept.values(), key=lambda k: (k.a.claim, k.b.claim, k.reviewer))
    return tuple(order), tuple(orphans)
