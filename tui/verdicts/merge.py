"""Merging several reviewers' verdict files on one corpus into one file for adjudication.

Each input is one reviewer's file, already re-anchored against the current articles. Per
claim, over the reviewers who decided it:
- all chose the same status: one verdict, `reviewer` = their names joined by ", " (sorted),
  `decided_at` = the latest of theirs (when the agreement was complete), `note` = the one
  note when only one distinct note was written, else each reviewer's as "name: note" lines,
  `sources` and `evidence` = the union, in reviewer order, without repeats;
- they differ: every reviewer's verdict is kept, each with its own `reviewer`, and the
  claim gets a `[[disagreements]]` entry with each reviewer's status.
Orphans (verdicts that could not be re-anchored) are kept as they were, with their
reviewer, and take no part in agreement. Corrections are pooled: the latest per unit wins.

Agreement (agreement.py) counts only the claims decided by every reviewer.

Inputs must be plain reviewer files (not merged ones), each with a distinct reviewer.
Whether the inputs share one corpus is checked when they are opened (workspace.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.support.safe_text import printable
from tui.verdicts.agreement import Agreement, measure
from tui.verdicts.model import Correction, Disagreement, Status, Verdict, VerdictSet

JOIN = ", "


class MergeError(Exception):
    """The inputs cannot be merged; the message is one line."""


@dataclass(frozen=True, slots=True)
class MergeInput:
    path: Path
    verdicts: VerdictSet  # as read from the file
    placed: tuple[Verdict, ...]  # re-anchored against the current articles
    orphans: tuple[Verdict, ...]  # could not be placed; as in the file
    corrections: tuple[Correction, ...] = ()  # re-anchored where they could be


@dataclass(frozen=True, slots=True)
class MergeResult:
    merged: VerdictSet
    agreement: Agreement
    orphans: int


def check_inputs(files: Sequence[tuple[Path, VerdictSet]]) -> tuple[str, ...]:
    """The reviewers, one per file, in the order given; MergeError if they cannot merge."""
    if len(files) < 2:
        raise MergeError("merge needs at least two verdict files")
    seen: dict[str, Path] = {}
    names = []
    for path, vs in files:
        if vs.reviewers:
            raise MergeError(
                f"{path}: is already a merged file ({JOIN.join(vs.reviewers)}); "
                "merge the reviewers' own files"
            )
        name = vs.reviewer.strip()
        if not name:
            raise MergeError(f"{path}: names no reviewer")
        key = " ".join(name.casefold().split())  # "Alice" and "alice " are one person
        if key in seen:
            raise MergeError(
                f"{seen[key]} and {path} are both by reviewer '{name}'; "
                "each file must come from a different reviewer"
            )
        seen[key] = path
        names.append(name)
    return tuple(names)


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _agreed(claim_verdicts: Sequence[tuple[str, Verdict]]) -> Verdict:
    latest = max((v for _, v in claim_verdicts), key=lambda v: v.decided_at)
    notes = [(name, v.note.strip()) for name, v in claim_verdicts if v.note.strip()]
    if len({note for _, note in notes}) <= 1:
        note = notes[0][1] if notes else ""
    else:
        note = "\n".join(f"{name}: {text}" for name, text in notes)
    return replace(
        latest,
        note=note,
        sources=_unique([s for _, v in claim_verdicts for s in v.sources]),
        evidence=_unique([e for _, v in claim_verdicts for e in v.evidence]),
        reviewer=JOIN.join(name for name, _ in claim_verdicts),
    )


def _by_claim(names: Sequence[str], inputs: Sequence[MergeInput]) -> dict[str, dict[str, Verdict]]:
    """claim id -> reviewer -> verdict (a reviewer's latest when two landed on one claim)."""
    out: dict[str, dict[str, Verdict]] = {}
    for name, item in zip(names, inputs, strict=True):
        for v in item.placed:
            mine = out.setdefault(v.anchor.claim, {})
            if name not in mine or v.decided_at > mine[name].decided_at:
                mine[name] = v
    return out


def _corrections(inputs: Sequence[MergeInput]) -> tuple[Correction, ...]:
    latest: dict[str, Correction] = {}
    pooled = [c for item in inputs for c in item.corrections]
    for c in sorted(pooled, key=lambda c: c.decided_at):
        latest[c.anchor.claim] = c
    return tuple(latest.values())


def merge(inputs: Sequence[MergeInput], reviewer: str, corpus: str) -> MergeResult:
    """Merge the inputs; `reviewer` is who merges (the adjudicator), `corpus` the merged
    file's corpus field (relative to where it will be written)."""
    names = check_inputs([(item.path, item.verdicts) for item in inputs])
    order = sorted(names)
    by_claim = _by_claim(names, inputs)
    verdicts: list[Verdict] = []
    disagreements: list[Disagreement] = []
    rows: list[tuple[Status, ...]] = []
    for claim in sorted(by_claim):
        decided = sorted(by_claim[claim].items())
        if len(decided) == len(names):
            rows.append(tuple(by_claim[claim][n].status for n in order))
        if len({v.status for _, v in decided}) == 1:
            verdicts.append(_agreed(decided))
            continue
        verdicts.extend(replace(v, reviewer=name) for name, v in decided)
        article = decided[0][1].anchor.article
        disagreements.append(
            Disagreement(claim, article, tuple((name, v.status) for name, v in decided))
        )
    orphans = [
        replace(v, reviewer=name)
        for name, item in zip(names, inputs, strict=True)
        for v in item.orphans
    ]
    merged = VerdictSet(
        reviewer=reviewer,
        corpus=corpus,
        verdicts=tuple(verdicts + orphans),
        corrections=_corrections(inputs),
        disagreements=tuple(disagreements),
        reviewers=tuple(order),
    )
    return MergeResult(merged, measure(order, rows), len(orphans))


def disagreement_lines(result: MergeResult) -> list[str]:
    """One line per disagreement, for stderr."""
    texts = {v.anchor.claim: v.anchor.text for v in result.merged.verdicts}
    lines = []
    for d in result.merged.disagreements:
        said = ", ".join(f"{name} {status.value}" for name, status in d.statuses)
        text = " ".join(printable(texts.get(d.claim, ""), keep_newlines=False).split())
        short = text if len(text) <= 60 else text[:57] + "..."
        lines.append(f"disagreement on {d.claim} ({said}): {short}")
    return lines
