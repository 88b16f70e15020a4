"""Times of day stated in a sentence: "7:15 a.m.", "7.15am", "at 19:40", "7 h 40", "at noon".

A time is read only where its form says it is one, so that scores ("won 3-1"), ratios
("7:1"), verses ("John 3:16") and race times stay what they are:

- with a.m./p.m.: "7:15 a.m.", "7.15am", "7 p.m.", "11 PM";
- the French "7 h 40", "19h40" (with its minutes; "7 h" alone is as often a duration);
- two-digit minutes after a colon ("19:40", "7:40") only right after a word that introduces
  a time ("at", "around", "before", "until" ...) or right before a zone ("GMT", "local
  time");
- "noon", "midnight", "midday" only after such a word ("at noon").

Numbers inside a time are not figures (`tui.claims.quantities` skips them). A time's value
is its minutes after midnight; one written without a.m./p.m. on a 12-hour dial ("at 7:40")
may be either half of the day. Offsets are relative to the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time of day a sentence states."""

    text: str  # the surface form, e.g. "7:15 a.m." or "19h40"
    minutes: int  # minutes after midnight (0-1439), morning when the half is not said
    both_halves: bool  # "at 7:40": 7:40 or 19:40
    to_the_hour: bool  # "7 p.m.", "noon": no minutes written
    zone: str  # "GMT", "local time" (as written, upper-cased abbreviations); "" when none
    start: int  # offsets relative to the sentence text
    end: int


_MERIDIEM = r"(?P<mer>[AaPp])(?:\.\s?[Mm]\b\.?|\s?[Mm]\b)"  # "a.m.", "am", "PM" (not "am.")
_ZONES = (
    r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MT|"
    r"AKST|HST|IST|JST|KST|HKT|SGT|AEST|AEDT|NZST|NZDT|SAST|WAT|EAT|MSK|TRT|Zulu|"
    r"[Ll]ocal(?: time)?|heure locale|hrs)\b"
)
_ZONE = rf"(?:\s*(?P<zone>{_ZONES}(?:[+-]\d{{1,2}})?))?"
# A word that introduces a time of day ("at 19:40", "shortly before 7:40", "à 7 h 40").
_CUE = (
    r"(?:\b(?:[Aa]t|[Aa]round|[Aa]bout|[Aa]pproximately|[Rr]oughly|[Bb]efore|[Aa]fter|[Uu]ntil|"
    r"[Tt]ill|[Bb]y|[Ff]rom|[Ss]ince|[Tt]o|[Bb]etween|and|[Vv]ers)\s+|\b[Àà]\s+)"
)
_PATTERNS = (
    # "7:15 a.m.", "7.15am", "11:05 PM"
    re.compile(r"(?<![\w.,:/-])(?P<h>1[0-2]|0?[1-9])[:.](?P<m>[0-5]\d)\s?" + _MERIDIEM + _ZONE),
    # "7 p.m.", "7pm"
    re.compile(r"(?<![\w.,:/-])(?P<h>1[0-2]|0?[1-9])\s?" + _MERIDIEM + _ZONE),
    # "7 h 40", "19h40", "19 h 05"
    re.compile(r"(?<![\w.,:/-])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<m>[0-5]\d)\b(?!\s?min)" + _ZONE),
    # "19:40 GMT", "7:40 local time": a zone makes it a time
    re.compile(
        r"(?<![\w.,:/-])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:.,]\d|\w)"
        rf"\s*(?={_ZONES})" + _ZONE
    ),
    # "at 19:40", "around 7:40": a word that introduces a time makes it one
    re.compile(_CUE + r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:.,]\d|[\w:/-])" + _ZONE),
    re.compile(_CUE + r"(?:the\s+)?(?P<word>noon|midday|midnight)\b"),
)
_DIAL12 = frozenset({3, 4})  # colon forms without a.m./p.m.: "at 7:40" may be 19:40
_WORD_MINUTES = {"noon": 720, "midday": 720, "midnight": 0}
_QUICK = re.compile(r"\d\s?[AaPp](?:\.\s?)?[Mm]|\d\s?h\s?\d|\d:\d\d|noon|midday|midnight")
# What each pattern needs, found cheaply: most sentences with a digit state no time.
_MER_NEEDS = re.compile(r"\d\s?[AaPp](?:\.\s?)?[Mm]")
_H_NEEDS = re.compile(r"\d\s?h\s?\d")
_COLON_NEEDS = re.compile(r"\d:\d\d")
_WORD_NEEDS = re.compile(r"noon|midday|midnight")
_NEEDS = (_MER_NEEDS, _MER_NEEDS, _H_NEEDS, _COLON_NEEDS, _COLON_NEEDS, _WORD_NEEDS)


@lru_cache(maxsize=8192)
def find_times(text: str) -> tuple[TimeMention, ...]:
    """Times of day in `text`, earliest first, never overlapping."""
    if _QUICK.search(text) is None:
        return ()  # no form of a time and no time word: the common case
    found: list[TimeMention] = []
    for k, pattern in enumerate(_PATTERNS):
        if _NEEDS[k].search(text) is None:
            continue
        for m in pattern.finditer(text):
            start = m.start("word") if m.groupdict().get("word") else m.start("h")
            end = m.end()
            if any(start < t.end and t.start < end for t in found):
                continue
            found.append(_mention(m, text, start, end, dial12=k in _DIAL12))
    return tuple(sorted(found, key=lambda t: t.start))


def _mention(m: re.Match[str], text: str, start: int, end: int, dial12: bool) -> TimeMention:
    parts = m.groupdict()
    zone = (parts.get("zone") or "").strip()
    zone = "local time" if zone.casefold().startswith(("local", "heure")) else zone.upper()
    zone = "" if zone == "HRS" else zone  # "19:40 hrs" names no zone
    if parts.get("word"):
        minutes = _WORD_MINUTES[parts["word"].casefold()]
        return TimeMention(text[start:end], minutes, False, True, zone, start, end)
    hour, minute = int(parts["h"]), int(parts.get("m") or 0)
    both = False
    if parts.get("mer"):
        hour = hour % 12 + (12 if parts["mer"].casefold() == "p" else 0)
    elif dial12 and 1 <= hour <= 12 and not parts["h"].startswith("0"):
        both = True  # "at 7:40" on a 12-hour dial; "07:40", "19:40" and "7 h 40" are 24-hour
        hour %= 12
    surface = text[start:end].rstrip()
    return TimeMention(
        surface, hour * 60 + minute, both, parts.get("m") is None, zone, start, start + len(surface)
    )
