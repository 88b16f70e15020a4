"""Loading files into Article records.

A path is a file or a folder searched recursively. Each article keeps the exact decoded text
(BOM removed, nothing else changed) because claim offsets and verdict anchors refer to it.
Markdown and text files may open with front matter (see `tui.corpus.formats.front_matter`): the
article's text is then the body after it, and its sha256 is still the hash of the file.
Web pages and feeds are loaded by `tui.corpus.formats` (their text is the extracted text).
A page that `crosscheck add` fetched also gets its page URL and fetch time from the corpus
folder's provenance (`tui.corpus.fetched`); its id and sha256 are those of any saved page.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.corpus.document import Progress, RawDocument, decode_bytes, read_article_bytes
from tui.corpus.fetched import Origin, Origins
from tui.corpus.formats import FORMAT_LOADERS
from tui.corpus.formats.front_matter import split_front_matter
from tui.corpus.masthead import headline_from, published_from, publisher_from, title_from
from tui.support.regular_file import kind_of_mode

TEXT_SUFFIXES = frozenset({".txt", ".md"})


# Suffixes that other loaders (HTML pages, feeds) register in LOADERS below.
@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: Path
    title: str
    text: str
    sha256: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    fetched_at: str | None = None  # ISO 8601 UTC when fetched by `crosscheck add`, else None


@dataclass(frozen=True, slots=True)
class Corpus:
    """What was loaded from the paths given, and what was said along the way."""

    root: Path
    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = field(default=())


class CorpusError(Exception):
    """Nothing at all could be loaded; the message says why in one line."""


def text_of_name(name: str) -> str:
    """A file name as valid text: a byte that is not UTF-8 (a name written in Latin-1 on
    Linux, which Python keeps as a lone surrogate) is written as `\\xe9`, so an id made of
    it is stable, distinct from the other names, and can be encoded, hashed and saved."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def title_from_filename(path: Path) -> str:
    stem = re.sub(r"[_\-]+", " ", text_of_name(path.stem)).strip()
    return stem or text_of_name(path.name)


def read_text_file(path: Path, say: Progress) -> list[RawDocument]:
    data = read_article_bytes(path, say)
    if data is None:
        return []
    text, warning = decode_bytes(data)
    if warning:
        say(f"{path}: {warning}")
    if not text.strip():
        say(f"{path}: skipped, empty file")
        return []
    front = split_front_matter(text)
    for problem in front.problems:
        say(f"{path}: {problem}")
    body = text[front.body_start :]
    if not body.strip():
        say(f"{path}: skipped, nothing after the front matter")
        return []
    return [
        RawDocument(
            source=path,
            key="",
            title=front.title or headline_from(body),
            text=body,
            sha256=hashlib.sha256(data).hexdigest(),
            outlet=front.outlet,
            url=front.url,
            published=front.published,
            author=front.author,
        )
    ]


FileLoader = Callable[[Path, Progress], list[RawDocument]]
LOADERS: dict[str, FileLoader] = {
    **{suffix: read_text_file for suffix in TEXT_SUFFIXES},
    **FORMAT_LOADERS,
}


def _files_under(path: Path, warn: Progress) -> list[Path]:
    """The article files under `path`, recursively, in path order: hidden files and
    folders left out, links to folders not followed (as `rglob` does). A folder that cannot
    be read, or an article-named entry that is not a regular file (a pipe, a device), is
    skipped with a warning instead of silently."""

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else path
        warn(f"{where}: cannot read this folder ({exc.strerror or exc}); skipped")

    found: list[Path] = []
    for folder, dirs, names in os.walk(path, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or Path(name).suffix.lower() not in LOADERS:
                continue
            file = Path(folder, name)
            try:
                mode = file.stat().st_mode
            except OSError:
                continue  # a dangling link, or gone since the listing: as rglob skipped it
            what = kind_of_mode(mode)
            if what is None:
                found.append(file)
            elif what != "a folder":
                warn(f"{file}: skipped, {what}, not a regular file")
    return sorted(found)


def _assign_ids(found: Sequence[tuple[Path, RawDocument]]) -> list[str]:
    """File stem as id; the path relative to the folder given when two stems collide."""

    def base(root: Path, doc: RawDocument, full: bool) -> str:
        if full:
            rel = doc.source.relative_to(root) if doc.source != root else Path(doc.source.name)
            name = rel.as_posix()
        else:
            name = doc.source.stem
        name = text_of_name(name)
        return f"{name}#{doc.key}" if doc.key else name

    short = [base(root, doc, False) for root, doc in found]
    counts: dict[str, int] = {}
    for s in short:
        counts[s] = counts.get(s, 0) + 1
    ids = [
        base(root, doc, True) if counts[s] > 1 else s
        for (root, doc), s in zip(found, short, strict=True)
    ]
    # Still colliding (same relative path under two roots): number them in load order.
    seen: dict[str, int] = {}
    unique = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        unique.append(i if seen[i] == 1 else f"{i}~{seen[i]}")
    return unique


def common_root(paths: Iterable[Path]) -> Path:
    resolved = [p.resolve() for p in paths]
    folders = [p if p.is_dir() else p.parent for p in resolved]
    if not folders:
        return Path.cwd()
    root = folders[0]
    for f in folders[1:]:
        while not f.is_relative_to(root):
            root = root.parent
    return root


def _article(article_id: str, doc: RawDocument, origin: Origin | None) -> Article:
    """The article of `doc`; a fetched page's URL is the one it was fetched from."""
    return Article(
        id=article_id,
        path=doc.source,
        title=doc.title or title_from(doc.text) or title_from_filename(doc.source),
        text=doc.text,
        sha256=doc.sha256,
        outlet=doc.outlet,
        url=origin.url if origin is not None else doc.url,
        published=doc.published,
        author=doc.author,
        fetched_at=origin.fetched_at if origin is not None else None,
    )


def load_corpus(paths: Sequence[Path | str], say: Progress | None = None) -> Corpus:
    """Load every article under the paths; raise CorpusError only when nothing loads."""
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        if say is not None:
            say(message)

    found: list[tuple[Path, RawDocument]] = []
    origins = Origins(warn)
    fetched: dict[Path, Origin] = {}
    # Same text is loaded once, unless another outlet published it (a wire copy): that
    # second outlet carrying the story is exactly what coverage and corroboration count.
    by_hash: dict[tuple[str, str | None], Path] = {}
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            warn(f"{path}: no such file or folder")
            continue
        if path.is_dir():
            files = _files_under(path, warn)
            if not files:
                warn(f"{path}: no article files ({', '.join(sorted(LOADERS))}) in this folder")
            root = path
        else:
            files = [path]
            root = path.parent
        for file in files:
            loader = LOADERS.get(file.suffix.lower(), read_text_file)
            try:
                docs = loader(file, warn)
            except OSError as exc:
                warn(f"{file}: cannot read ({exc.strerror or exc})")
                continue
            for doc in docs:
                if doc.outlet is None and (named := publisher_from(doc.text)) is not None:
                    doc = replace(doc, outlet=named)
                if doc.published is None and (dated := published_from(doc.text)) is not None:
                    doc = replace(doc, published=dated)
                outlet = " ".join(doc.outlet.split()).casefold() if doc.outlet else None
                earlier = by_hash.get((doc.sha256, outlet))
                if earlier is not None:
                    warn(f"{file}: same content as {earlier}; loaded once")
                    continue
                by_hash[(doc.sha256, outlet)] = file
                found.append((root, doc))
                if not doc.key and (origin := origins.of(file)) is not None:
                    fetched[file] = origin  # a whole file fetched as one page
    if not found:
        what = ", ".join(str(p) for p in given) or "no path given"
        raise CorpusError(f"no articles could be loaded from {what}")
    ids = _assign_ids(found)
    articles = sorted(
        (
            _article(article_id, doc, fetched.get(doc.source))
            for article_id, (_, doc) in zip(ids, found, strict=True)
        ),
        key=lambda a: a.id,
    )
    return Corpus(root=common_root(given), articles=tuple(articles), warnings=tuple(warnings))
