"""The claim inspector: the selected claim, its verdict, the suggestion and every match.

Everything is plain Text built from strings (article text is never parsed as markup); the
styles come from component classes, coloured in app.tcss.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.safe_text import printable

if TYPE_CHECKING:
    from tui.triage import Session

SYMBOLS = {"corroborated": "✓", "disputed": "✗", "unsourced": "?"}
MAX_MATCHES = 12


def _safe(text: str) -> str:
    return printable(text, keep_newlines=False)


class Inspector(VerticalScroll, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inspector--claim",
        "inspector--label",
        "inspector--muted",
        "inspector--corroborated",
        "inspector--disputed",
        "inspector--unsourced",
        "inspector--suggestion",
        "inspector--conflict",
        "inspector--diff",
        "inspector--score",
    }

    def compose(self) -> ComposeResult:
        yield Static(id="inspector-body")

    def _s(self, name: str) -> Style:
        return self.get_component_rich_style(f"inspector--{name}")

    def show_message(self, message: str) -> None:
        self.query_one("#inspector-body", Static).update(Text(message, style=self._s("muted")))

    def show_claim(self, session: Session, claim_id: str | None) -> None:
        body = self.query_one("#inspector-body", Static)
        if claim_id is None:
            body.update(Text("No claim selected.", style=self._s("muted")))
            return
        body.update(self.describe(session, claim_id))
        self.scroll_home(animate=False)

    def describe(self, session: Session, claim_id: str) -> Text:
        from tui.suggest import suggest

        analysis = session.analysis
        claim = analysis.claim(claim_id)
        article = analysis.article(claim.article)
        out = Text(no_wrap=False, end="")
        out.append(_safe(claim.text), style=self._s("claim"))
        units = analysis.claims_of(claim.article)
        out.append(
            f"\n{_safe(article.title)} · unit {claim.index + 1} of {len(units)}", self._s("muted")
        )
        if not session.is_claim(claim_id):
            out.append("\nNot a claim (K makes it one).", style=self._s("muted"))
            return out
        if claim.attribution.strip():
            out.append("\nAttributed to: ", style=self._s("label"))
            out.append(_safe(claim.attribution))
        verdict = session.verdict(claim_id)
        out.append("\nVerdict: ", style=self._s("label"))
        if verdict is None:
            out.append("untriaged", style=self._s("muted"))
        else:
            status = verdict.status.value
            out.append(f"{SYMBOLS[status]} {status}", style=self._s(status))
            if verdict.note:
                out.append("\nNote: ", style=self._s("label"))
                out.append(printable(verdict.note))
            if verdict.sources:
                out.append("\nSources: ", style=self._s("label"))
                out.append("; ".join(_safe(s) for s in verdict.sources))
        suggestion = suggest(analysis, claim_id)
        out.append("\nSuggestion: ", style=self._s("label"))
        if suggestion.status is not None:
            status = suggestion.status.value
            out.append(f"{SYMBOLS[status]} {status}", style=self._s(status))
            out.append(f" ({suggestion.reason}; v accepts)", style=self._s("suggestion"))
        else:
            out.append(f"none ({_safe(suggestion.reason)})", style=self._s("suggestion"))
        self._matches(out, session, claim_id)
        return out

    def _matches(self, out: Text, session: Session, claim_id: str) -> None:
        from tui.triage import other_end

        analysis = session.analysis
        matches = analysis.matches_of(claim_id)
        out.append(f"\nMatches: {len(matches)}", style=self._s("label"))
        if not matches:
            out.append(" (no other article says this)", style=self._s("muted"))
        own = analysis.claim(claim_id)
        for m in matches[:MAX_MATCHES]:
            other = analysis.claim(other_end(m, claim_id))
            title = _safe(analysis.article(other.article).title)
            out.append(f"\n{m.score:5.1f} {m.tier!s:<7} ", style=self._s("score"))
            out.append(title, style=self._s("label"))
            theirs = [k.b if m.a == claim_id else k.a for k in m.conflicts]
            for k in m.conflicts:
                ours, their = (k.a, k.b) if m.a == claim_id else (k.b, k.a)
                what = f" {k.subject}" if k.subject else ""
                out.append(
                    f"\n      ⚠ {k.kind}{what}: {_safe(ours)} here, {_safe(their)} there",
                    style=self._s("conflict"),
                )
            out.append("\n      ")
            out.append_text(self._diff(own.text, other.text, theirs))
        if len(matches) > MAX_MATCHES:
            out.append(f"\n… and {len(matches) - MAX_MATCHES} more", style=self._s("muted"))

    def _diff(self, ours: str, theirs: str, conflicts: list[str]) -> Text:
        """Their sentence, with the words ours does not share highlighted and conflicting
        figures in the warning colour."""
        from tui.matching import word_diff

        text = Text(end="")
        for piece, tag in word_diff(theirs, ours):
            text.append(_safe(piece), style=self._s("diff") if tag != "same" else None)
        plain = text.plain
        for surface in conflicts:
            at = plain.find(_safe(surface))
            if surface and at >= 0:
                text.stylize(self._s("conflict"), at, at + len(surface))
        return text
