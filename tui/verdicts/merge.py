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

A deferral ("later") is not a decision: a claim some reviewers decided and others deferred
is merged over the deciders alone; a claim that everyone who looked at it deferred keeps
one "later" verdict naming them. Deferrals take no part in agreement.

Links are merged the same way, per pair of claims: the reviewers who linked a pair with
one relation give one link naming them all; different relations keep each reviewer's link
and list the pair under `[[link_disagreements]]` (both claims, each reviewer's relation),
for adjudication. Agreement on links is measured over the pairs every reviewer linked.

Agreement (agreement.py) counts only the claims decided by every reviewer.

Inputs must be plain reviewer files (not merged ones), each with a distinct reviewer.
Whether the inputs share one corpus is checked when they are opened (workspace.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.verdicts.agreement import Agreement, measure
from tui.verdicts.model import (
    Correction,
    Disagreement,
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    VerdictSet,
)

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
    links: tuple[Link, ...] = ()  # placed on the current claims
    orphan_links: tuple[Link, ...] = ()  # could not be placed; as in the file


@dataclass(frozen=True, slots=True)
class MergeResult:
    merged: VerdictSet
    agreement: Agreement
    orphans: int
    # Agreement on links, over the pairs every reviewer linked; None when no one linked.
    link_agreement: Agreement | None = None
    orphan_links: int = 0  # links that could not be placed, kept as they were


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
            if not v.status.is_verdict:
                continue  # a deferral: see _deferred
            mine = out.setdefault(v.anchor.claim, {})
            if name not in mine or v.decided_at > mine[name].decided_at:
                mine[name] = v
    return out


def _deferred(
    names: Sequence[str], inputs: Sequence[MergeInput], decided: set[str]
) -> list[Verdict]:
    """One "later" per claim no reviewer decided but some deferred, naming them."""
    by_claim: dict[str, dict[str, Verdict]] = {}
    for name, item in zip(names, inputs, strict=True):
        for v in item.placed:
            if not v.status.is_verdict and v.anchor.claim not in decided:
                mine = by_claim.setdefault(v.anchor.claim, {})
                if name not in mine or v.decided_at > mine[name].decided_at:
                    mine[name] = v
    return [_agreed(sorted(found.items())) for _, found in sorted(by_claim.items())]


def _links(
    names: Sequence[str], order: Sequence[str], inputs: Sequence[MergeInput]
) -> tuple[list[Link], list[LinkDisagreement], list[tuple[Relation, ...]]]:
    """The merged links, the pairs linked differently, and one row of relations (in
    `order`) per pair every reviewer linked."""
    by_pair: dict[tuple[str, str], dict[str, Link]] = {}
    for name, item in zip(names, inputs, strict=True):
        for k in item.links:
            mine = by_pair.setdefault(k.pair, {})
            if name not in mine or k.decided_at > mine[name].decided_at:
                mine[name] = k
    links: list[Link] = []
    disagreements: list[LinkDisagreement] = []
    rows: list[tuple[Relation, ...]] = []
    for pair in sorted(by_pair):
        linked = sorted(by_pair[pair].items())
        if len(linked) == len(names):
            rows.append(tuple(by_pair[pair][n].relation for n in order))
        if len({k.relation for _, k in linked}) == 1:
            latest = max((k for _, k in linked), key=lambda k: k.decided_at)
            notes = [(name, k.note.strip()) for name, k in linked if k.note.strip()]
            note = _joined_notes(notes)
            links.append(replace(latest, reviewer=JOIN.join(n for n, _ in linked), note=note))
            continue
        links.extend(replace(k, reviewer=name) for name, k in linked)
        disagreements.append(LinkDisagreement(*pair, tuple((n, k.relation) for n, k in linked)))
    return links, disagreements, rows


def _joined_notes(notes: Sequence[tuple[str, str]]) -> str:
    if len({note for _, note in notes}) <= 1:
        return notes[0][1] if notes else ""
    return "\n".join(f"{name}: {text}" for name, text in notes)


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
    verdicts += _deferred(names, inputs, set(by_claim))
    orphans = [
        replace(v, reviewer=name)
        for name, item in zip(names, inputs, strict=True)
        for v in item.orphans
    ]
    links, link_disagreements, link_rows = _links(names, order, inputs)
    orphan_links = [
        replace(k, reviewer=name)
        for name, item in zip(names, inputs, strict=True)
        for k in item.orphan_links
    ]
    merged = VerdictSet(
        reviewer=reviewer,
        corpus=corpus,
        verdicts=tuple(verdicts + orphans),
        corrections=_corrections(inputs),
        disagreements=tuple(disagreements),
        reviewers=tuple(order),
        links=tuple(links + orphan_links),
        link_disagreements=tuple(link_disagreements),
    )
    linked = any(item.links or item.orphan_links for item in inputs)
    link_agreement = measure(order, link_rows, tuple(Relation), "pairs") if linked else None
    return MergeResult(
        merged, measure(order, rows), len(orphans), link_agreement, len(orphan_links)
    )
