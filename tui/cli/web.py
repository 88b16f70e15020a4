"""`crosscheck add`, `verify` and `refetch`: the web commands, run from `tui.cli.main`.

The work is the domain's (`tui.corpus.web`: fetch, archive, provenance, verify, refetch);
this module turns arguments and `[web]` settings into its calls and its outcomes into lines
on the terminal. The network is used by `add` and `refetch` only, and only once they run:
the domain (and httpx with it) is imported here, inside the commands.

Exit statuses: `add` 0 when every URL's page is in the corpus (added now, or already
there) or was a feed that was listed, else 1, after trying them all; `verify` 1 when any
fetched article changed or is missing (articles saved by hand are listed, not failures);
`refetch` 0 when the page was fetched again and compared (its text changed or not), else 1.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.parser import EXIT_FAIL, EXIT_OK, UsageError
from tui.config import Config
from tui.support.terminal import StatusLine, say, warn

if TYPE_CHECKING:
    from tui.corpus.web.add import AddOutcome

BAR = 20  # characters of the progress bar


def _url_file(path: Path) -> list[str]:
    from tui.corpus.web.urls import parse_url_list

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"--from {path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"--from {path}: is a folder, not a file of URLs") from None
    except OSError as exc:
        raise UsageError(f"--from {path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"--from {path}: not UTF-8 text (one URL per line)") from None
    return parse_url_list(text)


def _add_folder(args: argparse.Namespace, config: Config) -> Path:
    folder: Path = args.to or config.corpus
    if folder.exists() and not folder.is_dir():
        where = "--to" if args.to else "the corpus in the config"
        raise UsageError(f"{folder}: {where} is a file; add to a folder (--to FOLDER)")
    return folder


def _bar(done: int, total: int) -> str:
    filled = BAR * done // max(total, 1)
    return f"adding [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}"


def _outcome_lines(outcome: AddOutcome, status: StatusLine) -> None:
    from tui.corpus.web.add import AddStatus

    if outcome.status is AddStatus.ADDED:
        status.line(f"added: {outcome.url}: {outcome.message}")
    elif outcome.status is AddStatus.DUPLICATE:
        status.line(f"duplicate: {outcome.url}: {outcome.message}")
    elif outcome.status is AddStatus.LISTED:
        status.line(f"{outcome.url}: {outcome.message}")
        for entry in outcome.feed.entries if outcome.feed else ():
            status.line(f"  {entry.link}  {entry.title}")
    else:  # failed, or no article text: one line on stderr
        status.line(f"{outcome.url}: {outcome.message}", err=True)


def _summary(outcomes: Sequence[AddOutcome], folder: Path) -> str:
    from collections import Counter

    from tui.corpus.web.add import AddStatus

    counts = Counter(outcome.status for outcome in outcomes)
    parts = [
        f"{counts[AddStatus.ADDED]} added to {folder}",
        f"{counts[AddStatus.DUPLICATE]} already in the corpus",
    ]
    if counts[AddStatus.LISTED]:
        parts.append(f"{counts[AddStatus.LISTED]} feed(s) listed")
    failed = counts[AddStatus.FAILED] + counts[AddStatus.NO_TEXT]
    parts.append(f"{failed} not added")
    return ", ".join(parts)


def run_add(args: argparse.Namespace, config: Config) -> int:
    from tui.corpus.fetched import fetch_config
    from tui.corpus.web.add import AddStatus, add_urls, all_in_corpus
    from tui.corpus.web.client import WebClient
    from tui.corpus.web.provenance import ProvenanceError

    urls = list(args.urls)
    if args.from_file is not None:
        urls += _url_file(args.from_file)
    if not urls:
        raise UsageError("no URL to add: give one or more, or a file of them with --from FILE")
    folder = _add_folder(args, config)
    status = StatusLine()

    def progress(done: int, total: int, outcome: AddOutcome) -> None:
        _outcome_lines(outcome, status)
        if total > 1:
            status.show(_bar(done, total))

    if len(urls) > 1:
        status.show(_bar(0, len(urls)))
    try:
        with WebClient(fetch_config(config.web)) as client:
            outcomes = add_urls(urls, folder, client, all_entries=args.all, progress=progress)
    except ProvenanceError as exc:
        warn(f"{exc}; nothing was fetched")
        return EXIT_FAIL
    except OSError as exc:
        warn(f"{folder}: cannot create the corpus folder ({exc.strerror or exc})")
        return EXIT_FAIL
    finally:
        status.done()
    if not args.all and any(o.status is AddStatus.LISTED for o in outcomes):
        say("to add a feed's entries, run the command again with --all")
    say(_summary(outcomes, folder))
    return EXIT_OK if all_in_corpus(outcomes) else EXIT_FAIL


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _verify_scope(target: Path) -> tuple[Path, set[str] | None]:
    """The corpus folder to verify, and the files in it to check (None: all of them).
    FileNotFoundError when `target` is neither a file or folder nor a fetched article."""
    from tui.corpus.fetched import corpus_folder_of
    from tui.corpus.web.provenance import load_provenance

    target = _absolute(target)
    if target.is_dir():
        folder = corpus_folder_of(target)
        if folder is None or folder == target:
            return target, None
        prefix = target.relative_to(folder).as_posix() + "/"
        return folder, _names_under(folder, prefix, target)
    folder = corpus_folder_of(target.parent)
    name = target.relative_to(folder).as_posix() if folder is not None else target.name
    if not target.exists() and (folder is None or name not in load_provenance(folder)):
        raise FileNotFoundError(target)
    return folder or target.parent, {name}


def _names_under(folder: Path, prefix: str, target: Path) -> set[str]:
    """Every name under the subfolder `prefix` of `folder`: its files and its fetched
    articles (a fetched file that is gone is still in the provenance)."""
    from tui.corpus.web.provenance import load_provenance

    names = {p.relative_to(folder).as_posix() for p in target.rglob("*")}
    return names | {name for name in load_provenance(folder) if name.startswith(prefix)}


def run_verify(args: argparse.Namespace, config: Config) -> int:
    from tui.corpus.articles import LOADERS
    from tui.corpus.web.provenance import ProvenanceError
    from tui.corpus.web.verify import Check, verify_folder

    target: Path = args.path or config.corpus
    try:
        folder, only = _verify_scope(target)
        report = verify_folder(folder, only, suffixes=frozenset(LOADERS))
    except FileNotFoundError:
        warn(f"{target}: no such file or folder, and no fetched article of that name")
        return EXIT_FAIL
    except ProvenanceError as exc:
        warn(str(exc))
        return EXIT_FAIL
    for item in report.checked:
        when = f" (fetched {item.provenance.capture.fetched_at:%Y-%m-%d %H:%M} UTC)"
        line = f"{item.check}: {item.file}: {item.message}"
        say(line + when if item.check is Check.OK else line)
    for name in report.unarchived:
        say(f"unarchived: {name}: saved by hand, no archive record")
    bad = sum(item.check is not Check.OK for item in report.checked)
    say(
        f"{len(report.checked)} fetched article(s) checked in {folder}: "
        f"{len(report.checked) - bad} match their archive, {bad} changed or missing; "
        f"{len(report.unarchived)} saved by hand"
    )
    return EXIT_FAIL if report.failed else EXIT_OK


def _refetch_folder(args: argparse.Namespace, config: Config) -> Path:
    from tui.corpus.fetched import corpus_folder_of

    if args.folder is not None:
        return Path(args.folder)
    if "://" not in args.target:
        found = corpus_folder_of(_absolute(Path(args.target)).parent)
        if found is not None:
            return found
    return config.corpus


def run_refetch(args: argparse.Namespace, config: Config) -> int:
    from tui.corpus.fetched import fetch_config
    from tui.corpus.web.client import WebClient
    from tui.corpus.web.provenance import ProvenanceError
    from tui.corpus.web.refetch import RefetchError, RefetchStatus, refetch

    folder = _refetch_folder(args, config)
    try:
        with WebClient(fetch_config(config.web)) as client:
            outcome = refetch(folder, args.target, client)
    except (RefetchError, ProvenanceError) as exc:
        warn(str(exc))
        return EXIT_FAIL
    if outcome.status in (RefetchStatus.FAILED, RefetchStatus.NO_TEXT):
        warn(f"{outcome.file}: {outcome.message}")
        return EXIT_FAIL
    say(f"{outcome.status}: {outcome.file}: {outcome.message}")
    for sample in outcome.diff.samples if outcome.diff else ():
        say(f"  {sample}")
    if outcome.records:
        say(f"the response is archived in {outcome.records[-1].file}, beside the earlier one")
    if outcome.status is RefetchStatus.CHANGED:
        say("verdicts on claims whose text changed re-anchor when the corpus is next opened")
    return EXIT_OK
