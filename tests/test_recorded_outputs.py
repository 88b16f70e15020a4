"""Behaviour kept: every recorded output is produced again, byte for byte.

A change that alters one on purpose re-records it (`python -m tests.recorded_outputs`) in the
same commit, so the diff of tests/recorded/ shows what changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.recorded_outputs import RECORDED, produce


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return produce(tmp_path_factory.mktemp("recorded"))


def test_every_recorded_output_is_produced(produced: dict[str, bytes]) -> None:
    assert sorted(produced) == sorted(p.name for p in RECORDED.iterdir())


@pytest.mark.parametrize("name", sorted(p.name for p in RECORDED.iterdir()))
def test_output_is_byte_identical(produced: dict[str, bytes], name: str) -> None:
    recorded = (RECORDED / name).read_bytes()
    assert produced[name] == recorded, f"tests/recorded/{name} differs"


def test_the_review_decided_several_claims() -> None:
    review = (Path(RECORDED) / "review.toml").read_text(encoding="utf-8")
    assert review.count("[[verdicts]]") >= 3
