"""The line at the top: overall progress, the filter, disagreements to settle, orphans,
decisions not saved and the verdict file's path; while loading, what the worker is doing.
Everything in it is Text (a file name in a loading message is never markup)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.support.safe_text import printable


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


class StatusBar(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-bar--app",
        "status-bar--progress",
        "status-bar--later",
        "status-bar--filter",
        "status-bar--orphans",
        "status-bar--disagreements",
        "status-bar--unsaved",
        "status-bar--path",
    }
    status: reactive[Status] = reactive(Status, layout=False)
    filtered: reactive[bool] = reactive(False)

    def watch_status(self, status: Status) -> None:
        self.filtered = status.filter != "all"
        self.update(self._text(status), layout=False)  # one line, always: no relayout

    def watch_filtered(self, filtered: bool) -> None:
        self.set_class(filtered, "-filtered")

    def _text(self, s: Status) -> Text:
        style = self.get_component_rich_style
        parts: list[Text] = [Text(" crosscheck ", style=style("status-bar--app"))]
        if s.loading:
            loading = printable(s.loading, keep_newlines=False)
            parts.append(Text(f" {loading}", style=style("status-bar--progress")))
        else:
            parts.append(
                Text(f" {s.triaged}/{s.total} triaged", style=style("status-bar--progress"))
            )
            if s.later:
                parts.append(Text(f" · {s.later} later", style=style("status-bar--later")))
            label = f" · filter: {s.filter} ({s.shown})" if s.filter != "all" else " · filter: all"
            parts.append(Text(label, style=style("status-bar--filter")))
            if s.disagreements:
                parts.append(
                    Text(
                        f" · {s.disagreements} to adjudicate",
                        style=style("status-bar--disagreements"),
                    )
                )
            if s.orphans:
                parts.append(Text(f" · {s.orphans} orphaned", style=style("status-bar--orphans")))
            if s.unsaved:
                noun = "decision" if s.unsaved == 1 else "decisions"
                parts.append(
                    Text(f" · {s.unsaved} {noun} not saved", style=style("status-bar--unsaved"))
                )
        parts.append(
            Text(f" · {printable(s.path, keep_newlines=False)}", style=style("status-bar--path"))
        )
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for p in parts:
            text.append_text(p)
        return text

    def on_mount(self) -> None:
        self.update(self._text(self.status))
        # The line's colours are in its text: a new theme paints it again.
        self.app.theme_changed_signal.subscribe(
            self, lambda theme: self.update(self._text(self.status))
        )
