"""Candidate blocking: the pairs of claims that can reach a score, without scoring all pairs.

The score (`tui.matching.scoring`) is at most the overlap |A∩B| / min(|A|, |B|), so a pair can reach
threshold T only if the smaller claim shares at least ceil(T * |A|) of its tokens. Order all
tokens from rarest to most common; by the prefix-filter principle of set-similarity joins,
the smaller claim's first |A| - ceil(T * |A|) + 1 tokens then include a shared one. So each
claim probes the postings of its rarest tokens for partners at least as large as itself,
and every pair that can reach T is found: the filter is exact, not a heuristic. Rare tokens
have short postings, so the candidates are a small share of all pairs.

Everything runs over numpy arrays in chunks, so memory stays bounded on large corpora.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from tui.matching.scoring import Encoded

# Probe entries are expanded chunk by chunk, at most this many (claim, partner) rows at once.
CHUNK_ROWS = 250_000
THREADS = 2
_EPS = 1e-9
# Scores are compared after rounding to one decimal: 29.95 counts as 30.0.
_SCORE_SLACK = 0.0005


# Bitmap signatures: each token sets one of SIGNATURE_WORDS * 64 bits of its claim. 512 bits
# let through a third of the candidates 256 did (news claims hold 10-30 tokens), which
# saves more scoring than the wider test costs.
SIGNATURE_WORDS = 8
# The first test uses the bitmap folded to this many words (bit k of word w moves to word
# w % FOLDED): half the gathers, and it settles most pairs the full test would.
FOLDED = 4


def _signatures(owner: np.ndarray, tokens: np.ndarray, n: int) -> np.ndarray:
    """Per claim, a bitmap of its tokens (hashed to bits). A bit set in one bitmap only
    comes from a token that one claim has and the other lacks, so with H such bits,
    |A∩B| <= (|A| + |B| - H) / 2: the bitmap filter of set-similarity joins.

    Rows FOLDED onwards hold the bitmap, 64 bits per row; the first FOLDED rows hold it
    folded (their OR), itself a valid, weaker bitmap that is cheaper to test. Each row is
    a contiguous column over the claims: gathering rows of an (n, 8) array is ten times
    slower."""
    bits = (tokens * 2654435761) % (SIGNATURE_WORDS * 64)
    signature = np.zeros((SIGNATURE_WORDS + FOLDED, n), dtype=np.uint64)
    np.bitwise_or.at(
        signature,
        (FOLDED + bits // 64, owner),
        np.left_shift(np.uint64(1), (bits % 64).astype(np.uint64)),
    )
    full = signature[FOLDED:]
    for k in range(FOLDED):
        np.bitwise_or.reduce(full[k::FOLDED], axis=0, out=signature[k])
    return signature


def _differing_bits(signature: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Bits set in one bitmap of each pair and not in the other."""
    total = np.zeros(len(left), dtype=np.int64)
    for word in signature:
        total += np.bitwise_count(word[left] ^ word[right])
    return total


def prefix_lengths(sizes: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """How many of its rarest tokens each claim must probe (`overlap` = T as a fraction)."""
    needed = np.ceil(overlap * sizes - _EPS).astype(np.int64)
    needed = np.clip(needed, 1, None)
    lengths: np.ndarray = np.clip(sizes - needed + 1, 0, sizes)
    return lengths


def candidate_pairs(
    enc: Encoded, articles: np.ndarray, overlap: np.ndarray, fresh: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Chunks of (left, right) claim indexes from different articles, each pair once.

    `overlap[i]` is the least score (as a fraction) a pair with claim i as its smaller side
    must reach to matter; claims with no tokens take part in no pair. With `fresh` (a
    boolean mask over the claims), only the pairs with a fresh claim are given: fresh
    probers read every posting, the others only the postings of fresh claims. That finds
    the same pairs (with the same shared counts) as a full run followed by a filter, at a
    cost that grows with the fresh claims rather than the corpus.
    """
    n = len(enc.strings)
    sizes = enc.sizes
    if n < 2 or enc.vocabulary == 0:
        return
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    tokens = enc.tokens
    vocabulary = enc.vocabulary
    df = np.bincount(tokens, minlength=vocabulary)
    # Global order: rarest first, token id breaking ties.
    rank = np.empty(vocabulary, dtype=np.int64)
    rank[np.argsort(df * vocabulary + np.arange(vocabulary))] = np.arange(vocabulary)
    order = _argsort_by(owner, n, rank[tokens], vocabulary)  # by claim, rarest token first
    owner, tokens = owner[order], tokens[order]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    position = np.arange(len(tokens)) - starts[owner]
    prefix = prefix_lengths(sizes, overlap)
    # A token found in one article only cannot be shared across articles: not worth probing.
    per_article = np.sort(tokens * (int(articles.max()) + 1) + articles[owner])
    distinct = per_article[np.concatenate(([True], per_article[1:] != per_article[:-1]))]
    spread = np.bincount(distinct // (int(articles.max()) + 1), minlength=vocabulary)
    probe = (position < prefix[owner]) & (spread[tokens] > 1)
    signature = _signatures(owner, tokens, n)

    def chunks(probers: np.ndarray, partners: np.ndarray | None) -> Iterator[Pair]:
        """The pairs of the probe entries in `probers` (a mask) with the claims in
        `partners` (a mask; None: all)."""
        held = slice(None) if partners is None else partners[owner]
        index = _Postings(tokens[held], owner[held], sizes, vocabulary)
        probe_owner, probe_token = owner[probers], tokens[probers]
        first, lengths = index.partners(probe_token, probe_owner)

        def chunk(bounds: tuple[int, int]) -> Pair:
            begin, stop = bounds
            left, right, shared = _expand(
                probe_owner[begin:stop],
                first[begin:stop],
                lengths[begin:stop],
                index.claims,
                sizes,
                articles,
            )
            keep = _may_reach(left, right, shared, sizes, prefix, overlap, signature)
            return left[keep], right[keep]

        yield from _threaded(chunk, _chunks(probe_owner, np.cumsum(lengths)))

    if fresh is None:
        yield from chunks(probe, None)
    else:
        yield from chunks(probe & fresh[owner], None)
        yield from chunks(probe & ~fresh[owner], fresh)


Pair = tuple[np.ndarray, np.ndarray]


def _threaded(
    work: Callable[[tuple[int, int]], Pair], bounds: Iterator[tuple[int, int]]
) -> Iterator[Pair]:
    """`work` over the bounds, in order. numpy releases the GIL in its sorts and gathers,
    so chunks run on THREADS threads; at most THREADS chunks are in flight, which bounds
    memory."""
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        pending: deque[Future[Pair]] = deque()
        for b in bounds:
            pending.append(pool.submit(work, b))
            if len(pending) >= THREADS:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class _Postings:
    """For each token, the claims that hold it, smallest claims first (ties by index), so a
    prober reads only the part of a posting list with the partners it pairs with: larger
    claims, or claims of its size with a higher index."""

    def __init__(
        self, tokens: np.ndarray, owner: np.ndarray, sizes: np.ndarray, vocabulary: int
    ) -> None:
        self.n = len(sizes)
        self.stride = int(sizes.max()) + 1
        self.vocabulary = vocabulary
        self.sizes = sizes
        major = tokens * self.stride + sizes[owner]
        by_token = _argsort_by(major, vocabulary * self.stride, owner, self.n)
        self.major = major[by_token]  # (token, size) of each posting
        self.claims = owner[by_token]
        self.end = np.cumsum(np.bincount(tokens, minlength=vocabulary))

    def partners(self, token: np.ndarray, prober: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each probe entry's partners start in `claims`, and how many there are: from
        the first claim holding the token that is larger than the prober, or as large with
        a higher index."""
        wanted = token * self.stride + self.sizes[prober]
        n = self.n + 1
        if self.vocabulary * self.stride * n < 2**62:  # one integer key
            first = np.searchsorted(self.major * n + self.claims, wanted * n + prober + 1)
        else:  # the (token, size) block, then the index within it
            first = np.searchsorted(self.major, wanted, side="left")
            stop = np.searchsorted(self.major, wanted, side="right")
            for k in np.flatnonzero(stop > first).tolist():
                block = self.claims[first[k] : stop[k]]
                first[k] += np.searchsorted(block, prober[k], side="right")
        return first, self.end[token] - first


def _argsort_by(
    major: np.ndarray, major_bound: int, minor: np.ndarray, minor_bound: int
) -> np.ndarray:
    """The order sorting by `major`, then `minor` (both non-negative, below their bounds):
    one integer key when it fits in 63 bits (much faster than lexsort), else lexsort."""
    if major_bound * minor_bound < 2**62:
        return np.argsort(major * minor_bound + minor)  # keys are unique here
    return np.lexsort((minor, major))


def _chunks(probe_owner: np.ndarray, ends: np.ndarray) -> Iterator[tuple[int, int]]:
    """Ranges of probe entries expanding to about CHUNK_ROWS rows, on claim boundaries (so
    each pair comes from one chunk only)."""
    begin = 0
    while begin < len(probe_owner):
        base = ends[begin - 1] if begin else 0
        stop = int(np.searchsorted(ends, base + CHUNK_ROWS, side="right"))
        stop = max(stop, begin + 1)
        stop = int(np.searchsorted(probe_owner, probe_owner[stop - 1], side="right"))
        yield begin, stop
        begin = stop


def _may_reach(
    left: np.ndarray,
    right: np.ndarray,
    shared: np.ndarray,
    sizes: np.ndarray,
    prefix: np.ndarray,
    overlap: np.ndarray,
    signature: np.ndarray,
) -> np.ndarray:
    """Drop pairs that cannot reach their threshold, by two upper bounds on the tokens they
    share: the prefix tokens found plus every token of the prober outside its prefix (the
    suffix bound of prefix-filter joins), and the bitmap bound (see _signatures).

    score = (I/a + 2I/(a+b)) / 2 >= T  <=>  I >= 2Ta(a+b) / (3a+b), with a <= b.

    The prober is the smaller claim, so its threshold is the pair's (a short claim's is
    higher, and a pair is short when its smaller side is)."""
    a = sizes[left]
    b = sizes[right]
    needed = (2.0 * (overlap[left] - _SCORE_SLACK)) * (a * (a + b)) / (3 * a + b) - _EPS
    # The folded bitmap settles most pairs; the full one the rest.
    folded = _differing_bits(signature[:FOLDED], left, right)
    possible: np.ndarray = (shared + (a - prefix[left]) >= needed) & (
        a + b - folded >= 2.0 * needed
    )
    left, right, needed = left[possible], right[possible], needed[possible]
    differ = _differing_bits(signature[FOLDED:], left, right)
    possible[possible] = sizes[left] + sizes[right] - differ >= 2.0 * needed
    return possible


def _expand(
    probers: np.ndarray,
    first: np.ndarray,
    lengths: np.ndarray,
    posting_claims: np.ndarray,
    sizes: np.ndarray,
    articles: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    total = int(lengths.sum())
    left = np.repeat(probers, lengths)
    # Index of each row into posting_claims: the row number, shifted per probe entry so
    # that its rows start at its partners' start in the postings.
    shift = first - (np.cumsum(lengths) - lengths)
    right = posting_claims[np.arange(total) + np.repeat(shift, lengths)]
    # The postings start past the prober (see _first_partner); never its own article.
    keep = articles[left] != articles[right]
    left, right = left[keep], right[keep]
    n = len(sizes)
    # A pair shows up once per shared prefix token: keep one, and count them (a sort beats
    # hashing here).
    codes = np.sort(left * n + right)
    if not len(codes):
        return codes, codes, codes
    first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    shared = np.diff(np.append(first, len(codes)))
    codes = codes[first]
    return codes // n, codes % n, shared
