"""The reviewer's links applied to the machine's matches: the one place where they are, so
that everything reading an analysis (clusters, corroboration counts, suggested verdicts,
coverage, stats, the panes, search filters, `match --verdicts`, every export) honours them.

- a confirmed ("same") or contradicting link counts as a match whatever the score: the
  machine's pair becomes a `match` (a suggestion, or a pair the machine never offered,
  scored as the machine scores it, with the figures and dates it disagrees on);
- a rejected ("different") link removes the pair from the matches and suggestions;
- clusters: a confirmed (or contradicting) link merges the clusters of its two claims
  whatever the share (a claim in none joins the other's); a rejected one splits a cluster
  that holds both its claims (the cluster is formed again from its members' matches, the
  two kept apart). Clusters no link touches stay as the machine made them.

In a merged file, a pair the reviewers linked differently (a link disagreement) is left
as the machine had it until it is adjudicated.

`LinkedAnalysis` is an `Analysis`: consumers that do not care about links read it as one;
those that do ask it a match's `source` ("reviewer" or "machine") and a pair's relation.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from tui.analysis.pipeline import Analysis
from tui.claims.units import Unit
from tui.config import MatchSettings
from tui.matching.clusters import build_clusters, cluster_id
from tui.matching.conflicts import find_conflicts
from tui.matching.matcher import Cluster, Conflict, Match, Tier
from tui.matching.scoring import encode, match_tokens, score_pairs
from tui.verdicts.model import Correction, Link, Relation

REVIEWER, MACHINE = "reviewer", "machine"
Pair = tuple[str, str]


def pair_of(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class LinkedAnalysis(Analysis):
    """An analysis with the reviewer's splits, joins and links applied."""

    # The machine's analysis with the cuts applied, before the links (to link again).
    machine: Analysis | None = None
    # The machine's analysis of the files, before the cuts (to cut again).
    base: Analysis | None = None
    applied: tuple[tuple[Pair, Relation], ...] = ()  # the links in force, by pair
    disputed: tuple[Pair, ...] = ()  # pairs the reviewers of a merged file linked differently
    cuts: tuple[Correction, ...] = ()  # the splits and joins applied (placed)
    _relation: dict[Pair, Relation] = field(init=False, repr=False, compare=False)
    _linked: dict[str, tuple[tuple[str, Relation], ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        relation = dict(self.applied)
        linked: dict[str, list[tuple[str, Relation]]] = {}
        for (a, b), r in self.applied:
            linked.setdefault(a, []).append((b, r))
            linked.setdefault(b, []).append((a, r))
        object.__setattr__(self, "_relation", relation)
        object.__setattr__(self, "_linked", {k: tuple(v) for k, v in linked.items()})

    def relation(self, a: str, b: str) -> Relation | None:
        """The reviewer's word on the pair in force, or None (the machine's view)."""
        return self._relation.get(pair_of(a, b))

    def source(self, match: Match) -> str:
        """ "reviewer" for a match a link made or confirmed, else "machine"."""
        return REVIEWER if (match.a, match.b) in self._relation else MACHINE

    def linked(self, claim_id: str) -> tuple[tuple[str, Relation], ...]:
        """(other claim, relation) of every link in force on the claim, rejections too."""
        return self._linked.get(claim_id, ())

    @property
    def rejected(self) -> tuple[Pair, ...]:
        """Pairs the reviewer said are not the same fact, in order."""
        return tuple(p for p, r in self.applied if r is Relation.DIFFERENT)

    @property
    def machine_analysis(self) -> Analysis:
        return self.machine if self.machine is not None else self


def relation(analysis: Analysis, a: str, b: str) -> Relation | None:
    """The reviewer's word on a pair, for any analysis (None when no link applies)."""
    return analysis.relation(a, b) if isinstance(analysis, LinkedAnalysis) else None


def source_of(analysis: Analysis, match: Match) -> str:
    return analysis.source(match) if isinstance(analysis, LinkedAnalysis) else MACHINE


def in_force(links: Iterable[Link]) -> tuple[dict[Pair, Relation], tuple[Pair, ...]]:
    """The relation each linked pair takes (pairs whose reviewers disagree take none),
    and those disputed pairs."""
    said: dict[Pair, set[Relation]] = {}
    for link in links:
        said.setdefault(pair_of(*link.pair), set()).add(link.relation)
    agreed = {p: next(iter(r)) for p, r in said.items() if len(r) == 1}
    return agreed, tuple(sorted(p for p, r in said.items() if len(r) > 1))


def apply_links(
    analysis: Analysis,
    links: Iterable[Link],
    settings: MatchSettings | None = None,
    *,
    base: Analysis | None = None,
    cuts: tuple[Correction, ...] = (),
) -> LinkedAnalysis:
    """`analysis` (the machine's, cuts applied) with `links` (placed on its claims) in
    force. `base` and `cuts` are carried for the session, which cuts again from `base`."""
    if isinstance(analysis, LinkedAnalysis):
        analysis = analysis.machine_analysis
    settings = settings or MatchSettings()
    agreed, disputed = in_force(links)
    agreed = {
        p: r for p, r in agreed.items() if analysis.has_claim(p[0]) and analysis.has_claim(p[1])
    }
    matches = _linked_matches(analysis, agreed)
    clusters = _linked_clusters(analysis, matches, agreed, settings.cluster_min_share)
    return LinkedAnalysis(
        analysis.corpus,
        analysis.claims,
        tuple(matches),
        tuple(clusters),
        machine=analysis,
        base=base,
        applied=tuple(sorted(agreed.items())),
        disputed=disputed,
        cuts=cuts,
    )


def _linked_matches(analysis: Analysis, agreed: Mapping[Pair, Relation]) -> list[Match]:
    out: list[Match] = []
    seen: set[Pair] = set()
    made: list[tuple[Pair, Match | None]] = []  # pairs to make matches of
    for m in analysis.matches:
        pair = (m.a, m.b)
        said = agreed.get(pair)
        seen.add(pair)
        if said is None:
            out.append(m)
        elif said.is_match:
            if m.tier is Tier.MATCH:
                out.append(m)
            else:
                made.append((pair, m))
    made += [(pair, None) for pair, said in agreed.items() if said.is_match and pair not in seen]
    evidence = _evidence([(analysis.claim(a), analysis.claim(b)) for (a, b), _ in made])
    for ((a, b), machine), (score, conflicts) in zip(made, evidence, strict=True):
        # a suggestion keeps the machine's score (figure bonus included)
        kept = machine.score if machine is not None else score
        out.append(Match(a, b, kept, Tier.MATCH, conflicts))
    out.sort(key=lambda m: (m.a, m.b))
    return out


# (claim, claim) -> (the machine's word score, the figures and dates they disagree on),
# kept between calls: a session applies every link again at each change of one.
_EVIDENCE: dict[tuple[Unit, Unit], tuple[float, tuple[Conflict, ...]]] = {}
_EVIDENCE_LIMIT = 200_000


def _evidence(pairs: list[tuple[Unit, Unit]]) -> list[tuple[float, tuple[Conflict, ...]]]:
    """The score the machine gives each pair (as `similarity` does: its words only, all
    pairs scored in one pass) and the conflicts it would list, for pairs a link makes a
    match of."""
    missing = list(dict.fromkeys(p for p in pairs if p not in _EVIDENCE))
    if missing:
        if len(_EVIDENCE) + len(missing) > _EVIDENCE_LIMIT:
            _EVIDENCE.clear()
        claims = list(dict.fromkeys(c for pair in missing for c in pair))
        index = {c: i for i, c in enumerate(claims)}
        enc = encode([match_tokens(c.text) for c in claims])
        left = np.fromiter((index[a] for a, _ in missing), dtype=np.int64, count=len(missing))
        right = np.fromiter((index[b] for _, b in missing), dtype=np.int64, count=len(missing))
        scores = score_pairs(enc, left, right)
        empty = (enc.sizes[left] == 0) | (enc.sizes[right] == 0)
        for (a, b), score, none in zip(missing, scores.tolist(), empty.tolist(), strict=True):
            _EVIDENCE[(a, b)] = (0.0 if none else round(score, 1), find_conflicts(a, b))
    return [_EVIDENCE[p] for p in pairs]


def _linked_clusters(
    analysis: Analysis,
    matches: list[Match],
    agreed: Mapping[Pair, Relation],
    min_share: float,
) -> list[Cluster]:
    """The machine's clusters with the links applied: the clusters (or lone claims) at the
    two ends of a confirmed or contradicting link are merged, whatever the share; a cluster
    that then holds both claims of a rejected pair is formed again from its members' matches
    (`build_clusters`, with the confirmed pairs joined and the rejected ones apart)."""
    if not agreed:
        return list(analysis.clusters)
    group: dict[str, int] = {}
    members: dict[int, set[str]] = {}
    for n, cluster in enumerate(analysis.clusters):
        members[n] = set(cluster.claims)
        for c in cluster.claims:
            group[c] = n

    fresh = itertools.count(len(members))

    def group_of(claim: str) -> int:
        if claim not in group:
            group[claim] = n = next(fresh)
            members[n] = {claim}
        return group[claim]

    for (a, b), said in sorted(agreed.items()):
        ga, gb = group_of(a), group_of(b)
        if said.is_match and ga != gb:
            keep, gone = min(ga, gb), max(ga, gb)
            for c in members.pop(gone):
                group[c] = keep
                members[keep].add(c)
    joined = [p for p, r in agreed.items() if r.is_match]
    apart = [p for p, r in agreed.items() if not r.is_match]
    parted = {group[a] for a, b in apart if a in group and group.get(b) == group[a]}
    out: list[Cluster] = []
    machine = {cl.claims: cl for cl in analysis.clusters}
    for n, found in members.items():
        if n in parted:
            out += _formed_again(analysis, matches, found, joined, apart, min_share)
        elif len(found) >= 2:
            claims = tuple(sorted(found))
            out.append(machine.get(claims) or Cluster(cluster_id(claims), claims))
    out.sort(key=lambda cl: cl.claims)
    return out


def _formed_again(
    analysis: Analysis,
    matches: list[Match],
    found: set[str],
    joined: list[Pair],
    apart: list[Pair],
    min_share: float,
) -> list[Cluster]:
    edges = [
        (m.a, m.b, m.score)
        for m in matches
        if m.tier is Tier.MATCH and m.a in found and m.b in found
    ]
    article_of = {c: analysis.claim(c).article for c in found}
    inside = [p for p in joined if p[0] in found and p[1] in found]
    kept = [p for p in apart if p[0] in found and p[1] in found]
    formed = build_clusters(edges, article_of, min_share, joined=inside, apart=kept)
    return [Cluster(cid, claims) for cid, claims in formed]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """A claim paired with the one in view, as the inspector lists it."""

    claim: str  # the other claim's id
    tier: Tier | None  # "match" or "suggestion"; None for a pair the reviewer rejected
    score: float
    source: str  # "reviewer" (a link made or confirmed it, or rejected it) or "machine"
    relation: Relation | None  # the reviewer's word on the pair, None: the machine's view
    conflicts: tuple[Conflict, ...] = ()


def counterparts(analysis: Analysis, claim_id: str) -> tuple[Counterpart, ...]:
    """The claim's matches and suggestions in `analysis`, best score first (each with its
    source and the reviewer's word), then the pairs the reviewer rejected, by score."""
    out = []
    for m in analysis.matches_of(claim_id):
        other = m.b if m.a == claim_id else m.a
        out.append(
            Counterpart(
                other,
                m.tier,
                m.score,
                source_of(analysis, m),
                relation(analysis, claim_id, other),
                m.conflicts,
            )
        )
    if isinstance(analysis, LinkedAnalysis):
        machine = {
            (m.b if m.a == claim_id else m.a): m.score
            for m in analysis.machine_analysis.matches_of(claim_id)
        }
        rejected = [
            Counterpart(other, None, machine.get(other, 0.0), REVIEWER, r)
            for other, r in analysis.linked(claim_id)
            if r is Relation.DIFFERENT
        ]
        out += sorted(rejected, key=lambda c: (-c.score, c.claim))
    return tuple(out)
