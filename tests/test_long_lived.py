"""The app keeps its long-lived objects out of full garbage collections while it runs, and
gives them back when it ends (so in-process runs, like these tests, keep nothing)."""

from __future__ import annotations

import gc
from pathlib import Path

from tests.screenshots import SEEDS, make_app, ready


async def test_the_analysis_is_frozen_while_the_app_runs_and_released_after(
    tmp_path: Path,
) -> None:
    assert gc.get_freeze_count() == 0
    app = make_app(SEEDS, tmp_path / "v.toml")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await pilot.pause()
            assert app.session is not None
            # At least every claim of the analysis, which the app holds to the end.
            assert gc.get_freeze_count() >= len(app.session.analysis.claims)
            await pilot.press("j")
            assert app.session.cursor is not None
    finally:
        app.store.close()
    assert gc.get_freeze_count() == 0
