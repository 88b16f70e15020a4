"""The commands that read a verdict file: export, stats, merge, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import fails_cleanly, load_config_of, match_cache, print_json
from tui.cli.parser import EXIT_FAIL, EXIT_OK, UsageError
from tui.config import Config
from tui.support.terminal import say, show, warn, write, write_lines

if TYPE_CHECKING:
    from tui.review.workspace import Workspace


def _workspace(args: argparse.Namespace, config: Config) -> Workspace:
    """The verdict file (--verdicts, else the config's) opened with its corpus."""
    from tui.review.workspace import open_workspace

    verdicts = args.verdicts or config.verdicts
    return open_workspace(verdicts, config.corpus, config.matching, warn, cache=match_cache(config))


def _protected(verdict_file: Path, config: Config) -> dict[Path, str]:
    """What `-o` must never replace: the verdict file's own files and the config."""
    from tui.exporters.output import files_of

    protected = files_of(verdict_file)
    if config.source is not None:
        protected[config.source] = "the config file"
    return protected


def _articles(ws: Workspace) -> list[Path]:
    return [a.path for a in ws.analysis.articles]


@fails_cleanly
def cmd_export(args: argparse.Namespace) -> int:
    from tui.exporters import export
    from tui.exporters.to_file import InsideCorpus, check_target, export_notes, write_export

    config = load_config_of(args)
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


@fails_cleanly
def cmd_stats(args: argparse.Namespace) -> int:
    from tui.review.stats import compute, render, to_json_document

    config = load_config_of(args)
    ws = _workspace(args, config)
    stats = compute(ws.analysis, ws.placed, len(ws.orphans), ws.corrections)
    if args.format == "json":
        print_json(to_json_document(stats))
    else:
        show(render(stats))
    return EXIT_OK


@fails_cleanly
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

    config = load_config_of(args)
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
    workspaces = open_many(files, config.corpus, config.matching, warn, cache=match_cache(config))
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
