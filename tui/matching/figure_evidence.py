"""Shared figures as evidence that two claims report one fact.

Outlets reword a fact freely but keep its figure: "nearly 10,000 North Korean troops were
in Russia" / "approximately 11,000 North Korean troops were deployed". Two claims that state
a figure counting the same specific thing (the same counted noun, no contradicting
modifiers and the same role, as `tui.matching.stated_figures` and
`tui.matching.figure_roles` read them, with values close enough to be one count rounded or
estimated differently) and share another content word get a bounded bonus on their lexical
score, up to the match threshold and no further. When the figures differ, the match then
lists them as a conflict. An addition ("another 25 homes") is not a count, and two claims
placed at different events (`tui.matching.scope`) earn nothing.

Figures of generic units (percentages, money, spans of time) are not evidence: "3%" or
"$10 million" turn up in unrelated sentences far too often.

Only pairs that share such a figure can earn the bonus, so they are enumerated from the
figures themselves (`candidate_pairs`): blocking keeps its floor and stays exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from tui.claims.units import Unit
from tui.matching.figure_roles import Context, roles_agree
from tui.matching.scope import StoryScope
from tui.matching.stated_figures import Figure, figures

BONUS = 20.0
# Outlets' figures for one count differ by rounding and by whose estimate they quote
# ("nearly 10,000" / "approximately 11,000"); beyond this ratio they are different counts.
MAX_RATIO = 1.3
# The counted noun plus at least one more shared content word.
MIN_SHARED_WORDS = 2
# Pairs generated at a time when enumerating figure pairs.
PAIR_BUDGET = 2_000_000
GENERIC_UNITS = frozenset(
    ["%", "$", "€", "£", "year", "month", "week", "day", "hour", "minute", "second", "time"]
)


def countable(claim: Unit) -> tuple[Figure, ...]:
    """The claim's figures that count a specific thing (an addition, "another 25 homes",
    is not the count another article gives)."""
    if not claim.numbers:
        return ()
    return tuple(f for f in figures(claim) if f.head not in GENERIC_UNITS and not f.increment)


# The value the bonus compares is the stated value raised by a slack (5% for "about",
# 0.5% for a bare figure): MAX_RATIO and BONUS were tuned on values read that way, and
# comparing the plain stated values would move pairs across the ratio's edge.
_SLACK = {"approx": 0.05, "exact": 0.005}


def _value(f: Figure) -> float:
    return f.value + abs(f.value) * _SLACK.get(f.hedge, 0.0)


class FigureEvidence:
    """Per claim, its countable figures and content words; the bonus for pairs of them.

    Figures are held as padded arrays (claims x figures: counted noun id, value, modifier
    set id) so that the figure test runs over whole chunks of pairs at once."""

    def __init__(
        self,
        units: Sequence[Unit],
        token_sets: Sequence[frozenset[str]],
        scope: StoryScope | None = None,
    ) -> None:
        """With a `scope` (`tui.matching.scope`), a pair whose claims cannot be about one
        event earns no bonus."""
        found = [countable(c) for c in units]
        self._units = units
        self._tokens = token_sets
        self._scope = scope
        # Each claim's kind in the scope, read when the claim first earns a bonus (-2 before).
        self._scope_kinds = np.full(len(units), -2, dtype=np.int64)
        self.has_figures = np.fromiter((bool(f) for f in found), dtype=bool, count=len(units))
        width = max((len(f) for f in found), default=0)
        self._heads = np.full((len(units), width), -1, dtype=np.int64)
        self._values = np.ones((len(units), width), dtype=np.float64)
        self._mods = np.zeros((len(units), width), dtype=np.int64)
        heads: dict[str, int] = {}
        # Each figure by its own id: whether two figures count the same thing is decided
        # for the pairs that reach the test, reading their context only then.
        self._figures: list[Figure] = []
        for i, figs in enumerate(found):
            for k, f in enumerate(figs):
                self._heads[i, k] = heads.setdefault(f.head, len(heads))
                self._values[i, k] = _value(f)
                self._mods[i, k] = len(self._figures)
                self._figures.append(f)
        # What each figure counts beyond its noun, as an id: its modifiers (read now), and
        # with its role and qualifiers (read when the figure first earns a bonus, -1 before).
        self._kind_ids: dict[tuple[frozenset[str], str, frozenset[str]], int] = {}
        self._modifier_kinds = np.fromiter(
            (self._kind_id((f.modifiers, "", frozenset())) for f in self._figures),
            dtype=np.int64,
            count=len(self._figures),
        )
        self._role_kinds = np.full(len(self._figures), -1, dtype=np.int64)

    def _kind_id(self, what: tuple[frozenset[str], str, frozenset[str]]) -> int:
        return self._kind_ids.setdefault(what, len(self._kind_ids))

    def _compatible(self, a: np.ndarray, b: np.ndarray, roles: bool) -> np.ndarray:
        """Modifier sets that do not contradict and, with `roles`, roles and qualifiers that
        agree (as `tui.matching.conflicts` reads them), per pair of figure ids."""
        if roles:
            both = np.concatenate([a, b])
            for f in np.unique(both[self._role_kinds[both] < 0]).tolist():
                figure = self._figures[f]
                what = (figure.modifiers, figure.context.role, figure.context.qualifiers)
                self._role_kinds[f] = self._kind_id(what)
        table = self._role_kinds if roles else self._modifier_kinds
        kinds = list(self._kind_ids)
        ka, kb = table[a], table[b]
        n = max(len(kinds), 1)
        codes, inverse = np.unique(ka * n + kb, return_inverse=True)
        ok = np.fromiter(
            (_same_thing(kinds[c // n], kinds[c % n]) for c in codes.tolist()),
            dtype=bool,
            count=len(codes),
        )
        return ok[inverse]

    def _same_count(self, left: np.ndarray, right: np.ndarray, roles: bool = True) -> np.ndarray:
        """Pairs with a figure on each side counting the same thing, with values within
        MAX_RATIO of each other (the same noun and modifiers; with `roles`, the same role
        and qualifiers as well)."""
        found = np.zeros(len(left), dtype=bool)
        width = self._heads.shape[1]
        for p in range(width):
            for q in range(width):
                ha, hb = self._heads[left, p], self._heads[right, q]
                va, vb = self._values[left, p], self._values[right, q]
                hit = (ha >= 0) & (ha == hb) & (va > 0) & (vb > 0)
                hit &= np.maximum(va, vb) <= MAX_RATIO * np.minimum(va, vb)
                if hit.any():
                    idx = np.flatnonzero(hit)
                    hit[idx] = self._compatible(
                        self._mods[left[idx], p], self._mods[right[idx], q], roles
                    )
                found |= hit
        return found

    def _in_scope(self, left: np.ndarray, right: np.ndarray) -> list[int]:
        """The positions of the pairs whose claims can be about one event: each claim's
        kind read once, each pair of kinds judged once."""
        scope = self._scope
        assert scope is not None
        claims = np.concatenate([left, right])
        for i in np.unique(claims[self._scope_kinds[claims] == -2]).tolist():
            self._scope_kinds[i] = scope.kind(self._units[i])
        ka, kb = self._scope_kinds[left], self._scope_kinds[right]
        n = int(max(ka.max(), kb.max())) + 2
        codes, inverse = np.unique((ka + 1) * n + (kb + 1), return_inverse=True)
        ok = np.fromiter(
            (scope.compatible_kinds(c // n - 1, c % n - 1) for c in codes.tolist()),
            dtype=bool,
            count=len(codes),
        )
        return np.flatnonzero(ok[inverse]).tolist()

    def _shared_words(self, i: int, j: int) -> int:
        return sum(1 for t in self._tokens[i] & self._tokens[j] if not t[:1].isdigit())

    def candidate_pairs(
        self, articles: np.ndarray, fresh: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Every cross-article pair (left < right) with a figure on each side counting the
        same noun, values within MAX_RATIO: the only pairs that can earn the bonus. Found by
        sorting figures on (noun, log value) and pairing each with the window below it, so
        a large corpus never lowers its blocking floor for them. Restricted to pairs with a
        `fresh` claim when given."""
        rows, cols = np.nonzero((self._heads >= 0) & (self._values > 0))
        if len(rows) < 2:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        heads = self._heads[rows, cols].astype(np.float64)
        logs = np.log(self._values[rows, cols])
        owner = articles[rows].astype(np.float64)
        # Heads (and articles) far apart on the key line, so no window crosses between them.
        span = 2.0 * (np.ptp(logs) + 1.0)
        main_key = heads * span + logs
        order = np.argsort(main_key, kind="stable")
        key, claim = main_key[order], rows[order]
        # A hair wider than MAX_RATIO (float keys); add_bonus makes the exact test.
        window = math.log(MAX_RATIO) + 1e-6
        lo = np.searchsorted(key, key - window, side="left")
        # The same windows within each article (the same relative order: both sorts are
        # stable), a hair narrower so they never count more than the main window holds: a
        # figure whose window holds only its own article's figures is skipped, so one long
        # article never enumerates pairs that would all be dropped.
        own_key = (heads * (owner.max() + 1) + owner) * span + logs
        by_article = np.argsort(own_key, kind="stable")
        key2 = own_key[by_article]
        own = np.empty(len(key), dtype=np.int64)
        own[by_article] = np.arange(len(key)) - np.searchsorted(
            key2, key2 - (window - 1e-7), side="left"
        )
        own_in_main = own[order]
        counts = np.arange(len(key)) - lo
        wanted = np.flatnonzero(counts > own_in_main)
        n = len(self.has_figures)
        found: list[np.ndarray] = []
        start = 0
        while start < len(wanted):
            # Chunks of at most PAIR_BUDGET generated pairs keep memory flat.
            budget = np.cumsum(counts[wanted[start:]])
            stop = start + max(1, int(np.searchsorted(budget, PAIR_BUDGET, side="right")))
            ks = wanted[start:stop]
            start = stop
            c = counts[ks]
            total = int(c.sum())
            upper = np.repeat(ks, c)
            lower = np.repeat(lo[ks], c) + np.arange(total) - np.repeat(np.cumsum(c) - c, c)
            a, b = claim[upper], claim[lower]
            left, right = np.minimum(a, b), np.maximum(a, b)
            keep = articles[left] != articles[right]
            if fresh is not None:
                keep &= fresh[left] | fresh[right]
            found.append(left[keep] * n + right[keep])
        codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        return codes // n, codes % n  # unique: a claim may hold two such figures

    def add_bonus(
        self,
        left: np.ndarray,
        right: np.ndarray,
        scores: np.ndarray,
        floor: np.ndarray,
        ceiling: np.ndarray,
    ) -> np.ndarray:
        """Scores with the bonus added where earned, never past the pair's `ceiling` (its
        match threshold): the bonus makes a pair a match, it does not make it look like a
        copy (wire-copy detection reads high scores). Only pairs with figures on both sides,
        within BONUS of their floor and below their ceiling are looked at."""
        near = self.has_figures[left] & self.has_figures[right] & (scores < ceiling)
        near &= scores + BONUS >= floor - 0.05
        idx = np.flatnonzero(near)
        if not len(idx):
            return scores
        # The cheap tests first: the roles of figures are read for the pairs left at the end.
        idx = idx[self._same_count(left[idx], right[idx], roles=False)]
        earned = [
            k
            for k, i, j in zip(idx.tolist(), left[idx].tolist(), right[idx].tolist(), strict=True)
            if self._shared_words(i, j) >= MIN_SHARED_WORDS
        ]
        if earned and self._scope is not None:
            earned = [earned[p] for p in self._in_scope(left[earned], right[earned])]
        if earned:
            kept = self._same_count(left[earned], right[earned])
            earned = [k for k, keep in zip(earned, kept.tolist(), strict=True) if keep]
        if not earned:
            return scores
        out = scores.copy()
        out[earned] = np.minimum(out[earned] + BONUS, ceiling[earned])
        return out


def _same_thing(
    x: tuple[frozenset[str], str, frozenset[str]], y: tuple[frozenset[str], str, frozenset[str]]
) -> bool:
    """No contradicting modifiers, the same role (or none on a side) and the same qualifiers,
    as `tui.matching.conflicts` reads them (owners depend on the other claim's words, and
    additions are not countable)."""
    (mx, rx, qx), (my, ry, qy) = x, y
    if mx and my and not (mx & my):
        return False
    return roles_agree(Context(rx, "", qx), Context(ry, "", qy))
