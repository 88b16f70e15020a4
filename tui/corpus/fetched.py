"""Where a loaded file came from when `crosscheck add` fetched it: its page URL and fetch time;
and the fetch limits both front ends give the network code (`fetch_config`).

`crosscheck add` records each page it saves in `.crosscheck/provenance.toml` of the corpus
folder (`tui.corpus.web.provenance`). The loader looks a file up in the provenance of the
nearest folder above it (itself included) that has one, as git finds its `.git`: so a
fetched page loaded alone, or through a subfolder, still carries its origin. A file with no
entry was saved by hand and has none.

Reading is one small TOML file per corpus folder, and only where one exists (most folders
cost one `stat` per level). A damaged provenance file, or an entry whose URL is not an
http(s) address, gives one warning and the articles load as if saved by hand: provenance
never stops a corpus from loading.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.config import WebSettings

if TYPE_CHECKING:
    from tui.corpus.web.client import FetchConfig
    from tui.corpus.web.provenance import Provenance

PROVENANCE = Path(".crosscheck", "provenance.toml")


def fetch_config(web: WebSettings) -> FetchConfig:
    """The network code's limits with the timeouts and size of `[web]` (its other limits,
    concurrency and retries, keep their defaults)."""
    from tui.corpus.web.client import MB, FetchConfig

    return FetchConfig(
        connect_timeout=web.connect_timeout,
        read_timeout=web.read_timeout,
        max_bytes=max(round(web.max_size_mb * MB), 1),
    )


def corpus_folder_of(path: Path) -> Path | None:
    """The nearest folder from `path` up (itself included, as an absolute path) that has a
    provenance file: the corpus folder a fetched file belongs to."""
    start = Path(os.path.abspath(path))
    return next((d for d in (start, *start.parents) if (d / PROVENANCE).is_file()), None)


@dataclass(frozen=True, slots=True)
class Origin:
    url: str  # the page's final URL, after redirects
    fetched_at: str  # ISO 8601, UTC: 2025-03-04T12:30:15Z


class Origins:
    """Looks files up in their corpus folder's provenance, reading each file at most once."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        self._warn = warn
        self._folder_of: dict[Path, Path | None] = {}  # directory -> its corpus folder
        self._entries: dict[Path, dict[str, Provenance]] = {}

    def of(self, file: Path) -> Origin | None:
        """The origin of `file`, or None when it was not fetched (or its record is unusable)."""
        path = Path(os.path.abspath(file))
        folder = self._corpus_folder(path.parent)
        if folder is None:
            return None
        entry = self._provenance(folder).get(path.relative_to(folder).as_posix())
        if entry is None:
            return None
        from tui.corpus.web.provenance import iso_utc
        from tui.corpus.web.urls import BadUrl, check_url

        try:
            url = check_url(entry.capture.final_url)
        except BadUrl as exc:
            self._warn(f"{path}: its provenance names no web address ({exc}); not shown")
            return None
        return Origin(url, iso_utc(entry.capture.fetched_at))

    def _corpus_folder(self, directory: Path) -> Path | None:
        """The nearest folder from `directory` up that has a provenance file."""
        walked: list[Path] = []
        found: Path | None = None
        for candidate in (directory, *directory.parents):
            if candidate in self._folder_of:
                found = self._folder_of[candidate]
                break
            walked.append(candidate)
            if (candidate / PROVENANCE).is_file():
                found = candidate
                break
        for candidate in walked:
            self._folder_of[candidate] = found
        return found

    def _provenance(self, folder: Path) -> dict[str, Provenance]:
        if folder not in self._entries:
            from tui.corpus.web.provenance import ProvenanceError, load_provenance

            try:
                self._entries[folder] = load_provenance(folder)
            except ProvenanceError as exc:
                self._warn(f"{exc}; its articles load without their web address and fetch time")
                self._entries[folder] = {}
        return self._entries[folder]
