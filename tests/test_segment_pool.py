"""Segmenting on several processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synthetic import generate
from tui.analysis import segment_pool
from tui.analysis.pipeline import analyse, to_json_document
from tui.analysis.segment_pool import _Queue, segment_articles
from tui.config import MatchSettings
from tui.corpus.articles import load_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SETTINGS = MatchSettings()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    for article in generate(2400, seed=21):
        (folder / f"{article.id}.txt").write_text(article.text + "\n", encoding="utf-8")
    return folder


def document(paths: list[Path]) -> str:
    return json.dumps(to_json_document(analyse(paths, SETTINGS)), sort_keys=False)


@pytest.mark.parametrize("corpus", ["seeds", "synthetic"])
def test_the_parallel_path_gives_the_serial_json_document(
    corpus: str, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [SEEDS] if corpus == "seeds" else [synthetic]
    serial = document(paths)
    monkeypatch.setattr(segment_pool, "PARALLEL_MIN_CHARS", 0)  # a worker however small
    monkeypatch.setattr(segment_pool, "CHUNK_CHARS", 2_000)  # and many chunks
    monkeypatch.setattr(segment_pool, "_auto_workers", lambda articles: 2)
    assert document(paths) == serial


def test_a_worker_alone_segments_every_chunk_as_this_process_does(synthetic: Path) -> None:
    """The worker side on its own (no work stealing): every chunk crosses the pipes."""
    articles = load_corpus([synthetic]).articles
    chunks = segment_pool._chunks(articles, 3)
    assert len(chunks) > 3
    results: list[list[segment_pool.Segmented] | None] = [None] * len(chunks)
    segment_pool._feed(chunks, _Queue(len(chunks)), results)
    assert all(r is not None for r in results), "the worker did every chunk"
    parallel = [s for r in results if r is not None for s in r]
    assert parallel == segment_articles(articles, workers=0)


def test_small_corpora_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_corpus([SEEDS]).articles
    assert segment_pool._auto_workers(articles) == 0

    def no_workers(*args: object) -> None:
        raise AssertionError("no worker may start for a small corpus")

    monkeypatch.setattr(segment_pool, "_start_worker", no_workers)
    assert segment_articles(articles) == segment_articles(articles, workers=0)


@pytest.mark.parametrize("failure", ["cannot start", "dies", "answers nonsense"])
def test_a_failing_worker_costs_only_speed(
    failure: str, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = load_corpus([synthetic]).articles
    serial = segment_articles(articles, workers=0)

    def broken() -> subprocess.Popen[bytes]:
        if failure == "cannot start":
            raise OSError("no such interpreter")
        script = "" if failure == "dies" else "import sys; sys.stdout.buffer.write(b'nonsense')"
        return subprocess.Popen(
            [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    monkeypatch.setattr(segment_pool, "_start_worker", broken)
    monkeypatch.setattr(segment_pool, "CHUNK_CHARS", 5_000)
    assert segment_articles(articles, workers=2) == serial


def test_serve_answers_each_chunk_until_its_input_ends() -> None:
    articles = load_corpus([SEEDS]).articles
    source = io.BytesIO()
    for batch in ([(a.id, a.text) for a in articles[:2]], [(a.id, a.text) for a in articles[2:]]):
        pickle.dump(batch, source)
    source.seek(0)
    sink = io.BytesIO()
    segment_pool.serve(source, sink)
    sink.seek(0)
    rows = [*pickle.load(sink), *pickle.load(sink)]
    with pytest.raises(EOFError):
        pickle.load(sink)
    rebuilt = [segment_pool._from_row(a, row) for a, row in zip(articles, rows, strict=True)]
    assert rebuilt == segment_articles(articles, workers=0)


def test_the_queue_hands_out_every_chunk_once_from_both_ends() -> None:
    queue = _Queue(5)
    taken = [queue.take(True), queue.take(False), queue.take(True), queue.take(False)]
    taken += [queue.take(True), queue.take(False), queue.take(True)]
    assert taken == [0, 4, 1, 3, 2, None, None]
