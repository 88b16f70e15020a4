"""For the tests of the web commands: the CLI run in this process (so the server on
127.0.0.1 and the loopback guard are the test's own), a config file, the files of a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web_server import STORY, article_html
from tui.cli.main import main

PAGE = article_html("Council approves road budget", STORY)
NAME = "the-daily-test-council-approves-road-budget.html"


def cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


def write_config(folder: Path, corpus: str = "corpus", **web: float) -> Path:
    """A config.toml whose corpus is `folder/corpus`, with short timeouts for the tests."""
    settings = {"connect_timeout": 2.0, "read_timeout": 5.0, **web}
    lines = ["[corpus]", f'path = "{corpus}"', "[cache]", "enabled = false", "[web]"]
    lines += [f"{key} = {value}" for key, value in settings.items()]
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def files_of(folder: Path) -> list[str]:
    """Every file in the folder outside .crosscheck (a half-saved page would show here)."""
    if not folder.exists():
        return []
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and ".crosscheck" not in p.parts
    )
