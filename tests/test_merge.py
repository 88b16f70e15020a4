"""Merging reviewers' files: agreements folded, disagreements kept, agreement measured."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.exports_support import at, build_analysis, orphan_verdict, verdict
from tui.analysis.pipeline import Analysis
from tui.verdicts.merge import MergeError, MergeInput, check_inputs, merge
from tui.verdicts.model import Correction, Status, Verdict, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

C, D, U = Status.CORROBORATED, Status.DISPUTED, Status.UNSOURCED


def _input(
    name: str, verdicts: tuple[Verdict, ...], orphans: tuple[Verdict, ...] = ()
) -> MergeInput:
    vs = VerdictSet(reviewer=name, corpus="corpus", verdicts=verdicts + orphans)
    return MergeInput(Path(f"{name}.toml"), vs, verdicts, orphans)


def two_reviewers(analysis: Analysis) -> list[MergeInput]:
    alice = (
        verdict(analysis, "alpha:1", D, at(10), "a1", ("s1",), ("beta:0",)),
        verdict(analysis, "alpha:2", C, at(10, 1)),
        verdict(analysis, "beta:2", U, at(10, 2), "same"),
        verdict(analysis, "gamma:0", C, at(10, 3)),
    )
    bob = (
        verdict(analysis, "alpha:1", D, at(11), "b1", ("s1", "s2"), ("gamma:1", "beta:0")),
        verdict(analysis, "alpha:2", U, at(11, 1), "no source"),
        verdict(analysis, "beta:2", U, at(9), "same"),
        verdict(analysis, "beta:1", C, at(11, 3)),
    )
    return [_input("bob", bob, (orphan_verdict(),)), _input("alice", alice)]


def by_claim(vs: VerdictSet) -> dict[str, list[Verdict]]:
    out: dict[str, list[Verdict]] = {}
    for v in vs.verdicts:
        out.setdefault(v.claim, []).append(v)
    return out


def test_agreements_merge_into_one_verdict() -> None:
    result = merge(two_reviewers(build_analysis()), "judge", "corpus")
    merged = by_claim(result.merged)
    (v,) = merged["alpha:1"]
    assert v.status is D and v.reviewer == "alice, bob"
    assert v.decided_at == at(11)  # the later decision: when agreement was complete
    assert v.note == "alice: a1\nbob: b1"
    assert v.sources == ("s1", "s2")
    assert v.evidence == ("beta:0", "gamma:1")
    (same,) = merged["beta:2"]
    assert same.note == "same" and same.decided_at == at(10, 2)


def test_claims_one_reviewer_decided_keep_that_reviewer() -> None:
    merged = by_claim(merge(two_reviewers(build_analysis()), "judge", "corpus").merged)
    assert [(v.reviewer, v.status) for v in merged["gamma:0"]] == [("alice", C)]
    assert [(v.reviewer, v.status) for v in merged["beta:1"]] == [("bob", C)]


def test_disagreements_keep_every_verdict_and_are_listed() -> None:
    result = merge(two_reviewers(build_analysis()), "judge", "corpus")
    merged = by_claim(result.merged)
    assert sorted((v.reviewer, v.status) for v in merged["alpha:2"]) == [("alice", C), ("bob", U)]
    (d,) = result.merged.disagreements
    assert (d.claim, d.article, d.statuses) == ("alpha:2", "alpha", (("alice", C), ("bob", U)))


def test_merged_set_header_and_orphans() -> None:
    result = merge(two_reviewers(build_analysis()), "judge", "../corpus")
    vs = result.merged
    assert (vs.reviewer, vs.corpus, vs.reviewers) == ("judge", "../corpus", ("alice", "bob"))
    assert result.orphans == 1
    (orphan,) = by_claim(vs)["alpha:gone"]
    assert orphan.reviewer == "bob" and orphan.note == "old"


def test_agreement_counts_claims_decided_by_everyone() -> None:
    result = merge(two_reviewers(build_analysis()), "judge", "corpus")
    a = result.agreement
    # Decided by both: alpha:1 (D, D), alpha:2 (C, U), beta:2 (U, U); rows in reviewer
    # order (alice, bob). po = 2/3. alice: D 1/3, C 1/3, U 1/3; bob: D 1/3, U 2/3.
    # pe = 1/3*1/3 (D) + 1/3*0 (C) + 1/3*2/3 (U) = 3/9 = 1/3.
    # kappa = (2/3 - 1/3) / (1 - 1/3) = 1/2.
    assert a.reviewers == ("alice", "bob")
    assert (a.claims, a.agreed) == (3, 2)
    assert a.kappa == pytest.approx(0.5)


def test_three_reviewers_use_fleiss() -> None:
    analysis = build_analysis()
    inputs = [
        _input(
            "a", (verdict(analysis, "alpha:1", D, at(1)), verdict(analysis, "beta:2", U, at(1)))
        ),
        _input(
            "b", (verdict(analysis, "alpha:1", D, at(2)), verdict(analysis, "beta:2", C, at(2)))
        ),
        _input("c", (verdict(analysis, "alpha:1", D, at(3)),)),
    ]
    result = merge(inputs, "judge", "corpus")
    # Only alpha:1 is decided by all three, all D: chance agreement is 1, kappa undefined.
    assert result.agreement.method == "Fleiss' kappa"
    assert (result.agreement.claims, result.agreement.agreed) == (1, 1)
    assert result.agreement.kappa is None
    (d,) = result.merged.disagreements
    assert d.statuses == (("a", U), ("b", C))


def test_corrections_are_pooled_latest_wins() -> None:
    analysis = build_analysis()
    article, unit = analysis.article("alpha"), analysis.claim("alpha:3")
    first, second = two_reviewers(analysis)
    early = Correction(make_anchor(article, unit), True, at(1))
    late = Correction(make_anchor(article, unit), False, at(2))
    first = replace(first, corrections=(late,))
    second = replace(second, corrections=(early,))
    assert merge([first, second], "judge", "corpus").merged.corrections == (late,)


def test_merged_file_round_trips(tmp_path: Path) -> None:
    result = merge(two_reviewers(build_analysis()), "judge", "corpus")
    text = dumps(result.merged)
    assert "[[disagreements]]" in text
    back = loads(text, tmp_path / "merged.toml")
    assert dumps(back) == text
    assert back.disagreements == result.merged.disagreements


class TestRefused:
    def files(self, *sets: VerdictSet) -> list[tuple[Path, VerdictSet]]:
        return [(Path(f"f{i}.toml"), vs) for i, vs in enumerate(sets)]

    def test_one_file(self) -> None:
        with pytest.raises(MergeError, match="at least two"):
            check_inputs(self.files(VerdictSet("a", "c")))

    def test_same_reviewer_twice(self) -> None:
        with pytest.raises(
            MergeError, match=re.escape("f0.toml and f1.toml are both by reviewer 'a'")
        ):
            check_inputs(self.files(VerdictSet("a", "c"), VerdictSet("a", "c")))

    def test_same_reviewer_spelled_twice(self) -> None:
        # Review finding: "alice" and "Alice" merged as two people, with kappa 1.000.
        with pytest.raises(MergeError, match="both by reviewer 'Alice'"):
            check_inputs(self.files(VerdictSet("alice", "c"), VerdictSet("Alice ", "c")))

    def test_no_reviewer(self) -> None:
        with pytest.raises(MergeError, match=re.escape("f1.toml: names no reviewer")):
            check_inputs(self.files(VerdictSet("a", "c"), VerdictSet(" ", "c")))

    def test_a_merged_file(self) -> None:
        merged = VerdictSet("judge", "c", reviewers=("a", "b"))
        with pytest.raises(MergeError, match="already a merged file"):
            check_inputs(self.files(VerdictSet("c", "c"), merged))

    def test_reviewers_in_input_order(self) -> None:
        assert check_inputs(self.files(VerdictSet("b", "c"), VerdictSet("a", "c"))) == ("b", "a")
