"""At 80x24 the inspector has about 8 lines: the suggestion and the figures that disagree
come right under the claim, so the reason is on screen without scrolling; with room, the
usual order (article, verdict, then the suggestion with its evidence under it). On a story
written here whose first claim states a figure another outlet states otherwise."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Run, Start
from tests.app.test_evidence import article, write
from tui.app.widgets.inspector import Inspector

HEADLINE = "Five killed as Harnby bridge falls into the river, police say"
LEAD = (
    "A road bridge over the river Tessel in Harnby collapsed during the Monday morning rush "
    "hour, killing five people and injuring at least 20, the regional police said."
)
# Two wire copies (a "Wire copy" line in the header) and a radio report with another toll.
STORY = {
    "a-wire.md": article(HEADLINE, "Harnby Ledger", LEAD, "Divers searched until nightfall."),
    "b-wire.md": article(HEADLINE, "Harnby Tribune", LEAD, "Divers searched until nightfall."),
    "c-radio.md": article(
        HEADLINE.replace("Five", "Seven"),
        "Radio Tessel",
        LEAD.replace("five", "seven"),
        "The mayor declared a day of mourning.",
    ),
}


def on_screen(r: Run) -> tuple[list[str], list[str]]:
    """The inspector's lines on screen now, and all of them."""
    inspector = r.app.main_screen.query_one(Inspector)
    shown = inspector.lines()
    top, height = inspector.scroll_offset.y, inspector.scrollable_content_region.height
    return shown[top : top + height], shown


def conflict_at(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if "Five here, Seven there" in line)


async def test_at_80x24_the_reason_is_on_screen_on_the_first_claim(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, STORY), size=(80, 24)) as r:
        first = r.s.analysis.claim(r.s.cursor or "")
        assert first.text == HEADLINE  # the story's first claim, as the app opens
        visible, every = on_screen(r)
        assert len(visible) < len(every)  # the inspector scrolls: the fold is real
        at = next(i for i, line in enumerate(visible) if line.startswith("Suggestion:"))
        assert visible[at].startswith("Suggestion: ✗ disputed (figures disagree with 1 outlet")
        assert visible[conflict_at(visible)].startswith("⚠ number")
        assert "(Radio Tessel)" in visible[conflict_at(visible)]
        assert at < conflict_at(visible) < every.index(next(x for x in every if "Verdict:" in x))
        assert any(line.startswith("Wire copy:") for line in every)  # still told, lower


async def test_with_room_the_suggestion_follows_the_verdict_as_before(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, STORY), size=(80, 24)) as r:
        await r.pilot.resize_terminal(160, 60)
        await r.pilot.pause()
        _, every = on_screen(r)
        verdict = next(i for i, line in enumerate(every) if line.startswith("Verdict:"))
        suggestion = next(i for i, line in enumerate(every) if line.startswith("Suggestion:"))
        assert verdict < suggestion
        assert every[suggestion + 1].startswith("▶") and "Radio Tessel" in every[suggestion + 1]
        assert sum("Five here, Seven there" in line for line in every) == 1  # once, in its entry
