"""Types of the shared fixtures in conftest.py, for the tests' annotations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# write_corpus: {relative name: text or bytes} -> the folder written.
WriteCorpus = Callable[[dict[str, str | bytes]], Path]
