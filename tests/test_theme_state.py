"""The theme's state file and which theme the app starts with (tui/app/theme_state.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.app.theme_state import (
    SavedTheme,
    choose,
    read_state,
    saved_theme,
    state_path,
    write_theme,
)
from tui.config import parse_config

THEMES = {"textual-dark", "textual-light", "solarized-light", "crosscheck-high-contrast"}
DEFAULT = "textual-dark"


def test_state_path_follows_xdg_state_home(tmp_path: Path) -> None:
    assert state_path({"XDG_STATE_HOME": str(tmp_path)}) == tmp_path / "crosscheck" / "state.toml"


def test_a_relative_xdg_state_home_is_ignored() -> None:
    # The XDG rule: only absolute paths count; the platform's state folder is used instead.
    path = state_path({"XDG_STATE_HOME": "relative/state"})
    assert path.is_absolute()
    assert path.name == "state.toml" and path.parent.name == "crosscheck"


def test_the_tests_never_use_the_real_state_folder() -> None:
    # tests/conftest.py points XDG_STATE_HOME at a temporary folder for every test.
    assert not state_path().is_relative_to(Path.home() / ".local" / "state")


@pytest.mark.parametrize(
    ("config", "saved", "expected"),
    [
        ("", SavedTheme(), DEFAULT),  # nothing chosen anywhere
        ("textual-light", SavedTheme(), "textual-light"),  # config alone
        ("", SavedTheme("solarized-light", ""), "solarized-light"),  # chosen in the app
        # Chosen in the app over the config's theme, the config unchanged since: kept.
        ("textual-light", SavedTheme("solarized-light", "textual-light"), "solarized-light"),
        # The config names another theme since the choice: the config's edit is newer.
        ("textual-light", SavedTheme("solarized-light", ""), "textual-light"),
        ("crosscheck-high-contrast", SavedTheme("textual-light", ""), "crosscheck-high-contrast"),
    ],
)
def test_the_latest_choice_wins(config: str, saved: SavedTheme, expected: str) -> None:
    theme, problems = choose(config, saved, THEMES, DEFAULT)
    assert (theme, problems) == (expected, [])


def test_an_unknown_theme_in_the_config_falls_back_with_a_warning() -> None:
    theme, problems = choose("solarised-lite", SavedTheme(), THEMES, DEFAULT)
    assert theme == DEFAULT
    assert len(problems) == 1
    assert "[app] theme: no theme named 'solarised-lite'; using textual-dark" in problems[0]
    assert "solarized-light" in problems[0]  # the known names are listed


def test_an_unknown_config_theme_falls_back_to_the_remembered_one() -> None:
    theme, problems = choose("nope", SavedTheme("textual-light", "nope"), THEMES, DEFAULT)
    assert theme == "textual-light"
    assert len(problems) == 1 and "no theme named 'nope'; using textual-light" in problems[0]


def test_a_remembered_theme_that_is_gone_is_passed_over() -> None:
    theme, problems = choose("", SavedTheme("removed-theme", ""), THEMES, DEFAULT)
    assert theme == DEFAULT
    assert len(problems) == 1 and "'removed-theme'" in problems[0]


def test_written_state_reads_back_and_keeps_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "crosscheck" / "state.toml"
    path.parent.mkdir(parents=True)
    path.write_text('[other]\nkept = 1\n[app]\nlegend = true\ntheme = "x"\n', encoding="utf-8")
    write_theme(path, SavedTheme("textual-light", "solarized-light"))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["other"] == {"kept": 1}
    assert data["app"] == {
        "legend": True,
        "theme": "textual-light",
        "config_theme": "solarized-light",
    }
    state, problem = read_state(path)
    assert problem is None
    assert saved_theme(state) == SavedTheme("textual-light", "solarized-light")


def test_write_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "crosscheck" / "state.toml"
    write_theme(path, SavedTheme("textual-light"))
    assert saved_theme(read_state(path)[0]).theme == "textual-light"
    assert [p.name for p in path.parent.iterdir()] == ["state.toml"]  # no temporary left


def test_no_state_file_is_no_problem(tmp_path: Path) -> None:
    assert read_state(tmp_path / "none.toml") == ({}, None)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"theme = \x00\xff[[[", "damaged state file (not TOML)"),
        (b"\xff\xfe not utf-8", "damaged state file (not TOML)"),
        (b"x" * (65 * 1024), "too large"),
    ],
)
def test_a_damaged_state_file_is_ignored_with_a_reason(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "state.toml"
    path.write_bytes(content)
    state, problem = read_state(path)
    assert state == {}
    assert problem is not None and fragment in problem and str(path) in problem


def test_a_folder_where_the_state_file_should_be_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    path.mkdir()
    state, problem = read_state(path)
    assert state == {} and problem is not None and "not a state file" in problem


@pytest.mark.parametrize(
    "text",
    ['app = "x"', "[app]\ntheme = 3", '[app]\ntheme = "a"\nconfig_theme = []', "[other]"],
)
def test_malformed_tables_remember_nothing(text: str) -> None:
    assert saved_theme(tomllib.loads(text)) == SavedTheme()


def test_config_app_theme() -> None:
    config, problems = parse_config(tomllib.loads('[app]\ntheme = " textual-light "'), Path("/b"))
    assert problems == [] and config.theme == "textual-light"
    config, problems = parse_config(tomllib.loads("[app]\ntheme = 1"), Path("/b"))
    assert config.theme == "" and problems == ["[app] theme: expected a theme's name, got a number"]
    config, problems = parse_config(tomllib.loads('[app]\nthem = "x"'), Path("/b"))
    assert problems == ["[app] unknown key 'them' (known: theme)"]
