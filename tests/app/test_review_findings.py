"""What a fresh reviewer found on an unseen story: the wire-copy line's grammar, the defer
key's group, the summary screen over the triage notices, the "No suggestion" notice that
stacked. On stories written here."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Run, Start
from tests.app.test_evidence import article, write
from tui.app.screens.help import HelpScreen
from tui.app.widgets.inspector import Inspector

WIRE = (
    "A bridge over the Ister collapsed into the river on Sunday, the police said.",
    "Five people were killed and nine were injured, the regional governor said.",
    "Divers searched the water until nightfall.",
)


def wire_story(copies: int) -> dict[str, str]:
    """One agency's story printed by `copies` outlets, and an outlet's own report."""
    texts = {
        f"copy{n}.md": article(f"Bridge falls, edition {n}", f"Paper {n}", *WIRE)
        for n in range(copies)
    }
    texts["own.md"] = article(
        "Ister bridge disaster",
        "The Observer",
        "The bridge over the Ister gave way on Sunday afternoon, witnesses said.",
        "Engineers had warned about the bridge for years.",
    )
    return texts


def wire_line(r: Run, article_stem: str) -> str:
    s = r.s
    art = next(a for a in s.analysis.articles if a.path.stem == article_stem)
    s.move_to(next(c.id for c in s.claims() if c.article == art.id))
    r.app.main_screen.paint()
    shown = r.app.main_screen.query_one(Inspector).lines()
    at = next(i for i, line in enumerate(shown) if line.startswith("Wire copy:"))
    return " ".join(line.strip() for line in shown[at : at + 3])


async def test_one_other_wire_copy_carries_the_story(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, wire_story(2)), size=(160, 40)) as r:
        line = wire_line(r, "copy0")
        assert "Wire copy: Bridge falls, edition 1 carries the same story" in line


async def test_several_other_wire_copies_carry_the_story(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, wire_story(3)), size=(160, 40)) as r:
        line = wire_line(r, "copy0")
        assert "edition 1; Bridge falls, edition 2 carry the same story" in line


async def test_defer_is_listed_with_the_decisions(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, wire_story(2))) as r:
        await r.press("question_mark")
        screen = r.app.screen
        assert isinstance(screen, HelpScreen)
        table = screen._table()
        groups, keys, actions = (list(column.cells) for column in table.columns)
        group, of = "", {}
        for label, key, action in zip(groups, keys, actions, strict=True):
            group = str(label) or group
            of[str(action)] = (group, str(key))
        assert of["Later (defer)"] == ("Decide", "w")
        assert of["Disputed"][0] == "Decide" and of["Same fact"][0] == "Links"


# Claims no other outlet carries, each attributed to a different source: accepting the
# suggestion on each says "No suggestion: ...; attributed to <source>: check that source".
ALONE = {
    "desk.md": article(
        "Storm night in Lorn",
        "The Lorn Echo",
        "The old sea wall held through the night, the harbour master said.",
        "Schools will reopen on Thursday, the education office said.",
        "Power came back to most homes by noon, the grid operator said.",
    ),
    "other.md": article(
        "Cup final tickets",
        "Sports Daily",
        "Tickets for the cup final sold out within an hour, the league said.",
        "The final will be played in the capital in May.",
    ),
}


def shown_notices(r: Run) -> list[str]:
    """The toasts on screen now."""
    return [n.message for n in r.app._notifications]


async def test_no_suggestion_replaces_the_last_one(start: Start, tmp_path: Path) -> None:
    async with start(write(tmp_path, ALONE)) as r:
        r.s.move_to(next(c.id for c in r.s.claims() if c.text.startswith("The old sea wall")))
        r.app.main_screen.paint()
        said: list[str] = []
        for _ in range(3):
            await r.press("v")
            said.append(r.notices[-1])
            await r.press("j")
        assert all(s.startswith("No suggestion: ") for s in said)
        assert len(set(said)) == 3  # a different reason each time
        assert [n for n in shown_notices(r) if n.startswith("No suggestion")] == [said[-1]]


async def test_no_suggestion_replaces_the_last_one_when_keys_come_fast(
    start: Start, tmp_path: Path
) -> None:
    """The keys queued at once: each notice is told before the app has shown the last."""
    async with start(write(tmp_path, ALONE)) as r:
        r.s.move_to(next(c.id for c in r.s.claims() if c.text.startswith("The old sea wall")))
        r.app.main_screen.paint()
        await r.burst("v", "j", "v", "j", "v")
        said = [n for n in r.notices if n.startswith("No suggestion: ")]
        assert len(set(said)) == 3
        assert [n for n in shown_notices(r) if n.startswith("No suggestion")] == [said[-1]]


async def test_the_summary_opens_clear_of_the_triage_notices(start: Start, tmp_path: Path) -> None:
    from tui.app.screens.summary import SummaryScreen

    async with start(write(tmp_path, ALONE)) as r:
        claims = len(list(r.s.claims()))
        await r.burst(*(["v", "u"] * claims))  # fast triage, asking for a suggestion each time
        assert any(n.startswith("No suggestion") for n in r.notices)
        assert isinstance(r.app.screen, SummaryScreen)
        assert shown_notices(r) == []
