"""The read side of the reviewer's session: what is decided, what the filter lets through,
and moving the cursor in the order the filter walks (`tui.review.walk`: reading order, or
most contested first for `contested`). No textual here. `tui.review.session.Session`
builds on it with the changes.

The session's analysis is the reviewer's (`tui.review.links.LinkedAnalysis`): the splits and
joins of the verdict set cut its units, its links decide the matches. Whenever the set's
cuts or links change (a change of the session, an undo, a change merged in from outside),
`sync` brings the analysis in line: links are applied again to the machine's matches, cuts
cut the machine's units again and match the articles they touch again.

A claim deferred for later carries a verdict of status "later", which is not a verdict: it
is not triaged (`progress`, `statuses`), "next untriaged" passes it by, and the "later"
filter finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from tui.claims.units import Unit
from tui.review.walk import SortedWalk, Walk
from tui.verdicts.model import Correction, Disagreement, Status, Verdict, VerdictSet

if TYPE_CHECKING:  # the analysis module pulls in the matcher; the app loads it lazily
    from tui.analysis.pipeline import Analysis
    from tui.config import MatchSettings
    from tui.matching.matcher import Match
    from tui.review.orphans import OrphanItem
    from tui.review.sources import Sources
    from tui.verdicts.anchoring import OrphanCorrection
    from tui.verdicts.link_anchoring import OrphanLink

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Filter(StrEnum):
    ALL = "all"
    UNTRIAGED = "untriaged"
    MATCHED = "matched"
    CONFLICTS = "conflicts"
    # Disputed by a match, or matched by several other sources; most contested first.
    CONTESTED = "contested"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    UNSOURCED = "unsourced"
    LATER = "later"  # claims deferred for a second look
    NOT_CLAIMS = "not claims"  # the units the machine (or the reviewer) set aside; K restores
    DISAGREEMENTS = "disagreements"  # merged files: claims the reviewers decided differently


# The filters `f` goes round; a merged file with disagreements also offers DISAGREEMENTS.
FILTER_CYCLE: tuple[Filter, ...] = tuple(f for f in Filter if f is not Filter.DISAGREEMENTS)


class Remedy(StrEnum):
    """What would let a refused request go through. The app names the keys for it (the
    domain never names keys: they can be remapped)."""

    MAKE_CLAIM = "make a claim"  # the unit must be a claim first
    DECIDE = "decide"  # the claim needs a verdict first (or the disagreement settled)


class TriageError(Exception):
    """A request that cannot be carried out as asked; the message says why, for the reviewer,
    and `remedy` (when there is one) what would help."""

    def __init__(self, message: str, remedy: Remedy | None = None) -> None:
        super().__init__(message)
        self.remedy = remedy


def other_end(match: Match, claim_id: str) -> str:
    return match.b if match.a == claim_id else match.a


class SessionView(Walk):
    """The read side of a session: the cursor, the filter, the verdicts of one reviewer
    over one analysis, and moving about them. `Session` (tui/review/session.py) adds the changes.

    `sources` (tui.review.sources, built once per analysis) says which articles are independent;
    `orphans` are the decisions re-anchoring could not place (kept in the set untouched);
    `reviewer` signs the adjudicator's verdicts and links in a merged file (and every link);
    `settings` are the matching settings (cuts match again with them, links form clusters
    and the sources count wire copies with them)."""

    def __init__(
        self,
        analysis: Analysis,
        verdict_set: VerdictSet,
        *,
        clock: Clock = utc_now,
        sources: Sources | None = None,
        orphans: Sequence[OrphanItem] = (),
        reviewer: str = "",
        settings: MatchSettings | None = None,
    ) -> None:
        self.analysis = analysis
        self.clock = clock
        self.reviewer = reviewer
        self.settings = settings
        self.filter = Filter.ALL
        self.units: tuple[Unit, ...] = analysis.claims
        self._position = {c.id: i for i, c in enumerate(self.units)}
        self._reading = tuple(c.id for c in self.units)
        self._contest: tuple[Analysis, SortedWalk] | None = None
        self._sources = sources
        self._orphans: tuple[OrphanItem, ...] = tuple(orphans)
        self.verdict_set = verdict_set
        self.link_from: str | None = None  # the claim marked to be linked (begin_link)
        self.sync(verdict_set)
        self.cursor: str | None = None
        self.cursor = self.first()

    # ---- state ------------------------------------------------------------------------

    def sync(self, verdict_set: VerdictSet) -> None:
        """Take `verdict_set` as the truth (after a save, which may merge outside changes)."""
        self.verdict_set = verdict_set
        orphaned = {o.decision for o in self._orphans}
        self._follow(verdict_set, orphaned)
        self._disagreements = {
            d.claim: d for d in verdict_set.disagreements if d.claim in self._position
        }
        self._contested: dict[str, tuple[Verdict, ...]] = {}
        self._verdicts: dict[str, Verdict] = {}
        for v in verdict_set.verdicts:
            if v.claim not in self._position or v in orphaned:
                continue
            if v.claim in self._disagreements:
                self._contested[v.claim] = (*self._contested.get(v.claim, ()), v)
            elif (old := self._verdicts.get(v.claim)) is None or v.decided_at > old.decided_at:
                self._verdicts[v.claim] = v
        self._corrections = {
            c.anchor.claim: c
            for c in verdict_set.corrections
            if c.anchor.claim in self._position and c not in orphaned and not c.cuts
        }

    def _follow(self, vs: VerdictSet, orphaned: Collection[object]) -> None:
        """Make the analysis the reviewer's for `vs`: cut again when its splits and joins
        differ from those applied, link again when its links do."""
        from tui.review.links import LinkedAnalysis, apply_links, in_force
        from tui.review.reviewed import review_analysis

        cuts = frozenset(c for c in vs.corrections if c.cuts and c not in orphaned)
        links = tuple(k for k in vs.links if k not in orphaned)
        now = self.analysis
        if not isinstance(now, LinkedAnalysis) or frozenset(now.cuts) != cuts:
            working = replace(vs, corrections=tuple(cuts), links=links)
            reviewed = review_analysis(now, working, self.settings)
            self._adopt(reviewed.orphan_links, reviewed.orphan_cuts)
            self._use(reviewed.analysis)
            return
        agreed, disputed = in_force(links)
        agreed = {
            p: r for p, r in agreed.items() if p[0] in self._position and p[1] in self._position
        }
        if agreed != dict(now.applied) or disputed != now.disputed:
            self._use(apply_links(now, links, self.settings, base=now.base, cuts=now.cuts))

    def _adopt(self, links: Iterable[OrphanLink], cuts: Iterable[OrphanCorrection]) -> None:
        """List the links and cuts that could not be placed with the other orphans (when
        the session was given the machine's analysis, it places them itself)."""
        from tui.review.orphans import orphan_items

        held = {o.decision for o in self._orphans}
        found = orphan_items((), cuts, links)
        self._orphans += tuple(o for o in found if o.decision not in held)

    def _use(self, analysis: Analysis) -> None:
        """Work on `analysis` from now on (its units may differ: a split or a join)."""
        changed = analysis.claims != self.units
        if changed or analysis.matches != self.analysis.matches:
            self._sources = None  # built again on first use, with the links in force
        cursor = getattr(self, "cursor", None)
        was = self.analysis.claim(cursor) if cursor and self.analysis.has_claim(cursor) else None
        self.analysis = analysis
        if changed:
            self.units = analysis.claims
            self._position = {c.id: i for i, c in enumerate(self.units)}
            self._reading = tuple(c.id for c in self.units)
        if was is not None and was.id not in self._position:
            self.cursor = self._standing_at(was)

    def _standing_at(self, old: Unit) -> str | None:
        """The unit that now stands where `old` stood (a split's first half, a join's
        whole): the first of its article that ends after `old` began."""
        for unit in self.analysis.claims_of(old.article):
            if unit.end > old.start:
                return unit.id
        return self.first()

    def verdict(self, claim_id: str) -> Verdict | None:
        return self._verdicts.get(claim_id)

    def statuses(self) -> dict[str, Status]:
        """claim id -> its verdict's status, for every claim with a verdict (coverage,
        reports); a deferred claim ("later") has none."""
        return {cid: v.status for cid, v in self._verdicts.items() if v.status.is_verdict}

    def deferred(self) -> tuple[str, ...]:
        """The claims deferred for a second look, in reading order."""
        later = {cid for cid, v in self._verdicts.items() if not v.status.is_verdict}
        return tuple(c.id for c in self.units if c.id in later)

    def text_changed(self) -> int:
        """Placed verdicts whose claim's words changed since the decision (a second look)."""
        return sum(1 for v in self._verdicts.values() if v.text_changed)

    def correction(self, claim_id: str) -> Correction | None:
        return self._corrections.get(claim_id)

    def is_claim(self, claim_id: str) -> bool:
        """The reviewer's correction if there is one, else the machine's kind."""
        correction = self._corrections.get(claim_id)
        if correction is not None:
            return correction.is_claim
        return self.analysis.claim(claim_id).is_claim

    @property
    def sources(self) -> Sources:
        """Which articles are one source (same outlet, wire copies); built on first use."""
        if self._sources is None:
            from tui.config import MatchSettings
            from tui.review.sources import sources_of

            self._sources = sources_of(self.analysis, self.settings or MatchSettings())
        return self._sources

    @property
    def merged(self) -> bool:
        """A merged file (several reviewers), where disagreements wait for adjudication."""
        return bool(self.verdict_set.reviewers)

    def disagreement(self, claim_id: str) -> Disagreement | None:
        """The reviewers' open disagreement on the claim (merged files), if any."""
        return self._disagreements.get(claim_id)

    def disagreements(self) -> int:
        return len(self._disagreements)

    def orphans(self) -> tuple[OrphanItem, ...]:
        """The orphaned decisions still in the file (re-attached or discarded ones go)."""
        vs = self.verdict_set
        held = set(vs.verdicts) | set(vs.corrections) | set(vs.links)
        return tuple(o for o in self._orphans if o.decision in held)

    @property
    def current(self) -> Unit | None:
        return None if self.cursor is None else self.analysis.claim(self.cursor)

    def claims(self) -> Iterator[Unit]:
        """Every unit that is a claim now (corrections applied), in reading order."""
        return (c for c in self.units if self.is_claim(c.id))

    def passes(self, claim_id: str, filter_: Filter | None = None) -> bool:
        f = self.filter if filter_ is None else filter_
        if f is Filter.NOT_CLAIMS:
            return not self.is_claim(claim_id)
        if f is Filter.DISAGREEMENTS:
            return claim_id in self._disagreements
        if not self.is_claim(claim_id):
            return False
        verdict = self._verdicts.get(claim_id)
        if f is Filter.ALL:
            return True
        if f is Filter.UNTRIAGED:
            return verdict is None
        if f is Filter.MATCHED:
            return any(m.tier == "match" for m in self.analysis.matches_of(claim_id))
        if f is Filter.CONFLICTS:
            return any(m.conflicts for m in self.analysis.matches_of(claim_id))
        if f is Filter.CONTESTED:
            return claim_id in self._contested_walk().index
        return verdict is not None and verdict.status == f.value

    def progress(self, article_id: str | None = None) -> tuple[int, int]:
        """(triaged, claims) over the corpus, or over one article; a deferred claim is not
        triaged (`later_count` counts those)."""
        units = self.units if article_id is None else self.analysis.claims_of(article_id)
        ids = [c.id for c in units if self.is_claim(c.id)]
        triaged = sum(1 for i in ids if (v := self._verdicts.get(i)) and v.status.is_verdict)
        return triaged, len(ids)

    def later_count(self, article_id: str | None = None) -> int:
        """Claims deferred for later, over the corpus or one article."""
        units = self.units if article_id is None else self.analysis.claims_of(article_id)
        return sum(
            1
            for c in units
            if (v := self._verdicts.get(c.id)) and not v.status.is_verdict and self.is_claim(c.id)
        )

    # ---- navigation -------------------------------------------------------------------

    def move_to(self, claim_id: str | None) -> bool:
        """Select `claim_id` (ignored when None or unknown); True when the cursor moved."""
        if claim_id is None or claim_id not in self._position or claim_id == self.cursor:
            return False
        self.cursor = claim_id
        return True

    def set_filter(self, filter_: Filter) -> None:
        """Change the filter; the cursor moves to the nearest claim it lets through (in a
        filter sorted otherwise than in reading order, to its first)."""
        self.filter = filter_
        if self.cursor is not None and self.passes(self.cursor):
            return
        if self._sorted_walk() is not None:
            self.move_to(self.first())
            return
        self.move_to(self.following(1) or self.following(-1) or self.first())

    def _sorted_walk(self) -> SortedWalk | None:
        return self._contested_walk() if self.filter is Filter.CONTESTED else None

    def _contested_walk(self) -> SortedWalk:
        """The contested claims, most contested first; ranked again when the analysis
        changes (a link, a split or a join can change how contested a claim is)."""
        if self._contest is None or self._contest[0] is not self.analysis:
            from tui.review.contest import contested_order

            ids, rank = contested_order(self.analysis, self.sources, self._position, self._reading)
            self._contest = (self.analysis, SortedWalk(ids, rank))
        return self._contest[1]

    @property
    def filter_cycle(self) -> tuple[Filter, ...]:
        """The filters `f` offers: disagreements first while a merged file has some."""
        if self._disagreements or self.filter is Filter.DISAGREEMENTS:
            return (Filter.ALL, Filter.DISAGREEMENTS, *FILTER_CYCLE[1:])
        return FILTER_CYCLE

    def cycle_filter(self) -> Filter:
        cycle = self.filter_cycle
        i = cycle.index(self.filter)
        self.set_filter(cycle[(i + 1) % len(cycle)])
        return self.filter

    def group(self, claim_id: str) -> tuple[str, ...]:
        """The claim's cluster, or (without one) the claim and its `match`-tier matches,
        restricted to claims the filter lets through; the claim itself always first."""
        cluster = self.analysis.cluster_of(claim_id)
        if cluster is not None:
            members = set(cluster.claims)
        else:
            members = {
                other_end(m, claim_id)
                for m in self.analysis.matches_of(claim_id)
                if m.tier == "match"
            }
        members.discard(claim_id)
        others = sorted(
            (cid for cid in members if cid in self._position and self.passes(cid)),
            key=self._position.__getitem__,
        )
        return (claim_id, *others)
