"""Segmenting a large corpus on every core: the same units, in the same order, sooner.

An article's units (`tui.claims.units.extract_units`) and the match tokens of its claims
(`tui.matching.scoring.match_tokens`) depend on its id and text alone, so articles can be cut up in
other processes. The articles are split into chunks of about CHUNK_CHARS characters; worker
processes take chunks from the first on, while this process works back from the last. The
two meet in the middle, so neither waits long for the other. Results go back in article
order, whoever made them, so the output is exactly the serial one
(tests/test_segment_pool.py compares the two).

A worker is a fresh interpreter running `serve()`, fed chunks and answering with plain
tuples over its stdin and stdout (pickles between this process and its own child). Unlike
multiprocessing, this never re-imports the caller's main module, so it is safe from any
script and from the app's worker thread; a worker whose parent dies reads the end of its
input and exits. Starting one costs about 0.15 s, which small corpora would not win back:
below PARALLEL_MIN_CHARS everything runs in this process. A worker that cannot start or
fails only costs speed: its chunks are done here.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tui.claims.units import DateMention, Kind, Quantity, Unit, extract_units
from tui.corpus.articles import Article
from tui.matching.scoring import match_tokens

# Below this much text, one process is faster (measured with bench/command_scale.py).
PARALLEL_MIN_CHARS = 1_000_000
CHUNK_CHARS = 200_000
MAX_WORKERS = 8

_KINDS = {str(k): k for k in Kind}


@dataclass(frozen=True, slots=True)
class Segmented:
    """One article's units, and the match tokens of each of its claims by claim id (None
    when they were not computed: units read from the cache)."""

    units: list[Unit]
    tokens: dict[str, frozenset[str]] | None


def segment_articles(articles: Sequence[Article], workers: int | None = None) -> list[Segmented]:
    """`Segmented` for each article, in order. `workers`: worker processes besides this
    one; None chooses by corpus size and cores, 0 runs everything here."""
    if workers is None:
        workers = _auto_workers(articles)
    chunks = _chunks(articles, workers)
    if workers <= 0 or len(chunks) < 2:
        return [_segment(a.id, a.text) for a in articles]
    return [s for chunk in _run_chunks(chunks, min(workers, len(chunks) - 1)) for s in chunk]


def _auto_workers(articles: Sequence[Article]) -> int:
    if sum(len(a.text) for a in articles) < PARALLEL_MIN_CHARS:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(0, min((cores or 1) - 1, MAX_WORKERS))


def _chunks(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """Consecutive runs of articles of about CHUNK_CHARS characters (at least a few chunks
    per process, so that the processes finish close together)."""
    total = sum(len(a.text) for a in articles)
    size = max(1, min(CHUNK_CHARS, total // (4 * (workers + 1)) if workers > 0 else total))
    chunks: list[list[Article]] = []
    current: list[Article] = []
    filled = 0
    for article in articles:
        current.append(article)
        filled += len(article.text)
        if filled >= size:
            chunks.append(current)
            current, filled = [], 0
    if current:
        chunks.append(current)
    return chunks


class _Queue:
    """Chunk numbers handed out from the front (to workers) and the back (to this
    process)."""

    def __init__(self, n: int) -> None:
        self.front, self.back = 0, n - 1
        self.lock = threading.Lock()

    def take(self, from_front: bool) -> int | None:
        with self.lock:
            if self.front > self.back:
                return None
            if from_front:
                self.front += 1
                return self.front - 1
            self.back -= 1
            return self.back + 1


def _run_chunks(chunks: list[list[Article]], workers: int) -> list[list[Segmented]]:
    results: list[list[Segmented] | None] = [None] * len(chunks)
    queue = _Queue(len(chunks))
    threads = [
        threading.Thread(target=_feed, args=(chunks, queue, results), daemon=True)
        for _ in range(workers)
    ]
    for thread in threads:
        thread.start()
    while (k := queue.take(from_front=False)) is not None:
        results[k] = [_segment(a.id, a.text) for a in chunks[k]]
    for thread in threads:
        thread.join()
    # A chunk a failed worker had taken is done here.
    return [
        r if r is not None else [_segment(a.id, a.text) for a in chunk]
        for r, chunk in zip(results, chunks, strict=True)
    ]


def _feed(
    chunks: list[list[Article]], queue: _Queue, results: list[list[Segmented] | None]
) -> None:
    """One worker process, fed chunks from the front of the queue until it is empty."""
    try:
        worker = _start_worker()
    except OSError:
        return
    assert worker.stdin is not None and worker.stdout is not None
    try:
        while (k := queue.take(from_front=True)) is not None:
            chunk = chunks[k]
            pickle.dump([(a.id, a.text) for a in chunk], worker.stdin, pickle.HIGHEST_PROTOCOL)
            worker.stdin.flush()
            rows = pickle.load(worker.stdout)  # our own child's answer
            results[k] = [_from_row(a, row) for a, row in zip(chunk, rows, strict=True)]
    except Exception:  # a worker that died or answered nonsense: its chunk is done here
        pass
    finally:
        _stop(worker)


def _start_worker() -> subprocess.Popen[bytes]:
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (package_root, env.get("PYTHONPATH"))))
    return subprocess.Popen(
        # A worker builds only acyclic rows: no cyclic collection (see tui.support.gc_pause).
        [
            sys.executable,
            "-c",
            "import gc; gc.disable(); from tui.analysis.segment_pool import serve; serve()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def _stop(worker: subprocess.Popen[bytes]) -> None:
    for stream in (worker.stdin, worker.stdout):
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass
    try:
        worker.wait(timeout=5)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def serve(source: IO[bytes] | None = None, sink: IO[bytes] | None = None) -> None:
    """A worker's loop: a chunk of (id, text) pairs in, their rows out, until the input
    ends."""
    source = sys.stdin.buffer if source is None else source
    sink = sys.stdout.buffer if sink is None else sink
    while True:
        try:
            batch = pickle.load(source)  # from our own parent
        except EOFError:
            return
        pickle.dump(_rows(batch), sink, pickle.HIGHEST_PROTOCOL)
        sink.flush()


def _segment(article_id: str, text: str) -> Segmented:
    units = extract_units(article_id, text)
    return Segmented(units, _claim_tokens(units))


def _claim_tokens(units: list[Unit]) -> dict[str, frozenset[str]]:
    return {c.id: match_tokens(c.text) for c in units if c.is_claim}


# ---- in a worker: plain tuples travel faster than dataclasses --------------------------


def _rows(batch: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """The worker's job: each article's units and claim tokens as plain tuples (the text of
    a unit is not sent back: it is the article's text between its offsets)."""
    out = []
    for article_id, text in batch:
        claims = extract_units(article_id, text)
        tokens = _claim_tokens(claims)
        units = [
            (
                c.id,
                c.start,
                c.end,
                str(c.kind),
                c.index,
                tuple((q.value, q.unit, q.text, q.start, q.end) for q in c.numbers),
                tuple((d.text, d.year, d.month, d.day, d.start, d.end) for d in c.dates),
                c.attribution,
            )
            for c in claims
        ]
        out.append((units, [tuple(tokens[c.id]) for c in claims if c.is_claim]))
    return out


def _from_row(article: Article, row: tuple[Any, ...]) -> Segmented:
    rows, tokens = row
    text, article_id = article.text, article.id
    units = [
        Unit(
            cid,
            article_id,
            text[start:end],
            start,
            end,
            _KINDS[kind],
            index,
            tuple(Quantity(*q) for q in numbers),
            tuple(DateMention(*d) for d in dates),
            attribution,
        )
        for cid, start, end, kind, index, numbers, dates, attribution in rows
    ]
    claims = [c.id for c in units if c.is_claim]
    return Segmented(units, {cid: frozenset(t) for cid, t in zip(claims, tokens, strict=True)})
