"""The coverage screen's outlet columns: headers told apart when names share their first
words, and at 80x24 the outlets scroll sideways under a claim label that stays put. On a
story written here."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.app.conftest import Start
from tests.app.test_evidence import article, write
from tui.app.screens.coverage import CoverageScreen, outlet_headers

OUTLETS = ("Harwick Ledger", "Harwick Tribune", "Harwick Evening Watch", "Harwick Evening Star")


def story() -> dict[str, str]:
    """One event told by four outlets of one town, and a fifth with a name of its own."""
    texts = {
        f"paper{n}.md": article(
            f"Ferry runs aground, report {n}",
            outlet,
            "The night ferry to Skarn ran aground off the north pier on Friday, the coast "
            "guard said.",
            f"All 140 passengers were taken ashore by lifeboat, report {n} adds.",
        )
        for n, outlet in enumerate(OUTLETS)
    }
    texts["coastal.md"] = article(
        "Ferry aground at Harwick",
        "Coastal Post",
        "The night ferry to Skarn ran aground off the north pier on Friday, according to the "
        "coast guard.",
    )
    return texts


def test_headers_keep_the_words_that_tell_outlets_apart() -> None:
    names = [*OUTLETS, "Coastal Post"]
    for width in range(8, 25):
        headers = outlet_headers(names, width)
        assert len(set(headers)) == len(names), (width, headers)
        assert all(len(h) <= width for h in headers), (width, headers)
    assert outlet_headers(names, 10) == [
        "…Ledger",
        "…Tribune",
        "…Watch",
        "…Star",
        "Coastal P…",
    ]
    assert outlet_headers(names, 40) == names  # names that fit stay whole
    # Names alike to the end of the room and beyond any word: cut in the middle.
    assert outlet_headers(["NorthernHeraldOne", "NorthernHeraldTwo"], 9) == [
        "Nort…dOne",
        "Nort…dTwo",
    ]


async def test_at_80x24_headers_differ_and_the_claim_stays_while_outlets_scroll(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, story()), size=(80, 24)) as r:
        await r.press("o")
        screen = r.app.screen
        assert isinstance(screen, CoverageScreen)
        table = screen.query_one("#coverage-table", DataTable)
        headers = [str(c.label) for c in table.columns.values()][2:]
        assert len(set(headers)) == len(headers) == 5, headers
        assert not any(h.startswith("Harwick") and h.endswith("…") for h in headers), headers
        assert table.virtual_size.width > table.scrollable_content_region.width  # cut: scrolls
        first_row = table.render_line(1).text
        label = first_row.split()[0]
        for _ in range(20):
            await r.press("right")
        assert table.scroll_x > 0
        assert table.render_line(1).text.split()[0] == label  # the claim label stays put
        assert headers[-1] in table.render_line(0).text  # the last outlet scrolled in
