"""The benchmark corpus generator: deterministic, and linear in the corpus size."""

from __future__ import annotations

import random

import pytest

from bench import synthetic


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    first = synthetic.generate(1200, seed=3)
    assert first == synthetic.generate(1200, seed=3)
    assert first != synthetic.generate(1200, seed=4)
    assert sum(len(a.sentences) for a in first) == 1200


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_sampling_with_sums_built_once_draws_what_sampling_by_weights_drew(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """The generator hands `random.choices` cumulative weights built once (linear time)
    instead of the weights (which `choices` summed again on every call); the corpus for a
    seed must stay the one that the weights gave."""
    fast = synthetic.generate(2400, seed=seed)

    def by_weights(self: synthetic._Words, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, weights=self.weights, k=k)

    monkeypatch.setattr(synthetic._Words, "sample", by_weights)
    assert synthetic.generate(2400, seed=seed) == fast
