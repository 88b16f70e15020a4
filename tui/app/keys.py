"""The app's key map: one definition per action, in one table.

The main screen's bindings, the help screen, the command palette and the validation of
config.toml `[keys]` are all built from KEYS; the screens pushed over it (orphans,
coverage, the yes/no question, help) take theirs from the *_KEYS tables below, also
remappable. This module does
not import textual, so the CLI can check a config file without paying for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.config import KeyRules


@dataclass(frozen=True, slots=True)
class Key:
    id: str  # the binding id; config.toml [keys] uses it
    keys: str  # default keys, comma-separated, as Textual names them
    description: str
    group: str
    show: bool = False  # shown in the footer (everything is on the help screen)
    display: str | None = None  # how the footer/help shows the keys, when not obvious
    # When the footer is too narrow for every shown key, it drops the highest numbers first:
    # 1 is never dropped (help and quit), so a reviewer can always find the rest.
    priority: int = 3

    @property
    def action(self) -> str:
        return self.id


KEYS: tuple[Key, ...] = (
    Key("next_claim", "j,down", "Next claim", "Move", display="j ↓"),
    Key("previous_claim", "k,up", "Previous claim", "Move", display="k ↑"),
    Key("next_untriaged", "n", "Next untriaged claim", "Move", show=True),
    Key("previous_untriaged", "N", "Previous untriaged claim", "Move"),
    Key("first_claim", "g", "First claim", "Move"),
    Key("last_claim", "G", "Last claim", "Move"),
    Key("mark_corroborated", "c", "Corroborated", "Decide", show=True, priority=2),
    Key("mark_disputed", "d", "Disputed", "Decide", show=True, priority=2),
    Key("mark_unsourced", "u", "Unsourced", "Decide", show=True, priority=2),
    Key("accept_suggestion", "v", "Accept suggestion", "Decide", show=True),
    Key("clear_verdict", "x,backspace", "Clear verdict", "Decide", display="x ⌫"),
    Key("cluster_verdict", "m", "Verdict to whole cluster", "Decide"),
    Key("toggle_claim", "K", "Claim / not a claim", "Decide"),
    Key("edit_note", "a", "Note and sources", "Decide", show=True),
    Key("undo", "ctrl+z", "Undo", "Decide"),
    Key("redo", "ctrl+y", "Redo", "Decide"),
    Key("defer", "w", "Later (defer)", "Decide", show=True, priority=4),
    Key("switch_pane", "tab", "Switch pane", "View"),
    Key("previous_comparison", "[", "Previous comparison article", "View"),
    Key("next_comparison", "]", "Next comparison article", "View"),
    Key("previous_article", "{", "Previous article to triage", "View"),
    Key("next_article", "}", "Next article to triage", "View"),
    Key("show_best_match", "enter", "Best match in right pane", "View"),
    Key("toggle_articles", "l", "Article list", "View"),
    Key("toggle_legend", "L", "Legend: what the colours and marks mean (again: more)", "View"),
    Key("coverage", "o", "Coverage: claims by outlet", "View"),
    Key("orphans", "O", "Orphaned decisions", "View"),
    Key("search", "/", "Search claims", "Find", show=True),
    Key("cycle_filter", "f", "Filter", "Find", show=True),
    # The reviewer's word on which claims state the same fact (tui/review/session_links.py).
    # confirm, reject, contradicts and unlink act on the match the inspector points at (▶,
    # the first until focus_matches moves into its list), or finish a link begun with
    # link_claims.
    Key("focus_matches", "i", "Match list", "Links", show=True, priority=4),
    Key("confirm_link", "s", "Same fact", "Links", show=True, priority=4),
    Key("reject_link", "r", "Not the same fact", "Links", show=True, priority=4),
    Key("contradicts_link", "!", "Contradicts", "Links", show=True, priority=4),
    Key("link_claims", "p", "Link two claims", "Links", show=True, priority=4),
    Key("unlink", "-", "Unlink (the machine's view again)", "Links"),
    Key("split_claim", "S", "Split the claim at a word", "Links"),
    Key("join_claims", "J", "Join with the next unit", "Links"),
    Key("open_url", "b", "Open the article's web page in the browser", "App"),
    Key("copy_claim", "y", "Copy the claim with its source", "App"),
    Key("export_verdicts", "E", "Export verdicts…", "App"),
    Key("add_article", "plus", "Add an article from the web (page or feed)", "App", display="+"),
    Key("help", "?", "Help", "App", show=True, priority=1),
    Key("quit", "q", "Quit", "App", show=True, priority=1),
)

ORPHAN_KEYS: tuple[Key, ...] = (
    Key("orphan_reattach", "r", "Re-attach to the best candidate", "Orphans screen", show=True),
    Key("orphan_discard", "x,delete", "Discard (asks first)", "Orphans screen", show=True),
    Key("orphan_close", "escape", "Close", "Orphans screen", show=True),
    Key("orphan_down", "j", "Next row (also ↓)", "Orphans screen"),
    Key("orphan_up", "k", "Previous row (also ↑)", "Orphans screen"),
)

COVERAGE_KEYS: tuple[Key, ...] = (
    Key("coverage_close", "escape", "Close", "Coverage screen", show=True),
    Key("coverage_down", "j", "Next row (also ↓)", "Coverage screen"),
    Key("coverage_up", "k", "Previous row (also ↑)", "Coverage screen"),
)

SUMMARY_KEYS: tuple[Key, ...] = (
    Key("summary_close", "escape,q", "Close", "Summary screen", show=True, display="escape q"),
    Key("summary_down", "j", "Scroll down (also ↓)", "Summary screen"),
    Key("summary_up", "k", "Scroll up (also ↑)", "Summary screen"),
)

CONFIRM_KEYS: tuple[Key, ...] = (
    Key("confirm_yes", "y,enter", "Yes", "Yes/no question", show=True, display="y enter"),
    Key("confirm_no", "n,escape", "No", "Yes/no question", show=True, display="n escape"),
)

HELP_KEYS: tuple[Key, ...] = (
    Key("help_close", "escape,q,question_mark", "Close", "Help screen", display="escape q ?"),
)

# The inspector's list of matches, when it has the focus (focus_matches, or a click): these
# keys come before the main screen's there.
MATCH_LIST_KEYS: tuple[Key, ...] = (
    Key("match_next", "j,down", "Next match", "Match list", display="j ↓"),
    Key("match_previous", "k,up", "Previous match", "Match list", display="k ↑"),
    Key("match_show", "enter", "Show the match in the right pane", "Match list", show=True),
    Key("match_leave", "escape", "Back to the article", "Match list"),
)

RELATION_KEYS: tuple[Key, ...] = (
    Key("relation_same", "s", "The same fact", "Link question", show=True),
    Key("relation_contradicts", "!", "Contradicts", "Link question", show=True),
    Key("relation_different", "r", "Not the same fact", "Link question", show=True),
    Key("relation_cancel", "escape", "Cancel (the mark stays)", "Link question", show=True),
)

SPLIT_KEYS: tuple[Key, ...] = (
    Key("split_cancel", "escape", "Cancel", "Split question", show=True),
)

EXPORT_KEYS: tuple[Key, ...] = (
    Key("export_cancel", "escape", "Close without exporting", "Export dialog", show=True),
    Key("export_write", "ctrl+s", "Export (also enter in the file name)", "Export dialog"),
)

# The add-article dialog (tui/app/screens/add_article.py); space and enter tick a feed entry.
ADD_KEYS: tuple[Key, ...] = (
    Key("add_chosen", "ctrl+s", "Add the ticked feed entries", "Add article", show=True),
    Key("add_close", "escape", "Close (a fetch goes on)", "Add article", show=True),
)

SCREEN_KEYS: tuple[Key, ...] = (
    MATCH_LIST_KEYS
    + ORPHAN_KEYS
    + COVERAGE_KEYS
    + SUMMARY_KEYS
    + CONFIRM_KEYS
    + HELP_KEYS
    + RELATION_KEYS
    + SPLIT_KEYS
    + ADD_KEYS
    + EXPORT_KEYS
)
# What acts on the match list's highlighted match: bound with the main screen's keys, so
# they must not share a key with the list's own.
ON_MATCH = ("confirm_link", "reject_link", "contradicts_link", "unlink")

KEY_BY_ID: Mapping[str, Key] = {k.id: k for k in KEYS + SCREEN_KEYS}
KEY_IDS: frozenset[str] = frozenset(KEY_BY_ID)
# The key tables in force together: each screen's own (a screen pushed over the main one
# hides the main one's bindings).
SCREENS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("the main screen", KEYS),
    ("the orphans screen", ORPHAN_KEYS),
    ("the coverage screen", COVERAGE_KEYS),
    ("the summary screen", SUMMARY_KEYS),
    ("the yes/no question", CONFIRM_KEYS),
    ("the help screen", HELP_KEYS),
    ("the match list", MATCH_LIST_KEYS + tuple(k for k in KEYS if k.id in ON_MATCH)),
    ("the link question", RELATION_KEYS),
    ("the split question", SPLIT_KEYS),
    ("the add-article dialog", ADD_KEYS),
    ("the export dialog", EXPORT_KEYS),
)


def unknown_ids(keymap: Mapping[str, str]) -> list[str]:
    """Names in a `[keys]` table that are not actions of the app, sorted."""
    return sorted(set(keymap) - KEY_IDS)


def clashes(keymap: Mapping[str, str]) -> dict[str, str]:
    """Remapped actions that would share a key with another action on the same screen
    (one of the two would never run): action -> why. Reverting one to its default keys can
    make another clash, so this repeats until nothing changes."""
    found: dict[str, str] = {}
    while True:
        current = {a: k for a, k in keymap.items() if a not in found}
        new: dict[str, str] = {}
        for screen, table in SCREENS:
            owners: dict[str, list[str]] = {}
            for key in table:
                for name in keys_for(key, current).split(","):
                    owners.setdefault(name.strip(), []).append(key.id)
            for name, ids in owners.items():
                for action in ids:
                    if len(ids) > 1 and action in current and action not in new:
                        others = " and ".join(i for i in ids if i != action)
                        new[action] = (
                            f"{name!r} is also bound to {others} on {screen}; "
                            "keeping its default keys"
                        )
        if not new:
            return found
        found.update(new)


def keys_for(key: Key, keymap: Mapping[str, str]) -> str:
    """The keys bound to `key` now: the config's remapping, else the default."""
    return keymap.get(key.id, key.keys)


def first_key(key: Key, keymap: Mapping[str, str]) -> str:
    """The first key bound to `key` now, as the help screen shows it (for button labels)."""
    return display_keys(key, keymap).split()[0]


def bound_key(action: str, keymap: Mapping[str, str]) -> str:
    """The first key bound now to the action with id `action`: what a message names when it
    tells the reviewer which key to press."""
    return first_key(KEY_BY_ID[action], keymap)


def bound_keys(actions: Sequence[str], keymap: Mapping[str, str]) -> str:
    """The first key of each action, as a phrase: "c, d or u"."""
    names = [bound_key(a, keymap) for a in actions]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


DECIDE = ("mark_corroborated", "mark_disputed", "mark_unsourced")  # the three verdict keys


def display_keys(key: Key, keymap: Mapping[str, str]) -> str:
    if key.id in keymap:
        return " ".join(k.strip() for k in keymap[key.id].split(","))
    return key.display or " ".join(key.keys.split(","))


# What `crosscheck check` and the config loader need to know of the keys.
KEY_RULES = KeyRules(KEY_IDS, clashes)
