"""The search highlight's arithmetic: where the words occur in a line (any case, also when
casefolding changes a character's length), and the line's segments with a style laid over
exactly those characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style

from tui.app.widgets.highlight import find_all, overlay

HIT = Style(bgcolor="yellow")


def test_every_occurrence_in_any_case() -> None:
    line = "Floods closed the port; FLOODS again, floods."
    assert [line[a:b] for a, b in find_all("floods", line)] == ["Floods", "FLOODS", "floods"]


def test_offsets_stay_on_the_line_when_casefolding_lengthens_a_character() -> None:
    line = "Die Straße ist zu, the STRASSE too"
    assert [line[a:b] for a, b in find_all("strasse", line)] == ["Straße", "STRASSE"]


def test_no_hit_leaves_nothing() -> None:
    assert find_all("absent", "a line of news") == []


def test_overlay_styles_only_the_hits_across_segment_borders() -> None:
    segments = [Segment("The port ", Style(bold=True)), Segment("closed today", None)]
    out = overlay(segments, [(4, 15)], HIT)  # "port closed" spans both segments
    assert "".join(s.text for s in out) == "The port closed today"
    lit = "".join(s.text for s in out if s.style is not None and s.style.bgcolor is not None)
    assert lit == "port closed"
    assert all(s.style and s.style.bold for s in out if s.text in ("The ", "port "))


@given(
    st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=5),
    st.text(alphabet="abcAB ", min_size=1, max_size=3),
)
def test_overlay_keeps_the_text_and_lights_exactly_the_found_characters(
    parts: list[str], words: str
) -> None:
    line = "".join(parts)
    hits = find_all(words.casefold(), line)
    out = overlay([Segment(p) for p in parts], hits, HIT)
    assert "".join(s.text for s in out) == line
    lit: set[int] = set()
    at = 0
    for s in out:
        if s.style is not None and s.style.bgcolor is not None:
            lit.update(range(at, at + len(s.text)))
        at += len(s.text)
    assert lit == {i for a, b in hits for i in range(a, b)}
