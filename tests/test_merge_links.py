"""Merging reviewers' links and deferrals (tui.verdicts.merge): agreed links kept once,
disagreeing ones kept apart for adjudication, agreement on links measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports_support import at, build_analysis, verdict
from tui.analysis.pipeline import Analysis
from tui.verdicts.agreement import summary_lines
from tui.verdicts.merge import MergeInput, merge
from tui.verdicts.model import (
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    VerdictSet,
    make_anchor,
)
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

S, D, C = Relation.SAME, Relation.DIFFERENT, Relation.CONTRADICTS


def link(analysis: Analysis, a: str, b: str, relation: Relation, hour: int, note: str = "") -> Link:
    ca, cb = analysis.claim(a), analysis.claim(b)
    return Link.of(
        make_anchor(analysis.article(ca.article), ca),
        make_anchor(analysis.article(cb.article), cb),
        relation,
        at(hour),
        "",
        note,
    )


def reviewer_input(
    name: str, links: tuple[Link, ...], placed: tuple[Verdict, ...] = ()
) -> MergeInput:
    vs = VerdictSet(name, "corpus", verdicts=placed, links=links)
    return MergeInput(Path(f"{name}.toml"), vs, placed, (), (), links)


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()


def test_links_both_reviewers_agree_on_are_kept_once_and_disagreements_listed(
    analysis: Analysis,
) -> None:
    alice = reviewer_input(
        "alice",
        (
            link(analysis, "alpha:1", "beta:0", S, 9, "same count"),
            link(analysis, "alpha:1", "gamma:1", S, 9),
            link(analysis, "alpha:2", "beta:1", D, 9),
            link(analysis, "alpha:2", "gamma:0", C, 9),
            link(analysis, "beta:1", "gamma:0", S, 9),
        ),
    )
    bob = reviewer_input(
        "bob",
        (
            link(analysis, "alpha:1", "beta:0", S, 10, "same count"),
            link(analysis, "alpha:1", "gamma:1", D, 10),
            link(analysis, "alpha:2", "beta:1", D, 10),
            link(analysis, "alpha:2", "gamma:0", S, 10),
        ),
    )
    result = merge([alice, bob], "judge", "corpus")
    merged = result.merged
    said = sorted((k.pair, k.reviewer, k.relation) for k in merged.links)
    assert said == [
        (("alpha:1", "beta:0"), "alice, bob", S),
        (("alpha:1", "gamma:1"), "alice", S),
        (("alpha:1", "gamma:1"), "bob", D),
        (("alpha:2", "beta:1"), "alice, bob", D),
        (("alpha:2", "gamma:0"), "alice", C),
        (("alpha:2", "gamma:0"), "bob", S),
        (("beta:1", "gamma:0"), "alice", S),  # only alice linked it: no disagreement
    ]
    agreed = next(k for k in merged.links if k.pair == ("alpha:1", "beta:0"))
    assert (agreed.decided_at, agreed.note) == (at(10), "same count")
    assert merged.link_disagreements == (
        LinkDisagreement("alpha:1", "gamma:1", (("alice", S), ("bob", D))),
        LinkDisagreement("alpha:2", "gamma:0", (("alice", C), ("bob", S))),
    )
    # the merged file is one the reader accepts, and reads back as written
    back = loads(dumps(merged), Path("m.toml"))
    assert (back.links, back.link_disagreements) == (merged.links, merged.link_disagreements)
    assert dumps(back) == dumps(merged)


def test_agreement_on_links_hand_checked(analysis: Analysis) -> None:
    # Pairs both linked (alice, bob): (S,S) (S,D) (D,D) (C,S); the fifth only alice linked.
    #   observed po = 2 agreed / 4 = 0.5
    #   alice: S 2/4, D 1/4, C 1/4; bob: S 2/4, D 2/4, C 0
    #   chance pe = .5*.5 + .25*.5 + .25*0 = 0.375
    #   Cohen's kappa = (0.5 - 0.375) / (1 - 0.375) = 0.2
    #   specific agreement on "same" = 2*1 / (2*1 + 1 + 1) = 0.5
    alice = reviewer_input(
        "alice",
        (
            link(analysis, "alpha:1", "beta:0", S, 9),
            link(analysis, "alpha:1", "gamma:1", S, 9),
            link(analysis, "alpha:2", "beta:1", D, 9),
            link(analysis, "alpha:2", "gamma:0", C, 9),
            link(analysis, "beta:1", "gamma:0", S, 9),
        ),
    )
    bob = reviewer_input(
        "bob",
        (
            link(analysis, "alpha:1", "beta:0", S, 10),
            link(analysis, "alpha:1", "gamma:1", D, 10),
            link(analysis, "alpha:2", "beta:1", D, 10),
            link(analysis, "alpha:2", "gamma:0", S, 10),
        ),
    )
    links = merge([alice, bob], "judge", "corpus").link_agreement
    assert links is not None
    assert (links.claims, links.agreed, links.percent) == (4, 2, 50.0)
    assert links.kappa == pytest.approx(0.2)
    same = next(s for s in links.per_status if s.status is S)
    assert same.used == 4 and same.specific == pytest.approx(0.5)
    first = summary_lines(links)[0]
    assert first == (
        "agreement on links over 4 pairs of claims linked by all 2 reviewers (alice, bob): "
        "50.0% agreed, Cohen's kappa 0.200"
    )


def test_no_links_no_link_agreement(analysis: Analysis) -> None:
    result = merge([reviewer_input("alice", ()), reviewer_input("bob", ())], "judge", "c")
    assert result.link_agreement is None and result.merged.links == ()


def test_a_deferral_is_not_a_decision_in_a_merge(analysis: Analysis) -> None:
    alice = reviewer_input(
        "alice",
        (),
        (
            verdict(analysis, "beta:2", Status.LATER, at(9)),
            verdict(analysis, "alpha:3", Status.LATER, at(9)),
            verdict(analysis, "alpha:1", Status.DISPUTED, at(9)),
        ),
    )
    bob = reviewer_input(
        "bob",
        (),
        (
            verdict(analysis, "beta:2", Status.UNSOURCED, at(10)),
            verdict(analysis, "alpha:3", Status.LATER, at(10)),
            verdict(analysis, "alpha:1", Status.DISPUTED, at(10)),
        ),
    )
    result = merge([alice, bob], "judge", "corpus")
    by_claim = {v.claim: (v.reviewer, v.status) for v in result.merged.verdicts}
    assert by_claim == {
        "alpha:1": ("alice, bob", Status.DISPUTED),
        "alpha:3": ("alice, bob", Status.LATER),  # nobody decided it: the deferral stays
        "beta:2": ("bob", Status.UNSOURCED),  # bob decided it; alice's deferral is no vote
    }
    assert result.merged.disagreements == ()
    # only alpha:1 was decided by both: kappa is over that one claim
    assert (result.agreement.claims, result.agreement.agreed) == (1, 1)
