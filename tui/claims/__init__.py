"""Articles to units: segmentation, unit kinds, attribution, quantities.

May import: tui.corpus, tui.config, tui.support.
"""
