"""The pipeline both front ends run (corpus -> units -> matches), the segmenting pool,
and the disk cache of its results.

May import: tui.matching and every layer below it.
"""
