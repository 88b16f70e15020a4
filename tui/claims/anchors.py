"""When and where a claim places what it states: its time anchors and its place marks.

News sentences about the story's own event are dated by weekday or relative words ("on
Tuesday", "overnight", "yesterday"), sometimes by a calendar date; background sentences
about other events by a year, a month, or a relative past ("in 2004", "In September", "last
year", "two years ago"), or by words that say the event is another one ("another storm", "an
earlier explosion", "in neighbouring Arland"). This module only reads those words;
`tui.matching.scope` decides whether two claims are about one moment and place.

Not anchors: a date that bounds a span rather than placing the claim ("since 2014", "until
Monday", "from 198"), and the time a source spoke ("the agency said on Wednesday").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.claims.quantities import DateMention, find_dates, lexicon
from tui.support.wordsets import wordset


@dataclass(frozen=True, slots=True)
class TimeAnchor:
    """One time a claim is placed at.

    kind "date" (a month and day, maybe a year), "month" (maybe with a year), "year",
    "weekday", or "relative": `offset` units ("day", "week", "month", "year") from the
    article's own date, 0 for the current one ("today", "this year"), -1 for the last
    ("yesterday", "last year"); `offset` is None for "this week"-like spans."""

    kind: str
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    unit: str = ""
    offset: int | None = None
    soft: bool = False  # bounds a span or dates a source's words: may agree, never differs


@dataclass(frozen=True, slots=True)
class Anchors:
    times: tuple[TimeAnchor, ...] = ()
    elsewhere: str = ""  # words that put the claim at another event or place, or ""
    places: frozenset[tuple[str, str]] = frozenset()  # (kind, name): ("province", "kirel")

    @property
    def anchored(self) -> bool:
        return bool(self.elsewhere or self.places or any(not t.soft for t in self.times))


NONE = Anchors()

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(?P<day>" + "|".join(_WEEKDAYS) + r")(?!s\b)\b")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50,
}  # fmt: skip
_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}
_RELATIVE = [
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I), "day", 0),
    (re.compile(r"\b(?:yesterday|last night)\b", re.I), "day", -1),
    (re.compile(r"\bovernight\b", re.I), "day", 0),
    (re.compile(r"\btomorrow\b", re.I), "day", 1),
    (re.compile(r"\b(?:this|earlier this|later this) (?P<unit>week|month|year)\b", re.I), "", 0),
    (re.compile(r"\b(?:last|the previous|the past) (?P<unit>week|month|year)\b", re.I), "", -1),
    (re.compile(r"\bnext (?P<unit>week|month|year)\b", re.I), "", 1),
    (
        re.compile(
            r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
            r"fifty) (?P<unit>day|week|month|year|decade)s? ago\b",
            re.I,
        ),
        "",
        None,
    ),
]
# A date after these words bounds a span ("since 2014", "until Monday"): not the claim's time.
_SPAN_WORDS = wordset(
    "since until till through from before after between ahead starting beginning effective"
)
_WHEN_AFTER = re.compile(r",?\s+when\b")
# Verbs of saying: a time right after one ("said on Wednesday") is when the source spoke.
_SAYING = wordset(
    """said says say told tells added adds stated states announced announces confirmed
    confirms reported reports wrote writes posted according statement claimed claims
    estimated estimates disclosed discloses revealed reveals warned warns noted notes
    insisted insists admitted admits"""
)
_EVENT_NOUNS = (
    "earthquake|quake|tremor|storm|cyclone|hurricane|typhoon|tornado|fire|wildfire|blaze|"
    "flood|flooding|landslide|tsunami|eruption|attack|bombing|explosion|blast|shooting|"
    "strike|crash|accident|derailment|collision|disaster|election|vote|referendum|poll|"
    "ruling|decision|verdict|case|trial|law|bill|deal|merger|takeover|acquisition|outbreak|"
    "epidemic|incident|protest|war|offensive|raid|hack|breach|ransomware"
)
_PLACE_NOUNS = (
    "province|county|region|state|district|prefecture|municipality|island|country|city|town|"
    "village|canton|department|borough|commune|parish|territory"
)
_OTHER = re.compile(
    r"\b(?i:another|a second|a separate|a different|an earlier|a previous|the previous|"
    r"a similar|a nearby|nearby|neighbou?ring|rival)\s+(?:[a-z][\w-]*\s+)?"
    rf"(?i:{_EVENT_NOUNS}|{_PLACE_NOUNS})\b"
    r"|\b(?i:in|at|of|hit|struck|jolted)\s+(?:the\s+)?(?i:neighbou?ring|nearby|rival)\s+[A-Z]\w+"
    r"|\b(?i:rival)\s+[A-Z]\w+"
)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_PLACE_BEFORE = re.compile(rf"\b(?P<name>{_NAME})\s+(?P<kind>(?i:{_PLACE_NOUNS}))\b")
_PLACE_AFTER = re.compile(rf"\b(?P<kind>(?i:{_PLACE_NOUNS})) of (?P<name>{_NAME})")
_NOT_NAMES = wordset(
    """the a an this that these those in on at of for from to by its his her their our
    northern southern eastern western central another neighbouring neighboring nearby
    same whole entire every each"""
) | frozenset(_WEEKDAYS)
# Cheap test first: most sentences have none of these words and no digit.
_CUES = wordset(
    """today tonight morning afternoon evening yesterday night overnight tomorrow week month
    year years ago decade decades another second separate different earlier previous similar
    nearby neighbouring neighboring rival"""
) | {w.lower() for w in _WEEKDAYS}
_PLACE_CUES = frozenset(_PLACE_NOUNS.split("|"))
_WEEKDAY_WORDS = frozenset(w.lower() for w in _WEEKDAYS)
# Parts of every cue word: a sentence with none of them has no anchor but its dates (a few
# substring tests are far cheaper than reading its words).
_CUE_PARTS = (
    "day", "night", "morning", "afternoon", "evening", "tomorrow", "week", "month", "year", "ago",
    "decade", "another", "second", "separate", "different", "earlier", "previous", "similar",
    "nearby", "neighbo", "rival", "province", "county", "region", "state", "district",
    "prefecture", "municipality", "island", "country", "city", "town", "village", "canton",
    "department", "borough", "commune", "parish", "territory",
)  # fmt: skip
_RELATIVE_CUES = wordset(
    """today tonight morning afternoon evening yesterday night overnight tomorrow week month year
    ago decade"""
)
_OTHER_CUES = wordset(
    "another second separate different earlier previous similar nearby neighbouring neighboring "
    "rival"
)
_MARKS = frozenset(',;:()"“”')
_EDGES = ".,;:!?()[]\"“”‘’'—–-"


def _words_before(text: str, start: int, n: int) -> list[str]:
    """Up to `n` words before `start`, in order, lower case, back to a clause mark."""
    out: list[str] = []
    for token in reversed(text[max(0, start - 60) : start].split()):
        if token[-1] in _MARKS:
            break
        out.append(token.strip(_EDGES).casefold())
        if len(out) == n or token[0] in _MARKS:
            break
    out.reverse()
    return out


def _words_after(text: str, end: int, n: int) -> list[str]:
    out: list[str] = []
    for token in text[end : end + 40].split()[:n]:
        if token[0] in _MARKS:
            break
        out.append(token.strip(_EDGES).casefold())
        if token[-1] in _MARKS:
            break
    return out


def framed(text: str, start: int, end: int) -> bool:
    """The words at start..end bound a span or date a source's words, not the claim; but
    "since 2014, when floods killed 21" places what follows at that time."""
    if _WHEN_AFTER.match(text, end):
        return False
    before = _words_before(text, start, 6)
    # "since 2014", "until late Monday", "from March 3 to"
    if not _SPAN_WORDS.isdisjoint(before[-2:]) or (before[-1:] == ["to"] and "from" in before):
        return True
    # "the agency said on Wednesday", "told reporters in Castelmar on Wednesday"
    return not _SAYING.isdisjoint(before) or not _SAYING.isdisjoint(_words_after(text, end, 2))


@lru_cache(maxsize=4096)
def _date_anchor(
    text: str, year: int | None, month: int | None, day: int | None, soft: bool
) -> TimeAnchor:
    if day is not None and month is not None:
        return TimeAnchor("date", text, year=year, month=month, day=day, soft=soft)
    if month is not None:
        return TimeAnchor("month", text, year=year, month=month, soft=soft)
    return TimeAnchor("year", text, year=year, soft=soft)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.casefold(), 1)


def read_anchors(text: str, dates: Sequence[DateMention] | None = None) -> Anchors:
    """The claim's time anchors, other-event words and named places. `dates` are the
    claim's calendar dates when already found (`Unit.dates`)."""
    if dates is None:
        dates = find_dates(text)
    times = [
        _date_anchor(d.text, d.year, d.month, d.day, framed(text, d.start, d.end)) for d in dates
    ]
    low = text.lower()
    if not any(map(low.__contains__, _CUE_PARTS)):
        return Anchors(tuple(times)) if times else NONE  # the common case
    words = lexicon(text)
    if not words.isdisjoint(_WEEKDAY_WORDS):
        for m in _WEEKDAY.finditer(text):
            day = _WEEKDAYS.index(m.group("day"))
            soft = framed(text, m.start(), m.end())
            times.append(TimeAnchor("weekday", m.group(0), weekday=day, soft=soft))
    if not words.isdisjoint(_RELATIVE_CUES):
        for pattern, unit, offset in _RELATIVE:
            for m in pattern.finditer(text):
                soft = framed(text, m.start(), m.end())
                found_unit = unit or _UNITS[m.group("unit").casefold()]
                step = offset
                if step is None:  # "two years ago", "a decade ago"
                    step = -_count(m.group("n")) * (10 if "decade" in m.group(0).lower() else 1)
                times.append(
                    TimeAnchor("relative", m.group(0), unit=found_unit, offset=step, soft=soft)
                )
    other = _OTHER.search(text) if not words.isdisjoint(_OTHER_CUES) else None
    places: set[tuple[str, str]] = set()
    if not words.isdisjoint(_PLACE_CUES):
        for pattern in (_PLACE_BEFORE, _PLACE_AFTER):
            for m in pattern.finditer(text):
                name = [w for w in m.group("name").split() if w.casefold() not in _NOT_NAMES]
                if name and not framed(text, m.start(), m.end()):
                    places.add((m.group("kind").casefold(), " ".join(name).casefold()))
    return Anchors(tuple(times), other.group(0) if other else "", frozenset(places))
