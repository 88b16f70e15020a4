"""Quality of claim extraction on the labelled development set under tests/data/claims/.

Each JSON file lists an article's units in order as [kind, text]; texts are located in the
article one after another, which gives the gold offsets. Figures printed:

- segmentation: share of gold units reproduced exactly (same start and end), share of
  predicted units that are gold units, and sentences broken right after an abbreviation;
- classifier: precision, recall and F1 of "claim" (positive) against every other kind,
  furniture or comments offered as claims, and the four-way kind accuracy.

Run: `python tests/eval_claims.py` or `python -m tests.eval_claims`.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `tui` importable
    sys.path.insert(0, str(ROOT))

from tui.claims.units import Unit, extract_claims  # noqa: E402
from tui.corpus.articles import Article  # noqa: E402
from tui.corpus.document import decode_bytes  # noqa: E402

DEV = Path(__file__).resolve().parent / "data" / "claims"
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Z][a-z]{0,4}\.)$")


@dataclass(frozen=True, slots=True)
class GoldUnit:
    start: int
    end: int
    kind: str
    text: str


def _source(entry: Path, data: dict[str, Any]) -> Path:
    if "source" in data:
        return ROOT / str(data["source"])
    return entry.with_suffix(".txt")


def load_dev_set() -> list[tuple[Article, list[GoldUnit]]]:
    """Every labelled article with its gold units, offsets found in order."""
    cases = []
    for entry in sorted(DEV.rglob("*.json")):
        data = json.loads(entry.read_text(encoding="utf-8"))
        path = _source(entry, data)
        text, _ = decode_bytes(path.read_bytes())
        gold, cursor = [], 0
        for kind, unit in data["units"]:
            start = text.find(unit, cursor)
            if start < 0:
                raise ValueError(f"{entry.name}: unit not found in order: {unit!r}")
            gold.append(GoldUnit(start, start + len(unit), kind, unit))
            cursor = start + len(unit)
        cases.append((Article(path.stem, path, path.stem, text, ""), gold))
    return cases


def _predicted_kind(unit: GoldUnit, predicted: list[Unit]) -> str:
    """Kind of the predicted unit that overlaps the gold unit most."""
    best, overlap = "none", 0
    for c in predicted:
        size = min(c.end, unit.end) - max(c.start, unit.start)
        if size > overlap:
            best, overlap = str(c.kind), size
    return best


def evaluate() -> dict[str, Any]:
    tp = fp = fn = tn = 0
    gold_units = exact = predicted_units = kinds_right = 0
    abbreviation_breaks: list[str] = []
    leaks: list[str] = []  # furniture or comments offered as claims
    missed: list[str] = []  # claims not offered
    for article, gold in load_dev_set():
        predicted = extract_claims(article)
        gold_spans = {(g.start, g.end) for g in gold}
        gold_ends = {g.end for g in gold}
        gold_units += len(gold)
        predicted_units += len(predicted)
        exact += sum((c.start, c.end) in gold_spans for c in predicted)
        for c in predicted:
            if c.end not in gold_ends and _ABBREVIATION_END.search(c.text):
                abbreviation_breaks.append(f"{article.id}: {c.text[-40:]!r}")
        for g in gold:
            kind = _predicted_kind(g, predicted)
            kinds_right += kind == g.kind
            if g.kind == "claim":
                if kind == "claim":
                    tp += 1
                else:
                    fn += 1
                    missed.append(f"{article.id}: [{kind}] {g.text[:70]!r}")
            elif kind == "claim":
                fp += 1
                leaks.append(f"{article.id}: [{g.kind}] {g.text[:70]!r}")
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(load_dev_set()),
        "gold_units": gold_units,
        "predicted_units": predicted_units,
        "boundary_recall": exact / gold_units if gold_units else 1.0,
        "boundary_precision": exact / predicted_units if predicted_units else 1.0,
        "abbreviation_breaks": abbreviation_breaks,
        "claim_precision": precision,
        "claim_recall": recall,
        "claim_f1": f1,
        "kind_accuracy": kinds_right / gold_units if gold_units else 1.0,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "non_claims_offered": leaks,
        "claims_missed": missed,
    }


def main() -> None:
    r = evaluate()
    print(f"claims dev set: {r['articles']} articles, {r['gold_units']} gold units")
    print(
        f"segmentation   exact units: recall {r['boundary_recall']:.3f}  "
        f"precision {r['boundary_precision']:.3f}  "
        f"abbreviation breaks {len(r['abbreviation_breaks'])}"
    )
    print(
        f"claim vs not   precision {r['claim_precision']:.3f}  recall {r['claim_recall']:.3f}  "
        f"F1 {r['claim_f1']:.3f}  (kind accuracy {r['kind_accuracy']:.3f}; {r['confusion']})"
    )
    for title, rows in (
        ("sentences broken after an abbreviation", r["abbreviation_breaks"]),
        ("furniture or comments offered as claims", r["non_claims_offered"]),
        ("claims not offered", r["claims_missed"]),
    ):
        if rows:
            print(f"{title}:")
            for row in rows:
                print(f"  {row}")


if __name__ == "__main__":
    main()
