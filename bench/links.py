"""The reviewer's links: the size of a verdict file holding 1,000 of them, and the time to
apply links to the seeds' analysis, against the baseline of applying none (the same
LinkedAnalysis built over the machine's matches) measured in the same run. Prints one JSON
line; asserts nothing.

    python bench/links.py [--links 1000] [--repeat 100]

- file: 1,000 links between random pairs of the seeds' claims (relations in turn, a note on
  every tenth), written with the writer every save uses; bytes in all and per link, and the
  time to read it back;
- apply: `apply_links` over the seeds' analysis with the links of a plausible review (every
  machine match confirmed or rejected in turn, every suggestion confirmed, 20 pairs the
  machine never offered linked), median of `--repeat` runs; the baseline (no links)
  likewise, and their ratio; and the same with the 1,000 random links, the first run apart
  (the scores of pairs the machine never offered are computed then, and kept);
- session: a confirm and its undo in a Session over the seeds (`Session.link` +
  `Session.undo`: the analysis linked again twice), median of `--repeat`; a split of the
  longest claim and its undo (the article cut and matched again against the corpus, then
  the machine's units back: two incremental matchings), likewise.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.pipeline import Analysis, analyse  # noqa: E402
from tui.config import MatchSettings  # noqa: E402
from tui.matching.matcher import Tier  # noqa: E402
from tui.review import links as links_module  # noqa: E402
from tui.review.links import apply_links  # noqa: E402
from tui.review.placement import place  # noqa: E402
from tui.review.session import Session  # noqa: E402
from tui.verdicts.model import Link, Relation, VerdictSet, make_anchor  # noqa: E402
from tui.verdicts.reader import loads  # noqa: E402
from tui.verdicts.writer import dumps  # noqa: E402

T0 = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)


def link(analysis: Analysis, a: str, b: str, relation: Relation, n: int) -> Link:
    ca, cb = analysis.claim(a), analysis.claim(b)
    return Link.of(
        make_anchor(analysis.article(ca.article), ca),
        make_anchor(analysis.article(cb.article), cb),
        relation,
        T0 + timedelta(seconds=n),
        "bench",
        "checked against the wire copy" if n % 10 == 0 else "",
    )


def random_links(analysis: Analysis, count: int, rng: random.Random) -> list[Link]:
    claims = [c for c in analysis.claims if c.is_claim]
    relations = list(Relation)
    seen: set[tuple[str, str]] = set()
    out: list[Link] = []
    while len(out) < count:
        a, b = rng.sample(claims, 2)
        pair = (min(a.id, b.id), max(a.id, b.id))
        if a.article == b.article or pair in seen:
            continue
        seen.add(pair)
        out.append(link(analysis, a.id, b.id, relations[len(out) % 3], len(out)))
    return out


def review_links(analysis: Analysis, rng: random.Random) -> list[Link]:
    out: list[Link] = []
    for n, m in enumerate(analysis.matches):
        if m.tier is Tier.MATCH:
            relation = Relation.SAME if n % 2 else Relation.DIFFERENT
        else:
            relation = Relation.SAME
        out.append(link(analysis, m.a, m.b, relation, n))
    paired = {(m.a, m.b) for m in analysis.matches}
    extra = [k for k in random_links(analysis, 200, rng) if k.pair not in paired][:20]
    return out + extra


def median_ms(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(15)
    settings = MatchSettings()
    analysis = analyse([ROOT / "seeds"], settings)
    many = random_links(analysis, args.links, rng)
    text = dumps(VerdictSet("bench", "seeds", links=tuple(many)))
    start = time.perf_counter()
    loads(text, Path("bench.toml"))
    read_s = time.perf_counter() - start
    plausible = review_links(analysis, rng)
    baseline = median_ms(lambda: apply_links(analysis, (), settings), args.repeat)
    reviewed = median_ms(lambda: apply_links(analysis, plausible, settings), args.repeat)
    links_module._EVIDENCE.clear()
    cold = median_ms(lambda: apply_links(analysis, many, settings), 1)  # nothing cached
    crowded = median_ms(lambda: apply_links(analysis, many, settings), args.repeat)
    placement = place(VerdictSet("bench", "seeds"), analysis, settings)
    session = Session(placement.analysis, placement.verdict_set, settings=settings)
    m = next(m for m in analysis.matches if m.tier is Tier.MATCH)
    session.move_to(m.a)

    def confirm_and_undo() -> None:
        session.link(m.a, m.b, Relation.SAME)
        session.undo()

    toggle = median_ms(confirm_and_undo, args.repeat)
    longest = max(session.claims(), key=lambda c: len(c.text))
    session.move_to(longest.id)
    at = session.cut_points()[len(session.cut_points()) // 2]

    def split_and_undo() -> None:
        session.move_to(longest.id)
        session.split(at)
        session.undo()

    cut = median_ms(split_and_undo, args.repeat)
    figures = {
        "claims": len(analysis.claims),
        "machine_matches": len(analysis.matches),
        "file_links": args.links,
        "file_bytes": len(text.encode()),
        "file_bytes_per_link": round(len(text.encode()) / args.links),
        "file_read_s": round(read_s, 3),
        "apply_no_links_ms": baseline,
        "apply_review_links": len(plausible),
        "apply_review_links_ms": reviewed,
        "apply_review_ratio": round(reviewed / baseline, 2) if baseline else None,
        "apply_random_links_first_ms": cold,
        "apply_random_links_ms": crowded,
        "apply_random_ratio": round(crowded / baseline, 2) if baseline else None,
        "session_confirm_and_undo_ms": toggle,
        "session_split_and_undo_ms": cut,
        "repeat": args.repeat,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
