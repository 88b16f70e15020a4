"""Typed settings from config.toml, validated once.

Built-in defaults live here, in the dataclasses, so an installed crosscheck runs from any
folder without a config file; the repository's config.toml documents every key with the
same values (a test keeps the two equal).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tui.support.regular_file import FileTooLarge, NotRegularFile, read_regular_file

CONFIG_NAME = "config.toml"


class ConfigError(Exception):
    """A config file that cannot be used at all (unreadable, not TOML)."""


@dataclass(frozen=True, slots=True)
class MatchSettings:
    # Scores are 0-100. `match` pairs are the same fact.
    match_threshold: float = 45.0
    # Claims with fewer content words than this need `short_match_threshold` to match.
    short_claim_words: int = 8
    short_match_threshold: float = 65.0
    # Below the match tier, a claim's best counterpart in another article is suggested when
    # it is mutual, scores at least the floor (the short floor when either claim is short)
    # and beats each claim's background in the other article by the margin.
    suggestion_floor: float = 30.0
    short_suggestion_floor: float = 40.0
    suggestion_margin: float = 10.0
    # A claim joins a cluster only when it matches at least this share of its members.
    cluster_min_share: float = 0.5
    # Articles whose claims mostly match each other at `wire_score` or more are wire copies.
    wire_score: float = 92.0
    wire_share: float = 0.6


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits on fetching pages (`crosscheck add`, `refetch`); the network code takes them."""

    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 30.0  # seconds without a byte from the server
    max_size_mb: float = 20.0  # a larger page is cut off and refused


# [web] key -> (low, high): seconds for the timeouts, megabytes for the size; above 0.
_WEB_RANGES: dict[str, tuple[float, float]] = {
    "connect_timeout": (0, 600),
    "read_timeout": (0, 3600),
    "max_size_mb": (0, 4096),
}


@dataclass(frozen=True, slots=True)
class Config:
    corpus: Path = Path("seeds")
    verdicts: Path = Path("verdicts.toml")
    reviewer: str = ""  # empty: the login name
    matching: MatchSettings = field(default_factory=MatchSettings)
    cache_enabled: bool = True
    cache_dir: Path | None = None  # None: the platform's user cache folder
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    web: WebSettings = field(default_factory=WebSettings)
    # [app] theme: a Textual theme's name; "" keeps the theme last chosen in the app. The
    # app checks the name (the themes are Textual's) and says when it falls back.
    theme: str = ""
    source: Path | None = None  # the file these settings came from, None for built-ins


# (section, key) -> (attribute path, expected type, validator or None)
_RANGES: dict[str, tuple[float, float]] = {
    "match_threshold": (0, 100),
    "short_claim_words": (1, 100),
    "short_match_threshold": (0, 100),
    "suggestion_floor": (0, 100),
    "short_suggestion_floor": (0, 100),
    "suggestion_margin": (0, 100),
    "cluster_min_share": (0, 1),
    "wire_score": (0, 100),
    "wire_share": (0, 1),
}


# Keys of earlier versions: still accepted, with a warning naming what replaced them.
RETIRED_MATCHING: dict[str, str] = {
    "related_threshold": (
        "the related band became suggestions, each claim's best counterpart per other"
        " article; set suggestion_margin and suggestion_floor instead"
    ),
}
# (floor, threshold): a suggestion floor never above the match threshold it sits under.
_FLOORS = (
    ("suggestion_floor", "match_threshold"),
    ("short_suggestion_floor", "short_match_threshold"),
)


def _type_name(value: Any) -> str:
    return {str: "a string", bool: "true or false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _check_number(
    key: str, value: Any, kind: type[int] | type[float], problems: list[str]
) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"[matching] {key}: expected a number, got {_type_name(value)}")
        return None
    if kind is int and not isinstance(value, int):
        problems.append(f"[matching] {key}: expected a whole number, got {value}")
        return None
    low, high = _RANGES[key]
    if not low <= value <= high:
        problems.append(f"[matching] {key}: {value} is out of range ({low} to {high})")
        return None
    return kind(value)


@dataclass(frozen=True)
class KeyRules:
    """What the app knows of its keys (tui.app.keys): its action names, and which remapped
    actions would share a key with another action on the same screen (action -> why)."""

    actions: frozenset[str]
    clashes: Callable[[Mapping[str, str]], Mapping[str, str]] = lambda keymap: {}


Known = frozenset[str] | KeyRules | None


def parse_config(
    data: Mapping[str, Any], base: Path, known_actions: Known = None
) -> tuple[Config, list[str]]:
    """Turn parsed TOML into a Config. Bad keys are reported and fall back to defaults."""
    rules = KeyRules(known_actions) if isinstance(known_actions, frozenset) else known_actions
    problems: list[str] = []
    config = Config()
    matching = MatchSettings()
    sections = {"corpus", "verdicts", "matching", "cache", "web", "keys", "app"}
    for name in data:
        if name not in sections:
            problems.append(
                f"unknown section or key '{name}' (known: {', '.join(sorted(sections))})"
            )

    def table(name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, Mapping):
            problems.append(f"'{name}' must be a table like [{name}]")
            return {}
        return value

    def path_value(section: str, key: str, value: Any) -> Path | None:
        if not isinstance(value, str) or not value.strip():
            problems.append(f"[{section}] {key}: expected a non-empty path string")
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() else base / p

    def unknown(section: str, keys: Mapping[str, Any], allowed: set[str]) -> None:
        for key in keys:
            if key not in allowed:
                problems.append(
                    f"[{section}] unknown key '{key}' (known: {', '.join(sorted(allowed))})"
                )

    corpus = table("corpus")
    unknown("corpus", corpus, {"path"})
    if "path" in corpus and (p := path_value("corpus", "path", corpus["path"])):
        config = replace(config, corpus=p)
    elif "path" not in corpus:
        config = replace(config, corpus=base / config.corpus)

    verdicts = table("verdicts")
    unknown("verdicts", verdicts, {"path", "reviewer"})
    if "path" in verdicts and (p := path_value("verdicts", "path", verdicts["path"])):
        config = replace(config, verdicts=p)
    elif "path" not in verdicts:
        config = replace(config, verdicts=base / config.verdicts)
    if "reviewer" in verdicts:
        if isinstance(verdicts["reviewer"], str):
            config = replace(config, reviewer=verdicts["reviewer"].strip())
        else:
            problems.append(
                f"[verdicts] reviewer: expected a string, got {_type_name(verdicts['reviewer'])}"
            )

    section = table("matching")
    kinds = {f.name: (int if f.type in ("int", int) else float) for f in fields(MatchSettings)}
    for key, instead in RETIRED_MATCHING.items():
        if key in section:
            problems.append(f"[matching] {key}: no longer used, ignored ({instead})")
    unknown("matching", {k: v for k, v in section.items() if k not in RETIRED_MATCHING}, set(kinds))
    for key, value in section.items():
        if (
            key in kinds
            and (checked := _check_number(key, value, kinds[key], problems)) is not None
        ):
            update: dict[str, Any] = {key: checked}  # the field's own type, checked above
            matching = replace(matching, **update)
    for floor, match in _FLOORS:
        if getattr(matching, floor) > getattr(matching, match):
            problems.append(
                f"[matching] {floor} must not exceed {match}; using the defaults for both"
            )
            defaults = MatchSettings()
            update = {floor: getattr(defaults, floor), match: getattr(defaults, match)}
            matching = replace(matching, **update)
    config = replace(config, matching=matching)

    cache = table("cache")
    unknown("cache", cache, {"enabled", "dir"})
    if "enabled" in cache:
        if isinstance(cache["enabled"], bool):
            config = replace(config, cache_enabled=cache["enabled"])
        else:
            problems.append(
                f"[cache] enabled: expected true or false, got {_type_name(cache['enabled'])}"
            )
    if cache.get("dir", "") != "" and (p := path_value("cache", "dir", cache["dir"])):
        config = replace(config, cache_dir=p)

    config = replace(config, web=_web_settings(table("web"), problems))

    app = table("app")
    unknown("app", app, {"theme"})
    if "theme" in app:
        if isinstance(app["theme"], str):
            config = replace(config, theme=app["theme"].strip())
        else:
            problems.append(f"[app] theme: expected a theme's name, got {_type_name(app['theme'])}")

    keys = table("keys")
    good_keys: dict[str, str] = {}
    for action, value in keys.items():
        if rules is not None and action not in rules.actions:
            problems.append(
                f"[keys] unknown action '{action}' (known: {', '.join(sorted(rules.actions))})"
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"[keys] {action}: expected a string of comma-separated keys")
        else:
            good_keys[action] = ",".join(k.strip() for k in value.split(",") if k.strip())
    if rules is not None:
        for action, why in rules.clashes(good_keys).items():
            problems.append(f"[keys] {action}: {why}")
            del good_keys[action]  # its default keys, rather than a key that does two things
    config = replace(config, keys=MappingProxyType(good_keys))
    return config, problems


def _web_settings(section: Mapping[str, Any], problems: list[str]) -> WebSettings:
    """The [web] table: numbers above 0 and within range, else the default and a problem."""
    web = WebSettings()
    for key, value in section.items():
        if key not in _WEB_RANGES:
            known = ", ".join(sorted(_WEB_RANGES))
            problems.append(f"[web] unknown key '{key}' (known: {known})")
            continue
        low, high = _WEB_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"[web] {key}: expected a number, got {_type_name(value)}")
        elif not low < value <= high:
            problems.append(
                f"[web] {key}: {value} is out of range (more than {low}, at most {high})"
            )
        else:
            update: dict[str, Any] = {key: float(value)}
            web = replace(web, **update)
    return web


# A config file is a few hundred bytes; anything near this is not one.
CONFIG_LIMIT = 1 << 20


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        # A pipe or a device given as --config would block or never end: regular files only.
        raw = read_regular_file(path, CONFIG_LIMIT)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except NotRegularFile as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.what}, not a file)") from None
    except FileTooLarge as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.reason})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path | None = None, known_actions: Known = None) -> tuple[Config, list[str]]:
    """Load `path`, else ./config.toml when present, else the built-in defaults.

    Relative paths inside a config file are resolved against the file's folder; the
    built-in defaults resolve against the current folder.
    """
    if path is None:
        candidate = Path.cwd() / CONFIG_NAME
        if not candidate.is_file():
            config, problems = parse_config({}, Path.cwd(), known_actions)
            return config, problems
        path = candidate
    data = read_config_file(path)
    config, problems = parse_config(data, path.resolve().parent, known_actions)
    return replace(config, source=path), [f"{path}: {p}" for p in problems]
