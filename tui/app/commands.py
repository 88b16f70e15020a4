"""Command palette (ctrl+p): every action of the main screen, by its description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.keys import KEYS, display_keys


class TriageCommands(Provider):
    """Offers every key's action; running one is the same as pressing its key."""

    def _main(self):  # the main screen, whichever screen the palette was opened over
        from tui.app.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _commands(self):
        screen = self._main()
        if screen is None:
            return
        keymap = getattr(self.app, "keymap", {})
        for key in KEYS:
            label = f"{key.description} ({display_keys(key, keymap)})"
            yield label, partial(screen.run_action, key.action), key.group

    async def discover(self) -> Hits:
        for label, run, group in self._commands():
            yield DiscoveryHit(label, run, help=group)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, run, group in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, help=group)
