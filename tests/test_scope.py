"""Event scope (tui.matching.scope): claims placed at different times or places neither
corroborate (no figure bonus) nor dispute (no conflict) each other.

The stories here are made up for these tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.cache import MatchCache
from tui.analysis.pipeline import analyse, to_json_document
from tui.claims.quantities import find_figures, lexicon
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.matching.conflicts import scoped_conflicts
from tui.matching.scope import parse_published, story_scope
from tui.matching.stated_figures import figures


def claim(text: str, article: str = "a", k: int = 0) -> Unit:
    dates, numbers = find_figures(text, lexicon(text))
    return Unit(f"{article}:{k}", article, text, 0, len(text), Kind.CLAIM, k,
                 tuple(numbers), tuple(dates))  # fmt: skip


def compatible(a: str, b: str, published: Mapping[str, str | None] | None = None) -> bool:
    x, y = claim(a, "a"), claim(b, "b")
    return story_scope([x, y], published or {}).compatible(x, y)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The ferry sank on Tuesday.", "The ferry went down on Tuesday night."),
        ("The ferry sank on Tuesday.", "The ferry sank early on Wednesday."),  # a day apart
        ("The ferry sank.", "In 2011 a ferry sank."),  # no anchor: compatible with any
        ("The ferry sank on Tuesday.", "The ferry sank on April 20."),  # no calendar to tell
        ("The mill closed in 2008.", "In 2008 the mill closed, ending 300 jobs."),
        ("Exports fell 4 percent in the year to May.", "Exports dropped in May."),
    ],
)
def test_compatible_times(a: str, b: str) -> None:
    assert compatible(a, b) and compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The ferry sank on Tuesday.", "The ferry sank on Friday."),
        ("The ferry sank on Tuesday.", "In 2011 a ferry sank on the same route."),
        ("The ferry sank on Tuesday.", "A ferry sank there last year."),
        ("The ferry sank on Tuesday.", "Last week a ferry sank on the same route."),
        ("The mill closed in 2008.", "The mill closed in 2012."),
        ("The rate rose on March 3.", "The rate rose on June 9."),
        ("Two ferries sank in 1994.", "Two ferries sank in 1994 in Ostra province."),
    ],
)
def test_different_times_or_places(a: str, b: str) -> None:
    if "province" in b:  # one names a place, the other does not: still compatible
        assert compatible(a, b)
        return
    assert not compatible(a, b) and not compatible(b, a)


def test_places_of_one_kind_with_other_names_differ() -> None:
    assert not compatible("Floods hit Ostra province.", "Floods hit Velm province.")
    assert compatible("Floods hit Ostra province.", "Floods hit the province of Ostra.")
    assert compatible("Floods hit Ostra province.", "Floods hit the town of Velm.")


def test_words_that_name_another_event_part_it_from_the_story() -> None:
    assert not compatible("The blast killed six workers.", "An earlier blast killed two workers.")
    assert not compatible("The tremor cut power.", "Another tremor cut power in a nearby town.")
    # Two sentences on the same other event agree with each other.
    assert compatible(
        "Last week a landslide in neighbouring Varnia killed four people.",
        "A landslide in neighbouring Varnia killed four people last week.",
    )


def test_a_calendar_compares_unlike_anchors() -> None:
    # Published on Thursday 15 May 2031: Tuesday is 13 May, not 2 May.
    dated = {"a": "2031-05-15", "b": "2031-05-15T09:00:00Z"}
    assert not compatible("The bridge fell on Tuesday.", "The bridge fell on May 2.", dated)
    assert compatible("The bridge fell on Tuesday.", "The bridge fell on May 13.", dated)
    assert compatible("The bridge fell on Tuesday.", "The bridge fell in 2031.", dated)
    assert not compatible("The bridge fell on Tuesday.", "A bridge fell there in 2030.", dated)
    assert compatible("The bridge fell yesterday.", "The bridge fell on Wednesday.", dated)


def test_the_story_date_stands_in_for_undated_articles() -> None:
    # Articles without a publication date take the date their openings state.
    lead = claim("VELM, May 15 (Wire) - A bridge fell into the river on Tuesday.", "a")
    other = claim("The old bridge fell on April 28, officials said.", "b")
    third = claim("Rescuers reached the bridge on Wednesday.", "c")
    scope = story_scope([lead, other, third])
    assert not scope.compatible(lead, other)  # Tuesday is within a week of May 15
    assert scope.compatible(lead, third)
    assert scope.key != story_scope([other, third]).key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2031-05-15", "2031-05-15"),
        ("2031-05-15T09:00:00+00:00", "2031-05-15"),
        ("Thu, 15 May 2031 09:00:00 GMT", "2031-05-15"),
        ("last Thursday", None),
        ("", None),
        (None, None),
        ("9999-99-99", None),
    ],
)
def test_publication_dates_are_read_or_ignored(value: str | None, expected: str | None) -> None:
    found = parse_published(value)
    assert (found.isoformat() if found else None) == expected


def test_background_figures_do_not_dispute_the_story() -> None:
    story = claim("Fourteen people died when the Velm bridge collapsed.", "a")
    other_count = claim("Sixteen people died when the Velm bridge collapsed.", "b")
    background = claim("In 1998 a bridge collapse on the Velm killed 30 people.", "c")
    scope = story_scope([story, other_count, background])
    assert [(c.a, c.b) for c in scoped_conflicts(story, other_count, scope)] == [
        ("Fourteen", "Sixteen")
    ]
    assert scoped_conflicts(story, background, scope) == ()
    assert scoped_conflicts(other_count, background, scope) == ()


STORY = {
    "wire.md": """+++
published = "2031-05-15"
outlet = "Wire"
+++
Fourteen people were killed when the Velm road bridge collapsed into the river on Tuesday.

In 1998 the old Velm road bridge collapsed into the river, and 30 people were killed.
""",
    "paper.md": """+++
published = "2031-05-15"
outlet = "Paper"
+++
Sixteen people were killed when the Velm road bridge collapsed into the river on Tuesday.
""",
}


def write_story(folder: Path, published: str = "2031-05-15") -> Path:
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text.replace("2031-05-15", published), encoding="utf-8")
    return folder


def test_the_pipeline_lists_the_story_conflict_with_its_subject_only(tmp_path: Path) -> None:
    doc = to_json_document(analyse([write_story(tmp_path / "story")], MatchSettings()))
    first = {c["id"]: c["text"].split()[0] for c in doc["claims"]}
    found = {frozenset((first[m["a"]], first[m["b"]])): m for m in doc["matches"]}
    # The 1998 collapse shares the story's words and is matched, but disputes nothing.
    background = found[frozenset(("In", "Sixteen"))]
    assert (background["tier"], background["conflicts"]) == ("match", [])
    (conflict,) = found[frozenset(("Fourteen", "Sixteen"))]["conflicts"]
    assert conflict["subject"] == "people (killed)"
    assert {conflict["a"], conflict["b"]} == {"Fourteen", "Sixteen"}
    assert [m for m in doc["matches"] if m["conflicts"]] == [
        found[frozenset(("Fourteen", "Sixteen"))]
    ]


def test_a_changed_publication_date_is_not_served_from_the_cache(tmp_path: Path) -> None:
    cache = MatchCache(tmp_path / "cache", version="1")
    story = write_story(tmp_path / "story")
    first = analyse([story], MatchSettings(), cache=cache)
    # The same words, published a year later: "in 1998" is as far as before, but the
    # cached entry must not be taken for granted.
    for path in story.iterdir():
        path.write_text(path.read_text().replace("2031-05-15", "2032-05-15"), encoding="utf-8")
    again = analyse([story], MatchSettings(), cache=cache)
    assert cache.report.matches == "miss"
    assert [m.conflicts for m in again.matches] == [m.conflicts for m in first.matches]


_PIECES = [
    "The dam failed",
    "on Tuesday",
    "on Friday night",
    "overnight",
    "in 2011",
    "last year",
    "two years ago",
    "in March",
    "on March 3",
    "since 2002",
    "another storm hit",
    "in neighbouring Varnia",
    "in Ostra province",
    "in Velm province",
    "the agency said on Monday",
    "killing 12 people",
]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=4),
    st.lists(st.sampled_from(_PIECES), max_size=4),
    st.sampled_from([None, "2031-05-15", "Thu, 15 May 2031 09:00:00 GMT", "not a date"]),
)
def test_compatibility_is_symmetric_and_reflexive(
    a: list[str], b: list[str], published: str | None
) -> None:
    x, y = claim(" ".join(a) + ".", "a"), claim(" ".join(b) + ".", "b")
    scope = story_scope([x, y], {"a": published, "b": None})
    assert scope.compatible(x, y) == scope.compatible(y, x)
    assert scope.comparable(x, y) == scope.comparable(y, x)
    assert scope.compatible(x, x)


@given(st.text(max_size=300))
def test_any_text_reads_without_error(text: str) -> None:
    x = claim(text or "x", "a")
    scope = story_scope([x], {"a": text[:40]})
    assert scope.compatible(x, x)
    for figure in figures(x):  # what each figure counts reads too
        assert isinstance(figure.context.role, str) and isinstance(figure.owners, frozenset)
