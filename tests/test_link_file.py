"""Links, deferrals and cuts in the verdict file: the issue's exact form, validation located
at `file:line:col`, old files unchanged."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.verdicts.checks import check_text
from tui.verdicts.model import (
    Anchor,
    Correction,
    CorrectionKind,
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    VerdictSet,
)
from tui.verdicts.reader import loads, read_verdict_text
from tui.verdicts.writer import dumps

ROOT = Path(__file__).resolve().parent.parent
WHEN = datetime(2026, 12, 6, 6, 1, 22, tzinfo=UTC)
SHA = "f" * 64


def anchor(claim: str, start: int = 0, text: str = "Some claim text here.") -> Anchor:
    article = claim.split(":", 1)[0]
    return Anchor(claim, article, text, "", " next", start, start + len(text), SHA)


def problems(text: str) -> list[str]:
    _, found = read_verdict_text(text, Path("v.toml"))
    return [str(p) for p in found]


ISSUE_FORM = """\
[[links]]
relation = "same"
reviewer = "alice"
decided_at = 2026-12-06 06:01:22+00:00
note = "optional"

[links.a]
claim = "a:1"
article = "a"
text = "Some claim text here."
prefix = ""
suffix = " next"
start = 0
end = 21
article_sha256 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"

[links.b]
claim = "b:2"
article = "b"
text = "Some claim text here."
prefix = ""
suffix = " next"
start = 0
end = 21
article_sha256 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
"""

HEAD = 'version = 1\nreviewer = "alice"\ncorpus = "c"\n\n'


def test_a_link_is_written_in_exactly_the_issues_form() -> None:
    link = Link.of(anchor("b:2"), anchor("a:1"), Relation.SAME, WHEN, "alice", "optional")
    assert dumps(VerdictSet("alice", "c", links=(link,))) == HEAD + ISSUE_FORM


def test_a_and_b_in_the_other_order_are_accepted_and_written_back_in_order() -> None:
    swapped = (
        ISSUE_FORM.replace("[links.a]", "[links.x]")
        .replace("[links.b]", "[links.a]")
        .replace("[links.x]", "[links.b]")
    )
    assert tomllib.loads(swapped)["links"][0]["a"]["claim"] == "b:2"
    vs = loads(HEAD + swapped, Path("v.toml"))
    (link,) = vs.links
    assert link.pair == ("a:1", "b:2")
    assert dumps(vs) == HEAD + ISSUE_FORM


def test_two_links_on_one_pair_are_refused_with_their_lines() -> None:
    second = ISSUE_FORM.replace('"same"', '"different"').replace('note = "optional"\n', "")
    # the second link names the pair the other way round: still the same pair
    second = (
        second.replace('claim = "a:1"', 'claim = "TMP"')
        .replace('claim = "b:2"', 'claim = "a:1"')
        .replace('claim = "TMP"', 'claim = "b:2"')
    )
    text = HEAD + ISSUE_FORM + "\n" + second
    first_line = text.split("\n").index("[[links]]") + 1
    second_line = text.split("\n").index("[[links]]", first_line) + 1
    assert problems(text) == [
        f"v.toml:{second_line}:1: claims 'a:1' and 'b:2' are linked twice among [[links]] "
        f"(first at line {first_line})"
    ]
    assert check_text(Path("v.toml"), text) == problems(text)


def test_a_merged_file_keeps_one_link_per_pair_and_reviewer() -> None:
    bob = ISSUE_FORM.replace('reviewer = "alice"', 'reviewer = "bob"').replace(
        '"same"', '"different"'
    )
    merged = HEAD.replace('corpus = "c"\n', 'corpus = "c"\nreviewers = ["alice", "bob"]\n')
    tail = (
        '\n[[link_disagreements]]\na = "a:1"\nb = "b:2"\n'
        'relations = { alice = "same", bob = "different" }\n'
    )
    vs = loads(merged + ISSUE_FORM + "\n" + bob + tail, Path("v.toml"))
    assert [(k.reviewer, k.relation) for k in vs.links] == [
        ("alice", Relation.SAME),
        ("bob", Relation.DIFFERENT),
    ]
    assert vs.link_disagreements == (
        LinkDisagreement("a:1", "b:2", (("alice", Relation.SAME), ("bob", Relation.DIFFERENT))),
    )
    assert loads(dumps(vs), Path("v.toml")) == vs
    twice = merged + ISSUE_FORM + "\n" + ISSUE_FORM
    assert any("linked twice by 'alice'" in p for p in problems(twice))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'relation = "same"',
            'relation = "similar"',
            "v.toml:6:1: [[links]] #1: relation: unknown relation 'similar' "
            "(expected one of same, different, contradicts)",
        ),
        ('relation = "same"\n', "", "v.toml:5:1: [[links]] #1: missing key 'relation'"),
        (
            "decided_at = 2026-12-06 06:01:22+00:00",
            "decided_at = 2026-12-06 06:01:22",
            "v.toml:8:1: [[links]] #1: decided_at: expected a date-time with a UTC offset, "
            "got a local one",
        ),
        (
            "start = 0\nend = 21\narticle_sha256",
            'start = "0"\nend = 21\narticle_sha256',
            "v.toml:17:1: [[links]] #1: a.start: expected a whole number, got a string",
        ),
        (
            'claim = "b:2"',
            'claim = "a:1"',
            "v.toml:22:1: [[links]] #1: b.claim: links claim 'a:1' to itself",
        ),
        (
            'suffix = " next"\nstart = 0\nend = 21\narticle_sha256 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"\n\n[links.b]',  # noqa: E501
            'suffix = " next"\nstart = 0\nend = 21\narticle_sha256 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"\ncolour = 1\n\n[links.b]',  # noqa: E501
            "v.toml:20:1: [[links]] #1: a.colour: unknown key (known: claim, article, text, "
            "prefix, suffix, start, end, article_sha256)",
        ),
    ],
)
def test_every_problem_in_a_link_is_located(old: str, new: str, expected: str) -> None:
    text = HEAD + ISSUE_FORM
    assert old in text
    assert expected in problems(text.replace(old, new, 1))


def test_a_missing_end_is_named() -> None:
    text = HEAD + ISSUE_FORM[: ISSUE_FORM.index("[links.b]")]
    assert problems(text) == ["v.toml:5:1: [[links]] #1: missing key 'b'"]


def test_later_is_a_status_but_not_a_verdict() -> None:
    v = Verdict(anchor("a:1"), Status.LATER, WHEN)
    text = dumps(VerdictSet("alice", "c", verdicts=(v,)))
    assert 'status = "later"' in text
    assert loads(text, Path("v.toml")).verdicts == (v,)
    assert not Status.LATER.is_verdict and Status.DISPUTED.is_verdict
    bad = text.replace('status = "later"', 'status = "soon"')
    assert (
        "unknown status 'soon' (expected one of corroborated, disputed, unsourced, later)"
        in (problems(bad)[0])
    )


def test_a_disagreement_holds_verdicts_only() -> None:
    text = HEAD + '[[disagreements]]\nclaim = "a:1"\narticle = "a"\nstatuses = { al = "later" }\n'
    assert problems(text) == [
        "v.toml:8:1: [[disagreements]] #1: statuses: unknown status 'later' "
        "(expected one of corroborated, disputed, unsourced)"
    ]


def test_split_and_join_corrections_round_trip_and_keep_old_corrections_as_they_were() -> None:
    whole = anchor("a:1", 0, "Five died and the airport closed.")
    split = Correction(whole, True, WHEN, split_at=14)
    join = Correction(anchor("a:3", 40), True, WHEN, join_with=anchor("a:4", 62))
    kind = Correction(anchor("b:1"), False, WHEN)
    vs = VerdictSet("alice", "c", corrections=(split, join, kind))
    text = dumps(vs)
    data = tomllib.loads(text)["corrections"]
    assert [list(c)[8:] for c in data] == [
        ["split_at", "decided_at"],
        ["decided_at", "join_with"],
        ["is_claim", "decided_at"],
    ]
    back = loads(text, Path("v.toml"))
    assert back == vs
    assert [c.kind for c in back.corrections] == [
        CorrectionKind.SPLIT,
        CorrectionKind.JOIN,
        CorrectionKind.CLAIM,
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("split_at = 14", "split_at = 40", "v.toml:14:1: [[corrections]] #1: split_at: 40 does"),
        ("split_at = 14", "split_at = 14\nis_claim = true", "v.toml:5:1: [[corrections]] #1: "),
        (
            "split_at = 14\n",
            "",
            "v.toml:5:1: [[corrections]] #1: needs exactly one of is_claim, split_at, join_with "
            "(has none)",
        ),
    ],
)
def test_a_bad_cut_is_located(old: str, new: str, expected: str) -> None:
    whole = anchor("a:1", 0, "Five died and the airport closed.")
    text = dumps(VerdictSet("a", "c", corrections=(Correction(whole, True, WHEN, split_at=14),)))
    found = problems(text.replace(old, new, 1))
    assert any(p.startswith(expected) for p in found), found


def test_a_join_with_a_unit_before_it_is_refused() -> None:
    join = Correction(anchor("a:3", 40), True, WHEN, join_with=anchor("a:4", 62))
    text = dumps(VerdictSet("a", "c", corrections=(join,))).replace("start = 62", "start = 2")
    (found,) = problems(text)
    assert "join_with.start: the unit joined must follow the corrected one" in found


def test_the_recorded_verdict_file_is_rewritten_byte_for_byte() -> None:
    recorded = ROOT / "tests" / "recorded" / "review.toml"
    text = recorded.read_text(encoding="utf-8")
    assert dumps(loads(text, recorded)) == text
    for fixture in (ROOT / "tests" / "data" / "verdicts").glob("valid*.toml"):
        body = fixture.read_text(encoding="utf-8")
        vs = loads(body, fixture)
        assert loads(dumps(vs), fixture) == vs
