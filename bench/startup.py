"""Start-up and key-press latency of the triage app, against a bare Textual app measured in
the same run. Prints figures; asserts nothing.

    python bench/startup.py [--runs N] [--keys N]

1. Launch to first interactive screen: a fresh interpreter per run (imports included), timed
   by this process from spawn to the child's "ready" line, written when the first screen
   has been shown (`on_ready` for the bare app with a Header and a Footer; the main screen's
   first frame for crosscheck, before the analysis finishes, which is the point).
2. Key press to repaint: in-process with Pilot, `j` pressed and the screen settled
   (`pilot.press` + `pilot.pause`), median over N presses, for both apps; and the time the
   main screen spends rebuilding its view per key (`refresh_view`), without Pilot.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import os
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_ready(self):
        os.write(1, b"ready\\n")
        self.exit()

Bare().run(headless=True, size=(120, 40))
"""

CROSSCHECK = """
import os, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from tui.app.app import build_app
from tui.config import Config

seeds = Path({root!r}) / "seeds"
app = build_app(Config(corpus=seeds, reviewer="bench"), [seeds], Path({verdicts!r}))

def ready():
    os.write(1, b"ready\\n")
    app.exit()

app.call_after_refresh(ready)
try:
    app.run(headless=True, size=(120, 40))
finally:
    app.store.close()
"""


def launch(code: str) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if line.strip() != b"ready":
        raise SystemExit(f"benchmark child failed (exit {proc.returncode})")
    return elapsed


def startup(runs: int) -> tuple[float, float]:
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):  # interleaved, so load on the machine hits both alike
            bare.append(launch(BARE))
            code = CROSSCHECK.format(root=str(ROOT), verdicts=str(Path(tmp) / f"v{i}.toml"))
            ours.append(launch(code))
    return statistics.median(bare), statistics.median(ours)


async def _bare_keys(n: int) -> list[float]:
    from textual.app import App
    from textual.widgets import Footer, Header

    class Bare(App[None]):
        BINDINGS = [("j", "nothing", "Nothing")]  # noqa: RUF012

        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Footer()

        def action_nothing(self) -> None:
            self.sub_title = str(time.perf_counter())

    return await _press(Bare(), n)


async def _press(app, n: int, after=None) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        if hasattr(app, "analysed"):
            await app.analysed.wait()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(n):
            start = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            times.append(time.perf_counter() - start)
        if after is not None:
            after(app)
    return times


async def _our_keys(n: int) -> tuple[list[float], list[float]]:
    sys.path.insert(0, str(ROOT))
    from tests.screenshots import SEEDS, make_app

    view: list[float] = []

    def rebuild(app) -> None:  # type: ignore[no-untyped-def]
        screen, session = app.main_screen, app.session
        for _ in range(n):
            start = time.perf_counter()
            session.move_to(session.following(1, wrap=True))
            screen.refresh_view()
            view.append(time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(SEEDS, Path(tmp) / "v.toml")
        try:
            presses = await _press(app, n, rebuild)
        finally:
            app.store.close()
    return presses, view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()

    bare, ours = startup(args.runs)
    print(f"launch to first screen (median of {args.runs}):")
    print(f"  bare Textual app (Header+Footer)  {bare * 1000:7.0f} ms")
    print(
        f"  crosscheck on seeds/              {ours * 1000:7.0f} ms   ratio {ours / bare:.2f}x"
        " (target <= 1.5x)"
    )

    bare_keys = asyncio.run(_bare_keys(args.keys))
    presses, view = asyncio.run(_our_keys(args.keys))
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"key press to settled screen, Pilot (median of {args.keys}):")
    print(f"  bare Textual app                  {ms(bare_keys):7.1f} ms")
    print(f"  crosscheck (j, next claim)        {ms(presses):7.1f} ms   (target < 50 ms)")
    print(f"  of which rebuilding the view      {ms(view):7.1f} ms")


if __name__ == "__main__":
    main()
