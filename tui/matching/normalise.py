"""Text normalisation for matching: case, quotes, number formats, stopwords, light stemming.

Two claims are compared on their *content words*: lower-cased, punctuation-free tokens with
function words removed and inflections trimmed (irregular forms through a lemma dictionary,
then a light suffix trimmer), and numbers written one way ("50,000",
"50000" and "50 thousand" all become "50000"). The same function serves the scorer, the
candidate index and the word diff, so all three agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Function words and reporting verbs: they say how a sentence is built, not what it claims.
# Negations are deliberately kept ("not", "no", "never"): they flip a claim.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "also",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "upon",
        "via",
        "within",
        "without",
        "among",
        "amid",
        "per",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "tells",
        "according",
        "reportedly",
        "reported",
        "reports",
        "report",
        "however",
        "though",
        "although",
        "yet",
        "thus",
        "hence",
        "therefore",
        "meanwhile",
        "moreover",
        "furthermore",
        "s",
        "t",
        "ll",
        "re",
        "ve",
        "d",
        "m",
        "one's",
        "whose",
        "whether",
        "either",
        "neither",
        "even",
        "still",
        "already",
        "now",
    ]
)

_NUMBER_WORDS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
# "one" is left alone: it is far more often a pronoun ("one of the ...") than a count.

_MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})  # fmt: skip

# Digit-group separators: "50,000", "1,376,000" (not "3,4" in a list of small numbers).
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CONTRACTION = re.compile(r"n't\b")
_POSSESSIVE = re.compile(r"'s\b")
# A number, optionally followed by a scale word, or a word.
_TOKEN = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)(?:\s*(?P<mult>thousand|million|billion|trillion)\b"
    r"|(?P<abbr>bn|mn|tn|k|m|b)\b)?"
    r"|(?P<word>[^\W\d_]+)"
)


def clean(text: str) -> str:
    """Unicode-normalised, case-folded text with one kind of quote and plain digit groups."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _THOUSANDS.sub("", text)
    text = _CONTRACTION.sub(" not", text)
    return _POSSESSIVE.sub("", text)


def _number(num: str, mult: str | None) -> str:
    value = float(num) * (_MULTIPLIERS[mult] if mult else 1)
    if value.is_integer():
        return str(int(value))
    return f"{value:g}"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, consistent suffix trimmer: plurals, -ing, -ed. Numbers pass through.

    It conflates "troops"/"troop", "launched"/"launch", "casualties"/"casualty"; it does not
    try to be a full stemmer, since both sides of a comparison are trimmed the same way.
    """
    if not word.isalpha() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        return _undouble(word[:-3])
    if word.endswith("ed") and len(word) > 4:
        return _undouble(word[:-2])
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _undouble(word: str) -> str:
    # "stopp" -> "stop", "planned" -> "plan"; keep "ll"/"ss" ("called" -> "call").
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


@lru_cache(maxsize=131072)
def _word(word: str) -> str:
    count = _NUMBER_WORDS.get(word)
    if count is not None:
        return str(count)
    # Stopwords stay as written so that stemming cannot turn one into a content word
    # ("does" -> "doe").
    return word if word in STOPWORDS else stem(lemma(word))


@lru_cache(maxsize=1)
def _lemmatizer() -> Callable[..., str]:
    # Imported on first use: its dictionary takes ~0.2 s to load, off the first frame.
    import simplemma

    return simplemma.lemmatize


def lemma(word: str) -> str:
    """The dictionary form of an English word, where suffix trimming cannot find it:
    irregular forms ("struck" -> "strike", "fled" -> "flee", "used"/"using" -> "use").
    Unknown words come back as given; the stemmer then trims them as before. Words of three
    letters or fewer are left alone: "us" is the country far more often than "we"."""
    if len(word) <= 3:
        return word
    found = _lemmatizer()(word, lang="en").casefold()
    return found if found.isalpha() else word


def raw_tokens(text: str) -> list[tuple[str, str, str, str]]:
    """(number, scale word, scale abbreviation, word) for each token of the cleaned text."""
    return _TOKEN.findall(clean(text))


def number_token(num: str, scale: str) -> str:
    return _number(num, scale or None)


def word_token(word: str) -> str:
    """A word as `tokens` gives it: number words as digits, lemmatised and stemmed unless a
    stopword."""
    return _word(word)


def tokens(text: str) -> list[str]:
    """Every word and number of `text`, normalised and stemmed, stopwords included."""
    # findall over groups is several times faster than finditer + group() on long corpora.
    return [
        _word(word) if word else _number(num, mult or abbr)
        for num, mult, abbr, word in _TOKEN.findall(clean(text))
    ]


def is_content(token: str) -> bool:
    return token not in STOPWORDS and (len(token) > 1 or token.isdigit())
