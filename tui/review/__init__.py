"""The reviewer's session: session and its view, changes, adjudication, suggestions,
sources and wire groups, coverage, stats, orphans, the workspace.

May import: tui.verdicts and every layer below it.
"""
