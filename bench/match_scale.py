"""Matching at scale on the synthetic corpus, against brute force with the same scorer and
against difflib, in one process per size. Prints one JSON line; asserts nothing.

    python bench/match_scale.py --claims 20000 [--seed 0] [--sample 400] [--budget 120]

Figures:
- crosscheck: `match_claims` wall time (blocking + scoring + tiers + clusters), and the
  process's peak resident memory before and after it (ru_maxrss: the matcher's own peak is
  at most the difference plus what it reused).
- brute force: `rapidfuzz.process.cdist` over all pairs with the same scorer (`fuzz.ratio`
  on the encoded token sets, combined as in `tui.matching.scoring`, plus the figure bonus
  of `tui.matching.figure_evidence`: the synthetic claims carry their figures), in row
  blocks; timed on a sample of rows first, and run in full only when the projection fits
  in `--budget` seconds, else extrapolated from the sample.
- recall: the pairs brute force puts in the match tier (across articles, with the
  matcher's own thresholds for short claims), found as matches by crosscheck: over all rows
  when brute force ran in full, else over the sampled rows against all claims. Reported for
  all pairs and for pairs of claims with at least `short_claim_words` tokens (the issue's
  measure). That the suggestion tier is exact too is tested (tests/test_blocking.py).
- difflib: `SequenceMatcher(None, a, b).ratio()` on the raw sentences, timed on a sample of
  pairs and extrapolated to all pairs (the naive baseline; only asked at 2,000 claims).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from bench.synthetic import as_claims, generate  # noqa: E402
from tui.config import MatchSettings  # noqa: E402
from tui.matching.figure_evidence import BONUS, FigureEvidence  # noqa: E402
from tui.matching.matcher import match_claims, thresholds  # noqa: E402
from tui.matching.scope import story_scope  # noqa: E402
from tui.matching.scoring import combine, encode, match_tokens  # noqa: E402

ROW_BLOCK = 256


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def brute_rows(
    rows: np.ndarray,
    enc,
    articles: np.ndarray,
    short: np.ndarray,
    settings: MatchSettings,
    evidence: FigureEvidence,
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, with a row in `rows`, that reach their match threshold (with
    the figure bonus, as the matcher scores)."""
    match, floor_long = thresholds(settings, False)
    match_short, floor_short = thresholds(settings, True)
    found: set[tuple[int, int]] = set()
    for lo in range(0, len(rows), ROW_BLOCK):
        block = rows[lo : lo + ROW_BLOCK]
        dice = process.cdist(
            [enc.strings[i] for i in block.tolist()],
            enc.strings,
            scorer=fuzz.ratio,
            dtype=np.float64,
            workers=-1,
        )
        scores = np.round(combine(dice, enc.sizes[block][:, None], enc.sizes[None, :]), 1)
        either_short = short[block][:, None] | short[None, :]
        floor = np.where(either_short, floor_short, floor_long)
        ceiling = np.where(either_short, match_short, match)
        # The bonus, on the pairs that could earn it (figures on both sides, near the floor).
        near = evidence.has_figures[block][:, None] & evidence.has_figures[None, :]
        near &= (scores + BONUS >= floor - 0.05) & (scores < ceiling)
        r, c = np.nonzero(near)
        scores[r, c] = np.round(
            evidence.add_bonus(block[r], c, scores[r, c], floor[r, c], ceiling[r, c]), 1
        )
        hit = (scores >= ceiling) & (articles[block][:, None] != articles[None, :])
        hit &= (enc.sizes[block][:, None] > 0) & (enc.sizes[None, :] > 0)
        r, c = np.nonzero(hit)
        i, j = block[r], c
        found.update(zip(np.minimum(i, j).tolist(), np.maximum(i, j).tolist(), strict=True))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=400, help="rows timed (and checked)")
    parser.add_argument("--budget", type=float, default=120.0, help="longest full brute run")
    parser.add_argument("--difflib-pairs", type=int, default=3000)
    args = parser.parse_args()
    settings = MatchSettings()

    claims = as_claims(generate(args.claims, seed=args.seed))
    n = len(claims)
    # The lemma dictionary loads once per process (~0.2 s); the whole-command benchmark
    # pays it, this one times matching.
    match_tokens("warm up")
    before = peak_mb()
    start = time.perf_counter()
    result = match_claims(claims, settings)
    ours = time.perf_counter() - start
    after = peak_mb()

    ids = [c.id for c in claims]
    position = {cid: k for k, cid in enumerate(ids)}
    blocked = {(position[m.a], position[m.b]) for m in result.matches if m.tier == "match"}
    blocked = {(min(p), max(p)) for p in blocked}

    token_sets = [match_tokens(c.text) for c in claims]
    enc = encode(token_sets)
    scope = story_scope(claims)  # as the matcher reads it: no bonus across events
    evidence = FigureEvidence(claims, token_sets, scope)
    articles = np.unique(
        np.asarray([c.article for c in claims], dtype=object), return_inverse=True
    )[1]
    short = enc.sizes < settings.short_claim_words
    rng = np.random.default_rng(args.seed)
    sample = np.sort(rng.choice(n, size=min(args.sample, n), replace=False))
    start = time.perf_counter()
    sampled_truth = brute_rows(sample, enc, articles, short, settings, evidence)
    sample_time = time.perf_counter() - start
    projected = sample_time * n / len(sample)
    if len(sample) == n or projected <= args.budget:
        start = time.perf_counter()
        truth = brute_rows(np.arange(n), enc, articles, short, settings, evidence)
        brute, brute_kind = time.perf_counter() - start, "full"
        rows_checked = n
    else:
        truth, brute, brute_kind = sampled_truth, projected, "extrapolated"
        rows_checked = len(sample)
    long = ~short
    long_truth = {p for p in truth if long[p[0]] and long[p[1]]}

    difflib = None
    if args.difflib_pairs:
        pyrng = random.Random(args.seed)
        texts = [c.text for c in claims]
        pairs = [(pyrng.randrange(n), pyrng.randrange(n)) for _ in range(args.difflib_pairs)]
        start = time.perf_counter()
        for i, j in pairs:
            SequenceMatcher(None, texts[i], texts[j]).ratio()
        per_pair = (time.perf_counter() - start) / len(pairs)
        difflib = per_pair * n * (n - 1) / 2

    print(
        json.dumps(
            {
                "claims": n,
                "ours_s": ours,
                "rss_before_mb": before,
                "rss_peak_mb": after,
                "matches": sum(m.tier == "match" for m in result.matches),
                "suggestions": sum(m.tier == "suggestion" for m in result.matches),
                "clusters": len(result.clusters),
                "brute_s": brute,
                "brute_kind": brute_kind,
                "brute_pairs_per_s": len(sample) * n / sample_time,
                "rows_checked": rows_checked,
                "truth_pairs": len(truth),
                "recall": len(truth & blocked) / len(truth) if truth else 1.0,
                "long_truth_pairs": len(long_truth),
                "recall_long": len(long_truth & blocked) / len(long_truth) if long_truth else 1.0,
                "extra": len(blocked - truth) if brute_kind == "full" else None,
                "difflib_s": difflib,
            }
        )
    )


if __name__ == "__main__":
    main()
