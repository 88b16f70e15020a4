"""Re-anchoring: putting saved decisions back on the articles' current text.

A verdict remembers its claim's exact text, up to 32 characters either side and its offsets
(a W3C TextQuoteSelector plus a TextPositionSelector). When an article is unchanged (same
sha256) and the claim unit is still where it was, the verdict stays as it is. Otherwise,
as web annotation tools do:

1. the unit that still has the verdict's claim id and exact text keeps it;
2. the exact quote is searched in the text; several occurrences are told apart by how well
   the context either side matches, then by nearness to the old position;
3. otherwise every unit of the article is scored against the quote with rapidfuzz (the mean
   of `ratio` and `token_sort_ratio`, so a fixed typo or words moved about still match), with
   the context (up to CONTEXT_WEIGHT points) and the position (up to POSITION_WEIGHT points)
   as tie-breakers. Below QUOTE_THRESHOLD the verdict becomes an orphan.

Each unit takes at most one verdict (best scores first), so two verdicts never land on one
claim. An orphan keeps its old anchor untouched and stays in the file; nothing is dropped.
Corrections are re-anchored the same way.

A verdict placed on words other than those it was decided on keeps those words
(`Verdict.decided_text`), so the change is shown and never silently taken as decided.

An article id gone from the corpus is looked for by its bytes: the one article that holds
the same sha256 and that no decision names yet is that file renamed or moved, and its
decisions are placed there as if the id had not changed. Failing that, each decision
becomes an orphan whose candidate is a unit of another article with exactly its words. That
candidate is offered, never taken by itself: the same sentence in another article is most
often another outlet carrying the same words, and a verdict on what one source said must not
move to another source (nor count toward its corroboration) without the reviewer's say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tui.claims.units import Unit
from tui.corpus.articles import Article
from tui.verdicts.model import Anchor, Correction, Verdict, VerdictSet, make_anchor, moved_to

# A fixed typo scores ~99, a sentence reworded with the same words moved about ~85, a
# neighbouring sentence on the same topic ~50-65. 75 keeps the first two and refuses the last.
QUOTE_THRESHOLD = 75.0
CONTEXT_WEIGHT = 5.0
POSITION_WEIGHT = 2.0
_SAME_ID, _EXACT = 2000.0, 1000.0  # bonuses that rank the certain steps first

D = TypeVar("D", Verdict, Correction)


@dataclass(frozen=True, slots=True)
class Orphan:
    """A verdict that could not be placed, with the best candidate seen (if any)."""

    verdict: Verdict
    candidate_claim_id: str | None
    candidate_score: float  # quote similarity 0-100 of the candidate, 0 without one


@dataclass(frozen=True, slots=True)
class OrphanCorrection:
    correction: Correction
    candidate_claim_id: str | None
    candidate_score: float


@dataclass(frozen=True, slots=True)
class Reanchored:
    """The verdicts (and corrections) placed on the current text, and the orphans."""

    source: VerdictSet
    placed: tuple[Verdict, ...]
    orphans: tuple[Orphan, ...]
    corrections: tuple[Correction, ...] = ()
    orphan_corrections: tuple[OrphanCorrection, ...] = ()

    @property
    def verdict_set(self) -> VerdictSet:
        """The set to keep working on and to save: placed decisions with their new anchors,
        orphans exactly as they were (so saving never drops them); splits, joins and links
        as they were (placed elsewhere)."""
        cuts = tuple(c for c in self.source.corrections if c.cuts)
        return replace(
            self.source,
            verdicts=self.placed + tuple(o.verdict for o in self.orphans),
            corrections=(
                self.corrections + tuple(o.correction for o in self.orphan_corrections) + cuts
            ),
        )


@dataclass(frozen=True, slots=True)
class _Outcome:
    unit: Unit | None  # where it goes now; None: an orphan
    candidate: Unit | None  # the best unit seen, for an orphan
    score: float


def _quote_score(old: str, new: str) -> float:
    return (
        fuzz.ratio(old, new, processor=default_process)
        + fuzz.token_sort_ratio(old, new, processor=default_process)
    ) / 2


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0-100: how well the text around [start, end) matches the remembered prefix/suffix."""
    scores = []
    if anchor.prefix:
        scores.append(fuzz.ratio(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start]))
    if anchor.suffix:
        scores.append(fuzz.ratio(anchor.suffix, text[end : end + len(anchor.suffix)]))
    return sum(scores) / len(scores) if scores else 0.0


def _tie_breaks(anchor: Anchor, text: str, start: int, end: int) -> float:
    distance = min(1.0, abs(start - anchor.start) / max(1, len(text)))
    context = _context_score(anchor, text, start, end)
    return CONTEXT_WEIGHT * context / 100 + POSITION_WEIGHT * (1 - distance)


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while quote and at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _unit_at(units: Sequence[Unit], start: int, end: int) -> Unit | None:
    """The unit that is exactly [start, end), else the one overlapping it most (if any)."""
    best, best_overlap = None, 0
    for unit in units:
        if (unit.start, unit.end) == (start, end):
            return unit
        overlap = min(unit.end, end) - max(unit.start, start)
        if overlap > best_overlap:
            best, best_overlap = unit, overlap
    return best


def _place_in_article(
    anchors: Sequence[Anchor], article: Article, units: Sequence[Unit]
) -> list[_Outcome]:
    """One outcome per anchor, each unit given to at most one anchor (best ranks first)."""
    text = article.text
    by_id = {u.id: u for u in units}
    # (rank, quote score, anchor index, unit) for every pairing worth considering
    pairs: list[tuple[float, float, int, Unit]] = []
    best_seen: list[tuple[float, Unit | None]] = [(0.0, None)] * len(anchors)
    for i, anchor in enumerate(anchors):
        same = by_id.get(anchor.claim)
        if same is not None and text[same.start : same.end] == anchor.text:
            rank = _SAME_ID + _tie_breaks(anchor, text, same.start, same.end)
            pairs.append((rank, 100.0, i, same))
        for at in _occurrences(text, anchor.text):
            unit = _unit_at(units, at, at + len(anchor.text))
            if unit is not None:
                score = _quote_score(anchor.text, unit.text)
                rank = _EXACT + score + _tie_breaks(anchor, text, at, at + len(anchor.text))
                pairs.append((rank, score, i, unit))
        for unit in units:
            score = _quote_score(anchor.text, unit.text)
            if score > best_seen[i][0]:
                best_seen[i] = (score, unit)
            if score >= QUOTE_THRESHOLD:
                rank = score + _tie_breaks(anchor, text, unit.start, unit.end)
                pairs.append((rank, score, i, unit))
    pairs.sort(key=lambda p: (-p[0], p[2], p[3].start))
    outcomes: list[_Outcome | None] = [None] * len(anchors)
    taken: set[str] = set()
    for _rank, score, i, unit in pairs:
        if outcomes[i] is None and unit.id not in taken:
            outcomes[i] = _Outcome(unit, unit, score)
            taken.add(unit.id)
    return [
        o if o is not None else _Outcome(None, best_seen[i][1], best_seen[i][0])
        for i, o in enumerate(outcomes)
    ]


Elsewhere = Mapping[str, Sequence[tuple[Article, Unit]]]  # unit text -> where it stands


def _units_by_text(
    articles: Mapping[str, Article], claims_by_article: Mapping[str, Sequence[Unit]]
) -> Elsewhere:
    """Every unit by its exact words, in article id then position order. A dict lookup per
    orphan instead of a search of every article's text: a deleted article's decisions stay
    orphans at every opening until discarded, so they must cost next to nothing."""
    found: dict[str, list[tuple[Article, Unit]]] = {}
    for article_id in sorted(articles):
        for unit in claims_by_article.get(article_id, ()):
            found.setdefault(unit.text, []).append((articles[article_id], unit))
    return found


def _quote_elsewhere(anchor: Anchor, elsewhere: Elsewhere) -> tuple[Unit | None, float]:
    """For a decision whose article is gone: the unit of another article with exactly its
    words (the best context either side, then the first article by id), scored 100."""
    best: tuple[float, Unit] | None = None
    for article, unit in elsewhere.get(anchor.text, ()):
        context = _context_score(anchor, article.text, unit.start, unit.end)
        if best is None or context > best[0]:
            best = (context, unit)
    return (best[1], 100.0) if best is not None else (None, 0.0)


def renamed_articles(anchors: Iterable[Anchor], articles: Mapping[str, Article]) -> dict[str, str]:
    """Article ids gone from the corpus -> the article now holding the same bytes (the file
    renamed or moved): the only article with one of the sha256s its decisions were made on
    that no decision names. Two gone ids claiming one article are left alone (ambiguous).
    `anchors`: every anchor of the file (verdicts, corrections, both ends of links)."""
    anchors = list(anchors)
    named = {a.article for a in anchors}
    unnamed: dict[str, set[str]] = {}
    for a in articles.values():
        if a.id not in named:
            unnamed.setdefault(a.sha256, set()).add(a.id)
    found: dict[str, str] = {}
    for gone in sorted(named - set(articles)):
        hashes = {a.article_sha256 for a in anchors if a.article == gone}
        targets = {t for h in hashes for t in unnamed.get(h, ())}
        if len(targets) == 1:
            found[gone] = targets.pop()
    taken = list(found.values())
    return {gone: t for gone, t in found.items() if taken.count(t) == 1}


def file_anchors(vs: VerdictSet) -> list[Anchor]:
    """Every anchor a verdict file holds."""
    out = [v.anchor for v in vs.verdicts]
    for c in vs.corrections:
        out.append(c.anchor)
        if c.join_with is not None:
            out.append(c.join_with)
    for link in vs.links:
        out += [link.a, link.b]
    return out


def place_anchor(
    anchor: Anchor,
    articles: Mapping[str, Article],
    units: Mapping[str, Sequence[Unit]],
    renamed: Mapping[str, str],
) -> tuple[Unit | None, Unit | None, float]:
    """One anchor placed on its own, with no other decision competing for the units (the
    ends of links: a claim may take part in many): (the unit it stands on now or None,
    the best candidate seen, its score). The same steps as `reanchor`'s."""
    article = articles.get(renamed.get(anchor.article, anchor.article))
    if article is None:
        return None, None, 0.0
    here = units.get(article.id, ())
    if article.sha256 == anchor.article_sha256:
        for unit in here:
            if (unit.id, unit.start, unit.end) == (anchor.claim, anchor.start, anchor.end):
                return unit, unit, 100.0
    (outcome,) = _place_in_article([anchor], article, here)
    return outcome.unit, outcome.candidate, outcome.score


def _moved(decision: D, anchor: Anchor) -> D:
    if isinstance(decision, Verdict):
        return moved_to(decision, anchor)
    return replace(decision, anchor=anchor)


def _as_mapping(articles: Mapping[str, Article] | Iterable[Article]) -> Mapping[str, Article]:
    if isinstance(articles, Mapping):
        return articles
    return {a.id: a for a in articles}


Placed = list[tuple[D, D]]  # (as in the file, on the current text)
Lost = list[tuple[D, Unit | None, float]]  # (as in the file, best candidate, its score)


def _place_all(
    decisions: Sequence[D],
    articles: Mapping[str, Article],
    claims_by_article: Mapping[str, Sequence[Unit]],
    renamed: Mapping[str, str],
) -> tuple[Placed[D], Lost[D]]:
    placed: Placed[D] = []
    orphans: Lost[D] = []
    # A merged file holds one decision per claim per reviewer: each reviewer's decisions
    # are placed on their own, so two reviewers' verdicts on one claim both find it.
    by_article: dict[tuple[str, str], list[D]] = {}
    elsewhere: Elsewhere | None = None  # built when an article is gone
    for d in decisions:
        now = renamed.get(d.anchor.article, d.anchor.article)
        by_article.setdefault((now, _reviewer(d)), []).append(d)
    for (article_id, _), group in sorted(by_article.items()):
        article = articles.get(article_id)
        if article is None:  # the article is gone from the corpus
            if elsewhere is None:
                elsewhere = _units_by_text(articles, claims_by_article)
            for gone in group:
                candidate, score = _quote_elsewhere(gone.anchor, elsewhere)
                orphans.append((gone, candidate, score))
            continue
        units = list(claims_by_article.get(article_id, ()))
        where = {(u.id, u.start, u.end) for u in units}
        rest: list[D] = []
        kept: set[str] = set()
        for d in group:
            a = d.anchor
            if a.article_sha256 == article.sha256 and (a.claim, a.start, a.end) in where:
                placed.append((d, d))  # fast path: same text, same unit
                kept.add(a.claim)
            else:
                rest.append(d)
        free = [u for u in units if u.id not in kept]
        outcomes = _place_in_article([d.anchor for d in rest], article, free)
        for d, outcome in zip(rest, outcomes, strict=True):
            if outcome.unit is None:
                orphans.append((d, outcome.candidate, outcome.score))
            else:
                placed.append((d, _moved(d, make_anchor(article, outcome.unit))))
    return _settle_id_clashes(placed, orphans)


def _reviewer(decision: Verdict | Correction) -> str:
    return decision.reviewer if isinstance(decision, Verdict) else ""


def _settle_id_clashes(placed: Placed[D], orphans: Lost[D]) -> tuple[Placed[D], Lost[D]]:
    """An orphan keeps its old claim id; if a placed decision took the unit with that very
    id, the file would list the id twice. The orphan then takes that unit (its own id, so the
    same words after normalisation) and the other becomes the orphan, as it was in the file.
    Each swap puts a decision on the unit bearing its own old id, so this ends."""
    while True:
        by_new_id = {(new.anchor.claim, _reviewer(new)): n for n, (_, new) in enumerate(placed)}
        clash = next(
            (k for k, o in enumerate(orphans) if (o[0].anchor.claim, _reviewer(o[0])) in by_new_id),
            None,
        )
        if clash is None:
            return placed, orphans
        orphan, _, _ = orphans.pop(clash)
        n = by_new_id[(orphan.anchor.claim, _reviewer(orphan))]
        displaced, taken = placed[n]
        placed[n] = (orphan, _moved(orphan, taken.anchor))
        score = _quote_score(displaced.anchor.text, taken.anchor.text)
        orphans.append((displaced, None, score))


def reanchor(
    vs: VerdictSet,
    articles: Mapping[str, Article] | Iterable[Article],
    claims_by_article: Mapping[str, Sequence[Unit]],
) -> Reanchored:
    """Place every verdict and every correction of a unit's kind of `vs` on the current
    articles and claim units. Splits and joins (which make the units these are placed on)
    and links are placed by `tui.verdicts.cuts` and `tui.verdicts.link_anchoring`."""
    by_id = _as_mapping(articles)
    renamed = renamed_articles(file_anchors(vs), by_id)
    kinds = [c for c in vs.corrections if not c.cuts]
    placed, orphans = _place_all(vs.verdicts, by_id, claims_by_article, renamed)
    fixed, lost = _place_all(kinds, by_id, claims_by_article, renamed)
    return Reanchored(
        source=vs,
        placed=tuple(new for _, new in placed),
        orphans=tuple(Orphan(v, c.id if c else None, round(s, 1)) for v, c, s in orphans),
        corrections=tuple(new for _, new in fixed),
        orphan_corrections=tuple(
            OrphanCorrection(c, u.id if u else None, round(s, 1)) for c, u, s in lost
        ),
    )


def reattach(orphan: Orphan | Verdict, claim: Unit, article: Article) -> Verdict:
    """The orphan's verdict moved onto `claim` of `article` (the reviewer chose it), keeping
    the text it was decided on when the claim's words differ from it."""
    verdict = orphan.verdict if isinstance(orphan, Orphan) else orphan
    return moved_to(verdict, make_anchor(article, claim))


def resume_claim(vs: VerdictSet, ordered_claim_ids: Sequence[str]) -> str | None:
    """The first untriaged claim after the most recent decision, wrapping around; the first
    untriaged claim when nothing was decided yet; None when every claim is triaged."""
    decided = {v.claim for v in vs.verdicts}
    untriaged = [i for i, c in enumerate(ordered_claim_ids) if c not in decided]
    if not untriaged:
        return None
    position = {c: i for i, c in enumerate(ordered_claim_ids)}
    decisions: list[Verdict | Correction] = [*vs.verdicts, *vs.corrections]
    moments: list[tuple[datetime, int]] = [
        (d.decided_at, position[d.anchor.claim]) for d in decisions if d.anchor.claim in position
    ]
    if not moments:
        return ordered_claim_ids[untriaged[0]]
    _, last = max(moments)
    after = next((i for i in untriaged if i > last), untriaged[0])
    return ordered_claim_ids[after]
