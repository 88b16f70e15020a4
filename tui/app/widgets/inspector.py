"""The claim inspector: the selected claim, its outlet, its verdict (or the reviewers'
disagreement in a merged file), the suggestion and every match with its outlet.

Everything is plain Text built from strings (article text is never parsed as markup); the
styles come from component classes, coloured in app.tcss.

The inspector paints its own lines (the Line API, as the article panes do): the description
is wrapped once into strips and only visible lines are drawn. Showing another claim then
repaints the inspector alone; a Static of changing height would make the whole screen lay
itself out again, and repaint every pane, on each key press.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.keys import DECIDE, bound_key, bound_keys
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from tui.review.session import Session

SYMBOLS = {"corroborated": "✓", "disputed": "✗", "unsourced": "?"}
MAX_MATCHES = 12


def _safe(text: str) -> str:
    return printable(text, keep_newlines=False)


class Inspector(ScrollView, can_focus=False):
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
        "inspector--outlet",
        "inspector--wire",
    }

    def __init__(self, keymap: Mapping[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keymap = keymap  # the hints name the keys as bound
        self._shown: tuple[object, ...] | None = None  # what the body shows now
        self._text = Text()
        self._wrapped: list[Text] = []  # the description's screen lines
        self._strips: dict[int, Strip] = {}  # those painted so far, by line
        self._wrapped_at = -1

    # ---- painting ---------------------------------------------------------------------

    def _show_text(self, text: Text) -> None:
        self._text = text
        self._wrapped_at = -1
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_at:
            return
        self._wrapped_at = width
        # Wrapped now (the line count sizes the scrollbar), painted when first visible: a
        # long list of matches costs only the dozen lines on screen.
        self._wrapped = list(self._text.wrap(self.app.console, width))
        self._strips = {}
        size = Size(width, len(self._wrapped))
        if size != self.virtual_size:
            # Only the scrollbar changes (its visibility never does: overflow-y is "scroll"),
            # so the screen need not lay itself out again as the reactive would make it.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped_at = -1  # the theme changed: colour the lines again

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if index >= len(self._wrapped):
            return Strip.blank(width, self.rich_style)
        return self._strip(index).crop_extend(0, width, self.rich_style)

    def _strip(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is None:
            base, width = self.rich_style, self._wrapped_at
            strip = Strip(list(self._wrapped[index].render(self.app.console)))
            strip = self._strips[index] = strip.apply_style(base).extend_cell_length(width, base)
        return strip

    def lines(self) -> list[str]:
        """The text of every wrapped line, as painted (for tests)."""
        self._rewrap()
        return [self._strip(i).text.rstrip() for i in range(len(self._wrapped))]

    def _status(self, status: str) -> Text:
        """A status with its symbol, coloured when it is a verdict (a status this version
        has no colour for, such as a deferral, shows muted)."""
        if status in SYMBOLS:
            return Text(f"{SYMBOLS[status]} {status}", style=self._s(status))
        return Text(f"· {status}", style=self._s("muted"))

    def _s(self, name: str) -> Style:
        return self.get_component_rich_style(f"inspector--{name}")

    def show_message(self, message: str) -> None:
        self._shown = None
        self._show_text(Text(message, style=self._s("muted")))

    def show_claim(self, session: Session, claim_id: str | None) -> None:
        """Describe the claim; nothing is rebuilt when neither it nor its state changed."""
        state = (
            claim_id,
            claim_id and session.verdict(claim_id),
            claim_id and session.disagreement(claim_id),
            claim_id and session.is_claim(claim_id),
        )
        if state == self._shown:
            return
        self._shown = state
        if claim_id is None:
            self._show_text(Text("No claim selected.", style=self._s("muted")))
            return
        self._show_text(self.describe(session, claim_id))

    def describe(self, session: Session, claim_id: str) -> Text:
        from tui.review.suggestions import suggest

        analysis = session.analysis
        claim = analysis.claim(claim_id)
        article = analysis.article(claim.article)
        out = Text(no_wrap=False, end="")
        out.append(_safe(claim.text), style=self._s("claim"))
        units = analysis.claims_of(claim.article)
        sources = session.sources
        out.append(f"\n{_safe(article.title)} · ", self._s("muted"))
        out.append(_safe(sources.outlet[claim.article]), self._s("outlet"))
        out.append(f" · unit {claim.index + 1} of {len(units)}", self._s("muted"))
        wire = sources.wire_group_of(claim.article)
        if wire is not None:
            copies = [analysis.article(a).title for a in wire.articles if a != claim.article]
            out.append("\nWire copy: ", style=self._s("label"))
            out.append(
                f"{'; '.join(_safe(t) for t in copies)} carry the same story "
                "(counted as one source)",
                style=self._s("wire"),
            )
        if not session.is_claim(claim_id):
            make = bound_key("toggle_claim", self.keymap)
            out.append(f"\nNot a claim ({make} makes it one).", style=self._s("muted"))
            return out
        if claim.attribution.strip():
            out.append("\nAttributed to: ", style=self._s("label"))
            out.append(_safe(claim.attribution))
        verdict = session.verdict(claim_id)
        disagreement = session.disagreement(claim_id)
        out.append("\nVerdict: ", style=self._s("label"))
        if disagreement is not None:
            out.append("reviewers disagree: ", style=self._s("conflict"))
            for i, (name, said) in enumerate(disagreement.statuses):
                out.append(", " if i else "")
                out.append(f"{_safe(name)} ")
                out.append_text(self._status(said.value))
            out.append(f" ({self._decide_keys()} settles it)", style=self._s("suggestion"))
        elif verdict is None:
            out.append("untriaged", style=self._s("muted"))
        else:
            status = verdict.status.value
            out.append_text(self._status(status))
            if verdict.reviewer:
                out.append(f" ({_safe(verdict.reviewer)})", style=self._s("muted"))
            if verdict.text_changed:
                out.append("\nDecided on: ", style=self._s("label"))
                out.append(_safe(verdict.decided_text), style=self._s("conflict"))
                out.append(
                    f" (the text has changed since; {self._decide_keys()} decides again)",
                    style=self._s("suggestion"),
                )
            if verdict.note:
                out.append("\nNote: ", style=self._s("label"))
                out.append(printable(verdict.note))
            if verdict.sources:
                out.append("\nSources: ", style=self._s("label"))
                out.append("; ".join(_safe(s) for s in verdict.sources))
        suggestion = suggest(analysis, claim_id, sources)
        out.append("\nSuggestion: ", style=self._s("label"))
        if suggestion.status is not None:
            status = suggestion.status.value
            out.append_text(self._status(status))
            accept = bound_key("accept_suggestion", self.keymap)
            out.append(
                f" ({_safe(suggestion.reason)}; {accept} accepts)", style=self._s("suggestion")
            )
        else:
            out.append(f"none ({_safe(suggestion.reason)})", style=self._s("suggestion"))
        self._matches(out, session, claim_id)
        return out

    def _decide_keys(self) -> str:
        return bound_keys(DECIDE, self.keymap)

    def _matches(self, out: Text, session: Session, claim_id: str) -> None:
        from tui.review.session import other_end

        analysis = session.analysis
        matches = analysis.matches_of(claim_id)
        out.append(f"\nMatches: {len(matches)}", style=self._s("label"))
        if not matches:
            out.append(" (no other article says this)", style=self._s("muted"))
        own = analysis.claim(claim_id)
        sources = session.sources
        wire_number = {a: i for i, g in enumerate(sources.wire, 1) for a in g.articles}
        for m in matches[:MAX_MATCHES]:
            other = analysis.claim(other_end(m, claim_id))
            title = _safe(analysis.article(other.article).title)
            out.append(f"\n{m.score:5.1f} {m.tier!s:<10} ", style=self._s("score"))
            out.append(title, style=self._s("label"))
            out.append(" · ", style=self._s("muted"))
            out.append(_safe(sources.outlet[other.article]), style=self._s("outlet"))
            if other.article in wire_number:  # the article list's marker for the group
                out.append(f" ≈ wire {wire_number[other.article]}", style=self._s("wire"))
            if other.article != own.article and sources.source_of(
                other.article
            ) == sources.source_of(own.article):
                out.append(" (same source: not independent)", style=self._s("wire"))
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
        from tui.matching.matcher import word_diff

        text = Text(end="")
        for piece, tag in word_diff(theirs, ours):
            text.append(_safe(piece), style=self._s("diff") if tag != "same" else None)
        plain = text.plain
        for surface in conflicts:
            at = plain.find(_safe(surface))
            if surface and at >= 0:
                text.stylize(self._s("conflict"), at, at + len(surface))
        return text
