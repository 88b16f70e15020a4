"""What the screens need of the app, as a typed protocol: screens are handed a Host and never
import the app class (the app imports the screens, not the other way round)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tui.config import Config
    from tui.review.changes import Change
    from tui.review.session import Session
    from tui.verdicts.store import VerdictStore


class Host(Protocol):
    @property
    def session(self) -> Session | None:
        """The reviewer's session; None until the articles are read."""

    @property
    def config(self) -> Config:
        """The configuration the app runs with (corpus, matching, cache, its own file)."""

    @property
    def store(self) -> VerdictStore:
        """The verdict file, open and locked; `store.path` is the file."""

    @property
    def keymap(self) -> Mapping[str, str]:
        """config.toml `[keys]` as applied: action id -> keys (remapped actions only)."""

    @property
    def path_label(self) -> str:
        """The verdict file as the reviewer would type it."""

    @property
    def unsaved(self) -> int:
        """Decisions the verdict file does not hold yet (its last save failed)."""

    def persist(self, change: Change) -> None:
        """Save the session's verdicts now, with the history of `change`."""

    def key(self, action: str) -> str:
        """The first key bound now to `action` (a key id of tui/app/keys.py)."""

    def leave(self) -> None:
        """Quit; asks first when decisions are not saved."""
