"""The bodies of the match cache's entries (`tui.analysis.cache`): JSON in, checked records out.

Claims entries hold an article's units without their text (it is the article's text between
the offsets) and the match tokens of its claims as one string (a line per claim, tokens
separated by spaces: match tokens hold no whitespace), which is parsed only when matching
needs it. Matches entries hold claims by index, each with its article's index. Anything
that does not fit the articles it is read for raises, and the caller treats it as a miss.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tui.claims.units import DateMention, Kind, Quantity, Unit
from tui.corpus.articles import Article
from tui.matching.conflicts import Conflict
from tui.matching.matcher import Cluster, Match, MatchResult, Tier


def claims_to_json(
    article: Article, claims: Sequence[Unit], tokens: Mapping[str, frozenset[str]] | None
) -> dict[str, Any]:
    """Units without their text (it is the article's text between the offsets), and the
    claims' match tokens when they are known."""
    body: dict[str, Any] = {
        "article": article.id,
        "units": [
            [
                c.id,
                c.start,
                c.end,
                str(c.kind),
                c.index,
                [[q.value, q.unit, q.text, q.start, q.end] for q in c.numbers],
                [[d.text, d.year, d.month, d.day, d.start, d.end] for d in c.dates],
                c.attribution,
            ]
            for c in claims
        ],
    }
    if tokens is not None:
        lines = [(" ".join(sorted(tokens[c.id])), len(tokens[c.id])) for c in claims if c.is_claim]
        # Match tokens never hold whitespace; should one ever, the tokens are not stored.
        if all(line.count(" ") == max(size - 1, 0) and "\n" not in line for line, size in lines):
            body["tokens"] = "\n".join(line for line, _ in lines)
    return body


def tokens_from_json(claims: Sequence[Unit], body: Any) -> dict[str, frozenset[str]] | None:
    """The match tokens stored with the claims, by claim id; None when there are none or
    they do not fit the claims (then they are computed again)."""
    text = body.get("tokens") if isinstance(body, dict) else None
    if not isinstance(text, str):
        return None
    ids = [c.id for c in claims if c.is_claim]
    lines = text.split("\n") if ids else []
    if len(lines) != len(ids):
        return None
    return {
        cid: frozenset(line.split(" ")) if line else frozenset()
        for cid, line in zip(ids, lines, strict=True)
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _in(k: Any, items: list[Any]) -> bool:
    """Is `k` an index of `items` (negative indexes are not)?"""
    return _is_int(k) and 0 <= k < len(items)


def claims_from_json(article: Article, body: Any) -> list[Unit]:
    """The units, checked against the article; ValueError (or another error) if they do not fit."""
    if body["article"] != article.id:
        raise ValueError("claims of another article")
    text, prefix, size = article.text, article.id + ":", len(article.text)
    kinds = {str(k): k for k in Kind}
    claims: list[Unit] = []
    for index, (cid, start, end, kind, position, numbers, dates, attribution) in enumerate(
        body["units"]
    ):
        if not (
            isinstance(cid, str)
            and cid.startswith(prefix)
            and _is_int(start)
            and _is_int(end)
            and 0 <= start <= end <= size
            and position == index
            and isinstance(attribution, str)
        ):
            raise ValueError(f"unit {index} does not fit the article")
        quantities = tuple(
            Quantity(value, unit, surface, s, e) for value, unit, surface, s, e in numbers
        )
        mentions = tuple(DateMention(t, y, m, d, s, e) for t, y, m, d, s, e in dates)
        claims.append(
            Unit(
                cid,
                article.id,
                text[start:end],
                start,
                end,
                kinds[kind],
                index,
                quantities,
                mentions,
                attribution,
            )
        )
    return claims


def result_to_json(
    result: MatchResult, article_of: dict[str, str], articles: list[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(header extra, body): claims by index, each with its article's index in `articles`."""
    ids = sorted({cid for m in result.matches for cid in (m.a, m.b)})
    index = {cid: k for k, cid in enumerate(ids)}
    position = {key: k for k, key in enumerate(articles)}
    rows: list[list[Any]] = []
    for m in result.matches:
        row: list[Any] = [index[m.a], index[m.b], m.score, str(m.tier)]
        if m.conflicts:
            row.append([[c.kind, c.subject, c.a, c.b] for c in m.conflicts])
        rows.append(row)
    body = {
        "claims": ids,
        "owner": [position[article_of[cid]] for cid in ids],
        "matches": rows,
        "clusters": [[cl.id, [index[cid] for cid in cl.claims]] for cl in result.clusters],
    }
    return {"articles": articles}, body


def _kept_claims(
    header: dict[str, Any], body: Any, shared: set[str], ids_by_key: dict[str, set[str]]
) -> list[bool]:
    """Per cached claim: is its article shared? Raises ValueError when a shared article's
    cached claim is not one of its current claims (the entry does not fit)."""
    articles, ids, owner = header["articles"], body["claims"], body["owner"]
    if len(ids) != len(owner):
        raise ValueError("claims and owners differ in length")
    kept = []
    for cid, k in zip(ids, owner, strict=True):
        if not _in(k, articles):
            raise ValueError("an owner out of range")
        key = articles[k]
        keep = key in shared
        if keep and cid not in ids_by_key[key]:
            raise ValueError(f"{cid}: not a claim of its article")
        kept.append(keep)
    return kept


def matches_from_json(
    header: dict[str, Any], body: Any, shared: set[str], ids_by_key: dict[str, set[str]]
) -> tuple[Match, ...]:
    """The cached matches between claims of shared articles."""
    kept = _kept_claims(header, body, shared, ids_by_key)
    ids = body["claims"]
    tiers = {str(t): t for t in Tier}
    matches: list[Match] = []
    for row in body["matches"]:
        i, j, score, tier = row[0], row[1], row[2], row[3]
        if i < 0 or j < 0:  # out of range on the other side: IndexError below
            raise ValueError("a match row out of range")
        if not (kept[i] and kept[j]):
            continue
        a, b = ids[i], ids[j]
        if not (a < b and isinstance(score, float) and 0.0 <= score <= 100.0):
            raise ValueError("a match row does not fit")
        conflicts = tuple(Conflict(*c) for c in row[4]) if len(row) > 4 else ()
        matches.append(Match(a, b, score, tiers[tier], conflicts))
    return tuple(matches)


def clusters_from_json(body: Any) -> tuple[Cluster, ...]:
    ids = body["claims"]
    clusters = []
    for cid, members in body["clusters"]:
        if not (isinstance(cid, str) and len(members) >= 2 and all(_in(k, ids) for k in members)):
            raise ValueError("a cluster does not fit")
        clusters.append(Cluster(cid, tuple(ids[k] for k in members)))
    return tuple(clusters)
