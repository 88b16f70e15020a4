"""Outlets: the name of who published an article, as shown and as compared.

Two articles are of one outlet when their names match without regard to case or spacing; an
article whose outlet is unknown is an outlet of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.corpus.articles import Article

UNKNOWN = "unknown"


def outlet_of(article: Article) -> str:
    """The outlet's name as shown to people; "unknown" when the article does not say."""
    if article.outlet is None:
        return UNKNOWN
    name = " ".join(article.outlet.split())
    return name or UNKNOWN


def outlet_key(article: Article) -> str:
    """Equal for articles of one outlet; unique per article when the outlet is unknown."""
    if article.outlet is None or not article.outlet.strip():
        return f"\x00unknown:{article.id}"  # NUL: cannot collide with a real outlet name
    return " ".join(article.outlet.split()).casefold()


def distinct_outlets(articles: Iterable[Article]) -> tuple[str, ...]:
    """Known outlets among the articles, once each (first spelling by article id), sorted."""
    names: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        if outlet_of(article) != UNKNOWN:
            names.setdefault(outlet_key(article), outlet_of(article))
    return tuple(sorted(names.values(), key=lambda n: (n.casefold(), n)))
