"""Articles from the web: fetching (httpx), the WARC archive (warcio), provenance, verify, refetch.
May import: httpx, warcio, trafilatura, feedparser, tomli_w, and tui.support; nothing else of tui.
"""
