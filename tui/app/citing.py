"""Citing from the main screen: open an article's web page, copy the selected claim with its
source. The words and the address checks are the domain's (tui/review/citation.py); this
module only finds the article, hands the address to Textual's `App.open_url` (or, where no
browser is found, to the clipboard) and the text to `App.copy_to_clipboard` (OSC 52), and
says what it did through `tell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.app.notices import tell
from tui.app.widgets.article_pane import ArticlePane

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from tui.review.session import Session


def shown_article(screen: Screen[Any], session: Session) -> str | None:
    """The article the reviewer is looking at: the focused pane's, else the selected
    claim's."""
    focused = screen.focused
    if isinstance(focused, ArticlePane) and focused.article_id is not None:
        return focused.article_id
    current = session.current
    return current.article if current is not None else None


def open_article(screen: Screen[Any], session: Session) -> None:
    """Open the shown article's web page in the browser, when it has a web address."""
    from tui.review.citation import refusal, web_address

    article_id = shown_article(screen, session)
    if article_id is None:
        tell(screen.app, "No article to open.", replace=True)
        return
    article = session.analysis.article(article_id)
    url = web_address(article.url)
    if url is None:
        tell(screen.app, refusal(article.url), severity="warning", timeout=5, replace=True)
        return
    if not can_open_pages(screen.app):
        screen.app.copy_to_clipboard(url)
        message = f"No web browser found here; the address is copied to the clipboard ({url})"
        tell(screen.app, message, severity="warning", timeout=6, replace=True)
        return
    screen.app.open_url(url)
    tell(screen.app, f"Opening {url}", timeout=4, replace=True)


def can_open_pages(app: App[Any]) -> bool:
    """Whether `App.open_url` has somewhere to go: the browser the app runs in (Textual's web
    driver hands the address to it), else a browser on this machine, as Python's webbrowser
    module finds one (the terminal driver calls `webbrowser.open`, which fails silently
    without one). The look-up reads the environment and PATH once a process, not the
    network: cheap enough for a key press."""
    import webbrowser

    if app.is_web:
        return True
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def copy_claim(screen: Screen[Any], session: Session) -> None:
    """Copy the selected claim, quoted, with its outlet, title, address and date."""
    from tui.review.citation import citation

    current = session.current
    if current is None:
        tell(screen.app, "No claim selected to copy.", replace=True)
        return
    article = session.analysis.article(current.article)
    outlet = session.sources.outlet.get(article.id, article.outlet or "")
    screen.app.copy_to_clipboard(citation(current.text, article, outlet))
    tell(screen.app, "Copied the claim and its source", replace=True)
