"""A damaged verdict file is refused by the app and by every command, with the file, line and
column of the problem, and is never written over; config problems are named, with defaults
for the rest.

Each damaged file is copied into a fresh folder and given to `crosscheck open` (through the
console entry point, in a subprocess: a regression that started the app would time out
there), `crosscheck export`, `crosscheck stats` and `crosscheck check` (through `main`, the
function the `crosscheck` script calls). After each: exit status 1, one message naming
`file:line:column` and what is wrong, and the file's bytes and mtime unchanged, with no
`.bak` or temp file beside it.

How we know it can fail: with `VerdictStore.open` catching VerdictFileError and starting an
empty set instead, `open` no longer exits 1 (it times out starting the app); with
`syntax_error` dropping the position, every "invalid TOML" case fails on the `:2:18:` check;
with `cmd_check` not given the app's action names, the [keys] test finds no problem listed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.screenshots import SEEDS, fixed_config
from tui.cli.main import main

DATA = Path(__file__).resolve().parent / "data" / "verdicts"
VALID = (DATA / "valid.toml").read_text(encoding="utf-8")

# name -> (text, line, column, what the message says)
DAMAGED: dict[str, tuple[str, int, int, str]] = {
    "invalid_toml": ((DATA / "invalid_toml.toml").read_text(), 2, 18, "invalid TOML"),
    "newer_version": (
        (DATA / "newer_version.toml").read_text(),
        1,
        1,
        "written by a newer crosscheck (version 2)",
    ),
    "unknown_status": (
        (DATA / "damaged_status.toml").read_text(),
        14,
        1,
        "status: unknown status 'probably'",
    ),
    "missing_key": (
        VALID.replace('status = "corroborated"\n', ""),
        5,
        1,
        "[[verdicts]] #1: missing key 'status'",
    ),
    "claim_twice": (
        (DATA / "duplicate_claim.toml").read_text(),
        19,
        1,
        "claim 'a:1' is listed twice among [[verdicts]] (first at line 5)",
    ),
}


@pytest.fixture(params=sorted(DAMAGED))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """A damaged verdict file beside a copy of the seeds (its corpus is ../seeds)."""
    text, line, column, _ = DAMAGED[request.param]
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(SEEDS, tmp_path / "seeds")
    path = work / "verdicts.toml"
    path.write_text(text, encoding="utf-8")
    return path, f"{path}:{line}:{column}: "


def _untouched(path: Path, data: bytes, mtime_ns: int) -> None:
    assert path.read_bytes() == data
    assert os.stat(path).st_mtime_ns == mtime_ns
    assert sorted(p.name for p in path.parent.iterdir()) in (
        ["verdicts.toml"],
        ["verdicts.toml", "verdicts.toml.lock"],  # the lock sidecar, empty
    )


def _message(damaged: tuple[Path, str], err: str) -> None:
    path, where = damaged
    what = DAMAGED[next(k for k, v in DAMAGED.items() if v[0] == path.read_text())][3]
    lines = [line for line in err.splitlines() if where in line]
    assert lines, err
    assert what in lines[0]


def test_open_refuses_through_the_console_entry_point(damaged: tuple[Path, str]) -> None:
    path, _ = damaged
    data, mtime = path.read_bytes(), os.stat(path).st_mtime_ns
    done = subprocess.run(
        [sys.executable, "-m", "tui", "open", "--verdicts", str(path), str(SEEDS)],
        cwd=path.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and done.stdout == ""
    _message(damaged, done.stderr)
    _untouched(path, data, mtime)


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "json"],
        ["export", "--format", "csv"],
        ["stats"],
        ["stats", "--format", "json"],
        ["check"],
    ],
    ids=lambda c: " ".join(c),
)
def test_every_command_refuses(
    damaged: tuple[Path, str], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    data, mtime = path.read_bytes(), os.stat(path).st_mtime_ns
    args = [*command, str(path)] if command == ["check"] else [*command, "--verdicts", str(path)]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    _message(damaged, err)
    _untouched(path, data, mtime)


def test_run_app_refuses_before_anything_is_shown(
    damaged: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.app.app import run_app

    path, _ = damaged
    data, mtime = path.read_bytes(), os.stat(path).st_mtime_ns
    assert run_app(fixed_config(SEEDS), [SEEDS], path) == 1
    _message(damaged, capsys.readouterr().err)
    _untouched(path, data, mtime)


# ---- config ---------------------------------------------------------------------------------

BAD_CONFIG = """\
[corpus]
path = "seeds"

[matching]
match_threshold = 140
wire_share = "most"
colour = 1

[keys]
mark_corroborated = "ctrl+o"
launch_rockets = "ctrl+r"
"""


def test_check_reports_every_config_problem_including_unknown_key_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(BAD_CONFIG, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{path}:5:1: [matching] match_threshold: 140 is out of range (0 to 100)" in err
    assert f"{path}:6:1: [matching] wire_share: expected a number, got a string" in err
    assert any(line.startswith(f"{path}:7:1: [matching] unknown key 'colour'") for line in err)
    assert any(
        line.startswith(f"{path}:11:1: [keys] unknown action 'launch_rockets'") for line in err
    ), err
    assert len(err) == 4  # mark_corroborated is an action: no problem there


def test_a_bad_config_warns_and_keeps_the_defaults_for_the_rest(tmp_path: Path) -> None:
    from tui.app.keys import KEY_IDS
    from tui.config import MatchSettings, load_config

    path = tmp_path / "config.toml"
    path.write_text(BAD_CONFIG, encoding="utf-8")
    config, problems = load_config(path, KEY_IDS)
    assert config.matching == MatchSettings()  # every bad value fell back to its default
    assert config.corpus == tmp_path / "seeds"  # the good value was taken
    assert dict(config.keys) == {"mark_corroborated": "ctrl+o"}
    assert len(problems) == 4 and all(p.startswith(f"{path}: ") for p in problems)


def test_run_app_warns_about_an_unknown_key_action(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app path names the unknown action on stderr (here it then stops at a locked file,
    so the test does not have to run the interface)."""
    from dataclasses import replace
    from types import MappingProxyType

    from tests.screenshots import make_app
    from tui.app.app import run_app

    verdicts = tmp_path / "verdicts.toml"
    holder = make_app(SEEDS, verdicts)
    try:
        config = replace(fixed_config(SEEDS), keys=MappingProxyType({"launch_rockets": "ctrl+r"}))
        assert run_app(config, [SEEDS], verdicts) == 1
    finally:
        holder.store.close()
    err = capsys.readouterr().err
    assert "[keys] launch_rockets: no such action" in err


async def test_the_app_runs_with_an_unknown_key_action_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    from tests.screenshots import make_app, ready

    app = make_app(SEEDS, tmp_path / "verdicts.toml", launch_rockets="ctrl+r", next_claim="ctrl+n")
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            ids = [c.id for c in app.session.claims()]  # type: ignore[union-attr]
            await pilot.press("ctrl+r", "ctrl+n")
            await pilot.pause()
            assert app.is_running and app.session.cursor == ids[1]  # type: ignore[union-attr]
    finally:
        app.store.close()
