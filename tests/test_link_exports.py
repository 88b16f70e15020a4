"""Links and deferred claims in every export: JSON and CSV apart from the verdicts, the
Markdown report's sections, W3C `linking` and `bookmarking` annotations, ClaimReview's
appearances in other outlets and no rating for a deferred claim."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.exports_support import alice_verdicts, build_analysis, verdict, verdict_set
from tui.analysis.pipeline import Analysis
from tui.exporters import export
from tui.exporters.tabular import CSV_FIELDS
from tui.review.links import apply_links
from tui.review.workspace import Workspace
from tui.verdicts.model import Anchor, Link, Relation, Status, make_anchor

WHEN = datetime(2026, 12, 6, 6, 1, 22, tzinfo=UTC)


def link(analysis: Analysis, a: str, b: str, relation: Relation, note: str = "") -> Link:
    ca, cb = analysis.claim(a), analysis.claim(b)
    return Link.of(
        make_anchor(analysis.article(ca.article), ca),
        make_anchor(analysis.article(cb.article), cb),
        relation,
        WHEN,
        "alice",
        note,
    )


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    machine = build_analysis(tmp_path / "corpus")
    links = (
        link(machine, "alpha:2", "beta:1", Relation.SAME, "both say Monday"),
        link(machine, "alpha:1", "gamma:1", Relation.DIFFERENT),
        link(machine, "alpha:3", "beta:2", Relation.CONTRADICTS),
    )
    gone = Anchor("beta:gone", "beta", "A claim no longer there.", "", "", 0, 24, "old")
    orphan = Link.of(gone, links[0].a, Relation.SAME, WHEN, "alice")
    analysis = apply_links(machine, links)
    later = verdict(analysis, "gamma:0", Status.LATER, WHEN, note="ask the desk")
    placed = (*alice_verdicts(analysis), later)
    vs = replace(verdict_set(placed), links=(*links, orphan))
    return Workspace(
        tmp_path / "verdicts.toml",
        vs,
        tmp_path / "corpus",
        analysis,
        placed,
        (),
        links=links,
        orphan_links=(orphan,),
    )


def test_json_lists_verdicts_deferred_claims_and_links_apart(ws: Workspace) -> None:
    doc = json.loads(export(ws, "json"))
    assert list(doc) == ["verdicts", "deferred", "links"]
    assert [v["status"] for v in doc["verdicts"]] == ["disputed", "corroborated", "unsourced"]
    (later,) = doc["deferred"]
    assert (later["claim"], later["status"], later["note"]) == ("gamma:0", "later", "ask the desk")
    pairs = [(k["a"]["claim"], k["b"]["claim"], k["relation"], k["orphan"]) for k in doc["links"]]
    assert pairs == [
        ("alpha:1", "gamma:1", "different", False),
        ("alpha:2", "beta:1", "same", False),
        ("alpha:3", "beta:2", "contradicts", False),
        ("alpha:2", "beta:gone", "same", True),
    ]
    first = doc["links"][1]
    text = ws.analysis.article("alpha").text
    assert text[first["a"]["start"] : first["a"]["end"]] == first["a"]["text"]
    assert (first["reviewer"], first["decided_at"], first["note"]) == (
        "alice",
        "2026-12-06T06:01:22Z",
        "both say Monday",
    )


def test_csv_rows_say_what_they_are(ws: Workspace) -> None:
    rows = list(csv.DictReader(io.StringIO(export(ws, "csv"))))
    assert list(rows[0]) == list(CSV_FIELDS)
    assert [r["record"] for r in rows] == ["verdict"] * 3 + ["deferred"] + ["link"] * 4
    deferred = rows[3]
    assert (deferred["claim"], deferred["status"]) == ("gamma:0", "later")
    contradicting = rows[6]
    assert (contradicting["claim"], contradicting["other_claim"], contradicting["relation"]) == (
        "alpha:3",
        "beta:2",
        "contradicts",
    )
    assert (
        contradicting["status"] == "" and contradicting["other_text"] == "A drone struck a | depot."
    )
    assert [r["orphan"] for r in rows[4:]] == ["false", "false", "false", "true"]


def test_markdown_has_a_section_for_deferred_claims_and_one_for_links(ws: Workspace) -> None:
    md = export(ws, "md")
    assert "| deferred for later (no verdict) | 1 |" in md
    deferred = md[md.index("## Deferred claims") : md.index("## Links")]
    assert "Monday" in deferred and "ask the desk" in deferred
    links = md[md.index("## Links") :]
    assert "| not the same fact |" in links and "| contradicts |" in links
    assert "the same fact (not placed)" in links
    assert md.index("## Coverage") < md.index("## Deferred claims") < md.index("## Links")


def test_w3c_links_are_linking_annotations_with_two_targets(ws: Workspace) -> None:
    items = json.loads(export(ws, "w3c"))["first"]["items"]
    motivations = [i["motivation"] for i in items]
    assert motivations == ["assessing"] * 3 + ["bookmarking"] + ["linking"] * 4
    later = items[3]
    assert later["body"][0] == {"type": "TextualBody", "purpose": "tagging", "value": "later"}
    same = items[5]
    assert same["body"][0] == {"type": "TextualBody", "purpose": "classifying", "value": "same"}
    assert same["body"][1]["purpose"] == "commenting"
    a, b = same["target"]
    assert [s["type"] for s in a["selector"]] == ["TextQuoteSelector", "TextPositionSelector"]
    assert (a["selector"][0]["exact"], b["selector"][0]["exact"]) == (
        "The offensive began on Monday.",
        "The offensive began on Monday.",
    )
    orphan = items[-1]
    assert all(isinstance(t["selector"], dict) for t in orphan["target"])  # quote only
    assert len({i["id"] for i in items}) == len(items)


def test_claimreview_lists_confirmed_claims_of_other_outlets_and_rates_no_deferral(
    ws: Workspace,
) -> None:
    reviews = json.loads(export(ws, "claimreview"))
    assert [r["claimReviewed"] for r in reviews] == [
        "Russia massed 50,000 troops near Kursk.",
        "The offensive began on Monday.",
        "A drone struck a | depot.",
    ]  # the deferred claim (gamma:0) is not rated
    monday = reviews[1]["itemReviewed"]["appearance"]
    assert [w["headline"] for w in monday] == ["Alpha *News*", "Beta Daily"]  # confirmed same
    troops = reviews[0]["itemReviewed"]["appearance"]
    assert isinstance(troops, dict)  # a rejected link adds no appearance
