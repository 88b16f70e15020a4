"""Times of day that disagree between two claims ("collapsed at 7:15 a.m." / "collapsed at
7:40 a.m.").

A time (`tui.claims.times`) is read as the moments it allows:

- a time with its minutes is exact ("7:42 a.m." is 7:42);
- a time to the hour ("7 p.m.", "noon") or hedged ("about", "around", "approximately",
  "roughly", "vers", "or so") allows `TOLERANCE` minutes either side, since news rounds
  times to the hour and to the quarter; "shortly after" / "just after" allows up to
  `SHORTLY` minutes after it, "shortly before" up to `SHORTLY` before it;
- "at 7:40" without a.m./p.m. may be either half of the day;
- a time that bounds a span ("before 7 a.m.", "until midnight", "from 7 to 9 p.m.") places
  nothing and is never compared.

Two times disagree when no moment fits both (they are compared around the clock: "midnight"
allows 11:50 p.m.). Times in different zones, or with a zone on one side only ("19:40 GMT" /
"20:40"), are not compared. Two times are of the same thing when the word nearest each
(before it in its clause, else after it: "collapsed at 7:15", "At 7:15, the bridge ...")
is among the other's clause words both ways, and the clauses share their qualifiers (a
schedule, an expectation, a routine: "was due to reopen at 9 a.m." is not "reopened at
11 a.m."); the time a source spoke or a text came out ("said at 10 a.m.", "published
at 9:12") is not compared; when either claim states several times, only times whose
nearest words are the same are compared ("the first blast at 7:15 and the second at 7:40").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.claims.times import TimeMention, find_times
from tui.matching.normalise import is_content, word_token
from tui.support.wordsets import wordset

TOLERANCE = 15  # minutes a time to the hour or a hedged time allows either side
SHORTLY = 30  # minutes "shortly after" allows after the time ("shortly before": before it)
_DAY = 24 * 60

_HEDGE_BEFORE = re.compile(
    r"\b(?:about|around|approximately|roughly|circa|c\.|shortly (?:before|after)|"
    r"just (?:before|after)|soon after|some time (?:before|after|around)|vers|environ)"
    r"(?:\s+(?:at|à))?\s*$|~\s*$",
    re.IGNORECASE,
)
_SHORTLY = re.compile(
    r"\b(?:shortly|just|soon)\s+(?P<side>before|after)(?:\s+(?:at|à))?\s*$",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(
    r"\b(?:before|after|until|till|by|from|since|to|between|and|or|through|past|"
    r"avant|après|jusqu'à|depuis|entre|et)(?:\s+(?:at|à|the))?\s*$|[-–—]\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]|to\b|and\b|or\b|until\b|till\b|à\b|et\b)\s*\d")
_HEDGE_AFTER = re.compile(r"^\s*(?:or so|or thereabouts)\b", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–!?]|\.\s|\.$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’]*")
_TIME_WORDS = wordset(
    """am pm a m p local time gmt utc h hrs hours o'clock clock morning evening afternoon
    night tonight today yesterday monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    shortly just about around approximately roughly some soon early late earlier later
    heure heures vers environ lundi mardi mercredi jeudi vendredi samedi dimanche"""
)
# Words that make a time another kind of moment than the one an event happened at.
_QUALIFIERS = {
    "plan": "scheduled schedule scheduled due expected expect expects planned plan plans set "
    "will would deadline curfew",
    "routine": "usually normally every daily each nightly routinely",
}
_QUALIFIER_OF = {w: k for k, words in _QUALIFIERS.items() for w in words.split()}
# The moment a source spoke or a text came out is not the event's time ("the agency said
# at 10 a.m.", "Published at 9:12 a.m.", "updated at 14:05").
_SPEAKING = wordset(
    """said says say told tell tells announced announces announce statement briefing
    conference tweeted posted published publish updated update released release reported"""
)


@dataclass(frozen=True, slots=True)
class StatedTime:
    """A point in time a claim states, read for comparison."""

    mention: TimeMention
    low: tuple[int, ...]  # for each moment it may be (both halves of a 12-hour dial) ...
    high: tuple[int, ...]  # ... the window it allows, in minutes after midnight
    key: str  # the normalised word nearest the time in its clause, "" when none
    clause: frozenset[str]  # normalised content words of its clause
    qualifiers: frozenset[str]


@lru_cache(maxsize=4096)
def stated_times(text: str) -> tuple[StatedTime, ...]:
    """The times of day `text` states as points (not bounds), read for comparison."""
    out = []
    for t in find_times(text):
        before, after = text[max(0, t.start - 40) : t.start], text[t.end : t.end + 40]
        hedged = bool(_HEDGE_BEFORE.search(before) or _HEDGE_AFTER.match(after))
        if (not hedged and _BOUND_BEFORE.search(before)) or _RANGE_AFTER.match(after):
            continue  # a bound or a range places nothing
        slack = TOLERANCE if hedged or t.to_the_hour else 0
        lo_slack = hi_slack = slack
        if shortly := _SHORTLY.search(before):
            far, near = max(slack, SHORTLY), (TOLERANCE if t.to_the_hour else 0)
            before_it = shortly.group("side").casefold() == "before"
            lo_slack, hi_slack = (far, near) if before_it else (near, far)
        moments = (t.minutes, t.minutes + 720) if t.both_halves else (t.minutes,)
        key, clause, raw = _clause_words(text, t)
        if not _SPEAKING.isdisjoint(_WORD.findall(before.casefold())[-4:]):
            continue  # when a source spoke or a text came out, not when the event happened
        qualifiers = frozenset(_QUALIFIER_OF[w] for w in raw if w in _QUALIFIER_OF)
        low = tuple(m - lo_slack for m in moments)
        high = tuple(m + hi_slack for m in moments)
        out.append(StatedTime(t, low, high, key, clause, qualifiers))
    return tuple(out)


def _clause_words(text: str, t: TimeMention) -> tuple[str, frozenset[str], list[str]]:
    """The nearest content word to the time, its clause's content words, and the clause's
    raw lower-case words."""
    lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, t.start)), default=0)
    mark = _CLAUSE_MARK.search(text, t.end)
    hi = mark.start() if mark else len(text)
    before = _content(text[lo : t.start])
    after = _content(text[t.end : hi])
    if not before and not after and mark:  # "At 7:15 a.m., the bridge collapsed"
        nxt = _CLAUSE_MARK.search(text, mark.end())
        hi = nxt.start() if nxt else len(text)
        after = _content(text[mark.end() : hi])
    key = before[-1] if before else after[0] if after else ""
    raw = [w.casefold() for w in _WORD.findall(text[lo:hi])]
    return key, frozenset(before + after), raw


def _content(span: str) -> list[str]:
    words = (w.casefold() for w in _WORD.findall(span))
    tokens = (word_token(w) for w in words if w not in _TIME_WORDS)
    return [w for w in tokens if is_content(w) and not w.isdigit()]


def times_agree(x: StatedTime, y: StatedTime) -> bool:
    """Some moment fits both, around the clock."""
    return any(
        _overlap(xl, xh, yl, yh)
        for xl, xh in zip(x.low, x.high, strict=True)
        for yl, yh in zip(y.low, y.high, strict=True)
    )


def _overlap(xl: int, xh: int, yl: int, yh: int) -> bool:
    return any(xl <= yh + shift and yl + shift <= xh for shift in (-_DAY, 0, _DAY))


def comparable(x: StatedTime, y: StatedTime, several: bool) -> bool:
    """The two times are of the same thing and on the same clock (see the module's text).
    `several`: either claim states more than one time."""
    if x.mention.zone != y.mention.zone or x.qualifiers != y.qualifiers:
        return False
    if not (x.key and y.key):
        return False
    if several:
        return x.key == y.key
    return x.key in y.clause and y.key in x.clause
