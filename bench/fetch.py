"""Adding pages from the web: concurrency against one at a time, archive size against pages.

    python bench/fetch.py [--pages 50] [--size 50000] [--latency 0.1] [--repeat 2]

A server on loopback (the tests' own, tests/web_server.py) serves `--pages` article pages
of about `--size` bytes. Each scenario is timed with the default limits (2 per host, 8 in
all) and, as the baseline in the same run, one at a time (1 and 1):
- one host, no latency: what loopback costs, so mostly crosscheck's own work;
- five hosts (127.0.0.1 ... 127.0.0.5), each response delayed `--latency` seconds, as a
  distant server would be.
For each: `add_urls` (fetch, archive, extract, save, provenance) and `fetch_many` alone.
Then the archive's size on disk against the pages' size, for pages sent plain and sent
gzip-encoded. Best of `--repeat` runs. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web_server import Reply, Site, story_page  # noqa: E402
from tui.corpus.web.add import AddStatus, add_urls  # noqa: E402
from tui.corpus.web.batch import fetch_many  # noqa: E402
from tui.corpus.web.client import FetchConfig, WebClient  # noqa: E402

DEFAULT = FetchConfig()
SERIAL = FetchConfig(per_host=1, concurrency=1)


def serve(
    pages: list[bytes], hosts: int, latency: float, gzip: bool
) -> tuple[list[Site], list[str]]:
    sites = [Site(f"127.0.0.{i + 1}") for i in range(hosts)]
    urls = []
    for n, page in enumerate(pages):
        where = sites[n % hosts]
        urls.append(where.route(f"/story/{n}", Reply(body=page, delay=latency, gzip=gzip)))
    return sites, urls


def best(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def time_add(urls: list[str], config: FetchConfig) -> float:
    with tempfile.TemporaryDirectory() as tmp, WebClient(config) as client:
        start = time.perf_counter()
        outcomes = add_urls(urls, Path(tmp), client)
        elapsed = time.perf_counter() - start
    bad = [o for o in outcomes if o.status is not AddStatus.ADDED]
    if bad:
        raise SystemExit(f"bench: {len(bad)} pages not added, e.g. {bad[0].message}")
    return elapsed


def time_fetch(urls: list[str], config: FetchConfig) -> float:
    with WebClient(config) as client:
        start = time.perf_counter()
        results = list(fetch_many(urls, client))
        elapsed = time.perf_counter() - start
    assert len(results) == len(urls)
    return elapsed


def archive_sizes(urls: list[str]) -> tuple[int, int]:
    """(saved pages' bytes, archive bytes) after adding `urls` to an empty folder."""
    with tempfile.TemporaryDirectory() as tmp, WebClient(DEFAULT) as client:
        folder = Path(tmp)
        add_urls(urls, folder, client)
        archive = sum(p.stat().st_size for p in (folder / ".crosscheck/archive").iterdir())
        saved = sum(p.stat().st_size for p in folder.glob("*.html"))
    return saved, archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    pages = [story_page(n, size=args.size) for n in range(args.pages)]
    total = sum(map(len, pages))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"fetch bench: {args.pages} pages of {total / args.pages / 1000:.1f} kB on average")
    print(f"  Python {platform.python_version()}, {os.cpu_count()} CPUs, load {load}")
    limits = f"{DEFAULT.per_host} per host, {DEFAULT.concurrency} in all"
    print(f"  best of {args.repeat}; default limits: {limits}; baseline: 1 at a time")
    print()
    print(f"{'scenario':<40}{'default':>10}{'1 at a time':>13}{'speed-up':>10}")
    for label, hosts, latency in [
        ("one host, no latency", 1, 0.0),
        (f"five hosts, {args.latency * 1000:.0f} ms latency", 5, args.latency),
    ]:
        sites, urls = serve(pages, hosts, latency, gzip=False)
        try:
            for what, timer in [("add", time_add), ("fetch only", time_fetch)]:
                fast = best(args.repeat, lambda t=timer, u=urls: t(u, DEFAULT))  # type: ignore[misc]
                slow = best(args.repeat, lambda t=timer, u=urls: t(u, SERIAL))  # type: ignore[misc]
                name = f"{what}: {label}"
                print(f"{name:<40}{fast:>9.2f}s{slow:>12.2f}s{slow / fast:>9.1f}x")
        finally:
            for s in sites:
                s.close()
    print()
    print(f"{'archive size (.warc.gz) against pages':<40}{'pages':>10}{'archive':>13}{'ratio':>10}")
    for label, gzip in [("pages sent plain", False), ("pages sent gzip-encoded", True)]:
        sites, urls = serve(pages, 1, 0.0, gzip=gzip)
        try:
            saved, archive = archive_sizes(urls)
        finally:
            for s in sites:
                s.close()
        print(f"{label:<40}{saved / 1e6:>8.2f}MB{archive / 1e6:>11.2f}MB{archive / saved:>10.2f}")


if __name__ == "__main__":
    main()
