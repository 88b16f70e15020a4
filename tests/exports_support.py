"""A small hand-built analysis and verdicts for the export, stats and merge tests.

Claims, matches and clusters are written out here rather than computed, so these tests
check the reports and not the matcher.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui.analysis.pipeline import Analysis
from tui.claims.units import Kind, Unit
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import Cluster, Conflict, Match, Tier
from tui.verdicts.model import Anchor, Status, Verdict, VerdictSet, make_anchor

TEXTS = {
    "alpha": "Kursk front\n\nRussia massed 50,000 troops near Kursk. The offensive began on "
    "Monday. Officials declined to comment.",
    "beta": "Russia massed 10,000 troops near Kursk. The offensive began on Monday. "
    "A drone struck a | depot.",
    "gamma": "The offensive began on Monday. Russia massed 50,000 troops near Kursk.",
}
TITLES = {"alpha": "Alpha *News*", "beta": "Beta Daily", "gamma": "Gamma Post"}
URLS = {"beta": "https://beta.example/story"}


def _article(article_id: str, root: Path) -> Article:
    return Article(
        id=article_id,
        path=root / f"{article_id}.txt",
        title=TITLES[article_id],
        text=TEXTS[article_id],
        sha256=f"sha-{article_id}",
        url=URLS.get(article_id),
        outlet="Beta Media" if article_id == "beta" else None,
    )


def _units(article: Article) -> list[Unit]:
    """Units split at ". " and blank lines; the heading of alpha is a heading."""
    out: list[Unit] = []
    text = article.text
    pos = 0
    pieces = [p for block in text.split("\n\n") for p in block.split(". ")]
    for piece in pieces:
        start = text.index(piece, pos)
        end = start + len(piece)
        if end < len(text) and text[end] == ".":
            end += 1
        pos = end
        kind = Kind.HEADING if piece == "Kursk front" else Kind.CLAIM
        out.append(
            Unit(
                f"{article.id}:{len(out)}", article.id, text[start:end], start, end, kind, len(out)
            )
        )
    return out


NUMBER = Conflict("number", "troops", "50,000", "10,000")


def build_analysis(root: Path = Path("/corpus")) -> Analysis:
    articles = tuple(_article(a, root) for a in sorted(TEXTS))
    claims = tuple(c for a in articles for c in _units(a))
    matches = (
        Match("alpha:1", "beta:0", 80.0, Tier.MATCH, (NUMBER,)),
        Match("alpha:1", "gamma:1", 100.0, Tier.MATCH),
        Match("alpha:2", "beta:1", 100.0, Tier.MATCH),
        Match("alpha:2", "gamma:0", 100.0, Tier.MATCH),
        Match(
            "beta:0",
            "gamma:1",
            80.0,
            Tier.MATCH,
            (Conflict("number", "troops", "10,000", "50,000"),),
        ),
        Match("beta:1", "gamma:0", 100.0, Tier.MATCH),
    )
    clusters = (
        Cluster("c1", ("alpha:1", "beta:0", "gamma:1")),
        Cluster("c2", ("alpha:2", "beta:1", "gamma:0")),
    )
    return Analysis(Corpus(root, articles), claims, matches, clusters)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, 20, hour, minute, tzinfo=UTC)


def verdict(
    analysis: Analysis,
    claim_id: str,
    status: Status,
    when: datetime,
    note: str = "",
    sources: tuple[str, ...] = (),
    evidence: tuple[str, ...] = (),
) -> Verdict:
    claim = analysis.claim(claim_id)
    anchor = make_anchor(analysis.article(claim.article), claim)
    return Verdict(anchor, status, when, note, sources, evidence)


def alice_verdicts(analysis: Analysis) -> tuple[Verdict, ...]:
    return (
        verdict(
            analysis,
            "alpha:1",
            Status.DISPUTED,
            at(10),
            note="Beta says 10,000",
            sources=("https://isw.example/kursk", "ISW map, 19 Nov"),
            evidence=("beta:0", "gamma:1"),
        ),
        verdict(analysis, "alpha:2", Status.CORROBORATED, at(10, 5), evidence=("beta:1",)),
        verdict(
            analysis,
            "beta:2",
            Status.UNSOURCED,
            at(10, 7),
            note="no *source* | named\nat all",
        ),
    )


def orphan_verdict() -> Verdict:
    """A verdict made on a sentence that the current alpha no longer has."""
    anchor = Anchor(
        claim="alpha:gone",
        article="alpha",
        text="Moscow denied the report.",
        prefix="Monday. ",
        suffix=" Officials",
        start=80,
        end=105,
        article_sha256="sha-alpha-old",
    )
    return Verdict(anchor, Status.DISPUTED, at(9), note="old")


def verdict_set(verdicts: tuple[Verdict, ...], reviewer: str = "alice") -> VerdictSet:
    return VerdictSet(reviewer=reviewer, corpus="corpus", verdicts=verdicts)


CORPUS = Path(__file__).resolve().parent / "data" / "exports" / "corpus"
TROOPS_WIRE = (
    "Russia has massed 50,000 troops to retake the Kursk region, US officials said on Sunday."
)
TROOPS_DAILY = (
    "Russia has massed 10,000 troops to retake the Kursk region, according to US officials."
)
KOREANS = "The force includes North Korean soldiers."
GOVERNOR = "A local governor said schools would stay closed."
AUGUST = "Ukrainian forces entered the region on August 6."


def copy_corpus(root: Path) -> Path:
    """The export corpus copied under `root`, so a test may edit it."""
    import shutil

    return Path(shutil.copytree(CORPUS, root / "corpus"))


def write_verdicts(
    path: Path,
    corpus: Path,
    reviewer: str,
    decisions: list[tuple[str, str, Status]],
    notes: dict[str, str] | None = None,
) -> VerdictSet:
    """A verdict file at `path` deciding (article id, claim text, status) on `corpus` as
    it is now; the corpus field is relative to the file, as the app writes it."""
    import os

    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings
    from tui.verdicts.writer import dumps

    analysis = analyse([corpus], MatchSettings())
    verdicts = []
    for n, (article_id, text, status) in enumerate(decisions):
        claim = next(c for c in analysis.claims_of(article_id) if c.text == text)
        anchor = make_anchor(analysis.article(article_id), claim)
        evidence = tuple(Analysis.other(m, claim.id) for m in analysis.matches_of(claim.id))
        note = (notes or {}).get(text, "")
        verdicts.append(Verdict(anchor, status, at(10, n), note, evidence=evidence))
    vs = VerdictSet(
        reviewer=reviewer,
        corpus=Path(os.path.relpath(corpus, path.parent)).as_posix(),
        verdicts=tuple(verdicts),
    )
    path.write_text(dumps(vs), encoding="utf-8")
    return vs
