"""Grouping matched claims into clusters without chaining.

Single-link grouping (connected components) lets one loose match join two unrelated groups,
and on a large corpus it chains everything about a story into one giant cluster. Here groups
merge greedily, strongest match first, and a merge is accepted only when every member of
the merged group matches at least `min_share` of the members it could match (those from
other articles; claims of one article are never compared with each other).

A reviewer's word comes first: pairs `joined` (the same fact) are put in one group before
any match is weighed, whatever the share, and pairs kept `apart` (not the same fact) never
end in one group; a joined pair that would bring an apart pair together is not joined.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Collection, Mapping, Sequence


def cluster_id(members: Sequence[str]) -> str:
    """Derived from the smallest member: stable while the cluster keeps that claim."""
    return "cl-" + hashlib.sha256(min(members).encode()).hexdigest()[:12]


def build_clusters(
    edges: Sequence[tuple[str, str, float]],
    article_of: Mapping[str, str],
    min_share: float,
    *,
    joined: Sequence[tuple[str, str]] = (),
    apart: Collection[tuple[str, str]] = (),
) -> list[tuple[str, tuple[str, ...]]]:
    """Clusters of >= 2 claims from match edges (a, b, score), as (id, sorted members).

    Deterministic: `joined` pairs in sorted order first, then edges by descending score,
    then by ids.
    """
    adjacency: dict[str, set[str]] = {}
    for a, b, _ in edges:
        adjacency.setdefault(a, set()).add(b)
        adjacency.setdefault(b, set()).add(a)
    for a, b in joined:
        adjacency.setdefault(a, set()).add(b)
        adjacency.setdefault(b, set()).add(a)
    kept_apart: dict[str, set[str]] = {}
    for a, b in apart:
        kept_apart.setdefault(a, set()).add(b)
        kept_apart.setdefault(b, set()).add(a)
    claims = sorted(adjacency)
    group = {claim: n for n, claim in enumerate(claims)}  # claim -> group number
    members = {n: [claim] for n, claim in enumerate(claims)}
    # Per group, how many members each article has.
    articles = {n: {article_of[claim]: 1} for n, claim in enumerate(claims)}
    # How many members of its own group each claim matches.
    inside = dict.fromkeys(claims, 0)
    failed: set[tuple[int, int, int, int]] = set()

    def separated(ga: int, gb: int) -> bool:
        """A pair kept apart would end in one group."""
        smaller, other = (ga, gb) if len(members[ga]) <= len(members[gb]) else (gb, ga)
        return any(group.get(d) == other for c in members[smaller] for d in kept_apart.get(c, ()))

    forced = [(a, b, -1.0) for a, b in sorted(tuple(sorted(p)) for p in joined)]
    weighed = sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
    for a, b, score in itertools.chain(forced, weighed):
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        members_a, members_b = members[ga], members[gb]
        low, high = (ga, gb) if ga < gb else (gb, ga)
        key = (low, len(members[low]), high, len(members[high]))
        if key in failed:  # the same two groups were already refused
            continue
        if kept_apart and separated(ga, gb):
            failed.add(key)
            continue
        cross = _cross_counts(members_a, members_b, gb, ga, group, adjacency)
        articles_a, articles_b = articles[ga], articles[gb]
        size = len(members_a) + len(members_b)
        # The smaller group first: a claim that cannot join a large group usually fails
        # itself, and is found before the large group's members are all checked (checked
        # in the other order, every refused claim cost a pass over the whole cluster).
        smaller, larger = sorted((members_a, members_b), key=len)
        if score >= 0 and not all(
            inside[c] + cross.get(c, 0)
            >= min_share
            * (size - articles_a.get(article_of[c], 0) - articles_b.get(article_of[c], 0))
            for c in itertools.chain(smaller, larger)
        ):
            failed.add(key)
            continue
        keep, gone = low, high
        for c in members[gone]:
            group[c] = keep
        for c, extra in cross.items():
            inside[c] += extra
        merged = articles[keep]
        for article, count in articles.pop(gone).items():
            merged[article] = merged.get(article, 0) + count
        members[keep].extend(members.pop(gone))

    out = [tuple(sorted(m)) for m in members.values() if len(m) >= 2]
    return sorted(((cluster_id(m), m) for m in out), key=lambda item: item[1])


def _cross_counts(
    members_a: Sequence[str],
    members_b: Sequence[str],
    gb: int,
    ga: int,
    group: Mapping[str, int],
    adjacency: Mapping[str, set[str]],
) -> dict[str, int]:
    """For each member of groups `ga` and `gb`, how many members of the other group it
    matches: one pass over the smaller group's matches counts both sides."""
    smaller, other = (members_a, gb) if len(members_a) <= len(members_b) else (members_b, ga)
    counts: dict[str, int] = {}
    for c in smaller:
        for d in adjacency[c]:
            if group[d] == other:
                counts[c] = counts.get(c, 0) + 1
                counts[d] = counts.get(d, 0) + 1
    return counts
