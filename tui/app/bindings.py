"""Textual bindings from the key table (tui/app/keys.py): one Binding per Key, with its id
(so `[keys]` in config.toml remaps it) and its description (footer, help, palette)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from tui.app.keys import Key


def bindings_for(keys: Iterable[Key]) -> list[BindingType]:
    return [
        Binding(k.keys, k.action, k.description, show=k.show, key_display=k.display, id=k.id)
        for k in keys
    ]
