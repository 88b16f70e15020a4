"""The triage app on a 500-article synthetic corpus, in a real terminal, against a bare
Textual app on the same corpus. Prints one JSON line; asserts nothing.

    python bench/app_scale.py [--articles 500] [--keys 30]

Both apps run in a 160x48 pseudo-terminal (bench/terminal.py); crosscheck through its command
line with `--no-cache`, on a corpus written by another process. Figures:
- first frame: seconds from spawning the interpreter to the end of the first frame read
  from the terminal; whether the analysis was still running then, and whether that frame
  shows the loading state (its "Reading and matching" message);
- analysed: when the articles were on screen, and the loading messages the worker posted on
  the way (with their times, from the spawn);
- per key: from writing the key to the terminal to the end of the last frame it caused, for
  j and k (claims) and } and { (articles); median and p90, and how many presses moved the
  cursor. The same for the bare app's j (moves a list's highlight) and } (replaces a list
  and a text), the floor of a Textual app on this machine.

What happens inside the app (analysed, the messages, where the cursor is) is reported by the
child on a pipe of its own, never on the terminal: `CrosscheckApp._loaded`,
`MainScreen.loading_message` and `MainScreen.refresh_view` are wrapped to write one line
each (one `os.write` per key, a few microseconds, inside the measured time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.terminal import FRAME_END, Terminal, bare_argv, summary  # noqa: E402

SIZE = (160, 48)
IDLE = 1.0  # seconds without output: the app has finished showing the analysis
KEYS = (("j", b"j"), ("k", b"k"), ("right_curly_bracket", b"}"), ("left_curly_bracket", b"{"))

CHILD = """
import os, sys, time
import tui.app.app as app_module
from tui.app.screens.main import MainScreen

out = int(sys.argv[1])

def say(*words):
    os.write(out, (" ".join(str(w) for w in words) + "\\n").encode())

loaded = app_module.CrosscheckApp._loaded
def _loaded(self, *args):
    loaded(self, *args)
    say("analysed", time.perf_counter(), sum(1 for _ in self.session.claims()))
app_module.CrosscheckApp._loaded = _loaded

message = MainScreen.loading_message
def loading_message(self, text):
    say("message", time.perf_counter(), text)
    message(self, text)
MainScreen.loading_message = loading_message

refresh_view = MainScreen.refresh_view
def refreshed(self, **kwargs):
    refresh_view(self, **kwargs)
    current = self.session.current
    say("cursor", current.id if current else None, current.article if current else None)
MainScreen.refresh_view = refreshed

from tui.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


class Reports:
    """Lines the child writes on its pipe, read without blocking."""

    def __init__(self, fd: int) -> None:
        self.fd, self.pending = fd, b""
        os.set_blocking(fd, False)
        self.lines: list[list[str]] = []

    def read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            if not data:
                return
            *complete, self.pending = (self.pending + data).split(b"\n")
            self.lines += [line.decode().split(" ", 2) for line in complete]

    def last(self, kind: str) -> list[str] | None:
        self.read()
        return next((line for line in reversed(self.lines) if line[0] == kind), None)


def crosscheck(corpus: Path, verdicts: Path, n: int) -> dict[str, object]:
    read_end, write_end = os.pipe()
    argv = [sys.executable, "-c", CHILD, str(write_end), "open", str(corpus)]
    argv += ["--verdicts", str(verdicts), "--no-cache"]
    figures: dict[str, object] = {}
    with Terminal(argv, cwd=verdicts.parent, size=SIZE, pass_fds=[write_end]) as term:
        os.close(write_end)
        reports = Reports(read_end)
        figures["first_frame_s"] = term.first_frame()
        first = bytes(term.output).split(FRAME_END, 1)[0].decode("utf-8", "replace")
        figures["loading_state_at_first_frame"] = "Reading and matching" in first
        figures["analysing_at_first_frame"] = reports.last("analysed") is None
        while (analysed := reports.last("analysed")) is None:
            term.read_for(0.05)
        term.settle(IDLE)
        figures["analysed_s"] = float(analysed[1]) - term.started
        figures["claims"] = int(analysed[2])
        figures["messages"] = [
            (round(float(t) - term.started, 3), text)
            for kind, t, text in (line for line in reports.lines if line[0] == "message")
        ]
        for name, key in KEYS:
            where = 1 if name in ("j", "k") else 2  # the claim, or its article
            times, moved = [], 0
            for _ in range(n):
                before = reports.last("cursor")
                times.append(term.press(key))
                after = reports.last("cursor")
                moved += before is None or after is None or before[where] != after[where]
            figures[name] = {**summary(times), "moved": moved}
    os.close(read_end)
    return figures


def bare(corpus: Path, n: int) -> dict[str, object]:
    with Terminal(bare_argv(corpus), cwd=ROOT, size=SIZE) as term:
        term.first_frame()
        term.settle(IDLE)
        return {name: summary([term.press(key) for _ in range(n)]) for name, key in KEYS[::2]}


def write_corpus(folder: Path, n_claims: int, seed: int) -> None:
    from bench.synthetic import generate

    for article in generate(n_claims, seed=seed):
        (folder / f"{article.id}.txt").write_text(article.text + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write-corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_corpus:
        write_corpus(args.write_corpus, args.articles * 40, args.seed)
        return

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crosscheck-app-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        subprocess.run(
            [sys.executable, __file__, "--write-corpus", str(corpus), *sys.argv[1:]], check=True
        )
        figures = crosscheck(corpus, Path(tmp) / "verdicts.toml", args.keys)
        figures["articles"] = len(list(corpus.iterdir()))
        figures["bare"] = bare(corpus, args.keys)
    # The largest child: the app (the corpus writer and the bare app are smaller).
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures["wall_s"] = time.perf_counter() - started
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
