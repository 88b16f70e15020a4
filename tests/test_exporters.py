"""Each export format: its structure (required keys and types) and what reads back."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.exports_support import alice_verdicts, build_analysis, orphan_verdict, verdict_set
from tui.exporters import FORMATS, export
from tui.exporters.claimreview import BEST, RATING, WORST
from tui.exporters.markdown import inline
from tui.exporters.tabular import CSV_FIELDS
from tui.review.workspace import Workspace
from tui.verdicts.model import Status

JSON_KEYS = {
    "claim",
    "article",
    "status",
    "note",
    "sources",
    "reviewer",
    "decided_at",
    "text",
    "start",
    "end",
    "evidence",
    "orphan",
    "decided_text",
    "url",
    "fetched_at",
    "outlet",
}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    analysis = build_analysis(tmp_path / "corpus")
    placed = alice_verdicts(analysis)
    orphan = orphan_verdict()
    vs = verdict_set((*placed, orphan))
    return Workspace(
        tmp_path / "verdicts.toml", vs, tmp_path / "corpus", analysis, placed, (orphan,)
    )


def test_formats_are_the_ones_the_cli_offers() -> None:
    from tui.cli.main import EXPORT_FORMATS

    assert set(FORMATS) == set(EXPORT_FORMATS)


class TestJson:
    def test_structure(self, ws: Workspace) -> None:
        whole = json.loads(export(ws, "json"))
        assert list(whole) == ["verdicts", "deferred", "links"]
        assert whole["deferred"] == [] and whole["links"] == []
        doc = whole["verdicts"]
        assert isinstance(doc, list) and len(doc) == 4
        for obj in doc:
            assert set(obj) == JSON_KEYS
            assert isinstance(obj["start"], int) and isinstance(obj["end"], int)
            assert isinstance(obj["sources"], list) and isinstance(obj["evidence"], list)
            assert obj["status"] in {s.value for s in Status}
            assert obj["reviewer"] == "alice"
            assert datetime.fromisoformat(obj["decided_at"]).utcoffset() == timedelta(0)
            assert obj["decided_at"].endswith("Z")
            # The article's page, when it names one; none of these articles was fetched.
            assert obj["url"] == (
                "https://beta.example/story" if obj["article"] == "beta" else None
            )
            assert obj["fetched_at"] is None
            # Each claim's outlet; null where no metadata or line names one.
            assert obj["outlet"] == ("Beta Media" if obj["article"] == "beta" else None)

    def test_records_read_back_to_the_verdicts(self, ws: Workspace) -> None:
        doc = json.loads(export(ws, "json"))["verdicts"]
        placed = [o for o in doc if not o["orphan"]]
        # Ordered by article then position.
        assert [o["claim"] for o in placed] == ["alpha:1", "alpha:2", "beta:2"]
        for obj, v in zip(placed, ws.placed, strict=True):
            assert obj["status"] == v.status.value
            assert obj["note"] == v.note
            assert obj["sources"] == list(v.sources)
            assert datetime.fromisoformat(obj["decided_at"]) == v.decided_at
            article = ws.analysis.article(obj["article"])
            assert article.text[obj["start"] : obj["end"]] == obj["text"]

    def test_evidence_carries_ids_articles_and_texts(self, ws: Workspace) -> None:
        first = json.loads(export(ws, "json"))["verdicts"][0]
        assert first["evidence"] == [
            {
                "claim": "beta:0",
                "article": "beta",
                "text": "Russia massed 10,000 troops near Kursk.",
            },
            {
                "claim": "gamma:1",
                "article": "gamma",
                "text": "Russia massed 50,000 troops near Kursk.",
            },
        ]

    def test_orphan_is_exported_last_with_its_recorded_anchor(self, ws: Workspace) -> None:
        last = json.loads(export(ws, "json"))["verdicts"][-1]
        assert last["orphan"] is True
        assert (last["claim"], last["text"]) == ("alpha:gone", "Moscow denied the report.")
        assert (last["start"], last["end"]) == (80, 105)

    def test_evidence_no_longer_in_the_articles_has_null_text(self, ws: Workspace) -> None:
        from dataclasses import replace

        v = replace(ws.placed[0], evidence=("beta:gone",))
        changed = replace(ws, placed=(v,), orphans=())
        (obj,) = json.loads(export(changed, "json"))["verdicts"]
        assert obj["evidence"] == [{"claim": "beta:gone", "article": "beta", "text": None}]


class TestCsv:
    def rows(self, ws: Workspace) -> list[dict[str, str]]:
        text = export(ws, "csv")
        return list(csv.DictReader(io.StringIO(text, newline="")))

    def test_header_and_one_row_per_verdict(self, ws: Workspace) -> None:
        text = export(ws, "csv")
        assert text.splitlines()[0] == ",".join(f'"{name}"' for name in CSV_FIELDS)  # all quoted
        assert len(self.rows(ws)) == 4

    def test_rows_read_back_to_the_json_records(self, ws: Workspace) -> None:
        def split(cell: str) -> list[str]:
            return cell.split("\n") if cell else []

        records = json.loads(export(ws, "json"))["verdicts"]
        for row, obj in zip(self.rows(ws), records, strict=True):
            assert row["record"] == "verdict"
            evidence = [
                {"claim": c, "article": a, "text": t or None}
                for c, a, t in zip(
                    split(row["evidence"]),
                    split(row["evidence_article"]),
                    split(row["evidence_text"]) or [""] * len(split(row["evidence"])),
                    strict=True,
                )
            ]
            back = {
                **{k: row[k] for k in ("claim", "article", "status", "note", "reviewer")},
                "decided_at": row["decided_at"],
                "text": row["text"],
                "start": int(row["start"]),
                "end": int(row["end"]),
                "sources": split(row["sources"]),
                "evidence": evidence,
                "orphan": row["orphan"] == "true",
                "decided_text": row["decided_text"] or None,
                "url": row["url"] or None,
                "fetched_at": row["fetched_at"] or None,
                "outlet": row["outlet"] or None,
            }
            assert back == obj

    def test_note_with_newline_and_pipe_survives(self, ws: Workspace) -> None:
        rows = self.rows(ws)
        assert rows[2]["note"] == "no *source* | named\nat all"
        assert rows[0]["sources"].split("\n") == ["https://isw.example/kursk", "ISW map, 19 Nov"]


class TestClaimReview:
    def test_structure(self, ws: Workspace) -> None:
        doc = json.loads(export(ws, "claimreview"))
        assert isinstance(doc, list) and len(doc) == 4
        for obj in doc:
            assert obj["@context"] == "https://schema.org"
            assert obj["@type"] == "ClaimReview"
            assert isinstance(obj["claimReviewed"], str) and obj["claimReviewed"]
            rating = obj["reviewRating"]
            assert rating["@type"] == "Rating"
            assert (rating["worstRating"], rating["bestRating"]) == (WORST, BEST)
            assert rating["ratingValue"] == RATING[Status(rating["alternateName"])]
            assert WORST <= rating["ratingValue"] <= BEST
            item = obj["itemReviewed"]
            assert item["@type"] == "Claim"
            assert item["appearance"]["@type"] == "CreativeWork"
            assert obj["author"] == {"@type": "Person", "name": "alice"}
            assert datetime.fromisoformat(obj["datePublished"]).tzinfo is not None

    def test_scale_orders_the_verdicts(self) -> None:
        assert RATING[Status.DISPUTED] < RATING[Status.UNSOURCED] < RATING[Status.CORROBORATED]

    def test_appearance_names_the_article(self, ws: Workspace) -> None:
        doc = json.loads(export(ws, "claimreview"))
        by_claim = {o["claimReviewed"]: o for o in doc}
        beta = by_claim["A drone struck a | depot."]["itemReviewed"]["appearance"]
        assert beta["url"] == "https://beta.example/story"
        assert beta["headline"] == "Beta Daily"
        assert beta["publisher"] == {"@type": "Organization", "name": "Beta Media"}
        alpha = doc[0]["itemReviewed"]["appearance"]
        assert alpha["url"].startswith("file://") and alpha["url"].endswith("/alpha.txt")
        assert doc[0]["reviewBody"] == "Beta says 10,000"
        assert doc[0]["citation"] == ["https://isw.example/kursk", "ISW map, 19 Nov"]


class TestW3C:
    def doc(self, ws: Workspace) -> dict[str, Any]:
        doc: dict[str, Any] = json.loads(export(ws, "w3c"))
        return doc

    def test_collection_embeds_a_first_page(self, ws: Workspace) -> None:
        doc = self.doc(ws)
        assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert doc["type"] == "AnnotationCollection"
        assert doc["total"] == 4
        page = doc["first"]
        assert page["type"] == "AnnotationPage"
        assert len(page["items"]) == 4

    def test_annotations(self, ws: Workspace) -> None:
        items = self.doc(ws)["first"]["items"]
        for item in items:
            assert item["type"] == "Annotation"
            assert item["motivation"] == "assessing"
            assert item["id"].startswith("urn:uuid:")
            assert item["creator"] == {"type": "Person", "name": "alice"}
            assert datetime.fromisoformat(item["created"]).tzinfo is not None
            assessing = item["body"][0]
            assert assessing["type"] == "TextualBody" and assessing["purpose"] == "assessing"
            assert assessing["value"] in {s.value for s in Status}
        assert len({item["id"] for item in items}) == 4
        first = items[0]["body"]
        assert first[1] == {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": "Beta says 10,000",
            "format": "text/plain",
        }
        assert first[2] == {
            "type": "SpecificResource",
            "source": "https://isw.example/kursk",
            "purpose": "linking",
        }
        assert first[3]["type"] == "TextualBody" and first[3]["value"] == "ISW map, 19 Nov"

    def test_selectors_slice_back_to_the_article_text(self, ws: Workspace) -> None:
        items = self.doc(ws)["first"]["items"]
        by_source = {str(a.path.resolve().as_uri()): a for a in ws.analysis.articles}
        by_source.update({a.url: a for a in ws.analysis.articles if a.url})
        placed = [i for i in items if isinstance(i["target"]["selector"], list)]
        assert len(placed) == 3
        for item in placed:
            text = by_source[item["target"]["source"]].text
            quote, position = item["target"]["selector"]
            assert quote["type"] == "TextQuoteSelector"
            assert position["type"] == "TextPositionSelector"
            start, end = position["start"], position["end"]
            assert text[start:end] == quote["exact"]
            assert text[:start].endswith(quote["prefix"])
            assert text[end:].startswith(quote["suffix"])

    def test_orphan_has_a_quote_and_no_position(self, ws: Workspace) -> None:
        orphan = self.doc(ws)["first"]["items"][-1]
        selector = orphan["target"]["selector"]
        assert selector["type"] == "TextQuoteSelector"
        assert selector["exact"] == "Moscow denied the report."

    def test_ids_are_stable_across_exports(self, ws: Workspace) -> None:
        assert export(ws, "w3c") == export(ws, "w3c")


class TestMarkdown:
    def test_times_are_to_the_second(self, ws: Workspace) -> None:
        from dataclasses import replace

        v = ws.placed[0]
        moment = v.decided_at.replace(second=6, microsecond=123456)
        md = export(replace(ws, placed=(replace(v, decided_at=moment),), orphans=()), "md")
        assert moment.strftime("%Y-%m-%dT%H:%M:06Z") in md
        assert ".123456" not in md and not re.search(r"T\d\d:\d\d:\d\d\.\d", md)

    def test_sections_and_counts(self, ws: Workspace) -> None:
        md = export(ws, "md")
        for heading in (
            "# Verdict report",
            "## Counts by verdict",
            "## Articles",
            "## Disputed claims",
            "## Clusters",
            "## Orphaned verdicts",
        ):
            assert f"\n{heading}\n" in f"\n{md}"
        # 8 claims (the heading is not one): 1 of each verdict, 5 untriaged.
        assert "| ✓ corroborated | 1 |" in md
        assert "| ✗ disputed | 1 |" in md
        assert "| ? unsourced | 1 |" in md
        assert "| untriaged | 5 |" in md
        assert "| orphaned verdicts (not placed) | 1 |" in md

    def test_a_table_per_article(self, ws: Workspace) -> None:
        md = export(ws, "md")
        assert "### Alpha \\*News\\* (alpha)" in md
        assert "### Gamma Post (gamma)\n\nNo claim decided yet." in md
        # The pipe and newline in the note cannot break the table row.
        row = next(line for line in md.splitlines() if line.startswith("| A drone"))
        assert "no \\*source\\* \\| named at all" in row
        assert len(re.findall(r"(?<!\\)\|", row)) == 7  # six cells, seven bars

    def test_rows_carry_the_reviewers_sources(self, ws: Workspace) -> None:
        """Review finding: the report was the one format without the outside sources."""
        md = export(ws, "md")
        rows = [line for line in md.splitlines() if "https://isw.example/kursk" in line]
        assert rows and rows[0].startswith("| ") and "ISW map, 19 Nov" in rows[0]

    def test_disputed_claim_beside_its_conflicting_evidence(self, ws: Workspace) -> None:
        md = export(ws, "md")
        section = md.split("## Disputed claims")[1].split("## Clusters")[0]
        assert "### Russia massed 50,000 troops near Kursk." in section
        assert (
            "- *Beta Daily* (beta): Russia massed 10,000 troops near Kursk. "
            "— 50,000 here vs 10,000" in section
        )
        # gamma:1 agrees (no conflict): listed among the other evidence.
        assert "Other evidence considered:\n- *Gamma Post* (gamma): Russia massed 50,000" in section

    def test_every_cluster_with_its_articles(self, ws: Workspace) -> None:
        md = export(ws, "md")
        section = md.split("## Clusters")[1].split("## Orphaned")[0]
        assert section.count("### Cluster ") == 2
        assert (
            "Carried by *Alpha \\*News\\** (alpha), *Beta Daily* (beta), *Gamma Post* (gamma)."
            in section
        )
        assert "The offensive began on Monday. — ✓ corroborated (alice)" in section
        assert "untriaged" in section

    def test_inline_escapes_markup(self) -> None:
        assert inline("a|b *c* [x](y) <b>\nnext") == "a\\|b \\*c\\* \\[x\\](y) \\<b\\> next"
        assert inline("\x1b[31mred") == "␛\\[31mred"


def test_markdown_report_has_the_coverage_section(ws: Workspace) -> None:
    md = export(ws, "md")
    section = md.split("## Coverage", 1)
    assert len(section) == 2, "the report has a coverage section"
    # a table with one row per cluster of the analysis
    assert ws.analysis.clusters
    assert section[1].count("\n|") >= len(ws.analysis.clusters)
