"""A claim's figures read as the values they allow, at the precision they are stated with.

News figures are hedged and rounded, and the way a figure is written says how precise it is:

- a bare figure is precise to its last written digit: "3,240" is 3,240, "1.2 million" is
  1.15-1.25 million, "4.5 metres" is 4.45-4.55;
- "about", "around", "some", "an estimated" ... say the figure is rounded at its last
  significant digit: "about 3,000" allows anything that rounds to 3,000 (2,500-3,500),
  "about 3,200" allows 3,150-3,250. A leading 1 keeps a second digit ("about 10,000" is
  9,500-10,500), because rounding 14,000 to one digit would lose a third of it: writers
  say "about 14,000" or "about 15,000" instead;
- "nearly", "almost", "close to" say the value is a little below the figure, up to NEARLY
  below it: "nearly 10,000" is 9,000-10,000;
- "over", "more than", "at least" are lower bounds; "up to", "under" upper bounds;
- "10,000-12,000" is a range; two caps ("up to 10" / "up to 5") agree only when equal.

What a figure counts: its counted noun, or its neighbour's when it has none ("Six of its
eight carriages", "Twelve people were killed and 41 were taken to hospital"); a count of
two nouns ("operations and appointments") is not a count of one; spans of time are read in
hours ("36 hours" / "three days"); a vote's tally ("5-2", "seven votes to two") is one
figure; "another", "a further", "two more" make a figure an addition, not a total.

Two figures about the same thing are consistent when some value fits both.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from tui.claims.quantities import counted_word
from tui.claims.units import Quantity, Unit
from tui.matching.figure_roles import Context, is_increment, read_context, read_owners
from tui.matching.normalise import STOPWORDS, stem

# Nouns news text uses interchangeably for the same count. Matching's figure evidence reads
# the head folded this far (its bonus was tuned on it).
_SYNONYMS = {
    "soldier": "troop", "serviceman": "troop", "servicemen": "troop", "fighter": "troop",
    "servicemember": "troop", "person": "people", "resident": "people", "individual": "people",
    "fatality": "death", "dead": "death", "kilometre": "km", "kilometer": "km",
    "mile": "mi", "percent": "%", "pct": "%", "cent": "%", "dollar": "$", "usd": "$",
    "euro": "€", "eur": "€", "pound": "£", "gbp": "£", "sterling": "£",
}  # fmt: skip
# Further names for one count or one unit, used when comparing values: "inhabitants" are
# the residents of a place; units are spelled out, abbreviated or in US spelling. Groups
# that are part of a larger count ("civilians", "children", "casualties", which include the
# wounded) and units that differ ("ton"/"tonne") stay apart.
_SAME_COUNT = {
    "inhabitant": "people", "millimetre": "mm", "millimeter": "mm", "centimetre": "cm",
    "centimeter": "cm", "meter": "metre", "kilogram": "kg", "kilo": "kg", "liter": "litre",
    "hectare": "ha",
}  # fmt: skip

NEARLY = 0.10  # "nearly", "almost", "close to": never more than 10% below

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
_NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE_WORD = re.compile(r"(?i:thousand|million|billion|trillion|bn|mn|tn|[km])\b")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bn": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip


NO_CONTEXT = Context()


@dataclass(frozen=True, slots=True)
class Figure:
    low: float  # the values the figure allows, low..high
    high: float
    value: float  # the value as stated (a range's upper end)
    hedge: str  # "exact", "approx", "nearly", "min", "max" or "range"
    unit: str  # the surface unit, shown in the conflict
    head: str  # canonical head noun
    counts: str  # the head with every name for the same count folded, for comparing values
    modifiers: frozenset[str]
    text: str  # what is quoted in the conflict
    source: str = ""  # the claim's text
    start: int = -1  # where the figure stands in it
    end: int = -1
    increment: bool = False  # "another 25 homes": an addition, never a total
    _context: Context | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def context(self) -> Context:
        """Role, qualifiers and owners, read from the claim when first asked (most figures
        are never compared with another figure of the same noun)."""
        found = self._context
        if found is None:
            found = NO_CONTEXT
            if self.start >= 0:
                found = read_context(self.source, self.start, self.end, self.head)
            object.__setattr__(self, "_context", found)  # a cache, not a change of value
        return found

    @property
    def owners(self) -> frozenset[str]:
        """Whose figure it is: names before it in its clause ("Orsini won 51 percent")."""
        return read_owners(self.source, self.start) if self.start >= 0 else frozenset()


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


def last_digit(q: Quantity) -> float:
    """The place of the last digit written: 1 for "3,200", 0.1 for "4.5", 1e5 for "1.2m"."""
    numeral = _NUMERAL.search(q.text)
    if numeral is None:  # a number word: "five", "two million"
        word = _SCALE_WORD.search(q.text)
        return _SCALES[word.group(0).casefold()] if word else 1.0
    written = float(numeral.group(0).replace(",", ""))
    decimals = len(numeral.group(1) or "")
    scale = 1.0
    if written and abs(q.value) != written:  # a scale word multiplied it
        scale = 10.0 ** round(math.log10(abs(q.value) / written))
    return scale * 10.0**-decimals


def significant_step(value: float, written: float) -> float:
    """The place of the last significant digit, never finer than the digits written;
    a lone leading 1 keeps the digit after it (see the module's docstring)."""
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    if value == 0 or not isinstance(exponent, int):  # zero, or not a finite number
        return written
    step = max(10.0**exponent, written)
    if abs(value) == step and step / 10 >= written:  # 1, 10, 100, 1,000 ... alone
        step /= 10
    return step


def _interval(value: float, hedge: str, written: float) -> tuple[float, float]:
    if hedge == "min":
        return value, math.inf
    if hedge == "max":
        return -math.inf if value < 0 else 0.0, value
    if hedge == "nearly":
        return value - abs(value) * NEARLY, value
    step = significant_step(value, written) if hedge == "approx" else written
    return value - step / 2, value + step / 2


def _unit_words(unit: str) -> list[str]:
    words = re.findall(r"[^\W_]+|[%$€£]", unit.lower())
    out = []
    for w in words:
        if w in STOPWORDS:
            continue
        s = stem(w)
        out.append(_SYNONYMS.get(s, _SYNONYMS.get(w, s)))
    return out


def figures(claim: Unit) -> tuple[Figure, ...]:
    """The claim's quantities that count something, in order; adjacent "A-B" / "A to B"
    pairs become one range."""
    return _figures_of(claim.text, claim.numbers)


# A claim is in many matches on a large corpus: its figures are read once.
@lru_cache(maxsize=65536)
def _figures_of(claim_text: str, numbers: tuple[Quantity, ...]) -> tuple[Figure, ...]:
    tallies = _tallies(claim_text)
    qs = sorted(numbers, key=lambda q: q.start)
    if tallies:
        qs = [q for q in qs if not _inside(q, tallies)]
    elided: set[int] = set()
    if not all(q.unit for q in qs):
        qs, elided = _with_borrowed_units(claim_text, qs)
    out: list[Figure] = list(tallies)
    k = 0
    while k < len(qs):
        q = qs[k]
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if nxt is not None and _RANGE_GAP.match(claim_text[q.end : nxt.start]):
            (lv, lq), (hv, hq) = sorted(((q.value, q), (nxt.value, nxt)), key=lambda p: p[0])
            low, high = lv - last_digit(lq) / 2, hv + last_digit(hq) / 2
            value, unit, text = hv, nxt.unit or q.unit, claim_text[q.start : nxt.end]
            hedge, span = "range", (q.start, nxt.end)
            k += 2
        else:
            hedge = _hedge(claim_text, q)
            low, high = _interval(q.value, hedge, last_digit(q))
            value, unit, text = q.value, q.unit, _quoted(claim_text, q)
            span = (q.start, q.end)
            k += 1
        words = _unit_words(unit)
        if not words:
            continue
        head = words[-1]
        counts = _SAME_COUNT.get(head, head)
        also = None
        if unit.isalpha() and " and " in claim_text:
            also = _COORDINATED.match(claim_text, span[1])
        if also and also.group("unit") == unit:  # "2,000 operations and appointments"
            counts = f"{counts}+{_unit_words(also.group('noun'))[-1]}"
        hours = _HOURS.get(head)
        if hours:  # "36 hours" and "three days" are one kind of quantity
            low, high, value, counts = low * hours, high * hours, value * hours, "duration"
        mods = frozenset(words[:-1])
        figure = Figure(low, high, value, hedge, unit, head, counts, mods, text, claim_text,
                        span[0], span[1], is_increment(claim_text, span[0], span[1]))  # fmt: skip
        if span[0] in elided and not figure.context.role:
            continue  # "Of the 41 people taken to hospital, 29 had been discharged": a part
        out.append(figure)
    return tuple(out)


_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.5,
          "year": 8766.0}  # fmt: skip
_COORDINATED = re.compile(r"\s+(?P<unit>[a-z]+)\s+and\s+(?P<noun>[a-z]+s)\b")
# A figure with no counted word takes its neighbour's: "Six of its eight carriages",
# "Twelve people were killed and 41 were taken to hospital".
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+$")
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?=[a-z])")
_ELLIPSIS = re.compile(
    r"\s+(?:were|was|are|is|have|has|had|remain|remained|remains|died|will|still)\b"
)


def _with_borrowed_units(text: str, qs: list[Quantity]) -> tuple[list[Quantity], set[int]]:
    """The quantities, a bare one given its neighbour's counted word where the text says so,
    and the starts of those that took it from an earlier figure ("and 41 were ...")."""
    elided: set[int] = set()
    out = list(qs)
    for k, q in enumerate(qs):
        if q.unit:
            continue
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if nxt is not None and nxt.unit and _PARTITIVE.match(text[q.end : nxt.start]):
            out[k] = replace(q, unit=nxt.unit)
            continue
        whole = _OF_THE.match(text, q.end)
        if whole and (nxt is None or nxt.start > whole.end()):  # "five of its hospitals"
            unit = counted_word(text, whole.end())
            if unit:
                out[k] = replace(q, unit=unit)
                continue
        before = [p for p in out[:k] if p.unit]
        if before and _ELLIPSIS.match(text, q.end):
            out[k] = replace(q, unit=before[-1].unit)
            elided.add(q.start)
    return out, elided


_SMALL = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen)"
)
# A vote's tally: "voted 5-2", "by seven votes to two", "a six-to-three vote".
_TALLY = re.compile(
    rf"\b(?P<x>{_SMALL})(?:\s*[-–]\s*|\s+to\s+|-to-|\s+votes?\s+to\s+)(?P<y>{_SMALL})\b",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
_VOTE_WORDS = frozenset({"vote", "votes", "voted", "voting", "ballot", "ballots"})
_SMALL_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
}  # fmt: skip


def _tallies(text: str) -> list[Figure]:
    lower = text.lower()
    if "vot" not in lower and "ballot" not in lower:
        return []
    if _VOTE_WORDS.isdisjoint(_LETTERS.findall(lower)):
        return []
    out = []
    for m in _TALLY.finditer(text):
        x, y = (_SMALL_WORDS.get(v.casefold()) or int(v) for v in (m.group("x"), m.group("y")))
        value = 1000.0 * x + y
        low, high, said = value - 0.5, value + 0.5, m.group(0)
        tally = Figure(low, high, value, "exact", "votes", "tally", "tally", frozenset(), said)
        out.append(replace(tally, source=text, start=m.start(), end=m.end()))
    return out


def _inside(q: Quantity, tallies: list[Figure]) -> bool:
    return any(t.start <= q.start < t.end for t in tallies)


def _quoted(text: str, q: Quantity) -> str:
    """The figure with its hedge word, e.g. "nearly 10,000", for the reader."""
    start = max(0, q.start - 30)
    before = text[start : q.start]
    for pattern, _ in _BEFORE:
        hit = pattern.search(before.lower())
        if hit and len(before.lower()) == len(before):
            return text[start + hit.start() : q.end]
    return q.text


_BOUNDS = frozenset({"nearly", "min", "max"})


def consistent(x: Figure, y: Figure) -> bool:
    """Some value fits both figures. Where they only touch, roundings share no value (a value
    rounds to "about 10,000" or to "about 11,000", not both), but bounds include the figure
    they name: "nearly 50,000" and "over 50,000" are one estimate near 50,000."""
    low, high = max(x.low, y.low), min(x.high, y.high)
    if x.hedge == y.hedge == "max":  # two caps on one quantity ("up to 10" / "up to 5")
        return abs(x.high - y.high) <= max(x.high - x.value, y.high - y.value) + 1e-9 * high
    if math.isinf(high):
        return True
    gap = high - low
    tolerance = 1e-9 * max(abs(low), abs(high), 1.0)
    return gap > tolerance or (gap > -tolerance and x.hedge in _BOUNDS and y.hedge in _BOUNDS)
