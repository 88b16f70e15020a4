"""One flat record per verdict, shared by every export format.

Placed verdicts carry their position in the current article text. Orphans (verdicts that
could not be re-anchored after their article changed) are exported too, flagged
`orphan=True`, with the quote and position last recorded in the verdict file: they are
not dropped, and a reader can tell that their position no longer holds.

A verdict re-attached to words other than those it was decided on carries those words in
`decided_text` ("" when the text is unchanged): the export never passes an edited claim off
as the one the reviewer judged.

Each record carries its article's page URL and, for a page `crosscheck add` fetched, the
fetch time (None when the article is not in the corpus any more, or was saved by hand), and
the article's outlet (None when no metadata or line of the article names it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tui.corpus.articles import Article
from tui.corpus.outlets import UNKNOWN, outlet_of
from tui.review.workspace import Workspace
from tui.verdicts.model import Status, Verdict


@dataclass(frozen=True, slots=True)
class Evidence:
    claim: str
    article: str
    text: str | None  # None when the claim is not in the current articles any more


@dataclass(frozen=True, slots=True)
class ExportRecord:
    claim: str
    article: str
    status: Status
    note: str
    sources: tuple[str, ...]
    reviewer: str  # as the verdict file has it ("alice, bob" for an agreed merged verdict)
    decided_at: datetime  # UTC
    text: str
    start: int
    end: int
    prefix: str
    suffix: str
    evidence: tuple[Evidence, ...]
    orphan: bool = False
    reviewers: tuple[str, ...] = ()  # each person in `reviewer`
    decided_text: str = ""  # the text when decided, if it differs from `text`
    url: str | None = None  # the article's page URL (fetched from, or named by the file)
    fetched_at: str | None = None  # when `crosscheck add` fetched the page (ISO 8601, UTC)
    outlet: str | None = None  # who published the article; None when unknown

    @property
    def decided_on(self) -> str:
        """The words the reviewer judged (the current text unless it has changed since)."""
        return self.decided_text or self.text

    def people(self, type_key: str) -> dict[str, str] | list[dict[str, str]]:
        """Who decided, as linked-data Persons (`type_key` is "type" for W3C, "@type" for
        schema.org): one, or a list when a merged file's reviewers agreed on the verdict."""
        found = [{type_key: "Person", "name": name} for name in self.reviewers or (self.reviewer,)]
        return found[0] if len(found) == 1 else found


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a `Z`, to the second (or finer when the time has it)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _evidence(ws: Workspace, claim_id: str) -> Evidence:
    analysis = ws.analysis
    if analysis.has_claim(claim_id):
        c = analysis.claim(claim_id)
        return Evidence(c.id, c.article, c.text)
    article = claim_id.rsplit(":", 1)[0] if ":" in claim_id else ""
    return Evidence(claim_id, article, None)


def _record(ws: Workspace, v: Verdict, orphan: bool) -> ExportRecord:
    a = v.anchor
    article = _article(ws, a.article)
    return ExportRecord(
        claim=a.claim,
        article=a.article,
        status=v.status,
        note=v.note,
        sources=tuple(v.sources),
        reviewer=ws.reviewer_of(v),
        decided_at=v.decided_at.astimezone(UTC),
        text=a.text,
        start=a.start,
        end=a.end,
        prefix=a.prefix,
        suffix=a.suffix,
        evidence=tuple(_evidence(ws, e) for e in v.evidence),
        orphan=orphan,
        reviewers=ws.reviewers_of(v),
        decided_text=v.decided_text,
        url=article.url if article is not None else None,
        fetched_at=article.fetched_at if article is not None else None,
        outlet=_outlet(article),
    )


def _outlet(article: Article | None) -> str | None:
    if article is None:
        return None
    name = outlet_of(article)
    return None if name == UNKNOWN else name


def records(ws: Workspace) -> list[ExportRecord]:
    """Placed verdicts by article, position and reviewer; then the orphans, likewise. A
    claim deferred for later has no verdict: it is not among them (`deferred_records`)."""
    return records_of(ws, verdicts=True)


def records_of(ws: Workspace, *, verdicts: bool) -> list[ExportRecord]:
    """`records`, or with `verdicts` False the deferred claims ("later") in the same order."""

    def key(r: ExportRecord) -> tuple[str, int, int, str, str]:
        return (r.article, r.start, r.end, r.claim, r.reviewer)

    placed = sorted(
        (_record(ws, v, False) for v in ws.placed if v.status.is_verdict is verdicts), key=key
    )
    orphans = sorted(
        (_record(ws, v, True) for v in ws.orphans if v.status.is_verdict is verdicts), key=key
    )
    return placed + orphans


def _article(ws: Workspace, article_id: str) -> Article | None:
    try:
        return ws.analysis.article(article_id)
    except KeyError:
        return None


def article_of(ws: Workspace, record: ExportRecord) -> Article | None:
    return _article(ws, record.article)


def article_address(article: Article) -> str:
    """Where an article lives: its URL when known, else its file as a file:// URI."""
    return article.url or article.path.resolve().as_uri()
