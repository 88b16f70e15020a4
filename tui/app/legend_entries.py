"""The legend's one table: what every colour, underline and mark on screen means.

The help screen shows it whole and the main screen as one line above the footer (both drawn
by tui/app/legend.py, with the panes' own styles). A test keeps it complete: every component
class of the article pane, the inspector and the article list is either explained by an
entry here or listed in PLAIN (text whose words say it all), and every verdict symbol of
tui/app/marks.py has an entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.app.keys import bound_key
from tui.app.marks import CONTESTED, STRONG_SCORE, SYMBOL

UNTRIAGED = "·"  # the verdict slot of a claim without a verdict (tui/app/marks.py)
CLUSTER_CLASSES = tuple(f"article-pane--cluster-{i}" for i in range(6))


@dataclass(frozen=True, slots=True)
class Entry:
    group: str
    sample: str  # drawn with `classes` (each in turn when `each`); "": `short` is the sample
    short: str  # the one-line legend's words
    meaning: str  # the help screen's words; {action} fields name keys as bound
    classes: tuple[str, ...]  # every component class that draws this mark, the sample's first
    each: bool = False  # draw the sample once per class (the cluster colours)


MACHINE, VERDICTS, REVIEWER, INSPECTOR = "Matching", "Verdicts", "Your links", "Inspector"

LEGEND: tuple[Entry, ...] = (
    Entry(
        VERDICTS,
        SYMBOL["corroborated"],
        "corroborated",
        "corroborated: independent sources carry the claim and none contradicts it",
        ("article-pane--corroborated", "inspector--corroborated"),
    ),
    Entry(
        VERDICTS,
        SYMBOL["disputed"],
        "disputed",
        "disputed: another source contradicts it, or the figures disagree",
        ("article-pane--disputed", "inspector--disputed"),
    ),
    Entry(
        VERDICTS,
        SYMBOL["unsourced"],
        "unsourced",
        "unsourced: no other source carries it and it names no source of its own",
        ("article-pane--unsourced", "inspector--unsourced"),
    ),
    Entry(
        VERDICTS,
        SYMBOL["later"],
        "later",
        "later: deferred for a second look ({defer}); not a verdict",
        ("article-pane--later", "inspector--later"),
    ),
    Entry(
        VERDICTS,
        UNTRIAGED,
        "untriaged",
        "untriaged: no verdict yet",
        ("article-pane--untriaged",),
    ),
    Entry(
        VERDICTS,
        CONTESTED,
        "reviewers disagree",
        "reviewers disagree (a merged verdict file): your verdict settles it",
        ("article-pane--untriaged",),
    ),
    Entry(
        MACHINE,
        "",
        f"match ≥{STRONG_SCORE:.0f}",
        f"shaded dark: another article states the same fact (a match scoring {STRONG_SCORE:.0f}"
        " or more)",
        ("article-pane--match-strong",),
    ),
    Entry(
        MACHINE,
        "",
        "match",
        f"shaded light: a weaker match (scoring under {STRONG_SCORE:.0f})",
        ("article-pane--match",),
    ),
    Entry(
        MACHINE,
        "",
        "suggestion",
        "underlined: no match, only suggestions (a likely counterpart below the match "
        "threshold: check it)",
        ("article-pane--suggestion",),
    ),
    Entry(
        MACHINE,
        "",
        "conflict",
        "bold: a figure or date disagrees with a claim it matches (the inspector says which)",
        ("article-pane--conflict",),
    ),
    Entry(
        MACHINE,
        "",
        "its matches",
        "in the right pane: the selected claim's matches and suggestions",
        ("article-pane--counterpart",),
    ),
    Entry(
        MACHINE,
        "",
        "selected",
        "the selected claim",
        ("article-pane--selected",),
    ),
    Entry(
        MACHINE,
        "",
        "not a claim",
        "dim: not a claim (a heading, a byline, a question...; {toggle_claim} makes it one)",
        ("article-pane--dim",),
    ),
    Entry(
        MACHINE,
        " ",
        "cluster",
        "the verdict slot's colour: the claim's cluster (claims of every article stating one "
        "fact share a colour; six colours, repeating)",
        CLUSTER_CLASSES,
        each=True,
    ),
    Entry(
        MACHINE,
        "",
        "≈ wire copy",
        "≈ wire N (article list, inspector): articles carrying one wire copy; they count as "
        "one source",
        ("article-list--wire", "inspector--wire"),
    ),
    Entry(
        REVIEWER,
        "",
        "same fact",
        "right pane and inspector: you confirmed it states the same fact ({confirm_link})",
        ("article-pane--link-same", "inspector--same"),
    ),
    Entry(
        REVIEWER,
        "",
        "contradicts",
        "right pane and inspector: you linked it as the same fact told in contradicting ways "
        "({contradicts_link})",
        ("article-pane--link-contradicts", "inspector--contradicts"),
    ),
    Entry(
        REVIEWER,
        "",
        "not the same",
        "struck through: you rejected the pair, not the same fact ({reject_link})",
        ("article-pane--link-different", "inspector--different"),
    ),
    Entry(
        REVIEWER,
        "",
        "marked",
        "reversed: the claim marked for a link ({link_claims}; select the other claim and "
        "press it again)",
        ("article-pane--link-from",),
    ),
    Entry(
        "Search",
        "",
        "search hit",
        "the words typed in the search bar ({search}), wherever they occur in the panes while "
        "it is open",
        ("article-pane--search",),
    ),
    Entry(
        INSPECTOR,
        "",
        "differing words",
        "word diff, under each listed match: that article's sentence with the DIFFERING words "
        "(those the selected claim does not have) bold and underlined; shared words are plain",
        ("inspector--diff",),
    ),
    Entry(
        INSPECTOR,
        "",
        "⚠ conflicting figure",
        "⚠ and this colour: the figure or date that disagrees, in the list and in the sentence",
        ("inspector--conflict",),
    ),
    Entry(
        INSPECTOR,
        "",
        "▶ pointed match",
        "▶ (highlighted while the list has the focus, {focus_matches}): the match the link "
        "keys act on",
        ("inspector--highlight",),
    ),
)

# Component classes whose text needs no legend: their words say what they are.
PLAIN: frozenset[str] = frozenset(
    {
        "article-pane--title",
        "article-pane--meta",
        "article-pane--url",
        "article-pane--archive-ok",  # "archive matches", in words
        "article-pane--archive-bad",  # "file changed since fetched", in words
        "article-pane--claim",  # a claim's text, unmarked
        "inspector--claim",
        "inspector--label",
        "inspector--muted",
        "inspector--score",
        "inspector--outlet",
        "inspector--suggestion",  # the hints in brackets
        "inspector--linking",  # the marked claim, after "Marked for a link:"
        "article-list--outlet",
        "article-list--date",
    }
)

# The one-line legend's order: what the reviewer meets first, first.
LINE_ORDER = (
    "corroborated",
    "disputed",
    "unsourced",
    "later",
    "untriaged",
    f"match ≥{STRONG_SCORE:.0f}",
    "match",
    "suggestion",
    "conflict",
    "its matches",
    "selected",
    "differing words",
    "not a claim",
    "cluster",
    "same fact",
    "contradicts",
    "not the same",
    "marked",
    "search hit",
    "≈ wire copy",
    "reviewers disagree",
    "⚠ conflicting figure",
    "▶ pointed match",
)


def meaning(entry: Entry, keymap: Mapping[str, str]) -> str:
    """The entry's words, with the keys it names as bound now."""
    fields = {
        name: bound_key(name, keymap)
        for name in (
            "defer",
            "toggle_claim",
            "confirm_link",
            "contradicts_link",
            "reject_link",
            "link_claims",
            "focus_matches",
            "search",
        )
    }
    return entry.meaning.format_map(fields)
