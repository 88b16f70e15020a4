"""Re-anchoring verdicts after real edits to an article, and where triage resumes."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.claims.units import Unit, extract_claims
from tui.corpus.articles import Article
from tui.verdicts.anchoring import (
    QUOTE_THRESHOLD,
    Orphan,
    Reanchored,
    reanchor,
    reattach,
    resume_claim,
)
from tui.verdicts.model import Correction, Status, Verdict, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

DATA = Path(__file__).resolve().parent / "data" / "verdicts"
V1 = (DATA / "bridge_v1.txt").read_text(encoding="utf-8")
T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)

COST = "City engineers said the work cost 42 million dollars, well over the original budget."
MAYOR = "Mayor Lina Ortiz called the reopening a relief for commuters."
TRAFFIC = "Traffic on the bridge had fallen to a third of its usual level during the works."
COUNCIL = "The council approved the extra spending in a closed session last spring."


def article(text: str, article_id: str = "bridge") -> Article:
    return Article(
        article_id,
        Path(f"{article_id}.txt"),
        "Bridge",
        text,
        hashlib.sha256(text.encode()).hexdigest(),
    )


def claims(a: Article) -> list[Unit]:
    return extract_claims(a)


def unit(a: Article, text: str, nth: int = 0) -> Unit:
    return [c for c in claims(a) if c.text == text][nth]


def decide(
    a: Article, text: str, status: Status = Status.DISPUTED, nth: int = 0, minutes: int = 0
) -> Verdict:
    return Verdict(make_anchor(a, unit(a, text, nth)), status, T0 + timedelta(minutes=minutes))


def run(vs: VerdictSet, *articles: Article) -> Reanchored:
    return reanchor(vs, {a.id: a for a in articles}, {a.id: claims(a) for a in articles})


def placed_on(result: Reanchored, new: Article) -> dict[str, Status]:
    """Placed verdicts as {current text: status}, checking each anchor against the text."""
    out = {}
    for v in result.placed:
        anchor = v.anchor
        assert new.text[anchor.start : anchor.end] == anchor.text
        assert anchor.article_sha256 == new.sha256
        assert anchor.claim in {c.id for c in claims(new) if c.start == anchor.start}
        out[anchor.text] = v.status
    return out


OLD = article(V1)
VERDICTS = VerdictSet(
    "alice",
    ".",
    verdicts=(
        decide(OLD, COST, Status.CORROBORATED),
        decide(OLD, MAYOR, Status.UNSOURCED),
        decide(OLD, TRAFFIC, Status.DISPUTED),
        decide(OLD, COUNCIL, Status.CORROBORATED, nth=0),
        decide(OLD, COUNCIL, Status.DISPUTED, nth=1),
    ),
)


def test_an_unchanged_article_keeps_every_verdict_as_it_is() -> None:
    result = run(VERDICTS, OLD)
    assert result.placed == VERDICTS.verdicts and result.orphans == ()


def test_a_paragraph_inserted_shifts_every_anchor() -> None:
    inserted = "Officials gave no reason for the delay. Drivers were warned to expect queues.\n\n"
    new = article(
        V1.replace("The Harbour Bridge reopened", inserted + "The Harbour Bridge reopened")
    )
    result = run(VERDICTS, new)
    assert result.orphans == ()
    assert placed_on(result, new) == {
        COST: Status.CORROBORATED,
        MAYOR: Status.UNSOURCED,
        TRAFFIC: Status.DISPUTED,
        COUNCIL: Status.DISPUTED,  # text repeated: both copies keep their own verdicts
    }
    by_start = sorted(result.placed, key=lambda v: v.anchor.start)
    councils = [v for v in by_start if v.anchor.text == COUNCIL]
    assert [v.status for v in councils] == [Status.CORROBORATED, Status.DISPUTED]
    shift = len(inserted)
    old_starts = {v.anchor.text + v.status: v.anchor.start for v in VERDICTS.verdicts}
    assert all(
        old_starts[v.anchor.text + v.status] + shift == v.anchor.start for v in result.placed
    )


def test_a_typo_fixed_inside_a_claim_moves_the_verdict_to_the_fixed_sentence() -> None:
    typo_text = V1.replace("42 million dollars", "42 milion dollars")
    typo = article(typo_text)
    vs = VerdictSet("alice", ".", verdicts=(decide(typo, COST.replace("million", "milion")),))
    fixed = article(V1)
    result = run(vs, fixed)
    assert result.orphans == ()
    (v,) = result.placed
    assert v.anchor.text == COST and v.anchor.claim == unit(fixed, COST).id
    assert v.anchor.claim != vs.verdicts[0].claim  # the id follows the unit now there


def test_a_reworded_claim_keeps_its_verdict_and_a_rewritten_one_is_orphaned() -> None:
    reworded = "Mayor Lina Ortiz said the reopening was a relief for commuters."
    new = article(V1.replace(MAYOR, reworded))
    result = run(VERDICTS, new)
    assert placed_on(result, new)[reworded] == Status.UNSOURCED
    rewritten = "Mayor Ortiz welcomed the news at a press conference."
    new = article(V1.replace(MAYOR, rewritten))
    result = run(VERDICTS, new)
    (orphan,) = result.orphans
    assert orphan.verdict == VERDICTS.verdicts[1]  # untouched
    assert orphan.candidate_claim_id is not None
    assert 0 < orphan.candidate_score < QUOTE_THRESHOLD


def test_a_deleted_claim_becomes_an_orphan_that_stays_in_the_file() -> None:
    new = article(V1.replace(TRAFFIC + " ", ""))
    result = run(VERDICTS, new)
    (orphan,) = result.orphans
    assert orphan.verdict == VERDICTS.verdicts[2]
    assert orphan.candidate_score < QUOTE_THRESHOLD
    assert TRAFFIC not in placed_on(result, new)
    kept = result.verdict_set
    assert len(kept.verdicts) == len(VERDICTS.verdicts)
    assert loads(dumps(kept), Path("v.toml")).verdicts == tuple(
        sorted(
            kept.verdicts, key=lambda v: (v.anchor.article, v.anchor.start, v.anchor.end, v.claim)
        )
    )


def test_one_copy_of_a_repeated_sentence_deleted() -> None:
    first, second = VERDICTS.verdicts[3], VERDICTS.verdicts[4]
    new = article(V1.replace(COUNCIL, "", 1))  # the first copy goes; the second is now "first"
    result = run(VerdictSet("alice", ".", verdicts=(first, second)), new)
    assert len(result.placed) == 1 and len(result.orphans) == 1
    claim_ids = [v.claim for v in result.verdict_set.verdicts]
    assert len(set(claim_ids)) == 2  # the file never lists a claim twice
    loads(dumps(result.verdict_set), Path("v.toml"))


def test_an_article_gone_from_the_corpus_orphans_its_verdicts() -> None:
    other = article("Something else entirely.", "other")
    result = run(VERDICTS, other)
    assert result.placed == ()
    assert [o.verdict for o in result.orphans] == list(VERDICTS.verdicts)
    assert all(o.candidate_claim_id is None and o.candidate_score == 0 for o in result.orphans)


def test_corrections_are_reanchored_too() -> None:
    heading = claims(OLD)[0]
    vs = VerdictSet("alice", ".", corrections=(Correction(make_anchor(OLD, heading), False, T0),))
    new = article("Update: figures corrected.\n\n" + V1)
    result = run(vs, new)
    (c,) = result.corrections
    assert c.is_claim is False and new.text[c.anchor.start : c.anchor.end] == heading.text
    assert result.verdict_set.corrections == (c,)
    gone = run(vs, article(V1.replace(heading.text, "")))
    assert gone.corrections == () and gone.orphan_corrections[0].correction == vs.corrections[0]


def test_reattach_puts_an_orphan_on_the_chosen_claim() -> None:
    new = article(V1.replace(MAYOR, "Mayor Ortiz welcomed the news at a press conference."))
    (orphan,) = run(VERDICTS, new).orphans
    target = unit(new, "Mayor Ortiz welcomed the news at a press conference.")
    v = reattach(orphan, target, new)
    assert v.anchor == make_anchor(new, target)
    assert (v.status, v.decided_at, v.note) == (
        orphan.verdict.status,
        orphan.verdict.decided_at,
        "",
    )
    assert isinstance(orphan, Orphan)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.booleans(), min_size=8, max_size=8))
def test_nothing_is_dropped_whatever_sentences_are_deleted(keep: list[bool]) -> None:
    units = claims(OLD)
    text = V1
    for u, kept in sorted(zip(units, keep, strict=False), key=lambda p: -p[0].start):
        if not kept:
            text = text[: u.start] + text[u.end :]
    result = run(VERDICTS, article(text))
    assert len(result.placed) + len(result.orphans) == len(VERDICTS.verdicts)
    ids = [v.claim for v in result.verdict_set.verdicts]
    assert len(ids) == len(set(ids))
    assert {o.verdict for o in result.orphans} <= set(VERDICTS.verdicts)


# ---- resume ----------------------------------------------------------------------------------


def _vs(*decided: tuple[str, int]) -> VerdictSet:
    verdicts = []
    for claim, minute in decided:
        anchor = make_anchor(OLD, replace(claims(OLD)[0], id=claim))
        verdicts.append(Verdict(anchor, Status.DISPUTED, T0 + timedelta(minutes=minute)))
    return VerdictSet("alice", ".", verdicts=tuple(verdicts))


ORDER = ["c1", "c2", "c3", "c4", "c5"]


@pytest.mark.parametrize(
    ("decided", "expected"),
    [
        ((), "c1"),  # nothing decided: the first claim
        ((("c1", 0),), "c2"),
        ((("c3", 5), ("c1", 9)), "c2"),  # after the most recent decision, not the furthest
        ((("c1", 9), ("c3", 5)), "c2"),
        ((("c4", 9), ("c5", 1)), "c1"),  # wraps around past the end
        ((("c2", 1), ("c5", 9), ("c1", 3)), "c3"),  # wraps, skipping what is triaged
        ((("c1", 1), ("c2", 1), ("c3", 1), ("c4", 1), ("c5", 1)), None),  # all triaged
        ((("gone", 99),), "c1"),  # a decision on a claim not in the list does not count
    ],
)
def test_resume_claim(decided: tuple[tuple[str, int], ...], expected: str | None) -> None:
    assert resume_claim(_vs(*decided), ORDER) == expected


def test_an_orphan_never_shares_its_claim_id_with_a_placed_verdict() -> None:
    # The unit now bearing id "a:1" is the exact text of Y's quote, so Y ranks first for it;
    # X, whose old id is "a:1", would be orphaned under that same id. The unit goes to X.
    new = article("Alpha beta gamma.", "a")
    unit_now = Unit("a:1", "a", "Alpha beta gamma.", 0, 17, claims(new)[0].kind, 0)
    old = replace(make_anchor(new, unit_now), article_sha256="old")
    x = Verdict(replace(old, text="ALPHA BETA GAMMA!"), Status.DISPUTED, T0)
    y = Verdict(replace(old, claim="a:2"), Status.CORROBORATED, T0)
    result = reanchor(VerdictSet("r", ".", verdicts=(x, y)), [new], {"a": [unit_now]})
    assert [(v.claim, v.status) for v in result.placed] == [("a:1", Status.DISPUTED)]
    assert [o.verdict for o in result.orphans] == [y]  # as it was in the file
    loads(dumps(result.verdict_set), Path("v.toml"))


def test_merged_file_keeps_each_reviewers_verdict_on_an_edited_article() -> None:
    """Two reviewers' verdicts on one claim both follow it when the article changes."""
    alice = replace(decide(OLD, COST, Status.DISPUTED), reviewer="alice")
    bob = replace(decide(OLD, COST, Status.CORROBORATED, minutes=1), reviewer="bob")
    merged = VerdictSet("lead", ".", verdicts=(alice, bob), reviewers=("alice", "bob"))
    new = article("A new opening paragraph about the weather.\n\n" + V1)
    result = run(merged, new)
    assert result.orphans == ()
    assert sorted((v.reviewer, v.status) for v in result.placed) == [
        ("alice", Status.DISPUTED),
        ("bob", Status.CORROBORATED),
    ]
    assert len({v.anchor.claim for v in result.placed}) == 1
    # and the merged set survives the file format (claim + reviewer is the key)
    assert loads(dumps(result.verdict_set), Path("m.toml")).verdicts == tuple(
        sorted(result.placed, key=lambda v: v.reviewer)
    )
