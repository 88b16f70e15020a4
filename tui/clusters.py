"""Grouping matched claims into clusters without chaining.

Single-link grouping (connected components) lets one loose match join two unrelated groups,
and on a large corpus it chains everything about a story into one giant cluster. Here groups
merge greedily, strongest match first, and a merge is accepted only when every member of
the merged group matches at least `min_share` of the members it could match (those from
other articles; claims of one article are never compared with each other).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence


def cluster_id(members: Sequence[str]) -> str:
    """Derived from the smallest member: stable while the cluster keeps that claim."""
    return "cl-" + hashlib.sha256(min(members).encode()).hexdigest()[:12]


def build_clusters(
    edges: Sequence[tuple[str, str, float]],
    article_of: Mapping[str, str],
    min_share: float,
) -> list[tuple[str, tuple[str, ...]]]:
    """Clusters of >= 2 claims from match edges (a, b, score), as (id, sorted members).

    Deterministic: edges are taken by descending score, then by ids.
    """
    adjacency: dict[str, set[str]] = {}
    for a, b, _ in edges:
        adjacency.setdefault(a, set()).add(b)
        adjacency.setdefault(b, set()).add(a)
    group: dict[str, int] = {}  # claim -> group number
    members: dict[int, list[str]] = {}
    articles: dict[int, Counter[str]] = {}
    # How many members of its own group each claim matches.
    inside: dict[str, int] = {}
    for n, claim in enumerate(sorted(adjacency)):
        group[claim] = n
        members[n] = [claim]
        articles[n] = Counter({article_of[claim]: 1})
        inside[claim] = 0
    failed: set[tuple[int, int, int, int]] = set()

    for a, b, _ in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        key = (min(ga, gb), len(members[min(ga, gb)]), max(ga, gb), len(members[max(ga, gb)]))
        if key in failed:  # the same two groups were already refused
            continue
        cross = _cross_counts(members[ga], gb, group, adjacency)
        cross.update(_cross_counts(members[gb], ga, group, adjacency))
        merged_articles = articles[ga] + articles[gb]
        size = len(members[ga]) + len(members[gb])
        if not all(
            inside[c] + cross[c] >= min_share * (size - merged_articles[article_of[c]])
            for c in (*members[ga], *members[gb])
        ):
            failed.add(key)
            continue
        keep, gone = (ga, gb) if ga < gb else (gb, ga)
        for c in members[gone]:
            group[c] = keep
        for c, extra in cross.items():
            inside[c] += extra
        members[keep].extend(members.pop(gone))
        articles[keep] = merged_articles
        del articles[gone]

    out = [tuple(sorted(m)) for m in members.values() if len(m) >= 2]
    return sorted(((cluster_id(m), m) for m in out), key=lambda item: item[1])


def _cross_counts(
    claims: Sequence[str], other: int, group: Mapping[str, int], adjacency: Mapping[str, set[str]]
) -> Counter[str]:
    """For each claim, how many members of group `other` it matches."""
    counts: Counter[str] = Counter()
    for c in claims:
        n = sum(1 for d in adjacency[c] if group[d] == other)
        if n:
            counts[c] = n
    return counts
