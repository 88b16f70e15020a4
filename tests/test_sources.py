"""Outlets, wire copies and independent sources (tui.review.sources)."""

from __future__ import annotations

from pathlib import Path

from tests.fixture_types import WriteCorpus
from tui.analysis.pipeline import analyse
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article
from tui.corpus.outlets import distinct_outlets, outlet_of
from tui.matching.matcher import Match, Tier
from tui.review.sources import (
    Sources,
    WireGroup,
    build_sources,
    independent_sources,
    outlets_phrase,
    sources_of,
    wire_groups,
)

SETTINGS = MatchSettings(wire_score=92.0, wire_share=0.6)


def article(article_id: str, outlet: str | None = None) -> Article:
    return Article(article_id, Path(f"{article_id}.txt"), article_id, "", "0" * 64, outlet=outlet)


def claims_for(article_id: str, n: int, kind: Kind = Kind.CLAIM) -> list[Unit]:
    return [Unit(f"{article_id}:{i}", article_id, f"s{i}", 0, 2, kind, i) for i in range(n)]


def match(a: str, b: str, score: float) -> Match:
    x, y = sorted((a, b))
    return Match(x, y, score, Tier.MATCH)


class TestOutlets:
    def test_outlet_of(self) -> None:
        assert outlet_of(article("a", "  The   Ledger ")) == "The Ledger"
        assert outlet_of(article("a", None)) == "unknown"
        assert outlet_of(article("a", "   ")) == "unknown"

    def test_distinct_outlets_ignore_case_and_unknowns(self) -> None:
        arts = [article("a", "Ledger"), article("b", "ledger"), article("c"), article("d", "Ant")]
        assert distinct_outlets(arts) == ("Ant", "Ledger")

    def test_outlets_phrase(self) -> None:
        assert [outlets_phrase(n) for n in (0, 1, 3)] == ["0 outlets", "1 outlet", "3 outlets"]


class TestIndependentSources:
    def sources(self, arts: list[Article], matches: list[Match] | None = None) -> Sources:
        claims = [c for a in arts for c in claims_for(a.id, 5)]
        return build_sources(arts, claims, matches or [], SETTINGS)

    def test_distinct_outlets_count_separately(self) -> None:
        s = self.sources([article("a", "Ledger"), article("b", "Gazette"), article("c", "Times")])
        assert independent_sources(["a:0", "b:0", "c:0"], s) == 3

    def test_two_articles_from_one_outlet_are_one_source(self) -> None:
        s = self.sources([article("a", "Ledger"), article("b", "LEDGER "), article("c", "Times")])
        assert independent_sources(["a:0", "b:0"], s) == 1
        assert independent_sources(["a:0", "b:0", "c:1"], s) == 2

    def test_unknown_outlets_count_as_distinct(self) -> None:
        s = self.sources([article("a"), article("b"), article("c", "Times")])
        assert independent_sources(["a:0", "b:0", "c:0"], s) == 3

    def test_claims_of_one_article_are_one_source(self) -> None:
        s = self.sources([article("a"), article("b")])
        assert independent_sources(["a:0", "a:1", "a:2"], s) == 1
        assert independent_sources([], s) == 0

    def test_unknown_claim_ids_are_ignored(self) -> None:
        s = self.sources([article("a", "Ledger")])
        assert independent_sources(["a:0", "zz:9"], s) == 1

    def test_wire_copies_count_once(self) -> None:
        arts = [article("002", "Ledger"), article("005", "Gazette"), article("007", "Times")]
        wire = [match(f"002:{i}", f"005:{i}", 97.0) for i in range(4)]
        s = self.sources(arts, wire)
        assert s.wire == (WireGroup(("002", "005")),)
        assert independent_sources(["002:0", "005:0"], s) == 1
        assert independent_sources(["002:0", "005:0", "007:0"], s) == 2
        assert s.outlets(["002:0", "005:0"]) == ("Gazette", "Ledger")

    def test_source_of_is_shared_by_one_outlet_and_by_wire_copies(self) -> None:
        arts = [article("a", "Ledger"), article("b", "Ledger"), article("c", "Times")]
        arts += [article("d"), article("e")]
        s = self.sources(arts, [match(f"c:{i}", f"d:{i}", 99.0) for i in range(5)])
        assert s.source_of("a") == s.source_of("b")
        assert s.source_of("c") == s.source_of("d")
        assert len({s.source_of(x) for x in "abcde"}) == 3
        assert s.source_of("not-loaded") == "not-loaded"

    def test_wire_notes(self) -> None:
        arts = [article("002", "Ledger"), article("005", "Gazette")]
        s = self.sources(arts, [match(f"002:{i}", f"005:{i}", 99.0) for i in range(5)])
        assert s.wire_notes() == ("002 and 005 are wire copies of one story",)
        assert s.wire_group_of("005") == WireGroup(("002", "005"))
        assert s.wire_group_of("nope") is None


class TestWireGroups:
    def test_share_of_the_smaller_article_decides(self) -> None:
        claims = claims_for("big", 20) + claims_for("small", 5)
        # 3 of small's 5 claims (60%) match big at a wire score; only 15% of big's.
        matches = [match(f"small:{i}", f"big:{i}", 95.0) for i in range(3)]
        assert wire_groups(claims, matches, SETTINGS) == (WireGroup(("big", "small")),)
        assert wire_groups(claims, matches[:2], SETTINGS) == ()

    def test_matches_below_the_wire_score_do_not_count(self) -> None:
        claims = claims_for("a", 4) + claims_for("b", 4)
        matches = [match(f"a:{i}", f"b:{i}", 91.9) for i in range(4)]
        assert wire_groups(claims, matches, SETTINGS) == ()
        assert wire_groups(claims, matches, MatchSettings(wire_score=90.0)) != ()

    def test_one_claim_matching_many_counts_once(self) -> None:
        claims = claims_for("a", 4) + claims_for("b", 4)
        # a:0 matches every claim of b: only one of a's four claims is copied.
        matches = [match("a:0", f"b:{i}", 99.0) for i in range(4)]
        assert wire_groups(claims, matches, SETTINGS) == ()

    def test_equal_sizes_need_the_share_both_ways(self) -> None:
        claims = claims_for("a", 5) + claims_for("b", 5)
        matches = [match(f"a:{i}", "b:0", 99.0) for i in range(5)]
        assert wire_groups(claims, matches, SETTINGS) == ()

    def test_non_claims_are_not_counted(self) -> None:
        # b has 3 claims and 7 boilerplate units; 2 of its 3 claims copy a (4 claims).
        # Counting units, a would be the smaller article and only 2/4 of it copied.
        boilerplate = [c for c in claims_for("b", 10, Kind.BOILERPLATE) if c.index >= 3]
        claims = claims_for("a", 4) + claims_for("b", 3) + boilerplate
        matches = [match(f"a:{i}", f"b:{i}", 99.0) for i in range(2)]
        assert wire_groups(claims, matches, SETTINGS) == (WireGroup(("a", "b")),)

    def test_wire_copying_is_transitive(self) -> None:
        claims = claims_for("a", 3) + claims_for("b", 3) + claims_for("c", 3) + claims_for("d", 3)
        matches = [match(f"a:{i}", f"b:{i}", 99.0) for i in range(3)]
        matches += [match(f"b:{i}", f"c:{i}", 99.0) for i in range(3)]
        assert wire_groups(claims, matches, SETTINGS) == (WireGroup(("a", "b", "c")),)
        assert WireGroup(("a", "b", "c")).explain() == "a, b and c are wire copies of one story"

    def test_no_matches_no_groups(self) -> None:
        assert wire_groups(claims_for("a", 3), [], SETTINGS) == ()


def test_wire_copies_found_by_the_real_pipeline(write_corpus: WriteCorpus) -> None:
    story = (
        "The harbour bridge reopened to traffic on Tuesday after eleven weeks of repairs.\n"
        "Engineers replaced 240 steel cables and resurfaced the whole deck last month.\n"
        "The work cost 18 million euros according to the city transport office.\n"
    )
    root = write_corpus(
        {
            "002.md": f'+++\noutlet = "Ledger"\n+++\n{story}',
            "005.md": f"---\noutlet: Gazette\n---\n{story}Cyclists get a lane from April.\n",
            "007.md": '+++\noutlet = "Times"\n+++\n'
            "The harbour bridge opened again on Tuesday, officials said, after long repairs.\n"
            "Farmers in the valley expect a good apple harvest this autumn.\n",
        }
    )
    analysis = analyse([root], SETTINGS)
    sources = sources_of(analysis, SETTINGS)
    assert sources.wire_notes() == ("002 and 005 are wire copies of one story",)
    every = [c.id for c in analysis.claims]
    assert independent_sources(every, sources) == 2
    assert sources.outlets(every) == ("Gazette", "Ledger", "Times")
