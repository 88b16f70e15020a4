"""Who a sentence says its claim comes from.

Four shapes cover most news attribution: "according to X", "reported by X", the inverted
quote tag ('..." said X') and a subject before a reporting verb ("X said", "X last week
claimed", "X, head of Y, confirmed"). A trailing "– X" after a quotation counts too. The
source is returned as the noun phrase the sentence uses, minus leading articles; a vague
subject ("Reports indicate", "Some believe", pronouns) names no source and gives "".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one string, to keep long lists readable."""
    return frozenset(words.split())


_VERBS = sorted(
    _wordset(
        """said says say told tells claimed claims claim stated states reported reports
reporting announced announces confirmed confirms warned warns disclosed discloses revealed
reveals added adds noted notes estimated estimates insisted insists denied denies argued
argues wrote writes tweeted posted suggested suggests alleged alleges asserted asserts
acknowledged acknowledges admitted admits explained explains indicated indicates indicate
predicted predicts testified concluded concludes assessed assesses"""
    )
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_BY = re.compile(
    r"\b(?:reported|published|cited|quoted|announced|confirmed|estimated|claimed)\s+by\s+"
)
_TAG_VERBS = r"(?:said|says|told|added|wrote|asked|explained|noted|warned|claimed|insisted)"
# '..." said X' after a quotation; after a bare comma only when X ends the sentence
# ("The bridge is unsafe, said the inspector."), not in "X, said the cracks were ...".
_INVERTED = re.compile(rf"[,!?]?[”\"’']\s*{_TAG_VERBS}\s+(?!that\b|in\b|on\b)")
# The same from the quotation mark: a pattern that opens with a character class is searched
# much faster. `_inverted_spans` puts back the punctuation mark before it.
_INVERTED_AT_QUOTE = re.compile(_INVERTED.pattern.removeprefix("[,!?]?"))
# What every match of _BY contains; found quickly (it opens with a literal word).
_BY_CUE = re.compile(_BY.pattern.removeprefix(r"\b"))
_INVERTED_COMMA = re.compile(rf",\s*{_TAG_VERBS}\s+(?=[^,;:\"“”]{{1,80}}[.!?]?$)")
_DASH_TAIL = re.compile(r"[”\"’]\s*[–—―-]{1,2}\s*(?P<who>[A-Z][^.!?”\"]{1,80})\s*$")
_DASH_LINE = re.compile(r"^[–—―-]{1,2}\s*(?P<who>[A-Z][^,.!?”\"]{1,80})(?:,[^.!?]*)?$")

# Words between a subject and its verb that are not part of the subject.
_SKIP_BEFORE_VERB = _wordset(
    """has have had is are was were will would also recently reportedly previously earlier
    later last this week month year weeks months years ago on yesterday today publicly
    repeatedly once again already been allegedly officially separately initially monday tuesday
    wednesday thursday friday saturday sunday even now then first initially"""
)
_CLAUSE_WORDS = _wordset(
    """that which who whom but while as because when if after before since although though
    so where whereas and than"""
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "some", "another", "two", "several", "even", "now", "also"}
)
# Before an ambiguous word ("these claims", "the reports") it is a noun, not a verb.
_NOUN_MARKERS = _wordset(
    """the a an these those this that such his her their its our your my any no of all
    both many some other"""
)
_VAGUE = _wordset(
    """he she they it we i you this that these those there which who some many others
    reports report it's someone anyone people"""
)
# A full stop ends the phrase only at the end of the sentence: "Prof. Otieno" goes on.
_NP_END = re.compile(
    r"[,;:!?()”“\"]|\.(?=\W*$)|\s[–—]\s|\s(?:that|who|which|in a|on|after|when|as)\s"
)
_TOKEN = re.compile(r"[\w’'&.-]+|[,;:()“”\"]")
_MAX_WORDS = 8


def _clean(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].casefold() in _DETERMINERS:
        # Keep "The" that opens a proper name ("The New York Times").
        if words[0] == "The" and len(words) > 1 and words[1][:1].isupper():
            break
        words = words[1:]
    while words and not words[-1][-1:].isalnum():
        words[-1] = words[-1][:-1]
        if not words[-1]:
            words.pop()
    if not words or len(words) > _MAX_WORDS:
        return ""
    if len(words) == 1 and words[0].casefold() in _VAGUE and not words[0].isupper():
        return ""
    if all(
        (w.casefold() in _VAGUE and not w.isupper()) or w.casefold() in _DETERMINERS for w in words
    ):
        return ""
    return " ".join(words)


def _phrase_after(text: str, pos: int) -> str:
    m = _NP_END.search(text, pos)
    return _clean(text[pos : m.start() if m else len(text)])


def _joins_nouns(tokens: list[str], taken: int) -> bool:
    """Whether the "and" before the last `taken` tokens joins two nouns (not two clauses)."""
    index = len(tokens) - taken - 2
    if index < 0:
        return False
    word = tokens[index]
    return word[:1].isupper() or (word.isalpha() and word.endswith("s") and len(word) > 3)


def _subject_before(text: str, verb_start: int) -> str:
    """The noun phrase that ends just before the verb, skipping auxiliaries and adverbs."""
    tokens = _TOKEN.findall(text[max(0, verb_start - 200) : verb_start])
    if tokens and (tokens[-1].casefold() in _NOUN_MARKERS or tokens[-1].endswith(("'s", "’s"))):
        return ""
    while tokens and tokens[-1].casefold() in _SKIP_BEFORE_VERB:
        tokens.pop()
    if tokens and tokens[-1] == ",":
        # "Kovalenko, head of the centre, confirmed": skip the apposition back to the name.
        tokens.pop()
        while tokens and tokens[-1] not in {",", ";", ":", "(", "“", "”", '"'}:
            tokens.pop()
        if not tokens or tokens[-1] != ",":
            return ""
        tokens.pop()
    words: list[str] = []
    for token in reversed(tokens):
        if not token[0].isalnum() or token.casefold() in _CLAUSE_WORDS:
            if token.casefold() == "and" and words and _joins_nouns(tokens, len(words)):
                words.insert(0, token)  # "Ukraine and Russia said", "sources and allies"
                continue
            break
        words.insert(0, token)
        if len(words) > _MAX_WORDS:
            return ""
    if words and words[0].casefold() == "and":
        words = words[1:]
    if not words or not any(w[:1].isupper() or w.isalpha() for w in words):
        return ""
    return _clean(" ".join(words))


_LETTERS = re.compile(r"[a-z]+")
_VERB_WORDS = frozenset(_VERBS)
# Verbs of finding name a source only when nothing else in the sentence does.
_WEAK_WORDS = frozenset({"found", "finds", "showed", "shows", "concluded", "concludes"})
_TAG_WORDS = frozenset(_TAG_VERBS.strip("(?:)").split("|"))
_Spans = Callable[[str], Iterable[tuple[int, int]]]


def _spans(pattern: re.Pattern[str]) -> _Spans:
    return lambda text: (m.span() for m in pattern.finditer(text))


def _by_spans(text: str) -> Iterable[tuple[int, int]]:
    return (m.span() for m in _BY.finditer(text)) if _BY_CUE.search(text) else ()


def _inverted_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of _INVERTED's matches, in order."""
    for m in _INVERTED_AT_QUOTE.finditer(text):
        quote = m.start()
        # A match ends in a space, so the mark before the next quote is never taken yet.
        yield (quote - 1 if quote and text[quote - 1] in ",!?" else quote), m.end()


_PHRASE_PATTERNS: tuple[tuple[_Spans, frozenset[str]], ...] = (
    (_spans(_ACCORDING), frozenset({"according"})),
    (_by_spans, frozenset({"by"})),
    (_inverted_spans, _TAG_WORDS),
    (_spans(_INVERTED_COMMA), _TAG_WORDS),
)
# Every word one of which a sentence needs for any shape but the dash tail.
_CUE_WORDS = frozenset({"according", "by"}) | _TAG_WORDS | _VERB_WORDS | _WEAK_WORDS


def _occurrences(text: str, verbs: frozenset[str]) -> list[tuple[int, int]]:
    """Where the given lower-case words stand as whole words (str.find beats a big regex)."""
    found = []
    low = text.lower()
    for verb in verbs:
        start = low.find(verb)
        while start >= 0:
            end = start + len(verb)
            before = low[start - 1] if start else " "
            after = low[end] if end < len(low) else " "
            if not before.isalnum() and not after.isalnum():
                found.append((start, end))
            start = low.find(verb, end)
    return sorted(found)


def find_attribution(text: str, words: frozenset[str] | None = None) -> str:
    """The source the sentence names for its claim, or "". `words`: its lower-case words."""
    candidates: list[tuple[int, str]] = []
    if words is None:
        words = frozenset(_LETTERS.findall(text.lower()))
    cues = words & _CUE_WORDS  # a cheap test first: the regexes are costly on long sentences
    if not cues:
        return _dash_tail(text)
    for spans, needed in _PHRASE_PATTERNS:
        if not cues & needed:
            continue
        for start, end in spans(text):
            who = _phrase_after(text, end)
            if who:
                candidates.append((start, who))
                break
    for needed in (_VERB_WORDS, _WEAK_WORDS):
        verbs = cues & needed
        if not verbs:
            continue
        for start, end in _occurrences(text, verbs):
            if text.startswith(" by ", end):
                continue  # passive: "the amount claimed by Ukraine" is handled by _BY
            who = _subject_before(text, start)
            if who:
                candidates.append((start, who))
                break
        if candidates:
            break
    tail = _DASH_TAIL.search(text)
    if tail:
        who = _clean(tail.group("who"))
        if who:
            candidates.append((tail.start(), who))
    if not candidates:
        return ""
    return min(candidates)[1]


def _dash_tail(text: str) -> str:
    """The source of a trailing "– X" after a quotation, or "" (`find_attribution` when the
    sentence has none of the other shapes)."""
    tail = _DASH_TAIL.search(text)
    return _clean(tail.group("who")) if tail else ""


def dash_source(line: str) -> str:
    """The source on a line of its own that only credits a quotation: "— Jane Doe, mayor"."""
    m = _DASH_LINE.match(line.strip())
    return _clean(m.group("who")) if m else ""
