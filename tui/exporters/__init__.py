"""Exports of a verdict file with its corpus: json, csv, md, claimreview, w3c.

Each format is a pure function Workspace -> text; `output.py` writes the text safely.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.exporters.claimreview import to_claimreview
from tui.exporters.markdown import to_markdown
from tui.exporters.tabular import to_csv, to_json
from tui.exporters.w3c import to_w3c
from tui.review.workspace import Workspace

Exporter = Callable[[Workspace], str]

FORMATS: dict[str, Exporter] = {
    "json": to_json,
    "csv": to_csv,
    "md": to_markdown,
    "claimreview": to_claimreview,
    "w3c": to_w3c,
}


def export(workspace: Workspace, fmt: str) -> str:
    """The text of `workspace` in format `fmt` (one of FORMATS)."""
    return FORMATS[fmt](workspace)
