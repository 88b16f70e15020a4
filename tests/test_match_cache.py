"""The disk cache of claims and matches (issue 6, item 3), pointed at temporary folders.

What it must do: an unchanged corpus is neither segmented nor matched again; an added
article costs only the pairs with one of its claims, with the result of a cold run; a
damaged, stale or inconsistent entry is ignored and rebuilt; other settings or another
code version miss; `--no-cache` neither reads nor writes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.synthetic import as_claims, generate
from tests.cache_support import Counter, entries, spy, write_articles
from tests.fixture_types import WriteCorpus
from tui.analysis import cache as match_cache
from tui.analysis import code_version
from tui.analysis.cache import MatchCache
from tui.analysis.pipeline import Analysis, analyse, to_json_document
from tui.config import MatchSettings
from tui.matching import matcher as matching
from tui.matching import scoring

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SETTINGS = MatchSettings()


def same(a: Analysis, b: Analysis) -> None:
    assert a.claims == b.claims
    assert a.matches == b.matches
    assert a.clusters == b.clusters


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_articles(folder, 400, seed=3)  # 10 articles, 400 claims: the all-pairs path
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> MatchCache:
    return MatchCache(tmp_path / "cache")


def test_an_unchanged_corpus_is_neither_segmented_nor_matched_again(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = analyse([corpus], SETTINGS)
    assert len(plain.matches) > 50, "the corpus must exercise the matcher"
    segment, match = spy(monkeypatch)
    cold = analyse([corpus], SETTINGS, cache=cache)
    assert (segment.calls, match.calls) == (10, 1)
    assert cache.report.matches == "miss"
    same(cold, plain)

    warm = analyse([corpus], SETTINGS, cache=MatchCache(cache.root))
    assert (segment.calls, match.calls) == (10, 1), "a hit must not segment or match"
    same(warm, plain)


CONFLICTING = {
    "one.txt": "Officials said 50,000 troops crossed the northern border near Kharkiv on"
    " March 3, 2024.\n\nThe ministry reported that 120 homes were destroyed by the flooding.\n",
    "two.txt": "About 40,000 troops crossed the northern border near Kharkiv on March 4, 2024,"
    " officials said.\n\nAccording to the ministry, 120 homes were destroyed by the flooding.\n",
}


def test_real_articles_round_trip_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_corpus: WriteCorpus
) -> None:
    """Figures, dates, attribution, kinds and conflicts survive the cache."""
    paths = [SEEDS, write_corpus(CONFLICTING)]
    plain = analyse(paths, SETTINGS)
    assert any(c.numbers for c in plain.claims) and any(c.dates for c in plain.claims)
    assert any(c.attribution for c in plain.claims)
    assert any(m.conflicts for m in plain.matches)
    assert len({c.kind for c in plain.claims}) > 1
    analyse(paths, SETTINGS, cache=MatchCache(tmp_path / "cache"))
    segment, match = spy(monkeypatch)
    warm = analyse(paths, SETTINGS, cache=MatchCache(tmp_path / "cache"))
    assert (segment.calls, match.calls) == (0, 0)
    same(warm, plain)
    # The JSON document (types included: 3 stays 3, not 3.0) is the same too.
    assert json.dumps(to_json_document(warm)) == json.dumps(to_json_document(plain))


def scored_pairs(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter, Counter]:
    pairs = Counter(scoring.score_pairs)
    matrix = Counter(scoring.score_matrix)
    monkeypatch.setattr(matching, "score_pairs", pairs)
    monkeypatch.setattr(matching, "score_matrix", matrix)
    return pairs, matrix


def n_pairs(counter: Counter) -> int:
    return sum(len(args[1]) for args, _ in counter.args)


def test_an_added_article_scores_only_its_own_pairs(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([corpus], SETTINGS, cache=cache)
    new = write_articles(corpus, 40, seed=99, prefix="z", most=1)[0]  # sorted last
    pairs, matrix = scored_pairs(monkeypatch)
    segment, _ = spy(monkeypatch)
    again = MatchCache(cache.root)
    warm = analyse([corpus], SETTINGS, cache=again)
    assert segment.calls == 1, "only the new article is segmented"
    assert again.report.matches == "partial"
    assert matrix.calls == 0
    units = [c for c in warm.claims if c.is_claim]
    fresh = sum(1 for c in units if c.article == warm.articles[-1].id)
    assert warm.articles[-1].path == new and fresh > 0
    # The all-pairs path: every pair of a new claim with an old one, and nothing else.
    assert n_pairs(pairs) == fresh * (len(units) - fresh)
    monkeypatch.undo()
    same(warm, analyse([corpus], SETTINGS))


def test_incremental_on_the_blocked_path_scores_the_cold_candidates_with_a_new_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", 10)  # the index, on a small corpus
    folder = tmp_path / "corpus"
    write_articles(folder, 400, seed=5)
    cache = MatchCache(tmp_path / "cache")
    analyse([folder], SETTINGS, cache=cache)
    # Another outlet retelling an existing article, reworded: it shares claims with the
    # corpus, so the index has candidates for its claims.
    retold = (folder / "a003.txt").read_text(encoding="utf-8").replace(" the ", " a ")
    (folder / "z000.txt").write_text("Officials said so. " + retold, encoding="utf-8")
    pairs, matrix = scored_pairs(monkeypatch)
    cold = analyse([folder], SETTINGS)  # no cache: every candidate pair
    cold_pairs = {
        (i, j)
        for args, _ in pairs.args
        for i, j in zip(args[1].tolist(), args[2].tolist(), strict=True)
    }
    pairs.args.clear()
    warm = analyse([folder], SETTINGS, cache=MatchCache(cache.root))
    warm_pairs = {
        (i, j)
        for args, _ in pairs.args
        for i, j in zip(args[1].tolist(), args[2].tolist(), strict=True)
    }
    n_old = sum(1 for c in warm.claims if c.is_claim and not c.article.startswith("z"))
    assert matrix.calls == 0
    assert warm_pairs == {(i, j) for i, j in cold_pairs if i >= n_old or j >= n_old}
    assert 0 < len(warm_pairs) < len(cold_pairs)
    same(warm, cold)


def test_removed_and_edited_articles_reuse_the_rest(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([corpus], SETTINGS, cache=cache)
    files = sorted(corpus.glob("*.txt"))
    files[0].unlink()
    edited = files[1].read_text(encoding="utf-8").replace(". ", ". Officials said so. ", 3)
    files[1].write_text(edited, encoding="utf-8")
    segment, match = spy(monkeypatch)
    again = MatchCache(cache.root)
    warm = analyse([corpus], SETTINGS, cache=again)
    assert segment.calls == 1
    assert again.report.matches == "partial"
    [(_, scored)] = match.args  # one matching run, for the claims of the edited article
    assert 0 < len(scored["fresh"]) < len(warm.claims) / 5
    monkeypatch.undo()
    same(warm, analyse([corpus], SETTINGS))


def test_matching_with_fresh_and_known_equals_a_full_run(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = as_claims(generate(600, seed=11))
    new = {c.id for c in claims if c.article == claims[-1].article}
    for limit in (10**9, 0):  # all pairs, then the index
        monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", limit)
        full = matching.match_claims(claims, SETTINGS)
        old = matching.match_claims([c for c in claims if c.id not in new], SETTINGS)
        assert any(m.a in new or m.b in new for m in full.matches)
        # A stale known match with a fresh claim is dropped, not kept.
        stale = replace(full.matches[0], a=sorted(new)[0])
        again = matching.match_claims(claims, SETTINGS, fresh=new, known=(*old.matches, stale))
        assert again == full
        # Nothing fresh: nothing scored, the known matches clustered.
        pairs = Counter(scoring.score_pairs)
        monkeypatch.setattr(matching, "score_pairs", pairs)
        same_claims = matching.match_claims(claims, SETTINGS, fresh=(), known=full.matches)
        assert same_claims == full and pairs.calls == 0
        monkeypatch.setattr(matching, "score_pairs", pairs.fn)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-10],  # truncated
        lambda b: b[:-5] + bytes([b[-5] ^ 1]) + b[-4:],  # one bit flipped in the body
        lambda b: b"not a header\n" + b,
        lambda b: b"",
    ],
    ids=["truncated", "bit-flip", "bad-header", "empty"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    corpus: Path,
    cache: MatchCache,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[bytes], bytes],
) -> None:
    cold = analyse([corpus], SETTINGS, cache=cache)
    (match_entry,) = entries(cache.root, "matches")
    claims_entry = entries(cache.root, "claims")[4]
    for path in (match_entry, claims_entry):
        path.write_bytes(damage(path.read_bytes()))
    segment, match = spy(monkeypatch)
    again = MatchCache(cache.root)
    warm = analyse([corpus], SETTINGS, cache=again)
    assert (segment.calls, match.calls) == (1, 1)
    same(warm, cold)
    # Rebuilt: the next run is a clean hit.
    analyse([corpus], SETTINGS, cache=MatchCache(cache.root))
    assert (segment.calls, match.calls) == (1, 1)


def rewrite_body(cache: MatchCache, path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change an entry's body and give it a valid checksum: consistent-looking, but wrong."""
    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    body = json.loads(path.read_bytes().split(b"\n", 1)[1])
    edit(body)
    extra = {k: v for k, v in header.items() if k == "articles"}
    cache._write(path, header["kind"], header["key"], body, extra)


def test_an_entry_that_does_not_fit_the_articles_is_not_trusted(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = analyse([corpus], SETTINGS, cache=cache)
    (match_entry,) = entries(cache.root, "matches")
    claims_entry = entries(cache.root, "claims")[0]

    def foreign_claim(body: dict[str, Any]) -> None:
        body["claims"][0] = body["claims"][0] + "x"

    def offsets_out_of_range(body: dict[str, Any]) -> None:
        body["units"][0][2] = 10**9

    rewrite_body(cache, match_entry, foreign_claim)
    rewrite_body(cache, claims_entry, offsets_out_of_range)
    segment, match = spy(monkeypatch)
    again = MatchCache(cache.root)
    warm = analyse([corpus], SETTINGS, cache=again)
    assert (segment.calls, match.calls) == (1, 1)
    assert len(again.report.ignored) == 2
    same(warm, cold)


def test_other_settings_or_another_version_miss(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([corpus], SETTINGS, cache=MatchCache(cache.root, version="1"))
    segment, match = spy(monkeypatch)
    stricter = replace(SETTINGS, suggestion_margin=15.0)
    other = MatchCache(cache.root, version="1")
    result = analyse([corpus], stricter, cache=other)
    assert segment.calls == 0, "claims do not depend on the match settings"
    assert match.calls == 1 and set(match.args[-1][1]) <= {"token_sets", "scope"}, (
        "a full run, nothing reused"
    )
    assert other.report.matches == "miss"
    monkeypatch.undo()
    same(result, analyse([corpus], stricter))

    segment, match = spy(monkeypatch)
    newer = MatchCache(cache.root, version="2")
    analyse([corpus], SETTINGS, cache=newer)
    assert (segment.calls, match.calls) == (10, 1)
    assert newer.report.matches == "miss"
    assert len(newer.report.ignored) == 10  # the old claims entries, stale


def test_the_code_version_names_the_version_and_the_source() -> None:
    import tui.claims.units
    import tui.matching.matcher

    version = code_version.code_version()
    assert version.startswith(f"{tui.__version__}+") and len(version.split("+")[-1]) == 16
    # The modules that decide claims and matches are found through their imports.
    assert "tui.claims.segmentation" in code_version._imported(
        Path(tui.claims.units.__file__).read_text()
    )
    assert "tui.matching.blocking" in code_version._imported(
        Path(tui.matching.matcher.__file__).read_text()
    )


def test_a_library_upgrade_gives_a_new_code_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lemmas, page extraction and the scorer come from libraries: a new version of one may
    change claims or matches, so cached results must not be read."""
    from importlib import metadata

    real = metadata.version
    code_version.code_version.cache_clear()
    before = code_version.code_version()
    for name in ("simplemma", "trafilatura", "rapidfuzz"):
        monkeypatch.setattr(metadata, "version", lambda d, n=name: "99" if d == n else real(d))
        code_version.code_version.cache_clear()
        assert code_version.code_version() != before, name
    monkeypatch.setattr(metadata, "version", real)
    code_version.code_version.cache_clear()
    assert code_version.code_version() == before


def test_old_corpora_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_cache, "KEEP_CORPORA", 2)
    cache = MatchCache(tmp_path / "cache")
    for seed in range(3):
        folder = tmp_path / f"c{seed}"
        write_articles(folder, 80, seed=seed)
        analyse([folder], SETTINGS, cache=cache)
    assert len(entries(cache.root, "matches")) == 2
    assert not list(cache.root.rglob("*.tmp")), "no temporary files are left behind"


def test_scores_are_symmetric_in_the_cached_pairs(corpus: Path, cache: MatchCache) -> None:
    """Reuse rests on a pair's score depending on its two claims alone, in either order."""
    claims = [c for c in analyse([corpus], SETTINGS, cache=cache).claims if c.is_claim][:120]
    from tui.matching.scoring import encode, match_tokens, score_pairs

    enc = encode([match_tokens(c.text) for c in claims])
    left = np.arange(len(claims) - 1)
    right = left + 1
    assert np.array_equal(score_pairs(enc, left, right), score_pairs(enc, right, left))


def test_adding_an_article_reads_the_stored_tokens_instead_of_tokenising_the_corpus(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([corpus], SETTINGS, cache=cache)
    write_articles(corpus, 40, seed=99, prefix="z", most=1)
    tokenise = Counter(scoring.match_tokens)
    monkeypatch.setattr(matching, "match_tokens", tokenise)
    again = MatchCache(cache.root)
    warm = analyse([corpus], SETTINGS, cache=again)
    assert again.report.matches == "partial"
    assert tokenise.calls == 0, "old claims' tokens come from the cache, new ones from segmenting"
    monkeypatch.undo()
    same(warm, analyse([corpus], SETTINGS))


def test_stored_tokens_that_do_not_fit_are_computed_again(
    corpus: Path, cache: MatchCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([corpus], SETTINGS, cache=cache)
    first, second = entries(cache.root, "claims")[:2]

    def drop_a_line(body: dict[str, Any]) -> None:
        body["tokens"] = body["tokens"].split("\n", 1)[1]

    def not_text(body: dict[str, Any]) -> None:
        body["tokens"] = 42

    rewrite_body(cache, first, drop_a_line)
    rewrite_body(cache, second, not_text)
    write_articles(corpus, 40, seed=99, prefix="z", most=1)
    tokenise = Counter(scoring.match_tokens)
    monkeypatch.setattr(matching, "match_tokens", tokenise)
    warm = analyse([corpus], SETTINGS, cache=MatchCache(cache.root))
    assert tokenise.calls == 80, "the two articles' claims are tokenised again"
    monkeypatch.undo()
    same(warm, analyse([corpus], SETTINGS))


def test_a_run_through_copy_stand_ins_is_not_reused_for_a_smaller_corpus(tmp_path: Path) -> None:
    """A sentence copied into many articles is matched through two stand-ins, so that run's
    entry lacks the pairs among the copies: a corpus that keeps only a few copies must not
    take its matches from it."""
    folder = tmp_path / "copies"
    folder.mkdir()
    copied = "The river burst its banks at dawn and flooded the old mill district."
    for k in range(60):
        body = f"Report {k} from the desk number {k}.\n\n{copied}\n\nCrews worked on street {k}."
        (folder / f"c{k:02d}.txt").write_text(body, encoding="utf-8")
    root = tmp_path / "cache"
    analyse([folder], SETTINGS, cache=MatchCache(root))
    for k in range(20, 60):
        (folder / f"c{k:02d}.txt").unlink()
    (folder / "z.txt").write_text(f"Late news.\n\n{copied}\n\nThe mayor visited.", encoding="utf-8")
    again = MatchCache(root)
    warm = analyse([folder], SETTINGS, cache=again)
    assert again.report.matches != "partial"
    same(warm, analyse([folder], SETTINGS))
