"""Shared fixtures: the seed corpus and small corpora written into temporary folders, and
the guard that keeps every test off the network beyond loopback."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.fixture_types import WriteCorpus
from tests.web_server import loopback_guard

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def write_corpus(tmp_path: Path) -> WriteCorpus:
    """Write {relative name: text or bytes} under a fresh folder and return the folder."""

    def write(files: Mapping[str, str | bytes]) -> Path:
        root = tmp_path / "corpus"
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return write


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test (and the CLI it starts) out of the user's real cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test (and the app it runs) out of the user's real state folder, where the
    app remembers its theme: each test starts with none remembered."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """No test reaches the network beyond 127.0.0.1 (make test needs none): resolving or
    connecting elsewhere raises, and fails the test (tests/web_server.py)."""
    yield from loopback_guard(monkeypatch)
