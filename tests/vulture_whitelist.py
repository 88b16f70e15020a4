"""Names vulture reports as unused that are used where it cannot see (`make check` runs
`vulture tui tests/vulture_whitelist.py`). Textual's hooks, called by name (action_*, on_*,
watch_*, compose, BINDINGS, CSS, ...) and `@on` handlers, are ignored by pattern in
pyproject.toml's `[tool.vulture]`; this file holds the others, each with where it is used.
Anything else vulture reports is dead code: remove it or use it."""

from tui.analysis.segment_pool import serve
from tui.cli.parser import _Parser

serve  # noqa: B018  run by name in each worker process: `python -c "...; serve()"`
_Parser.error  # noqa: B018  argparse calls it on a usage error
_Parser._print_message  # noqa: B018  argparse calls it to print help, usage and version

from tui.review.session_links import LinkEdits  # noqa: E402

LinkEdits.link_between  # noqa: B018  the session's read of a pair's link; tests/app/test_links.py

from tui.app.screens.main import MainScreen  # noqa: E402

MainScreen.searching  # noqa: B018  a reactive: set here, read by watch_searching (a CSS class)
MainScreen.analysing  # noqa: B018  a reactive: set here, read by watch_analysing

from tui.app.legend_entries import PLAIN  # noqa: E402

PLAIN  # noqa: B018  the classes the legend need not explain; tests/app/test_legend.py
