"""`make bench`: every benchmark, each in fresh processes, as one compact report.

    python bench/run.py [--sizes 2000,20000,40000] [--command-claims 40000]
                        [--app-articles 500] [--skip claims_speed,startup]

1. Matching at scale (bench/match_scale.py, one process per size): crosscheck's time and
   peak memory, brute-force cdist with the same scorer (extrapolated from a timed sample of
   rows when a full run would pass two minutes), the ratio, recall against brute force,
   and difflib at the smallest size as the naive baseline.
2. The whole `crosscheck match --format json` command on a corpus written as files
   (bench/command_scale.py): no cache, cold cache, warm cache, one article added; against
   a process that only reads the files and writes them as JSON.
3. The app on a 500-article corpus in a pseudo-terminal (bench/app_scale.py), against a
   bare Textual app.
4. The existing scripts: bench/claims_speed.py and bench/startup.py.

Every figure comes with its baseline measured in the same run. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024**2:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cores} cores ({model}){memory}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def child(script: str, *args: str) -> dict:
    """Run a bench script in a fresh interpreter; its last stdout line is JSON."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"{script} {' '.join(args)} failed (exit {out.returncode})")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["_wall_s"] = time.perf_counter() - start
    return figures


def seconds(s: float) -> str:
    if s >= 3600:
        return f"{s / 3600:.1f} h"
    if s >= 60:
        return f"{s / 60:.1f} min"
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def matching_table(rows: list[dict]) -> None:
    print(
        "\n1. Matching (synthetic claims, in-process match_claims;"
        " brute force = cdist, same scorer)"
    )
    header = (
        f"{'claims':>7} {'crosscheck':>11} {'peak RSS':>9} {'brute cdist':>14} "
        f"{'ratio':>7} {'recall':>8} {'recall>=8':>9} {'rows checked':>12} {'matches':>8}"
    )
    print(header)
    for r in rows:
        brute = seconds(r["brute_s"]) + ("*" if r["brute_kind"] == "extrapolated" else "")
        print(
            f"{r['claims']:>7,} {seconds(r['ours_s']):>11} {r['rss_peak_mb']:>6.0f} MB "
            f"{brute:>14} {r['brute_s'] / r['ours_s']:>6.0f}x {r['recall']:>8.4f} "
            f"{r['recall_long']:>9.4f} {r['rows_checked']:>12,} {r['matches']:>8,}"
        )
    print(
        "   * extrapolated from a timed sample of rows (a full run would pass 2 min); recall "
        "then over those rows against all claims.\n"
        "   peak RSS is the whole process (corpus generation included); before matching: "
        + ", ".join(f"{r['rss_before_mb']:.0f} MB" for r in rows)
        + f". cdist ran at {rows[-1]['brute_pairs_per_s'] / 1e6:.1f} M pairs/s."
    )
    for r in rows:
        if r.get("difflib_s"):
            print(
                f"   naive baseline at {r['claims']:,} claims: difflib SequenceMatcher.ratio "
                f"over all pairs ~{seconds(r['difflib_s'])} (timed on a sample), "
                f"{r['difflib_s'] / r['ours_s']:,.0f}x crosscheck"
            )


def command_table(c: dict) -> None:
    print(
        f"\n2. `crosscheck match --format json` on {c['articles']:,} files "
        f"({c['megabytes']:.1f} MB, {c['sentences']:,} generated sentences; the segmenter "
        f"found {c['units']:,} units, {c['claims_found']:,} of them claims; "
        f"{c['matches']:,} matches)"
    )
    base = c["baseline"]["s"]
    print(f"{'run':<34} {'time':>8} {'peak RSS':>9} {'x read+write':>12} {'same output':>11}")
    for name, label in (
        ("baseline", "baseline: read files, write JSON"),
        ("no_cache", "--no-cache"),
        ("cold", "cold cache (empty)"),
        ("warm", "warm cache (unchanged corpus)"),
        ("added_one", "warm cache, one article added"),
        ("added_one_no_cache", "  same corpus, --no-cache"),
    ):
        run = c[name]
        same = run.get("same_output")
        print(
            f"{label:<34} {seconds(run['s']):>8} {run['peak_mb']:>6.0f} MB "
            f"{run['s'] / base:>11.0f}x {'' if same is None else ('yes' if same else 'NO'):>11}"
        )
    print("   goal: <= 10 s on 2 cores, < 1 GB.")


def app_table(a: dict) -> None:
    print(
        f"\n3. The app on {a['articles']} articles ({a['claims']:,} claims), "
        "a 160x48 pseudo-terminal"
    )
    print(
        f"   first frame {seconds(a['first_frame_s'])} after launch (analysis still running: "
        f"{'yes' if a['analysing_at_first_frame'] else 'no'}, loading state shown: "
        f"{'yes' if a['loading_state_at_first_frame'] else 'no'}); analysed at "
        f"{seconds(a['analysed_s'])}; {len(a['messages'])} progress message(s)"
        + (f": {', '.join(m for _, m in a['messages'])}" if a["messages"] else "")
    )
    bare = a["bare"]
    print(f"{'key to repainted screen':<30} {'median':>9} {'p90':>9} {'moved':>7}")
    for key, label in (
        ("j", "j  next claim"),
        ("k", "k  previous claim"),
        ("right_curly_bracket", "}  next article"),
        ("left_curly_bracket", "{  previous article"),
    ):
        k = a[key]
        print(
            f"{label:<30} {k['median_ms']:>6.0f} ms {k['p90_ms']:>6.0f} ms {k['moved']:>3}/{k['n']}"
        )
    for key, label in (
        ("j", "bare app: j (list highlight)"),
        ("right_curly_bracket", "bare app: } (new list, text)"),
    ):
        print(f"{label:<30} {bare[key]['median_ms']:>6.0f} ms {bare[key]['p90_ms']:>6.0f} ms")
    print(f"   peak RSS of the app {a['peak_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000,40000")
    parser.add_argument("--command-claims", type=int, default=40_000)
    parser.add_argument("--app-articles", type=int, default=500)
    parser.add_argument("--skip", default="", help="comma-separated: match,command,app,...")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    print(f"crosscheck benchmarks on {machine()}", flush=True)

    if "match" not in skip:
        rows = []
        sizes = [int(s) for s in args.sizes.split(",")]
        for size in sizes:
            extra = ["--difflib-pairs", "3000" if size == min(sizes) else "0"]
            rows.append(child("match_scale.py", "--claims", str(size), *extra))
        matching_table(rows)
    if "command" not in skip:
        command_table(child("command_scale.py", "--claims", str(args.command_claims)))
    if "app" not in skip:
        app_table(child("app_scale.py", "--articles", str(args.app_articles)))
    sys.stdout.flush()
    for script, extra in (("claims_speed.py", ["--runs", "3"]), ("startup.py", [])):
        if script.removesuffix(".py") in skip:
            continue
        print(f"\n4. bench/{script}", flush=True)
        subprocess.run([sys.executable, str(BENCH / script), *extra], cwd=ROOT, check=False)
    print(f"\nall benchmarks: {seconds(time.perf_counter() - started)}")


if __name__ == "__main__":
    main()
