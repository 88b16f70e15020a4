"""The claim inspector: the selected claim, its outlet, its verdict (or the reviewers'
disagreement in a merged file), the suggestion with what it rests on right under it, and
every match and suggestion with its outlet and the reviewer's word on it (confirmed,
rejected, contradicts). The text is written by tui/app/widgets/claim_summary.py (down to the
suggestion) and tui/app/widgets/match_list.py (the evidence, the count line, the rest).

With the focus (`i`, or a click), the matches are a list: j/k move the highlight, the link
keys judge the highlighted one (the Linking controller, tui/app/screens/linking.py), enter
shows it in the right pane (`MatchChosen`).

Everything is plain Text built from strings (article text is never parsed as markup); the
styles come from component classes, coloured in app.tcss.

The inspector paints its own lines (the Line API, as the article panes do): the description
is wrapped once into strips and only visible lines are drawn. Showing another claim then
repaints the inspector alone; a Static of changing height would make the whole screen lay
itself out again, and repaint every pane, on each key press.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Self

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.dom import NoScreen
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.bindings import bindings_for
from tui.app.keys import MATCH_LIST_KEYS
from tui.app.widgets.claim_summary import Pen, write_summary
from tui.app.widgets.match_list import GUTTER, POINTER, write_matches

if TYPE_CHECKING:
    from tui.review.session import Session

# An inspector of fewer lines puts the suggestion and its reason (the figures or dates that
# disagree) right under the claim: on a narrow screen (80x24) it has 8, else 11 (app.tcss).
COMPACT_BELOW = 10


class Inspector(ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(MATCH_LIST_KEYS)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inspector--highlight",
        "inspector--later",
        "inspector--same",
        "inspector--different",
        "inspector--contradicts",
        "inspector--linking",
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
        self._base = Text()  # the description without the list's highlight
        self._entries: list[tuple[str, int]] = []  # each listed claim, where its line starts
        self._highlight = 0
        self._analysis: object = None  # the analysis described (links change it)
        self._session: Session | None = None  # the session of the claim described
        self._compact = False  # whether the claim was described for few lines

    @dataclass
    class MatchChosen(Message):
        """enter on a listed match: show `claim` in the right pane."""

        claim: str

    class Left(Message):
        """The reviewer leaves the list (escape): back to the article."""

    # ---- the list of matches ----------------------------------------------------------

    @property
    def highlighted_match(self) -> str | None:
        """The claim highlighted in the list (the first until the reviewer moves)."""
        if not self._entries:
            return None
        return self._entries[min(self._highlight, len(self._entries) - 1)][0]

    def _move(self, step: int) -> None:
        if self._entries:
            self._highlight = max(0, min(len(self._entries) - 1, self._highlight + step))
            self._paint_highlight(scroll=True)

    def action_match_next(self) -> None:
        self._move(1)

    def action_match_previous(self) -> None:
        self._move(-1)

    def action_match_show(self) -> None:
        if (claim := self.highlighted_match) is not None:
            self.post_message(self.MatchChosen(claim))

    def action_match_leave(self) -> None:
        self.post_message(self.Left())

    def focus(self, scroll_visible: bool = True) -> Self:
        """Take the focus at once rather than after the keys already queued (Widget.focus
        waits its turn): `i` then `j` typed fast moves in the list, not to the next claim."""
        try:
            self.screen.set_focus(self, scroll_visible=scroll_visible)
        except NoScreen:
            return super().focus(scroll_visible)
        return self

    def on_focus(self) -> None:
        self._paint_highlight(scroll=True)

    def on_blur(self) -> None:
        self._paint_highlight(scroll=False)

    def _paint_highlight(self, *, scroll: bool) -> None:
        """The description with the highlighted entry pointed at, while the list has focus."""
        text = self._base
        if self._entries:  # the pointer always (the link keys judge that match)
            at = self._entries[min(self._highlight, len(self._entries) - 1)][1]
            end = text.plain.find("\n", at)
            end = len(text) if end < 0 else end
            text = text[:at] + Text(POINTER, end="") + text[at + len(GUTTER) :]
            text.end = ""
            if self.has_focus:
                text.stylize(self._s("highlight"), at, end)
        self._text = text
        self._wrapped_at = -1
        self._rewrap()
        self.refresh()
        if scroll and self._entries and self.has_focus:
            at = self._entries[min(self._highlight, len(self._entries) - 1)][1]
            line = len(self._base[: max(0, at - 1)].wrap(self.app.console, self._wrapped_at))
            top, height = self.scroll_offset.y, self.scrollable_content_region.height
            if not top <= line < top + max(1, height):
                self.scroll_to(y=max(0, line - 1), animate=False, immediate=True)

    # ---- painting ---------------------------------------------------------------------

    def _show_text(self, text: Text) -> None:
        self._base = self._text = text
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
        if self.compact != self._compact:
            self._describe_again()
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

    def _s(self, name: str) -> Style:
        return self.get_component_rich_style(f"inspector--{name}")

    def show_message(self, message: str) -> None:
        self._shown = None
        self._entries = []
        self._show_text(Text(message, style=self._s("muted")))

    def on_mount(self) -> None:
        # The description's colours are in its text: a new theme describes the claim again.
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._describe_again())

    def _describe_again(self) -> None:
        shown, session = self._shown, self._session
        if shown is not None and session is not None:
            self._shown = None
            claim = shown[0]
            self.show_claim(session, claim if isinstance(claim, str) else None)

    def show_claim(self, session: Session, claim_id: str | None) -> None:
        """Describe the claim; nothing is rebuilt when neither it nor its state changed."""
        state = (
            claim_id,
            claim_id and session.verdict(claim_id),
            claim_id and session.disagreement(claim_id),
            claim_id and session.is_claim(claim_id),
            session.link_from,
        )
        if state == self._shown and session.analysis is self._analysis:
            return
        same_claim = self._shown is not None and self._shown[0] == claim_id
        highlighted = self.highlighted_match if same_claim else None
        self._shown, self._analysis, self._session = state, session.analysis, session
        self._entries = []
        if claim_id is None:
            self._show_text(Text("No claim selected.", style=self._s("muted")))
            return
        text = self.describe(session, claim_id)
        ids = [claim for claim, _ in self._entries]
        self._highlight = ids.index(highlighted) if highlighted in ids else 0
        self._show_text(text)
        if self._entries:
            self._paint_highlight(scroll=self.has_focus)

    @property
    def compact(self) -> bool:
        """Few lines to show: the suggestion and its reason come right under the claim."""
        return 0 < self.scrollable_content_region.height < COMPACT_BELOW

    def describe(self, session: Session, claim_id: str) -> Text:
        """The claim's whole account; the list's entries are kept for the highlight."""
        pen = Pen(self._s, self.keymap)
        self._compact = self.compact
        suggestion = write_summary(pen, session, claim_id, compact=self._compact)
        self._entries = (
            [] if suggestion is None else write_matches(pen, session, claim_id, suggestion)
        )
        return pen.out
