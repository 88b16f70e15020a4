"""Units to matches: normalisation, lexicon, scoring, blocking, stated figures, figure
evidence, conflicts, clusters, word diff.

May import: tui.claims, tui.corpus, tui.config, tui.support.
"""
