"""Types of the shared fixtures in conftest.py, for the tests' annotations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

# write_corpus: {relative name: text or bytes} -> the folder written.
WriteCorpus = Callable[[Mapping[str, str | bytes]], Path]
