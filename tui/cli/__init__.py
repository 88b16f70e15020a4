"""The command line: entry point, grammar, tables.

May import: tui.app (to open it), tui.exporters and every layer below.
"""
