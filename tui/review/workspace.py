"""A verdict file opened together with its corpus, its verdicts re-anchored: the step that
`export`, `stats` and `merge` share before they do anything else.

The corpus is the verdict file's `corpus` field, resolved against the file's folder; a file
that names no corpus falls back to the configured one. Verdict files are only read here,
never written and never locked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.analysis.pipeline import Analysis, analyse, analyse_corpus
from tui.config import MatchSettings
from tui.corpus.articles import Corpus, load_corpus
from tui.review.placement import place
from tui.verdicts.corpus_link import WorkspaceError, corpus_path, read_verdict_set
from tui.verdicts.model import Correction, Link, Verdict, VerdictSet

if TYPE_CHECKING:
    from tui.analysis.cache import MatchCache

Say = Callable[[str], None]


@dataclass(frozen=True)
class Workspace:
    path: Path  # the verdict file
    verdicts: VerdictSet  # as read from the file
    corpus_path: Path
    analysis: Analysis
    placed: tuple[Verdict, ...]  # re-anchored against the current articles
    orphans: tuple[Verdict, ...]  # could not be placed; as in the file
    corrections: tuple[Correction, ...] = ()  # re-anchored; those that could not be, as read
    # The settings it was matched with; reports count sources with them (wire copies).
    settings: MatchSettings = field(default_factory=MatchSettings)
    links: tuple[Link, ...] = ()  # placed on the current claims
    orphan_links: tuple[Link, ...] = ()  # could not be placed; as in the file

    @property
    def deferred(self) -> tuple[Verdict, ...]:
        """Placed claims the reviewer deferred ("later"): not verdicts."""
        return tuple(v for v in self.placed if not v.status.is_verdict)

    def reviewer_of(self, verdict: Verdict) -> str:
        """Who decided: the verdict's own reviewer (merged files), else the file's."""
        return verdict.reviewer or self.verdicts.reviewer

    def reviewers_of(self, verdict: Verdict) -> tuple[str, ...]:
        """Each person who decided: in a merged file, a verdict the reviewers agreed on
        names them all ("alice, bob"); its parts are the file's reviewers."""
        from tui.verdicts.merge import JOIN

        name = self.reviewer_of(verdict)
        parts = tuple(name.split(JOIN))
        known = set(self.verdicts.reviewers)
        return parts if len(parts) > 1 and known.issuperset(parts) else (name,)

    def people(self) -> tuple[str, ...]:
        """Everyone whose decisions the file holds, once each, sorted."""
        names = set(self.verdicts.reviewers)
        for v in (*self.placed, *self.orphans):
            names.update(self.reviewers_of(v))
        return tuple(sorted(names)) or (self.verdicts.reviewer,)


def load_analysis(
    corpus: Path,
    settings: MatchSettings,
    say: Say | None = None,
    *,
    cache: MatchCache | None = None,
) -> Analysis:
    """Analyse the corpus a verdict file names; WorkspaceError when it is not there."""
    if not corpus.exists():
        raise WorkspaceError(f"{corpus}: the verdict file's corpus is not there")
    return analyse([corpus], settings, say, cache=cache)


def open_workspace(
    verdict_path: Path,
    configured_corpus: Path,
    settings: MatchSettings,
    say: Say | None = None,
    analysis: Analysis | None = None,
    *,
    cache: MatchCache | None = None,
) -> Workspace:
    """Read the verdict file, analyse its corpus (unless given; through `cache` when one is
    given) and re-anchor.

    Raises WorkspaceError, VerdictFileError, or CorpusError when no article loads.
    """
    vs = read_verdict_set(verdict_path)
    corpus = corpus_path(vs, verdict_path, configured_corpus)
    if analysis is None:
        analysis = load_analysis(corpus, settings, say, cache=cache)
    return _workspace(verdict_path, vs, corpus, analysis, settings)


def _workspace(
    path: Path, vs: VerdictSet, corpus: Path, analysis: Analysis, settings: MatchSettings
) -> Workspace:
    """The verdict file placed on `analysis`: its analysis is the reviewer's (splits,
    joins and links applied)."""
    p = place(vs, analysis, settings)
    return Workspace(
        path,
        vs,
        corpus,
        p.analysis,
        p.placed,
        p.orphan_verdicts,
        p.corrections,
        settings,
        p.links,
        tuple(o.link for o in p.orphan_links),
    )


def corpus_difference(first: tuple[Path, Corpus], other: tuple[Path, Corpus]) -> str | None:
    """None when the two verdict files' corpora hold the same articles (ids and sha256,
    wherever they live), else a one-line reason naming both files."""
    (path_a, a), (path_b, b) = first, other
    arts_a: Mapping[str, str] = {x.id: x.sha256 for x in a.articles}
    arts_b: Mapping[str, str] = {x.id: x.sha256 for x in b.articles}
    if arts_a == arts_b:
        return None
    only_a, only_b = sorted(set(arts_a) - set(arts_b)), sorted(set(arts_b) - set(arts_a))
    changed = sorted(x for x in set(arts_a) & set(arts_b) if arts_a[x] != arts_b[x])
    parts = []
    if only_a:
        parts.append(f"only {path_a.name}'s has {', '.join(only_a[:3])}")
    if only_b:
        parts.append(f"only {path_b.name}'s has {', '.join(only_b[:3])}")
    if changed:
        parts.append(f"{', '.join(changed[:3])} differ")
    return f"{path_a} and {path_b} are on different corpora ({'; '.join(parts)})"


def open_many(
    files: Sequence[tuple[Path, VerdictSet]],
    configured_corpus: Path,
    settings: MatchSettings,
    say: Say | None = None,
    *,
    cache: MatchCache | None = None,
) -> list[Workspace]:
    """Open several verdict files (already read) on one corpus, analysed once (through
    `cache` when one is given).

    Files naming different folders are accepted when those folders hold the same articles
    (same ids, same sha256): copies of one corpus. Otherwise WorkspaceError."""
    paths = [corpus_path(vs, path, configured_corpus) for path, vs in files]
    loaded: dict[Path, Corpus] = {}
    for corpus in paths:
        if corpus not in loaded:
            if not corpus.exists():
                raise WorkspaceError(f"{corpus}: the verdict file's corpus is not there")
            loaded[corpus] = load_corpus([corpus], say)
    first = (files[0][0], loaded[paths[0]])
    for (path, _), corpus in zip(files[1:], paths[1:], strict=True):
        if (why := corpus_difference(first, (path, loaded[corpus]))) is not None:
            raise WorkspaceError(why)
    analysis = analyse_corpus(loaded[paths[0]], settings, say, cache=cache)
    return [
        _workspace(path, vs, corpus, analysis, settings)
        for (path, vs), corpus in zip(files, paths, strict=True)
    ]
