"""Keys are named as bound: with `[keys]` remapped, every notice, hint and question names the
remapped key, never the default. The domain's messages name no key at all (the app adds
them from its key table)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Button

import tui
from tests.app.conftest import Run, Start
from tests.screenshots import write_orphan_case
from tui.app.screens.confirm import ConfirmScreen
from tui.app.widgets.inspector import Inspector
from tui.review.session import Filter

REMAP = {
    "toggle_claim": "z",
    "mark_corroborated": "C",
    "undo": "U",
    "orphans": "P",
    "accept_suggestion": "A",
}


def notices(r: Run) -> list[str]:
    return r.notices


def inspector(r: Run) -> str:
    return " ".join(" ".join(r.app.main_screen.query_one(Inspector).lines()).split())


async def test_notices_and_the_inspector_name_remapped_keys(start: Start) -> None:
    async with start(**REMAP) as r:
        first = r.s.cursor
        assert first is not None
        assert "A accepts" in inspector(r) or "Suggestion: none" in inspector(r)
        await r.press("a")  # no verdict yet: the notice says which keys decide
        assert "Mark the claim first (C, d or u), then add a note." in notices(r)
        await r.press("C", "g")  # corroborated; back to it
        assert r.s.verdict(first) is not None
        await r.press("z")  # not a claim now: its verdict goes, and the undo key says so
        assert any("U brings it back" in m for m in notices(r))
        r.s.set_filter(Filter.NOT_CLAIMS)
        await r.press("g")
        assert r.s.cursor is not None and not r.s.is_claim(r.s.cursor)
        assert "Not a claim (z makes it one)." in inspector(r)
        await r.press("C")  # a verdict on a unit that is not a claim is refused
        refused = [m for m in notices(r) if m.startswith("this unit is not a claim")]
        assert refused == ["this unit is not a claim; make it one first (z)"]
        every = " ".join(notices(r)) + inspector(r)
        assert "K makes" not in every and "(K)" not in every and "ctrl+z" not in every


async def test_a_merged_file_and_orphans_are_announced_with_remapped_keys(
    start: Start, tmp_path: Path, verdicts: Path
) -> None:
    corpus = write_orphan_case(tmp_path / "case", verdicts)
    async with start(corpus, **REMAP) as r:
        assert r.s.orphans()
        said = " ".join(notices(r))
        assert "(P lists them)" in said and "(O lists them)" not in said


async def test_cluster_question_and_refusals_name_remapped_keys(
    start: Start, conflict: Path
) -> None:
    async with start(conflict, cluster_verdict="M", confirm_yes="Y", **REMAP) as r:
        await r.press("M")  # no verdict on the claim: the refusal names the deciding keys
        assert any(m.endswith("(C, d or u)") for m in notices(r))
        r.s.set_filter(Filter.MATCHED)
        await r.press("g", "C", "g", "M")
        assert isinstance(r.app.screen, ConfirmScreen)  # the cluster's other claims
        labels = " ".join(str(b.label) for b in r.app.screen.query(Button))
        assert "Yes (Y)" in labels and "(y)" not in labels


KEY_WORDS = re.compile(
    r"press [A-Za-z]\b|\b[cdu], [cdu] or [cdu]\b|\(K\b|\bK makes|\b[OK] lists|ctrl\+[a-z]"
    r"|\b[vm] (accepts|gives)\b"
)


def test_the_domain_names_no_key() -> None:
    """Only the app names keys (as bound): a message built below it would name a default."""
    root = Path(tui.__file__).parent
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if "app" not in path.relative_to(root).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if KEY_WORDS.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == []
