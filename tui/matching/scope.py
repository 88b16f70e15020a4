"""Event scope: whether two claims can be about one event, by when and where they place it.

A sentence about another event (an earlier quake, last year's strike, a storm in another
province) must neither corroborate nor dispute the story's facts: a pair whose claims are
placed at different times or places gets no figure bonus and lists no conflict (it may still
match on its words). Each claim's anchors are read by `tui.claims.anchors`; this module puts
them on the calendar and compares them.

- Calendar: each article's date is its `published` date when known, else the story's own
  date: the publication date most articles have, else the date most articles' opening lines
  state (a dateline, "OSTREL, Sept 14"). With a full date, "on Tuesday", "yesterday", "last
  week", "in March", "in 2004" become spans of days and are compared as such, a day either
  way allowed (events straddle midnight: "Tuesday night" is "overnight" on Wednesday).
- Without one, anchors are compared like with like: weekday with weekday, date with date,
  year with year. One rule holds without a calendar: a time within the current week
  (a weekday, "today", "overnight", "this week") is not a year, a month or a past period
  named alone ("in 2004", "In September", "last year", "last week"): news style dates the
  story's own events by weekday and names a year or a month alone only for other times.
- Two claims are compatible unless both are anchored and no anchor of one agrees with an
  anchor of the other while some pair disagrees; a claim with no anchor is compatible with
  any. Words that place a claim at another event ("another storm", "an earlier explosion",
  "in neighbouring Arland") make it incompatible with a claim that has no such words, and
  two named places of one kind ("Sarnova province" / "Kirel province") make a pair
  incompatible.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.claims.anchors import NONE, Anchors, TimeAnchor, read_anchors
from tui.claims.units import Unit
from tui.corpus.articles import Article

# Days either way that still count as one moment.
SLACK = 1
# Claims at the start of an article read for its dateline.
LEAD_CLAIMS = 2


def parse_published(value: str | None) -> dt.date | None:
    """An article's `published` value as a date (ISO 8601 or RFC 2822), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import email.utils  # only for the rare RFC 2822 date (it imports much of the stdlib)

    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Reference:
    """What the calendar knows of an article's date: a full date, or only month and day."""

    date: dt.date | None = None
    month_day: tuple[int, int] | None = None  # when the year is unknown


@dataclass(frozen=True, slots=True)
class _When:
    anchor: TimeAnchor
    spans: tuple[tuple[int, int], ...]  # day ordinals the anchor may mean, when placed
    near: bool  # within the current week of the article
    ref_md: tuple[int, int] | None  # the article's month and day, when only they are known


def _month_span(year: int, month: int) -> tuple[int, int]:
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return first.toordinal(), last.toordinal()


def _year_near(ref: dt.date, month: int, day: int | None) -> int:
    """The year of a month (and day) stated without one: this year, unless that would put
    it well after the article's date (a December event named in a January article)."""
    try:
        stated = dt.date(ref.year, month, day or 1)
    except ValueError:
        return ref.year
    return ref.year - 1 if (stated - ref).days > 60 else ref.year


def _spans(a: TimeAnchor, ref: dt.date) -> tuple[tuple[int, int], ...]:
    """The days an anchor may cover, given the article's date: one span, or two for a
    weekday (the last one or the next)."""
    span = _span(a, ref)
    if span is None or a.kind != "weekday" or span[0] == ref.toordinal():
        return () if span is None else (span,)
    return span, (span[0] + 7, span[1] + 7)


def _span(a: TimeAnchor, ref: dt.date) -> tuple[int, int] | None:
    r = ref.toordinal()
    try:
        if a.kind == "date" and a.month and a.day:
            year = a.year or _year_near(ref, a.month, a.day)
            d = dt.date(year, a.month, a.day).toordinal()
            return d, d
        if a.kind == "month" and a.month:
            return _month_span(a.year or _year_near(ref, a.month, None), a.month)
        if a.kind == "year" and a.year:
            return dt.date(a.year, 1, 1).toordinal(), dt.date(a.year, 12, 31).toordinal()
        if a.kind == "weekday" and a.weekday is not None:
            back = (ref.weekday() - a.weekday) % 7  # the last such day
            return r - back, r - back
        if a.kind == "relative" and a.offset is not None:
            return _relative_span(a.unit, a.offset, ref)
        if a.kind == "relative":  # "this week"-like, no offset
            return r - 6, r + 6
    except (ValueError, OverflowError):
        return None
    return None


def _relative_span(unit: str, offset: int, ref: dt.date) -> tuple[int, int]:
    r = ref.toordinal()
    if unit == "day":
        return r + offset, r + offset
    if unit == "week":
        monday = r - ref.weekday() + 7 * offset
        return monday, monday + 6
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return _month_span(index // 12, index % 12 + 1)
    year = ref.year + offset
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def _is_near(a: TimeAnchor) -> bool:
    if a.kind == "weekday":
        return True
    if a.kind != "relative":
        return False
    return a.offset is None or (a.unit == "day") or (a.unit == "week" and a.offset == 0)


def _is_distant(a: TimeAnchor) -> bool:
    """Named alone for another time than the current week: a year, a month, a past or next
    period ("last week", "next year")."""
    if a.kind in ("year", "month"):
        return True
    return a.kind == "relative" and a.unit != "day" and bool(a.offset)


def _md_distance(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Days between two month-days, around the year (a leap year's calendar)."""
    dx = dt.date(2000, x[0], min(x[1], 28 if x[0] == 2 else 30 if x[0] in (4, 6, 9, 11) else 31))
    dy = dt.date(2000, y[0], min(y[1], 28 if y[0] == 2 else 30 if y[0] in (4, 6, 9, 11) else 31))
    days = abs(dx.toordinal() - dy.toordinal())
    return min(days, 366 - days)


def _agree(x: _When, y: _When) -> bool | None:
    """True: one moment; False: different moments; None: cannot tell."""
    if x.spans and y.spans:
        return any(p[0] - SLACK <= q[1] and q[0] - SLACK <= p[1] for p in x.spans for q in y.spans)
    a, b = x.anchor, y.anchor
    if x.near and y.near:
        if a.kind == b.kind == "weekday" and a.weekday is not None and b.weekday is not None:
            gap = abs(a.weekday - b.weekday)
            return min(gap, 7 - gap) <= SLACK
        return None
    if x.near or y.near:
        near, other = (x, y) if x.near else (y, x)
        o = other.anchor
        if near.ref_md and o.kind == "date" and o.month and o.day:
            return _md_distance(near.ref_md, (o.month, o.day)) <= 7 + SLACK
        if near.ref_md and o.kind == "month" and o.month:
            months = {near.ref_md[0]}
            if near.ref_md[1] <= 7:
                months.add((near.ref_md[0] - 2) % 12 + 1)
            if near.ref_md[1] >= 22:
                months.add(near.ref_md[0] % 12 + 1)
            return o.month in months
        if _is_distant(o):
            return False
        if o.kind == "relative" and o.offset == 0:  # "this month", "this year"
            return True
        return None
    return _agree_stated(a, b)


def _agree_stated(a: TimeAnchor, b: TimeAnchor) -> bool | None:
    """Two anchors neither of which is near, without a calendar: like with like."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.kind == "relative" or b.kind == "relative":
        if a.kind == b.kind and a.unit == b.unit:
            return a.offset == b.offset
        return None
    if a.month and b.month:
        if a.day and b.day:
            return _md_distance((a.month, a.day), (b.month, b.day)) <= SLACK
        return a.month == b.month
    if a.year is not None and b.year is not None:
        return True
    return None


class StoryScope:
    """The story's calendar and each claim's anchors (read once, when first asked)."""

    def __init__(
        self, references: Mapping[str, Reference], story: Reference, key: str = ""
    ) -> None:
        self._references = references
        self._story = story
        self.key = key  # what the comparisons depend on beyond the claims and their articles
        # Claims with the same anchors and calendar share an id (a kind); pairs of kinds are
        # judged once.
        self._kind_of: dict[str, int] = {}
        self._kinds: dict[tuple[Anchors, Reference], int] = {}
        self._kind_keys: list[tuple[Anchors, Reference]] = []
        self._whens: dict[int, tuple[_When, ...]] = {}
        self._judged: dict[tuple[int, int], bool] = {}

    def reference(self, article: str) -> Reference:
        return self._references.get(article) or self._story

    def anchors(self, claim: Unit) -> tuple[Anchors, tuple[_When, ...]]:
        """The claim's anchors, and its times placed on its article's calendar."""
        return self._of_kind(self.kind(claim))

    def _of_kind(self, kind: int) -> tuple[Anchors, tuple[_When, ...]]:
        if kind < 0:
            return NONE, ()
        found = self._whens.get(kind)
        if found is None:
            anchors, ref = self._kind_keys[kind]
            found = self._whens[kind] = tuple(
                _When(
                    t,
                    _spans(t, ref.date) if ref.date else (),
                    _is_near(t),
                    ref.month_day if ref.date is None else None,
                )
                for t in anchors.times
            )
        return self._kind_keys[kind][0], found

    def kind(self, claim: Unit) -> int:
        """An id shared by the claims with the same anchors on the same calendar (-1: the
        claims with none): two claims of one kind are compatible."""
        found = self._kind_of.get(claim.id)
        if found is None:
            anchors = read_anchors(claim.text, claim.dates)
            if anchors is NONE:  # the common case: one kind, whatever the calendar
                found = -1
            else:
                key = (anchors, self.reference(claim.article))
                found = self._kinds.get(key)
                if found is None:
                    found = self._kinds[key] = len(self._kind_keys)
                    self._kind_keys.append(key)
            self._kind_of[claim.id] = found
        return found

    def compatible(self, a: Unit, b: Unit) -> bool:
        """Whether the two claims can be about one event (see the module's docstring)."""
        return self.compatible_kinds(self.kind(a), self.kind(b))

    def compatible_kinds(self, ka: int, kb: int) -> bool:
        """`compatible` for claims of these kinds (each pair of kinds is judged once)."""
        if ka == kb:
            return True  # the same anchors on the same calendar agree with themselves
        key = (ka, kb) if ka < kb else (kb, ka)
        found = self._judged.get(key)
        if found is None:
            found = self._judged[key] = self._judge(ka, kb)
        return found

    def _judge(self, ka: int, kb: int) -> bool:
        (xa, wa), (xb, wb) = self._of_kind(ka), self._of_kind(kb)
        if not (xa.anchored and xb.anchored):
            return not (xa.elsewhere or xb.elsewhere)
        if bool(xa.elsewhere) != bool(xb.elsewhere):
            return False
        kinds = {k for k, _ in xa.places} & {k for k, _ in xb.places}
        for kind in kinds:
            if not (
                {n for k, n in xa.places if k == kind} & {n for k, n in xb.places if k == kind}
            ):
                return False
        verdicts = [(_agree(x, y), x.anchor.soft or y.anchor.soft) for x in wa for y in wb]
        if any(v is True for v, _ in verdicts):
            return True
        return not any(v is False and not soft for v, soft in verdicts)

    def comparable(self, a: Unit, b: Unit) -> bool:
        """Whether the figures of the two claims may be set against each other: they are
        `compatible`, and neither is placed only at another time while the other has no
        time of its own (an unanchored sentence in a story is about the story: "Turnout
        was 63.4 percent" is not disputed by "In the 2019 election, turnout was 58
        percent")."""
        if not self.compatible(a, b):
            return False
        (_, wa), (_, wb) = self.anchors(a), self.anchors(b)
        ha = tuple(w for w in wa if not w.anchor.soft)
        hb = tuple(w for w in wb if not w.anchor.soft)
        if bool(ha) == bool(hb):
            return True
        return not self._background(ha or hb, a if ha else b)

    def _background(self, whens: tuple[_When, ...], claim: Unit) -> bool:
        """Every time the claim names is another time than the story's."""
        ref = self.reference(claim.article)
        for w in whens:
            if not _is_distant(w.anchor):
                return False
            if ref.date is not None:
                r = ref.date.toordinal()
                if any(lo - 7 <= r <= hi + 7 for lo, hi in w.spans):
                    return False
            elif ref.month_day and w.anchor.kind == "month" and w.anchor.month == ref.month_day[0]:
                return False
        return True


def scope_of(claims: Sequence[Unit], articles: Sequence[Article]) -> StoryScope:
    """The scope of a corpus's claims, with its articles' publication dates."""
    return story_scope(claims, {a.id: a.published for a in articles})


def story_scope(
    claims: Sequence[Unit], published: Mapping[str, str | None] | None = None
) -> StoryScope:
    """The scope of a corpus: `published` maps article ids to their `published` values."""
    published = published or {}
    dates = {a: d for a, d in ((a, parse_published(v)) for a, v in published.items()) if d}
    story = Reference(Counter(dates.values()).most_common(1)[0][0]) if dates else _dateline(claims)
    refs = {a: Reference(d) for a, d in dates.items()}
    key = f"{story.date.isoformat() if story.date else ''}/{story.month_day or ''}"
    return StoryScope(refs, story, key)


def _dateline(claims: Sequence[Unit]) -> Reference:
    """The date most articles state in their opening claims, or nothing."""
    seen: dict[str, int] = {}
    votes: Counter[tuple[int | None, int, int]] = Counter()
    for c in claims:
        if not c.is_claim:
            continue
        n = seen[c.article] = seen.get(c.article, 0) + 1
        if n > LEAD_CLAIMS:
            continue
        for d in c.dates:
            if d.month and d.day:
                votes[(d.year, d.month, d.day)] += 1
                break
    if not votes:
        return Reference()
    (year, month, day), _ = max(votes.items(), key=lambda kv: (kv[1], kv[0][0] or 0))
    if year is not None:
        try:
            return Reference(dt.date(year, month, day))
        except ValueError:
            return Reference()
    return Reference(None, (month, day))
