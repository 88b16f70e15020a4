"""Command line: parse arguments, build what is asked, run it. No logic of its own.

The grammar (subcommands, options, how misuse is reported) is in `tui.cli.parser`.

`crosscheck [PATH...]` (or `crosscheck open PATH...`) opens the triage app; the other
subcommands are headless and print tables (rich) or one JSON document; the web commands
(`add`, `verify`, `refetch`) are run by `tui.cli.web`. Everything printed for people
leaves through `tui.support.terminal`, which neutralises escape sequences, bidi and
invisible characters on the way out.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.guidance import mistyped_command, shown_path
from tui.cli.parser import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    EXPORT_FORMATS,
    UsageError,
    build_parser,
    refuse_misused,
)
from tui.config import Config, ConfigError, load_config
from tui.corpus.articles import CorpusError
from tui.support.gc_pause import gc_paused
from tui.support.terminal import say, show, warn, write, write_lines

__all__ = ["EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "EXPORT_FORMATS", "main"]

if TYPE_CHECKING:
    from tui.analysis.cache import MatchCache
    from tui.analysis.pipeline import Analysis
    from tui.review.workspace import Workspace


def _load_config(args: argparse.Namespace) -> Config:
    config, problems = load_config(args.config)
    for problem in problems:
        warn(problem)
    if getattr(args, "no_cache", False):
        from dataclasses import replace

        config = replace(config, cache_enabled=False)
    return config


def _paths(args: argparse.Namespace, config: Config) -> list[Path]:
    return list(args.paths) or [config.corpus]


def _analyse(args: argparse.Namespace, config: Config) -> Analysis:
    # Here, not at the top: the app must not wait for numpy and rapidfuzz before its first
    # frame (its worker imports them), and only claims and match need them at once.
    from tui.analysis.pipeline import analyse

    settings = config.matching
    threshold = getattr(args, "threshold", None)
    if threshold is not None:
        if not 0 <= threshold <= 100:
            raise UsageError(f"--threshold {threshold:g} is out of range (0 to 100)")
        from dataclasses import replace

        settings = replace(
            settings,
            match_threshold=threshold,
            suggestion_floor=min(settings.suggestion_floor, threshold),
        )
    return analyse(_paths(args, config), settings, say=warn, cache=_cache(config))


def _cache(config: Config) -> MatchCache | None:
    """The cache of claims and matches, unless `[cache] enabled = false` or --no-cache."""
    from tui.analysis.cache import MatchCache

    return MatchCache.for_config(config)


def cmd_claims(args: argparse.Namespace) -> int:
    # Segments only: `claims` shows units, so nothing is matched.
    from tui.analysis.pipeline import segment

    config = _load_config(args)
    segmentation = segment(_paths(args, config), say=warn, cache=_cache(config))
    if args.format == "json":
        from tui.analysis.pipeline import claims_document

        _print_json(claims_document(segmentation))
    else:
        from tui.cli.tables import claims_table

        show(claims_table(segmentation))
    return EXIT_OK


def cmd_match(args: argparse.Namespace) -> int:
    config = _load_config(args)
    analysis = _analyse(args, config)
    if args.verdicts is not None:
        from tui.verdicts.corpus_link import WorkspaceError
        from tui.verdicts.model import VerdictFileError

        try:
            analysis = _reviewed(analysis, args.verdicts, config)
        except (WorkspaceError, VerdictFileError) as exc:
            warn(str(exc))
            return EXIT_FAIL
    if args.format == "json":
        from tui.review.match_json import match_document

        _print_json(match_document(analysis, config.matching))
    else:
        from tui.cli.tables import match_table

        show(match_table(analysis, config.matching, tier=args.tier, wire=args.wire))
    return EXIT_OK


def _reviewed(analysis: Analysis, verdicts: Path, config: Config) -> Analysis:
    """`analysis` with the reviewer's splits, joins and links from `verdicts` applied (the
    placement every command makes); what could not be placed is said on stderr."""
    from tui.review.placement import place
    from tui.verdicts.corpus_link import read_verdict_set

    placement = place(read_verdict_set(verdicts), analysis, config.matching)
    lost = len(placement.orphan_links) + sum(
        1 for c in placement.orphan_corrections if c.correction.cuts
    )
    if lost:
        warn(
            f"{lost} link(s), split(s) or join(s) of {verdicts} could not be placed on these "
            "articles; left out"
        )
    return placement.analysis


def cmd_open(args: argparse.Namespace) -> int:
    from tui.verdicts.corpus_link import WorkspaceError, review_paths
    from tui.verdicts.model import VerdictFileError

    config = _load_config(args)
    given = list(args.paths)
    missing = [p for p in given if not p.exists()]
    if given and len(missing) == len(given):
        # Nothing to open: say so before the app takes the screen. A lone word may be a
        # mistyped command.
        hint = f" (commands: {', '.join(HANDLERS)})" if len(given) == 1 else ""
        warn(f"{missing[0]}: no such file or folder{hint}")
        return EXIT_FAIL
    verdicts = getattr(args, "verdicts", None) or config.verdicts
    try:
        paths, note = review_paths(verdicts, given, config.corpus)
    except (WorkspaceError, VerdictFileError) as exc:
        warn(str(exc))
        return EXIT_FAIL
    if note:
        warn(note)
    if not given and not any(p.exists() for p in paths):
        # Nothing to open and nothing given: say how to give it before the app takes the
        # screen only to fail.
        build_parser().print_usage(sys.stderr)
        warn(f"no corpus at {shown_path(paths[0])}; give a folder of articles")
        return EXIT_USAGE
    from tui.app.app import run_app

    return run_app(config, paths, verdicts=verdicts)


def _print_json(doc: object) -> None:
    # Control characters from article text (C1, bidi, invisible) are written escaped, so
    # the document is inert on a terminal and `write` leaves it as it is.
    from tui.support.safe_text import json_document

    write(json_document(doc) + "\n")


Handler = Callable[[argparse.Namespace], int]


def _fails_cleanly(handler: Handler) -> Handler:
    """A verdict file, corpus or output that cannot be used: one line on stderr, exit 1."""

    def run(args: argparse.Namespace) -> int:
        from tui.exporters.output import OutputError
        from tui.verdicts.corpus_link import WorkspaceError
        from tui.verdicts.merge import MergeError
        from tui.verdicts.model import VerdictFileError

        try:
            return handler(args)
        except (WorkspaceError, VerdictFileError, OutputError, MergeError) as exc:
            warn(str(exc))
            return EXIT_FAIL

    return run


def _workspace(args: argparse.Namespace, config: Config) -> Workspace:
    """The verdict file (--verdicts, else the config's) opened with its corpus."""
    from tui.review.workspace import open_workspace

    verdicts = args.verdicts or config.verdicts
    return open_workspace(verdicts, config.corpus, config.matching, warn, cache=_cache(config))


def _protected(verdict_file: Path, config: Config) -> dict[Path, str]:
    """What `-o` must never replace: the verdict file's own files and the config."""
    from tui.exporters.output import files_of

    protected = files_of(verdict_file)
    if config.source is not None:
        protected[config.source] = "the config file"
    return protected


def _articles(ws: Workspace) -> list[Path]:
    return [a.path for a in ws.analysis.articles]


@_fails_cleanly
def cmd_export(args: argparse.Namespace) -> int:
    from tui.exporters import export
    from tui.exporters.to_file import InsideCorpus, check_target, export_notes, write_export

    config = _load_config(args)
    verdicts = args.verdicts or config.verdicts
    if args.output is not None:
        try:
            check_target(args.output, verdicts, config.corpus, config.source, force=args.force)
        except InsideCorpus as exc:
            raise UsageError(str(exc)) from None
    ws = _workspace(args, config)
    for note in export_notes(ws, args.format):
        warn(note)
    if args.output is None:
        # A file keeps the exact text; what reaches stdout (a terminal, often) is made
        # inert: JSON formats already escape, CSV and Markdown get visible stand-ins (CSV's
        # CRLF row ends stay).
        write(export(ws, args.format))
    else:
        write_export(ws, args.format, args.output)
    return EXIT_OK


@_fails_cleanly
def cmd_stats(args: argparse.Namespace) -> int:
    from tui.review.stats import compute, render, to_json_document

    config = _load_config(args)
    ws = _workspace(args, config)
    stats = compute(ws.analysis, ws.placed, len(ws.orphans), ws.corrections)
    if args.format == "json":
        _print_json(to_json_document(stats))
    else:
        show(render(stats))
    return EXIT_OK


@_fails_cleanly
def cmd_merge(args: argparse.Namespace) -> int:
    from tui.exporters.output import (
        check_writable,
        refuse_articles,
        refuse_overwriting,
        write_text_atomic,
    )
    from tui.review.workspace import open_many
    from tui.verdicts.agreement import summary_lines
    from tui.verdicts.corpus_link import read_verdict_set
    from tui.verdicts.merge import MergeInput, check_inputs, merge
    from tui.verdicts.model import default_reviewer
    from tui.verdicts.store import relative_corpus
    from tui.verdicts.writer import dumps

    config = _load_config(args)
    if len(args.inputs) < 2:
        raise UsageError("merge needs at least two verdict files")
    output = args.output.resolve()
    if any(p.resolve() == output for p in args.inputs):
        raise UsageError(f"{args.output}: is one of the inputs; merge into a new file")
    check_writable(args.output)
    protected: dict[Path, str] = {}
    for path in args.inputs:
        protected.update(_protected(path, config))
    refuse_overwriting(args.output, protected)
    files = [(p, read_verdict_set(p)) for p in args.inputs]
    check_inputs(files)
    workspaces = open_many(files, config.corpus, config.matching, warn, cache=_cache(config))
    inputs = [
        MergeInput(
            ws.path, ws.verdicts, ws.placed, ws.orphans, ws.corrections, ws.links, ws.orphan_links
        )
        for ws in workspaces
    ]
    refuse_articles(args.output, _articles(workspaces[0]))
    corpus = relative_corpus(workspaces[0].corpus_path, args.output)
    result = merge(inputs, default_reviewer(config.reviewer), corpus)
    write_text_atomic(args.output, dumps(result.merged))
    say(f"merged by {result.merged.reviewer} into {args.output}")
    if result.merged.disagreements or result.merged.link_disagreements:
        from tui.cli.tables import disagreements_table

        show(disagreements_table(result.merged))
    if result.orphans:
        n = result.orphans
        warn(f"{n} verdict{'s' * (n != 1)} could not be re-anchored; kept as they were")
    if result.orphan_links:
        n = result.orphan_links
        warn(f"{n} link{'s' * (n != 1)} could not be re-anchored; kept as they were")
    write_lines(summary_lines(result.agreement))
    if result.link_agreement is not None:
        write_lines(summary_lines(result.link_agreement))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from tui.app.keys import KEY_RULES  # the app's actions and keys; imports no textual
    from tui.verdicts.checks import check_file

    problems = [line for path in args.files for line in check_file(path, KEY_RULES)]
    write_lines(problems, err=True)
    if problems:
        return EXIT_FAIL
    say(f"ok: {len(args.files)} file(s) checked, no problems")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from tui.cli.web import run_add

    return run_add(args, _load_config(args))


def cmd_verify(args: argparse.Namespace) -> int:
    from tui.cli.web import run_verify

    return run_verify(args, _load_config(args))


def cmd_refetch(args: argparse.Namespace) -> int:
    from tui.cli.web import run_refetch

    return run_refetch(args, _load_config(args))


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "open": cmd_open,
    "claims": cmd_claims,
    "match": cmd_match,
    "export": cmd_export,
    "merge": cmd_merge,
    "stats": cmd_stats,
    "check": cmd_check,
    "add": cmd_add,
    "verify": cmd_verify,
    "refetch": cmd_refetch,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `crosscheck PATH...` is `crosscheck open PATH...`, unless the word is a slip for a
    # command and no such file exists.
    if argv and (meant := mistyped_command(argv[0], HANDLERS)) is not None:
        build_parser().print_usage(sys.stderr)
        warn(f"'{argv[0]}' is not a command or a file (did you mean: {meant}?)")
        return EXIT_USAGE
    if not argv or (argv[0] not in HANDLERS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["open", *argv]
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        refuse_misused(args)
        if args.command == "open":
            return HANDLERS[args.command](args)
        # Every other command runs once and exits: its objects never need the cyclic
        # collector (see tui.support.gc_pause).
        with gc_paused(freeze=True):
            return HANDLERS[args.command](args)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    except UsageError as exc:
        warn(str(exc))
        return EXIT_USAGE
    except (CorpusError, ConfigError) as exc:
        warn(str(exc))
        return EXIT_FAIL
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        sys.stderr.close()
        return EXIT_OK
    except MemoryError:
        warn("out of memory; try fewer articles at once")
        return EXIT_FAIL
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("CROSSCHECK_DEBUG"):
            raise
        warn(f"unexpected error: {type(exc).__name__}: {exc} (set CROSSCHECK_DEBUG=1 for details)")
        return EXIT_FAIL
