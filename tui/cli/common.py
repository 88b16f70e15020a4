"""What every command does the same way: read the config (with --no-cache), open the match
cache, print one JSON document, and turn a verdict file, corpus or output that cannot be
used into one line on stderr and exit 1."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.cli.parser import EXIT_FAIL
from tui.config import Config, load_config
from tui.support.terminal import warn, write

if TYPE_CHECKING:
    from tui.analysis.cache import MatchCache


def load_config_of(args: argparse.Namespace) -> Config:
    config, problems = load_config(args.config)
    for problem in problems:
        warn(problem)
    if getattr(args, "no_cache", False):
        from dataclasses import replace

        config = replace(config, cache_enabled=False)
    return config


def match_cache(config: Config) -> MatchCache | None:
    """The cache of claims and matches, unless `[cache] enabled = false` or --no-cache."""
    from tui.analysis.cache import MatchCache

    return MatchCache.for_config(config)


def print_json(doc: object) -> None:
    # Control characters from article text (C1, bidi, invisible) are written escaped, so
    # the document is inert on a terminal and `write` leaves it as it is.
    from tui.support.safe_text import json_document

    write(json_document(doc) + "\n")


Handler = Callable[[argparse.Namespace], int]

# After "no such verdict file", for the commands that take --verdicts: the app creates the
# file at the first decision.
MISSING_HINT = (
    " (name another with --verdicts FILE; 'crosscheck PATH... --verdicts FILE' opens the app,"
    " which creates it)"
)


def fails_cleanly(handler: Handler) -> Handler:
    """A verdict file, corpus or output that cannot be used: one line on stderr, exit 1."""

    def run(args: argparse.Namespace) -> int:
        from tui.exporters.output import OutputError
        from tui.verdicts.corpus_link import MissingVerdictFile, WorkspaceError
        from tui.verdicts.merge import MergeError
        from tui.verdicts.model import VerdictFileError

        try:
            return handler(args)
        except MissingVerdictFile as exc:
            warn(f"{exc}{MISSING_HINT if hasattr(args, 'verdicts') else ''}")
            return EXIT_FAIL
        except (WorkspaceError, VerdictFileError, OutputError, MergeError) as exc:
            warn(str(exc))
            return EXIT_FAIL

    return run
