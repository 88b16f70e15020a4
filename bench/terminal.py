"""Timing a Textual app the way a reviewer meets it: in a real pseudo-terminal.

Shared by bench/startup.py and bench/app_scale.py. The app runs as a child process on the
slave side of a pty (a fixed size, TERM set); this process plays the terminal. It answers
Textual's query for synchronized output (DEC mode 2026), so the app wraps every frame it
writes in "begin"/"end" sequences; the "end" sequence is the app's own marker that a frame
has been written in full, and it is read here, on the terminal's side, after the driver's
writer thread has flushed it. Nothing is added to the app being measured.

- Launch: from spawning the interpreter to reading the end of the first frame.
- Key press: the app idle (no output for a while), the key's bytes are written to the pty
  and timed to the end of the last frame the key caused, i.e. the last frame end before
  the output goes quiet for `quiet` seconds. The quiet gap itself is not counted; output
  arriving later than the gap would be counted against the next key, so before each key
  the terminal must have been silent for the gap as well (it is checked, not assumed).
"""

from __future__ import annotations

import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

SYNC_QUERY = b"\x1b[?2026$p"  # "do you support synchronized output?"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "yes (currently off)": the app then wraps its frames
FRAME_END = b"\x1b[?2026l"
SIZE = (120, 40)

# The baseline: a bare Textual app with a Header and a Footer, plus the two kinds of
# widget a reader needs (a list whose highlight moves, a text that is replaced), so its
# keys do what crosscheck's do: j moves the highlight and shows the line below; ] shows
# another text; } loads another list and text. The texts are the corpus's own files.
BARE_APP = """
import sys
from pathlib import Path
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList, Static

texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]

class Bare(App):
    CSS = "OptionList { width: 1fr; } #text { width: 1fr; } #line { height: 8; }"
    BINDINGS = [("j", "down", "Down"), ("right_square_bracket", "text", "Text"),
                ("right_curly_bracket", "article", "Article")]
    shown = 0

    def compose(self):
        yield Header()
        with Horizontal():
            yield OptionList(*self.lines(0), id="list")
            yield Static(texts[1 % len(texts)], id="text")
        yield Static(id="line")
        yield Footer()

    def lines(self, i):
        return [s for s in texts[i % len(texts)].replace(". ", ".\\n").splitlines() if s]

    def action_down(self):
        options = self.query_one(OptionList)
        options.highlighted = ((options.highlighted or 0) + 1) % options.option_count
        line = options.get_option_at_index(options.highlighted).prompt
        self.query_one("#line", Static).update(line)

    def action_text(self):
        self.shown += 1
        self.query_one("#text", Static).update(texts[self.shown % len(texts)])

    def action_article(self):
        self.shown += 1
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self.lines(self.shown))
        options.highlighted = 0
        self.query_one("#text", Static).update(texts[(self.shown + 1) % len(texts)])

Bare().run()
"""


class AppGone(RuntimeError):
    pass


class Terminal:
    """One app in a pty. `frames` are the times (perf_counter) at which a frame ended."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Path,
        size: tuple[int, int] = SIZE,
        env: dict[str, str] | None = None,
        pass_fds: Sequence[int] = (),
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        for name in ("NO_COLOR", "TEXTUAL", "TEXTUAL_DRIVER", "TEXTUAL_HEADLESS"):
            full_env.pop(name, None)
        full_env.update(env or {})
        self.master = master
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=full_env,
            start_new_session=True,  # the pty becomes its controlling terminal
            pass_fds=tuple(pass_fds),
        )
        os.close(slave)
        self.frames: list[float] = []
        self.frame_ends: list[int] = []  # where each frame ends in `output`
        self.last_output = self.started
        self.output = bytearray()  # everything the app wrote

    def _read(self, timeout: float) -> bool:
        """Read what the app wrote within `timeout`; False if nothing came."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the app closed the terminal
            data = b""
        now = time.perf_counter()
        if not data:
            raise AppGone(self._last_words())
        self.last_output = now
        # A sequence may be split across reads: search from just before the new bytes.
        at = max(0, len(self.output) - len(FRAME_END) + 1)
        if SYNC_QUERY in self.output[len(self.output) - len(SYNC_QUERY) + 1 :] + data:
            os.write(self.master, SYNC_REPLY)
        self.output += data
        while (found := self.output.find(FRAME_END, at)) >= 0:
            at = found + len(FRAME_END)
            self.frames.append(now)
            self.frame_ends.append(at)
        return True

    def _last_words(self) -> str:
        text = bytes(self.output[-2000:]).decode("utf-8", "replace")
        return f"the app exited ({self.proc.poll()}): ...{text[-400:]!r}"

    def first_frame(self, timeout: float = 60.0) -> float:
        """Seconds from spawning the app to the end of its first frame."""
        deadline = time.perf_counter() + timeout
        while not self.frames:
            if time.perf_counter() > deadline:
                raise AppGone(f"no frame within {timeout:.0f} s: {self._last_words()}")
            self._read(deadline - time.perf_counter())
        return self.frames[0] - self.started

    def frame_showing(self, text: str, timeout: float = 60.0) -> float:
        """Seconds from spawning the app to the end of the first frame that writes `text`."""
        wanted, checked = text.encode(), 0
        deadline = time.perf_counter() + timeout
        while True:
            for i in range(checked, len(self.frames)):
                if wanted in self.output[self.frame_ends[i - 1] if i else 0 : self.frame_ends[i]]:
                    return self.frames[i] - self.started
            checked = len(self.frames)
            if time.perf_counter() > deadline:
                raise AppGone(f"no frame showed {text!r} within {timeout:.0f} s")
            self._read(deadline - time.perf_counter())

    def read_for(self, seconds: float) -> None:
        """Keep reading (the app blocks when its terminal is not read) for `seconds`."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read(left)

    def settle(self, quiet: float, timeout: float = 600.0) -> None:
        """Wait until the app has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self._read(quiet - (time.perf_counter() - self.last_output))
            if time.perf_counter() - self.last_output >= quiet:
                return
        raise AppGone(f"the app never went quiet within {timeout:.0f} s")

    def press(self, key: bytes, quiet: float = 0.1, timeout: float = 10.0) -> float:
        """Seconds from writing `key` to the end of the last frame it caused."""
        self.settle(quiet)
        before = len(self.frames)
        pressed = time.perf_counter()
        os.write(self.master, key)
        deadline = pressed + timeout
        while len(self.frames) == before or time.perf_counter() - self.last_output < quiet:
            if time.perf_counter() > deadline:
                raise AppGone(f"key {key!r} repainted nothing within {timeout:.0f} s")
            wait = quiet - (time.perf_counter() - self.last_output)
            self._read(wait if len(self.frames) > before else deadline - time.perf_counter())
        return self.frames[-1] - pressed

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def bare_argv(corpus: Path) -> list[str]:
    return [sys.executable, "-c", BARE_APP, str(corpus)]


def crosscheck_argv(corpus: Path, verdicts: Path, *options: str) -> list[str]:
    """The real command line, as `crosscheck PATH --verdicts FILE` runs it."""
    return [sys.executable, "-m", "tui", "open", str(corpus), "--verdicts", str(verdicts), *options]


def launch(argv: Sequence[str], cwd: Path, complete: str) -> tuple[float, float]:
    """Seconds to the first frame, and to the first frame that shows `complete` (a text the
    screen shows once it is complete, such as a key in the footer)."""
    with Terminal(argv, cwd=cwd) as term:
        return term.first_frame(), term.frame_showing(complete)


def summary(times: Sequence[float]) -> dict[str, float]:
    """Median and 90th percentile in milliseconds, and the count."""
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(times) * 1000, "p90_ms": p90 * 1000, "n": len(times)}
