"""Figures and dates that disagree between two matched claims.

A figure is read as an interval, because news figures are hedged and rounded: "nearly
10,000" is a bit under 10,000, "over 50,000" is 50,000 or more, "about 11,000" is within a few
percent of it, "10,000-12,000" is a range. Two figures about the same thing conflict only when
their intervals cannot both be true, so "50,000" and "over 50,000" agree while "nearly
10,000" and "approximately 11,000" do not.

"The same thing" means the same counted word, allowing plural/singular and a few common
synonyms ("troops"/"soldiers"), and no contradicting modifiers ("Russian troops" is not
"North Korean troops"). Figures with no counted word are not compared: a bare number in two
sentences is too often about different things.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tui.claims import Claim, DateMention, Quantity
from tui.normalise import STOPWORDS, stem


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures or dates about the same thing that disagree between two claims."""

    kind: str  # "number" or "date"
    subject: str  # what is counted ("troops"), or "" for dates
    a: str  # surface text in claim a
    b: str  # surface text in claim b


# Nouns news text uses interchangeably for the same count.
_SYNONYMS = {
    "soldier": "troop", "serviceman": "troop", "servicemen": "troop", "fighter": "troop",
    "servicemember": "troop", "person": "people", "resident": "people", "individual": "people",
    "fatality": "death", "dead": "death", "kilometre": "km", "kilometer": "km",
    "mile": "mi", "percent": "%", "pct": "%", "cent": "%", "dollar": "$", "usd": "$",
    "euro": "€", "eur": "€", "pound": "£", "gbp": "£", "sterling": "£",
}  # fmt: skip

EXACT_SLACK = 0.005  # a bare figure: rounding in the last digits only
APPROX = 0.05  # "about", "around", "approximately", "some", "an estimated"
NEARLY = 0.10  # "nearly", "almost", "close to", "just under": up to 10% below

_BEFORE = [
    (re.compile(r"\b(?:nearly|almost|close to|just under|just shy of)\s*$"), "nearly"),
    (re.compile(r"\b(?:up to|as many as|as much as|at most|no more than|a maximum of)\s*$"), "max"),
    (re.compile(r"\b(?:under|less than|fewer than|below)\s*$"), "max"),
    (re.compile(r"\b(?:over|more than|at least|above|upwards of|in excess of|exceeding|"
                r"just over|a minimum of|no fewer than|no less than)\s*$"), "min"),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|an estimated|estimated|"
                r"circa|c\.|approx\.?|~)\s*$"), "approx"),
]  # fmt: skip
_AFTER = [
    (re.compile(r"^\s*(?:\+|-?plus\b|or more\b|and more\b|and up\b)"), "min"),
    (re.compile(r"^\s*(?:or so\b|or thereabouts\b)"), "approx"),
    (re.compile(r"^\s*(?:or fewer\b|or less\b|at most\b)"), "max"),
]
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    low: float
    high: float
    unit: str  # the surface unit, shown in the conflict
    head: str  # canonical head noun
    modifiers: frozenset[str]
    text: str  # what is quoted in the conflict


def _hedge(text: str, q: Quantity) -> str:
    before = text[max(0, q.start - 30) : q.start].lower()
    after = text[q.end : q.end + 16].lower()
    for pattern, kind in _BEFORE:
        if pattern.search(before):
            return kind
    for pattern, kind in _AFTER:
        if pattern.search(after):
            return kind
    return "exact"


def _interval(value: float, hedge: str) -> tuple[float, float]:
    if hedge == "nearly":
        return value * (1 - NEARLY), value
    if hedge == "max":
        return -math.inf if value < 0 else 0.0, value
    if hedge == "min":
        return value, math.inf
    slack = APPROX if hedge == "approx" else EXACT_SLACK
    return value - abs(value) * slack, value + abs(value) * slack


def _unit_words(unit: str) -> list[str]:
    words = re.findall(r"[^\W_]+|[%$€£]", unit.lower())
    out = []
    for w in words:
        if w in STOPWORDS:
            continue
        s = stem(w)
        out.append(_SYNONYMS.get(s, _SYNONYMS.get(w, s)))
    return out


def figures(claim: Claim) -> tuple[Figure, ...]:
    """The claim's quantities as intervals; adjacent "A-B" / "A to B" pairs become one range."""
    return _figures_of(claim.text, claim.numbers)


# A claim is in many matches on a large corpus: its figures are read once.
@lru_cache(maxsize=4096)
def _figures_of(claim_text: str, numbers: tuple[Quantity, ...]) -> tuple[Figure, ...]:
    out: list[Figure] = []
    qs = sorted(numbers, key=lambda q: q.start)
    k = 0
    while k < len(qs):
        q = qs[k]
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if nxt is not None and _RANGE_GAP.match(claim_text[q.end : nxt.start]):
            low, high = sorted((q.value, nxt.value))
            unit = nxt.unit or q.unit
            text = claim_text[q.start : nxt.end]
            k += 2
        else:
            low, high = _interval(q.value, _hedge(claim_text, q))
            unit, text = q.unit, _quoted(claim_text, q)
            k += 1
        words = _unit_words(unit)
        if words:
            out.append(Figure(low, high, unit, words[-1], frozenset(words[:-1]), text))
    return tuple(out)


def _quoted(text: str, q: Quantity) -> str:
    """The figure with its hedge word, e.g. "nearly 10,000", for the reader."""
    start = max(0, q.start - 30)
    before = text[start : q.start]
    for pattern, _ in _BEFORE:
        hit = pattern.search(before.lower())
        if hit and len(before.lower()) == len(before):
            return text[start + hit.start() : q.end]
    return q.text


def _same_thing(x: Figure, y: Figure) -> bool:
    if x.head != y.head:
        return False
    # Both say whose or which ("Russian troops", "North Korean troops") and share nothing.
    return not (x.modifiers and y.modifiers and not (x.modifiers & y.modifiers))


def _overlap(x: Figure, y: Figure) -> bool:
    return x.low <= y.high and y.low <= x.high


def number_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    if not (a.numbers and b.numbers):
        return []  # the common case, at once
    fa, fb = figures(a), figures(b)
    # Figures that agree with a counterpart are settled first, so that a second, different
    # figure in one sentence ("50,000 troops, 10,000 of them ...") is not set against them.
    open_a = [x for x in fa if not any(_same_thing(x, y) and _overlap(x, y) for y in fb)]
    open_b = [y for y in fb if not any(_same_thing(x, y) and _overlap(x, y) for x in fa)]
    out: list[Conflict] = []
    used: set[int] = set()
    for x in open_a:
        candidates = [(k, y) for k, y in enumerate(open_b) if k not in used and _same_thing(x, y)]
        if not candidates:
            continue
        # The closest figure is the one most likely to be the same count reported differently.
        k, y = min(
            candidates, key=lambda ky: abs(math.log1p(abs(ky[1].low)) - math.log1p(abs(x.low)))
        )
        used.add(k)
        out.append(
            Conflict("number", y.unit if len(y.unit) < len(x.unit) else x.unit, x.text, y.text)
        )
    return out


def _date_fields(d: DateMention) -> dict[str, int]:
    return {
        k: v for k, v in (("year", d.year), ("month", d.month), ("day", d.day)) if v is not None
    }


def _dates_agree(x: DateMention, y: DateMention) -> bool:
    fx, fy = _date_fields(x), _date_fields(y)
    return all(fx[k] == fy[k] for k in fx.keys() & fy.keys())


def _dates_comparable(x: DateMention, y: DateMention) -> bool:
    # A bare day number says nothing without its month.
    shared = _date_fields(x).keys() & _date_fields(y).keys()
    return bool(shared - {"day"})


def date_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    if not (a.dates and b.dates):
        return []
    open_a = [x for x in a.dates if not any(_dates_agree(x, y) for y in b.dates)]
    open_b = [y for y in b.dates if not any(_dates_agree(x, y) for x in a.dates)]
    out: list[Conflict] = []
    used: set[int] = set()
    for x in open_a:
        for k, y in enumerate(open_b):
            if k not in used and _dates_comparable(x, y):
                used.add(k)
                out.append(Conflict("date", "", x.text, y.text))
                break
    return out


def find_conflicts(a: Claim, b: Claim) -> tuple[Conflict, ...]:
    """Disagreeing figures, then dates, in the order they appear in claim a."""
    return (*number_conflicts(a, b), *date_conflicts(a, b))
