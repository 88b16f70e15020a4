"""The session's links, deferrals, splits and joins: each a change with undo, redo and
history, and the analysis following each (tui.review.session_links)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.exports_support import build_analysis
from tui.matching.matcher import Tier
from tui.review.changes import history_of
from tui.review.links import LinkedAnalysis
from tui.review.placement import place
from tui.review.session import Filter, Session, TriageError
from tui.verdicts.model import (
    CorrectionKind,
    LinkDisagreement,
    Relation,
    Status,
    VerdictSet,
)
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def new_session(vs: VerdictSet | None = None, reviewer: str = "al") -> Session:
    analysis = build_analysis()
    vs = vs or VerdictSet("al", "corpus")
    placement = place(vs, analysis)
    return Session(placement.analysis, placement.verdict_set, clock=Clock(), reviewer=reviewer)


def reopened(s: Session) -> Session:
    """What the next opening of the saved file shows."""
    return new_session(loads(dumps(s.verdict_set), Path("v.toml")))


def linked(s: Session) -> LinkedAnalysis:
    """The session's analysis with the links in force (a placed analysis always is)."""
    assert isinstance(s.analysis, LinkedAnalysis)
    return s.analysis


def match_pairs(s: Session) -> set[tuple[str, str]]:
    return {(m.a, m.b) for m in s.analysis.matches}


def test_reject_confirm_contradict_and_unlink_each_change_the_matches() -> None:
    s = new_session()
    s.move_to("alpha:1")
    change = s.link(s.cursor or "", "beta:0", Relation.DIFFERENT)
    assert ("alpha:1", "beta:0") not in match_pairs(s)
    (entry,) = history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC))
    assert (entry.action, entry.claim, entry.other, entry.relation_change) == (
        "link",
        "alpha:1",
        "beta:0",
        (None, Relation.DIFFERENT),
    )
    s.link(s.cursor or "", "beta:0", Relation.CONTRADICTS)  # replaces the rejection
    assert linked(s).relation("alpha:1", "beta:0") is Relation.CONTRADICTS
    assert len(s.verdict_set.links) == 1
    s.link("alpha:1", "beta:0", Relation.SAME, note="same count, other rounding")
    link = s.link_between("alpha:1", "beta:0")
    assert link is not None and link.note == "same count, other rounding"
    change = s.unlink("beta:0")
    assert not s.verdict_set.links and linked(s).relation("alpha:1", "beta:0") is None
    (entry,) = history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC))
    assert entry.relation_change == (Relation.SAME, None)


def test_undo_and_redo_of_a_link() -> None:
    s = new_session()
    s.move_to("alpha:1")
    s.link(s.cursor or "", "beta:0", Relation.DIFFERENT)
    s.undo()
    assert s.verdict_set.links == () and ("alpha:1", "beta:0") in match_pairs(s)
    s.redo()
    assert ("alpha:1", "beta:0") not in match_pairs(s)
    assert [c.relation for c in s.counterparts("alpha:1")][-1] is Relation.DIFFERENT


def test_any_two_claims_can_be_linked_by_marking_one_then_selecting_the_other() -> None:
    s = new_session()
    s.move_to("alpha:3")
    s.begin_link()
    s.move_to("beta:2")
    s.finish_link(Relation.SAME)
    assert s.link_from is None
    made = next(m for m in s.analysis.matches if (m.a, m.b) == ("alpha:3", "beta:2"))
    assert made.tier is Tier.MATCH and linked(s).source(made) == "reviewer"
    with pytest.raises(TriageError, match="already linked as the same fact"):
        s.link("beta:2", "alpha:3", Relation.SAME)
    with pytest.raises(TriageError, match="itself"):
        s.link("beta:2", "beta:2", Relation.SAME)
    with pytest.raises(TriageError, match="not linked"):
        s.unlink("gamma:0", "beta:2")
    with pytest.raises(TriageError, match="mark a claim first"):
        s.finish_link(Relation.SAME)


def test_links_are_saved_and_placed_again_at_the_next_opening() -> None:
    s = new_session()
    s.move_to("alpha:1")
    s.link(s.cursor or "", "beta:0", Relation.DIFFERENT)
    s.move_to("alpha:3")
    s.link(s.cursor or "", "beta:2", Relation.CONTRADICTS)
    again = reopened(s)
    assert again.verdict_set.links == s.verdict_set.links
    assert again.analysis.matches == s.analysis.matches
    assert again.analysis.clusters == s.analysis.clusters


def test_later_is_counted_apart_skipped_by_next_untriaged_and_found_by_its_filter() -> None:
    s = new_session()
    s.move_to("alpha:1")
    change = s.defer()
    verdict = s.verdict("alpha:1")
    assert verdict is not None and verdict.status is Status.LATER
    (entry,) = history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC))
    assert entry.new_status is Status.LATER
    assert s.progress() == (0, 8) and s.later_count() == 1
    assert "alpha:1" not in s.statuses() and s.deferred() == ("alpha:1",)
    s.move_to("alpha:1")
    assert s.following(1, untriaged=True) == "alpha:2"
    s.move_to("alpha:3")
    assert s.following(-1, untriaged=True) == "alpha:2"
    s.set_filter(Filter.LATER)
    assert s.visible() == ["alpha:1"]
    with pytest.raises(TriageError, match="already deferred"):
        s.defer()
    s.mark(Status.DISPUTED)  # deciding later takes the deferral's place
    assert s.progress() == (1, 8) and s.later_count() == 0


def test_split_makes_two_claims_matched_like_any_other_and_undo_restores_the_whole() -> None:
    s = new_session()
    s.move_to("beta:2")  # "A drone struck a | depot."
    s.mark(Status.UNSOURCED)
    s.move_to("alpha:3")
    s.link(s.cursor or "", "beta:2", Relation.DIFFERENT)
    s.move_to("beta:2")
    whole = s.current
    assert whole is not None
    at = whole.text.index("struck")
    assert at in s.cut_points()
    change = s.split(at)
    head, tail = s.analysis.claims_of("beta")[2:4]
    assert (head.text, tail.text) == ("A drone", "struck a | depot.")
    assert s.cursor == head.id and head.is_claim and tail.is_claim
    assert not s.analysis.has_claim(whole.id)
    # the verdict and the link made on the whole sentence went with it, in the history too
    assert s.verdict_set.verdicts == () and s.verdict_set.links == ()
    entries = history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC))
    assert [(e.action, e.split_at, e.old_status) for e in entries if not e.other] == [
        ("split", at, Status.UNSOURCED)
    ]
    assert [e.relation_change for e in entries if e.other] == [(Relation.DIFFERENT, None)]
    (cut,) = s.verdict_set.corrections
    assert (cut.kind, cut.split_at, cut.anchor.claim) == (CorrectionKind.SPLIT, at, whole.id)
    s.undo()
    assert s.analysis.claims_of("beta")[2].id == whole.id
    verdict = s.verdict(whole.id)
    assert verdict is not None and verdict.status is Status.UNSOURCED
    assert len(s.verdict_set.links) == 1
    s.redo()
    assert s.analysis.claims_of("beta")[2].text == "A drone"


def test_a_split_inside_a_word_or_leaving_no_word_is_refused() -> None:
    s = new_session()
    s.move_to("beta:2")
    with pytest.raises(TriageError, match="between words"):
        s.split(3)
    with pytest.raises(TriageError, match="inside the claim"):
        s.split(0)


def test_join_of_the_two_halves_undoes_the_split() -> None:
    s = new_session()
    s.move_to("beta:2")
    current = s.current
    assert current is not None
    s.split(current.text.index("struck"))
    change = s.join()
    assert s.verdict_set.corrections == ()
    assert s.analysis.claims_of("beta")[2].text == "A drone struck a | depot."
    (entry,) = [e for e in history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC)) if e.undone]
    assert entry.action == "join" and entry.split_at is not None


def test_join_of_two_adjacent_units_makes_one_claim_that_survives_reopening() -> None:
    s = new_session()
    s.move_to("gamma:0")
    s.mark(Status.CORROBORATED)
    change = s.join()
    joined = s.current
    assert joined is not None
    assert joined.text == ("The offensive began on Monday. Russia massed 50,000 troops near Kursk.")
    assert s.analysis.claims_of("gamma") == (joined,)
    assert s.verdict_set.verdicts == ()
    (cut,) = s.verdict_set.corrections
    assert cut.kind is CorrectionKind.JOIN
    assert cut.join_with is not None and cut.join_with.claim == "gamma:1"
    assert history_of(change, "al", datetime(2026, 1, 1, tzinfo=UTC))[0].join_with == "gamma:1"
    again = reopened(s)
    assert again.analysis.claims_of("gamma") == (joined,)
    with pytest.raises(TriageError, match="last unit"):
        s.join()


def test_an_adjudicator_settles_a_link_disagreement_by_linking() -> None:
    analysis = build_analysis()
    base = new_session()
    base.move_to("alpha:1")
    base.link(base.cursor or "", "beta:0", Relation.DIFFERENT)
    alice = base.verdict_set.links[0]
    bob = replace(alice, relation=Relation.SAME, reviewer="bob")
    vs = VerdictSet(
        "judge",
        "corpus",
        reviewers=("al", "bob"),
        links=(replace(alice, reviewer="al"), bob),
        link_disagreements=(
            LinkDisagreement(
                "alpha:1", "beta:0", (("al", Relation.DIFFERENT), ("bob", Relation.SAME))
            ),
        ),
    )
    placement = place(vs, analysis)
    s = Session(placement.analysis, placement.verdict_set, clock=Clock(), reviewer="judge")
    assert linked(s).disputed == (("alpha:1", "beta:0"),)
    s.move_to("alpha:1")
    change = s.link(s.cursor or "", "beta:0", Relation.SAME)
    (link,) = s.verdict_set.links
    assert (link.reviewer, link.relation) == ("judge", Relation.SAME)
    assert s.verdict_set.link_disagreements == ()
    (entry,) = history_of(change, "judge", datetime(2026, 1, 1, tzinfo=UTC))
    assert entry.settled_links == (("al", Relation.DIFFERENT), ("bob", Relation.SAME))
    s.undo()
    assert len(s.verdict_set.links) == 2 and len(s.verdict_set.link_disagreements) == 1


def test_a_session_given_the_machines_analysis_lists_the_links_it_cannot_place() -> None:
    analysis = build_analysis()
    s = new_session()
    s.move_to("alpha:1")
    s.link("alpha:1", "beta:0", Relation.DIFFERENT)
    (kept,) = s.verdict_set.links
    gone = replace(kept.b, claim="beta:gone", text="A sentence no article holds now.")
    lost = replace(kept, b=gone)
    vs = replace(s.verdict_set, links=(kept, lost))
    # as the app may build it: the machine's analysis, the placement's verdicts
    fresh = Session(analysis, vs, clock=Clock(), reviewer="al")
    (orphan,) = fresh.orphans()
    assert orphan.is_link and orphan.decision == lost and orphan.status == "linked: different"
    assert isinstance(fresh.analysis, LinkedAnalysis)
    assert fresh.analysis.relation("alpha:1", "beta:0") is Relation.DIFFERENT
    fresh.discard(orphan)
    assert fresh.verdict_set.links == (kept,)
