"""Exporting a verdict file to a file: the steps `crosscheck export -o` and the app's export
dialog share, so both refuse the same targets and write the same bytes.

`check_target` runs before the corpus is read (cheap): the target must be writable, must not
replace a file the user would lose (`output.refuse_overwriting`), and must not lie inside
the corpus folder unless the user insists (`InsideCorpus`, which each front end turns into
its own question: `--force` on the command line, a yes/no question in the app).
`export_notes` are the warnings to show with an export; `write_export` writes it atomically.
"""

from __future__ import annotations

from pathlib import Path

from tui.exporters import export
from tui.exporters.claimreview import unsettled
from tui.exporters.output import (
    OutputError,
    check_writable,
    files_of,
    inside_corpus,
    refuse_articles,
    refuse_overwriting,
    write_text_atomic,
)
from tui.review.workspace import Workspace


class InsideCorpus(OutputError):
    """The target lies inside the corpus folder: written only when the user insists."""


def protected_files(verdict_file: Path, config_file: Path | None) -> dict[Path, str]:
    """What an export must never replace: the verdict file's own files and the config."""
    protected = files_of(verdict_file)
    if config_file is not None:
        protected[config_file] = "the config file"
    return protected


def check_target(
    path: Path,
    verdict_file: Path,
    configured_corpus: Path,
    config_file: Path | None,
    *,
    force: bool = False,
) -> None:
    """OutputError when `path` cannot or must not be written; InsideCorpus (unless `force`)
    when it lies inside the verdict file's corpus folder."""
    check_writable(path)
    refuse_overwriting(path, protected_files(verdict_file, config_file))
    if not force and (why := inside_corpus(path, verdict_file, configured_corpus)):
        raise InsideCorpus(why)


def export_notes(workspace: Workspace, fmt: str) -> list[str]:
    """What the reviewer should know of this export: verdicts exported as orphans, claims
    left out of ClaimReview."""
    notes: list[str] = []
    if workspace.orphans:
        n = len(workspace.orphans)
        notes.append(
            f"{n} verdict{'s' * (n != 1)} could not be re-anchored; exported with orphan: true"
        )
    if fmt == "claimreview" and (open_claims := len(unsettled(workspace))):
        notes.append(
            f"{open_claims} claim{'s' * (open_claims != 1)} the reviewers disagree on "
            "left out of ClaimReview (a published rating must be settled: open the merged "
            "file in the app to adjudicate)"
        )
    return notes


def write_export(workspace: Workspace, fmt: str, path: Path) -> None:
    """Write `workspace` in format `fmt` to `path`, whole or not at all; OutputError when
    `path` is one of the articles or cannot be written."""
    refuse_articles(path, [a.path for a in workspace.analysis.articles])
    write_text_atomic(path, export(workspace, fmt))
