"""Precision and recall of figure conflicts on the labelled sets in tests/data/judgement/.

1. conflicts.toml: labelled figure pairs, each two claims as two articles on one story would
   word them. A pair is predicted a conflict when crosscheck lists any conflict between the
   two claims as it does for a match (`tui.matching.conflicts.scoped_conflicts`, the pair read
   as a corpus of its own: no publication date, no other article). Only
   kind "same_quantity_disagree" is a conflict. The set is split by story, once, before any
   rule was tuned on it: DEV_STORIES may be read while improving the rules, the others are
   held out (their errors are printed only with --errors).
2. The story corpora in tests/data/judgement/stories/*/: the whole pipeline runs on each
   folder, as `crosscheck match` does, and every conflict it lists is judged against the
   folder's labels.toml: a labelled [[conflict]] pair is right; a conflict that involves an
   [[other_event]] sentence or a [[different]] pair is a dispute resting on another event or
   another quantity (the target is none); any other listed conflict is a false one
   (labels.toml lists some pairs only: an unlisted pair may be a true conflict). The
   suggested verdicts are read as `crosscheck match --format json` gives them: a claim
   suggested "disputed" whose conflicting evidence is all on another event or another
   quantity is counted (the target is none).

Run: python -m tests.eval_conflicts [--errors]
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from tui.analysis.pipeline import Analysis, analyse  # noqa: E402
from tui.claims.quantities import find_figures, lexicon  # noqa: E402
from tui.claims.units import Kind, Unit  # noqa: E402
from tui.config import MatchSettings  # noqa: E402
from tui.matching.conflicts import scoped_conflicts  # noqa: E402
from tui.matching.matcher import Tier  # noqa: E402
from tui.matching.scope import story_scope  # noqa: E402
from tui.review.match_json import match_document  # noqa: E402

LABELS = ROOT / "tests" / "data" / "judgement" / "conflicts.toml"
STORIES = ROOT / "tests" / "data" / "judgement" / "stories"
# Every third story in alphabetical order (chemical, court, earthquake, ...), starting with
# the third, is held out; chosen before any output was looked at.
HELDOUT_STORIES = frozenset({"earthquake", "merger", "storm"})


@dataclass(frozen=True, slots=True)
class Judged:
    story: str
    kind: str
    a: str
    b: str
    conflict: bool  # the label
    predicted: bool
    listed: tuple[str, ...]  # what crosscheck lists, for the reader


def sentence_claim(text: str, n: int) -> Unit:
    """A claim as claim extraction makes it, alone in an article of its own."""
    dates, numbers = find_figures(text, lexicon(text))
    article = f"pair-{n}"
    return Unit(f"{article}:0", article, text, 0, len(text), Kind.CLAIM, 0,
                 tuple(numbers), tuple(dates))  # fmt: skip


def judge_pairs(path: Path = LABELS) -> list[Judged]:
    out = []
    for n, p in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["pair"]):
        a, b = sentence_claim(p["a"], 2 * n), sentence_claim(p["b"], 2 * n + 1)
        found = scoped_conflicts(a, b, story_scope([a, b]))
        listed = tuple(f"{c.subject}: {c.a} / {c.b}" for c in found)
        out.append(Judged(p["story"], p["kind"], p["a"], p["b"], bool(p["conflict"]),
                          bool(found), listed))  # fmt: skip
    return out


def scores(judged: list[Judged]) -> dict[str, Any]:
    tp = sum(j.conflict and j.predicted for j in judged)
    fp = sum(j.predicted and not j.conflict for j in judged)
    fn = sum(j.conflict and not j.predicted for j in judged)
    return {
        "pairs": len(judged),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


def _line(title: str, r: dict[str, Any]) -> None:
    print(
        f"{title}: {r['pairs']} pairs  precision {r['precision']:.3f}  recall {r['recall']:.3f}"
        f"  (tp {r['tp']}  fp {r['fp']}  fn {r['fn']})"
    )


def report_pairs(judged: list[Judged], errors: bool) -> None:
    dev = [j for j in judged if j.story not in HELDOUT_STORIES]
    held = [j for j in judged if j.story in HELDOUT_STORIES]
    _line("conflicts.toml, development stories", scores(dev))
    _line(f"conflicts.toml, held-out stories ({', '.join(sorted(HELDOUT_STORIES))})", scores(held))
    _line("conflicts.toml, all", scores(judged))
    wrong = Counter(j.kind for j in judged if j.conflict != j.predicted)
    if wrong:
        print("  wrong by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(wrong.items())))
    for j in dev + (held if errors else []):
        if j.conflict != j.predicted:
            label = "missed" if j.conflict else f"false ({j.kind})"
            print(f"  {label} [{j.story}]: {j.a[:60]!r} / {j.b[:60]!r} -> {list(j.listed)}")


# ---- story corpora -----------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class StoryResult:
    story: str
    listed: int  # matches with a conflict
    right: int  # labelled [[conflict]] pairs listed
    labelled: int  # labelled [[conflict]] pairs
    labelled_matched: int  # of which the matcher matches
    wrong_scope: list[str]  # conflicts on another event or another quantity
    false: list[str]  # other conflicts not labelled
    missed: list[str]
    disputed: int  # claims suggested "disputed"
    wrong_disputed: list[str]  # ... resting only on another event or another quantity


def judge_story(folder: Path, settings: MatchSettings | None = None) -> StoryResult:
    labels = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
    settings = settings or MatchSettings()
    analysis = analyse([folder], settings)
    claims = [(_norm(c.text), c.id) for c in analysis.claims if c.is_claim]

    def find(sentence: str) -> str | None:
        """The claim that holds the labelled sentence (a dateline may open the claim)."""
        text = _norm(sentence)
        return next((cid for t, cid in claims if text in t), None)

    def ids(a: str, b: str) -> frozenset[str] | None:
        x, y = find(a), find(b)
        return frozenset((x, y)) if x and y else None

    conflict_pairs = {
        pair for p in labels.get("conflict", []) if (pair := ids(p["a"], p["b"])) is not None
    }
    other = {find(p["text"]) for p in labels.get("other_event", [])} - {None}
    different = {ids(p["a"], p["b"]) for p in labels.get("different", [])} - {None}
    matched = {frozenset((m.a, m.b)) for m in analysis.matches if m.tier is Tier.MATCH}
    listed = [m for m in analysis.matches if m.conflicts]
    wrong_scope, false = [], []
    right = 0
    for m in listed:
        pair = frozenset((m.a, m.b))
        what = _describe(analysis, m.a, m.b, [f"{c.a} / {c.b}" for c in m.conflicts])
        if pair in conflict_pairs:
            right += 1
        elif pair in different or pair & other:
            wrong_scope.append(what)
        else:
            false.append(what)
    listed_pairs = {frozenset((m.a, m.b)) for m in listed}
    missed = [
        _describe(analysis, min(p), max(p), []) + ("" if p in matched else " (not matched)")
        for p in conflict_pairs - listed_pairs
    ]
    # The suggested verdicts, as `crosscheck match --format json` gives them.
    disputed, wrong_disputed = 0, []
    for item in match_document(analysis, settings)["claims"]:
        suggestion = item.get("suggestion") or {}
        if suggestion.get("verdict") != "disputed":
            continue
        disputed += 1
        rests_on = [frozenset((item["id"], e["claim"])) for e in suggestion["evidence"]
                    if e.get("conflicts")]  # fmt: skip
        if all(p in different or p & other for p in rests_on):
            wrong_disputed.append(f"{item['text'][:60]!r}")
    return StoryResult(folder.name, len(listed), right, len(conflict_pairs),
                       len(conflict_pairs & matched), wrong_scope, false, missed,
                       disputed, wrong_disputed)  # fmt: skip


def _describe(analysis: Analysis, a: str, b: str, conflicts: list[str]) -> str:
    ta, tb = analysis.claim(a).text, analysis.claim(b).text
    return f"{ta[:60]!r} / {tb[:60]!r} {conflicts if conflicts else ''}".rstrip()


def story_folders() -> list[Path]:
    return sorted(p for p in STORIES.iterdir() if (p / "labels.toml").is_file())


def report_stories(errors: bool) -> None:
    for folder in story_folders():
        r = judge_story(folder)
        precision = r.right / r.listed if r.listed else 1.0
        recall = r.right / r.labelled if r.labelled else 1.0
        print(
            f"story {r.story}: {r.listed} conflicts listed, {r.right} of {r.labelled} labelled"
            f" conflicts ({r.labelled_matched} matched)  precision {precision:.2f}"
            f"  recall {recall:.2f}; on another event or quantity: {len(r.wrong_scope)};"
            f" other false: {len(r.false)}; {r.disputed} claims suggested disputed,"
            f" {len(r.wrong_disputed)} of them only on another event or quantity"
        )
        for line in r.wrong_disputed:
            print(f"  disputed on another event or quantity: {line}")
        for line in r.wrong_scope:
            print(f"  another event or quantity: {line}")
        for line in r.false if errors else []:
            print(f"  false: {line}")
        for line in r.missed if errors else []:
            print(f"  missed: {line}")


def main() -> int:
    errors = "--errors" in sys.argv[1:]
    report_pairs(judge_pairs(), errors)
    report_stories(errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
