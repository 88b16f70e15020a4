"""The whole `crosscheck match --format json` command on a synthetic corpus written as files:
loading, segmentation, matching and output, in a fresh process each run. Prints one JSON
line; asserts nothing.

    python bench/command_scale.py [--claims 40000] [--seed 0]

Runs, each timed from spawn to exit with the child's own peak memory (os.wait4):
- baseline: a Python process that reads every file and writes their text as one JSON
  document (the floor for loading and output, same interpreter);
- --no-cache;
- cold cache (an empty cache folder), then warm (the same corpus again);
- one article added to the corpus after the warm run (incremental).
The claims the segmenter finds are counted in the output (the generator wrote `--claims`
sentences).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate  # noqa: E402

CROSSCHECK = Path(sys.executable).parent / "crosscheck"

BASELINE = """
import json, sys
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.txt"))
texts = [{"path": str(p), "text": p.read_text(encoding="utf-8")} for p in files]
sys.stdout.write(json.dumps(texts, ensure_ascii=False, separators=(",", ":")))
"""


def timed(command: list[str], out: Path) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of one child process, stdout to `out`."""
    with out.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def write_corpus(folder: Path, n_claims: int, seed: int) -> tuple[int, int]:
    articles = generate(n_claims, seed=seed)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text + "\n", encoding="utf-8")
    return len(articles), sum(len(a.sentences) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        n_articles, sentences = write_corpus(corpus, args.claims, args.seed)
        megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        config = tmp_path / "config.toml"
        config.write_text(f'[cache]\ndir = "{(tmp_path / "cache").as_posix()}"\n')
        out = tmp_path / "out.json"
        match = [str(CROSSCHECK), "match", "--format", "json", "--config", str(config)]

        figures: dict[str, object] = {
            "articles": n_articles,
            "sentences": sentences,
            "megabytes": megabytes,
        }
        runs = {
            "baseline": [sys.executable, "-c", BASELINE, str(corpus)],
            "no_cache": [*match, "--no-cache", str(corpus)],
            "cold": [*match, str(corpus)],
            "warm": [*match, str(corpus)],
        }
        for name, command in runs.items():
            seconds, peak, status = timed(command, out)
            figures[name] = {"s": seconds, "peak_mb": peak, "status": status}
            if name == "no_cache":
                doc = json.loads(out.read_bytes())
                figures["units"] = len(doc["claims"])
                figures["claims_found"] = sum(1 for c in doc["claims"] if c["kind"] == "claim")
                figures["matches"] = len(doc["matches"])
                reference = out.read_bytes()
            elif name in ("cold", "warm"):
                figures[name]["same_output"] = out.read_bytes() == reference  # type: ignore[index]
        extra = generate(80, seed=args.seed + 1)[0]
        (corpus / "zz-added.txt").write_text(extra.text + "\n", encoding="utf-8")
        seconds, peak, status = timed([*match, str(corpus)], out)
        figures["added_one"] = {"s": seconds, "peak_mb": peak, "status": status}
        seconds, peak, status = timed([*match, "--no-cache", str(corpus)], tmp_path / "ref.json")
        figures["added_one_no_cache"] = {"s": seconds, "peak_mb": peak, "status": status}
        figures["added_one"]["same_output"] = (  # type: ignore[index]
            out.read_bytes() == (tmp_path / "ref.json").read_bytes()
        )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
