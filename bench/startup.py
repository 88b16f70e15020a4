"""Start-up and key-press latency of the triage app on the seeds, in a real terminal, against
a bare Textual app measured in the same run. Prints figures; asserts nothing.

    python bench/startup.py [--runs N] [--keys N]

Both apps run in a pseudo-terminal of 120x40 that this process plays (bench/terminal.py):
crosscheck through its real command line (`python -m tui open seeds --verdicts FILE`, the
config in the repository), the baseline as a bare Textual app with a Header and a Footer (and
a list and a text, so that its keys have something comparable to do).

1. Launch to first interactive screen: a fresh interpreter per run, imports included, from
   spawning it to the end of the first frame read from the terminal. For crosscheck that
   frame is the main screen in its loading state (the worker reads and matches after it,
   which is the point). Also to the end of the first frame that draws the footer's keys
   (Textual composes them a moment after the first frame, in both apps), when the screen
   is complete. Runs alternate between the two apps, so load on the machine hits both
   alike; medians over N runs each.
2. Key press to repainted screen: one session per app, idle (analysis finished, nothing
   written for a second); then, N times per key, the key's bytes are written to the terminal
   and timed to the end of the last frame it caused (see bench/terminal.py: the app's own
   end-of-frame marker, read by the terminal; the quiet gap that shows the repaint is over
   is not counted). Keys: `j` (next claim; `g`, untimed, returns to the first claim before
   the last one is reached), `]` (next comparison article), `}` (next article). The bare
   app's `j` moves a list's highlight and shows the line below, `]` replaces a text, `}`
   replaces the list and the text.
3. Of which crosscheck's own work: the same three actions called in-process on a mounted app
   (the session and the view rebuilt, before Textual paints), median per key.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.terminal import (  # noqa: E402
    Terminal,
    bare_argv,
    crosscheck_argv,
    launch,
    summary,
)

SEEDS = ROOT / "seeds"
KEYS = ((b"j", "j  next claim"), (b"]", "]  next comparison"), (b"}", "}  next article"))
IDLE = 1.0  # seconds without output: the app has finished loading and showing


def startup(runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(first frame, footer's keys drawn) per launch, for the bare app and for crosscheck."""
    from tui.app.keys import KEYS as APP_KEYS  # no textual here

    footer = next(k.description for k in APP_KEYS if k.show)  # the footer's first key
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):  # interleaved, so load on the machine hits both alike
            bare.append(launch(bare_argv(SEEDS), ROOT, complete="Down"))
            verdicts = Path(tmp) / f"v{i}.toml"
            ours.append(launch(crosscheck_argv(SEEDS, verdicts), ROOT, complete=footer))
    return bare, ours


def claim_count() -> int:
    """How many claims `j` walks through on the seeds (no corrections, no filter)."""
    from tui.analysis.pipeline import analyse
    from tui.config import Config

    analysis = analyse([SEEDS], Config().matching)
    return sum(c.is_claim for c in analysis.claims)


def key_times(term: Terminal, n: int, claims: int | None) -> dict[bytes, list[float]]:
    term.first_frame()
    term.settle(IDLE)
    times: dict[bytes, list[float]] = {}
    for key, _ in KEYS:
        times[key] = []
        at = 0
        for _ in range(n):
            if key == b"j" and claims is not None and at >= claims - 1:
                term.press(b"g")  # back to the first claim; not counted
                at = 0
            times[key].append(term.press(key))
            at += 1
    return times


async def own_work(n: int) -> dict[str, list[float]]:
    """Each action's synchronous part, called on a mounted app: our code, not Textual's."""
    from tests.screenshots import make_app

    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(SEEDS, Path(tmp) / "v.toml")
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await app.analysed.wait()
                await pilot.pause()
                screen = app.main_screen
                work: dict[str, list[float]] = {}
                for name in ("next_claim", "next_comparison", "next_article"):
                    action = getattr(screen, f"action_{name}")
                    work[name] = []
                    for _ in range(n):
                        if name == "next_claim" and app.session.following(1) is None:
                            screen.action_first_claim()
                        start = time.perf_counter()
                        action()
                        work[name].append(time.perf_counter() - start)
                        await pilot.pause()
        finally:
            app.store.close()
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="launches of each app")
    parser.add_argument("--keys", type=int, default=100, help="presses of each key")
    args = parser.parse_args()

    bare, ours = startup(args.runs)
    print(f"launch in a 120x40 terminal (median of {args.runs}; min-max):")
    for i, what in enumerate(("first frame", "footer's keys drawn")):
        b = statistics.median(t[i] for t in bare)
        o = statistics.median(t[i] for t in ours)
        print(f"  to the {what}:")
        print(f"    bare Textual app (Header+Footer)  {b * 1000:6.0f} ms  ({_range(bare, i)})")
        print(f"    crosscheck seeds/                 {o * 1000:6.0f} ms  ({_range(ours, i)})")
        print(f"    ratio {o / b:.2f}x" + (" (target <= 1.5x)" if i == 0 else ""))

    claims = claim_count()
    with tempfile.TemporaryDirectory() as tmp:
        with Terminal(bare_argv(SEEDS), cwd=ROOT) as term:
            bare_keys = key_times(term, args.keys, None)
        with Terminal(crosscheck_argv(SEEDS, Path(tmp) / "v.toml"), cwd=ROOT) as term:
            our_keys = key_times(term, args.keys, claims)
    print(f"key press to repainted screen ({args.keys} presses each; target < 50 ms median):")
    print(f"  {'key':<22} {'crosscheck median  p90':>24} {'bare median  p90':>20}")
    for key, label in KEYS:
        ours_k, bare_k = summary(our_keys[key]), summary(bare_keys[key])
        print(
            f"  {label:<22} {ours_k['median_ms']:>12.1f} ms {ours_k['p90_ms']:>5.1f} ms"
            f" {bare_k['median_ms']:>9.1f} ms {bare_k['p90_ms']:>5.1f} ms"
        )
    work = asyncio.run(own_work(min(args.keys, 50)))
    print(
        "  of which crosscheck's own work (median, in-process): "
        + ", ".join(f"{name} {statistics.median(t) * 1000:.1f} ms" for name, t in work.items())
    )


def _range(runs: list[tuple[float, float]], i: int) -> str:
    xs = [t[i] for t in runs]
    return f"{min(xs) * 1000:.0f}-{max(xs) * 1000:.0f}"


if __name__ == "__main__":
    main()
