"""The triage app on a 500-article synthetic corpus, driven by Pilot, against a bare Textual
app in the same process. Prints one JSON line; asserts nothing.

    python bench/app_scale.py [--articles 500] [--keys 30]

Figures (one fresh interpreter; the corpus is written by another; the cache is off):
- first frame (from `build_app`, the app's own imports included): `run_test` has mounted
  the main screen and painted it; whether the analysis was still running then, and whether
  the screen was in its loading state;
- analysed: the articles are on screen (`app.analysed`), and the loading messages the
  worker posted on the way (with their times);
- per key: `pilot.press(key)` up to the end of `pilot.pause()`, for j and k (claims) and
  } and { (articles); median and p95. The same for a bare App (Header, Footer, a binding
  that sets the subtitle) as the Pilot floor on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000, "n": len(times)}


async def press_times(pilot, key: str, n: int, where=None) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    """Each press's time, and how many presses moved `where()` (the cursor)."""
    times, moved = [], 0
    for _ in range(n):
        before = where() if where else None
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        times.append(time.perf_counter() - start)
        moved += where is not None and where() != before
    return times, moved


async def bare(n: int) -> dict[str, float]:
    from textual.app import App
    from textual.widgets import Footer, Header

    class Bare(App[None]):
        BINDINGS = [("j", "nothing", "Nothing")]  # noqa: RUF012

        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Footer()

        def action_nothing(self) -> None:
            self.sub_title = str(time.perf_counter())

    async with Bare().run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        return summary((await press_times(pilot, "j", n))[0])


async def crosscheck(corpus: Path, verdicts: Path, n: int) -> dict[str, object]:
    built = time.perf_counter()
    from tui.app.app import build_app
    from tui.config import Config

    config = Config(corpus=corpus, verdicts=verdicts, reviewer="bench", cache_enabled=False)
    app = build_app(config, [corpus], verdicts)
    messages: list[tuple[float, str]] = []
    figures: dict[str, object] = {}
    try:
        screen = app.main_screen
        original = screen.loading_message

        def loading_message(message: str) -> None:
            messages.append((round(time.perf_counter() - built, 3), message))
            original(message)

        screen.loading_message = loading_message  # type: ignore[method-assign]
        async with app.run_test(size=(160, 48)) as pilot:
            figures["first_frame_s"] = time.perf_counter() - built
            figures["analysing_at_first_frame"] = not app.analysed.is_set()
            figures["loading_state_at_first_frame"] = screen.has_class("-loading")
            await app.analysed.wait()
            figures["analysed_s"] = time.perf_counter() - built
            figures["messages"] = messages
            await app.workers.wait_for_complete()
            await pilot.pause()
            session = app.session
            assert session is not None, app.failure
            figures["claims"] = sum(1 for _ in session.claims())

            def claim() -> str | None:
                return session.cursor

            def article() -> str | None:
                return session.analysis.claim(session.cursor).article if session.cursor else None

            for key, where in (
                ("j", claim),
                ("k", claim),
                ("right_curly_bracket", article),
                ("left_curly_bracket", article),
            ):
                times, moved = await press_times(pilot, key, n, where)
                figures[key] = {**summary(times), "moved": moved}
    finally:
        app.store.close()
    return figures


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

    with tempfile.TemporaryDirectory(prefix="crosscheck-app-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        # Written by another process, so this one imports nothing of crosscheck before
        # the app is built.
        subprocess.run(
            [sys.executable, __file__, "--write-corpus", str(corpus), *sys.argv[1:]], check=True
        )
        figures = asyncio.run(crosscheck(corpus, Path(tmp) / "verdicts.toml", args.keys))
        figures["articles"] = len(list(corpus.iterdir()))
        figures["bare"] = asyncio.run(bare(args.keys))
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
