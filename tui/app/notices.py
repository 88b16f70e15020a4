"""Notices (toasts) as the reviewer reads them: always literal.

Their text often quotes what came from outside (file names, front matter, article text, a
verdict file's content, what the reviewer typed into search): it is never parsed as markup
(a `[@click=...]` there would make the toast a button) and its control and invisible
characters get visible stand-ins. Every notice of the app goes through `tell`.
"""

from __future__ import annotations

import threading
from typing import Any, Literal, Protocol

from textual.notifications import Notification, Notify

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
    family: str = "",
) -> None:
    """Show `message` as a toast, literally. With `replace`, the same message still on
    screen is taken away first, so a key pressed again and again ("Last claim") shows one
    toast, not a stack of them. A `family` (the words a message begins with, "No
    suggestion:") takes away every toast still on screen that begins with them: a notice
    whose details change from one press to the next (the reason, the claim) replaces the
    last one too."""
    text = printable(message, keep_newlines=False)
    if replace or family:
        withdraw(where, text, family=printable(family, keep_newlines=False))
    where.notify(text, severity=severity, timeout=timeout, markup=False)


def withdraw(where: Notifier, text: str, *, family: str = "") -> None:
    """Take the toasts reading `text` (or beginning with `family`) off the screen. Textual's
    notify returns no handle; the app's list of notifications (and its way to drop one) is
    the only way to reach a toast already shown."""
    app: Any = getattr(where, "app", where)
    shown = getattr(app, "_notifications", None)
    if shown is None:
        return
    stale = [n for n in shown if n.message == text or (family and n.message.startswith(family))]
    for n in stale:
        app._unnotify(n, refresh=False)
    if stale:
        app._refresh_notifications()


def notify_at_once(
    app: Any,
    message: str,
    *,
    title: str,
    severity: Severity,
    timeout: float,
    markup: bool,
) -> None:
    """What the app's `notify` does: the toast goes on the app's list at once.

    Textual's `notify` posts a message and the toast reaches the list when the app handles
    it, after the keys already queued: during fast triage `withdraw` would not find the
    toast of the key before (so "No suggestion: ..." stacked) and the summary screen's
    clearing would run before the triage's notices arrived. On the app's own thread the
    toast is added now; from a worker thread it is posted, as Textual does."""
    notification = Notification(message, title, severity, timeout, markup=markup)
    if threading.get_ident() == app._thread_id:
        app._notifications.add(notification)
        app._refresh_notifications()
    else:
        app.post_message(Notify(notification))
