"""Folding in a change that something else made to the verdict file while we held it.

A three-way merge by claim (a link: by its pair of claims): `base` is what we last read or
wrote, `ours` what we are about to write, `theirs` what is on disk now. A claim only one
side changed takes that side's value; when both changed it, the later `decided_at` wins
(ours on a tie); a decision one side cleared while the other changed it is kept. Nothing
the other writer decided is lost silently: every claim taken from them or decided against
them is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from tui.verdicts.model import (
    Correction,
    Disagreement,
    Link,
    LinkDisagreement,
    Verdict,
    VerdictSet,
    link_key,
)

T = TypeVar("T", Verdict, Correction, Disagreement, Link, LinkDisagreement)


def _by_claim(items: Sequence[T], key: Callable[[T], Hashable]) -> dict[Hashable, T]:
    return {key(item): item for item in items}


def _merge(
    base: Sequence[T],
    ours: Sequence[T],
    theirs: Sequence[T],
    key: Callable[[T], Hashable],
    when: Callable[[T], datetime | None],
    what: str,
    report: list[str],
) -> tuple[T, ...]:
    b, o, t = _by_claim(base, key), _by_claim(ours, key), _by_claim(theirs, key)
    merged: list[T] = []
    for claim in sorted(set(b) | set(o) | set(t), key=str):
        mine, other, old = o.get(claim), t.get(claim), b.get(claim)
        if mine == other or other == old:
            chosen = mine
        elif mine == old:
            chosen = other
            change = "removed" if other is None else "added or changed"
            report.append(f"{what} for claim {claim} {change} by the other writer: kept")
        elif mine is None or other is None:
            chosen = mine if other is None else other
            report.append(
                f"{what} for claim {claim} was cleared on one side and changed on the other: "
                "kept the changed one"
            )
        else:
            their_time, my_time = when(other), when(mine)
            theirs_later = their_time is not None and my_time is not None and their_time > my_time
            chosen = other if theirs_later else mine
            report.append(
                f"{what} for claim {claim} was changed on both sides: kept the later "
                f"({'theirs' if theirs_later else 'ours'})"
            )
        if chosen is not None:
            merged.append(chosen)
    return tuple(merged)


def _verdict_key(v: Verdict) -> str:
    # A merged file holds one verdict per claim and reviewer: keyed by the claim alone,
    # one reviewer's verdict would replace another's.
    return f"{v.anchor.claim} ({v.reviewer})" if v.reviewer else v.anchor.claim


def merge_external(
    base: VerdictSet, ours: VerdictSet, theirs: VerdictSet
) -> tuple[VerdictSet, list[str]]:
    """The union of our and their changes since `base`, and one message per claim taken
    from them or decided between us."""
    report: list[str] = []
    verdicts = _merge(
        base.verdicts,
        ours.verdicts,
        theirs.verdicts,
        _verdict_key,
        lambda v: v.decided_at,
        "verdict",
        report,
    )
    corrections = _merge(
        base.corrections,
        ours.corrections,
        theirs.corrections,
        lambda c: c.anchor.claim,
        lambda c: c.decided_at,
        "correction",
        report,
    )
    disagreements = _merge(
        base.disagreements,
        ours.disagreements,
        theirs.disagreements,
        lambda d: d.claim,
        lambda d: None,
        "disagreement",
        report,
    )
    merged_file = bool(ours.reviewers or theirs.reviewers)
    links = _merge(
        base.links,
        ours.links,
        theirs.links,
        lambda k: " ".join(link_key(k, merged_file)).rstrip(),
        lambda k: k.decided_at,
        "link",
        report,
    )
    link_disagreements = _merge(
        base.link_disagreements,
        ours.link_disagreements,
        theirs.link_disagreements,
        lambda d: f"{d.a} {d.b}",
        lambda d: None,
        "link disagreement",
        report,
    )
    merged = replace(
        ours,
        verdicts=verdicts,
        corrections=corrections,
        disagreements=disagreements,
        reviewers=tuple(sorted(set(ours.reviewers) | set(theirs.reviewers))),
        links=links,
        link_disagreements=link_disagreements,
    )
    return merged, report
