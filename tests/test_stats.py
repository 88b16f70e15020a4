"""Progress counts over the hand-built analysis (8 claims and one heading)."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from rich.console import Console

from tests.exports_support import alice_verdicts, at, build_analysis, verdict
from tui.claims.units import Kind
from tui.review.stats import compute, render, to_json_document
from tui.verdicts.model import Correction, Status, make_anchor


def test_totals_by_status_and_orphans() -> None:
    analysis = build_analysis()
    stats = compute(analysis, alice_verdicts(analysis), orphans=2)
    doc = to_json_document(stats)
    assert doc["triaged"] == 3 and doc["untriaged"] == 5
    assert doc["by_status"] == {"corroborated": 1, "disputed": 1, "unsourced": 1}
    assert doc["orphans"] == 2 and isinstance(doc["orphans"], int)
    assert {"triaged", "untriaged", "by_status", "articles", "clusters", "orphans"} <= set(doc)
    json.dumps(doc)  # serialisable as it is


def test_per_article() -> None:
    analysis = build_analysis()
    doc = to_json_document(compute(analysis, alice_verdicts(analysis), orphans=0))
    by_id = {a["id"]: a for a in doc["articles"]}
    assert list(by_id) == ["alpha", "beta", "gamma"]
    # alpha: heading not counted -> 3 claims, 2 decided (disputed, corroborated).
    assert (by_id["alpha"]["claims"], by_id["alpha"]["triaged"]) == (3, 2)
    assert by_id["alpha"]["by_status"] == {"corroborated": 1, "disputed": 1, "unsourced": 0}
    assert by_id["alpha"]["title"] == "Alpha *News*"
    assert (by_id["beta"]["triaged"], by_id["beta"]["untriaged"]) == (1, 2)
    assert (by_id["gamma"]["triaged"], by_id["gamma"]["untriaged"]) == (0, 2)


def test_per_cluster_with_the_articles_carrying_it() -> None:
    analysis = build_analysis()
    doc = to_json_document(compute(analysis, alice_verdicts(analysis), orphans=0))
    c1, c2 = doc["clusters"]
    assert c1["id"] == "c1" and c1["articles"] == ["alpha", "beta", "gamma"]
    assert (c1["claims"], c1["triaged"], c1["by_status"]["disputed"]) == (3, 1, 1)
    assert (c2["claims"], c2["triaged"], c2["by_status"]["corroborated"]) == (3, 1, 1)
    # Named by the first claim's text, not only an id.
    assert c1["title"] == "Russia massed 50,000 troops near Kursk."
    assert c2["title"] == "The offensive began on Monday."


def test_a_long_first_claim_names_its_cluster_shortened() -> None:
    analysis = build_analysis()
    long = "Russia massed 50,000 troops near Kursk, " + "officials said again and again, " * 5
    claims = tuple(replace(c, text=long) if c.id == "alpha:1" else c for c in analysis.claims)
    stats = compute(replace(analysis, claims=claims), (), orphans=0)
    title = stats.clusters[0].title
    assert title.startswith("Russia massed 50,000 troops near Kursk") and title.endswith("…")
    assert len(title) <= 60 and long.startswith(title[:-1])


def test_corrections_change_what_counts_as_a_claim() -> None:
    analysis = build_analysis()
    heading = analysis.claim("alpha:0")
    assert heading.kind is Kind.HEADING
    officials = analysis.claim("alpha:3")
    article = analysis.article("alpha")
    corrections = [
        Correction(make_anchor(article, heading), True, at(8)),  # the heading is a claim
        Correction(make_anchor(article, officials), False, at(8)),  # this is furniture
        Correction(make_anchor(article, officials), True, at(7)),  # earlier, overridden
    ]
    stats = compute(analysis, (), orphans=0, corrections=corrections)
    assert stats.total.claims == 8
    assert {t.id: t.claims for t in stats.articles}["alpha"] == 3
    # A verdict on a unit corrected away still counts: it is never hidden.
    decided = [verdict(analysis, "alpha:3", Status.UNSOURCED, at(9))]
    stats = compute(analysis, decided, orphans=0, corrections=corrections)
    assert (stats.total.claims, stats.total.triaged) == (9, 1)


def test_disagreeing_reviewers_count_apart() -> None:
    analysis = build_analysis()
    a = verdict(analysis, "beta:2", Status.UNSOURCED, at(10))
    b = replace(verdict(analysis, "beta:2", Status.DISPUTED, at(11)), reviewer="bob")
    c = replace(verdict(analysis, "alpha:2", Status.CORROBORATED, at(11)), reviewer="bob")
    doc = to_json_document(compute(analysis, [a, b, c, replace(c, reviewer="carol")], 0))
    assert doc["triaged"] == 2
    assert doc["disagreements"] == 1
    assert doc["by_status"] == {"corroborated": 1, "disputed": 0, "unsourced": 0}


def test_table_shows_every_article_and_the_orphans() -> None:
    analysis = build_analysis()
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(
        render(compute(analysis, alice_verdicts(analysis), orphans=1))
    )
    text = out.getvalue()
    for expected in ("Progress", "By article", "By cluster", "Beta Daily (beta)", "orphans: 1"):
        assert expected in text
    # Clusters by their first claim, their id and articles under it.
    assert "Russia massed 50,000 troops near Kursk." in text
    assert "c1: alpha, beta, gamma" in text
    assert "disagree" not in text
