"""The reviewer's pace: rate over recent steps, pauses left out, no wild estimate, and a time
left that is never negative and zero when nothing is left. A fake clock drives every test."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.review.pace import MIN_STEPS, PAUSE, SPAN, WINDOW, Pace, rate_words, time_words


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run(steps: Sequence[tuple[float, int]], left: int = 100) -> Pace:
    """A pace that started with `left` claims, then saw each (seconds later, claims settled)."""
    clock = Clock()
    pace = Pace(clock)
    pace.observe(left)
    for seconds, settled in steps:
        clock.now += seconds
        left -= settled
        pace.observe(left)
    return pace


def test_no_rate_before_enough_steps() -> None:
    pace = run([(30, 1)] * (MIN_STEPS - 1))
    assert pace.per_minute() is None
    assert pace.seconds_left() is None
    pace = run([(30, 1)] * MIN_STEPS)
    assert pace.per_minute() == pytest.approx(2.0)


def test_time_left_at_a_steady_pace() -> None:
    pace = run([(20, 1)] * 10, left=100)  # 3 claims a minute, 90 left
    assert pace.left == 90
    assert pace.per_minute() == pytest.approx(3.0)
    assert pace.seconds_left() == pytest.approx(30 * 60)
    assert pace.seconds_left(0) == 0.0


def test_a_pause_counts_neither_its_time_nor_its_claim() -> None:
    steady = [(20.0, 1)] * 10
    with_lunch = [*steady[:5], (3600.0, 1), *steady[5:]]
    assert run(with_lunch).per_minute() == pytest.approx(run(steady).per_minute())
    # A step just within the limit is work, not a pause.
    slow = run([(20.0, 1)] * 9 + [(PAUSE, 1)])
    assert slow.per_minute() == pytest.approx(10 * 60 / (9 * 20 + PAUSE))


def test_only_recent_steps_count() -> None:
    # Slow at first, then fast for a whole window: the rate is the fast one.
    pace = run([(120.0, 1)] * 30 + [(10.0, 1)] * WINDOW)
    assert pace.per_minute() == pytest.approx(6.0)
    # Slow steps reach SPAN of work before WINDOW steps: fewer steps, but MIN_STEPS at least.
    pace = run([(5.0, 1)] * 30 + [(SPAN / 4, 1)] * 4)
    minutes = (4 * SPAN / 4 + 5.0) / 60
    assert pace.per_minute() == pytest.approx(5 / minutes)


def test_same_count_is_no_step_and_undo_counts_back() -> None:
    clock = Clock()
    pace = Pace(clock)
    pace.observe(10)
    for _ in range(6):
        clock.now += 10
        pace.observe(10)  # a verdict changed, nothing settled: no step
    assert not pace.steps
    # Each decision undone at once: settled nothing on balance, so no rate.
    pace = run([(10, 1), (5, -1)] * 5)
    assert pace.per_minute() is None


def test_cluster_verdicts_settle_several_claims_in_a_step() -> None:
    pace = run([(60.0, 3)] * MIN_STEPS)
    assert pace.per_minute() == pytest.approx(3.0)


def test_a_clock_that_goes_back_counts_no_time() -> None:
    clock = Clock()
    pace = Pace(clock)
    pace.observe(10)
    clock.now -= 50
    pace.observe(9)
    assert pace.steps[-1].seconds == 0.0


steps = st.lists(
    st.tuples(st.floats(0, 2 * PAUSE, allow_nan=False), st.integers(-3, 5)), max_size=60
)


@given(steps, st.integers(0, 500), st.integers(-5, 500))
def test_time_left_is_never_negative_and_zero_only_when_nothing_is_left(
    history: list[tuple[float, int]], start: int, left: int
) -> None:
    pace = run(history, left=start)
    seconds = pace.seconds_left(left)
    if left <= 0:
        assert seconds == 0.0
    elif seconds is not None:
        assert seconds > 0
        rate = pace.per_minute()
        assert rate is not None and rate > 0


@given(steps, st.integers(1, 400), st.integers(1, 400))
def test_more_left_never_takes_less_time(history: list[tuple[float, int]], a: int, b: int) -> None:
    pace = run(history)
    low, high = sorted((a, b))
    one, other = pace.seconds_left(low), pace.seconds_left(high)
    assert (one is None) == (other is None)
    if one is not None and other is not None:
        assert one <= other


# Every entry a step (a count unchanged is no step: its time runs on into the next one).
real_steps = st.lists(
    # Clear of the limit: the clock's sums round, and a step of exactly PAUSE could tip over.
    st.tuples(st.floats(0, PAUSE - 1, allow_nan=False), st.integers(-3, 5).filter(bool)),
    max_size=60,
)


@given(real_steps, st.floats(PAUSE + 0.001, 1e6))
def test_a_pause_between_two_runs_only_drops_the_step_after_it(
    history: list[tuple[float, int]], pause: float
) -> None:
    """Any long break between the same steps gives the rate as if that step never was."""
    first, second = history[: len(history) // 2], history[len(history) // 2 :]
    with_pause = run([*first, (pause, 1), *second]).per_minute()
    without = run([*first, *second]).per_minute()
    assert (with_pause is None) == (without is None)
    if with_pause is not None:
        assert with_pause == pytest.approx(without)  # the clock's sums round differently


def test_words() -> None:
    assert rate_words(4.25) == "4.2/min"
    assert rate_words(12.4) == "12/min"
    assert rate_words(0.5) == "30/h"
    assert time_words(20) == "under a minute"
    assert time_words(12 * 60 + 10) == "~12 min"
    assert time_words(2 * 3600 + 9 * 60) == "~2 h 10 min"
    assert time_words(3 * 3600) == "~3 h"
