"""The session's summary: verdicts by kind and outlet, disputed claims with their reasons,
the quit line and the export commands (with the formats the command line offers)."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.test_triage import build_analysis
from tui.cli.parser import EXPORT_FORMATS
from tui.exporters import FORMATS
from tui.review.session import Session
from tui.review.summary import export_commands, quit_line, session_summary
from tui.verdicts.model import Status, VerdictSet


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 11, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def session(outlets: dict[str, str | None] | None = None) -> Session:
    analysis = build_analysis(outlets or {"a": "The Herald", "b": None})
    return Session(analysis, VerdictSet("tester", "corpus"), clock=Clock())


def decide(s: Session, claim: str, status: Status, note: str = "") -> None:
    s.move_to(claim)
    s.mark(status)
    if note:
        s.set_note(note, ["https://example.org/source"])


def test_counts_by_kind_and_by_outlet() -> None:
    s = session()
    decide(s, "a1", Status.CORROBORATED)
    decide(s, "a2", Status.UNSOURCED)
    decide(s, "b1", Status.DISPUTED)
    s.move_to("a3")
    s.defer()
    summary = session_summary(s)
    total = summary.total
    assert (total.claims, total.triaged, total.later, total.untriaged) == (5, 3, 1, 2)
    assert dict(total.by_status) == {
        Status.CORROBORATED: 1,
        Status.DISPUTED: 1,
        Status.UNSOURCED: 1,
    }
    assert (total.triaged, total.claims) == s.progress()  # the status line's counts
    herald, unknown = summary.outlets
    assert (herald.name, herald.claims, herald.triaged, herald.later) == ("The Herald", 3, 2, 1)
    assert (unknown.name, unknown.claims, unknown.triaged) == ("unknown", 2, 1)
    assert unknown.by_status[Status.DISPUTED] == 1
    assert summary.orphans == 0 and summary.disagreements == 0


def test_disputed_claims_say_why_note_first_then_conflict() -> None:
    s = session()
    decide(s, "a1", Status.DISPUTED, note="  The ministry\ndenied it.  ")
    decide(s, "b0", Status.DISPUTED)  # no note: the figure that disagrees with a1
    decide(s, "b1", Status.DISPUTED)  # neither note nor conflict nor suggestion
    decide(s, "a2", Status.CORROBORATED)
    disputed = session_summary(s).disputed
    assert [d.claim for d in disputed] == ["a1", "b0", "b1"]  # reading order, disputed only
    note, conflict, bare = disputed
    assert (note.why, note.reason) == ("note", "The ministry denied it.")
    assert note.sources == ("https://example.org/source",)
    assert note.outlet == "The Herald" and note.text == "First claim of A here."
    # a1 says 5, b0 says 6: seen from b0, its own figure first and the other's outlet.
    assert (conflict.why, conflict.reason) == ("conflict", "number troops: 6 here, 5 in The Herald")
    assert (bare.why, bare.reason) == ("", "")


def test_a_conflict_with_an_unknown_outlet_names_the_article() -> None:
    s = session({"a": None, "b": None})
    decide(s, "a1", Status.DISPUTED)
    (disputed,) = session_summary(s).disputed
    assert disputed.reason == "number troops: 5 here, 6 in “Title b”"


def test_quit_line() -> None:
    s = session()
    assert (
        quit_line(session_summary(s), "verdicts.toml") == "0 of 5 claims triaged in verdicts.toml"
    )
    decide(s, "a1", Status.CORROBORATED)
    decide(s, "a2", Status.DISPUTED)
    s.move_to("a3")
    s.defer()
    assert quit_line(session_summary(s), "v.toml") == (
        "2 of 5 claims triaged (1 corroborated, 1 disputed, 0 unsourced, 1 later) in v.toml"
    )


def test_export_commands_offer_the_command_lines_formats_quoted() -> None:
    assert tuple(FORMATS) == EXPORT_FORMATS  # what the app offers is what the CLI accepts
    commands = export_commands("verdicts.toml", EXPORT_FORMATS)
    assert (
        commands[0] == "crosscheck export --verdicts verdicts.toml --format json -o verdicts.json"
    )
    assert [shlex.split(c)[5] for c in commands] == list(EXPORT_FORMATS)
    outputs = [shlex.split(c)[-1] for c in commands]
    assert len(set(outputs)) == len(outputs) and "verdicts.toml" not in outputs
    # A name a shell would read otherwise is quoted: split back, it is the same name.
    odd = "my reviews/$(touch x) `y`.toml"
    for command in export_commands(odd, EXPORT_FORMATS):
        words = shlex.split(command)
        assert words[3] == odd
        assert words[-1].startswith("my reviews/$(touch x) `y`.")
    # A verdict file named like an export is never its own output.
    (md,) = export_commands("notes.md", ["md"])
    assert shlex.split(md)[-1] == "notes-export.md"


statuses = st.sampled_from([None, *Status])


@given(st.dictionaries(st.sampled_from(["a1", "a2", "a3", "b0", "b1"]), statuses))
def test_outlets_add_up_to_the_total(chosen: dict[str, Status | None]) -> None:
    s = session()
    for claim, status in chosen.items():
        if status is not None:
            decide(s, claim, status)
    summary = session_summary(s)
    total = summary.total
    assert sum(o.claims for o in summary.outlets) == total.claims
    assert sum(o.triaged for o in summary.outlets) == total.triaged
    assert sum(o.later for o in summary.outlets) == total.later
    for status in (Status.CORROBORATED, Status.DISPUTED, Status.UNSOURCED):
        assert sum(o.by_status[status] for o in summary.outlets) == total.by_status[status]
    assert total.triaged + total.later <= total.claims
    assert len(summary.disputed) == total.by_status[Status.DISPUTED]
