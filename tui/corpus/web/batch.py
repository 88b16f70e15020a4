"""Fetching many URLs at once: a small limit per host, a larger one overall.

Fetches run in a pool of threads sharing one WebClient (its pool is thread-safe); a URL is
started only when both its host and the pool have room, so a long list from one site never
holds the other sites' fetches back. Results come back in the order they finish, each with
its index in the list given, to the caller's thread: whatever the caller does with them
(archive, extract, save) happens there, one at a time.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from tui.corpus.web.client import WebClient
from tui.corpus.web.fetch import Clock, Sleep, fetch, utc_now
from tui.corpus.web.results import FetchResult
from tui.corpus.web.urls import BadUrl, check_url, host_key

Progress = Callable[[int, int, FetchResult], None]  # (done, total, the result just done)


def _host(url: str) -> str:
    try:
        return host_key(check_url(url))
    except BadUrl:
        return ""  # fails at once inside fetch; counts against no host


def fetch_many(
    urls: Sequence[str],
    client: WebClient,
    *,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
    progress: Progress | None = None,
) -> Generator[tuple[int, FetchResult], None, None]:
    """(index in `urls`, result) for every URL, as each finishes. `progress` is called in
    the caller's thread before each is yielded. Closing the iterator early cancels the
    fetches not yet started and waits for those running."""
    total = len(urls)
    config = client.config
    per_host = max(config.per_host, 1)
    overall = max(config.concurrency, 1)
    waiting = deque((i, url, _host(url)) for i, url in enumerate(urls))
    running: dict[Future[FetchResult], tuple[int, str]] = {}
    busy: Counter[str] = Counter()
    done = 0
    pool = ThreadPoolExecutor(max_workers=overall, thread_name_prefix="crosscheck-fetch")
    try:
        while waiting or running:
            for _ in range(len(waiting)):
                if len(running) >= overall:
                    break
                index, url, host = waiting.popleft()
                if host and busy[host] >= per_host:
                    waiting.append((index, url, host))
                    continue
                job = pool.submit(fetch, url, client, clock=clock, sleep=sleep)
                running[job] = (index, host)
                busy[host] += 1
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for job in sorted(finished, key=lambda j: running[j][0]):
                index, host = running.pop(job)
                busy[host] -= 1
                result = job.result()
                done += 1
                if progress is not None:
                    progress(done, total, result)
                yield index, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
