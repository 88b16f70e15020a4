"""Snapshot tests of the app's screens (pytest-textual-snapshot), one class per feature.

The scenes are those of tests/screenshots.py (the README's pictures), at fixed terminal
sizes with a fixed reviewer, clock and config; the verdict file is a fresh `verdicts.toml`
in a temporary folder, so the SVGs do not depend on where the tests run. Update them with
`pytest tests/test_app_snapshots.py --snapshot-update` after checking the change by eye.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.screenshots import SIZED, Scene, corpus_for, make_app, scene_named
from tui.app.app import CrosscheckApp


@pytest.fixture
def shoot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snap_compare: Callable[..., bool]
) -> Iterator[Callable[[str], bool]]:
    monkeypatch.chdir(tmp_path)
    apps: list[CrosscheckApp] = []

    def compare(name: str) -> bool:
        scene: Scene = scene_named(name)
        app = make_app(corpus_for(scene, tmp_path), theme=scene.theme)
        apps.append(app)
        same: bool = snap_compare(app, terminal_size=scene.size, run_before=scene.play)
        return same

    yield compare
    for app in apps:
        app.store.close()


class TestMainScreen:
    def test_main_screen_with_verdicts(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("main")


class TestInspector:
    def test_inspector_shows_a_conflict(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("inspector-conflict")


class TestHelp:
    def test_help_screen(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("help")


class TestNoteModal:
    def test_note_modal_with_note_and_source(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("note-modal")


class TestFilter:
    def test_filter_in_effect(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("filter")


class TestNarrowLayout:
    def test_narrow_layout_80x24(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("narrow")


class TestOutlets:
    def test_outlets_and_wire_copies_in_list_and_inspector(
        self, shoot: Callable[[str], bool]
    ) -> None:
        assert shoot("outlets")


class TestCoverage:
    def test_coverage_screen_with_a_verdict(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("coverage")


class TestOrphans:
    def test_orphans_screen_after_an_edit(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("orphans")


class TestAdjudication:
    def test_merged_file_opens_on_its_disagreements(self, shoot: Callable[[str], bool]) -> None:
        assert shoot("adjudicate")


@pytest.mark.parametrize("name", [scene.name for scene in SIZED])
class TestEverySize:
    """The main screen, the inspector on a conflict, the legend line, the summary after the
    last claim and a light theme, each at 80x24, 120x40 and 160x45."""

    def test_screen_at_size(self, shoot: Callable[[str], bool], name: str) -> None:
        assert shoot(name)
