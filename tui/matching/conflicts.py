"""Figures and dates that disagree between two matched claims.

A figure is read as the values it allows at the precision it is stated with
(`tui.matching.stated_figures`): "about 3,000" allows 3,240, but "about 3,200" and "about 3,400" are
both stated to the hundred and differ; "over 50,000" allows 52,000; "nearly 10,000" and
"approximately 11,000" cannot both be true. Two figures about the same thing conflict unless
one value fits both.

"The same thing" means the same counted word, allowing plural/singular and other names for
the same count ("troops"/"soldiers", "people"/"residents"/"inhabitants"), no contradicting
modifiers ("Russian troops" is not "North Korean troops"), the same role and qualifiers and
no other owner (`tui.matching.figure_roles`: "killed 31" is not "injured 412", "offered 7
percent" not "demanding 12 percent", "Orsini won 51 percent" not "Dallek won 46 percent"),
and neither an addition ("another 25 homes"). Figures with no counted word are not
compared: a bare number in two sentences is too often about different things. Two claims
about different events list no conflict at all (`scoped_conflicts`, `tui.matching.scope`),
which leaves date conflicts to dates that bound a span ("until March 3"): a claim's own
date that differs places it at another moment. Times of day of the same thing that no moment
fits both ("collapsed at 7:15 a.m." / "collapsed at 7:40 a.m.") are a conflict of kind "time"
(`tui.matching.stated_times`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tui.claims.units import DateMention, Unit
from tui.matching.figure_roles import roles_agree
from tui.matching.scope import StoryScope
from tui.matching.stated_figures import Figure, consistent, figures
from tui.matching.stated_times import comparable, stated_times, times_agree


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures or dates about the same thing that disagree between two claims."""

    kind: str  # "number", "date" or "time"
    subject: str  # what is counted ("troops"), or "" for dates and times
    a: str  # surface text in claim a
    b: str  # surface text in claim b


def _same_noun(x: Figure, y: Figure) -> bool:
    """One counted thing, no contradicting modifiers, neither an addition."""
    if x.counts != y.counts or x.increment or y.increment:
        return False
    # Both say whose or which ("Russian troops", "North Korean troops") and share nothing.
    return not (x.modifiers and y.modifiers and not (x.modifiers & y.modifiers))


def _same_thing(x: Figure, y: Figure) -> bool:
    """The same count, read alone: `_same_noun` with the same role and qualifiers."""
    return _same_noun(x, y) and roles_agree(x.context, y.context)


def _other_owners(x: Figure, y: Figure, text_a: str, text_b: str) -> bool:
    """Each figure belongs to a name the other claim does not mention ("Mirescu won 51.3
    percent" / "Lendvai won 46.1 percent")."""
    # A figure's owners are capitalised words of its claim: when every one of them is in
    # the other claim, none can be missing from it (the common case, told cheaply).
    if _capitalised(text_a) <= _words(text_b) or _capitalised(text_b) <= _words(text_a):
        return False
    return bool(x.owners - _words(text_b)) and bool(y.owners - _words(text_a))


def subject(x: Figure, y: Figure) -> str:
    """What the disagreeing figures count, with the word that says their role:
    "people (killed)", "km (depth)", "percent (rate)"."""
    unit = y.unit if len(y.unit) < len(x.unit) else x.unit
    role = x.context.role_word or y.context.role_word
    return f"{unit} ({role.casefold()})" if role else unit


def number_conflicts(a: Unit, b: Unit) -> list[Conflict]:
    if not (a.numbers and b.numbers):
        return []  # the common case, at once
    fa, fb = figures(a), figures(b)
    if not (fa and fb):
        return []

    def same(x: Figure, y: Figure) -> bool:
        return _same_thing(x, y) and not _other_owners(x, y, a.text, b.text)

    # Figures that agree with a counterpart are settled first, so that a second, different
    # figure in one sentence ("50,000 troops, 10,000 of them ...") is not set against them.
    # (Role and owner are read only where figures of one noun disagree: most agree.)
    open_a = [x for x in fa if not any(consistent(x, y) and _same_noun(x, y) for y in fb)]
    open_b = [y for y in fb if not any(consistent(x, y) and _same_noun(x, y) for x in fa)]
    out: list[Conflict] = []
    used: set[int] = set()
    for x in open_a:
        candidates = [(k, y) for k, y in enumerate(open_b) if k not in used and same(x, y)]
        if not candidates:
            continue
        # The closest figure is the one most likely to be the same count reported differently.
        k, y = min(
            candidates, key=lambda ky: abs(math.log1p(abs(ky[1].value)) - math.log1p(abs(x.value)))
        )
        used.add(k)
        out.append(Conflict("number", subject(x, y), x.text, y.text))
    return out


_WORDS = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z]\w*")


@lru_cache(maxsize=4096)
def _capitalised(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _CAPITALISED.findall(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(text.casefold()))


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


def date_conflicts(a: Unit, b: Unit) -> list[Conflict]:
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


def time_conflicts(a: Unit, b: Unit) -> list[Conflict]:
    ta, tb = stated_times(a.text), stated_times(b.text)
    if not (ta and tb):
        return []
    # Times that agree with a counterpart of the same thing are settled first.
    several = len(ta) > 1 or len(tb) > 1
    open_a = [x for x in ta if not any(times_agree(x, y) for y in tb)]
    open_b = [y for y in tb if not any(times_agree(x, y) for x in ta)]
    out: list[Conflict] = []
    used: set[int] = set()
    for x in open_a:
        for k, y in enumerate(open_b):
            if k not in used and comparable(x, y, several):
                used.add(k)
                out.append(Conflict("time", "", x.mention.text, y.mention.text))
                break
    return out


def find_conflicts(a: Unit, b: Unit) -> tuple[Conflict, ...]:
    """Disagreeing figures, then dates, then times of day, in the order they appear in
    claim a."""
    return (*number_conflicts(a, b), *date_conflicts(a, b), *time_conflicts(a, b))


def scoped_conflicts(a: Unit, b: Unit, scope: StoryScope) -> tuple[Conflict, ...]:
    """`find_conflicts` for two claims the story's scope lets be compared: none when one of
    them is about another event (`tui.matching.scope`)."""
    found = find_conflicts(a, b)  # usually none: the scope is read only when needed
    return found if found and scope.comparable(a, b) else ()
