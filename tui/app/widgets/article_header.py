"""The header of an article pane: the title, then what is known of where the article came
from (outlet, author and date; its web address; when it was fetched and what the archive
check said). Every value is untrusted text: made printable, drawn literally, one line each.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from tui.app.article_meta import Archive, ArticleMeta
from tui.support.safe_text import printable


def header_height(meta: ArticleMeta | None) -> int:
    """Screen lines of the header: the title and one per kind of metadata known."""
    if meta is None:
        return 1
    return 1 + bool(meta.byline) + bool(meta.url) + bool(meta.fetched_at)


def header_lines(
    title: str, meta: ArticleMeta | None, state: Archive | None, style: Callable[[str], Style]
) -> list[Text]:
    """The header's lines; `style` gives the pane's style of a component class's suffix
    ("title", "meta", "url", "archive-ok", "archive-bad")."""
    lines = [Text(printable(title, keep_newlines=False), style=style("title"))]
    if meta is None:
        return lines
    if meta.byline:
        lines.append(Text(printable(meta.byline, keep_newlines=False), style=style("meta")))
    if meta.url:
        lines.append(Text(printable(meta.url, keep_newlines=False), style=style("url")))
    if meta.fetched_at:  # the archive's state first: a narrow pane cuts the end off
        fetched = Text()
        if state is not None:
            look = "archive-ok" if state.ok else "archive-bad" if state.bad else "meta"
            fetched.append(str(state), style=style(look))
            fetched.append(" · ", style=style("meta"))
        fetched.append(printable(meta.fetched, keep_newlines=False), style=style("meta"))
        lines.append(fetched)
    return lines
