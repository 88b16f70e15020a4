"""The code version of cached results: crosscheck's version and a digest of the source
that decides claims and matches, and of the versions of the libraries that take part.

The modules are found from a few roots through their imports (read from the source, not
executed), so an edit to the segmenter, the scorer or anything they use gives a new
version and the cache never reads its predecessor's results; edits elsewhere (the app, the
CLI, verdicts) keep the cache valid.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

# The modules whose code decides claims and matches; with what they import, they make the
# code version.
ROOT_MODULES = (
    "tui.claims.units",
    "tui.matching.matcher",
    "tui.analysis.cache",
    "tui.analysis.segment_pool",
)
# Libraries whose code or data decides claims and matches (page extraction, lemmas, the
# scorer): an upgrade may change the results, so their versions are part of the digest.
DEPENDENCIES = ("feedparser", "lxml", "pyyaml", "rapidfuzz", "simplemma", "trafilatura")
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(tui(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    r"|import[ \t]+(tui(?:\.\w+)+))",
    re.MULTILINE,
)


def _module_file(package: Path, name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (
        package.joinpath(*parts).with_suffix(".py"),
        package.joinpath(*parts, "__init__.py"),
    ):
        if parts and candidate.is_file():
            return candidate
    return None


def _imported(source: str) -> set[str]:
    """The tui modules a source file imports (at the top or inside functions)."""
    names: set[str] = set()
    for base, imported, plain in _IMPORT.findall(source):
        if plain:
            names.add(plain)
            continue
        names.add(base)
        for name in imported.split("#")[0].strip("() \t\n").split(","):
            if name.split():
                names.add(f"{base}.{name.split()[0]}")  # a submodule, when it is one
    return names


def _dependency_versions() -> bytes:
    from importlib import metadata

    found = []
    for name in DEPENDENCIES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return "\n".join(found).encode()


@lru_cache(maxsize=1)
def code_version() -> str:
    """crosscheck's version and a digest of the source that decides claims and matches."""
    import tui

    package = Path(tui.__file__).parent
    digest = hashlib.sha256(_dependency_versions() + b"\0")
    seen: set[Path] = set()
    todo = list(ROOT_MODULES)
    try:
        while todo:
            path = _module_file(package, todo.pop())
            if path is None or path in seen:
                continue
            seen.add(path)
            todo.extend(_imported(path.read_text(encoding="utf-8")))
        for path in sorted(seen):
            relative = path.relative_to(package).as_posix()
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, UnicodeDecodeError):
        return f"{tui.__version__}+unknown"
    return f"{tui.__version__}+{digest.hexdigest()[:16]}"
