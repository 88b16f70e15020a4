"""Notices (toasts) as the reviewer reads them: always literal.

Their text often quotes what came from outside (file names, front matter, article text, a
verdict file's content, what the reviewer typed into search): it is never parsed as markup
(a `[@click=...]` there would make the toast a button) and its control and invisible
characters get visible stand-ins. Every notice of the app goes through `tell`.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from tui.support.safe_text import printable

Severity = Literal["information", "warning", "error"]


class Notifier(Protocol):
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Severity = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


def tell(
    where: Notifier,
    message: str,
    *,
    severity: Severity = "information",
    timeout: float = 3,
    replace: bool = False,
) -> None:
    """Show `message` as a toast, literally. With `replace`, the same message still on
    screen is taken away first, so a key pressed again and again ("Last claim") shows one
    toast, not a stack of them."""
    text = printable(message, keep_newlines=False)
    if replace:
        withdraw(where, text)
    where.notify(text, severity=severity, timeout=timeout, markup=False)


def withdraw(where: Notifier, text: str) -> None:
    """Take the toasts reading `text` off the screen. Textual's notify returns no handle;
    the app's list of notifications (and its way to drop one) is the only way to reach a
    toast already shown."""
    app: Any = getattr(where, "app", where)
    shown = getattr(app, "_notifications", None)
    if shown is None:
        return
    stale = [n for n in shown if n.message == text]
    for n in stale:
        app._unnotify(n, refresh=False)
    if stale:
        app._refresh_notifications()
