"""Evidence first (issue 16): the inspector puts what a suggestion rests on right under it
(the claim whose figures disagree, for a disputed one), lists every match and suggestion
as an entry reachable with `i`, j/k and enter, counts them as the suggestion counts, and the
`contested` filter walks the most contested claims first. On stories written here."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Run, Start
from tests.screenshots import keys_for_text
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_bar import StatusBar
from tui.review.contest import tally
from tui.review.session import Filter
from tui.review.suggestions import suggest
from tui.verdicts.model import Status


def article(title: str, outlet: str, *sentences: str) -> str:
    body = "\n".join(sentences)
    return f'+++\ntitle = "{title}"\noutlet = "{outlet}"\n+++\n{title}\n\n{body}\n'


# Two reports whose death tolls disagree, and a third that agrees with the first word for
# word but for the article ("A fire ...", so it scores above the disagreeing one).
FIRE = {
    "herald.md": article(
        "Harbour fire kills twelve",
        "The Herald",
        "The fire at the grain terminal killed 12 dock workers on Tuesday night, "
        "the fire brigade said.",
        "Firefighters fought the blaze for six hours before it was contained.",
        "The terminal's owner promised to pay for the repairs.",
    ),
    "courier.md": article(
        "Fifteen dead in terminal blaze",
        "The Courier",
        "The fire at the grain terminal killed 15 dock workers on Tuesday night, "
        "the fire brigade said.",
        "Firefighters fought the blaze for six hours before it was contained.",
        "Local schools will stay closed on Wednesday.",
    ),
    "gazette.md": article(
        "Night of smoke at the docks",
        "The Gazette",
        "A fire at the grain terminal killed 12 dock workers on Tuesday night, "
        "according to the fire brigade.",
        "Crews fought the blaze for six hours before it was contained.",
        "The mayor called for an inquiry into safety at the port.",
    ),
}
# The same story told by more outlets, one of them the Herald again, and a looser account
# that is only a suggested counterpart.
MORE = {
    "post.md": article(
        "Dock workers die in terminal fire",
        "The Post",
        "Twelve dock workers died when fire swept through the grain terminal on Tuesday, "
        "officials said.",
        "The port authority opened an investigation.",
    ),
    "globe.md": article(
        "Port counts the cost",
        "The Globe",
        "The grain terminal fire on Tuesday left a dozen dock workers dead, the brigade reported.",
        "Insurers expect claims running into millions.",
    ),
    "daily.md": article(
        "Terminal fire",
        "The Herald",
        "The fire at the grain terminal killed 12 dock workers on Tuesday night, "
        "the city's fire brigade said.",
        "Traders fear grain prices will rise.",
    ),
    "times.md": article(
        "Deadly night at the grain terminal",
        "The Times",
        "Twelve people lost their lives in Tuesday's terminal blaze, brigade officials confirmed.",
        "Unions demanded better safety rules.",
        "A memorial service is planned for Sunday.",
    ),
    "wire.md": article(
        "Blaze at the port",
        "Reuters",
        "Flames tore through a grain store at the port overnight, leaving a dozen workers "
        "dead, firefighters say.",
        "Ships were diverted to other harbours.",
        "The city council will meet on Friday.",
        "Grain exports make up a third of the region's trade.",
    ),
}


def write(folder: Path, texts: dict[str, str]) -> Path:
    root = folder / "story"
    root.mkdir()
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def lines(r: Run) -> list[str]:
    return r.app.main_screen.query_one(Inspector).lines()


async def on_heralds_toll(r: Run) -> str:
    """Select the Herald's "killed 12" claim; its id."""
    s = r.s
    claim = next(c.id for c in s.claims() if c.article == "herald" and "killed 12" in c.text)
    s.move_to(claim)
    r.app.main_screen.paint()
    await r.pilot.pause()
    return claim


async def test_the_disagreeing_claim_comes_right_under_the_suggestion(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, FIRE)) as r:
        claim = await on_heralds_toll(r)
        shown = lines(r)
        at = next(i for i, line in enumerate(shown) if line.startswith("Suggestion:"))
        assert shown[at].startswith("Suggestion: ✗ disputed (figures disagree with 1 outlet")
        assert shown[at + 1].startswith("▶") and "Fifteen dead in terminal blaze" in shown[at + 1]
        assert "⚠ number" in shown[at + 2] and "12 here, 15 there" in shown[at + 2]
        assert "killed 15 dock workers" in shown[at + 3]
        # the better-scoring match that agrees comes after the count line, not before
        count = next(i for i, line in enumerate(shown) if line.startswith("Matches:"))
        gazette = next(i for i, line in enumerate(shown) if "Night of smoke" in line)
        assert at + 3 < count < gazette
        assert shown[count].startswith("Matches: 2 matches in 2 outlets · on ▶:")
        courier = next(c.claim for c in r.s.counterparts(claim) if c.conflicts)
        inspector = r.app.main_screen.query_one(Inspector)
        assert inspector.highlighted_match == courier  # the link keys judge it first


async def test_every_match_and_suggestion_is_an_entry_reached_with_i_jk_and_enter(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, FIRE | MORE), size=(120, 40)) as r:
        claim = await on_heralds_toll(r)
        every = {c.claim for c in r.s.counterparts(claim)}
        assert {c.tier for c in r.s.counterparts(claim)} == {"match", "suggestion"}
        inspector = r.app.main_screen.query_one(Inspector)
        right = r.app.main_screen.query_one("#right", ArticlePane)
        assert len(inspector.lines()) > inspector.scrollable_content_region.height  # it scrolls
        await r.press("i")
        assert r.app.focused is inspector
        reached: list[str] = []
        while inspector.highlighted_match not in reached:
            other = inspector.highlighted_match
            assert other is not None
            reached.append(other)
            # the pointed line is on screen, however far down the list
            top, height = inspector.scroll_offset.y, inspector.scrollable_content_region.height
            assert any(line.startswith("▶") for line in inspector.lines()[top : top + height])
            await r.press("enter")
            assert right.article_id == r.s.analysis.claim(other).article
            assert r.s.cursor == claim  # showing a match does not move the cursor
            await r.press("j")
        assert set(reached) == every and len(reached) == len(every)
        for _ in reached:
            await r.press("k")
        assert inspector.highlighted_match == reached[0]
        top, height = inspector.scroll_offset.y, inspector.scrollable_content_region.height
        assert any(line.startswith("▶") for line in inspector.lines()[top : top + height])
        await r.press("escape")
        assert r.app.focused is r.app.main_screen.query_one("#left")


async def test_the_count_line_counts_as_the_suggestion_does(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, FIRE | MORE)) as r:
        claim = await on_heralds_toll(r)
        s = r.s
        outlet = s.sources.outlet
        own = outlet["herald"]
        pairs = s.counterparts(claim)
        of = {c.claim: outlet[s.analysis.claim(c.claim).article] for c in pairs}
        others = [c for c in pairs if c.tier == "match" and of[c.claim] != own]
        same = [c for c in pairs if c.tier == "match" and of[c.claim] == own]
        suggested = [c for c in pairs if c.tier == "suggestion"]
        assert len({of[c.claim] for c in others}) > 1 and same and len(suggested) == 1
        expected = (
            f"Matches: {len(others)} matches in {len({of[c.claim] for c in others})} outlets, "
            f"{len(same)} more from the same outlet, 1 suggestion · on ▶:"
        )
        assert any(line.startswith(expected) for line in lines(r)), lines(r)


async def test_contested_filter_walks_the_most_contested_first(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, FIRE | MORE)) as r:
        s = r.s
        for _ in range(len(s.filter_cycle)):
            if s.filter is Filter.CONTESTED:
                break
            await r.press("f")
        assert s.filter is Filter.CONTESTED
        order = s.visible()
        assert len(order) > 3
        status = str(r.app.main_screen.query_one(StatusBar).render())
        assert f"filter: contested ({len(order)})" in status
        # the claims whose tolls disagree first, then by the outlets matching them
        disputed = [suggest(s.analysis, c, s.sources).status is Status.DISPUTED for c in order]
        assert disputed[0] and not disputed[-1] and disputed == sorted(disputed, reverse=True)
        rest = [
            tally(s.analysis, c, s.sources).sources
            for c, d in zip(order, disputed, strict=True)
            if not d
        ]
        assert rest == sorted(rest, reverse=True) and rest[-1] >= 2
        reading = [c.id for c in s.claims() if c.id in order]
        assert order != reading
        await r.press("g")
        walked = [s.cursor]
        left = r.app.main_screen.query_one("#left", ArticlePane)
        for _ in order[1:]:
            await r.press("j")
            walked.append(s.cursor)
            assert left.article_id == s.analysis.claim(s.cursor).article  # type: ignore[arg-type]
        assert walked == order
        await r.press("j")  # the end of the walk
        assert s.cursor == order[-1]
        await r.press("g", "c")  # a verdict moves on to the next untriaged, in this order
        assert s.verdict(order[0]).status is Status.CORROBORATED  # type: ignore[union-attr]
        assert s.cursor == order[1]
        await r.press("G", "k")
        assert s.cursor == order[-2]


async def test_search_and_the_article_keys_keep_the_contested_order(
    start: Start, tmp_path: Path
) -> None:
    async with start(write(tmp_path, FIRE | MORE)) as r:
        s = r.s
        s.set_filter(Filter.CONTESTED)
        r.app.main_screen.paint()
        order = s.visible()
        await r.press("g")
        bar = r.app.main_screen.query_one(SearchBar)
        await r.press("slash", *keys_for_text("grain terminal"))
        hits = [c for c in order if "grain terminal" in s.analysis.claim(c).text.casefold()]
        assert len(hits) > 2 and s.cursor == hits[0] == order[0]
        assert bar.status.endswith(f"· 1 of {len(hits)}")
        reading = [c.id for c in s.claims() if c.id in hits]
        assert reading != hits
        found = [s.cursor]
        for n in range(2, len(hits) + 1):  # each next hit in the filter's order
            await r.press("enter")
            found.append(s.cursor)
            assert bar.status.endswith(f"· {n} of {len(hits)}")
        assert found == hits
        await r.press("escape")
        here = s.analysis.claim(s.cursor).article
        await r.press("right_curly_bracket")  # the next article: its most contested claim
        there = s.analysis.claim(s.cursor).article
        assert there != here
        assert s.cursor == next(c for c in order if s.analysis.claim(c).article == there)


async def test_keys_typed_fast_after_i_move_in_the_list(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, FIRE)) as r:
        claim = await on_heralds_toll(r)
        inspector = r.app.main_screen.query_one(Inspector)
        first = inspector.highlighted_match
        await r.burst("i", "j", "enter")  # no pause: the list takes the focus at once
        assert r.s.cursor == claim
        assert r.app.focused is inspector
        second = inspector.highlighted_match
        assert second is not None and second != first
        right = r.app.main_screen.query_one("#right", ArticlePane)
        assert right.article_id == r.s.analysis.claim(second).article
