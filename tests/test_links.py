"""The reviewer's links applied to the machine's matches (tui.review.links): matches,
rejections, clusters, the inspector's list, and the suggested verdicts that read them."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.exports_support import build_analysis
from tui.analysis.pipeline import Analysis
from tui.config import MatchSettings
from tui.matching.clusters import build_clusters
from tui.matching.matcher import Match, Tier
from tui.review.links import REVIEWER, LinkedAnalysis, apply_links, counterparts, in_force
from tui.review.sources import sources_of
from tui.review.suggestions import suggest
from tui.verdicts.model import Link, Relation, Status, make_anchor

WHEN = datetime(2026, 12, 6, 6, 1, 22, tzinfo=UTC)


def link(analysis: Analysis, a: str, b: str, relation: Relation, reviewer: str = "al") -> Link:
    ca, cb = analysis.claim(a), analysis.claim(b)
    return Link.of(
        make_anchor(analysis.article(ca.article), ca),
        make_anchor(analysis.article(cb.article), cb),
        relation,
        WHEN,
        reviewer,
    )


def pairs(analysis: Analysis) -> dict[tuple[str, str], Match]:
    return {(m.a, m.b): m for m in analysis.matches}


def test_without_links_the_analysis_is_the_machines() -> None:
    machine = build_analysis()
    linked = apply_links(machine, ())
    assert isinstance(linked, LinkedAnalysis)
    assert (linked.matches, linked.clusters) == (machine.matches, machine.clusters)
    assert all(linked.source(m) == "machine" for m in linked.matches)
    assert linked.rejected == ()


def test_a_rejected_match_is_no_match_and_splits_its_cluster() -> None:
    machine = build_analysis()
    linked = apply_links(machine, [link(machine, "beta:0", "alpha:1", Relation.DIFFERENT)])
    assert ("alpha:1", "beta:0") not in pairs(linked)
    assert linked.rejected == (("alpha:1", "beta:0"),)
    assert linked.relation("beta:0", "alpha:1") is Relation.DIFFERENT
    # c1 held alpha:1, beta:0 and gamma:1: the two kept apart can no longer share it
    held = [set(c.claims) for c in linked.clusters]
    assert not any({"alpha:1", "beta:0"} <= members for members in held)
    # a cluster no link touches is the machine's own
    assert machine.clusters[1] in linked.clusters


def test_a_confirmed_pair_is_a_match_whatever_the_score_and_joins_clusters() -> None:
    machine = build_analysis()
    # beta:2 ("A drone struck a | depot.") matches nothing; alpha:3 neither
    linked = apply_links(machine, [link(machine, "alpha:3", "beta:2", Relation.SAME)])
    made = pairs(linked)[("alpha:3", "beta:2")]
    assert made.tier is Tier.MATCH and linked.source(made) == REVIEWER
    assert 0.0 <= made.score < 50.0  # the machine's own score for the pair, kept
    assert linked.cluster_of("alpha:3") is linked.cluster_of("beta:2") is not None
    # joining two clusters: a confirmed link across c1 and c2 puts them in one
    across = apply_links(machine, [link(machine, "alpha:1", "beta:1", Relation.SAME)])
    assert across.cluster_of("gamma:1") is across.cluster_of("gamma:0")


def test_a_confirmed_suggestion_becomes_a_match_with_its_score() -> None:
    machine = build_analysis()
    suggestion = Match("alpha:3", "gamma:0", 41.0, Tier.SUGGESTION)
    machine = Analysis(
        machine.corpus, machine.claims, (*machine.matches, suggestion), machine.clusters
    )
    linked = apply_links(machine, [link(machine, "gamma:0", "alpha:3", Relation.CONTRADICTS)])
    made = pairs(linked)[("alpha:3", "gamma:0")]
    assert (made.tier, made.score, linked.source(made)) == (Tier.MATCH, 41.0, REVIEWER)


def test_reviewers_who_disagree_on_a_pair_leave_it_to_the_machine() -> None:
    machine = build_analysis()
    said = [
        link(machine, "alpha:1", "beta:0", Relation.DIFFERENT, "al"),
        link(machine, "alpha:1", "beta:0", Relation.SAME, "bo"),
    ]
    assert in_force(said) == ({}, (("alpha:1", "beta:0"),))
    linked = apply_links(machine, said)
    assert ("alpha:1", "beta:0") in pairs(linked) and linked.disputed == (("alpha:1", "beta:0"),)
    assert linked.relation("alpha:1", "beta:0") is None


def test_links_are_applied_again_over_the_machines_analysis_not_on_top() -> None:
    machine = build_analysis()
    once = apply_links(machine, [link(machine, "alpha:1", "beta:0", Relation.DIFFERENT)])
    again = apply_links(once, ())  # the rejection was taken back
    assert again.matches == machine.matches and again.machine is machine


def test_the_inspector_lists_matches_then_rejected_pairs() -> None:
    machine = build_analysis()
    linked = apply_links(
        machine,
        [
            link(machine, "alpha:1", "beta:0", Relation.DIFFERENT),
            link(machine, "alpha:1", "gamma:1", Relation.SAME),
        ],
    )
    listed = [
        (c.claim, c.tier, c.source, c.relation, c.score) for c in counterparts(linked, "alpha:1")
    ]
    assert listed == [
        ("gamma:1", Tier.MATCH, "reviewer", Relation.SAME, 100.0),
        ("beta:0", None, "reviewer", Relation.DIFFERENT, 80.0),
    ]


def test_a_contradicting_link_makes_disputed_the_suggestion_with_the_link_as_reason() -> None:
    machine = build_analysis()
    linked = apply_links(machine, [link(machine, "alpha:2", "beta:1", Relation.CONTRADICTS)])
    sources = sources_of(linked, MatchSettings())
    s = suggest(linked, "alpha:2", sources)
    assert s.status is Status.DISPUTED
    assert s.reason == "contradicted by 1 outlet (reviewer's link)"
    assert [e.claim for e in s.evidence] == ["beta:1"]
    # before the link, the same claim was corroborated
    assert suggest(machine, "alpha:2", sources_of(machine, MatchSettings())).status is (
        Status.CORROBORATED
    )


def test_a_confirmed_link_overrules_the_figures_the_machine_found_to_disagree() -> None:
    machine = build_analysis()
    sources = sources_of(machine, MatchSettings())
    assert suggest(machine, "beta:0", sources).status is Status.DISPUTED  # 10,000 vs 50,000
    linked = apply_links(
        machine,
        [
            link(machine, "alpha:1", "beta:0", Relation.SAME),
            link(machine, "beta:0", "gamma:1", Relation.SAME),
        ],
    )
    s = suggest(linked, "beta:0", sources_of(linked, MatchSettings()))
    assert s.status is Status.CORROBORATED, s


def test_clusters_join_what_the_reviewer_joined_and_keep_apart_what_they_parted() -> None:
    article_of = {"a1": "a", "b1": "b", "c1": "c", "d1": "d"}
    edges = [("a1", "b1", 90.0), ("b1", "c1", 80.0), ("a1", "c1", 70.0)]
    assert build_clusters(edges, article_of, 0.5)[0][1] == ("a1", "b1", "c1")
    parted = build_clusters(edges, article_of, 0.5, apart=[("a1", "c1")])
    assert all({"a1", "c1"} - set(m) for _, m in parted)
    # d1 matches nothing, and joins a1 because the reviewer said so
    joined = build_clusters(edges, article_of, 0.5, joined=[("d1", "a1")])
    assert any({"a1", "d1"} <= set(m) for _, m in joined)
    # a join that would bring a parted pair together is not made
    both = build_clusters([], article_of, 0.5, joined=[("a1", "b1")], apart=[("a1", "b1")])
    assert both == []
