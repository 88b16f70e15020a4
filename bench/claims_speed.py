"""Claim extraction speed on a ~5 MB news-like corpus, against a plain regex tokenizer
timed in the same run. Prints figures; asserts nothing.

    python bench/claims_speed.py [--mb 5] [--runs 3]

The corpus is built deterministically from the seed articles and the claim test texts:
each copy gets its own figures (digits redrawn, years kept plausible) and its own names
(words that only ever appear capitalised are swapped for pseudo-names), so no cache keyed
on a sentence or a line can serve one copy from another.

Figures: `extract_claims` over every article, best and median of the runs, in CPU time
(`time.process_time`, robust to other work on the machine) and wall time; one pass of
`re.findall(r"\\w+", text)` over the same text as the baseline, and the ratio between them;
and `segment_corpus` (the pipeline's stage, over the same articles: units and the claims'
match tokens, on every core for a corpus this size) in wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.pipeline import segment_corpus  # noqa: E402
from tui.claims.units import extract_claims  # noqa: E402
from tui.corpus.articles import Article, Corpus  # noqa: E402

SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "claims" / "texts").glob("*.txt")
)
_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_SYLLABLES = ["ba", "ko", "ri", "te", "lu", "mo", "na", "si", "vo", "de", "ga", "pe", "zu"]


def _source_texts() -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in SOURCES]


def _names(texts: list[str]) -> list[str]:
    """Words that appear only capitalised in the sources: names, not sentence openers."""
    lower = {w for t in texts for w in re.findall(r"\b[a-z]+\b", t)}
    return sorted({w for t in texts for w in _CAPITALISED.findall(t) if w.lower() not in lower})


def _pseudo_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _redraw(rng: random.Random, digits: str) -> str:
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(1990, 2030))  # a year stays a year
    first = str(rng.randint(1, 9)) if len(digits) > 1 else str(rng.randint(0, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])


def _vary(text: str, names: list[str], rng: random.Random) -> str:
    swap = {n: _pseudo_name(rng) for n in names if rng.random() < 0.7}
    text = _NUMBER.sub(lambda m: _redraw(rng, m.group(0)), text)
    return _CAPITALISED.sub(lambda m: swap.get(m.group(0), m.group(0)), text)


def build_corpus(megabytes: float) -> list[Article]:
    """Varied copies of the source texts, round-robin, until the corpus reaches the size."""
    texts = _source_texts()
    names = _names(texts)
    rng = random.Random(20241123)
    articles: list[Article] = []
    size = 0
    while size < megabytes * 1e6:
        source = texts[len(articles) % len(texts)]
        text = _vary(source, names, rng)
        ident = f"a{len(articles):05d}"
        sha = hashlib.sha256(text.encode()).hexdigest()
        title = text.split("\n", 1)[0][:120]
        articles.append(Article(ident, Path(f"{ident}.txt"), title, text, sha))
        size += len(text.encode())
    return articles


def _timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (5)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (3)")
    args = parser.parse_args()

    articles = build_corpus(args.mb)
    megabytes = sum(len(a.text.encode()) for a in articles) / 1e6
    joined = "\n\n".join(a.text for a in articles)
    units = sum(len(extract_claims(a)) for a in articles)  # warm-up, and the unit count
    print(f"corpus: {len(articles)} articles, {megabytes:.2f} MB, {units} units")

    def extract_all() -> None:
        for article in articles:
            extract_claims(article)

    walls, cpus, base_walls, base_cpus = [], [], [], []
    for _ in range(args.runs):
        wall, cpu = _timed(extract_all)
        walls.append(wall)
        cpus.append(cpu)
        wall, cpu = _timed(lambda: re.findall(r"\w+", joined))
        base_walls.append(wall)
        base_cpus.append(cpu)
    for label, values in (("cpu", cpus), ("wall", walls)):
        best, median = min(values), statistics.median(values)
        print(
            f"extract_claims {label:4}: best {best:.2f} s ({megabytes / best:.2f} MB/s), "
            f"median {median:.2f} s ({megabytes / median:.2f} MB/s)"
        )
    base = min(base_cpus)
    print(
        f"baseline re.findall(r'\\w+') cpu: {base:.3f} s ({megabytes / base:.1f} MB/s); "
        f"extract_claims is {min(cpus) / base:.1f}x the baseline (cpu, best of each)"
    )
    corpus = Corpus(ROOT, tuple(articles))
    seg_walls = [_timed(lambda: segment_corpus(corpus))[0] for _ in range(args.runs)]
    print(
        "segment_corpus wall (units and match tokens, every core): "
        f"best {min(seg_walls):.2f} s ({megabytes / min(seg_walls):.2f} MB/s)"
        f", median {statistics.median(seg_walls):.2f} s"
    )


if __name__ == "__main__":
    main()
