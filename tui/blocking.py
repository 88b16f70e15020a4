"""Candidate blocking: the pairs of claims that can reach a score, without scoring all pairs.

The score (`tui.scoring`) is at most the overlap |A∩B| / min(|A|, |B|), so a pair can reach
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
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from tui.scoring import Encoded

# Probe entries are expanded chunk by chunk, at most this many (claim, partner) rows at once.
CHUNK_ROWS = 2_000_000
THREADS = 2
_EPS = 1e-9
# Scores are compared after rounding to one decimal: 29.95 counts as 30.0.
_SCORE_SLACK = 0.0005


# Bitmap signatures: each token sets one of SIGNATURE_WORDS * 64 bits of its claim.
SIGNATURE_WORDS = 4


def _signatures(owner: np.ndarray, tokens: np.ndarray, n: int) -> np.ndarray:
    """Per claim, a bitmap of its tokens (hashed to bits). A bit set in one bitmap only
    comes from a token that one claim has and the other lacks, so with H such bits,
    |A∩B| <= (|A| + |B| - H) / 2: the bitmap filter of set-similarity joins."""
    bits = (tokens * 2654435761) % (SIGNATURE_WORDS * 64)
    signature = np.zeros((n, SIGNATURE_WORDS), dtype=np.uint64)
    np.bitwise_or.at(
        signature, (owner, bits // 64), np.left_shift(np.uint64(1), (bits % 64).astype(np.uint64))
    )
    return signature


def prefix_lengths(sizes: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """How many of its rarest tokens each claim must probe (`overlap` = T as a fraction)."""
    needed = np.ceil(overlap * sizes - _EPS).astype(np.int64)
    needed = np.clip(needed, 1, None)
    return np.clip(sizes - needed + 1, 0, sizes)


def candidate_pairs(
    enc: Encoded, articles: np.ndarray, overlap: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Chunks of (left, right) claim indexes from different articles, each pair once.

    `overlap[i]` is the least score (as a fraction) a pair with claim i as its smaller side
    must reach to matter; claims with no tokens take part in no pair.
    """
    n = len(enc.strings)
    sizes = enc.sizes
    if n < 2 or enc.vocabulary == 0:
        return
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    tokens = enc.tokens
    df = np.bincount(tokens, minlength=enc.vocabulary)
    # Global order: rarest first, token id breaking ties, as one integer key.
    rank = np.empty(enc.vocabulary, dtype=np.int64)
    rank[np.lexsort((np.arange(enc.vocabulary), df))] = np.arange(enc.vocabulary)
    order = np.lexsort((rank[tokens], owner))  # by claim, then rarest token first
    owner, tokens = owner[order], tokens[order]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    position = np.arange(len(tokens)) - starts[owner]
    prefix = prefix_lengths(sizes, overlap)
    # A token found in one article only cannot be shared across articles: not worth probing.
    spread = np.bincount(
        np.unique(tokens * (int(articles.max()) + 1) + articles[owner])
        // (int(articles.max()) + 1),
        minlength=enc.vocabulary,
    )
    probe = (position < prefix[owner]) & (spread[tokens] > 1)
    probe_owner, probe_token = owner[probe], tokens[probe]
    signature = _signatures(owner, tokens, n)

    # Postings: for each token, the claims that hold it, smallest claims first, so a prober
    # reads only the part of a posting list with partners at least its own size.
    by_token = np.lexsort((owner, sizes[owner], tokens))
    posting_claims = owner[by_token]
    stride = int(sizes.max()) + 2
    posting_keys = tokens[by_token] * stride + sizes[posting_claims]
    posting_end = np.cumsum(df)
    first = np.searchsorted(posting_keys, probe_token * stride + sizes[probe_owner])
    lengths = posting_end[probe_token] - first
    ends = np.cumsum(lengths)

    def chunk(bounds: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        begin, stop = bounds
        left, right, shared = _expand(
            probe_owner[begin:stop],
            first[begin:stop],
            lengths[begin:stop],
            posting_claims,
            sizes,
            articles,
        )
        keep = _may_reach(left, right, shared, sizes, prefix, overlap, signature)
        return left[keep], right[keep]

    # numpy releases the GIL in its sorts and gathers, so chunks run on two threads; at
    # most two chunks are in flight, which bounds memory.
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        pending: deque[Future[tuple[np.ndarray, np.ndarray]]] = deque()
        for bounds in _chunks(probe_owner, ends):
            pending.append(pool.submit(chunk, bounds))
            if len(pending) >= THREADS:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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
    possible = shared + (a - prefix[left]) >= needed
    left, right, needed = left[possible], right[possible], needed[possible]
    differ = np.bitwise_count(signature[left] ^ signature[right]).sum(axis=1, dtype=np.int64)
    possible[possible] = sizes[left] + sizes[right] - differ >= 2.0 * needed
    return possible


def _expand(
    probers: np.ndarray,
    first: np.ndarray,
    lengths: np.ndarray,
    posting_claims: np.ndarray,
    sizes: np.ndarray,
    articles: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    total = int(lengths.sum())
    left = np.repeat(probers, lengths)
    # Index of each row into posting_claims: the token's posting start plus a running offset.
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    right = posting_claims[np.repeat(first, lengths) + offsets]
    # The prober is the smaller side (ties: the lower index), and never its own article.
    keep = (articles[left] != articles[right]) & (
        (sizes[right] > sizes[left]) | ((sizes[right] == sizes[left]) & (right > left))
    )
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
