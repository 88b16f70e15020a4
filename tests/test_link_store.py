"""Links saved through the store: a link another writer added meanwhile is kept, a link both
sides changed keeps the later decision, and the history names each link's pair."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.exports_support import build_analysis
from tui.analysis.pipeline import Analysis
from tui.review.changes import Change, Step, history_of
from tui.verdicts.model import Link, Relation, VerdictSet, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.store import VerdictStore
from tui.verdicts.writer import dumps

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def link(analysis: Analysis, a: str, b: str, relation: Relation, minutes: int) -> Link:
    ca, cb = analysis.claim(a), analysis.claim(b)
    return Link.of(
        make_anchor(analysis.article(ca.article), ca),
        make_anchor(analysis.article(cb.article), cb),
        relation,
        T0 + timedelta(minutes=minutes),
        "al",
    )


def test_links_written_meanwhile_by_another_writer_are_merged(tmp_path: Path) -> None:
    analysis = build_analysis()
    path = tmp_path / "v.toml"
    ours = link(analysis, "alpha:1", "beta:0", Relation.DIFFERENT, 1)
    shared = link(analysis, "alpha:2", "beta:1", Relation.SAME, 0)
    with VerdictStore.open(path, reviewer="al", corpus=tmp_path) as store:
        base = store.save(VerdictSet("al", ".", links=(shared,)))
        # another writer adds a link and changes the shared one later than we do
        theirs_new = link(analysis, "alpha:3", "beta:2", Relation.CONTRADICTS, 2)
        theirs_changed = replace(
            shared, relation=Relation.CONTRADICTS, decided_at=T0 + timedelta(5)
        )
        path.write_text(dumps(replace(base, links=(theirs_changed, theirs_new))), encoding="utf-8")
        ours_changed = replace(shared, relation=Relation.DIFFERENT, decided_at=T0 + timedelta(1))
        change = Change(
            "link",
            (
                Step("alpha:1", None, None, links_after=(ours,)),
                Step("alpha:2", None, None, links_before=(shared,), links_after=(ours_changed,)),
            ),
            "alpha:1",
        )
        saved = store.save(replace(base, links=(ours, ours_changed)), history_of(change, "al", T0))
        assert any("link for claim" in line for line in store.external_changes)
    on_disk = loads(path.read_text(encoding="utf-8"), path)
    assert on_disk == saved
    by_pair = {k.pair: k.relation for k in on_disk.links}
    assert by_pair == {
        ("alpha:1", "beta:0"): Relation.DIFFERENT,  # ours
        ("alpha:2", "beta:1"): Relation.CONTRADICTS,  # both changed it: theirs is later
        ("alpha:3", "beta:2"): Relation.CONTRADICTS,  # theirs
    }
    history = [json.loads(line) for line in (tmp_path / "v.history.jsonl").read_text().splitlines()]
    assert [(h["action"], h["claim"], h["other"], h["relation"]) for h in history] == [
        ("link", "alpha:1", "beta:0", {"old": None, "new": "different"}),
        ("link", "alpha:2", "beta:1", {"old": "same", "new": "different"}),
    ]
