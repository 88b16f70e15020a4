"""Suggested counterparts: below the match tier, the one pair per claim and other article
worth a reviewer's look.

A story's articles share its vocabulary, so a claim shares words with many sentences of
every other article; a score band between two global thresholds (what crosscheck once
called `related`) offers all of them, mostly on other subjects. Instead, for a claim `c` of
article A and another article B, its counterpart `b` in B is suggested when:

- `b` is `c`'s best-scoring claim in B and `c` is `b`'s best in A (mutual best: each is the
  other's likeliest counterpart, so a claim gets at most one suggestion per article);
- neither has a match in the other's article (there the match already points the way);
- the pair stands clearly above the story's background: its score beats each side's
  background in the other article by `suggestion_margin`. A claim's background in an article
  is its score with the claim ranked just below the article's top tenth (the
  (1 + ceil(n / 10))-th highest of its scores against the article's n claims): a claim that
  shares words with a tenth of an article is in a crowd there, and its best must stand out
  of it. Scores under the suggestion floor count as 0: a large corpus never computes them
  (blocking), so the rule reads only what both the brute-force and the blocked paths score,
  and both give the same suggestions.

All of it depends only on the scores between the claim's article and the other article, so
an incremental run that re-scores every pair of a changed article gets the same suggestions
as a full run.
"""

from __future__ import annotations

import numpy as np

# A claim's background in an article of n claims: its (1 + ceil(n / BACKGROUND_SHARE))-th
# best score there.
BACKGROUND_SHARE = 10
_EPS = 1e-9


def suggested(
    left: np.ndarray,
    right: np.ndarray,
    scores: np.ndarray,
    is_match: np.ndarray,
    articles: np.ndarray,
    sizes: np.ndarray,
    rank: np.ndarray,
    margin: float,
) -> np.ndarray:
    """Which of the scored pairs (left[k], right[k]) are suggestions (a boolean mask).

    The pairs are every cross-article pair at or above its floor, each once, in either
    order; for each claim and other article they must include all such pairs (a claim's
    best and background are read from them). `articles` maps a claim to its article's index,
    `sizes` an article's index to its number of claims, and `rank` a claim to its place in
    id order (of two equal scores the claim with the smaller id counts as better)."""
    count = len(left)
    out = np.zeros(count, dtype=bool)
    if not count:
        return out
    src = np.concatenate([left, right])
    dst = np.concatenate([right, left])
    score = np.concatenate([scores, scores])
    match = np.concatenate([is_match, is_match])
    pair = np.concatenate([np.arange(count), np.arange(count)])
    target = articles[dst]
    group = src.astype(np.int64) * (int(articles.max()) + 1) + target
    order = np.lexsort((rank[dst], -score, group))
    group, score, match, pair, target = (
        group[order],
        score[order],
        match[order],
        pair[order],
        target[order],
    )
    first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    length = np.diff(np.r_[first, len(group)])
    # Each (claim, other article): its best pair, whether it has a match there, and its
    # background (0 when fewer of its pairs than the background's rank reach the floor).
    best_score = score[first]
    has_match = np.maximum.reduceat(match.astype(np.int8), first).astype(bool)
    k = 1 + -(-sizes[target[first]] // BACKGROUND_SHARE)
    background = np.where(length >= k, score[first + np.minimum(k, length) - 1], 0.0)
    ok = ~has_match & (best_score >= background + margin - _EPS)
    votes = np.bincount(pair[first[ok]], minlength=count)
    out[votes == 2] = True  # the best of each side's group: mutual
    out &= ~is_match
    return out
