"""Adding articles by URL: fetch, archive, extract, save, record where each came from.

For every URL: the fetch's exchanges are archived whatever happened (a 404 or a PDF is
evidence too); a feed lists its entries (and, with `all_entries`, each entry's link is
added in turn); a page with article text is saved byte for byte as the decoded payload of
its archive record, as `<outlet>-<title>.html`, and its provenance recorded. A URL already
in the corpus (asked before, or giving a final URL or content already saved) is reported
and not saved again. One outcome per URL, in the order given (feed entries after them);
nothing partial is left behind by a URL that fails. Only the feeds among the URLs given
are expanded: an entry that is a feed itself is listed, not followed.

Messages are one inert line and do not repeat the URL: the caller shows `URL: message`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from tui.corpus.web.archive import ArchivedRecord, archive_result
from tui.corpus.web.batch import fetch_many
from tui.corpus.web.client import WebClient
from tui.corpus.web.extract import Feed, extract_page, feed_of
from tui.corpus.web.fetch import Clock, Sleep, utc_now
from tui.corpus.web.names import article_stem, quoted
from tui.corpus.web.provenance import (
    PROVENANCE_FILE,
    Provenance,
    load_provenance,
    provenance_lock,
    write_provenance,
)
from tui.corpus.web.results import FEED_TYPES, Fetched, FetchResult
from tui.corpus.web.store import capture_of, save_new_article
from tui.corpus.web.urls import BadUrl, check_url


class AddStatus(StrEnum):
    ADDED = "added"  # saved, with provenance
    LISTED = "listed"  # a feed: its entries listed
    DUPLICATE = "duplicate"  # already in the corpus: nothing saved
    NO_TEXT = "no text"  # a page without article text: archived, not saved
    FAILED = "failed"  # see the message; what the server sent is archived


@dataclass(frozen=True, slots=True)
class AddOutcome:
    url: str  # as given
    status: AddStatus
    message: str
    file: str | None = None  # the saved file, relative to the folder
    provenance: Provenance | None = None
    feed: Feed | None = None
    records: tuple[ArchivedRecord, ...] = ()  # every response archived for this URL
    via_feed: str | None = None  # the feed URL this entry was listed in

    @property
    def ok(self) -> bool:
        """Added, already in the corpus, or a feed listed: what lets `add` exit 0. A
        duplicate is not a failure: the page is in the corpus, so running a list of URLs
        again after some failed (to retry them) exits 0 once they have all been added."""
        return self.status in (AddStatus.ADDED, AddStatus.DUPLICATE, AddStatus.LISTED)


AddProgress = Callable[[int, int, AddOutcome], None]  # (done, total so far, outcome)


def add_urls(
    urls: Sequence[str],
    folder: Path,
    client: WebClient,
    *,
    all_entries: bool = False,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
    progress: AddProgress | None = None,
) -> list[AddOutcome]:
    """Add every URL to the corpus in `folder` (created if missing). ProvenanceError,
    before anything is fetched, when the folder's provenance file is damaged; OSError when
    the folder cannot be created."""
    folder.mkdir(parents=True, exist_ok=True)
    adder = _Adder(folder, client, clock, sleep, progress)
    adder.known()  # a damaged provenance file stops everything before any fetch
    outcomes = adder.run(list(urls), via_feed=None)
    if all_entries:
        for outcome in list(outcomes):
            if outcome.status is AddStatus.LISTED and outcome.feed is not None:
                links = [entry.link for entry in outcome.feed.entries]
                outcomes += adder.run(links, via_feed=outcome.url)
    return outcomes


def all_in_corpus(outcomes: Sequence[AddOutcome]) -> bool:
    """Every URL's page is now in the corpus (or was a feed, listed): see AddOutcome.ok."""
    return all(outcome.ok for outcome in outcomes)


class _Adder:
    def __init__(
        self,
        folder: Path,
        client: WebClient,
        clock: Clock,
        sleep: Sleep,
        progress: AddProgress | None,
    ):
        self.folder, self.client = folder, client
        self.clock, self.sleep, self.progress = clock, sleep, progress
        self.done = self.total = 0
        self._cache: tuple[object, dict[str, Provenance]] | None = None

    def known(self) -> dict[str, Provenance]:
        """The provenance entries, read again only when the file changed on disk."""
        stamp = self._stamp()
        if self._cache is None or self._cache[0] != stamp:
            self._cache = (stamp, load_provenance(self.folder))
        return self._cache[1]

    def _stamp(self) -> object:
        try:
            st = (self.folder / PROVENANCE_FILE).stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _report(self, outcome: AddOutcome) -> AddOutcome:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, outcome)
        return outcome

    def run(self, urls: list[str], via_feed: str | None) -> list[AddOutcome]:
        self.total += len(urls)
        outcomes: dict[int, AddOutcome] = {}
        to_fetch: list[int] = []
        first: dict[str, int] = {}
        for i, url in enumerate(urls):
            try:
                requested = check_url(url)
            except BadUrl:
                to_fetch.append(i)  # fetch says why, without touching the network
                continue
            earlier = first.setdefault(requested, i)
            entry = _entry_for_url(self.known(), requested)
            if earlier != i:
                message = f"listed twice (also as {quoted(urls[earlier])})"
            elif entry is not None:
                message = f"already in the corpus as {quoted(entry.file)}"
            else:
                to_fetch.append(i)
                continue
            outcomes[i] = self._report(
                AddOutcome(url, AddStatus.DUPLICATE, message, via_feed=via_feed)
            )
        batch = [urls[i] for i in to_fetch]
        results = fetch_many(batch, self.client, clock=self.clock, sleep=self.sleep)
        for j, result in results:
            outcome = self._take(result)
            outcomes[to_fetch[j]] = self._report(_via(outcome, via_feed))
        return [outcomes[i] for i in range(len(urls))]

    def _take(self, result: FetchResult) -> AddOutcome:
        url = result.url
        try:
            records = archive_result(self.folder, result)
        except OSError as exc:
            why = quoted(exc.strerror or str(exc), 100)
            return AddOutcome(url, AddStatus.FAILED, f"could not write the archive ({why})")
        if not isinstance(result, Fetched):
            return AddOutcome(url, AddStatus.FAILED, result.message, records=records)
        feed = feed_of(result.media_type, result.body, result.final_url)
        if feed is None and result.media_type in FEED_TYPES:
            message = "not a readable RSS or Atom feed"
            return AddOutcome(url, AddStatus.FAILED, message, records=records)
        if feed is not None:
            title = f" {quoted(feed.title, 80)}" if feed.title else ""
            count = len(feed.entries)
            message = f"feed{title}: {count} entr{'y' if count == 1 else 'ies'}"
            return AddOutcome(url, AddStatus.LISTED, message, feed=feed, records=records)
        return self._save(result, records)

    def _save(self, fetched: Fetched, records: tuple[ArchivedRecord, ...]) -> AddOutcome:
        url = fetched.url
        with provenance_lock(self.folder):
            entries = dict(self.known())
            same = _duplicate_of(entries, fetched)
            if same is not None:
                return AddOutcome(url, AddStatus.DUPLICATE, same, records=records)
            page = extract_page(fetched.body)
            if page is None:
                message = "no article text found in the page (archived, not saved)"
                return AddOutcome(url, AddStatus.NO_TEXT, message, records=records)
            stem = article_stem(page.sitename, page.title, fetched.final_url)
            try:
                name = save_new_article(self.folder, stem, fetched.body)
            except OSError as exc:
                why = quoted(exc.strerror or str(exc), 100)
                return AddOutcome(
                    url, AddStatus.FAILED, f"could not save the page ({why})", records=records
                )
            entry = Provenance(name, capture_of(fetched, records[-1]))
            entries[name] = entry
            try:
                write_provenance(self.folder, entries)
            except BaseException as exc:
                (self.folder / name).unlink(missing_ok=True)  # no article without provenance
                if not isinstance(exc, OSError):
                    raise
                why = quoted(exc.strerror or str(exc), 100)
                message = f"could not record its provenance ({why}); nothing saved"
                return AddOutcome(url, AddStatus.FAILED, message, records=records)
            self._cache = (self._stamp(), entries)  # what was just written: no re-read
        return AddOutcome(
            url, AddStatus.ADDED, f"saved as {quoted(name)}", name, entry, records=records
        )


def _via(outcome: AddOutcome, via_feed: str | None) -> AddOutcome:
    return outcome if via_feed is None else replace(outcome, via_feed=via_feed)


def _entry_for_url(entries: dict[str, Provenance], url: str) -> Provenance | None:
    return next((e for e in entries.values() if url in (e.capture.url, e.capture.final_url)), None)


def _duplicate_of(entries: dict[str, Provenance], fetched: Fetched) -> str | None:
    """Why `fetched` is already in the corpus, or None."""
    for entry in entries.values():
        if entry.capture.final_url == fetched.final_url:
            return f"already in the corpus as {quoted(entry.file)} (same final URL)"
        if entry.capture.sha256 == fetched.sha256:
            return f"already in the corpus as {quoted(entry.file)} (same content)"
    return None
