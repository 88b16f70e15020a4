"""Clusters: groups of claims stating one thing, without chaining through weak links."""

from __future__ import annotations

from tui.matching.clusters import build_clusters, cluster_id


def test_a_clique_across_articles_is_one_cluster() -> None:
    edges = [("a:1", "b:1", 90.0), ("a:1", "c:1", 85.0), ("b:1", "c:1", 80.0)]
    articles = {"a:1": "a", "b:1": "b", "c:1": "c"}
    assert build_clusters(edges, articles, 0.5) == [
        (cluster_id(("a:1", "b:1", "c:1")), ("a:1", "b:1", "c:1"))
    ]


def test_a_chain_of_single_links_does_not_become_one_cluster() -> None:
    # a-b-c-d-e-f: each claim matches only its neighbours.
    names = [f"{x}:1" for x in "abcdef"]
    edges = [(names[k], names[k + 1], 80.0 - k) for k in range(5)]
    articles = {n: n[0] for n in names}
    clusters = build_clusters(edges, articles, 0.5)
    assert clusters  # strong neighbours still pair up
    assert max(len(m) for _, m in clusters) <= 3
    seen = [c for _, m in clusters for c in m]
    assert len(seen) == len(set(seen))  # a claim is in at most one cluster


def test_members_of_one_article_do_not_count_against_a_claim() -> None:
    # b:1 and b:2 (same article) both match a:1 and c:1; they cannot match each other.
    edges = [("a:1", "b:1", 90.0), ("a:1", "b:2", 88.0), ("b:1", "c:1", 86.0),
             ("b:2", "c:1", 84.0), ("a:1", "c:1", 82.0)]  # fmt: skip
    articles = {"a:1": "a", "b:1": "b", "b:2": "b", "c:1": "c"}
    ((_, members),) = build_clusters(edges, articles, 1.0)
    assert members == ("a:1", "b:1", "b:2", "c:1")


def test_clusters_do_not_depend_on_edge_order() -> None:
    edges = [("a:1", "b:1", 90.0), ("b:1", "c:1", 60.0), ("c:1", "d:1", 90.0), ("a:1", "d:1", 70.0)]
    articles = {n: n[0] for e in edges for n in e[:2]}
    assert build_clusters(edges, articles, 0.5) == build_clusters(edges[::-1], articles, 0.5)
    ids = [cid for cid, _ in build_clusters(edges, articles, 0.5)]
    assert len(ids) == len(set(ids))


class _CountingArticles(dict[str, str]):
    """article_of, counting its look-ups: the merge check reads it once per member checked."""

    reads = 0

    def __getitem__(self, claim: str) -> str:
        self.reads += 1
        return super().__getitem__(claim)


def test_claims_refused_by_a_large_cluster_cost_what_their_matches_cost() -> None:
    # A cluster of 200 claims, and 2,000 claims that each match one of its members weakly:
    # each is refused (it matches 1 of 200). Checked large group first, every refusal
    # walked the whole cluster: 400,000 checks for 22,000 matches (20k claims: minutes).
    members = [f"g{i:03d}:1" for i in range(200)]
    edges = [(a, b, 90.0) for i, a in enumerate(members) for b in members[i + 1 :]]
    loose = [f"x{j:04d}:1" for j in range(2000)]
    edges += [(members[j % 200], x, 50.0) for j, x in enumerate(loose)]  # the member is `a`
    articles = _CountingArticles({c: c.split(":")[0] for c in members + loose})
    ((_, cluster),) = build_clusters(edges, articles, 0.5)
    assert cluster == tuple(members)
    assert articles.reads <= 3 * len(edges)
