"""What every layer uses: text made safe for each sink, atomic files, file locks,
the GC pause, word sets.

Imports nothing else from tui.
"""
