"""The similarity score: how much of what two claims say they say in common.

Each claim becomes a set of *match tokens*: its content words (`tui.matching.normalise`), folded
through the news lexicon (`tui.matching.lexicon`), with every figure counted twice, because a shared
figure ("50000", "1376") ties two reports to one fact far more than a shared common word. Who said
it (the attribution's source, title, verb of saying and audience) is left out: it identifies the
speaker, not the fact, and stands in the set as one token that no claim with other words shares.

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

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from tui.claims.attribution import attribution_spans
from tui.matching.lexicon import fold
from tui.matching.normalise import is_content, number_token, raw_tokens, word_token

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

    The words of `normalise.tokens` that `is_content` keeps, computed per distinct word once,
    except the words that say who said it (`tui.claims.attribution.attribution_spans`: the
    source, its title or apposition, the verb of saying, the audience). They identify the
    speaker, not the claim, so two claims that share only their source are not a match.
    The attribution stands in the set as one token that only a claim saying exactly the
    same words shares (`_speaker_token`): naming a speaker makes a claim neither closer to
    another one nor shorter than it is."""
    spans = attribution_spans(text)
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]} {text[end:]}"
    out: set[str] = set()
    for num, mult, abbr, word in raw_tokens(text):
        out.update(_word_forms(word) if word else _forms(number_token(num, mult or abbr)))
    if spans:
        out.add(_speaker_token(out))
    return frozenset(out)


def _speaker_token(words: set[str]) -> str:
    """The token an attribution leaves in its claim's set: a digest of the claim's other
    tokens, so it is shared only by a claim with the same words (a copy, or the same words
    with the speaker elsewhere in the sentence), the same in every process and run."""
    joined = " ".join(sorted(words)).encode("utf-8", "surrogatepass")
    return "@" + hashlib.blake2b(joined, digest_size=8).hexdigest()


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
    # The strings as a numpy object array: gathering pairs from it is ten times faster
    # than from the list, and cpdist reads it faster too.
    string_array: np.ndarray


def encode(token_sets: Sequence[Iterable[str]]) -> Encoded:
    """Token ids are ranks in the sorted vocabulary, so the encoding (and the candidate
    index built on it) does not depend on set iteration order, which varies from run to
    run with string hashing. A claim's string holds its symbols in id order."""
    sets = [t if isinstance(t, frozenset | set) else frozenset(t) for t in token_sets]
    vocabulary = sorted(frozenset().union(*sets))
    symbol_of = dict(zip(vocabulary, map(_symbol, range(len(vocabulary))), strict=True))
    strings = ["".join(sorted(map(symbol_of.__getitem__, t))) for t in sets]
    # The ids back from the symbols, all at once.
    codes = np.frombuffer("".join(strings).encode("utf-32-le"), dtype=np.uint32)
    ids = codes.astype(np.int64) - _FIRST_SYMBOL
    ids[codes >= _SURROGATES.stop] -= len(_SURROGATES)
    string_array = np.empty(len(strings), dtype=object)
    string_array[:] = strings
    return Encoded(
        strings,
        np.fromiter(map(len, strings), dtype=np.int64, count=len(strings)),
        ids,
        len(vocabulary),
        string_array,
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
    strings = enc.string_array
    for lo in range(0, len(left), BATCH):
        hi = min(lo + BATCH, len(left))
        a = strings[left[lo:hi]]
        b = strings[right[lo:hi]]
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
