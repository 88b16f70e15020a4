"""How contested a claim is (tui/review/contest.py): the inspector's count line, counted as
the suggested verdict counts, and the `contested` filter's order, walked by every move of
the session (next, previous, first, last, next untriaged, an article's first claim,
search, the claims shown), on stories written here and on generated ones."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.pipeline import Analysis
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import Conflict, Match, Tier
from tui.review.contest import MatchTally, tally
from tui.review.session import Filter, Session
from tui.review.sources import sources_of
from tui.review.suggestions import suggest
from tui.verdicts.model import Relation, Status, VerdictSet

WHEN = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
FIGURES = (Conflict("number", "people (killed)", "12", "15"),)

# An article: its outlet (None: unknown) and its claims' texts.
Story = Mapping[str, tuple[str | None, Sequence[str]]]
# A pair: the two claims (article id, index), the tier, whether their figures disagree.
Pair = tuple[tuple[str, int], tuple[str, int], str, bool]


def build(story: Story, pairs: Sequence[Pair]) -> Analysis:
    """Articles with one claim per sentence (ids "article:index"), paired as `pairs` say."""
    articles, units = [], []
    for aid, (outlet, sentences) in story.items():
        text = " ".join(sentences)
        articles.append(Article(aid, Path(f"{aid}.txt"), f"Title {aid}", text, aid, outlet=outlet))
        at = 0
        for i, sentence in enumerate(sentences):
            start = text.index(sentence, at)
            at = start + len(sentence)
            units.append(Unit(f"{aid}:{i}", aid, sentence, start, at, Kind.CLAIM, i))
    matches = []
    for (a, i), (b, j), tier, conflict in pairs:
        x, y = sorted((f"{a}:{i}", f"{b}:{j}"))
        score = 90.0 if tier == "match" else 60.0
        conflicts = FIGURES if conflict and tier == "match" else ()
        matches.append(Match(x, y, score, Tier(tier), conflicts))
    return Analysis(Corpus(Path("."), tuple(articles)), tuple(units), tuple(matches), ())


def session_of(analysis: Analysis) -> Session:
    return Session(analysis, VerdictSet("tester", "."), clock=lambda: WHEN)


def count(analysis: Analysis, claim: str) -> str:
    return tally(analysis, claim, sources_of(analysis, MatchSettings())).phrase()


# ---- the count line ------------------------------------------------------------------------

ONE = ("x", 0)


def lone(**outlets: str | None) -> Story:
    """Claim "x:0" under test, and one claim in each other article."""
    return {aid: (outlet, [f"Claim of {aid} here."]) for aid, outlet in outlets.items()}


def test_three_matches_in_two_outlets_and_five_suggestions() -> None:
    story = lone(x="Herald", p="Reuters", q="Reuters", r="AP", s1="Post", s2="Post", s3="Sun")
    story = {**story, "s4": ("Star", ["One here.", "Two here."])}
    pairs: list[Pair] = [(ONE, (a, 0), "match", False) for a in ("p", "q", "r")]
    pairs += [(ONE, (a, 0), "suggestion", False) for a in ("s1", "s2", "s3")]
    pairs += [(ONE, ("s4", 0), "suggestion", False), (ONE, ("s4", 1), "suggestion", False)]
    a = build(story, pairs)
    assert count(a, "x:0") == "3 matches in 2 outlets, 5 suggestions"
    # the same counts as the suggestion's reason
    assert suggest(a, "x:0", sources_of(a, MatchSettings())).reason == (
        "matched in 2 outlets (3 articles)"
    )


def test_singular_and_no_match() -> None:
    a = build(lone(x="Herald", p="AP", s="Sun"), [(ONE, ("p", 0), "match", False)])
    assert count(a, "x:0") == "1 match in 1 outlet"
    a = build(lone(x="Herald", s="Sun"), [(ONE, ("s", 0), "suggestion", False)])
    assert count(a, "x:0") == "no match, 1 suggestion"
    assert count(build(lone(x="Herald"), []), "x:0") == "no match"


def test_the_claims_own_outlet_is_counted_apart() -> None:
    a = build(lone(x="Herald", p="herald ", q="AP"), [(ONE, ("p", 0), "match", False)])
    assert count(a, "x:0") == "1 match from the same outlet only"
    a = build(
        lone(x="Herald", p="herald", q="AP"),
        [(ONE, ("p", 0), "match", False), (ONE, ("q", 0), "match", False)],
    )
    assert count(a, "x:0") == "1 match in 1 outlet, 1 more from the same outlet"


def test_unknown_outlets_are_named_as_the_suggestion_names_them() -> None:
    a = build(
        lone(x="Herald", p=None, q=None, r="AP"),
        [(ONE, (o, 0), "match", False) for o in ("p", "q", "r")],
    )
    assert count(a, "x:0") == "3 matches in 3 sources (2 of unknown outlet)"
    a = build(lone(x=None, p=None), [(ONE, ("p", 0), "match", False)])
    assert count(a, "x:0") == "1 match in 1 source of unknown outlet"
    assert MatchTally(2, 2, 2, 0, False, 0).phrase() == (
        "2 matches in 2 sources (all of unknown outlet)"
    )


def test_wire_copies_are_named() -> None:
    assert (
        MatchTally(0, 0, 0, 2, True, 1).phrase() == "2 matches from wire copies only, 1 suggestion"
    )


def test_a_rejected_pair_is_counted_as_such() -> None:
    a = build(
        lone(x="Herald", p="AP", q="Sun"),
        [(ONE, ("p", 0), "match", False), (ONE, ("q", 0), "match", False)],
    )
    s = session_of(a)
    s.link("x:0", "q:0", Relation.DIFFERENT)
    assert tally(s.analysis, "x:0", s.sources).phrase() == "1 match in 1 outlet, 1 rejected"


# ---- the contested order on a story --------------------------------------------------------

STORY: Story = {
    "a": ("Herald", ["Twelve died in the fire.", "The mayor spoke.", "Roads closed."]),
    "b": ("AP", ["Fifteen died in the fire.", "The mayor spoke at noon.", "Roads shut."]),
    "c": ("Sun", ["The mayor gave a speech.", "Roads were closed.", "Rain fell."]),
}
PAIRS: list[Pair] = [
    (("a", 0), ("b", 0), "match", True),  # figures disagree
    (("a", 1), ("b", 1), "match", False),
    (("a", 1), ("c", 0), "match", False),  # a:1 in 3 outlets
    (("b", 1), ("c", 0), "match", False),
    (("a", 2), ("c", 1), "match", False),  # a:2 and c:1 in one other outlet: not contested
    (("c", 2), ("b", 2), "suggestion", False),
]


def test_contested_claims_come_disputed_first_then_by_outlets_then_in_reading_order() -> None:
    s = session_of(build(STORY, PAIRS))
    s.set_filter(Filter.CONTESTED)
    assert s.visible() == ["a:0", "b:0", "a:1", "b:1", "c:0"]
    assert s.cursor == "a:0"  # the cursor did not pass: the most contested
    walked = [s.cursor]
    while (after := s.following(1)) is not None:
        s.move_to(after)
        walked.append(after)
    assert walked == s.visible() and s.last() == "c:0"
    assert s.following(1, wrap=True) == "a:0"
    back = [s.cursor]
    while (before := s.following(-1)) is not None:
        s.move_to(before)
        back.append(before)
    assert back == walked[::-1]


def test_untriaged_search_and_article_start_follow_the_contested_order() -> None:
    s = session_of(build(STORY, PAIRS))
    s.set_filter(Filter.CONTESTED)
    s.mark(Status.DISPUTED)  # a:0
    s.move_to("b:0")
    s.mark(Status.DISPUTED)
    s.move_to("a:0")
    assert s.following(1, untriaged=True, wrap=True) == "a:1"
    assert s.article_start("b") == "b:0" and s.article_start("c") == "c:0"
    s.move_to("b:0")
    assert s.search("mayor") == "a:1"  # after b:0 in this order, not the one in b
    assert s.search("mayor", after="a:1") == "b:1"
    assert s.search("mayor", after="c:0") == "a:1"  # wraps round
    assert s.search("fire", after="b:0", step=-1) == "a:0"
    assert s.search("rain") is None  # c:2 is not contested


def test_a_cursor_outside_the_order_goes_on_from_where_it_would_stand() -> None:
    s = session_of(build(STORY, PAIRS))
    s.set_filter(Filter.CONTESTED)
    s.move_to("c:2")  # clicked in a pane: not contested, so it ranks after every one
    assert s.following(1) is None and s.following(-1) == "c:0"
    assert s.following(1, wrap=True) == "a:0"


def test_a_contradicting_link_moves_a_claim_up() -> None:
    s = session_of(build(STORY, PAIRS))
    s.set_filter(Filter.CONTESTED)
    s.link("c:1", "a:2", Relation.CONTRADICTS)
    assert s.visible()[:4] == ["a:0", "a:2", "b:0", "c:1"]  # disputed now, in reading order
    assert s.article_start("c") == "c:1"  # before c:0, which two outlets match
    s.undo()
    assert s.visible() == ["a:0", "b:0", "a:1", "b:1", "c:0"]


def test_a_unit_set_aside_leaves_the_order() -> None:
    s = session_of(build(STORY, PAIRS))
    s.set_filter(Filter.CONTESTED)
    s.move_to("a:1")
    s.toggle_claim()
    assert "a:1" not in s.visible() and s.following(1) == "b:1"


# ---- generated stories ---------------------------------------------------------------------

OUTLETS = st.sampled_from(["Herald", "AP", "Sun", "herald", None])


@st.composite
def stories(draw: st.DrawFn) -> tuple[Story, list[Pair]]:
    n = draw(st.integers(2, 5))
    story: dict[str, tuple[str | None, Sequence[str]]] = {}
    for k in range(n):
        size = draw(st.integers(1, 4))
        story[f"n{k}"] = (draw(OUTLETS), [f"Claim {i} of story {k}." for i in range(size)])
    claims = [(aid, i) for aid, (_, texts) in story.items() for i in range(len(texts))]
    candidates = [(x, y) for x in claims for y in claims if x < y and x[0] != y[0]]
    chosen = draw(st.lists(st.sampled_from(candidates), unique=True, max_size=12))
    pairs = [
        (x, y, draw(st.sampled_from(["match", "suggestion"])), draw(st.booleans()))
        for x, y in chosen
    ]
    return story, pairs


@settings(max_examples=60, deadline=None)
@given(stories())
def test_the_contested_order_is_a_sorted_permutation_of_the_contested_claims(
    generated: tuple[Story, list[Pair]],
) -> None:
    story, pairs = generated
    s = session_of(build(story, pairs))
    sources = s.sources
    s.set_filter(Filter.CONTESTED)
    shown = s.visible()
    passing = [c.id for c in s.claims() if s.passes(c.id)]
    assert sorted(shown) == sorted(passing) and len(set(shown)) == len(shown)
    for cid in (c.id for c in s.claims()):
        r = suggest(s.analysis, cid, sources)
        t = tally(s.analysis, cid, sources)
        disputed = r.status is Status.DISPUTED
        assert (cid in shown) == (disputed or t.sources >= 2)
        if r.status is Status.CORROBORATED:  # the count line counts what the reason counts
            said = re.search(r"matched in (\d+)", r.reason)
            assert said is not None and int(said.group(1)) == t.sources
            assert t.matches == len(r.evidence)
    flags = [suggest(s.analysis, c, sources).status is Status.DISPUTED for c in shown]
    assert flags == sorted(flags, reverse=True)  # disputed before the rest
    calm = [
        tally(s.analysis, c, sources).sources for c, f in zip(shown, flags, strict=True) if not f
    ]
    assert calm == sorted(calm, reverse=True)  # more outlets first
    # walking: every move reads the same order
    if shown:
        assert s.first() == shown[0] and s.last() == shown[-1]
        s.move_to(shown[0])
        walked = [shown[0]]
        while (after := s.following(1)) is not None:
            s.move_to(after)
            walked.append(after)
        assert walked == shown
        for aid in story:
            mine = [c for c in shown if c.startswith(f"{aid}:")]
            assert s.article_start(aid) == (mine[0] if mine else None)
        story_word = re.compile(r"story (\d+)")
        first = story_word.search(s.analysis.claim(shown[0]).text)
        assert first is not None
        s.move_to(shown[-1])
        assert s.search(first.group(0), after=shown[-1]) == shown[0]  # wraps to the top
