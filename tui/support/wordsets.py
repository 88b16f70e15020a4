"""Word lists written as one string, so that long lists of abbreviations, verbs or names
stay readable in the modules that hold them (segmentation, attribution, furniture rules,
quantities)."""

from __future__ import annotations


def wordset(words: str) -> frozenset[str]:
    """The whitespace-separated words of `words`, as a set."""
    return frozenset(words.split())
