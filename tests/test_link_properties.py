"""Property tests: links and splits survive re-anchoring after edits elsewhere in the
article, and round-trip through TOML byte for byte (before and after re-anchoring)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.pipeline import Analysis
from tui.claims.recut import cut_points
from tui.claims.units import extract_claims
from tui.corpus.articles import Article, Corpus
from tui.review.placement import place
from tui.verdicts.model import Correction, Link, Relation, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

WHEN = datetime(2026, 12, 6, 6, 1, 22, tzinfo=UTC)
# Words rare enough that two generated sentences never read alike to the fuzzy placement.
WORDS = [
    "harbour",
    "bridge",
    "council",
    "mayor",
    "tunnel",
    "ferry",
    "budget",
    "drone",
    "convoy",
    "border",
    "river",
    "pipeline",
    "airport",
    "station",
    "shelter",
    "clinic",
    "museum",
    "stadium",
    "factory",
    "railway",
    "granary",
    "embassy",
    "archive",
    "garrison",
    "refinery",
    "reservoir",
    "lighthouse",
    "observatory",
    "quarry",
    "vineyard",
    "orchard",
    "monastery",
]

sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=10, unique=True).map(
    lambda words: " ".join(words).capitalize() + "."
)


def article(article_id: str, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article(article_id, Path(f"{article_id}.txt"), article_id, text, sha)


def analysis_of(*articles: Article) -> Analysis:
    claims = tuple(c for a in articles for c in extract_claims(a))
    return Analysis(Corpus(Path("."), tuple(articles)), claims, (), ())


@st.composite
def scenes(draw: st.DrawFn) -> tuple[list[str], list[str], int, int, int, int, str, int]:
    """Two articles; in A the linked sentence and the split one; an edit elsewhere in A."""
    a = draw(st.lists(sentence, min_size=3, max_size=6, unique=True))
    b = draw(st.lists(sentence.filter(lambda s: s not in a), min_size=2, max_size=4, unique=True))
    linked = draw(st.integers(0, len(a) - 1))
    # a session removes the links of the unit it splits: a link and a split on one
    # sentence do not meet in a file the app wrote
    cut = draw(st.integers(0, len(a) - 1).filter(lambda i: i != linked))
    other = draw(st.integers(0, len(b) - 1))
    where = draw(st.integers(0, len(a)))
    extra = draw(sentence.filter(lambda s: s not in a and s not in b))
    point = draw(st.integers(0, 1000))
    return a, b, linked, cut, other, where, extra, point


def edited(sentences: list[str], keep: set[int], where: int, extra: str) -> list[str]:
    """A new sentence inserted at `where`, and one sentence that is neither kept changed
    (its first word dropped) when there is one: edits elsewhere in the article."""
    out = list(sentences)
    free = [i for i in range(len(out)) if i not in keep]
    if free:
        i = free[0]
        out[i] = " ".join(out[i].split()[1:]).capitalize()
    out.insert(where, extra)
    return out


@settings(max_examples=60, deadline=None)
@given(scenes())
def test_links_and_splits_survive_edits_elsewhere_and_round_trip(
    scene: tuple[list[str], list[str], int, int, int, int, str, int],
) -> None:
    a_sentences, b_sentences, linked, cut, other, where, extra, point = scene
    old_a, b = article("a", a_sentences), article("b", b_sentences)
    before = analysis_of(old_a, b)
    unit_a, unit_b = before.claims_of("a")[linked], before.claims_of("b")[other]
    to_cut = before.claims_of("a")[cut]
    points = cut_points(to_cut.text)
    at = points[point % len(points)]
    link = Link.of(
        make_anchor(old_a, unit_a), make_anchor(b, unit_b), Relation.SAME, WHEN, "al", "n"
    )
    split = Correction(make_anchor(old_a, to_cut), True, WHEN, split_at=at)
    vs = VerdictSet("al", ".", links=(link,), corrections=(split,))
    text = dumps(vs)
    assert dumps(loads(text, Path("v.toml"))) == text  # byte for byte

    new_a = article("a", edited(a_sentences, {linked, cut}, where, extra))
    placed = place(loads(text, Path("v.toml")), analysis_of(new_a, b))
    assert placed.orphan_links == () and placed.orphan_corrections == ()
    (moved,) = placed.links
    assert {moved.a.text, moved.b.text} == {unit_a.text, unit_b.text}
    halves = [u.text for u in placed.analysis.claims_of("a")]
    head, tail = to_cut.text[:at].strip(), to_cut.text[at:].strip()
    assert head in halves and tail in halves
    assert placed.analysis.relation(moved.a.claim, moved.b.claim) is Relation.SAME
    # what would be saved after the placement reads back as it was, byte for byte
    saved = dumps(placed.verdict_set)
    assert dumps(loads(saved, Path("v.toml"))) == saved
    # and placing it again changes nothing
    again = place(loads(saved, Path("v.toml")), analysis_of(new_a, b))
    assert dumps(again.verdict_set) == saved
