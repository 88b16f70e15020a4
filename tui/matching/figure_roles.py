"""What a figure stands for beyond its counted noun: its role, its qualifiers, whose it is,
and whether it is an addition.

Two figures with one unit can state different quantities: "killed 31 people" / "injured
412 people" (dead, injured), "a depth of 10 km" / "12 km south of Dervan" (depth,
distance), "demanding a 12 percent pay rise" / "offered a 7 percent pay rise" (a demand, an
offer), "Mirescu won 51.3 percent" / "Lendvai won 46.1 percent" (two candidates),
"another 25 homes" / "60 homes" (an addition, a total). A figure is read in its clause (the
words between the nearest clause marks around it):

- role: the class of the nearest word that says what happened to what is counted or which
  measure it is ("killed", "missing", "depth", "winds", "sales"); "" when none is near;
- qualifiers: words in the clause that make the figure another kind of value than an
  observed one: a poll, a normal level, a limit or capacity, a target, a demand, an offer;
- owners (`read_owners`): names before the figure in its clause (not the source of a
  quote);
- increment: "another", "a further", "an additional" before it, "more", "other",
  "additional" right after it.

The word lists are classes of news usage, not of any one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.support.wordsets import wordset


def _classes(table: dict[str, str]) -> dict[str, str]:
    return {word: name for name, words in table.items() for word in words.split()}


# Roles of counted people and things (any counted noun).
_COUNT_ROLES = _classes({
    "dead": "killed kill kills killing dead died die dies dying death deaths fatalities "
            "fatality perished drowned toll lives",
    "injured": "injured injuring injures injuries injury wounded wounding hurt",
    "missing": "missing unaccounted",
    "hospital": "hospital hospitals hospitalised hospitalized",
    "rescued": "rescued rescuing rescue saved",
    "evacuated": "evacuated evacuate evacuating evacuation evacuees displaced fled shelters "
                 "homeless",
    "arrested": "arrested arrests detained",
    "aboard": "carry carrying carried aboard",
})  # fmt: skip
# Roles of lengths and speeds (the figure's unit is one of _LENGTHS or _SPEEDS).
_MEASURE_ROLES = _classes({
    "depth": "depth deep below",
    "distance": "away distance from south north east west southeast southwest northeast "
                "northwest",
    "reach": "seen felt heard visible",
    "height": "high height tall level peaked peak rose reached",
    "wind": "winds wind gusts gust",
    "motion": "moving travelling traveling running speed",
})  # fmt: skip
# Roles of money and percentages.
_VALUE_ROLES = _classes({
    "rate": "rate rates",
    "prices": "prices inflation",
    "change": "rose rise rises fell fall falls climbed jumped dropped gained lost increased "
              "decreased grew slumped surged",
    "price": "pay paid pays buy bought price worth deal valued value bid",
    "sales": "sales revenue revenues turnover",
    "profit": "profit profits earnings",
    "cost": "cost costs costing",
    "savings": "save saves saving savings",
    "premium": "premium",
    "share": "vote votes ballots",
    "turnout": "turnout",
})  # fmt: skip
# Roles of spans of time.
_DURATION_ROLES = _classes({
    "keeping": "keep kept keeps retain retained store stored",
    "deleting": "delete deleted deleting erase erased",
})  # fmt: skip
_QUALIFIERS = _classes({
    "poll": "poll polls survey surveys projection projections projected",
    "normal": "normal usual average typical",
    "limit": "limit limits maximum capacity licensed allowed permitted",
    "target": "target targets goal forecast forecasts expected",
    "demand": "demand demands demanding demanded seeks seeking",
    "offer": "offer offers offered offering proposed proposes",
})  # fmt: skip
_LENGTHS = wordset("km mi mile metre meter m ft feet foot yard cm mm kilometre kilometer nautical")
_SPEEDS = wordset("mph knot kph")
_DURATIONS = wordset("second minute hour day week month year decade")
_VALUES = wordset("% $ € £ ¥ percent dollar euro pound yen rupee crown franc point")

_CLAUSE_WORDS = wordset(
    """and but while when whereas where which who whom whose after before as because although
    though if unless until that so"""
)
_SAYING = wordset(
    """said says say told tells added adds according stated announced claimed claims
    estimated estimates disclosed revealed reported reports confirmed warned"""
)
_NOT_OWNERS = wordset(
    """the a an this that these those in on at of for from to by its his her their our it
    he she they we i you there here some about around nearly almost more over up at least
    as and but after before when while with"""
)
# Words that make a figure an addition, right before or right after it (plain string tests:
# they run for every figure).
_ADDED_BEFORE = (" another", " further", " additional", " extra")
_ADDED_AFTER = (" more ", " other ", " additional ", " further ", " extra ", " more.", " more,")
_MORE_THAN = " more than"
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_MONTHS_DAYS = wordset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Context:
    role: str = ""  # the role's class, "" when no role word is near
    role_word: str = ""  # the role word as written
    qualifiers: frozenset[str] = frozenset()


def _kind_of(head: str) -> dict[str, str]:
    if head in _LENGTHS or head in _SPEEDS:
        return _MEASURE_ROLES
    if head in _VALUES:
        return _VALUE_ROLES
    if head in _DURATIONS:
        return _DURATION_ROLES
    return _COUNT_ROLES


@lru_cache(maxsize=1)
def _known_word():  # type: ignore[no-untyped-def]
    # The lemma dictionary matching already loads: a capitalised first word that is an
    # English word ("Rescuers", "Emergency") is not a name.
    from simplemma import is_known

    return is_known


@lru_cache(maxsize=65536)
def _is_name(token: str, first: bool) -> bool:
    if not token[:1].isupper() or token.casefold() in _NOT_OWNERS or token in _MONTHS_DAYS:
        return False
    if first:
        return not _known_word()(token.casefold(), lang="en")
    return True


# How far from a figure its clause is read, either way (characters).
REACH = 50


@lru_cache(maxsize=65536)
def read_context(text: str, start: int, end: int, head: str) -> Context:
    """The context of the figure at text[start:end] whose counted noun is `head`."""
    before, _ = _clause_before(text, max(0, start - REACH), start)
    after = _clause_after(text, end, min(len(text), end + REACH))
    roles = _kind_of(head)
    best: tuple[int, int, str, str] | None = None
    qualifiers: set[str] = set()
    last = len(before)
    for k, word in enumerate(before):
        key = word.casefold()
        if key in roles:
            best = _nearer(best, roles[key], last - k, 1, word)
        if key in _QUALIFIERS:
            qualifiers.add(_QUALIFIERS[key])
    for k, word in enumerate(after):
        key = word.casefold()
        if key in roles:
            best = _nearer(best, roles[key], k + 1, 0, word)
        if key in _QUALIFIERS:
            qualifiers.add(_QUALIFIERS[key])
    role, role_word = (best[2], best[3]) if best else ("", "")
    if role == "change" and _LEVEL_BEFORE.search(text, max(0, start - 4), start):
        role = "level"  # "rose to 5.2 percent" is a level, "rose 5.2 percent" a change
    return Context(role, role_word, frozenset(qualifiers))


@lru_cache(maxsize=65536)
def read_owners(text: str, start: int) -> frozenset[str]:
    """Whose the figure at `start` is: the names before it in its clause, case-folded; a
    name before a verb of saying is the source ("Police said 5 people ..."), not an owner."""
    before, opening = _clause_before(text, max(0, start - REACH), start)
    since = max((k + 1 for k, w in enumerate(before) if w.casefold() in _SAYING), default=0)
    return frozenset(
        before[k].casefold()
        for k in range(since, len(before))
        if before[k][:1].isupper() and _is_name(before[k], k == opening)
    )


# Characters that end a clause at the edge of a word ("rose," "(the" "said:"), and those
# trimmed from a word.
_MARKS = frozenset(",;:()[]\"“”—–‘’'")
_EDGES = ".,;:!?()[]\"“”‘’'—–-"


def _clause_before(text: str, lo: int, start: int) -> tuple[list[str], int]:
    """The words of the figure's clause before it (back to a clause mark or a word that
    opens a clause), and the index of the sentence's first word among them (-1: not in)."""
    raw = text[lo:start].split()
    if lo > 0 and raw and text[lo - 1].isalnum():
        raw = raw[1:]  # cut by the window
    words: list[str] = []
    opened = lo == 0
    for k in range(len(raw) - 1, -1, -1):
        token = raw[k]
        if token[-1] in _MARKS or token == "-":
            opened = False
            break
        word = token.strip(_EDGES)
        if word.casefold() in _CLAUSE_WORDS:
            opened = False
            break
        if word:
            words.append(word)
        if token[0] in _MARKS:
            opened = opened and not "".join(raw[:k]).strip(_EDGES)
            break
    words.reverse()
    return words, (0 if opened and words else -1)


def _clause_after(text: str, end: int, hi: int) -> list[str]:
    """The words of the figure's clause after it."""
    raw = text[end:hi].split()
    if hi < len(text) and raw and text[hi].isalnum():
        raw = raw[:-1]  # cut by the window
    words: list[str] = []
    for k, token in enumerate(raw):
        if (k and token[0] in _MARKS) or token == "-":
            break
        word = token.strip(_EDGES)
        if word.casefold() in _CLAUSE_WORDS:
            break
        if word:
            words.append(word)
        if token[-1] in _MARKS:
            break
    return words


def _nearer(
    best: tuple[int, int, str, str] | None, role: str | None, distance: int, side: int, word: str
) -> tuple[int, int, str, str] | None:
    """The nearer of two role words; at equal distance the one after the figure."""
    if role is None:
        return best
    rank = (distance, side, role, word)
    return rank if best is None or rank < best else best


def is_increment(text: str, start: int, end: int) -> bool:
    """The figure at text[start:end] is an addition: "another 25", "two more", "five
    additional", "a further 60"."""
    after = text[end : end + 16].lower()
    if after.startswith(_ADDED_AFTER) and not after.startswith(_MORE_THAN):
        return True
    before = " " + text[max(0, start - 16) : start].lower()
    return before.rstrip().endswith(_ADDED_BEFORE) and before[-1:].isspace()


def roles_agree(x: Context, y: Context) -> bool:
    """Same role (or no role word on a side) and the same qualifiers."""
    if x.role and y.role and x.role != y.role:
        return False
    return x.qualifiers == y.qualifiers
