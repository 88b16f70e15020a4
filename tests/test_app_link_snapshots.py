"""Snapshot tests of the reviewer's links (issue 15): the inspector listing a claim's
matches with the reviewer's word on them, and the right pane's marks for confirmed,
contradicting and rejected links and for a claim marked to be linked.

Fixed like tests/test_app_snapshots.py: the conflict corpus in a fresh folder, a fixed
reviewer, clock and config, a fixed terminal size. Update with `--snapshot-update` after
checking the change by eye.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.screenshots import keys_for_text, make_app, ready, write_conflict_corpus
from tui.app.app import CrosscheckApp

SIZE = (150, 42)


@pytest.fixture
def shoot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snap_compare: Any
) -> Iterator[Callable[..., bool]]:
    monkeypatch.chdir(tmp_path)
    apps: list[CrosscheckApp] = []

    def compare(*keys: str) -> bool:
        app = make_app(write_conflict_corpus(tmp_path))
        apps.append(app)

        async def play(pilot: Pilot[Any]) -> None:
            await ready(pilot)
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            pilot.app.clear_notifications()  # a notice's timeout must not decide the picture
            await pilot.pause()

        return bool(snap_compare(app, terminal_size=SIZE, run_before=play))

    yield compare
    for app in apps:
        app.store.close()


class TestLinks:
    def test_inspector_lists_the_reviewers_links(self, shoot: Callable[..., bool]) -> None:
        # The 50,000-troops claim: its best match confirmed, the second rejected, the list
        # focused on the rejected one (still listed, struck through).
        assert shoot("j", "i", "s", "j", "r")

    def test_right_pane_marks_links_apart_from_machine_matches(
        self, shoot: Callable[..., bool]
    ) -> None:
        # The 50,000-troops claim (desk-a) contradicts desk-b's 45,000 claim, is the same
        # fact as desk-b's headline and not the same fact as its November 9 claim (links
        # made by search); desk-b in the right pane shows the three marks, and the claim is
        # marked for one more link (reversed in the left pane).
        def find(text: str) -> list[str]:
            return ["slash", *keys_for_text(text), "escape"]

        assert shoot(
            *("j", "i", "j", "exclamation_mark", "escape"),
            *("p", *find("build-up"), "p", "s"),
            *find("russia has gathered 50,000"),
            *("p", *find("november 9"), "p", "r"),
            *find("russia has gathered 50,000"),
            *("i", "j", "enter", "escape", "p"),
        )

    def test_a_deferred_claim_in_its_own_colour(self, shoot: Callable[..., bool]) -> None:
        assert shoot("w", "j", "c", "g")
