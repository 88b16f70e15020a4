"""The verdict file format: round trips, determinism, and every validation error located."""

from __future__ import annotations

import random
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.claims.units import Kind, Unit
from tui.corpus.articles import Article
from tui.verdicts.model import (
    CONTEXT_CHARS,
    VERDICTS,
    Anchor,
    Correction,
    Disagreement,
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    VerdictFileError,
    VerdictSet,
    canonical,
    default_reviewer,
    make_anchor,
)
from tui.verdicts.reader import loads, read_verdict_text
from tui.verdicts.source_text import unusable_path
from tui.verdicts.writer import dumps

# ---- strategies ------------------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
ident = st.text("abcdefghijklmnopqrstuvwxyz0123456789:-_#/", min_size=1, max_size=16)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@st.composite
def anchors(draw: st.DrawFn, claim: str) -> Anchor:
    start = draw(st.integers(0, 10_000))
    return Anchor(
        claim=claim,
        article=draw(ident),
        text=draw(text),
        prefix=draw(text),
        suffix=draw(text),
        start=start,
        end=start + draw(st.integers(0, 500)),
        article_sha256=draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
    )


@st.composite
def verdict_sets(draw: st.DrawFn) -> VerdictSet:
    claims = draw(st.lists(ident, unique=True, max_size=6))
    verdicts = tuple(
        Verdict(
            anchor=draw(anchors(c)),
            status=draw(st.sampled_from(Status)),
            decided_at=draw(moments),
            note=draw(text),
            sources=tuple(draw(st.lists(text, max_size=3))),
            evidence=tuple(draw(st.lists(ident, max_size=3))),
            reviewer=draw(st.sampled_from(["", "alice", "bob"])),
        )
        for c in claims
    )
    corrected = draw(st.lists(ident, unique=True, max_size=3))
    corrections = tuple(draw(corrections_on(c)) for c in corrected)
    disagreements = tuple(
        Disagreement(
            c,
            draw(ident),
            tuple(
                sorted(draw(st.dictionaries(text, st.sampled_from(VERDICTS), max_size=3)).items())
            ),
        )
        for c in draw(st.lists(ident, unique=True, max_size=3))
    )
    reviewers = tuple(draw(st.lists(text, unique=True, max_size=3)))
    pairs = draw(st.lists(st.tuples(ident, ident), max_size=4))
    links = []
    seen = set()
    for one, other in pairs:
        reviewer = draw(st.sampled_from(["", "alice", "bob"]))
        key = (*sorted((one, other)), reviewer if reviewers else "")
        if one == other or key in seen:
            continue
        seen.add(key)
        links.append(
            Link.of(
                draw(anchors(one)),
                draw(anchors(other)),
                draw(st.sampled_from(Relation)),
                draw(moments),
                reviewer,
                draw(text),
            )
        )
    link_disagreements = tuple(
        LinkDisagreement(
            min(one, other),
            max(one, other),
            tuple(
                sorted(draw(st.dictionaries(text, st.sampled_from(Relation), max_size=3)).items())
            ),
        )
        for one, other in {tuple(sorted(p)) for p in pairs if p[0] != p[1]}
    )
    return VerdictSet(
        reviewer=draw(text),
        # A corpus is a path: only text a file system can take as one (the store writes
        # paths it was given; a NUL or an unknown ~user is refused when read).
        corpus=draw(text.filter(lambda s: unusable_path(s) is None)),
        verdicts=verdicts,
        corrections=corrections,
        disagreements=disagreements,
        reviewers=reviewers,
        links=tuple(links),
        link_disagreements=link_disagreements,
    )


@st.composite
def corrections_on(draw: st.DrawFn, claim: str) -> Correction:
    """A correction of any kind: is (not) a claim, a split inside the text, a join with a
    unit after it in the same article."""
    anchor = draw(anchors(claim))
    kind = draw(st.sampled_from(["claim", "split", "join"]))
    if kind == "split" and len(anchor.text) >= 2:
        at = draw(st.integers(1, len(anchor.text) - 1))
        return Correction(anchor, True, draw(moments), split_at=at)
    if kind == "join":
        other = draw(anchors(draw(ident)))
        start = anchor.end + draw(st.integers(0, 5))
        other = Anchor(
            other.claim, anchor.article, other.text, other.prefix, other.suffix, start,
            start + len(other.text), anchor.article_sha256,
        )  # fmt: skip
        return Correction(anchor, True, draw(moments), join_with=other)
    return Correction(anchor, draw(st.booleans()), draw(moments))


# ---- round trip and determinism ----------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(verdict_sets())
def test_round_trip(vs: VerdictSet) -> None:
    assert loads(dumps(vs), Path("v.toml")) == canonical(vs)


@settings(max_examples=100, deadline=None)
@given(verdict_sets(), st.randoms(use_true_random=False))
def test_dumps_is_deterministic_and_independent_of_order(
    vs: VerdictSet, rnd: random.Random
) -> None:
    shuffled = VerdictSet(
        reviewer=vs.reviewer,
        corpus=vs.corpus,
        verdicts=tuple(rnd.sample(vs.verdicts, len(vs.verdicts))),
        corrections=tuple(rnd.sample(vs.corrections, len(vs.corrections))),
        disagreements=tuple(rnd.sample(vs.disagreements, len(vs.disagreements))),
        reviewers=tuple(rnd.sample(vs.reviewers, len(vs.reviewers))),
        links=tuple(rnd.sample(vs.links, len(vs.links))),
        link_disagreements=tuple(rnd.sample(vs.link_disagreements, len(vs.link_disagreements))),
    )
    assert dumps(shuffled) == dumps(vs)
    assert dumps(loads(dumps(vs), Path("v.toml"))) == dumps(vs)


def _verdict(claim: str, article: str, start: int, **kw: object) -> Verdict:
    anchor = Anchor(claim, article, "Some text.", "", "", start, start + 10, "f" * 64)
    return Verdict(anchor, Status.DISPUTED, datetime(2024, 5, 1, 12, tzinfo=UTC), **kw)  # type: ignore[arg-type]


def test_layout_of_a_written_file() -> None:
    vs = VerdictSet(
        reviewer="alice",
        corpus="../seeds",
        verdicts=(_verdict("b:2", "b", 5), _verdict("a:9", "a", 40), _verdict("a:1", "a", 3)),
    )
    text = dumps(vs)
    assert text.startswith('version = 1\nreviewer = "alice"\ncorpus = "../seeds"\n')
    data = tomllib.loads(text)
    assert [v["claim"] for v in data["verdicts"]] == ["a:1", "a:9", "b:2"]
    first = data["verdicts"][0]
    assert list(first) == [
        "claim",
        "article",
        "text",
        "prefix",
        "suffix",
        "start",
        "end",
        "article_sha256",
        "status",
        "evidence",
        "decided_at",
    ]
    assert "note" not in first and "sources" not in first and "reviewer" not in first
    assert "reviewers" not in data


def test_decided_at_is_written_in_utc_and_keeps_microseconds() -> None:
    paris = timezone(timedelta(hours=2))
    v = _verdict("a:1", "a", 0)
    moment = datetime(2024, 5, 1, 14, 0, 0, 250, tzinfo=paris)
    vs = VerdictSet("r", "c", verdicts=(Verdict(v.anchor, v.status, moment),))
    assert "decided_at = 2024-05-01 12:00:00.000250+00:00\n" in dumps(vs)
    back = loads(dumps(vs), Path("v.toml")).verdicts[0].decided_at
    assert back == moment and back.tzinfo == UTC


def test_a_naive_decided_at_is_refused_when_writing() -> None:
    v = _verdict("a:1", "a", 0)
    vs = VerdictSet("r", "c", verdicts=(Verdict(v.anchor, v.status, datetime(2024, 5, 1)),))
    with pytest.raises(ValueError, match="timezone-aware"):
        dumps(vs)


def test_merged_file_fields() -> None:
    vs = VerdictSet(
        reviewer="adjudicator",
        corpus="c",
        verdicts=(_verdict("a:1", "a", 0, reviewer="bob"),),
        disagreements=(
            Disagreement("a:1", "a", (("bob", Status.DISPUTED), ("al", Status.UNSOURCED))),
        ),
        reviewers=("bob", "al"),
    )
    data = tomllib.loads(dumps(vs))
    assert data["reviewers"] == ["al", "bob"]
    assert data["verdicts"][0]["reviewer"] == "bob"
    assert data["disagreements"] == [
        {"claim": "a:1", "article": "a", "statuses": {"al": "unsourced", "bob": "disputed"}}
    ]


# ---- validation --------------------------------------------------------------------------


def test_valid_fixture_loads(data_dir: Path) -> None:
    path = data_dir / "verdicts" / "valid.toml"
    vs = loads(path.read_text(encoding="utf-8"), path)
    assert vs.reviewer == "alice" and vs.corpus == "../seeds"
    (v,) = vs.verdicts
    assert (v.claim, v.status, v.note, v.evidence) == (
        "a:000000000001",
        Status.CORROBORATED,
        "Matches the city archive.",
        ("b:000000000002",),
    )
    assert v.decided_at == datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "line", "column", "message"),
    [
        (
            "newer_version.toml",
            1,
            1,
            "written by a newer crosscheck (version 2); this one reads version 1",
        ),
        ("damaged_status.toml", 14, 1, "[[verdicts]] #1: status: unknown status 'probably'"),
        ("invalid_toml.toml", 2, 18, "invalid TOML"),
        (
            "duplicate_claim.toml",
            19,
            1,
            "claim 'a:1' is listed twice among [[verdicts]] (first at line 5)",
        ),
    ],
)
def test_damaged_fixtures(data_dir: Path, name: str, line: int, column: int, message: str) -> None:
    path = data_dir / "verdicts" / name
    with pytest.raises(VerdictFileError) as info:
        loads(path.read_text(encoding="utf-8"), path)
    err = info.value
    assert (err.path, err.line, err.column) == (path, line, column)
    assert message in err.message
    assert str(err).startswith(f"{path}:{line}:{column}: ")


GOOD = dumps(VerdictSet("alice", "c", verdicts=(_verdict("a:1", "a", 0),)))


def _problems(text: str) -> list[tuple[int | None, int | None, str]]:
    vs, problems = read_verdict_text(text, Path("v.toml"))
    assert (vs is None) == bool(problems)
    return [(p.line, p.column, p.message) for p in problems]


def _edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def test_the_good_text_has_no_problems() -> None:
    assert _problems(GOOD) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _edit('status = "disputed"', 'status = "maybe"'),
            (
                14,
                1,
                "[[verdicts]] #1: status: unknown status 'maybe' (expected one of corroborated, disputed, unsourced, later)",  # noqa: E501
            ),
        ),
        (_edit('status = "disputed"\n', ""), (5, 1, "[[verdicts]] #1: missing key 'status'")),
        (
            _edit("start = 0", 'start = "0"'),
            (11, 1, "[[verdicts]] #1: start: expected a whole number, got a string"),
        ),
        (
            _edit("start = 0", "start = true"),
            (11, 1, "[[verdicts]] #1: start: expected a whole number, got true/false"),
        ),
        (_edit("start = 0", "start = 11"), (11, 1, "[[verdicts]] #1: start: 11 is after end (10)")),
        (
            _edit("evidence = []", 'evidence = ["x", 3]'),
            (
                15,
                1,
                "[[verdicts]] #1: evidence: expected an array of strings, it holds a whole number",
            ),
        ),
        (
            _edit("decided_at = 2024-05-01 12:00:00+00:00", "decided_at = 2024-05-01 12:00:00"),
            (
                16,
                1,
                "[[verdicts]] #1: decided_at: expected a date-time with a UTC offset, got a local one",  # noqa: E501
            ),
        ),
        (
            _edit("decided_at = 2024-05-01 12:00:00+00:00", "decided_at = 2024-05-01"),
            (
                16,
                1,
                "[[verdicts]] #1: decided_at: expected a date-time with a UTC offset, got a date",
            ),
        ),
        (
            _edit('status = "disputed"', 'status = "disputed"\nnotes = "typo"'),
            (
                15,
                1,
                "[[verdicts]] #1: notes: unknown key (known: claim, article, text, prefix, suffix, start, end, article_sha256, decided_text, status, note, sources, evidence, decided_at, reviewer)",  # noqa: E501
            ),
        ),
        (
            _edit('reviewer = "alice"', "reviewer = 7"),
            (2, 1, "reviewer: expected a string, got a whole number"),
        ),
        (_edit('corpus = "c"\n', ""), (None, None, "missing key 'corpus'")),
        (
            _edit("version = 1", "version = 0"),
            (1, 1, "unknown format version 0; this one reads version 1"),
        ),
        (
            _edit("version = 1", 'version = "1"'),
            (1, 1, "version: expected a whole number, got a string"),
        ),
        (
            _edit("version = 1\n", ""),
            (None, None, "missing key 'version' (this crosscheck reads 1)"),
        ),
        (
            _edit('corpus = "c"', 'corpus = "c"\ncolour = "blue"'),
            (
                4,
                1,
                "unknown key 'colour' (known: version, reviewer, corpus, reviewers, verdicts, links, corrections, disagreements, link_disagreements)",  # noqa: E501
            ),
        ),
        (
            'version = 1\nreviewer = "a"\ncorpus = "c"\nverdicts = 3\n',
            (4, 1, "verdicts: expected an array of tables like [[verdicts]], got a whole number"),
        ),
    ],
)
def test_each_problem_is_named_and_located(
    text: str, expected: tuple[int | None, int | None, str]
) -> None:
    problems = _problems(text)
    assert expected in problems, problems


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = _edit('status = "disputed"', 'status = "maybe"').replace("start = 0", 'start = "x"')
    assert [p[2] for p in _problems(text)] == [
        "[[verdicts]] #1: start: expected a whole number, got a string",
        "[[verdicts]] #1: status: unknown status 'maybe' (expected one of corroborated, disputed, unsourced, later)",  # noqa: E501
    ]


def test_corrections_and_disagreements_are_validated() -> None:
    vs = VerdictSet(
        "alice",
        "c",
        corrections=(
            Correction(_verdict("a:1", "a", 0).anchor, True, datetime(2024, 1, 1, tzinfo=UTC)),
        ),
        disagreements=(Disagreement("a:1", "a", (("al", Status.DISPUTED),)),),
    )
    text = dumps(vs).replace("is_claim = true", "is_claim = 1").replace('"disputed"', '"nope"')
    messages = [p[2] for p in _problems(text)]
    assert "[[corrections]] #1: is_claim: expected true or false, got a whole number" in messages
    assert any(
        m.startswith("[[disagreements]] #1: statuses: unknown status 'nope'") for m in messages
    )


def test_a_newer_version_is_the_only_problem_reported() -> None:
    assert _problems('version = 3\nreviewer = 1\nnew_thing = "x"\n') == [
        (1, 1, "written by a newer crosscheck (version 3); this one reads version 1")
    ]


def test_syntax_error_at_end_of_document() -> None:
    (problem,) = _problems('version = 1\nreviewer = "a"\ncorpus = [')
    assert problem[:2] == (3, 11) and problem[2].startswith("invalid TOML")


# ---- anchors and reviewer ----------------------------------------------------------------


def test_make_anchor_takes_context_either_side() -> None:
    body = "x" * 50 + "The claim." + "y" * 50
    article = Article("a", Path("a.txt"), "A", body, "s" * 64)
    claim = Unit("a:1", "a", "The claim.", 50, 60, Kind.CLAIM, 0)
    anchor = make_anchor(article, claim)
    assert anchor == Anchor(
        "a:1", "a", "The claim.", "x" * CONTEXT_CHARS, "y" * CONTEXT_CHARS, 50, 60, "s" * 64
    )
    short = make_anchor(
        Article("a", Path("a.txt"), "A", "Hi. The claim.", "s"),
        Unit("a:2", "a", "The claim.", 4, 14, Kind.CLAIM, 1),
    )
    assert (short.prefix, short.suffix) == ("Hi. ", "")


def test_default_reviewer() -> None:
    assert default_reviewer("  Ann  ", login=lambda: "ann01") == "Ann"
    assert default_reviewer("", login=lambda: "ann01") == "ann01"

    def no_login() -> str:
        raise OSError("no login name")

    assert default_reviewer("", login=no_login) == "reviewer"
    assert default_reviewer(" ", login=lambda: "") == "reviewer"
