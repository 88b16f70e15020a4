"""Figures and calendar dates stated in a sentence.

Dates are found first; numbers inside a date ("Nov. 7", "August 6, 2024") or used as a year
("in 2023", "the 2023 counter-offensive") are dates, not quantities. Ordinals ("95th"),
identifiers glued to letters ("F-16", "COVID-19") and times of day ("7:15 a.m.", "7 p.m.",
"19h40"; `tui.claims.times`) are not quantities either.
Offsets are relative to the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.claims.times import find_times
from tui.support.wordsets import wordset

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len)[::-1]) + r")"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DATE_PATTERNS = (
    # "Nov. 7", "August 6, 2024", "Sept 30 2023"
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    # "7 November 2024", "6th of August"
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+{_YEAR}\b)?"),
    # "August 2024", "in August": a month alone only after a word that introduces a time,
    # so that "May" (the verb) and "March" (the noun) stay words.
    re.compile(rf"\b{_MONTH}\.?,?\s+{_YEAR}\b"),
    re.compile(
        r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|till|[Ff]rom|[Tt]hrough|[Dd]uring|[Ee]arly|[Ll]ate|"
        r"mid|[Ll]ast|[Nn]ext|[Tt]his|of|[Bb]efore|[Aa]fter|between|and|to)"
        rf"[\s-]+(?P<alone>{_MONTH})\b(?!\.?\s+\d)"
    ),
)
# A bare year: "in 2023", "the 2023 offensive", "2022-23". Not "2000 troops" (see below).
_LETTERS = re.compile(r"[a-z]+")
_MONTH_WORDS = frozenset(_MONTHS)
_DIGIT = re.compile(r"\d")
_MONTH_CUE = re.compile("|".join(sorted({m[:3].capitalize() for m in _MONTHS})))
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
_BARE_YEAR = re.compile(r"(?<![\d,.$€£-])\b(?P<year>1[89]\d\d|20\d\d)\b(?![,.]\d|%)")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure a sentence states: its value, the word it counts, and where it stands."""

    value: float
    unit: str  # "troops", "square kilometers", "" when no counted word is found
    text: str  # the surface form, e.g. "50,000" or "30-day"
    start: int  # offsets relative to the claim text
    end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date a sentence states; parts it does not state are None."""

    text: str  # the surface form, e.g. "Nov. 7" or "August 6, 2024"
    year: int | None
    month: int | None
    day: int | None
    start: int  # offsets relative to the claim text
    end: int


def lexicon(text: str) -> frozenset[str]:
    """The sentence's words in lower case: cheap tests that spare the costly regexes."""
    return frozenset(_LETTERS.findall(text.lower()))


def find_dates(text: str, words: frozenset[str] | None = None) -> list[DateMention]:
    """Calendar dates, earliest first, never overlapping. `words` is `lexicon(text)`."""
    if words is None:
        words = lexicon(text)
    # Every date pattern needs a capitalised month name, which opens with one of these.
    has_month = not words.isdisjoint(_MONTH_WORDS) and _MONTH_CUE.search(text) is not None
    if not has_month and not _FOUR_DIGITS.search(text):
        return []  # no month name and no four digits: no date (the common case)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # The date patterns are costly alternations: run them only when a month name is there.
    for pattern in _DATE_PATTERNS if has_month else ():
        for m in pattern.finditer(text):
            span = "alone" if m.groupdict().get("alone") else 0
            start, end = m.span(span)
            if not free(start, end):
                continue
            parts = m.groupdict()
            month = _MONTHS[parts["month"].casefold()]
            day = int(parts["day"]) if parts.get("day") else None
            year = int(parts["year"]) if parts.get("year") else None
            taken.append((start, end))
            found.append(DateMention(m.group(span), year, month, day, start, end))
    for m in _BARE_YEAR.finditer(text) if _FOUR_DIGITS.search(text) else ():
        if free(m.start(), m.end()) and _reads_as_year(text, m.end()):
            taken.append((m.start(), m.end()))
            found.append(
                DateMention(m.group(0), int(m.group("year")), None, None, m.start(), m.end())
            )
    return sorted(found, key=lambda f: f.start)


_COUNTED_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}([a-z]+)")


def _reads_as_year(text: str, end: int) -> bool:
    """'2000 troops' counts troops; '2023 counter-offensive' and 'in 2023' are years."""
    m = _COUNTED_AFTER.match(text, end)
    if not m:
        return True
    word = m.group(1)
    return not (word.endswith("s") and not word.endswith("ss")) or word in _NOT_COUNTED


_NOT_COUNTED = frozenset({"was", "is", "has", "as", "its", "this", "his", "elections", "polls"})


_SPELLED = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9,
          "billion": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees"}
_SPELLED_RE = "|".join(sorted(_SPELLED, key=len, reverse=True))
# "twenty-seven": tens and units joined by a hyphen, one number.
_TENS_UNITS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(?:one|two|three|four|five|six|seven|eight|nine)\b"
)
_NUMBER = re.compile(
    r"(?<![\w.,\-/:])(?P<cur>[$€£¥₹])?"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<word>(?i:{_TENS_UNITS})|(?i:{_SPELLED_RE})"
    r"|(?i:an?|one)(?=\s+(?i:hundred|thousand|million|billion)\b)))"
    r"(?![\d/:]|[.,]\d|st\b|nd\b|rd\b|th\b|[A-Za-z]{1,2}\b(?<![km]\b)(?<!bn\b)(?<!mn\b)(?<!tn\b))"
    r"(?:\s*(?P<scale>(?i:thousand|million|billion|trillion)\b|(?:bn|mn|tn|[km])\b))?"
    r"(?P<pct>\s*(?:%|(?i:percent|per\s+cent)\b))?"
    r"(?P<compound>-[A-Za-z]+(?:-[A-Za-z]+)*)?"
)
# Suffixes of "50,000-strong group": the counted word is the noun that follows.
_ADJECTIVE_SUFFIXES = frozenset({"strong", "odd", "plus", "long", "old", "wide", "high"})
_IRREGULAR_PLURALS = wordset(
    "men women people children personnel police staff troops cattle deer sheep"
)
_NP_STOP = wordset(
    """of in on at to from for with by or but who which that were was are is be been have has
    had will would could can may might should must than as into across since during near
    inside over under after before about against between per each a an the their its his her
    our this these those they it there here said say says more less ready"""
)
_WORD = re.compile(r"[A-Za-z][\w'’]*(?:-[A-Za-z]+)*|[^\sA-Za-z]")
_MEASURE_PREFIXES = frozenset({"square", "cubic", "metric", "nautical"})


def _plural(word: str) -> bool:
    w = word.casefold()
    return w in _IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith(("ss", "us", "is")))


def counted_word(text: str, pos: int) -> str:
    """The noun a figure counts: the head of the noun phrase that starts at `pos`."""
    words: list[str] = []
    for m in _WORD.finditer(text, pos):
        word = m.group(0)
        if not word[0].isalpha():
            break
        key = word.casefold()
        if key in _NP_STOP:
            break
        if key == "and":
            after = text[m.end() : m.end() + 2].strip()
            if after[:1].isupper():  # "Russian and North Korean troops"
                continue
            break
        head = word.split("-")[0]
        if _plural(head) and head[0].islower():
            if words and words[-1].casefold() in _MEASURE_PREFIXES:
                return f"{words[-1]} {head}"
            return head
        words.append(word)
        if len(words) == 4:
            break
    # A singular head ("enemy group", "magnitude"): its lower-case tail, at most two words.
    tail: list[str] = []
    for word in reversed(words):
        if not word[0].islower() or len(tail) == 2:
            break
        tail.insert(0, word)
    return " ".join(tail)


_CURRENCY_SIGNS = "$€£¥₹"  # a currency sign right before a digit starts the numeral
_NUMBER_WORDS = frozenset(_SPELLED) | {"thousand", "million", "billion"}
# Spelled out in both cases rather than with (?i), which makes the scan several times slower.
_WORD_NUMBER_START = re.compile(
    r"\b(?:"
    + "|".join(sorted({*_SPELLED, *(w.capitalize() for w in _SPELLED)}, key=len, reverse=True))
    + r"|(?:[Aa]n?|[Oo]ne)(?=\s+(?:hundred|thousand|million|billion)\b))\b"
)


def _candidates(text: str, words: frozenset[str]) -> list[re.Match[str]]:
    """_NUMBER matches, tried only where a numeral or a number word starts (much faster
    than letting one big alternation scan every position)."""
    digits = _DIGIT.search(text) is not None
    number_words = not words.isdisjoint(_NUMBER_WORDS)
    if not digits and not number_words:
        return []  # nothing can start a figure (the common case)
    starts = []
    if digits:  # where `[$€£¥₹]?\d` matches, found faster by scanning for digits alone
        for digit in _DIGIT.finditer(text):
            i = digit.start()
            starts.append(i - 1 if i and text[i - 1] in _CURRENCY_SIGNS else i)
    if number_words:
        starts += [m.start() for m in _WORD_NUMBER_START.finditer(text)]
    found: list[re.Match[str]] = []
    last_end = -1
    for start in sorted(starts):
        if start < last_end:
            continue
        m = _NUMBER.match(text, start)
        if m and m.end() > start:
            found.append(m)
            last_end = m.end()
    return found


_FIGURE_WORDS = _MONTH_WORDS | _NUMBER_WORDS
_MAGNITUDE_BEFORE = re.compile(r"\b[Mm]agnitude(?: of)?\s*$")


def find_figures(text: str, words: frozenset[str]) -> tuple[list[DateMention], list[Quantity]]:
    """`find_dates` and `find_quantities` together, with one cheap test for the common
    sentence that has neither: no digit, no month name, no number word."""
    if words.isdisjoint(_FIGURE_WORDS) and _DIGIT.search(text) is None:
        return [], []
    dates = find_dates(text, words)
    return dates, find_quantities(text, dates, words)


def find_quantities(
    text: str, dates: list[DateMention] | None = None, words: frozenset[str] | None = None
) -> list[Quantity]:
    """Figures stated in `text`, skipping those inside the given dates and times of day."""
    if words is None:
        words = lexicon(text)
    candidates = _candidates(text, words)
    if not candidates:
        return []
    if dates is None:
        dates = find_dates(text, words)
    spans = [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in find_times(text)]
    found = []
    for m in candidates:
        start, end = m.span()
        if any(s <= start < e for s, e in spans):
            continue
        if m.group("num") is not None:
            value = float(m.group("num").replace(",", ""))
        else:
            word = m.group("word").casefold()
            value = float(sum(_SPELLED.get(part, 1) for part in word.split("-")))
        scale = m.group("scale")
        if scale:
            value *= _SCALE[scale.casefold()]
        elif m.group("word") and m.group("word").casefold() in ("a", "an", "one"):
            continue  # "a" / "one" with no scale word is not a figure
        value = round(value, 6)
        compound = m.group("compound")
        if m.group("pct"):
            unit = "percent"
        elif m.group("cur"):
            unit = _CURRENCY[m.group("cur")]
        elif compound:
            parts = compound[1:].split("-")
            if parts[0].casefold() in _ADJECTIVE_SUFFIXES:
                unit = counted_word(text, end)
            elif parts[0].casefold() in {"a", "an", "per"}:
                continue  # "one-a-day" style idioms carry no count
            elif parts[0].casefold() == "to":
                unit = ""  # a score or tally, "six-to-three"
            else:
                unit = parts[0].casefold()
        elif _MAGNITUDE_BEFORE.search(text, max(0, start - 14), start):
            unit = "magnitude"  # "a magnitude 6.0 quake"
        else:
            unit = counted_word(text, end)
        surface = text[start:end]
        found.append(Quantity(value, unit, surface, start, end))
    return found
