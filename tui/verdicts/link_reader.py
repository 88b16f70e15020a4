"""Reading the reviewer's links and cuts from a verdict file: `[[links]]`,
`[[link_disagreements]]` and the split and join kinds of `[[corrections]]`.

A link is two anchored claims and a relation:

    [[links]]
    relation = "same"        # "same", "different" (rejected) or "contradicts"
    reviewer = "alice"
    decided_at = 2026-12-06 06:01:22+00:00
    note = "optional"

    [links.a]                # the claim with the smaller id
    claim = "..."            # and article, text, prefix, suffix, start, end, article_sha256

    [links.b]
    claim = "..."

`a` and `b` written in the other order are accepted (and written back in order); a link
from a claim to itself is refused, and so are two links on one pair (in a merged file, two
by one reviewer), as two verdicts on one claim are. Every problem is located like the
verdicts' (`file:line:col: message`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.verdicts.model import (
    Anchor,
    Correction,
    Link,
    LinkDisagreement,
    Relation,
)
from tui.verdicts.toml_table import ANCHOR_KEYS, Problems, Table, anchor_of

LINK_KEYS = ("relation", "reviewer", "decided_at", "note", "a", "b")
LINK_DISAGREEMENT_KEYS = ("a", "b", "relations")
CORRECTION_KEYS = (*ANCHOR_KEYS, "is_claim", "split_at", "join_with", "decided_at")
_CORRECTION_KINDS = ("is_claim", "split_at", "join_with")


def read_link(t: Table) -> Link | None:
    t.unknown(LINK_KEYS)
    relation = t.choice("relation", Relation)
    decided_at = t.moment()
    reviewer = t.string("reviewer", required=False)
    note = t.string("note", required=False)
    ends: list[tuple[Table, Anchor | None]] = []
    for name in ("a", "b"):
        nested = t.nested(name)
        if nested is not None:
            nested.unknown(ANCHOR_KEYS)
            ends.append((nested, anchor_of(nested)))
    a, b = (ends[0][1], ends[1][1]) if len(ends) == 2 else (None, None)
    if a is None or b is None:
        return None
    if a.claim == b.claim:
        ends[1][0].problem("claim", f"links claim '{a.claim}' to itself")
        return None
    if relation is None or decided_at is None or reviewer is None or note is None:
        return None
    return Link.of(a, b, relation, decided_at, reviewer, note)


def read_link_disagreement(t: Table) -> LinkDisagreement | None:
    t.unknown(LINK_DISAGREEMENT_KEYS)
    a, b = t.string("a"), t.string("b")
    raw = t.get("relations", dict, "a table of reviewer = relation")
    if raw is None or a is None or b is None:
        return None
    relations = [(name, t.choice("relations", Relation, value)) for name, value in raw.items()]
    if any(r is None for _, r in relations):
        return None
    a, b = sorted((a, b))
    return LinkDisagreement(a, b, tuple(sorted(relations)))  # type: ignore[arg-type]


def read_correction(t: Table) -> Correction | None:
    """A correction of one of three kinds: `is_claim` (the unit is or is not a claim),
    `split_at` (cut it in two, that many characters into its text) or `join_with` (it and
    the unit right after it, anchored in that table, are one)."""
    t.unknown(CORRECTION_KEYS)
    anchor = anchor_of(t)
    decided_at = t.moment()
    given = [k for k in _CORRECTION_KINDS if k in t.data]
    if len(given) != 1:
        what = "none" if not given else " and ".join(given)
        t.reader.problem(
            f"[[corrections]] #{t.index + 1}: needs exactly one of is_claim, split_at, "
            f"join_with (has {what})",
            t.reader.where.entry("corrections", t.index),
        )
        return None
    if anchor is None or decided_at is None:
        return None
    if given[0] == "is_claim":
        is_claim = t.boolean("is_claim")
        return None if is_claim is None else Correction(anchor, is_claim, decided_at)
    if given[0] == "split_at":
        split_at = t.integer("split_at")
        if split_at is None:
            return None
        if not 0 < split_at < len(anchor.text):
            t.problem(
                "split_at",
                f"{split_at} does not cut the text in two (it has {len(anchor.text)} characters)",
            )
            return None
        return Correction(anchor, True, decided_at, split_at=split_at)
    nested = t.nested("join_with")
    if nested is None:
        return None
    nested.unknown(ANCHOR_KEYS)
    other = anchor_of(nested)
    if other is None:
        return None
    if not _follows(anchor, other):
        nested.problem("start", "the unit joined must follow the corrected one in its article")
        return None
    return Correction(anchor, True, decided_at, join_with=other)


def _follows(first: Anchor, second: Anchor) -> bool:
    return first.article == second.article and second.start >= first.end


def unique_links(reader: Problems, data: Mapping[str, Any], merged: bool) -> None:
    """One link per pair of claims (per pair and reviewer in a merged file), whichever of
    the two is written as `a`."""
    value = data.get("links")
    if not isinstance(value, list):
        return
    first: dict[tuple[str, str, str], int] = {}
    for index, table in enumerate(value):
        if not isinstance(table, dict):
            continue
        ends = [table.get(k) for k in ("a", "b")]
        claims = [e.get("claim") if isinstance(e, dict) else None for e in ends]
        names = [c for c in claims if isinstance(c, str)]
        if len(names) != 2:
            continue
        a, b = sorted(names)
        reviewer = table.get("reviewer", "") if merged else ""
        key = (a, b, reviewer if isinstance(reviewer, str) else repr(reviewer))
        if key not in first:
            first[key] = index
            continue
        line, _ = reader.where.entry("links", first[key])
        at = f" (first at line {line})" if line else ""
        by = f" by '{reviewer}'" if merged else ""
        reader.problem(
            f"claims '{a}' and '{b}' are linked twice{by} among [[links]]{at}",
            reader.where.entry("links", index),
        )
