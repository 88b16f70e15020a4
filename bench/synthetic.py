"""A deterministic synthetic news corpus for benchmarks and the blocking recall test.

Stories are groups of articles about one event. Each story has its own cast (people,
places, topic words drawn from a Zipf-distributed vocabulary, as in real news) and a pool of
facts; an article retells some of the story's facts, each paraphrased (clauses moved, words
dropped or added, a word swapped for another, figures changed or hedged), and adds sentences
of its own. So the corpus has what makes matching hard at scale: many near-duplicates across
articles, and many sentences that share a story's names without stating the same thing.

Pseudo-words stand in for vocabulary so that the generator needs no word lists and its
vocabulary grows with the corpus like a real one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from tui.claims.quantities import find_figures, lexicon
from tui.claims.units import Kind, Unit

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "cr",
    "dr",
    "fr",
    "gr",
    "pl",
    "pr",
    "st",
    "tr",
    "ch",
    "sh",
    "th",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "rt", "ck"]
_FUNCTION = [
    "the",
    "a",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "and",
    "as",
    "its",
    "their",
    "this",
    "that",
]
_VERB_ENDINGS = ["ed", "s", "ed", ""]
_HEDGES = ["nearly", "about", "over", "around", "more than", "some", "at least"]
_UNITS = ["troops", "people", "homes", "vehicles", "tonnes", "jobs", "acres", "residents"]
_MONTHS = "January February March April May June July August September October November December"
_PREPOSITIONS = ["in", "near", "across", "outside", "after", "before", "during", "despite"]
_SAYERS = ["said", "told reporters", "announced", "confirmed", "claimed"]


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    id: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


class _Words:
    """A Zipf-distributed vocabulary of pronounceable pseudo-words."""

    def __init__(self, rng: random.Random, size: int) -> None:
        seen: set[str] = set()
        words: list[str] = []
        while len(words) < size:
            syllables = rng.choice((1, 2, 2, 3, 3, 4))
            w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
            w += rng.choice(_CODAS)
            if len(w) > 3 and w not in seen:
                seen.add(w)
                words.append(w)
        self.words = words
        # Zipf from rank 150 on: in real text the top ranks are function words, which
        # matching drops, so the commonest content word is in a few percent of sentences.
        self.weights = [1 / (rank + 150) ** 1.05 for rank in range(size)]
        # Handed `weights`, `choices` sums the whole vocabulary on every call (quadratic in
        # the corpus size); the same sums, built once, draw the very same words.
        self.cumulative = list(accumulate(self.weights))

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)


@dataclass(slots=True)
class _Story:
    names: list[str]
    places: list[str]
    topic: list[str]  # the story's own nouns, verbs and adjectives
    facts: list[list[str]]  # sentences as lists of pieces


def _fact(rng: random.Random, story: _Story, common: _Words) -> list[str]:
    """One sentence as pieces: subject, verb, figure and object, optional place/date/source."""

    def topic_words(k: int) -> list[str]:
        return [rng.choice(story.topic) if rng.random() < 0.6 else common.sample(rng, 1)[0]
                for _ in range(k)]  # fmt: skip

    subject = rng.choice(story.names + story.places)
    verb = topic_words(1)[0] + rng.choice(_VERB_ENDINGS)
    pieces = ["The" if rng.random() < 0.3 else "", subject, verb]
    if rng.random() < 0.6:
        value = rng.choice((12, 40, 150, 600, 1_376, 5_000, 11_000, 50_000, 230_000))
        value = int(value * rng.uniform(0.5, 2.0)) // 10 * 10 or value
        pieces += [f"{value:,}", rng.choice(_UNITS)]
    pieces += [rng.choice(_FUNCTION), *topic_words(rng.randint(2, 6))]
    if rng.random() < 0.7:
        pieces += [rng.choice(_PREPOSITIONS), rng.choice(story.places)]
    if rng.random() < 0.5:
        pieces += ["on", f"{rng.choice(_MONTHS.split())} {rng.randint(1, 28)}"]
    pieces += [rng.choice(_FUNCTION), *topic_words(rng.randint(1, 5))]
    if rng.random() < 0.4:
        pieces += [",", rng.choice(story.names), rng.choice(_SAYERS)]
    return [p for p in pieces if p]


def _paraphrase(rng: random.Random, pieces: list[str], story: _Story, common: _Words) -> list[str]:
    out = list(pieces)
    if rng.random() < 0.4 and len(out) > 6:  # move the tail clause to the front
        cut = rng.randint(len(out) // 2, len(out) - 2)
        out = [*out[cut:], ",", *out[:cut]]
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):  # drop a word
        k = rng.randrange(len(out))
        if out[k][:1].isalpha():
            del out[k]
    for _ in range(rng.choice((0, 0, 1, 2, 3))):  # add a word
        out.insert(rng.randrange(len(out) + 1), rng.choice(story.topic + common.sample(rng, 2)))
    for _ in range(rng.choice((0, 0, 1, 2))):  # a synonym: one word for another
        k = rng.randrange(len(out))
        if out[k][:1].isalpha() and out[k][:1].islower():
            out[k] = common.sample(rng, 1)[0]
    for k, p in enumerate(out):
        if p[:1].isdigit():
            if rng.random() < 0.3:  # a changed figure
                value = int(p.replace(",", ""))
                p = f"{int(value * rng.choice((0.8, 0.9, 1.1, 1.2))):,}"
            if rng.random() < 0.3:
                p = f"{rng.choice(_HEDGES)} {p}"
            out[k] = p
    return out


def _sentence(pieces: list[str]) -> str:
    text = " ".join(pieces).replace(" ,", ",").strip(" ,")
    return text[:1].upper() + text[1:] + "."


def generate(n_claims: int, seed: int = 0, per_article: int = 40) -> list[SyntheticArticle]:
    """About `n_claims` sentences in articles of `per_article`, the same for the same seed."""
    rng = random.Random(seed)
    common = _Words(rng, max(2_000, n_claims // 2))
    names = _Words(rng, max(500, n_claims // 20))
    n_articles = max(2, round(n_claims / per_article))
    per_story = 12
    articles: list[SyntheticArticle] = []
    story: _Story | None = None
    for a in range(n_articles):
        if a % per_story == 0:
            cast = [w.capitalize() for w in names.sample(rng, 12)]
            story = _Story(cast[:8], cast[8:], common.sample(rng, 150), [])
            story.facts = [_fact(rng, story, common) for _ in range(per_article * 2)]
        assert story is not None
        sentences = []
        for _ in range(per_article):
            if rng.random() < 0.55:
                pieces = _paraphrase(rng, rng.choice(story.facts), story, common)
            else:
                pieces = _fact(rng, story, common)
            sentences.append(_sentence(pieces))
        articles.append(SyntheticArticle(f"syn{a:05d}", tuple(sentences)))
    return articles


def as_claims(articles: list[SyntheticArticle]) -> list[Unit]:
    """Claim records for the sentences (offsets into `article.text`), without segmentation,
    with the figures and dates claim extraction would read in them (the matcher's figure
    evidence needs them)."""
    claims = []
    for article in articles:
        start = 0
        for k, sentence in enumerate(article.sentences):
            dates, numbers = find_figures(sentence, lexicon(sentence))
            claims.append(
                Unit(
                    id=f"{article.id}:{k:04d}",
                    article=article.id,
                    text=sentence,
                    start=start,
                    end=start + len(sentence),
                    kind=Kind.CLAIM,
                    index=k,
                    numbers=tuple(numbers),
                    dates=tuple(dates),
                )
            )
            start += len(sentence) + 1
    return claims
