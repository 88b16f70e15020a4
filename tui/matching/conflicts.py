"""Figures and dates that disagree between two matched claims.

A figure is read as the values it allows at the precision it is stated with
(`tui.matching.stated_figures`): "about 3,000" allows 3,240, but "about 3,200" and "about 3,400" are
both stated to the hundred and differ; "over 50,000" allows 52,000; "nearly 10,000" and
"approximately 11,000" cannot both be true. Two figures about the same thing conflict unless
one value fits both.

"The same thing" means the same counted word, allowing plural/singular and other names for
the same count ("troops"/"soldiers", "people"/"residents"/"inhabitants"), and no
contradicting modifiers ("Russian troops" is not "North Korean troops"). Figures with no
counted word are not compared: a bare number in two sentences is too often about different
things.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.claims.units import Claim, DateMention
from tui.matching.stated_figures import Figure, consistent, figures


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures or dates about the same thing that disagree between two claims."""

    kind: str  # "number" or "date"
    subject: str  # what is counted ("troops"), or "" for dates
    a: str  # surface text in claim a
    b: str  # surface text in claim b


def _same_thing(x: Figure, y: Figure) -> bool:
    if x.counts != y.counts:
        return False
    # Both say whose or which ("Russian troops", "North Korean troops") and share nothing.
    return not (x.modifiers and y.modifiers and not (x.modifiers & y.modifiers))


def number_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    if not (a.numbers and b.numbers):
        return []  # the common case, at once
    fa, fb = figures(a), figures(b)
    # Figures that agree with a counterpart are settled first, so that a second, different
    # figure in one sentence ("50,000 troops, 10,000 of them ...") is not set against them.
    open_a = [x for x in fa if not any(_same_thing(x, y) and consistent(x, y) for y in fb)]
    open_b = [y for y in fb if not any(_same_thing(x, y) and consistent(x, y) for x in fa)]
    out: list[Conflict] = []
    used: set[int] = set()
    for x in open_a:
        candidates = [(k, y) for k, y in enumerate(open_b) if k not in used and _same_thing(x, y)]
        if not candidates:
            continue
        # The closest figure is the one most likely to be the same count reported differently.
        k, y = min(
            candidates, key=lambda ky: abs(math.log1p(abs(ky[1].value)) - math.log1p(abs(x.value)))
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
