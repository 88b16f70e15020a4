"""The app's first frame pays only for what it shows.

`crosscheck` runs in a fresh interpreter (headless, through its real command line) and
reports the modules imported by the time its first frame has been painted: that is when the
app starts the worker that reads and matches the articles (`CrosscheckApp.load`, scheduled
after the first refresh). Reading, segmenting and matching, and the libraries they need,
belong to the worker; importing any of them earlier makes every launch slower (bench/startup.py
measures by how much).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# What the worker needs and the first frame does not, the slowest first.
HEAVY = (
    "simplemma",
    "numpy",
    "rapidfuzz",
    "tui.analysis.pipeline",
    "tui.matching.matcher",
    "tui.claims.units",
    "tui.claims.quantities",
    "tui.claims.segmentation",
    "tui.verdicts.anchoring",
    "tui.review.session",
)
# Needed by nothing the app does: the version is a constant in tui/__init__.py.
NEVER_BEFORE_FIRST_FRAME = (*HEAVY, "importlib.metadata")

CHILD = """
import json, os, sys
import tui.app.app as app_module

def report(app):
    os.write(1, (json.dumps(sorted(sys.modules)) + "\\n").encode())
    app.exit()

if sys.argv[1] == "first-frame":
    # Scheduled after the first refresh: the first frame has been painted when it runs.
    app_module.CrosscheckApp.load = report
else:  # "analysed": the articles are shown
    import tui.app.screens.main as main_screen
    start = main_screen.MainScreen.start
    def started(self, *args):
        start(self, *args)
        report(self.app)
    main_screen.MainScreen.start = started
from tui.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def modules_at(moment: str, tmp_path: Path) -> set[str]:
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    command = ["open", str(SEEDS), "--verdicts", str(tmp_path / "v.toml")]
    out = subprocess.run(
        [sys.executable, "-c", CHILD, moment, *command],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no config.toml here: the built-in defaults
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_first_frame_imports_nothing_the_worker_needs(tmp_path: Path) -> None:
    modules = modules_at("first-frame", tmp_path)
    assert {"textual.app", "tui.cli.main", "tui.app.screens.main", "tui.verdicts.store"} <= modules
    early = [name for name in NEVER_BEFORE_FIRST_FRAME if name in modules]
    assert early == [], f"imported before the first frame: {early}"


def test_the_worker_does_import_them(tmp_path: Path) -> None:
    """The names above are real: once the articles are shown, the app has used them."""
    modules = modules_at("analysed", tmp_path)
    assert [name for name in HEAVY if name not in modules] == []
