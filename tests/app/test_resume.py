"""Pilot tests: reopening the app resumes where the reviewer left off (the claim after the
latest decision, in whichever article it was), not at the first claim of the first article."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Start, claim_ids


async def test_reopening_resumes_in_the_article_last_worked_on(start: Start) -> None:
    async with start() as r:
        await r.press("right_curly_bracket", "right_curly_bracket")  # a later article
        article = r.s.current.article  # type: ignore[union-attr]
        assert article != r.s.analysis.articles[0].id
        await r.press("c")
        decided = [c for c in claim_ids(r.s) if r.s.verdict(c) is not None]
        expected = r.s.cursor
    async with start() as r:
        assert r.s.cursor == expected != claim_ids(r.s)[0]
        assert r.s.current.article == article  # type: ignore[union-attr]
        assert [c for c in claim_ids(r.s) if r.s.verdict(c) is not None] == decided


async def test_everything_triaged_reopens_on_the_latest_decision(
    start: Start, conflict: Path
) -> None:
    async with start(conflict) as r:
        ids = claim_ids(r.s)
        await r.press(*["c"] * len(ids))
        assert all(r.s.verdict(c) is not None for c in ids)
    async with start(conflict) as r:
        # The test clock is fixed (every decision at one moment): the later in reading
        # order counts as the latest. Without a claim left to triage, not the first claim.
        assert r.s.cursor == ids[-1]
