"""Outputs recorded so that a change of structure can be checked for a change of behaviour.

    python -m tests.recorded_outputs        re-record every output under tests/recorded/

tests/test_recorded_outputs.py produces the same outputs and compares them byte for byte.
A change that alters an output on purpose re-records it in the same commit, so the commit's
diff shows exactly what changed.

The outputs: `claims` and `match --format json` on the seeds and on a second corpus; the
verdict file (and its history) written by a scripted review in the real app with a fixed
clock; every export format of that file.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "recorded"
CORPORA = {"seeds": ROOT / "seeds", "texts": ROOT / "tests" / "data" / "claims" / "texts"}
# The scripted review: keys pressed in the app, in order (moves, verdicts, a toggle, undo).
REVIEW_KEYS = ("c", "j", "d", "j", "j", "u", "n", "c", "j", "K", "j", "d", "ctrl+z", "u")
EXPORT_FORMATS = ("json", "csv", "md", "claimreview", "w3c")


class _Clock:
    """One second later at each call, from a fixed moment."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _run_cli(*argv: str) -> bytes:
    from tui.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(list(argv))
    if status != 0:
        raise RuntimeError(f"crosscheck {' '.join(argv)} exited {status}")
    return out.getvalue().encode("utf-8")


async def _review(workdir: Path) -> None:
    from tui.app.app import build_app
    from tui.config import Config

    corpus = Path("seeds")
    verdicts = Path("review.toml")
    config = Config(corpus=corpus, verdicts=verdicts, reviewer="recorder", cache_enabled=False)
    app = build_app(config, [corpus], verdicts, clock=_Clock())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.analysed.wait()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in REVIEW_KEYS:
            await pilot.press(key)
        await pilot.pause()
    app.store.close()


def produce(workdir: Path) -> dict[str, bytes]:
    """Every recorded output, produced afresh in `workdir` (a scratch folder)."""
    for name, source in CORPORA.items():
        shutil.copytree(source, workdir / name)
    outputs: dict[str, bytes] = {}
    with _inside(workdir):
        for name in CORPORA:
            outputs[f"match-{name}.json"] = _run_cli(
                "match", name, "--format", "json", "--no-cache"
            )
            outputs[f"claims-{name}.json"] = _run_cli(
                "claims", name, "--format", "json", "--no-cache"
            )
        asyncio.run(_review(workdir))
        outputs["review.toml"] = (workdir / "review.toml").read_bytes()
        for fmt in EXPORT_FORMATS:
            outputs[f"export.{fmt}"] = _run_cli(
                "export", "--verdicts", "review.toml", "--format", fmt, "--no-cache"
            )
    # Exports name articles by absolute file:// address: the scratch folder is not behaviour.
    here = workdir.resolve().as_uri().encode()
    return {name: data.replace(here, b"file:///WORKDIR") for name, data in outputs.items()}


def main() -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        outputs = produce(Path(scratch))
    RECORDED.mkdir(exist_ok=True)
    for old in RECORDED.iterdir():
        old.unlink()
    for name, data in sorted(outputs.items()):
        (RECORDED / name).write_bytes(data)
        print(f"recorded tests/recorded/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
