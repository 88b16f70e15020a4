"""crosscheck as an ordinary installed package: a built wheel runs from any folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel, install it (no deps) into a scratch venv that borrows our deps."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("crosscheck-*.whl")
    env = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    scratch_site = Path(
        sysconfig.get_path("purelib", vars={"base": str(env), "platbase": str(env)})
    )
    # Dependencies come from the test environment; crosscheck itself only from the wheel
    # (a path added by a .pth file does not run that folder's own .pth files, so the
    # editable install of the source tree stays invisible).
    (scratch_site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(scratch_site)
        names = zf.namelist()
        entry_points = zf.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "crosscheck = tui.cli.main:main" in entry_points
    assert "tui/app/app.tcss" in names, "the stylesheet must ship in the wheel"
    script = env / "bin" / "crosscheck"
    script.write_text(
        f"#!{env / 'bin' / 'python'}\nimport sys\nfrom tui.cli.main import main\nsys.exit(main())\n"
    )
    script.chmod(0o755)
    return env


def run_in(env: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(env / "bin" / "crosscheck"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_installed_package_is_the_wheel(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import tui; print(tui.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert str(installed) in out.stdout


def test_version_from_another_folder(installed: Path, tmp_path: Path) -> None:
    out = run_in(installed, tmp_path, "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("crosscheck ")


def test_match_from_another_folder_with_builtin_defaults(installed: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", corpus)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()  # no config.toml here: built-in defaults apply
    out = run_in(installed, elsewhere, "match", str(corpus), "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert len(doc["articles"]) == 5
    assert doc["matches"], "the seeds share claims"
