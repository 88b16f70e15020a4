"""The similarity score: how much of what two claims say they say in common.

Each claim becomes a set of *match tokens*: its content words (`tui.normalise`), folded
through the news lexicon (`tui.lexicon`), with every figure counted twice, because a shared
figure ("50000", "1376") ties two reports to one fact far more than a shared common word.

Words are cut to their first few letters (truncation stemming).
From the shared tokens I of sets A and B:
- overlap o = |I| / min(|A|, |B|): high when a short report is contained in a longer one;
- dice    d = 2|I| / (|A| + |B|): pulls the score down when one says much more than the other;
- score = 100 * (o + d) / 2, symmetric, from 0 to 100.

Sets are scored with rapidfuzz: each token is one character of a private alphabet and each
claim the sorted string of its tokens. For two such strings the normalised Indel similarity
(`fuzz.ratio`) is exactly Dice, so whole sets are scored in C with `process.cdist` /
`process.cpdist` at millions of pairs a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from tui.lexicon import fold
from tui.normalise import is_content, number_token, raw_tokens, word_token

BATCH = 500_000  # candidate pairs scored per cpdist call: bounds the temporary lists
_FIRST_SYMBOL = 0x100  # past ASCII/Latin-1, so symbols never look like punctuation
_SURROGATES = range(0xD800, 0xE000)


# Words are cut to this many letters after stemming and folding: a cheap, well-studied way
# (truncation stemming) to let "negotiations"/"negotiating" or "Zelensky"/"Zelenskyy" meet.
TRUNCATE = 6


def _forms(token: str) -> tuple[str, ...]:
    if not is_content(token):
        return ()
    token = fold(token)
    if len(token) > TRUNCATE and token.isalpha():
        token = token[:TRUNCATE]
    if token[:1].isdigit() and len(token) > 1:
        return (token, token + "#")  # a figure counts twice
    return (token,)


@lru_cache(maxsize=262144)
def _word_forms(word: str) -> tuple[str, ...]:
    return _forms(word_token(word))


def match_tokens(text: str) -> frozenset[str]:
    """The set a claim is compared on: folded content words, figures counted twice.

    The same words as `normalise.content_words`, computed per distinct word once."""
    out: set[str] = set()
    for num, mult, abbr, word in raw_tokens(text):
        out.update(_word_forms(word) if word else _forms(number_token(num, mult or abbr)))
    return frozenset(out)


def _symbol(n: int) -> str:
    code = _FIRST_SYMBOL + n
    if code >= _SURROGATES.start:
        code += len(_SURROGATES)
    return chr(code)


@dataclass(frozen=True, slots=True)
class Encoded:
    """Claims as token ids (for the index) and symbol strings (for rapidfuzz)."""

    strings: list[str]
    sizes: np.ndarray  # int64, tokens per claim
    tokens: np.ndarray  # int64 token ids of every claim, claim after claim
    vocabulary: int


def encode(token_sets: Sequence[Iterable[str]]) -> Encoded:
    ids: dict[str, int] = {}
    symbols: list[str] = []
    strings: list[str] = []
    flat: list[int] = []
    sizes: list[int] = []
    for tokens in token_sets:
        row = sorted(ids.setdefault(t, len(ids)) for t in tokens)
        while len(symbols) < len(ids):
            symbols.append(_symbol(len(symbols)))
        strings.append("".join([symbols[i] for i in row]))
        flat.extend(row)
        sizes.append(len(row))
    return Encoded(
        strings,
        np.asarray(sizes, dtype=np.int64),
        np.asarray(flat, dtype=np.int64),
        len(ids),
    )


def combine(dice: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """Scores (0-100) from Dice (0-100) and the two set sizes."""
    d = dice / 100.0
    total = (size_a + size_b).astype(np.float64)
    shared = d * total / 2.0
    smaller = np.minimum(size_a, size_b).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = np.where(smaller > 0, shared / smaller, 0.0)
    return 100.0 * (np.minimum(overlap, 1.0) + d) / 2.0


def score_matrix(enc: Encoded) -> np.ndarray:
    """All pairs of a (small) set: an N x N matrix of scores."""
    dice = process.cdist(enc.strings, enc.strings, scorer=fuzz.ratio, dtype=np.float64, workers=-1)
    return combine(dice, enc.sizes[:, None], enc.sizes[None, :])


def score_pairs(enc: Encoded, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Scores of the pairs (left[k], right[k]), in batches."""
    out = np.zeros(len(left), dtype=np.float64)
    strings = enc.strings
    for lo in range(0, len(left), BATCH):
        hi = min(lo + BATCH, len(left))
        a = [strings[i] for i in left[lo:hi].tolist()]
        b = [strings[j] for j in right[lo:hi].tolist()]
        dice = process.cpdist(a, b, scorer=fuzz.ratio, dtype=np.float64, workers=-1)
        out[lo:hi] = combine(dice, enc.sizes[left[lo:hi]], enc.sizes[right[lo:hi]])
    return out


def similarity(a: str, b: str) -> float:
    """Similarity of two raw sentences, 0-100, rounded to one decimal (as in match results)."""
    enc = encode([match_tokens(a), match_tokens(b)])
    if not enc.sizes.all():
        return 0.0
    score = score_pairs(enc, np.array([0]), np.array([1]))[0]
    return round(float(score), 1)
