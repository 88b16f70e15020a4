"""The line at the top: overall progress (counts, a bar, the reviewer's pace and the time
left at it), the filter, disagreements to settle, orphans, decisions not saved and the
verdict file's path; while loading, what the worker is doing. Everything in it is Text (a
file name in a loading message is never markup).

The pace is this session's (tui/review/pace.py): the bar tells it the claims left each time
its status changes, on the clock it is given (the main screen gives the one that stamps the
decisions, fixed in tests, so no pace shows there; `time.monotonic` by default).
When the line is too narrow it drops parts, lowest rank first (`Rank`): the pace, then
"filter: all", the bar, the path; the counts and the "not saved" warning are never dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.review.pace import Pace, rate_words, time_words
from tui.support.safe_text import printable

BAR_WIDTH = 10  # cells of the progress bar
PATH_MIN = 12  # cells the path keeps, cut with an ellipsis, before it is dropped


@dataclass(frozen=True, slots=True)
class Status:
    triaged: int = 0
    total: int = 0
    later: int = 0  # claims deferred for a second look (not triaged)
    filter: str = "all"
    shown: int = 0  # claims the filter lets through
    orphans: int = 0
    disagreements: int = 0  # merged files: claims the reviewers decided differently
    unsaved: int = 0  # decisions the verdict file does not hold (its saves fail)
    path: str = ""
    loading: str = ""  # non-empty while the corpus is being read: what is happening


class Rank(IntEnum):
    """When a part of the line is dropped for want of room: lowest first, KEEP never."""

    KEEP = 0
    PACE = 1
    FILTER_ALL = 2
    BAR = 3
    PATH = 4
    LATER = 5
    ORPHANS = 6
    DISAGREEMENTS = 7
    FILTER = 8


@dataclass(frozen=True, slots=True)
class Part:
    text: Text
    rank: Rank = Rank.KEEP


def fit(parts: Sequence[Part], width: int) -> list[Part]:
    """The parts that fit `width` cells, dropping whole ranks from the lowest while they do
    not (the path counts as PATH_MIN cells: the line's ellipsis cuts it to fit)."""

    def needed(kept: Sequence[Part]) -> int:
        return sum(
            min(p.text.cell_len, PATH_MIN) if p.rank is Rank.PATH else p.text.cell_len for p in kept
        )

    kept = list(parts)
    for rank in sorted({p.rank for p in parts} - {Rank.KEEP}):
        if needed(kept) <= width:
            break
        kept = [p for p in kept if p.rank != rank]
    return kept


def bar(triaged: int, total: int) -> str:
    """━━━━╸───── 45%: heavy for the part done (a half cell when it is half way), light
    for the rest; the percentage rounded down (99% until the last claim)."""
    cells = BAR_WIDTH * triaged / total
    full = int(cells)
    half = "╸" if cells - full >= 0.5 else ""
    done = "━" * full + half
    return f"{done}{'─' * (BAR_WIDTH - len(done))} {100 * triaged // total}%"


class StatusBar(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-bar--app",
        "status-bar--progress",
        "status-bar--bar",
        "status-bar--pace",
        "status-bar--later",
        "status-bar--filter",
        "status-bar--orphans",
        "status-bar--disagreements",
        "status-bar--unsaved",
        "status-bar--path",
    }
    # Not on mount: the default is no count, and counting it would start the pace at zero.
    status: reactive[Status] = reactive(Status, layout=False, init=False)
    filtered: reactive[bool] = reactive(False)

    def __init__(self, *args: Any, clock: Callable[[], float] = time.monotonic, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.pace = Pace(clock)

    def watch_status(self, status: Status) -> None:
        self.filtered = status.filter != "all"
        if not status.loading:
            self.pace.observe(status.total - status.triaged)
        self._paint()

    def watch_filtered(self, filtered: bool) -> None:
        self.set_class(filtered, "-filtered")

    def on_resize(self) -> None:
        self._paint()

    def _paint(self) -> None:
        self.update(self._text(self.status), layout=False)  # one line, always: no relayout

    def _parts(self, s: Status) -> list[Part]:
        style = self.get_component_rich_style

        def part(text: str, component: str, rank: Rank = Rank.KEEP) -> Part:
            return Part(Text(text, style=style(f"status-bar--{component}")), rank)

        parts = [part(" crosscheck ", "app")]
        if s.loading:
            parts.append(part(f" {printable(s.loading, keep_newlines=False)}", "progress"))
        else:
            parts.append(part(f" {s.triaged}/{s.total} triaged", "progress"))
            if s.total:
                parts.append(part(f" {bar(s.triaged, s.total)}", "bar", Rank.BAR))
            seconds = self.pace.seconds_left(s.total - s.triaged)
            rate = self.pace.per_minute()
            if seconds and rate is not None:  # nothing while too few decisions tell
                words = f" · {rate_words(rate)} · {time_words(seconds)} left"
                parts.append(part(words, "pace", Rank.PACE))
            if s.later:
                parts.append(part(f" · {s.later} later", "later", Rank.LATER))
            if s.filter != "all":
                parts.append(part(f" · filter: {s.filter} ({s.shown})", "filter", Rank.FILTER))
            else:
                parts.append(part(" · filter: all", "filter", Rank.FILTER_ALL))
            if s.disagreements:
                words = f" · {s.disagreements} to adjudicate"
                parts.append(part(words, "disagreements", Rank.DISAGREEMENTS))
            if s.orphans:
                parts.append(part(f" · {s.orphans} orphaned", "orphans", Rank.ORPHANS))
            if s.unsaved:
                noun = "decision" if s.unsaved == 1 else "decisions"
                parts.append(part(f" · {s.unsaved} {noun} not saved", "unsaved"))
        path = f" · {printable(s.path, keep_newlines=False)}"
        parts.append(part(path, "path", Rank.PATH))
        return parts

    def _text(self, s: Status) -> Text:
        parts = self._parts(s)
        width = self.size.width or self.app.size.width
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for p in fit(parts, width) if width else parts:
            text.append_text(p.text)
        return text

    def on_mount(self) -> None:
        self.update(self._text(self.status))
        # The line's colours are in its text: a new theme paints it again.
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._paint())
