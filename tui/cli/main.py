"""Command line: parse arguments, build what is asked, run it. No logic of its own.

The grammar (subcommands, options, how misuse is reported) is in `tui.cli.parser`.

`crosscheck [PATH...]` (or `crosscheck open PATH...`) opens the triage app; the other
subcommands are headless and print tables (rich) or one JSON document. This module runs
`open`, `claims` and `match`; the verdict-file commands (`export`, `stats`, `merge`,
`check`) are in `tui.cli.verdict_commands`, the web commands (`add`, `verify`, `refetch`) in
`tui.cli.web`, what they share in `tui.cli.common`. Everything printed for people
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

from tui.cli.common import load_config_of, match_cache, print_json
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
from tui.cli.verdict_commands import cmd_check, cmd_export, cmd_merge, cmd_stats
from tui.config import Config, ConfigError
from tui.corpus.articles import CorpusError
from tui.support.gc_pause import gc_paused
from tui.support.terminal import show, warn

__all__ = ["EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "EXPORT_FORMATS", "main"]

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis


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
    return analyse(_paths(args, config), settings, say=warn, cache=match_cache(config))


def cmd_claims(args: argparse.Namespace) -> int:
    # Segments only: `claims` shows units, so nothing is matched.
    from tui.analysis.pipeline import segment

    config = load_config_of(args)
    segmentation = segment(_paths(args, config), say=warn, cache=match_cache(config))
    if args.format == "json":
        from tui.analysis.pipeline import claims_document

        print_json(claims_document(segmentation))
    else:
        from tui.cli.tables import claims_table

        show(claims_table(segmentation))
    return EXIT_OK


def cmd_match(args: argparse.Namespace) -> int:
    config = load_config_of(args)
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

        print_json(match_document(analysis, config.matching))
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

    config = load_config_of(args)
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


def cmd_add(args: argparse.Namespace) -> int:
    from tui.cli.web import run_add

    return run_add(args, load_config_of(args))


def cmd_verify(args: argparse.Namespace) -> int:
    from tui.cli.web import run_verify

    return run_verify(args, load_config_of(args))


def cmd_refetch(args: argparse.Namespace) -> int:
    from tui.cli.web import run_refetch

    return run_refetch(args, load_config_of(args))


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
