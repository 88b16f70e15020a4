"""Pilot tests: what the app says does not pile up. Search keeps one status under its
field (hit count, or that no claim contains the term); a key pressed again and again at an
edge ("Last claim") shows one toast, not a stack."""

from __future__ import annotations

from tests.app.conftest import Start
from tests.screenshots import keys_for_text
from tui.app.app import CrosscheckApp
from tui.app.widgets.search_bar import SearchBar


def shown(app: CrosscheckApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_search_status_counts_hits_and_updates_in_place(start: Start) -> None:
    async with start() as r:
        bar = r.app.main_screen.query_one(SearchBar)
        before = len(r.notices)
        await r.press("slash", *keys_for_text("kursk"))
        hits = [c for c in r.s.visible() if "kursk" in r.s.analysis.claim(c).text.casefold()]
        assert len(hits) > 1
        assert bar.status == f"{len(hits)} claims contain “kursk” · 1 of {len(hits)}"
        await r.press("enter")  # the next hit
        assert bar.status.endswith(f"· 2 of {len(hits)}")
        assert r.s.cursor == hits[1]
        await r.press(*keys_for_text("zzq"))
        assert bar.status == "no claim contains “kurskzzq”"
        assert len(r.notices) == before  # no toast at all, however many keys were typed


async def test_search_status_is_cleared_on_a_new_search(start: Start) -> None:
    async with start() as r:
        bar = r.app.main_screen.query_one(SearchBar)
        await r.press("slash", "q", "q", "q", "escape", "slash")
        assert bar.status == ""


async def test_last_claim_said_once_however_often_pressed(start: Start) -> None:
    async with start() as r:
        await r.press("G")
        for _ in range(4):
            await r.press("j")
        said = [m for m in shown(r.app) if m.startswith("Last claim")]
        assert len(said) == 1
        assert sum(m.startswith("Last claim") for m in r.notices) == 4  # each press answered
