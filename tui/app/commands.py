"""The command palette (ctrl+p): the main screen's provider, and the palette itself.

`MainCommands` is in the main screen's COMMANDS: it offers every action of the key table on
the screen the palette was opened over, by its description and its keys as bound, and the
few commands of `PALETTE_ONLY` that have no key; those that cannot run yet (while the
articles load) are shown dimmed and do nothing. `CommandPalette` is
Textual's, made safe against page keys pressed before its list is laid out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import CommandList, DiscoveryHit, Hit, Hits, Provider
from textual.command import CommandPalette as TextualCommandPalette
from textual.content import Content

from tui.app.keys import KEYS, display_keys

# Offered by the palette alone, with no key: (label, group, method of the screen's Triage
# controller that runs it); dimmed until the articles are read.
PALETTE_ONLY: tuple[tuple[str, str, str], ...] = (
    ("Summary: verdicts by kind and outlet, disputed claims, export", "View", "summary"),
)


def _on_triage(screen: object, method: str) -> None:
    triage = getattr(screen, "triage", None)
    if triage is not None:
        getattr(triage, method)()


class CommandPalette(TextualCommandPalette):
    def _action_command_list(self, action: str) -> None:
        # PageUp/PageDown at once after ctrl+p reach a list that has options but no size
        # yet: Textual's OptionList then looks up lines it has not laid out (KeyError).
        if action.startswith("page_") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)


class MainCommands(Provider):
    """Offers every key's action; running one is the same as pressing its key."""

    def _commands(self) -> Iterator[tuple[str, bool, Callable[[], object], str]]:
        screen = self.screen
        keymap = getattr(screen, "keymap", {})
        for key in KEYS:
            label = f"{key.description} ({display_keys(key, keymap)})"
            enabled = bool(screen.check_action(key.action, ()))
            yield label, enabled, partial(screen.run_action, key.action), key.group
        ready = getattr(screen, "triage", None) is not None
        for label, group, method in PALETTE_ONLY:
            yield label, ready, partial(_on_triage, screen, method), group

    async def discover(self) -> Hits:
        for label, enabled, run, group in self._commands():
            shown = Content(label) if enabled else Content.styled(label, "dim")
            yield DiscoveryHit(shown, run, text=label, help=group)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, enabled, run, group in self._commands():
            score = matcher.match(label)
            if score > 0:
                shown = matcher.highlight(label)
                yield Hit(score, shown if enabled else shown.stylize("dim"), run, label, group)
