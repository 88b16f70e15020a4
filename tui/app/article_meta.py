"""What the app shows about an article beside its text: outlet, author, date, web address,
when it was fetched, and whether the saved file still holds what the archive recorded.

The values come from outside (front matter, a page's metadata, the provenance file): they
are kept as given here and made printable where they are drawn. The archive check reads
files (the saved page and its WARC record), so the app runs `archive_state` in a worker,
never on a key press. No textual here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.corpus.articles import Article

_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")
_ISO_MINUTE = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


class Archive(StrEnum):
    """A fetched article's file against its archive record, as the header says it."""

    CHECKING = "checking the archive…"
    VERIFIED = "archive verified"
    CHANGED = "changed since fetch"
    FILE_MISSING = "saved file missing"
    MISSING = "archive missing"
    UNREADABLE = "provenance unreadable"

    @property
    def ok(self) -> bool:
        return self is Archive.VERIFIED

    @property
    def bad(self) -> bool:
        return self not in (Archive.VERIFIED, Archive.CHECKING)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """An article's metadata as the pane header shows it; "" when not known."""

    outlet: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    fetched_at: str = ""  # ISO 8601 UTC, only for pages `crosscheck add` fetched
    path: Path | None = None  # the saved file of a fetched page (checked against its archive)

    @property
    def byline(self) -> str:
        """Outlet, date and author, with what is known (the date before the author: a
        narrow pane cuts the end off)."""
        parts = [self.outlet, self.published, self.author and f"by {self.author}"]
        return " · ".join(p.strip() for p in parts if p and p.strip())

    @property
    def fetched(self) -> str:
        return f"fetched {short_time(self.fetched_at)}" if self.fetched_at else ""


def meta_of(article: Article, outlet: str = "") -> ArticleMeta:
    """The header of `article`; `outlet` as the session names it (metadata or a masthead
    line; "unknown" is not shown), else the article's own."""
    from tui.corpus.outlets import UNKNOWN

    return ArticleMeta(
        outlet=(outlet if outlet != UNKNOWN else "") or article.outlet or "",
        author=article.author or "",
        published=article.published or "",
        url=article.url or "",
        fetched_at=article.fetched_at or "",
        path=Path(os.path.abspath(article.path)) if article.fetched_at else None,
    )


def short_date(published: str | None) -> str:
    """A publication date for a list row: the day of an ISO 8601 date or timestamp, else
    the value as given (shortened by the caller to its column)."""
    if not published:
        return ""
    found = _ISO_DAY.match(published.strip())
    return found.group(1) if found else published.strip()


def short_time(when: str) -> str:
    """An ISO 8601 UTC time to the minute: "2025-03-04 12:30 UTC"."""
    found = _ISO_MINUTE.match(when)
    return f"{found.group(1)} {found.group(2)} UTC" if found else when


def archive_state(path: Path) -> Archive | None:
    """Check the saved page `path` against its archive record (reads both files); None
    when the file was not fetched (no provenance names it)."""
    from tui.corpus.fetched import corpus_folder_of
    from tui.corpus.web.provenance import ProvenanceError, load_provenance
    from tui.corpus.web.verify import Check, verify_entry

    folder = corpus_folder_of(path.parent)
    if folder is None:
        return None
    try:
        entry = load_provenance(folder).get(path.relative_to(folder).as_posix())
    except (ProvenanceError, OSError):
        return Archive.UNREADABLE
    if entry is None:
        return None
    return {
        Check.OK: Archive.VERIFIED,
        Check.CHANGED: Archive.CHANGED,
        Check.MISSING_FILE: Archive.FILE_MISSING,
        Check.MISSING_RECORD: Archive.MISSING,
    }[verify_entry(folder, entry).check]
