"""A disk cache of claims and matches: reopening a corpus skips segmentation and matching.

Layout under the cache folder (`[cache] dir`, else the user's cache folder):

    claims/<k[:2]>/<k>.cc   one article's units and its claims' match tokens; k = hash of
                            the article's id and text
    matches/<s>/<c>.cc      one corpus's matches and clusters; s = hash of the settings and
                            the code version, c = hash of the corpus's article keys

Every file is one header line (JSON: format, kind, key, code version, the body's size and
sha256) followed by a JSON body. A file whose header, size or checksum does not fit, that
fails to parse, or whose content does not fit the articles it is read for, is a miss: it is
rebuilt and overwritten, never trusted (the bodies are read and checked in
`tui.analysis.cache_bodies`). Files are written by `tui.support.atomic_file` (a temporary
name, then a rename, not fsynced), so a reader never sees half a file, whatever other
processes do. Nothing is ever unpickled.

Why reuse is sound: an article's units are a function of its id and text; a pair's score
and conflicts are a function of its two claims and the settings, and its tier (match or
suggestion) of the scores between its two articles. So when the corpus changes, the
matches among the articles it shares with a cached corpus still hold: only the pairs with
a claim of an added (or edited) article are scored, and clusters are recomputed from all
the matches. Scoring those pairs needs every claim's match tokens (the
index covers the whole corpus); they are stored with the units, so adding an article does
not tokenise the whole corpus again. The code version (`tui.analysis.code_version`) is crosscheck's
version plus a digest of the source of the modules that decide claims and matches (found
through their imports), so a changed segmenter or scorer never reads its predecessor's
results.

Match entries are kept for the KEEP_CORPORA most recently used corpora. Claims entries
(one per article text, a few KB each) are not pruned yet; a new code version rewrites an
article's entry in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tui.analysis.cache_bodies import (
    claims_from_json,
    claims_to_json,
    clusters_from_json,
    matches_from_json,
    result_to_json,
    tokens_from_json,
)
from tui.analysis.code_version import code_version
from tui.analysis.segment_pool import Segmented, segment_articles
from tui.claims.units import Unit
from tui.config import Config, MatchSettings
from tui.corpus.articles import Article, Corpus
from tui.matching import matcher as matching
from tui.matching.copies import find_copies
from tui.matching.matcher import MatchResult
from tui.matching.scope import StoryScope, scope_of
from tui.support.atomic_file import write_atomically

FORMAT = "crosscheck-cache/1"
SUFFIX = ".cc"
# Corpora whose matches are kept (most recently used first); older entries are deleted.
KEEP_CORPORA = 8


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def article_key(article: Article) -> str:
    """What an article's units depend on: its id and its text."""
    text = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    return _hash("article", article.id, text)


def _settings_json(settings: MatchSettings) -> str:
    return json.dumps(asdict(settings), sort_keys=True)


@dataclass(slots=True)
class CacheReport:
    """What the last `segment`/`match` call found, so tests can tell a hit from a rebuild."""

    matches: str = ""  # "hit", "partial", "miss"
    ignored: list[str] = field(default_factory=list)  # entries damaged or stale


class MatchCache:
    """Claims and matches on disk under `root`; see the module docstring."""

    def __init__(self, root: Path, version: str | None = None) -> None:
        self.root = Path(root)
        self.version = code_version() if version is None else version
        self.report = CacheReport()
        # (units, claims entry body) of the cached articles of the last `segment` call.
        self._stored_tokens: list[tuple[list[Unit], Any]] = []
        self._writing: threading.Thread | None = None  # claims entries being written

    @classmethod
    def for_config(cls, config: Config) -> MatchCache | None:
        """The cache the config asks for, or None when `[cache] enabled = false`."""
        if not config.cache_enabled:
            return None
        if config.cache_dir is not None:
            return cls(config.cache_dir)
        from platformdirs import user_cache_dir

        return cls(Path(user_cache_dir("crosscheck", appauthor=False)))

    # ---- the two stages -----------------------------------------------------------------

    def segment(self, corpus: Corpus) -> list[Segmented]:
        """Every article's units, as `segment_articles` gives them; cached per article. The
        articles not in the cache are segmented together (on every core when they are many).
        The match tokens stored with cached units are kept aside for `match`, which reads
        them only when it has pairs to score."""
        self.report = CacheReport()
        self._stored_tokens = []
        parts: list[Segmented | None] = []
        missing: list[tuple[int, Article, str]] = []
        for article in corpus.articles:
            key = article_key(article)
            path = self._claims_path(key)
            found = self._read(path, "claims", key)
            claims = None
            if found is not None:
                try:
                    claims = claims_from_json(article, found[1])
                except Exception:  # written by something else, or a bug: never trusted
                    self.report.ignored.append(str(path))
            if claims is None or found is None:
                missing.append((len(parts), article, key))
                parts.append(None)
            else:
                parts.append(Segmented(claims, None))
                self._stored_tokens.append((claims, found[1]))
        fresh = segment_articles([article for _, article, _ in missing])
        entries = []
        for (k, article, key), part in zip(missing, fresh, strict=True):
            entries.append((self._claims_path(key), key, article, part))
            parts[k] = part
        self._write_claims_meanwhile(entries)
        return [part for part in parts if part is not None]

    def _write_claims_meanwhile(self, entries: list[tuple[Path, str, Article, Segmented]]) -> None:
        """Write claims entries on a thread while matching goes on: a cold run writes one
        per article, and the file system's time (a third of a second or more for a
        thousand files) then hides behind matching. `match` waits for it before
        returning."""
        self.flush()

        def write_all() -> None:
            for path, key, article, part in entries:
                self._write(path, "claims", key, claims_to_json(article, part.units, part.tokens))

        if entries:
            self._writing = threading.Thread(target=write_all, name="cache-writes")
            self._writing.start()

    def flush(self) -> None:
        """Wait until the claims entries the last `segment` wrote are on disk (`match` does
        this itself; a caller that segments only calls it)."""
        if self._writing is not None:
            self._writing.join()
            self._writing = None

    def _with_stored_tokens(
        self, token_sets: Mapping[str, frozenset[str]] | None
    ) -> dict[str, frozenset[str]]:
        """`token_sets` and the tokens stored with the cached units of the last `segment`."""
        out: dict[str, frozenset[str]] = {}
        for claims, body in self._stored_tokens:
            try:
                out.update(tokens_from_json(claims, body) or {})
            except Exception:  # not what it should be: the tokens are computed again
                continue
        out.update(token_sets or {})
        return out

    def match(
        self,
        corpus: Corpus,
        claims: tuple[Unit, ...],
        settings: MatchSettings,
        token_sets: Mapping[str, frozenset[str]] | None = None,
        scope: StoryScope | None = None,
    ) -> MatchResult:
        """`match_claims(claims, settings)`, reusing the matches of a cached corpus.

        The same corpus: nothing is scored. An overlapping corpus: the matches among the
        shared articles are reused and only the pairs with a claim of another article are
        scored. Nothing usable: a full run. The result is stored for next time, and every
        entry `segment` wrote is on disk when this returns.

        A pair's conflicts and figure bonus also depend on its articles' dates and on the
        story's own date (`tui.matching.scope`): the dates are part of each article's key
        here, and the story's date part of the entry's folder."""
        try:
            scope = scope or scope_of(claims, corpus.articles)
            return self._match(corpus, claims, settings, token_sets, scope)
        finally:
            self.flush()

    def _match(
        self,
        corpus: Corpus,
        claims: tuple[Unit, ...],
        settings: MatchSettings,
        token_sets: Mapping[str, frozenset[str]] | None,
        scope: StoryScope,
    ) -> MatchResult:
        keys = {a.id: _hash(article_key(a), a.published or "") for a in corpus.articles}
        current = set(keys.values())
        folder_key = _hash(self.version, _settings_json(settings), scope.key)
        folder = self.root / "matches" / folder_key[:32]
        corpus_key = _hash("corpus", *sorted(current))
        units = [c for c in claims if c.is_claim]
        ids_by_key: dict[str, set[str]] = {k: set() for k in current}
        for c in units:
            ids_by_key[keys[c.article]].add(c.id)

        for path in self._candidates(folder, corpus_key, current):
            found = self._read(path, "matches", path.stem)
            if found is None:
                continue
            header, body = found
            try:
                shared = set(header["articles"]) & current
                known = matches_from_json(header, body, shared, ids_by_key)
                if shared == current and set(header["articles"]) == current:
                    clusters = clusters_from_json(body)
                    self.report.matches = "hit"
                    with contextlib.suppress(OSError):
                        os.utime(path)  # recently used: kept by the pruning
                    return MatchResult(known, clusters)
            except Exception:
                self.report.ignored.append(str(path))
                continue
            if header.get("copies"):
                # Its matches went through stand-ins for a sentence copied many times
                # (tui.matching.copies): the pairs among the copies are not all there.
                continue
            fresh = {cid for k in current - shared for cid in ids_by_key[k]}
            token_sets = self._with_stored_tokens(token_sets)
            result = matching.match_claims(
                claims, settings, fresh=fresh, known=known, token_sets=token_sets, scope=scope
            )
            self.report.matches = "partial"
            break
        else:
            token_sets = self._with_stored_tokens(token_sets)
            result = matching.match_claims(claims, settings, token_sets=token_sets, scope=scope)
            self.report.matches = "miss"
        article_of = {c.id: keys[c.article] for c in units}
        header_extra, body = result_to_json(result, article_of, sorted(current))
        if find_copies(units) is not None:
            header_extra["copies"] = True
        self._write(folder / f"{corpus_key}{SUFFIX}", "matches", corpus_key, body, header_extra)
        self._prune()
        return result

    # ---- entries ------------------------------------------------------------------------

    def _claims_path(self, key: str) -> Path:
        return self.root / "claims" / key[:2] / f"{key}{SUFFIX}"

    def _candidates(self, folder: Path, corpus_key: str, current: set[str]) -> list[Path]:
        """Match entries to try: this corpus's own, then the others by articles shared."""
        exact = folder / f"{corpus_key}{SUFFIX}"
        ranked: list[tuple[int, float, Path]] = []
        try:
            others = [p for p in folder.iterdir() if p.suffix == SUFFIX and p != exact]
        except OSError:
            others = []
        for path in others:
            header = self._header(path, "matches", path.stem)
            if header is None:
                continue
            try:
                shared = len(set(header["articles"]) & current)
                if shared:
                    ranked.append((shared, path.stat().st_mtime, path))
            except Exception:
                continue
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return [exact, *(p for _, _, p in ranked)]

    def _header(self, path: Path, kind: str, key: str) -> dict[str, Any] | None:
        try:
            with path.open("rb") as f:
                header: dict[str, Any] = json.loads(f.readline())
        except Exception:  # missing, unreadable, not JSON: a miss
            return None
        if not (
            self._current(header, kind, key)
            and isinstance(header.get("size"), int)
            and isinstance(header.get("sha256"), str)
        ):
            return None
        return header

    def _current(self, header: Any, kind: str, key: str) -> bool:
        """The header names this format, kind, key and crosscheck version."""
        return (
            isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("kind") == kind
            and header.get("key") == key
            and header.get("version") == self.version
        )

    def _read(self, path: Path, kind: str, key: str) -> tuple[dict[str, Any], Any] | None:
        """(header, body) of a whole, current entry, or None (a miss) for anything else."""
        try:
            with path.open("rb") as f:
                line = f.readline()
                data = f.read()
        except OSError:
            return None
        try:
            header = json.loads(line)
            if not (
                self._current(header, kind, key)
                and header.get("size") == len(data)
                and header.get("sha256") == hashlib.sha256(data).hexdigest()
            ):
                if path.exists():
                    self.report.ignored.append(str(path))
                return None
            return header, json.loads(data)
        except Exception:  # not JSON, wrong shapes: a miss
            self.report.ignored.append(str(path))
            return None

    def _write(
        self, path: Path, kind: str, key: str, body: Any, extra: dict[str, Any] | None = None
    ) -> None:
        """Write the entry whole or not at all (`tui.support.atomic_file`). A cache that
        cannot be written (read-only, disk full) only costs the next run its speed."""
        data = json.dumps(body, separators=(",", ":")).encode("ascii")
        header = {
            "format": FORMAT,
            "kind": kind,
            "key": key,
            "version": self.version,
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            **(extra or {}),
        }
        payload = json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + data
        # Not fsynced: an entry a power cut damages fails its size or checksum and is a miss.
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, payload, durable=False)

    def _prune(self) -> None:
        """Keep the KEEP_CORPORA most recently used match entries (any settings, any version)."""
        try:
            entries = [
                (p.stat().st_mtime, p)
                for folder in (self.root / "matches").iterdir()
                if folder.is_dir()
                for p in folder.iterdir()
                if p.suffix == SUFFIX
            ]
        except OSError:
            return
        entries.sort(key=lambda e: e[0], reverse=True)
        for _, path in entries[KEEP_CORPORA:]:
            with contextlib.suppress(OSError):
                path.unlink()
                path.parent.rmdir()  # only when empty; OSError otherwise
