"""Precision and recall of attribution on the labelled sentences in tests/data/judgement/.

Each sentence of attribution.toml carries `source` (the span naming who the claim comes
from, "" for none) and `also` (other acceptable spans). A prediction is compared with them
case-insensitively, after trimming whitespace and punctuation at both ends and a leading
"the"/"a"/"an" on both sides (the labels list such variants anyway).

Scoring is strict: a span counts only when it equals the label or one of `also`. A partial
or longer span ("Kemal Ozbay" where only "Interior Minister Kemal Ozbay" is listed, or
"his body" where the label is "") is wrong:
- true positive: a source is labelled and the prediction equals an accepted span;
- false positive: a non-empty prediction that is not an accepted span (a fragment where no
  source exists, or the wrong or a cut span where one does);
- miss: a source is labelled and the prediction is not an accepted span ("" or wrong), so
  a wrong span counts once against precision and once against recall.
precision = tp / non-empty predictions, recall = tp / labelled sources.

The set is split by story, once, before any rule was tuned on it: DEV_STORIES may be read
while improving the rules, the other five stories are held out (their errors are not
printed unless asked with --errors).

Run: python -m tests.eval_attribution [--errors]
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

from tui.claims.attribution import find_attribution  # noqa: E402

LABELS = ROOT / "tests" / "data" / "judgement" / "attribution.toml"
# Every other story in alphabetical order, chosen before any output was looked at.
DEV_STORIES = frozenset({"chemical", "earthquake", "ferry", "rates", "strike"})
_TRIM = " \t\n\"'“”‘’.,;:!?()[]–—-"
_ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True, slots=True)
class Judged:
    story: str
    text: str
    accepted: tuple[str, ...]  # empty: no source
    predicted: str
    correct: bool


def normal(span: str) -> str:
    """A span as compared: case-folded, trimmed, without a leading article."""
    span = " ".join(span.split()).strip(_TRIM).casefold()
    for article in _ARTICLES:
        if span.startswith(article):
            return span[len(article) :].strip(_TRIM)
    return span


def load(path: Path = LABELS) -> list[dict[str, Any]]:
    sentences: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["sentence"]
    return sentences


def judge(entry: dict[str, Any]) -> Judged:
    source = entry["source"]
    accepted = tuple(normal(s) for s in [source, *entry.get("also", [])]) if source else ()
    predicted = find_attribution(entry["text"])
    correct = normal(predicted) in accepted if accepted else not normal(predicted)
    return Judged(entry["story"], entry["text"], accepted, predicted, correct)


def evaluate(held_out: bool | None = None, path: Path = LABELS) -> dict[str, Any]:
    """Counts, precision and recall on the dev stories (held_out False), the held-out ones
    (True) or all (None)."""
    judged = [
        judge(e)
        for e in load(path)
        if held_out is None or (e["story"] not in DEV_STORIES) == held_out
    ]
    tp = sum(j.correct and bool(j.accepted) for j in judged)
    predicted = sum(bool(normal(j.predicted)) for j in judged)
    labelled = sum(bool(j.accepted) for j in judged)
    return {
        "sentences": len(judged),
        "stories": len({j.story for j in judged}),
        "labelled": labelled,
        "predicted": predicted,
        "tp": tp,
        "fp": predicted - tp,
        "fn": labelled - tp,
        "precision": tp / predicted if predicted else 1.0,
        "recall": tp / labelled if labelled else 1.0,
        "errors": [j for j in judged if not j.correct],
    }


def report(title: str, r: dict[str, Any], errors: bool = True) -> None:
    print(f"{title}: {r['sentences']} sentences, {r['stories']} stories, {r['labelled']} sources")
    print(f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}")
    print(f"  tp {r['tp']}  fp {r['fp']}  fn {r['fn']}")
    if not errors:
        return
    for j in r["errors"]:
        expected = j.accepted[0] if j.accepted else ""
        print(f"  got {j.predicted!r}, expected {expected!r}: {j.text[:90]!r}")


def main() -> int:
    show = "--errors" in sys.argv[1:]
    print("\n== attribution (tests/data/judgement/attribution.toml) ==")
    report("development stories", evaluate(held_out=False))
    # Only the figures for the held-out stories, so nobody tunes a rule on their sentences.
    report("held-out stories (never tuned on)", evaluate(held_out=True), errors=show)
    report("all stories", evaluate(), errors=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
