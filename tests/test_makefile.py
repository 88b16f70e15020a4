"""`make run` and `make test` on a fresh clone say what they are doing while they install,
and pip shows its progress instead of a silent minute (checked with `make -n`: nothing is
installed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(target: str, tmp_path: Path) -> list[str]:
    """The commands `make TARGET` would run in a fresh clone (no .venv yet)."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    done = subprocess.run(
        ["make", "-n", target, f"PYTHON={sys.executable}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.splitlines()


@pytest.mark.parametrize(
    ("target", "installing"),
    [
        ("run", "Installing crosscheck and its dependencies (about a minute) ..."),
        ("test", "Installing crosscheck, its dependencies and the test tools"),
    ],
)
def test_a_fresh_clone_says_what_it_installs(tmp_path: Path, target: str, installing: str) -> None:
    lines = planned(target, tmp_path)
    said = [line for line in lines if line.startswith("echo ")]
    assert said[0] == 'echo "Creating .venv ..."'
    assert any(installing in line for line in said)
    pips = [line for line in lines if " -m pip install " in line]
    assert pips and not any("--quiet" in line or " -q " in line for line in pips)
    # Each message comes before the step it announces.
    first_pip = lines.index(pips[0])
    assert lines.index(said[0]) < lines.index(next(x for x in lines if " -m venv " in x))
    assert any(lines.index(line) < first_pip for line in said)
