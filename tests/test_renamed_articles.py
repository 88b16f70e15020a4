"""Decisions on an article whose id is gone: found again by the article's bytes when the file
was renamed or moved; otherwise orphans whose candidate is their exact quote elsewhere."""

from __future__ import annotations

from pathlib import Path

from tests.test_anchoring import (
    COST,
    MAYOR,
    OLD,
    T0,
    V1,
    VERDICTS,
    article,
    claims,
    decide,
    run,
    unit,
)
from tui.verdicts.anchoring import reattach
from tui.verdicts.model import Correction, Verdict, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

RENAMED = article(V1, "bridge-2024")  # the same bytes under another file name


def test_a_renamed_article_keeps_every_verdict_under_its_new_id() -> None:
    result = run(VERDICTS, RENAMED)
    assert result.orphans == ()
    assert len(result.placed) == len(VERDICTS.verdicts)
    new_ids = {c.id for c in claims(RENAMED)}
    before = sorted(VERDICTS.verdicts, key=_order)
    for old, new in zip(before, sorted(result.placed, key=_order), strict=True):
        assert new.anchor.article == "bridge-2024" and new.claim in new_ids
        assert (new.status, new.anchor.text, new.anchor.start) == (
            old.status,
            old.anchor.text,
            old.anchor.start,
        )
        assert new.decided_text == ""
    ids = [v.claim for v in result.verdict_set.verdicts]
    assert len(ids) == len(set(ids))
    loads(dumps(result.verdict_set), Path("v.toml"))


def _order(v: Verdict) -> tuple[int, str]:
    return (v.anchor.start, v.status.value)


def test_corrections_follow_a_renamed_article_too() -> None:
    heading = claims(OLD)[0]
    vs = VerdictSet("alice", ".", corrections=(Correction(make_anchor(OLD, heading), False, T0),))
    result = run(vs, RENAMED)
    (c,) = result.corrections
    assert c.anchor.article == "bridge-2024" and c.anchor.text == heading.text


def test_a_renamed_and_edited_article_offers_the_exact_quote_without_placing_it() -> None:
    edited = article(V1.replace("eight months", "nine months"), "bridge-2024")
    result = run(VERDICTS, edited)
    assert result.placed == ()  # another id and other bytes: nothing moves by itself
    by_text = {o.verdict.anchor.text: o for o in result.orphans}
    assert by_text[COST].candidate_claim_id == unit(edited, COST).id
    assert by_text[COST].candidate_score == 100.0
    assert [o.verdict for o in result.orphans] == list(VERDICTS.verdicts)  # untouched
    # the reviewer takes the candidate: the verdict lands on it, nothing flagged
    v = reattach(by_text[COST], unit(edited, COST), edited)
    assert (v.anchor.article, v.anchor.text, v.decided_text) == ("bridge-2024", COST, "")


def test_an_article_already_named_by_decisions_is_not_taken_for_a_renamed_one() -> None:
    # "copy" holds the same bytes but has its own decisions: the gone article's verdicts
    # must not pile onto it; they stay orphans, with the quote there as their candidate.
    copy = article(V1, "copy")
    own = VerdictSet("alice", ".", verdicts=(decide(copy, MAYOR),))
    both = VerdictSet("alice", ".", verdicts=(*VERDICTS.verdicts, *own.verdicts))
    result = run(both, copy)
    assert [v.anchor.article for v in result.placed] == ["copy"]
    assert len(result.orphans) == len(VERDICTS.verdicts)
    assert {o.candidate_claim_id for o in result.orphans} <= {c.id for c in claims(copy)}


def test_two_articles_with_the_gone_articles_bytes_are_ambiguous() -> None:
    a, b = article(V1, "bridge-a"), article(V1, "bridge-b")
    result = run(VERDICTS, a, b)
    assert result.placed == ()
    (cost,) = [o for o in result.orphans if o.verdict.anchor.text == COST]
    assert cost.candidate_claim_id == unit(a, COST).id  # first by id, same context


def test_the_quote_elsewhere_is_chosen_by_its_context() -> None:
    other = article("Unrelated opening. " + COST + " Unrelated ending.", "aaa-other")
    same_context = article(V1.replace("eight months", "nine months"), "zzz-edited")
    result = run(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)), other, same_context)
    (orphan,) = result.orphans
    assert orphan.candidate_claim_id == unit(same_context, COST).id


def test_a_gone_article_whose_quote_is_nowhere_has_no_candidate() -> None:
    result = run(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)), article("Else.", "x"))
    (orphan,) = result.orphans
    assert (orphan.candidate_claim_id, orphan.candidate_score) == (None, 0.0)
