"""How far reviewers agree: percent agreement, Cohen's kappa (two) and Fleiss' kappa (more).

Input is one row per claim decided by *every* reviewer, each row holding one status per
reviewer in a fixed reviewer order. Claims that only some reviewers decided say nothing
about agreement and are left out by the caller (`merge.py`).

Figures reported:
- `percent`: the share of claims on which all reviewers chose the same status.
- `kappa`: chance-corrected agreement. Two reviewers: Cohen's kappa, (po - pe) / (1 - pe),
  with pe from each reviewer's own status shares. Three or more: Fleiss' kappa, with pe
  from the pooled status shares.
- per status: *specific agreement* (given one reviewer chose the status, the chance that
  another one did too: sum n(n-1) / sum n(m-1), which is 2a / (2a + b + c) for two
  reviewers) and a kappa for that status alone: Cohen's kappa on "this status or not" for
  two reviewers, Fleiss' per-category kappa for more.

A kappa is None where it is undefined: no claims, or chance agreement already 1 (every
reviewer used one and the same status throughout).

The same figures measure agreement on links (`merge.py`): rows are pairs of claims that
every reviewer linked, categories the relations (same, different, contradicts).

A deferral ("later") is not a verdict: a claim a reviewer deferred is not decided by them,
so it takes no part in agreement (it is neither agreement nor disagreement).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.verdicts.model import VERDICTS, Relation, Status

Category = Status | Relation
Row = Sequence[Category]


@dataclass(frozen=True, slots=True)
class StatusAgreement:
    status: Category  # a verdict's status, or a link's relation
    used: int  # how many single decisions chose this status, over every reviewer
    specific: float | None  # specific agreement, 0-1; None when nobody used the status
    kappa: float | None


@dataclass(frozen=True, slots=True)
class Agreement:
    reviewers: tuple[str, ...]
    claims: int  # claims decided by every reviewer: the ones counted here
    agreed: int  # of those, claims on which every reviewer chose the same status
    kappa: float | None
    per_status: tuple[StatusAgreement, ...]
    unit: str = "claims"  # what the rows are: "claims", or "pairs" of linked claims

    @property
    def method(self) -> str:
        return "Cohen's kappa" if len(self.reviewers) == 2 else "Fleiss' kappa"

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreed / self.claims if self.claims else None


def _check(rows: Sequence[Row], raters: int) -> None:
    if raters < 2:
        raise ValueError("agreement needs at least two reviewers")
    for row in rows:
        if len(row) != raters:
            raise ValueError(f"every row needs {raters} statuses, got {len(row)}")


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def cohen_kappa(rows: Sequence[Row], status: Category | None = None) -> float | None:
    """Cohen's kappa for two reviewers; with `status`, on "this status or not" only."""
    _check(rows, 2)
    if not rows:
        return None
    n = len(rows)

    def category(s: Category) -> object:
        return s if status is None else s is status

    pairs = [(category(a), category(b)) for a, b in rows]
    observed = sum(1 for a, b in pairs if a == b) / n
    categories = {c for pair in pairs for c in pair}
    chance = sum(
        (sum(1 for a, _ in pairs if a == c) / n) * (sum(1 for _, b in pairs if b == c) / n)
        for c in categories
    )
    return _ratio(observed - chance, 1 - chance)


def _counts(rows: Sequence[Row], categories: Sequence[Category]) -> list[dict[Category, int]]:
    out = []
    for row in rows:
        counts: dict[Category, int] = dict.fromkeys(categories, 0)
        for s in row:
            counts[s] = counts.get(s, 0) + 1
        out.append(counts)
    return out


def fleiss_kappa(rows: Sequence[Row], categories: Sequence[Category] = VERDICTS) -> float | None:
    """Fleiss' kappa for any fixed number (>= 2) of reviewers per claim."""
    if not rows:
        return None
    m = len(rows[0])
    _check(rows, m)
    n = len(rows)
    counts = _counts(rows, categories)
    observed = sum(sum(c * (c - 1) for c in row.values()) / (m * (m - 1)) for row in counts) / n
    shares = {s: sum(row.get(s, 0) for row in counts) / (n * m) for s in categories}
    chance = sum(p * p for p in shares.values())
    return _ratio(observed - chance, 1 - chance)


def fleiss_status_kappa(rows: Sequence[Row], status: Category) -> float | None:
    """Fleiss' kappa for one status: 1 - sum n(m-n) / (N m (m-1) p q)."""
    if not rows:
        return None
    m = len(rows[0])
    _check(rows, m)
    n = len(rows)
    counts = [sum(1 for x in row if x is status) for row in rows]
    p = sum(counts) / (n * m)
    den = n * m * (m - 1) * p * (1 - p)
    if den == 0:
        return None
    return 1 - sum(c * (m - c) for c in counts) / den


def specific_agreement(rows: Sequence[Row], status: Category) -> float | None:
    """Given one reviewer chose `status`, the chance that another reviewer did too."""
    if not rows:
        return None
    m = len(rows[0])
    _check(rows, m)
    counts = [sum(1 for x in row if x is status) for row in rows]
    return _ratio(sum(c * (c - 1) for c in counts), sum(c * (m - 1) for c in counts))


def measure(
    reviewers: Sequence[str],
    rows: Sequence[Row],
    categories: Sequence[Category] = VERDICTS,
    unit: str = "claims",
) -> Agreement:
    """Every figure for `rows` (one status per reviewer, in `reviewers` order; or one
    relation, with `categories` the relations and `unit` "pairs")."""
    reviewers = tuple(reviewers)
    _check(rows, len(reviewers))
    two = len(reviewers) == 2
    per_status = tuple(
        StatusAgreement(
            status=s,
            used=sum(1 for row in rows for x in row if x is s),
            specific=specific_agreement(rows, s),
            kappa=cohen_kappa(rows, s) if two else fleiss_status_kappa(rows, s),
        )
        for s in categories
    )
    return Agreement(
        reviewers=reviewers,
        claims=len(rows),
        agreed=sum(1 for row in rows if len(set(row)) == 1),
        kappa=cohen_kappa(rows) if two else fleiss_kappa(rows, categories),
        per_status=per_status,
        unit=unit,
    )


def _fmt(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.1f}%" if percent else f"{value:.3f}"


def summary_lines(agreement: Agreement) -> list[str]:
    """The figures as short lines for a terminal (one per line, no trailing newline)."""
    a = agreement
    percent = "n/a" if a.percent is None else f"{a.percent:.1f}%"
    what = (
        f"{a.claims} claims decided" if a.unit == "claims" else f"{a.claims} pairs of claims linked"
    )
    lines = [
        f"{'agreement' if a.unit == 'claims' else 'agreement on links'} over {what} by all "
        f"{len(a.reviewers)} reviewers ({', '.join(a.reviewers)}): {percent} agreed, "
        f"{a.method} {_fmt(a.kappa)}"
    ]
    for s in a.per_status:
        lines.append(
            f"  {s.status.value}: chosen {s.used} times, specific agreement "
            f"{_fmt(s.specific, percent=True)}, kappa {_fmt(s.kappa)}"
        )
    return lines
