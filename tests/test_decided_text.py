"""A verdict moved onto edited words keeps the words it was decided on (`decided_text`):
re-anchoring records them, the file keeps them, deciding again clears them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.test_anchoring import COST, MAYOR, OLD, V1, article, claims, decide, run, unit
from tui.verdicts.anchoring import reanchor, reattach
from tui.verdicts.model import Status, VerdictFileError, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

COST_44 = COST.replace("42 million", "44 million")
COST_45 = COST.replace("42 million", "45 million")
EDITED = article(V1.replace(COST, COST_44))


def _one(vs: VerdictSet, new_text: str) -> tuple[Status, str, str]:
    new = article(new_text)
    (v,) = run(vs, new).placed
    return v.status, v.anchor.text, v.decided_text


def test_an_edited_figure_keeps_the_verdict_and_the_words_it_was_decided_on() -> None:
    vs = VerdictSet("alice", ".", verdicts=(decide(OLD, COST),))
    result = run(vs, EDITED)
    assert result.orphans == ()
    (v,) = result.placed
    assert (v.status, v.anchor.text) == (Status.DISPUTED, COST_44)
    assert v.decided_text == COST and v.decided_on == COST and v.text_changed
    assert EDITED.text[v.anchor.start : v.anchor.end] == COST_44


def test_an_unchanged_or_shifted_claim_carries_no_decided_text() -> None:
    vs = VerdictSet("alice", ".", verdicts=(decide(OLD, COST), decide(OLD, MAYOR)))
    shifted = article("A new first paragraph.\n\n" + V1)
    for new in (OLD, shifted):
        result = run(vs, new)
        assert [v.decided_text for v in result.placed] == ["", ""]
        assert not any(v.text_changed for v in result.placed)


def test_the_first_words_decided_on_survive_a_second_edit_and_an_edit_back_clears_them() -> None:
    first = run(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)), EDITED).verdict_set
    assert _one(first, V1.replace(COST, COST_45)) == (Status.DISPUTED, COST_45, COST)
    assert _one(first, V1) == (Status.DISPUTED, COST, "")  # back to what was decided on


def test_the_file_keeps_decided_text_right_after_text_and_reads_it_back() -> None:
    moved = run(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)), EDITED).verdict_set
    text = dumps(moved)
    lines = text.splitlines()
    at = lines.index(f'text = "{COST_44}"')
    assert lines[at + 1] == f'decided_text = "{COST}"'
    back = loads(text, Path("v.toml"))
    assert back == moved and dumps(back) == text  # same data, same bytes


def test_a_file_without_decided_text_is_written_back_byte_for_byte() -> None:
    vs = VerdictSet("alice", ".", verdicts=(decide(OLD, COST), decide(OLD, MAYOR)))
    text = dumps(vs)
    assert "decided_text" not in text
    placed = run(loads(text, Path("v.toml")), OLD).verdict_set
    assert dumps(placed) == text


def test_decided_text_equal_to_text_is_not_kept() -> None:
    text = dumps(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)))
    same = text.replace(f'text = "{COST}"\n', f'text = "{COST}"\ndecided_text = "{COST}"\n')
    assert "decided_text" in same
    (v,) = loads(same, Path("v.toml")).verdicts
    assert v.decided_text == "" and not v.text_changed
    assert dumps(loads(same, Path("v.toml"))) == text


def test_decided_text_of_the_wrong_type_is_named_with_its_line() -> None:
    text = dumps(VerdictSet("alice", ".", verdicts=(decide(OLD, COST),)))
    bad = text.replace(f'text = "{COST}"\n', f'text = "{COST}"\ndecided_text = 42\n')
    with pytest.raises(VerdictFileError) as caught:
        loads(bad, Path("v.toml"))
    line = bad.splitlines().index("decided_text = 42") + 1
    assert caught.value.line == line
    assert "decided_text: expected a string, got a whole number" in caught.value.message


def test_reattaching_an_orphan_keeps_the_words_it_was_decided_on() -> None:
    rewritten = "Mayor Ortiz welcomed the news at a press conference."
    new = article(V1.replace(MAYOR, rewritten))
    (orphan,) = run(VerdictSet("alice", ".", verdicts=(decide(OLD, MAYOR),)), new).orphans
    v = reattach(orphan, unit(new, rewritten), new)
    assert (v.anchor.text, v.decided_text) == (rewritten, MAYOR)
    # put back on its own words, nothing is flagged
    back = reattach(v, unit(OLD, MAYOR), OLD)
    assert back.decided_text == "" and back.anchor == make_anchor(OLD, unit(OLD, MAYOR))


def test_a_merged_file_keeps_each_reviewers_decided_text() -> None:
    alice = replace(decide(OLD, COST, Status.DISPUTED), reviewer="alice")
    bob = replace(decide(OLD, COST, Status.CORROBORATED, minutes=1), reviewer="bob")
    merged = VerdictSet("lead", ".", verdicts=(alice, bob), reviewers=("alice", "bob"))
    result = reanchor(merged, [EDITED], {EDITED.id: claims(EDITED)})
    assert sorted((v.reviewer, v.decided_text) for v in result.placed) == [
        ("alice", COST),
        ("bob", COST),
    ]
    assert loads(dumps(result.verdict_set), Path("m.toml")).verdicts == tuple(
        sorted(result.placed, key=lambda v: v.reviewer)
    )
