"""Precision, recall and F1 of the matcher on the labelled pairs in tests/data/matching/.

A pair counts as predicted "same fact" when the matcher puts it in the `match` tier. The
`suggestion` tier is a counterpart offered to the reviewer, not a claim that the two
sentences agree, so a suggested pair counts as not matched (tests/eval_suggestions.py
measures that tier). Seed sentences are found by article id and
a substring, whatever the segmenter makes of the rest of the article; all seed claims are
matched together, as the app does, so a pair is judged in the company of every other claim.

Run: python tests/eval_matching.py
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from tests import eval_suggestions  # noqa: E402
from tui.analysis.pipeline import segment_corpus  # noqa: E402
from tui.claims.quantities import find_figures, lexicon  # noqa: E402
from tui.claims.units import Kind, Unit  # noqa: E402
from tui.config import MatchSettings  # noqa: E402
from tui.corpus.articles import load_corpus  # noqa: E402
from tui.matching.matcher import Tier, match_claims, similarity  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "matching" / "pairs.toml"
# Never tuned on: tells whether what was chosen on PAIRS generalises.
HELDOUT = ROOT / "tests" / "data" / "matching" / "heldout.toml"
SEEDS = ROOT / "seeds"


@dataclass(frozen=True, slots=True)
class Judged:
    a: str
    b: str
    same: bool
    predicted: bool
    score: float


def _locate(side: dict[str, Any], units: list[Unit], written: list[Unit]) -> Unit:
    if "sentence" in side:
        n, text = len(written), side["sentence"]
        dates, numbers = find_figures(text, lexicon(text))  # as claim extraction does
        claim = Unit(f"dev-{n:03d}:0", f"dev-{n:03d}", text, 0, len(text), Kind.CLAIM, 0,
                      tuple(numbers), tuple(dates))  # fmt: skip
        written.append(claim)
        return claim
    article, text = side["article"], side["text"]
    found = [c for c in units if c.article == article and text in c.text]
    if not found:
        # Segmentation cut the substring: take the unit where it starts.
        found = [c for c in units if c.article == article and _starts_in(c, text, units)]
    if not found:
        raise LookupError(f"{article}: no sentence contains {text!r}")
    return found[0]


def _starts_in(claim: Unit, text: str, units: list[Unit]) -> bool:
    head = text.split()[0]
    return claim.text.rstrip().endswith(head) or f" {head} " in f" {claim.text} "


def evaluate(settings: MatchSettings | None = None, path: Path = PAIRS) -> dict[str, Any]:
    """Judge every labelled pair; returns counts, precision, recall, f1 and the errors."""
    settings = settings or MatchSettings()
    pairs = tomllib.loads(path.read_text(encoding="utf-8"))["pair"]
    units = list(segment_corpus(load_corpus([SEEDS])).claims)
    written: list[Unit] = []
    located = [(_locate(p["a"], units, written), _locate(p["b"], units, written), p) for p in pairs]
    result = match_claims([*units, *written], settings)
    matched = {(m.a, m.b) for m in result.matches if m.tier is Tier.MATCH}
    scored = {(m.a, m.b): m.score for m in result.matches}
    judged: list[Judged] = []
    skipped = 0
    for a, b, p in located:
        if not (a.is_claim and b.is_claim):
            skipped += 1  # the segmenter says one side is not a claim: nothing to match
            continue
        key = (min(a.id, b.id), max(a.id, b.id))
        score = scored.get(key, similarity(a.text, b.text))  # not listed: lexical only
        judged.append(Judged(a.text, b.text, bool(p["same"]), key in matched, score))
    tp = sum(j.same and j.predicted for j in judged)
    fp = sum(j.predicted and not j.same for j in judged)
    fn = sum(j.same and not j.predicted for j in judged)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": len(judged),
        "skipped": skipped,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "errors": [j for j in judged if j.same != j.predicted],
        "judged": judged,
    }


def report(title: str, r: dict[str, Any], errors: bool = True) -> None:
    print(f"{title}: {r['pairs']} labelled pairs ({r['skipped']} skipped: not claims)")
    print(f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  f1 {r['f1']:.3f}")
    print(f"  tp {r['tp']}  fp {r['fp']}  fn {r['fn']}")
    if not errors:
        return
    for j in r["errors"]:
        label = "missed" if j.same else "false match"
        print(f"  {label} ({j.score:.1f}): {j.a[:70]!r} / {j.b[:70]!r}")


def main() -> int:
    report("development set (pairs.toml)", evaluate())
    # Only the figures: the held-out pairs the matcher gets wrong are not listed, so nobody
    # is tempted to tune a rule on them (pass --errors to see them anyway).
    report(
        "held-out set (heldout.toml, never tuned on)",
        evaluate(path=HELDOUT),
        errors="--errors" in sys.argv[1:],
    )
    eval_suggestions.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
