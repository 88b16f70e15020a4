"""The commands and the app use the disk cache (issue 6, item 3): `match`, `claims`, `open`,
`export`, `stats` and `merge` read and write it as config.toml says; `--no-cache` and a
disabled cache neither read nor write it, and give the same output."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cache_support import entries, spy, write_articles
from tui.analysis.cache import MatchCache
from tui.cli.main import main
from tui.config import Config


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_articles(folder, 400, seed=3)  # 10 articles, 400 claims
    return folder


def test_for_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert MatchCache.for_config(Config(cache_enabled=False)) is None
    chosen = MatchCache.for_config(Config(cache_dir=tmp_path / "here"))
    assert chosen is not None and chosen.root == tmp_path / "here"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    default = MatchCache.for_config(Config())
    assert default is not None and default.root == tmp_path / "xdg" / "crosscheck"


def test_the_cli_uses_the_configured_cache_and_no_cache_bypasses_it(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "cli-cache"
    config = tmp_path / "config.toml"
    config.write_text(f'[cache]\ndir = "{root.as_posix()}"\n', encoding="utf-8")
    args = ["match", "--format", "json", "--config", str(config), str(corpus)]

    assert main([*args, "--no-cache"]) == 0
    bypassed = capsys.readouterr().out
    assert not root.exists(), "--no-cache writes nothing"
    assert main(args) == 0
    cold = capsys.readouterr().out
    assert entries(root, "matches") and len(entries(root, "claims")) == 10
    stamp = {p: p.stat().st_mtime_ns for p in entries(root, "claims")}
    assert main(args) == 0
    warm = capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in entries(root, "claims")} == stamp
    assert bypassed == cold == warm
    assert json.loads(warm)["matches"]

    # `claims` takes the flag too; and `open` hands the app a config with the cache off.
    assert main(["claims", "--format", "json", "--no-cache", str(corpus)]) == 0
    capsys.readouterr()
    seen: list[Config] = []

    def run_app(config: Config, paths: list[Path], verdicts: Path | None = None) -> int:
        seen.append(config)
        return 0

    import tui.app.app

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tui.app.app, "run_app", run_app)
        assert main(["open", "--no-cache", "--config", str(config), str(corpus)]) == 0
        assert main(["open", "--config", str(config), str(corpus)]) == 0
    assert [c.cache_enabled for c in seen] == [False, True]


def cache_config(tmp_path: Path, enabled: bool = True) -> Path:
    root = tmp_path / "cmd-cache"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[cache]\nenabled = {"true" if enabled else "false"}\ndir = "{root.as_posix()}"\n',
        encoding="utf-8",
    )
    return config


def test_export_stats_and_merge_use_the_cache_and_no_cache_bypasses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.exports_support import KOREANS, copy_corpus, write_verdicts
    from tui.verdicts.model import Status

    corpus = copy_corpus(tmp_path)
    alice, bob = tmp_path / "alice.toml", tmp_path / "bob.toml"
    write_verdicts(alice, corpus, "alice", [("wire", KOREANS, Status.CORROBORATED)])
    write_verdicts(bob, corpus, "bob", [("wire", KOREANS, Status.DISPUTED)])
    config = str(cache_config(tmp_path))
    root = tmp_path / "cmd-cache"
    commands = [
        ["stats", "--format", "json", "--verdicts", str(alice)],
        ["export", "--format", "json", "--verdicts", str(alice)],
        ["merge", str(alice), str(bob), "-o", str(tmp_path / "merged.toml")],
    ]
    merged = tmp_path / "merged.toml"  # merge never writes over a verdict file: removed first

    def fresh(command: list[str]) -> list[str]:
        merged.unlink(missing_ok=True)
        return command

    for command in commands:
        assert main([*fresh(command), "--config", config, "--no-cache"]) == 0
    assert not root.exists(), "--no-cache writes nothing"
    bypassed = capsys.readouterr().out

    assert main([*commands[0], "--config", config]) == 0
    assert entries(root, "matches") and entries(root, "claims")
    _, match = spy(monkeypatch)
    for command in commands:
        assert main([*fresh(command), "--config", config]) == 0
    assert match.calls == 0, "an unchanged corpus is not matched again"
    monkeypatch.undo()
    capsys.readouterr()
    for command in commands:
        assert main([*fresh(command), "--config", config]) == 0
    assert capsys.readouterr().out == bypassed


async def test_the_app_reads_and_writes_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.screenshots import ready
    from tui.app.app import build_app
    from tui.config import load_config

    async def run_app(config_path: Path) -> int:
        config, problems = load_config(config_path)
        assert not problems
        config = replace(config, corpus=corpus, reviewer="tester")
        app = build_app(config, [corpus], tmp_path / "verdicts.toml")
        try:
            async with app.run_test(size=(120, 36)) as pilot:
                await ready(pilot)
                assert app.session is not None
                return len(list(app.session.claims()))
        finally:
            app.store.close()

    root = tmp_path / "cmd-cache"
    shown = await run_app(cache_config(tmp_path, enabled=False))
    assert not root.exists(), "a disabled cache is neither read nor written"
    assert await run_app(cache_config(tmp_path)) == shown
    assert entries(root, "matches") and len(entries(root, "claims")) == 10
    segment, match = spy(monkeypatch)
    assert await run_app(cache_config(tmp_path)) == shown
    assert (segment.calls, match.calls) == (0, 0), "reopened: neither segmented nor matched"
