"""The command line's grammar: subcommands and options, and how misuse is reported (one
line on stderr, exit 2). `tui.cli.main` runs what it parses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui import __version__
from tui.support.terminal import warn, write

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line and exit 2, like argparse, but with our prefix and a hint. The message
        # may quote the argument as typed (an escape sequence, say): `warn` neutralises it.
        self.print_usage(sys.stderr)
        warn(f"{message} (see 'crosscheck --help')")
        raise SystemExit(EXIT_USAGE)

    def _print_message(self, message: str, file: object = None) -> None:
        # Usage, help and version text leave through the one path to the terminal
        # (argparse means stderr by None).
        if message:
            write(message, err=file is not sys.stdout)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="config file (default: ./config.toml if present)")


def _corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default: the corpus in config.toml)",
    )
    _no_cache_arg(p)


def _no_cache_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache of claims and matches for this run",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crosscheck",
        description="Read news articles side by side, match the claims they share, and triage "
        "each claim as corroborated, disputed or unsourced.",
        epilog="With no command, crosscheck opens the triage app (same as 'crosscheck open').",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("open", help="open the triage app on PATHs (the default command)")
    _corpus_args(p)
    _common(p)
    p.add_argument("--verdicts", type=Path, help="verdict file (default: from config)")

    for name, what in (
        ("claims", "list every unit of every article with its kind"),
        ("match", "list claims that different articles share"),
    ):
        p = sub.add_parser(name, help=what, description=what)
        _corpus_args(p)
        _common(p)
        p.add_argument("--format", choices=("table", "json"), default="table")
        if name == "match":
            p.add_argument(
                "--threshold",
                type=float,
                metavar="N",
                help="match threshold, 0-100 (default: from config)",
            )
            p.add_argument(
                "--verdicts",
                type=Path,
                metavar="FILE",
                help="apply the reviewer's links, splits and joins from this verdict file",
            )
    _verdict_file_commands(sub)
    _web_commands(sub)
    what = "report every problem in verdict files or config files (file:line:col: message)"
    p = sub.add_parser("check", help=what, description=what)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="verdict or config files")
    _match_table_args(sub.choices["match"])
    return parser


def _match_table_args(p: argparse.ArgumentParser) -> None:
    """What `match --format table` shows (the JSON document always holds everything)."""
    p.add_argument(
        "--tier",
        choices=("match", "suggestion"),
        help="table: show only matches, or only suggestions (default: both)",
    )
    p.add_argument(
        "--wire",
        action="store_true",
        help="table: also show pairs between wire copies of one story (hidden by default)",
    )


def refuse_misused(args: argparse.Namespace) -> None:
    """Options that parse but do not go together: UsageError (exit 2)."""
    if getattr(args, "format", None) == "json" and (
        getattr(args, "tier", None) or getattr(args, "wire", False)
    ):
        raise UsageError("--tier and --wire choose what the table shows; not with --format json")


EXPORT_FORMATS = ("json", "csv", "md", "claimreview", "w3c")


def _verdict_file_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """export, merge, stats: read verdict files (never write them) with their corpus."""
    verdicts_help = "verdict file (default: from config)"
    what = "export the verdicts with the reviewer, decision time and current positions"
    p = sub.add_parser("export", help=what, description=what)
    _common(p)
    _no_cache_arg(p)
    p.add_argument("--verdicts", type=Path, help=verdicts_help)
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="file to write (default: stdout)"
    )
    p.add_argument("--force", action="store_true", help="write OUT even inside the corpus folder")

    what = "merge reviewers' verdict files, keep disagreements, report agreement (kappa)"
    p = sub.add_parser("merge", help=what, description=what)
    p.add_argument("inputs", nargs="+", type=Path, metavar="FILE", help="verdict files")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="MERGED")
    _common(p)
    _no_cache_arg(p)

    what = "show triage progress: claims triaged and left, by verdict, article and cluster"
    p = sub.add_parser("stats", help=what, description=what)
    _common(p)
    _no_cache_arg(p)
    p.add_argument("--verdicts", type=Path, help=verdicts_help)
    p.add_argument("--format", choices=("table", "json"), default="table")


def _web_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """add, verify, refetch: the only commands that use the network (add and refetch)."""
    what = "fetch web pages (or a feed's entries) into the corpus, archived with provenance"
    p = sub.add_parser("add", help=what, description=what)
    p.add_argument("urls", nargs="*", metavar="URL", help="page or feed addresses (http, https)")
    p.add_argument(
        "--from",
        dest="from_file",
        type=Path,
        metavar="FILE",
        help="read more URLs from FILE: one per line, # starts a comment",
    )
    p.add_argument(
        "--to",
        type=Path,
        metavar="FOLDER",
        help="corpus folder to add to, created if new (default: the corpus in config.toml)",
    )
    p.add_argument("--all", action="store_true", help="add every entry of the feeds given")
    _common(p)

    what = "check that each fetched article still matches its archive record"
    p = sub.add_parser("verify", help=what, description=what)
    p.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="corpus folder or article file (default: the corpus in config.toml)",
    )
    _common(p)

    what = "fetch an article's page again, archive it and say whether its text changed"
    p = sub.add_parser("refetch", help=what, description=what)
    p.add_argument("target", metavar="PATH|URL", help="a fetched article's file or its URL")
    p.add_argument(
        "--in",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help="its corpus folder (default: the folder holding PATH, else the configured corpus)",
    )
    _common(p)
