"""Who a sentence says its claim comes from.

Four shapes cover most news attribution: "according to X", "reported by X", the inverted
quote tag ('..." said X') and a subject before a reporting verb ("X said", "X last week
claimed", "X, head of Y, confirmed"). A trailing "– X" after a quotation counts too. The
source is returned as the noun phrase the sentence uses, minus leading articles; a vague
subject ("Reports indicate", "Some believe", pronouns) names no source and gives "".
A subject with comma-delimited phrases about it ("The owner, Ana Lima, said ...") is read
first, so the words after the verb are never taken for the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from tui.support.wordsets import wordset

_VERBS = sorted(
    wordset(
        """said says say told tells claimed claims claim stated states reported reports
reporting announced announces confirmed confirms warned warns disclosed discloses revealed
reveals added adds noted notes estimated estimates insisted insists denied denies argued
argues wrote writes tweeted posted suggested suggests alleged alleges asserted asserts
acknowledged acknowledges admitted admits explained explains indicated indicates indicate
predicted predicts testified concluded concludes assessed assesses contended contends
cautioned cautions stressed stresses emphasised emphasized emphasises emphasizes replied
replies"""
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
# X may carry its own apposition: "The bridge is unsafe, said Jane Roe, a city engineer."
_INVERTED_COMMA = re.compile(
    rf",\s*{_TAG_VERBS}\s+(?=[^,;:\"“”]{{1,80}}"
    r"(?:,\s*(?:a|an|the|who|whose|one|its|his|her|their)\s[^,;:\"“”]{1,80})?[.!?]?$)"
)
_DASH_TAIL = re.compile(r"[”\"’]\s*[–—―-]{1,2}\s*(?P<who>[A-Z][^.!?”\"]{1,80})\s*$")
_DASH_LINE = re.compile(r"^[–—―-]{1,2}\s*(?P<who>[A-Z][^,.!?”\"]{1,80})(?:,[^.!?]*)?$")

# Words between a subject and its verb that are not part of the subject.
_SKIP_BEFORE_VERB = wordset(
    """has have had is are was were will would also recently reportedly previously earlier
    later last this week month year weeks months years ago on yesterday today publicly
    repeatedly once again already been allegedly officially separately initially monday tuesday
    wednesday thursday friday saturday sunday even now then first initially"""
)
_CLAUSE_WORDS = wordset(
    """that which who whom but while as because when if after before since although though
    so where whereas and than"""
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "some", "another", "two", "several", "even", "now", "also"}
)
# Before an ambiguous word ("these claims", "the reports") it is a noun, not a verb.
_NOUN_MARKERS = wordset(
    """the a an these those this that such his her their its our your my any no of all
    both many some other"""
)
_VAGUE = wordset(
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


# "The bakery owner, Mrs. Ana Lima, said ...", "Critics, including the mayor, said ...": a
# subject opening the sentence, one or two comma-delimited phrases about it, then the verb.
# What follows the verb is the claim, never its source (the inverted "Y, said X" shape).
_SENTENCE_OPENERS = wordset(
    """in on at after before during since by for from with under over amid despite following
    until through across among between within without against into about around near when
    if as because although though while once unless whereas however meanwhile yesterday
    today tonight overall still yet also now then last next earlier later instead indeed
    moreover furthermore separately elsewhere nevertheless nonetheless finally thus therefore
    so but and or nor yes no according asked"""
)
_APPOSITION_OPENERS = wordset(
    """the a an his her its their our one another both each who whose which including
    in at from of for with on by after during aged"""
)
_PREPOSITIONS = wordset("of for at in with to from on")
# Lower-case words inside a name: "Maria da Silva", "Jornal do Norte", "Ursula von der Leyen".
_NAME_PARTICLES = wordset("da de del della der di do dos das du van von la le al el bin ibn")
_APPOSED_VERBS = frozenset(_VERBS) - {"reporting"}


def _opens_apposition(chunk: str) -> bool:
    """Whether a comma-delimited phrase reads as one about the subject before it: a name, an
    age, "the ...", "who ...", "including ...", "speaking in ...", "head of ..."."""
    words = chunk.split()
    if not words:
        return False
    first = words[0]
    low = first.casefold()
    if first[0].isupper() or first[0].isdigit() or low in _APPOSITION_OPENERS:
        return True
    if len(low) >= 5 and low.isalpha() and low.endswith(("ing", "ed")):
        return True  # a participle phrase: "speaking in Lisbon", "based in Porto"
    return len(words) > 1 and words[1].casefold() in _PREPOSITIONS


# A source is a noun phrase: one that opens with a subject pronoun or holds an auxiliary is
# the claim itself ("..., said she had lost everything").
_SUBJECT_PRONOUNS = wordset("i we you he she it they there")
_AUXILIARIES = wordset(
    """is are was were has have had will would could should can may might must did does"""
)


def _reads_as_clause(phrase: str) -> bool:
    words = phrase.casefold().split()
    return words[0] in _SUBJECT_PRONOUNS or any(w in _AUXILIARIES for w in words)


def _introduces(chunk: str, adverbs: bool = True) -> bool:
    """Whether a sentence's first comma-delimited phrase sets the scene rather than naming
    the subject: "On Monday", "However", "Speaking in Lisbon", "Unusually" (`adverbs`)."""
    words = chunk.casefold().split()
    if not words or words[0] in _SENTENCE_OPENERS:
        return bool(words)
    first = words[0]
    if len(words) > 1 and len(first) >= 5 and first.endswith(("ing", "ed")):
        return words[1] in _PREPOSITIONS | _NOUN_MARKERS | {"about", "by"}
    return adverbs and len(words) == 1 and first.endswith("ly")


def _is_name(phrase: str) -> bool:
    """Capitalised words (a title, a person's or an organisation's name), nothing else."""
    words = [w.strip(".,'’") for w in phrase.split()]
    return (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words if w)
    )


def _apposed_subject(text: str, verbs: frozenset[str]) -> str:
    """The source of "Subject, apposition[, apposition], said ..." at the sentence's start,
    or "". A described subject with a name in apposition gives the name: "John Smith" for
    "The company's chief executive, John Smith, said"."""
    for start, _end in _occurrences(text, verbs & _APPOSED_VERBS):
        if text.count(",", 0, start) < 2:
            continue  # no room for a subject and an apposition before this verb
        prefix = text[:start].split()
        while prefix and prefix[-1].casefold() in _SKIP_BEFORE_VERB:
            prefix.pop()
        if not prefix or not prefix[-1].endswith(","):
            continue  # this verb does not follow a comma; a later one may
        chunks = [c.strip() for c in " ".join(prefix)[:-1].split(",")]
        if any(c in text[:start] for c in ';:()"“”'):
            return ""
        introduced = len(chunks) > 2 and _introduces(chunks[0])
        if introduced:
            chunks = chunks[1:]  # "On Monday, the minister, speaking in Lisbon, said"
        if not 2 <= len(chunks) <= 3:
            return ""
        subject, appositions = chunks[0], chunks[1:]
        words = subject.split()
        if (
            not words
            or len(words) > _MAX_WORDS
            or not (introduced or words[0][:1].isupper())
            or _introduces(subject, adverbs=False)
            or any(w.casefold() in _CLAUSE_WORDS - {"and"} for w in words)
            or not all(_opens_apposition(a) for a in appositions)
        ):
            return ""
        if not _is_name(_clean(subject)):
            name = next((a for a in appositions if _is_name(a)), "")
            if name:
                return _clean(name)
        return _clean(subject)
    return ""


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
    apposed = _apposed_subject(text, cues) if text.count(",") >= 2 else ""
    if apposed:
        return apposed  # it opens the sentence: no other source can come before it
    for spans, needed in _PHRASE_PATTERNS:
        if not cues & needed:
            continue
        for start, end in spans(text):
            who = _phrase_after(text, end)
            if who and not _reads_as_clause(who):
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
