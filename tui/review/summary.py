"""What a review has come to, for the reviewer who has just triaged the last claim (the
app's summary screen) or is leaving (the line printed on quitting): verdicts by kind and by
outlet, the disputed claims with why they were disputed, the orphaned decisions, and the
commands that export the verdict file.

The counts are the session's own (`SessionView.progress`): a claim deferred for later is
not triaged, and in a merged file a claim the reviewers still disagree on is not either.
`summarise` takes plain data, so any front end holding an analysis and its verdicts can
build the same summary; `session_summary` reads it off a session.

A disputed claim's reason is the first of: the reviewer's note; a figure or date that
disagrees with another outlet's matching claim; the machine's own reason for suggesting
"disputed" (a contradicting link). Text in it (notes, claims, outlets) is as written: the
app shows it as Text and the terminal makes it printable.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from tui.review.suggestions import suggest
from tui.verdicts.model import VERDICTS, Status, Verdict

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.session_view import SessionView
    from tui.review.sources import Sources

UNKNOWN = "unknown"  # the outlet of an article nothing names (tui.review.sources)

# The file each export format is written to, beside the verdict file: its stem and this.
EXTENSIONS = {
    "json": ".json",
    "csv": ".csv",
    "md": ".md",
    "claimreview": ".claimreview.json",
    "w3c": ".w3c.json",
}


@dataclass(frozen=True, slots=True)
class Counts:
    """Claims, triaged, deferred and verdicts by kind, over the corpus or one outlet."""

    name: str  # the outlet ("" for the whole corpus)
    claims: int
    triaged: int
    later: int
    by_status: Mapping[Status, int]

    @property
    def untriaged(self) -> int:
        return self.claims - self.triaged


@dataclass(frozen=True, slots=True)
class Disputed:
    claim: str  # its id
    text: str
    outlet: str
    why: str  # "note", "conflict", "suggestion", or "" when nothing says why
    reason: str  # the note, the conflict or the suggestion's reason, in words
    sources: tuple[str, ...] = ()  # the reviewer's sources for the verdict


@dataclass(frozen=True, slots=True)
class Summary:
    total: Counts
    outlets: tuple[Counts, ...]  # by outlet name; "unknown" last
    disputed: tuple[Disputed, ...]  # in reading order
    orphans: int  # decisions in the file that fit no claim of today's text
    disagreements: int  # merged files: claims the reviewers still disagree on


def _counts(name: str, claims: Sequence[str], verdicts: Mapping[str, Verdict]) -> Counts:
    by_status = dict.fromkeys(VERDICTS, 0)
    later = 0
    for claim in claims:
        verdict = verdicts.get(claim)
        if verdict is None:
            continue
        if verdict.status.is_verdict:
            by_status[verdict.status] += 1
        else:
            later += 1
    return Counts(name, len(claims), sum(by_status.values()), later, by_status)


def _reason(analysis: Analysis, claim: str, verdict: Verdict, sources: Sources) -> tuple[str, str]:
    if verdict.note.strip():
        return "note", " ".join(verdict.note.split())
    suggestion = suggest(analysis, claim, sources)
    for evidence in suggestion.evidence:
        for conflict in evidence.conflicts:
            ours, theirs = (
                (conflict.a, conflict.b) if claim < evidence.claim else (conflict.b, conflict.a)
            )
            article = analysis.claim(evidence.claim).article
            where = sources.outlet[article]
            if where == UNKNOWN:  # the article's title says more than "unknown"
                where = f"“{analysis.article(article).title}”"
            what = f"{conflict.kind} {conflict.subject}".strip()
            return "conflict", f"{what}: {ours} here, {theirs} in {where}"
    if suggestion.status is Status.DISPUTED:
        return "suggestion", suggestion.reason
    return "", ""


def _outlet_order(name: str) -> tuple[bool, str]:
    return name == UNKNOWN, name.casefold()


def summarise(
    analysis: Analysis,
    claims: Iterable[str],
    verdicts: Mapping[str, Verdict],
    sources: Sources,
    *,
    orphans: int = 0,
    disagreements: int = 0,
) -> Summary:
    """The summary of `claims` (the ids of the units that are claims now, in reading
    order), each with its verdict in `verdicts` if it has one (a deferred claim's is a
    "later" one)."""
    ids = list(claims)
    by_outlet: dict[str, list[str]] = {}
    for claim in ids:
        outlet = sources.outlet[analysis.claim(claim).article]
        by_outlet.setdefault(outlet, []).append(claim)
    disputed = []
    for claim in ids:
        verdict = verdicts.get(claim)
        if verdict is None or verdict.status is not Status.DISPUTED:
            continue
        unit = analysis.claim(claim)
        why, reason = _reason(analysis, claim, verdict, sources)
        disputed.append(
            Disputed(
                claim,
                unit.text,
                sources.outlet[unit.article],
                why,
                reason,
                tuple(verdict.sources),
            )
        )
    return Summary(
        _counts("", ids, verdicts),
        tuple(_counts(o, by_outlet[o], verdicts) for o in sorted(by_outlet, key=_outlet_order)),
        tuple(disputed),
        orphans,
        disagreements,
    )


def session_summary(session: SessionView) -> Summary:
    """The summary of the session as it stands (its counts are the status line's)."""
    ids = [c.id for c in session.claims()]
    verdicts = {c: v for c in ids if (v := session.verdict(c)) is not None}
    return summarise(
        session.analysis,
        ids,
        verdicts,
        session.sources,
        orphans=len(session.orphans()),
        disagreements=session.disagreements(),
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def kinds_phrase(counts: Counts) -> str:
    """ "30 corroborated, 8 disputed, 4 unsourced" (and ", 2 later" when some are)."""
    parts = [f"{counts.by_status[s]} {s.value}" for s in VERDICTS]
    if counts.later:
        parts.append(f"{counts.later} later")
    return ", ".join(parts)


def quit_line(summary: Summary, verdict_file: str) -> str:
    """One line for the terminal on quitting: "42 of 120 claims triaged (30 corroborated,
    8 disputed, 4 unsourced) in verdicts.toml"."""
    total = summary.total
    claims = "claim" if total.claims == 1 else "claims"
    line = f"{total.triaged} of {total.claims} {claims} triaged"
    if total.triaged or total.later:
        line += f" ({kinds_phrase(total)})"
    if summary.disagreements:
        line += f", {summary.disagreements} to adjudicate"
    if summary.orphans:
        line += f", {_plural(summary.orphans, 'orphaned decision')}"
    return f"{line} in {verdict_file}"


def export_commands(verdict_file: str, formats: Sequence[str]) -> tuple[str, ...]:
    """The command that exports `verdict_file` (as the reviewer would type it) in each of
    `formats`, to a file beside it named after it; quoted for a POSIX shell."""
    path = PurePath(verdict_file)
    commands = []
    for fmt in formats:
        out = path.with_name(path.stem + EXTENSIONS.get(fmt, f".{fmt}"))
        if out == path:  # never the verdict file itself
            out = path.with_name(f"{path.stem}-export{EXTENSIONS.get(fmt, f'.{fmt}')}")
        commands.append(
            f"crosscheck export --verdicts {shlex.quote(verdict_file)} --format {fmt} "
            f"-o {shlex.quote(str(out))}"
        )
    return tuple(commands)
