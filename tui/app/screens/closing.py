"""Closing a screen once: a second key press or click queued behind the one that closed it
(two quick enters, escape twice, a button and its key) must not close the screen below it
too, nor hand the result over twice."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen

T = TypeVar("T")


def dismiss_once(screen: Screen[T], result: T) -> None:
    """`screen.dismiss(result)` when `screen` is the one on top, else nothing (it was
    dismissed already: Textual takes it off the stack at once, before it is removed)."""
    if screen.is_active:
        screen.dismiss(result)
