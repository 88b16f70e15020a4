"""How fast the reviewer is going this session, and how long what is left should take.

The app tells a `Pace` how many claims are left each time that number changes (a verdict,
a cluster verdict, an undo, a unit made a claim or not); the first count is where the
session started. Each change is a step: the claims it settled (negative for an undo) and
the time since the step before. The rate is read from the recent steps alone: the last
`WINDOW` of them, or fewer once they span `SPAN` seconds of work. A step that took longer
than `PAUSE` is a pause (lunch, a phone call): neither its time nor its claims count, so a
break neither drags the rate down nor, after it, jumps it up.

No rate is given from fewer than `MIN_STEPS` steps, or when the recent steps settled
nothing on balance: an estimate from two decisions would be a wild number. The time left
is never negative and is zero when nothing is left.

Time comes from a clock passed in (seconds; in the app, the clock that stamps the
decisions), so tests never depend on the wall clock.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

PAUSE = 300.0  # seconds: a step longer than this is a pause, left out
WINDOW = 20  # at most this many recent steps
SPAN = 600.0  # seconds of work: fewer steps once they reach this far back...
MIN_STEPS = 5  # ...but never fewer than this; below it, no rate at all


@dataclass(frozen=True, slots=True)
class Step:
    settled: int  # claims left before minus after (negative when claims came back)
    seconds: float  # since the step before


class Pace:
    """Steps of the session's progress, and the rate and time left they give."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.steps: deque[Step] = deque(maxlen=WINDOW)
        self.left: int | None = None  # claims left at the last count
        self._since = 0.0  # when that count was taken

    def observe(self, left: int) -> None:
        """The claims left now; a count equal to the last one is no step."""
        now = self.clock()
        if self.left is None:
            self.left, self._since = left, now
            return
        if left == self.left:
            return
        seconds = max(0.0, now - self._since)  # a clock that went back counts as no time
        if seconds <= PAUSE:
            self.steps.append(Step(self.left - left, seconds))
        self.left, self._since = left, now

    def per_minute(self) -> float | None:
        """Claims settled per minute of work lately; None until there is enough to say."""
        settled, seconds, taken = 0, 0.0, 0
        for step in reversed(self.steps):
            settled += step.settled
            seconds += step.seconds
            taken += 1
            if taken >= MIN_STEPS and seconds >= SPAN:
                break
        if taken < MIN_STEPS or settled <= 0 or seconds <= 0:
            return None
        return settled * 60.0 / seconds

    def seconds_left(self, left: int | None = None) -> float | None:
        """The time `left` claims (default: the last count) should take at the recent
        rate: 0 when none is left, None when there is no rate yet."""
        left = self.left if left is None else left
        if left is None:
            return None
        if left <= 0:
            return 0.0
        rate = self.per_minute()
        return None if rate is None else left * 60.0 / rate


def rate_words(per_minute: float) -> str:
    """ "4.2/min"; under one a minute, per hour ("40/h")."""
    if per_minute >= 9.95:
        return f"{per_minute:.0f}/min"
    if per_minute >= 0.995:
        return f"{per_minute:.1f}/min"
    return f"{max(per_minute * 60, 1):.0f}/h"


def time_words(seconds: float) -> str:
    """A time left in words, as coarse as an estimate deserves: "under a minute",
    "~12 min", "~2 h 10 min"."""
    if seconds < 60:
        return "under a minute"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"~{minutes} min"
    hours, minutes = divmod(round(seconds / 600) * 10, 60)  # to ten minutes past the hour
    return f"~{hours} h" if not minutes else f"~{hours} h {minutes} min"
