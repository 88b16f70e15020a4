"""The app's screens in fixed states, for snapshot tests and for the README's pictures.

`python -m tests.screenshots` (or `make screenshots`) writes one SVG per scene into
screenshots/. The snapshot tests (tests/test_app_snapshots.py) replay the same scenes, so
what the README shows is what the tests check.

Everything that could vary is fixed: the reviewer, the clock, the config, the terminal size,
and the verdict file's path (a relative path in a fresh folder, shown as "verdicts.toml").
"""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
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


# One story from four outlets: two of them carry the same wire copy, one blog names none.
OUTLET_CORPUS = {
    "wire-a.md": '+++\ntitle = "Floods close the river port"\noutlet = "Reuters"\n+++\n'
    "Floods close the river port\n\n"
    "Floods closed the river port of Varna on Tuesday, the harbour authority said.\n"
    "About 1,200 residents were moved to shelters overnight.\n"
    "The water level reached 4.2 metres, the highest since 1998.\n",
    "wire-b.md": '+++\ntitle = "River port shut by floods"\noutlet = "Daily Planet"\n+++\n'
    "River port shut by floods\n\n"
    "Floods closed the river port of Varna on Tuesday, the harbour authority said.\n"
    "About 1,200 residents were moved to shelters overnight.\n"
    "The water level reached 4.2 metres, the highest since 1998.\n",
    "herald.md": '+++\ntitle = "Varna under water"\noutlet = "The Herald"\n+++\n'
    "Varna under water\n\n"
    "The harbour authority said floods closed the river port of Varna on Tuesday.\n"
    "Some 1,500 residents were moved to shelters overnight.\n"
    "Shops in the old town stayed shut.\n",
    "blog.txt": "A local's view\n\n"
    "Floods closed the river port of Varna on Tuesday, according to the harbour authority.\n"
    "The mayor asked for army help.\n",
}

# desk-a.txt of CONFLICT_CORPUS after an edit: the date sentence reworded beyond what
# re-anchoring accepts, the residents sentence deleted, a paragraph inserted at the top.
EDITED_DESK_A = (
    "Russia masses troops near Kursk\n\n"
    "Correction appended on Tuesday.\n"
    "Russia has gathered 50,000 troops near the Kursk region, officials said on Monday.\n"
    "Fighting resumed in early November, the Pentagon now says.\n"
)


def _write(folder: Path, name: str, texts: dict[str, str]) -> Path:
    root = folder / name
    root.mkdir(parents=True, exist_ok=True)
    for file, text in texts.items():
        (root / file).write_text(text, encoding="utf-8")
    return root


def write_conflict_corpus(folder: Path) -> Path:
    return _write(folder, "conflict", CONFLICT_CORPUS)


def write_outlet_corpus(folder: Path) -> Path:
    return _write(folder, "outlets", OUTLET_CORPUS)


def write_reviewer_file(corpus: Path, path: Path, reviewer: str, decisions: dict[str, str]) -> None:
    """A reviewer's verdict file as the app writes it: `decisions` maps a claim's first
    words to a status."""
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings
    from tui.review.session import Session
    from tui.verdicts.model import Status, VerdictSet
    from tui.verdicts.store import relative_corpus
    from tui.verdicts.writer import dumps

    analysis = analyse([corpus], MatchSettings())
    vs = VerdictSet(reviewer, relative_corpus(corpus, path))
    session = Session(analysis, vs, clock=lambda: FIXED_TIME)
    for start, status in decisions.items():
        (claim,) = [c for c in session.claims() if c.text.startswith(start)]
        session.move_to(claim.id)
        session.mark(Status(status))
    path.write_text(dumps(session.verdict_set), encoding="utf-8")


# Two reviewers of CONFLICT_CORPUS: they agree on one claim and disagree on two.
ALICE = {
    "Russia has gathered 50,000": "disputed",
    "The counteroffensive began on November 7": "corroborated",
    "Local residents": "unsourced",
}
BOB = {
    "Russia has gathered 50,000": "corroborated",
    "The counteroffensive began on November 7": "disputed",
    "Local residents": "unsourced",
}


def write_merged_file(folder: Path, out: Path) -> Path:
    """`crosscheck merge` of ALICE's and BOB's files on the conflict corpus into `out`."""
    from tui.cli.main import main

    corpus = write_conflict_corpus(folder)
    alice, bob = folder / "alice.toml", folder / "bob.toml"
    write_reviewer_file(corpus, alice, "alice", ALICE)
    write_reviewer_file(corpus, bob, "bob", BOB)
    said = io.StringIO()  # the agreement figures and disagreements it prints
    with redirect_stdout(said), redirect_stderr(said):
        status = main(["merge", str(alice), str(bob), "-o", str(out)])
    if status != 0:
        raise RuntimeError(f"crosscheck merge failed: {said.getvalue()}")
    return corpus


def write_orphan_case(folder: Path, verdicts: Path) -> Path:
    """Verdicts on the conflict corpus, then desk-a.txt edited so that two no longer fit."""
    corpus = write_conflict_corpus(folder)
    write_reviewer_file(corpus, verdicts, "tester", ALICE)
    (corpus / "desk-a.txt").write_text(EDITED_DESK_A, encoding="utf-8")
    return corpus


def fixed_config(corpus: Path, *, theme: str = "", **keys: str) -> Config:
    return Config(
        corpus=corpus,
        verdicts=VERDICTS,
        reviewer="tester",
        cache_enabled=False,
        keys=keys,
        theme=theme,
    )


def make_app(
    corpus: Path, verdicts: Path = VERDICTS, *, theme: str = "", **keys: str
) -> CrosscheckApp:
    """The app as `crosscheck` builds it, with a fixed reviewer, clock and config (and the
    theme `theme` when given, else Textual's default)."""
    config = fixed_config(corpus, theme=theme, **keys)
    return build_app(config, [corpus], verdicts, clock=lambda: FIXED_TIME)


async def ready(pilot: Pilot[int]) -> None:
    """Wait until the articles are read and matched and the screen has caught up."""
    app = pilot.app
    assert isinstance(app, CrosscheckApp)
    await app.analysed.wait()
    await app.workers.wait_for_complete()
    await pilot.pause()
    # The left pane takes focus after the refresh that shows it; on a busy machine that
    # refresh can come after the first pause.
    for _ in range(50):
        if pilot.app.focused is not None:
            break
        await pilot.pause(0.01)


def keys_for_text(text: str) -> list[str]:
    names = {" ": "space", ".": "full_stop", ",": "comma", "/": "slash", ":": "colon"}
    return [names.get(ch, ch) for ch in text]


@dataclass(frozen=True)
class Scene:
    name: str
    size: tuple[int, int]
    keys: tuple[str, ...]
    corpus: str = "seeds"  # or "conflict", "outlets", "orphans" or "merged"
    theme: str = ""  # a Textual theme's name; "" is Textual's default (dark)
    readme: bool = True  # written to screenshots/ by `make screenshots`

    async def play(self, pilot: Pilot[int]) -> None:
        await ready(pilot)
        for key in self.keys:
            await pilot.press(key)
        await pilot.pause()


# The screens the reviewer meets most, at a small, a middling and a large terminal: the
# main screen, the inspector on a conflict, the legend line, the summary after the last
# claim, a light theme. Only the middling size is written to screenshots/.
SIZES: dict[str, tuple[int, int]] = {"80x24": (80, 24), "120x40": (120, 40), "160x45": (160, 45)}
_EVERY_CLAIM = ("d", "u", *["c"] * 16)  # the outlet corpus has 15 claims; extra keys do nothing
SIZED: tuple[Scene, ...] = tuple(
    Scene(f"{name}-{label}", size, keys, corpus=corpus, theme=theme, readme=label == "120x40")
    for name, keys, corpus, theme in (
        ("main", ("c", "c", "d", "j", "u"), "seeds", ""),
        ("inspector-conflict", ("j",), "conflict", ""),
        ("legend", ("j", "L"), "outlets", ""),
        ("summary", _EVERY_CLAIM, "outlets", ""),
        ("light", ("c", "j", "d", "j"), "outlets", "textual-light"),
    )
    for label, size in SIZES.items()
)

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
    Scene("outlets", (150, 42), ("j",), corpus="outlets"),
    Scene("coverage", (150, 30), ("j", "c", "o"), corpus="outlets"),
    Scene("orphans", (130, 30), ("O",), corpus="orphans"),
    Scene("adjudicate", (150, 42), (), corpus="merged"),
    *SIZED,
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
    """The scene's corpus, written into `folder`; "orphans" and "merged" also write the
    verdict file (VERDICTS, relative to the current folder) the scene opens."""
    if scene.corpus == "conflict":
        return write_conflict_corpus(folder)
    if scene.corpus == "outlets":
        return write_outlet_corpus(folder)
    if scene.corpus == "orphans":
        return write_orphan_case(folder, VERDICTS)
    if scene.corpus == "merged":
        return write_merged_file(folder, VERDICTS)
    return SEEDS


async def _shoot(scene: Scene, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp, inside(Path(tmp)):
        # The theme remembered from the reviewer's own use must not show in the pictures,
        # nor a picture's theme be remembered for them.
        os.environ["XDG_STATE_HOME"] = tmp
        app = make_app(corpus_for(scene, Path(tmp)), theme=scene.theme)
        try:
            async with app.run_test(size=scene.size) as pilot:
                await scene.play(pilot)
                app.save_screenshot(f"{scene.name}.svg", path=str(out))
        finally:
            app.store.close()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for scene in (s for s in SCENES if s.readme):
        asyncio.run(_shoot(scene, OUT))
        print(f"screenshots/{scene.name}.svg")


if __name__ == "__main__":
    main()
