"""The verdict file: model, TOML read and write, store, history, anchoring, corpus
link, merge, agreement, external changes, file checks.

May import: tui.analysis and every layer below it.
"""
