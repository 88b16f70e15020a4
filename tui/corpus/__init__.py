"""Files and web pages to articles: loading, decoding, formats (HTML, feeds, front
matter), outlets.

May import: tui.config, tui.support.
"""
