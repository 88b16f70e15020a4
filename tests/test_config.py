"""Config: defaults, the documented config.toml, validation messages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.config import Config, ConfigError, MatchSettings, WebSettings, load_config, parse_config

ROOT = Path(__file__).resolve().parent.parent


def test_repository_config_documents_the_builtin_defaults() -> None:
    data = tomllib.loads((ROOT / "config.toml").read_text(encoding="utf-8"))
    config, problems = parse_config(data, ROOT)
    defaults, _ = parse_config({}, ROOT)
    assert problems == []
    assert config == defaults
    # Every matching setting is spelled out in the file, not left implicit.
    assert set(data["matching"]) == set(MatchSettings.__dataclass_fields__)


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "my.toml"
    path.parent.mkdir()
    path.write_text('[corpus]\npath = "articles"\n[verdicts]\npath = "out/v.toml"\n')
    config, problems = load_config(path)
    assert problems == []
    assert config.corpus == path.parent.resolve() / "articles"
    assert config.verdicts == path.parent.resolve() / "out" / "v.toml"
    assert config.source == path


def test_no_config_file_means_builtin_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config, problems = load_config(None)
    assert problems == []
    assert config.corpus == tmp_path / "seeds"
    assert config.matching == MatchSettings()
    assert config.source is None


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ("colour = 1", "unknown section or key 'colour'"),
        ("[matching]\nmatch_treshold = 70", "[matching] unknown key 'match_treshold'"),
        ('[matching]\nmatch_threshold = "high"', "[matching] match_threshold: expected a number"),
        ("[matching]\nmatch_threshold = 170", "match_threshold: 170 is out of range (0 to 100)"),
        ("[matching]\nshort_claim_words = 7.5", "short_claim_words: expected a whole number"),
        ("[matching]\nmatch_threshold = 40\nsuggestion_floor = 60", "must not exceed"),
        (
            "[matching]\nshort_match_threshold = 50\nshort_suggestion_floor = 60",
            "short_suggestion_floor must not exceed short_match_threshold",
        ),
        ("[cache]\nenabled = 1", "[cache] enabled: expected true or false"),
        ("[verdicts]\nreviewer = 3", "[verdicts] reviewer: expected a string"),
        ("[corpus]\npath = 5", "[corpus] path: expected a non-empty path string"),
        ('matching = "x"', "'matching' must be a table"),
    ],
)
def test_bad_values_are_named_and_fall_back_to_defaults(toml: str, fragment: str) -> None:
    config, problems = parse_config(tomllib.loads(toml), Path("/base"))
    assert any(fragment in p for p in problems), problems
    assert config.matching == MatchSettings()


def test_the_retired_related_threshold_loads_with_a_warning_naming_its_successor() -> None:
    config, problems = parse_config(
        tomllib.loads("[matching]\nrelated_threshold = 25\nmatch_threshold = 50"), Path("/")
    )
    assert config.matching == MatchSettings(match_threshold=50)
    (problem,) = problems
    assert problem.startswith("[matching] related_threshold: no longer used, ignored")
    assert "suggestion_margin" in problem and "unknown key" not in problem


def test_unknown_key_actions_are_reported_when_actions_are_known() -> None:
    data = {"keys": {"next_claim": "j,down", "fly_away": "z"}}
    config, problems = parse_config(data, Path("/"), frozenset({"next_claim"}))
    assert dict(config.keys) == {"next_claim": "j,down"}
    assert problems == ["[keys] unknown action 'fly_away' (known: next_claim)"]


def test_good_values_are_taken() -> None:
    data = {
        "matching": {"match_threshold": 80, "short_claim_words": 6},
        "cache": {"enabled": False},
    }
    config, problems = parse_config(data, Path("/"))
    assert problems == []
    assert config.matching.match_threshold == 80.0
    assert config.matching.short_claim_words == 6
    assert config.cache_enabled is False
    assert isinstance(config, Config)


def test_invalid_toml_raises_with_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[matching\nx = 1\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "line 1" in str(info.value)


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "none.toml")


def test_remaps_that_give_a_key_two_actions_keep_their_defaults() -> None:
    from tui.app.keys import KEY_RULES, clashes

    # `c` already marks corroborated: disputed would shadow it (or be shadowed).
    config, problems = parse_config({"keys": {"mark_disputed": "c"}}, Path("/"), KEY_RULES)
    assert dict(config.keys) == {}
    assert problems == [
        "[keys] mark_disputed: 'c' is also bound to mark_corroborated on the main screen; "
        "keeping its default keys"
    ]
    # Swapping two keys is fine; the same key on different screens is fine.
    assert clashes({"mark_corroborated": "d", "mark_disputed": "c"}) == {}
    assert clashes({"orphan_close": "q"}) == {}
    assert set(clashes({"confirm_yes": "n"})) == {"confirm_yes"}
    # Reverting one remap can make another clash: disputed takes `x` (clear), so it keeps
    # `d`, which corroborated asked for.
    assert set(clashes({"mark_corroborated": "d", "mark_disputed": "x"})) == {
        "mark_corroborated",
        "mark_disputed",
    }


def test_check_names_the_line_of_a_clashing_remap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main

    path = tmp_path / "config.toml"
    path.write_text('[keys]\nnext_claim = "j"\nmark_disputed = "c"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3:1: [keys] mark_disputed: 'c' is also bound to mark_corroborated" in err


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ("[web]\nconnect_timeout = 0", "[web] connect_timeout: 0 is out of range (more than 0"),
        ("[web]\nread_timeout = -1", "[web] read_timeout: -1 is out of range"),
        ('[web]\nmax_size_mb = "20 MB"', "[web] max_size_mb: expected a number, got a string"),
        ("[web]\nmax_size_mb = true", "[web] max_size_mb: expected a number, got true or false"),
        ("[web]\nmax_size_mb = 1e9", "[web] max_size_mb: 1000000000.0 is out of range"),
        ("[web]\nproxy = 'x'", "[web] unknown key 'proxy' (known: connect_timeout"),
        ('web = "fast"', "'web' must be a table"),
    ],
)
def test_bad_web_settings_are_named_and_fall_back_to_defaults(toml: str, fragment: str) -> None:
    config, problems = parse_config(tomllib.loads(toml), Path("/base"))
    assert any(fragment in p for p in problems), problems
    assert config.web == WebSettings()


def test_web_settings_are_taken() -> None:
    data = {"web": {"connect_timeout": 3, "read_timeout": 7.5, "max_size_mb": 2}}
    config, problems = parse_config(data, Path("/"))
    assert problems == []
    assert config.web == WebSettings(connect_timeout=3.0, read_timeout=7.5, max_size_mb=2.0)
    # Every web setting is spelled out in the repository's config.toml.
    documented = tomllib.loads((ROOT / "config.toml").read_text(encoding="utf-8"))["web"]
    assert set(documented) == set(WebSettings.__dataclass_fields__)


def test_a_pipe_given_as_config_is_refused_without_waiting(tmp_path: Path) -> None:
    import os
    import threading

    from tui.config import ConfigError, read_config_file

    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_config_file(fifo)
        except ConfigError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)  # a hang fails the test, not the run
    reader.start()
    reader.join(timeout=10)
    assert outcome and "named pipe" in outcome[0], outcome


def test_a_device_given_as_config_is_refused(tmp_path: Path) -> None:
    from tui.config import ConfigError, read_config_file

    with pytest.raises(ConfigError, match="device"):
        read_config_file(Path("/dev/zero"))
