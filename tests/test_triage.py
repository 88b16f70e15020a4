"""The reviewer's session as plain logic: navigation, filters, changes, undo/redo, history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.history_support import entry_from_json
from tui.analysis.pipeline import Analysis
from tui.claims.units import Kind, Unit
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import Cluster, Conflict, Match, Tier
from tui.review.session import FILTER_CYCLE, Filter, Session, TriageError, apply_steps, history_of
from tui.verdicts.history import entry_to_json
from tui.verdicts.model import Status, VerdictSet

# Two articles: A has a heading and three claims, B two claims. a1~b1 match (with a figure
# conflict), a2~b1 is only a suggestion.
TEXTS = {
    "a": "Heading of A\n\nFirst claim of A here. Second claim of A. Third claim of A.",
    "b": "Claim one in B said. Claim two in B.",
}
UNITS = {
    "a": [
        ("Heading of A", Kind.HEADING),
        ("First claim of A here.", Kind.CLAIM),
        ("Second claim of A.", Kind.CLAIM),
        ("Third claim of A.", Kind.CLAIM),
    ],
    "b": [("Claim one in B said.", Kind.CLAIM), ("Claim two in B.", Kind.CLAIM)],
}


def build_analysis(outlets: dict[str, str | None] | None = None) -> Analysis:
    articles, claims = [], []
    for aid, text in TEXTS.items():
        articles.append(
            Article(
                aid,
                Path(f"{aid}.txt"),
                f"Title {aid}",
                text,
                f"sha-{aid}",
                outlet=(outlets or {}).get(aid),
            )
        )
        pos = 0
        for index, (sentence, kind) in enumerate(UNITS[aid]):
            start = text.index(sentence, pos)
            pos = start + len(sentence)
            claims.append(Unit(f"{aid}{index}", aid, sentence, start, pos, kind, index))
    matches = (
        Match("a1", "b0", 88.0, Tier.MATCH, (Conflict("number", "troops", "5", "6"),)),
        Match("a2", "b1", 60.0, Tier.SUGGESTION),
    )
    clusters = (Cluster("cl-1", ("a1", "b0")),)
    return Analysis(Corpus(Path("."), tuple(articles)), tuple(claims), matches, clusters)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 11, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def session() -> Session:
    return Session(build_analysis(), VerdictSet("tester", "corpus"), clock=Clock())


def statuses(s: Session) -> dict[str, str]:
    return {v.claim: v.status.value for v in s.verdict_set.verdicts}


def test_starts_on_first_claim_and_skips_non_claims(session: Session) -> None:
    assert session.cursor == "a1"  # a0 is a heading
    assert session.following(-1) is None
    assert [session.following(1)] == ["a2"]


def test_navigation_crosses_articles_and_stops_at_ends(session: Session) -> None:
    visited = [session.cursor]
    while (nxt := session.following(1)) is not None:
        session.move_to(nxt)
        visited.append(nxt)
    assert visited == ["a1", "a2", "a3", "b0", "b1"]
    assert session.last() == "b1" and session.first() == "a1"


def test_mark_records_anchor_evidence_and_time(session: Session) -> None:
    change = session.mark(Status.DISPUTED)
    (verdict,) = session.verdict_set.verdicts
    assert verdict.status is Status.DISPUTED
    assert verdict.anchor.text == "First claim of A here." and verdict.anchor.article == "a"
    assert verdict.evidence == ("b0",)
    assert verdict.decided_at.tzinfo is not None
    assert change.steps[0].verdict_before is None


def test_next_untriaged_skips_decided_claims_and_wraps(session: Session) -> None:
    session.move_to("a2")
    session.mark(Status.CORROBORATED)
    session.move_to("a1")
    assert session.following(1, untriaged=True) == "a3"
    session.move_to("b1")
    assert session.following(1, untriaged=True) is None
    assert session.following(1, untriaged=True, wrap=True) == "a1"


def test_filters(session: Session) -> None:
    session.move_to("a3")
    session.mark(Status.UNSOURCED)
    session.move_to("b1")
    session.defer()
    expected = {
        Filter.ALL: ["a1", "a2", "a3", "b0", "b1"],
        Filter.UNTRIAGED: ["a1", "a2", "b0"],
        Filter.MATCHED: ["a1", "b0"],
        Filter.CONFLICTS: ["a1", "b0"],
        Filter.CONTESTED: ["a1", "b0"],  # their figures disagree
        Filter.CORROBORATED: [],
        Filter.DISPUTED: [],
        Filter.UNSOURCED: ["a3"],
        Filter.LATER: ["b1"],
        Filter.NOT_CLAIMS: ["a0"],
    }
    for f in FILTER_CYCLE:
        session.filter = f
        assert session.visible() == expected[f], f


def test_filter_moves_cursor_into_it_and_navigation_stays_inside(session: Session) -> None:
    session.move_to("a2")
    session.set_filter(Filter.MATCHED)
    assert session.cursor == "b0"  # nearest following claim the filter lets through
    assert session.following(1) is None and session.following(-1) == "a1"


def test_cycle_filter_goes_round(session: Session) -> None:
    seen = [session.cycle_filter() for _ in FILTER_CYCLE]
    assert seen[-1] is Filter.ALL and len(set(seen)) == len(FILTER_CYCLE)


def test_clear_removes_the_verdict_and_refuses_when_none(session: Session) -> None:
    session.mark(Status.CORROBORATED)
    session.clear()
    assert session.verdict_set.verdicts == ()
    with pytest.raises(TriageError):
        session.clear()


def test_note_needs_a_verdict_and_keeps_status(session: Session) -> None:
    with pytest.raises(TriageError):
        session.set_note("why", [])
    session.mark(Status.DISPUTED)
    session.set_note("  figures differ ", ["https://example.org/a", " ", "Report p. 3"])
    (v,) = session.verdict_set.verdicts
    assert (v.note, v.sources, v.status) == (
        "figures differ",
        ("https://example.org/a", "Report p. 3"),
        Status.DISPUTED,
    )
    assert session.set_note("figures differ", ["https://example.org/a", "Report p. 3"]) is None


def test_cluster_verdict_applies_to_cluster_members_in_the_filter(session: Session) -> None:
    with pytest.raises(TriageError):
        session.cluster_targets()  # selected claim has no verdict yet
    session.mark(Status.DISPUTED)
    assert session.cluster_targets() == ("b0",)
    session.apply_to_cluster()
    assert statuses(session) == {"a1": "disputed", "b0": "disputed"}
    with pytest.raises(TriageError):
        session.apply_to_cluster()


def test_cluster_verdict_respects_the_filter(session: Session) -> None:
    session.mark(Status.DISPUTED)
    session.filter = Filter.UNSOURCED  # b0 is not in it
    assert session.group("a1") == ("a1",)


def test_group_without_cluster_uses_match_tier_pairs() -> None:
    a = build_analysis()
    bare = Analysis(a.corpus, a.claims, a.matches, ())
    s = Session(bare, VerdictSet("t", "c"), clock=Clock())
    assert s.group("a1") == ("a1", "b0")
    assert s.group("a2") == ("a2",)  # suggested pairs are not a group


def test_toggle_claim_drops_verdict_and_round_trips(session: Session) -> None:
    session.mark(Status.CORROBORATED)
    session.move_to("a1")
    session.toggle_claim()
    assert not session.is_claim("a1") and session.verdict("a1") is None
    (correction,) = session.verdict_set.corrections
    assert correction.is_claim is False and correction.anchor.claim == "a1"
    session.toggle_claim()
    assert session.is_claim("a1") and session.verdict_set.corrections == ()


def test_toggle_makes_a_heading_a_claim(session: Session) -> None:
    session.set_filter(Filter.NOT_CLAIMS)
    assert session.cursor == "a0"
    with pytest.raises(TriageError):
        session.mark(Status.CORROBORATED)  # not a claim: no verdict
    session.toggle_claim()
    assert session.is_claim("a0") and session.verdict_set.corrections[0].is_claim is True
    session.mark(Status.CORROBORATED)
    assert statuses(session) == {"a0": "corroborated"}


def test_undo_redo_chain_over_mixed_changes(session: Session) -> None:
    session.mark(Status.CORROBORATED)  # a1
    session.set_note("n1", [])
    session.apply_to_cluster()  # b0
    session.move_to("a2")
    session.mark(Status.UNSOURCED)
    states = [statuses(session)]
    for _ in range(4):
        assert session.undo() is not None
        states.append(statuses(session))
    assert session.undo() is None
    assert states[-1] == {}
    assert states[1] == {"a1": "corroborated", "b0": "corroborated"}
    assert session.verdict("a1") is None
    for expected in reversed(states[:-1]):
        assert session.redo() is not None
        assert statuses(session) == expected
    assert session.redo() is None
    assert session.verdict("a1").note == "n1"  # type: ignore[union-attr]


def test_new_change_clears_redo(session: Session) -> None:
    session.mark(Status.CORROBORATED)
    session.undo()
    session.mark(Status.DISPUTED)
    assert session.redo() is None
    assert statuses(session) == {"a1": "disputed"}


def test_undo_keeps_decisions_merged_from_outside(session: Session) -> None:
    session.mark(Status.CORROBORATED)  # a1, by us
    other = Session(build_analysis(), VerdictSet("other", "corpus"), clock=Clock())
    other.move_to("b1")
    other.mark(Status.UNSOURCED)
    merged = apply_steps(session.verdict_set, [other._undo[-1].steps[0]])
    session.sync(merged)  # what a save returns after merging the other writer
    session.undo()
    assert statuses(session) == {"b1": "unsourced"}


def test_undo_moves_the_cursor_back(session: Session) -> None:
    session.mark(Status.CORROBORATED)
    session.move_to("b1")
    session.undo()
    assert session.cursor == "a1"


def test_search_is_incremental_case_insensitive_and_wraps(session: Session) -> None:
    assert session.search("CLAIM TWO") == "b1"
    session.move_to("b1")
    assert session.search("claim", after="b1") == "a1"  # wraps round
    assert session.search("nowhere") is None and session.search("  ") is None


def test_search_respects_filter(session: Session) -> None:
    session.set_filter(Filter.MATCHED)
    assert session.search("claim two") is None


def test_progress_counts_claims_after_corrections(session: Session) -> None:
    assert session.progress() == (0, 5)
    session.mark(Status.CORROBORATED)
    assert session.progress() == (1, 5) and session.progress("a") == (1, 3)
    session.move_to("a2")
    session.toggle_claim()
    assert session.progress() == (1, 4)


def test_history_of_each_kind_of_change(session: Session) -> None:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    (mark,) = history_of(session.mark(Status.DISPUTED), "tester", when)
    assert (mark.action, mark.old_status, mark.new_status, mark.article) == (
        "verdict",
        None,
        Status.DISPUTED,
        "a",
    )
    (note,) = history_of(session.set_note("n", ["s"]), "tester", when)  # type: ignore[arg-type]
    assert note.action == "note" and note.note_change == ("", "n")
    assert note.sources_change == ((), ("s",))
    (cleared,) = history_of(session.clear(), "tester", when)
    assert cleared.action == "verdict" and cleared.new_status is None
    (corr,) = history_of(session.toggle_claim(), "tester", when)
    assert corr.action == "correction" and corr.is_claim is False
    (undone,) = history_of(session.undo(), "tester", when)  # type: ignore[arg-type]
    assert undone.action == "correction" and undone.is_claim is True


def test_verdicts_for_unknown_claims_are_kept(session: Session) -> None:
    session.mark(Status.CORROBORATED)
    foreign = session.verdict_set.verdicts[0]
    from dataclasses import replace

    orphan = replace(foreign, anchor=replace(foreign.anchor, claim="gone", article="zzz"))
    s = Session(build_analysis(), VerdictSet("t", "c", verdicts=(orphan,)), clock=Clock())
    s.mark(Status.UNSOURCED)
    assert {v.claim for v in s.verdict_set.verdicts} == {"gone", "a1"}
    assert s.progress() == (1, 5)


# ---- merged files and orphans (tui/review/adjudication.py, tui/review/orphans.py) --


def _merged_session() -> Session:
    """a1 decided differently by alice and bob; a2 agreed by both."""
    from dataclasses import replace

    from tui.verdicts.model import Disagreement

    base = Session(build_analysis(), VerdictSet("tester", "corpus"), clock=Clock())
    base.mark(Status.CORROBORATED)  # a1
    base.move_to("a2")
    base.mark(Status.UNSOURCED)
    a1, a2 = base.verdict_set.verdicts
    verdicts = (
        replace(a1, reviewer="alice", note="wires agree"),
        replace(a1, status=Status.DISPUTED, reviewer="bob", sources=("AP",)),
        replace(a2, reviewer="alice, bob"),
    )
    vs = VerdictSet(
        "merger",
        "corpus",
        verdicts=verdicts,
        disagreements=(
            Disagreement("a1", "a", (("alice", Status.CORROBORATED), ("bob", Status.DISPUTED))),
        ),
        reviewers=("alice", "bob"),
    )
    return Session(build_analysis(), vs, clock=Clock(), reviewer="carol")


def test_a_disagreement_is_untriaged_until_the_adjudicator_settles_it() -> None:
    s = _merged_session()
    assert s.verdict("a1") is None and s.disagreement("a1") is not None
    assert s.progress() == (1, 5)
    s.set_filter(Filter.DISAGREEMENTS)
    assert s.visible() == ["a1"] and s.cursor == "a1"
    with pytest.raises(TriageError):
        s.clear()
    change = s.mark(Status.UNSOURCED)
    assert change.action == "adjudicate"
    (settled,) = [v for v in s.verdict_set.verdicts if v.claim == "a1"]
    assert (settled.status, settled.reviewer) == (Status.UNSOURCED, "carol")
    assert settled.note == "wires agree" and settled.sources == ("AP",)
    assert s.verdict_set.disagreements == () and s.disagreements() == 0
    (entry,) = history_of(change, "carol", datetime(2024, 11, 12, tzinfo=UTC))
    assert entry.action == "adjudicate" and entry.new_status is Status.UNSOURCED
    # The file keeps only carol's verdict; the history keeps who said what before.
    assert entry.settled == (("alice", Status.CORROBORATED), ("bob", Status.DISPUTED))
    assert entry_from_json(entry_to_json(entry)) == entry


def test_undoing_an_adjudication_restores_both_reviewers() -> None:
    s = _merged_session()
    before = s.verdict_set
    s.mark(Status.DISPUTED)
    s.undo()
    assert s.verdict_set == before
    s.redo()
    assert [v.reviewer for v in s.verdict_set.verdicts] == ["carol", "alice, bob"]


def test_other_reviewers_verdicts_survive_a_change_on_another_claim() -> None:
    s = _merged_session()
    s.move_to("b1")
    s.mark(Status.UNSOURCED)
    assert sorted(v.reviewer for v in s.verdict_set.verdicts if v.claim == "a1") == [
        "alice",
        "bob",
    ]


def _orphaned_session() -> tuple[Session, object]:
    from dataclasses import replace

    from tui.review.orphans import orphan_items
    from tui.verdicts.anchoring import Orphan

    base = Session(build_analysis(), VerdictSet("tester", "corpus"), clock=Clock())
    base.mark(Status.DISPUTED)
    (v,) = base.verdict_set.verdicts
    old = replace(v, anchor=replace(v.anchor, claim="a:gone", text="A claim that was reworded."))
    items = orphan_items([Orphan(old, "a3", 61.0)])
    vs = VerdictSet("tester", "corpus", verdicts=(old,))
    return Session(build_analysis(), vs, clock=Clock(), orphans=items), items[0]


def test_reattach_moves_the_orphan_and_undo_brings_it_back() -> None:
    s, item = _orphaned_session()
    assert s.verdict("a3") is None and len(s.orphans()) == 1
    change = s.reattach(item)  # type: ignore[arg-type]
    assert change.action == "reattach" and s.cursor == "a3"
    (moved,) = s.verdict_set.verdicts
    assert moved.claim == "a3" and moved.anchor.text == "Third claim of A."
    assert moved.status is Status.DISPUTED and s.orphans() == ()
    s.undo()
    assert s.verdict_set.verdicts == (item.decision,) and len(s.orphans()) == 1  # type: ignore[attr-defined]


def test_discard_removes_the_orphan_and_refuses_twice() -> None:
    s, item = _orphaned_session()
    s.discard(item)  # type: ignore[arg-type]
    assert s.verdict_set.verdicts == () and s.orphans() == ()
    with pytest.raises(TriageError):
        s.discard(item)  # type: ignore[arg-type]


def test_reattach_refuses_a_candidate_with_a_verdict() -> None:
    s, item = _orphaned_session()
    s.move_to("a3")
    s.mark(Status.CORROBORATED)
    with pytest.raises(TriageError):
        s.reattach(item)  # type: ignore[arg-type]
    assert len(s.orphans()) == 1
