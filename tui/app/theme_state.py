"""The app's theme: named in config.toml (`[app] theme`) or chosen in the app (the palette's
"Change theme"), kept between runs in a small state file, and crosscheck's high-contrast
theme.

Which wins when both name one: the latest choice. A theme chosen in the app is written to
the state file with the config's theme of that moment; on the next start it is restored
unless config.toml now names another theme (an edit of config.toml is newer than the
choice). An unknown name in either place is reported once and passed over.

The state file is `$XDG_STATE_HOME/crosscheck/state.toml` (the platform's user state folder
when XDG_STATE_HOME is unset: ~/.local/state/crosscheck on Linux). It only remembers: a
damaged or unreadable one is ignored with one warning, never stops the app, and is
replaced whole (tui.support.atomic_file) the next time the theme changes.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from textual.app import App
from textual.theme import Theme

from tui.app.notices import tell
from tui.support.atomic_file import write_atomically
from tui.support.regular_file import FileTooLarge, NotRegularFile, read_regular_file

STATE_NAME = "state.toml"
STATE_LIMIT = 64 * 1024  # a state file is a few lines; anything near this is not one
HIGH_CONTRAST = "crosscheck-high-contrast"

# Black, white and yellow, with verdict colours bright enough on black; app.tcss draws the
# marks apart by shade and text style under this theme as well (its `.-theme-...` rules), so
# nothing on screen is told by hue alone (the verdicts have their symbols).
HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#ffffff",
    success="#00ff5f",
    warning="#ffaf00",
    error="#ff5f5f",
    dark=True,
    variables={
        "text-muted": "#d0d0d0",
        "text-disabled": "#a8a8a8",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#ffff00 60%",
        "scrollbar": "#808080",
        "scrollbar-hover": "#c0c0c0",
        "scrollbar-active": "#ffff00",
    },
)


def state_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the app keeps what it remembers between runs."""
    xdg = environ.get("XDG_STATE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():  # the XDG rule: a relative path is ignored
        return Path(xdg) / "crosscheck" / STATE_NAME
    from platformdirs import user_state_dir

    return Path(user_state_dir("crosscheck", appauthor=False)) / STATE_NAME


@dataclass(frozen=True, slots=True)
class SavedTheme:
    theme: str = ""  # the theme chosen in the app ("" when none was)
    config_theme: str = ""  # config.toml's `[app] theme` when it was chosen


def read_state(path: Path) -> tuple[dict[str, Any], str | None]:
    """The state file's tables, and a warning when it cannot be used (then nothing)."""
    ignored = "ignored (it is rewritten when the theme changes)"
    try:
        raw = read_regular_file(path, STATE_LIMIT)
    except FileNotFoundError:
        return {}, None
    except NotRegularFile as exc:
        return {}, f"{path}: {exc.what}, not a state file; {ignored}"
    except FileTooLarge as exc:
        return {}, f"{path}: state file {exc.reason}; {ignored}"
    except OSError as exc:
        return {}, f"{path}: cannot read the state file ({exc.strerror or exc}); {ignored}"
    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}, f"{path}: damaged state file (not TOML); {ignored}"


def saved_theme(state: Mapping[str, Any]) -> SavedTheme:
    """The theme the state remembers; anything malformed counts as nothing remembered."""
    table = state.get("app")
    if not isinstance(table, Mapping):
        return SavedTheme()
    theme, config_theme = table.get("theme", ""), table.get("config_theme", "")
    if not isinstance(theme, str) or not isinstance(config_theme, str):
        return SavedTheme()
    return SavedTheme(theme.strip(), config_theme.strip())


def write_theme(path: Path, saved: SavedTheme) -> None:
    """Remember `saved`, keeping whatever else a readable state file holds. OSError when
    the file cannot be written."""
    state, _ = read_state(path)
    app = state.get("app")
    table = dict(app) if isinstance(app, Mapping) else {}
    table.update(theme=saved.theme, config_theme=saved.config_theme)
    state = {**state, "app": table}
    text = "# crosscheck's state between runs, written by the app; safe to delete.\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not fsynced: losing the latest theme to a power cut costs nothing worth the wait.
    write_atomically(path, (text + tomli_w.dumps(state)).encode("utf-8"), durable=False)


def choose(
    config_theme: str, saved: SavedTheme, available: Collection[str], default: str
) -> tuple[str, list[str]]:
    """The theme to start with, and what to say about names that are not themes."""
    known = config_theme in available
    remembered = saved.theme if saved.theme in available else ""
    if remembered and (not config_theme or not known or saved.config_theme == config_theme):
        theme = remembered
    elif known:
        theme = config_theme
    else:
        theme = default
    problems = []
    names = ", ".join(sorted(available))
    if config_theme and not known:
        problems.append(
            f"[app] theme: no theme named {config_theme!r}; using {theme} (known: {names})"
        )
    if saved.theme and not remembered:
        problems.append(f"The theme last chosen, {saved.theme!r}, is gone; using {theme}.")
    return theme, problems


class ThemeKeeper:
    """Registers the high-contrast theme, applies the theme to start with (before the first
    frame), and writes the state file whenever the reviewer changes the theme."""

    def __init__(self, app: App[Any], config_theme: str, path: Path) -> None:
        self.app, self.config_theme, self.path = app, config_theme, path
        app.register_theme(HIGH_CONTRAST_THEME)
        state, problem = read_state(path)
        theme, problems = choose(config_theme, saved_theme(state), app.available_themes, app.theme)
        self.problems = [p for p in (problem, *problems) if p]
        self.kept = theme  # the theme the state file holds, or that needs no remembering
        self._failing = False
        app.theme = theme

    def start(self) -> None:
        """Once the app runs: say what was passed over, then watch for theme changes."""
        for problem in self.problems:
            tell(self.app, problem, severity="warning", timeout=10)
        self.app.theme_changed_signal.subscribe(self.app, self._changed)

    def _changed(self, theme: Theme) -> None:
        if theme.name == self.kept:
            return
        try:
            write_theme(self.path, SavedTheme(theme.name, self.config_theme))
        except OSError as exc:
            if not self._failing:  # said once; the theme itself has changed all the same
                self._failing = True
                reason = exc.strerror or str(exc)
                tell(
                    self.app,
                    f"The theme will not be remembered: {self.path}: {reason}",
                    severity="warning",
                    timeout=8,
                )
            return
        self._failing = False
        self.kept = theme.name
