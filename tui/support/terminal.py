"""The one way text reaches a person's terminal from a command: lines, warnings, documents
and rich tables on stdout and stderr, and a status line of progress on stderr.

Whatever is printed here passes through `printable` on its way out, whoever built it, so
a file name, a reviewer's name or a claim id holding an escape sequence (OSC 52 clipboard
writes, OSC 0/2 window titles), a bidi override or an invisible character shows as
visible stand-ins instead of acting. Nothing a command prints for people may bypass this
module (a test scans the code for other `print` calls and stream writes).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment

from tui.support.safe_text import printable

PREFIX = "crosscheck: "


def _stream(err: bool) -> TextIO:
    # Looked up at each call: tests and callers may have replaced sys.stdout.
    return sys.stderr if err else sys.stdout


def say(line: str, err: bool = False) -> None:
    """One line for people: a newline or tab inside it (from a file name, say) shows as a
    space, so no text can forge a line of its own."""
    stream = _stream(err)
    stream.write(printable(line, keep_newlines=False) + "\n")
    stream.flush()


def warn(message: str) -> None:
    """`crosscheck: message`, one line on stderr."""
    say(PREFIX + message, err=True)


def write(text: str, err: bool = False) -> None:
    """Text of several lines (a report, help text) as it is laid out: its line ends ("\\n",
    and "\\r\\n" as CSV ends rows) and tabs stay, everything else unsafe is replaced."""
    stream = _stream(err)
    stream.write("\r\n".join(printable(part) for part in text.split("\r\n")))
    stream.flush()


def write_lines(lines: Iterable[str], err: bool = False) -> None:
    for line in lines:
        say(line, err)


class _Inert:
    """A renderable drawn as `inner` is, with every segment's text made printable, links
    dropped and control segments (cursor moves, titles) left out."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:
                continue
            style = segment.style
            if style is not None and style.link:
                style = style.update_link(None)
            yield Segment(printable(segment.text), style)


def show(renderable: RenderableType) -> None:
    """A rich renderable (tables, groups) on stdout. Strings in it are literal (no markup,
    no emoji codes); cells built from outside text should already be `printable`, so that
    columns are measured on what is shown."""
    console = Console(soft_wrap=False, markup=False, emoji=False)
    console.print(_Inert(renderable))


class StatusLine:
    """A line of progress on stderr, redrawn in place, for a command that takes a while.

    Drawn only when stderr is a terminal (a log or a pipe gets the command's own lines and
    nothing else); `say` and `warn` through `line` appear above it, never mixed into it."""

    def __init__(self) -> None:
        stream = _stream(True)
        try:
            self.live = stream.isatty()
        except (AttributeError, ValueError):  # no such method, or a closed stream
            self.live = False
        self._text = ""

    def show(self, text: str) -> None:
        """Replace the status with `text` (cut to the terminal's width)."""
        self._text = printable(text, keep_newlines=False)
        self._draw()

    def _draw(self) -> None:
        if not self.live or not self._text:
            return
        width = max(shutil.get_terminal_size().columns - 1, 10)
        stream = _stream(True)
        stream.write("\r" + self._text[:width] + "\x1b[K")  # carriage return, text, erase rest
        stream.flush()

    def _erase(self) -> None:
        if self.live and self._text:
            stream = _stream(True)
            stream.write("\r\x1b[K")
            stream.flush()

    def line(self, text: str, err: bool = False) -> None:
        """`say` one line (a `warn` with `err`) above the status."""
        self._erase()
        if err:
            warn(text)
        else:
            say(text)
        self._draw()

    def done(self) -> None:
        """Take the status away."""
        self._erase()
        self._text = ""
