"""Notices (toasts) as the reviewer reads them: always literal.

Their text often quotes what came from outside (file names, front matter, article text, a
verdict file's content, what the reviewer typed into search): it is never parsed as markup
(a `[@click=...]` there would make the toast a button) and its control and invisible
characters get visible stand-ins. Every notice of the app goes through `tell`.
"""

from __future__ import annotations

from typing import Literal, Protocol

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
    where: Notifier, message: str, *, severity: Severity = "information", timeout: float = 3
) -> None:
    """Show `message` as a toast, literally."""
    where.notify(
        printable(message, keep_newlines=False), severity=severity, timeout=timeout, markup=False
    )
