"""Helpers for the cache's tests: synthetic corpora on disk, call counters, entries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import generate
from tui.analysis import cache as match_cache
from tui.analysis import segment_pool
from tui.claims import units
from tui.matching import matcher as matching


def write_articles(
    folder: Path, n_claims: int, seed: int, prefix: str = "a", most: int | None = None
) -> list[Path]:
    """Synthetic articles (40 sentences each) as .txt files; names sort in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, article in enumerate(generate(n_claims, seed=seed)[:most]):
        path = folder / f"{prefix}{k:03d}.txt"
        path.write_text(article.text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


class Counter:
    """Wraps a function and counts its calls (and, for scorers, the pairs it scored)."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.calls = self.pairs = 0
        # Each call's arguments, whatever the wrapped function takes.
        self.args: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        self.args.append((args, kwargs))
        return self.fn(*args, **kwargs)


def spy(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter, Counter]:
    """Count segmentations (per article) and matching runs."""
    segment = Counter(units.extract_units)
    match = Counter(matching.match_claims)
    monkeypatch.setattr(segment_pool, "extract_units", segment)
    monkeypatch.setattr(matching, "match_claims", match)
    return segment, match


def entries(root: Path, kind: str) -> list[Path]:
    return sorted((root / kind).rglob(f"*{match_cache.SUFFIX}"))
