"""The app's screens in fixed states, for snapshot tests and for the README's pictures.

`python -m tests.screenshots` (or `make screenshots`) writes one SVG per scene into
screenshots/. The snapshot tests (tests/test_app_snapshots.py) replay the same scenes, so
what the README shows is what the tests check.

Everything that could vary is fixed: the reviewer, the clock, the config, the terminal size,
and the verdict file's path (a relative path in a fresh folder, shown as "verdicts.toml").
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from tui.app.app import CrosscheckApp, build_app
from tui.config import Config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUT = ROOT / "screenshots"
FIXED_TIME = datetime(2024, 11, 12, 9, 30, tzinfo=UTC)
VERDICTS = Path("verdicts.toml")

# Three short reports of one event that disagree on a figure and a date.
CONFLICT_CORPUS = {
    "desk-a.txt": "Russia masses troops near Kursk\n\n"
    "Russia has gathered 50,000 troops near the Kursk region, officials said on Monday.\n"
    "The counteroffensive began on November 7, according to the Pentagon.\n"
    "Local residents were told to stay indoors.\n",
    "desk-b.txt": "Kursk build-up grows\n\n"
    "Russia has gathered 45,000 troops near the Kursk region, officials said on Monday.\n"
    "The counteroffensive began on November 9, according to the Pentagon.\n"
    "Analysts expect heavy fighting in the coming weeks.\n",
    "desk-c.txt": "What we know about Kursk\n\n"
    "Moscow has gathered 50,000 troops near the Kursk region, officials said.\n"
    "Analysts expect heavy fighting in the coming weeks.\n",
}


def write_conflict_corpus(folder: Path) -> Path:
    root = folder / "conflict"
    root.mkdir(parents=True, exist_ok=True)
    for name, text in CONFLICT_CORPUS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def fixed_config(corpus: Path, **keys: str) -> Config:
    return Config(
        corpus=corpus, verdicts=VERDICTS, reviewer="tester", cache_enabled=False, keys=keys
    )


def make_app(corpus: Path, verdicts: Path = VERDICTS, **keys: str) -> CrosscheckApp:
    """The app as `crosscheck` builds it, with a fixed reviewer, clock and config."""
    return build_app(fixed_config(corpus, **keys), [corpus], verdicts, clock=lambda: FIXED_TIME)


async def ready(pilot: Pilot) -> None:
    """Wait until the articles are read and matched and the screen has caught up."""
    await pilot.app.analysed.wait()  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys_for_text(text: str) -> list[str]:
    names = {" ": "space", ".": "full_stop", ",": "comma", "/": "slash", ":": "colon"}
    return [names.get(ch, ch) for ch in text]


@dataclass(frozen=True)
class Scene:
    name: str
    size: tuple[int, int]
    keys: tuple[str, ...]
    corpus: str = "seeds"  # or "conflict"

    async def play(self, pilot: Pilot) -> None:
        await ready(pilot)
        for key in self.keys:
            await pilot.press(key)
        await pilot.pause()


SCENES: tuple[Scene, ...] = (
    Scene("main", (150, 42), ("c", "c", "d", "j", "u")),
    Scene("inspector-conflict", (150, 42), ("j",), corpus="conflict"),
    Scene("help", (110, 40), ("question_mark",)),
    Scene(
        "note-modal",
        (120, 34),
        (
            "d",
            "k",
            "a",
            *keys_for_text("Figure differs from the Pentagon briefing"),
            "tab",
            *keys_for_text("https://example.org/briefing"),
        ),
    ),
    Scene("filter", (150, 42), ("c", "u", "c", "f", "f", "f", "f")),
    Scene("narrow", (80, 24), ("c", "j")),
)


def scene_named(name: str) -> Scene:
    return next(s for s in SCENES if s.name == name)


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def corpus_for(scene: Scene, folder: Path) -> Path:
    return write_conflict_corpus(folder) if scene.corpus == "conflict" else SEEDS


async def _shoot(scene: Scene, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp, inside(Path(tmp)):
        app = make_app(corpus_for(scene, Path(tmp)))
        try:
            async with app.run_test(size=scene.size) as pilot:
                await scene.play(pilot)
                app.save_screenshot(f"{scene.name}.svg", path=str(out))
        finally:
            app.store.close()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for scene in SCENES:
        asyncio.run(_shoot(scene, OUT))
        print(f"screenshots/{scene.name}.svg")


if __name__ == "__main__":
    main()
