"""The suggestion tier on labelled stories: what it recovers and how much of it is useful.

For the seeds (the seed pairs of tests/data/matching/pairs.toml) and each story of
tests/data/judgement/stories/ (five articles each, with `[[same]]` and `[[different]]` pairs
in labels.toml), the whole corpus is matched as the app matches it, and the report gives:

- the match tier on the labelled pairs (precision, recall, F1; the seeds only: the stories
  label same-fact pairs far more densely than near misses, so their precision means little);
- the same-fact pairs the match tier misses that a suggestion recovers, and the same-fact
  pairs held by matches and suggestions together;
- every suggestion, judged: same fact when it is a labelled `[[same]]` pair or labelled
  `same` in tests/data/matching/suggestions.toml (a hand-labelled sample of suggestions:
  `same`, `related`: the same event and subject, worth a look, or `unrelated`), different
  when labelled `[[different]]`; the share of the judged ones that are same-fact or
  related, and how many are not judged yet.

Run: python -m tests.eval_suggestions
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from tui.analysis.pipeline import segment_corpus  # noqa: E402
from tui.claims.units import Unit  # noqa: E402
from tui.config import MatchSettings  # noqa: E402
from tui.corpus.articles import load_corpus  # noqa: E402
from tui.matching.matcher import Tier, match_claims  # noqa: E402

SEEDS = ROOT / "seeds"
PAIRS = ROOT / "tests" / "data" / "matching" / "pairs.toml"
STORIES = ROOT / "tests" / "data" / "judgement" / "stories"
SAMPLE = ROOT / "tests" / "data" / "matching" / "suggestions.toml"
Pair = tuple[str, str]


@dataclass
class Story:
    name: str
    claims: list[Unit]
    same: set[Pair]
    different: set[Pair]


def _key(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _find(claims: list[Unit], text: str, where: str) -> str:
    found = [c.id for c in claims if text in c.text]
    if not found:
        raise LookupError(f"{where}: no claim contains {text[:60]!r}")
    return found[0]


def _seeds() -> Story:
    from tests.eval_matching import _locate

    units = list(segment_corpus(load_corpus([SEEDS])).claims)
    same: set[Pair] = set()
    different: set[Pair] = set()
    for p in tomllib.loads(PAIRS.read_text(encoding="utf-8"))["pair"]:
        if "sentence" in p["a"] or "sentence" in p["b"]:
            continue  # a written pair: not part of the seed corpus
        a, b = _locate(p["a"], units, []), _locate(p["b"], units, [])
        if a.is_claim and b.is_claim:
            (same if p["same"] else different).add(_key(a.id, b.id))
    return Story("seeds", [c for c in units if c.is_claim], same, different)


def _story(folder: Path) -> Story:
    claims = [c for c in segment_corpus(load_corpus([folder])).claims if c.is_claim]
    labels = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
    pairs: dict[str, set[Pair]] = {"same": set(), "different": set()}
    for kind, found in pairs.items():
        for p in labels.get(kind, []):
            found.add(_key(_find(claims, p["a"], folder.name), _find(claims, p["b"], folder.name)))
    return Story(folder.name, claims, pairs["same"], pairs["different"])


def stories() -> list[Story]:
    return [_seeds(), *(_story(d) for d in sorted(STORIES.iterdir()) if d.is_dir())]


def _sample(story: Story) -> dict[Pair, str]:
    if not SAMPLE.exists():
        return {}
    out: dict[Pair, str] = {}
    for s in tomllib.loads(SAMPLE.read_text(encoding="utf-8")).get("suggestion", []):
        if s["story"] != story.name:
            continue
        try:
            key = _key(_find(story.claims, s["a"], story.name), _find(story.claims, s["b"], ""))
        except LookupError:
            continue  # segmentation changed: that label no longer names a pair
        out[key] = s["label"]
    return out


def judge(story: Story, settings: MatchSettings) -> dict[str, int]:
    result = match_claims(story.claims, settings)
    matched = {(m.a, m.b) for m in result.matches if m.tier is Tier.MATCH}
    offered = {(m.a, m.b) for m in result.matches if m.tier is Tier.SUGGESTION}
    sample = _sample(story)
    labels = [
        "same"
        if p in story.same
        else "unrelated"
        if p in story.different
        else sample.get(p, "unjudged")
        for p in offered
    ]
    return {
        "labelled same": len(story.same),
        "labelled different": len(story.different),
        "tp": len(matched & story.same),
        "fp": len(matched & story.different),
        "suggestions": len(offered),
        "recovered": len(offered & story.same),
        "wrongly suggested": len(offered & story.different),
        "same": labels.count("same"),
        "related": labels.count("related"),
        "unrelated": labels.count("unrelated"),
        "unjudged": labels.count("unjudged"),
    }


def report(settings: MatchSettings | None = None) -> dict[str, dict[str, int]]:
    settings = settings or MatchSettings()
    print("suggestion tier (one mutual-best counterpart per claim and other article):")
    results = {story.name: judge(story, settings) for story in stories()}
    total = {k: sum(r[k] for r in results.values()) for k in next(iter(results.values()))}
    for name, r in [*results.items(), ("all", total)]:
        held = r["tp"] + r["recovered"]
        judged = r["same"] + r["related"] + r["unrelated"]
        useful = (r["same"] + r["related"]) / judged if judged else 0.0
        line = (
            f"  {name:12s} same-fact pairs {r['labelled same']:3d}: matched {r['tp']:3d},"
            f" recovered by suggestions {r['recovered']:2d}, held by both {held:3d};"
            f" suggestions {r['suggestions']:3d} ({r['same']} same fact, {r['related']} related,"
            f" {r['unrelated']} unrelated, {r['unjudged']} not judged: {useful:.0%} useful)"
        )
        print(line)
    seeds = results["seeds"]
    precision = seeds["tp"] / (seeds["tp"] + seeds["fp"]) if seeds["tp"] + seeds["fp"] else 1.0
    recall = seeds["tp"] / seeds["labelled same"]
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"  seeds, match tier on the {seeds['labelled same'] + seeds['labelled different']}"
        f" seed pairs: precision {precision:.3f}  recall {recall:.3f}  f1 {f1:.3f}"
    )
    return results


def main() -> int:
    report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
