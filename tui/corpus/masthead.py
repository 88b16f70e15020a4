"""What the top and bottom of an article say about it when no metadata does: its title,
who published it and when.

Title: the first line when it reads as a headline (short, no sentence-final stop);
otherwise the first sentence, cut at a word boundary with an ellipsis.

Publisher: a line that names who published the article, of one of these shapes (rules of
shape, not a list of outlets):

- a copyright line: "© 2024 Northern Times. All rights reserved.", "Copyright 2023 Harbour
  Media Group Ltd";
- a publisher line: "Published by Harbour Media", "Publisher: Northern Times";
- a byline that names the outlet after the person, in several languages: "By Jane Roe,
  Harbour Media Group", "By Jane Roe | Northern Times", "By Jane Roe for the BBC", "Par
  Élodie Marchand, Le Quotidien du Nord", "Автор: Ольга Петрова, «Балтийский вестник»";
  after a comma or a bar the name must end in a word that names a publication ("Times",
  "Media", "Zeitung", "вестник") or open with one that names a medium ("Radio Veldmoor",
  "Le Quotidien du Nord"), or stand in quotes, so a place or a role ("By Jane Roe, Kyiv",
  "..., Senior Correspondent") is not taken for one, and the words before it must be a
  name, so a sentence ("By Monday, officials said ...", "Par ailleurs, ...") is not;
- in the header (under the headline, before the first paragraph of prose; among its first
  lines), a line that is only such a name ("ICARO Media Group", "Harbour Times staff"),
  the name and a date ("Radio Veldmoor, 4 March 2025"), or a person's name, a bar and the
  name ("Jane Roe | Northern Times").

Published: a date on a line of its own among the first lines of the header ("March 5,
2025", "Publié le 4 mars 2025"; `tui.corpus.dateline`), or the date on a line that names
the publisher.

The claim classifier (`tui.claims.unit_kinds`) calls these lines page furniture or
headings, using the same predicates, so the line that names the outlet is never offered as
a claim.
"""

from __future__ import annotations

import re

from tui.corpus.dateline import date_line, find_date, is_date_only
from tui.corpus.masthead_words import (
    ARTICLES,
    CALENDAR,
    CORPORATE,
    DESKS,
    JOINERS,
    LEADING_PUBLICATION_WORDS,
    PUBLICATION_WORDS,
    STAFF,
)

TITLE_LENGTH = 80
_END_CHARS = 4000
_HEADLINE_END = re.compile(r"[.:;,]\s*$")
_EMPHASIS = "*_# "

# "© 2024 X", "Copyright 2024 X", "Copyright © X": a © or a year, so that "Copyright Office
# officials said" is not a credit.
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?P<mark>©|\(c\))?\s*(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?:by\s+)?(?P<rest>.*)$",
    re.I,
)
_PUBLISHED_BY = re.compile(
    r"^(?:published\s+by|publisher\s*[:|]|a\s+publication\s+of)\s*(?P<rest>.*)$", re.I
)
# "By", "Par", "Von", "Por", "Di", "Автор:", "Від": a byline in the languages news is most
# often read in here.
_BYLINE = re.compile(r"^(?:by|par|von|por|di|автор[ыи]?|від)\s*:?\s+(?P<rest>\S.*)$", re.I)
_BYLINE_INITIALS = frozenset("BbPpVvDdАаВв")
_BARS = re.compile(r"\s*[|•·]\s*|\s+[–—]\s+")
_PARTS = re.compile(r"\s*[,|•·]\s*|\s+[–—-]\s+")
_FOR = re.compile(r"\s+for\s+(?:the\s+)?", re.I)
_WORD_END = re.compile(r"[.,;:|)\]]+$")


def _strip(line: str) -> str:
    return " ".join(line.strip().strip(_EMPHASIS).split())


def leading_name(text: str, *, limit: int = 6) -> str | None:
    """The capitalised name `text` opens with ("Harbour Media on 3 May" -> "Harbour
    Media"): words that start with a capital (or join a name, as "of" and "&" do), up to
    the first other word or punctuation; None when it opens with no name."""
    words: list[str] = []
    for raw in text.split():
        word = _WORD_END.sub("", raw)
        if len(word) == 1 and raw == word + ".":
            word = raw  # an initial: "Jane Q. Roe"
        ends = word != raw
        if not word:
            break
        if not (word[:1].isupper() or (words and word.casefold() in JOINERS)):
            break
        if not all(ch.isalnum() or ch in "&'’.-" for ch in word):
            break
        words.append(word)
        if ends or len(words) > limit:
            break
    while words and words[-1].casefold() in JOINERS:
        words.pop()
    if not words or len(words) > limit:
        return None
    if all(w.casefold().rstrip(".") in CALENDAR for w in words):
        return None  # "Published: March 3, 2024" names a date, not a publisher
    return " ".join(words)


def _publication(name: str | None, *, leading: bool = False) -> str | None:
    """`name` when it ends like a publication's name ("Northern Times", "Harbour Media Group
    Ltd") or, with `leading`, opens like one ("Radio Veldmoor", "Le Quotidien du Nord"),
    without a trailing "staff"; else None. A desk and a role ("Business News Editor", "News
    Editor") name a job, not an outlet."""
    if name is None:
        return None
    words = name.split()
    staffed = len(words) > 1 and words[-1].casefold() in STAFF
    if staffed:
        words.pop()
    core = list(words)
    while len(core) > 1 and core[-1].casefold() in CORPORATE:
        core.pop()
    lows = [w.casefold() for w in core]
    named = [w for w in lows if w not in ARTICLES]
    if staffed and (len(named) <= 1 or any(w in DESKS for w in lows)):
        return None
    if len(lows) == 1 and lows[0] in PUBLICATION_WORDS:
        return None  # a section's label: "News", "Radio", "Новости"
    if lows[-1] in PUBLICATION_WORDS or (
        leading and named and named[0] in LEADING_PUBLICATION_WORDS and len(named) > 1
    ):
        return " ".join(words)
    return None


_QUOTES = '«»“”„"‹›'
_NAME_CHARS = frozenset("&'’.-+")


def _outlet_name(part: str, *, leading: bool = True) -> str | None:
    """`part` when it is a publication's name and nothing else: capitalised words (a word
    that names a publication may stay in lower case: "Балтийский вестник") that end, or
    with `leading` open, like one; a capitalised name in quotes («Вельдмурский вестник»)
    counts whole. None otherwise."""
    part = part.strip().rstrip(".").strip()
    if len(part) > 1 and part[0] in _QUOTES and part[-1] in _QUOTES:
        inner = part[1:-1].strip()
        words = inner.split()
        plain = all(ch.isalnum() or ch in _NAME_CHARS for w in words for ch in w)
        named = 1 <= len(words) <= 6 and inner[:1].isupper() and words[-1].casefold() not in STAFF
        return inner if named and plain else None
    words = part.split()
    if not 1 <= len(words) <= 7 or not words[0][:1].isupper():
        return None
    for word in words:
        low = word.casefold()
        # Lower case only for a joiner or, outside the Latin script, a word that names a
        # publication ("Балтийский вестник"): "Kyiv news desk" names a desk.
        lower_ok = low in JOINERS or (not word.isascii() and low in PUBLICATION_WORDS)
        if not (word[:1].isupper() or lower_ok):
            return None
        if not all(ch.isalnum() or ch in _NAME_CHARS for ch in word):
            return None
    if all(w.casefold().rstrip(".") in CALENDAR for w in words):
        return None
    return _publication(" ".join(words), leading=leading)


def _is_person(part: str) -> bool:
    """Two to five capitalised words that name no publication: "Jane Q. Roe"."""
    words = part.split()
    return (
        2 <= len(words) <= 5
        and leading_name(part, limit=5) == part
        and not any(w.casefold() in PUBLICATION_WORDS for w in words)
    )


def credited_publisher(line: str) -> str | None:
    """The publisher a copyright, publisher or byline line names, wherever the line stands;
    None for any other line (see the module docstring)."""
    line = _strip(line)
    if not line or len(line) > 160:
        return None
    first = line[:1]
    if first == "©" or (first in "Cc" and line[:9].casefold() == "copyright"):
        m = _COPYRIGHT.match(line)
        if m is None or not (m.group("mark") or m.group("year")):
            return None
        return leading_name(m.group("rest"))
    if first in "PpAa" and (m := _PUBLISHED_BY.match(line)):
        rest = m.group("rest")
        name = leading_name(rest)
        # The name and perhaps a date: "Published by Oxfam on Monday, the report said ..."
        # is a sentence.
        return name if name and _is_date_tail(rest[len(name) :]) else None
    if first in _BYLINE_INITIALS and (m := _BYLINE.match(line)) and len(line.split()) <= 14:
        person, *others = _PARTS.split(m.group("rest").rstrip("."))
        person, *publisher = _FOR.split(person, maxsplit=1)
        if leading_name(person, limit=12) != person:
            return None  # "By the end of 2024, Harbour Media Group had ..." is a sentence
        if publisher:
            name = leading_name(publisher[0])
            return name if name == publisher[0] else None  # "By Jane Roe for the BBC"
        for part in others:
            if name := _outlet_name(part):
                return name
    return None


_DATE_TAIL = re.compile(r"[\s.,;:|•·()–—-]*(?:(?:on|at|updated)\s+)?(?P<date>.*)$", re.I)


def _is_date_tail(tail: str) -> bool:
    """Nothing but separators, or a short date after them ("on 3 May 2025", "| 12:00 GMT")."""
    m = _DATE_TAIL.match(tail)
    date = m.group("date").strip(" .") if m else tail
    words = date.split()
    return not words or (
        len(words) <= 6
        and any(ch.isdigit() for ch in date)
        and all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in ("am", "pm") for w in words)
    )


def name_line_publisher(line: str) -> str | None:
    """The publisher a line names when the line is nothing but a publication's name
    ("ICARO Media Group", "Harbour Times staff"), that name and a date ("Radio Veldmoor, 4
    March 2025"), or a person's name and the publication's ("Jane Roe | Northern Times");
    None otherwise. Only a header line counts: further down, such a line is a heading."""
    line = _strip(line)
    words = line.rstrip(".").split()
    if not words or len(words) > 12:
        return None
    core = words[:-1] if words[-1] in STAFF else words  # "Harbour Times staff"
    name = " ".join(core)
    whole = len(words) <= 7 and core and leading_name(name, limit=7) == name
    if whole and (outlet := _publication(name)):
        return outlet
    found = find_date(line)
    rest = found[1] if found else line
    if found:  # "Radio Veldmoor, 4 March 2025", "Northern Times | Updated 3 May 2025"
        parts = [p for p in _PARTS.split(rest) if not is_date_only(p)]
        if len(parts) == 1:
            return _outlet_name(parts[0])
    bars = [p.strip() for p in _BARS.split(rest) if not is_date_only(p)]
    if len(bars) == 2 and _is_person(bars[0]):
        return _outlet_name(bars[1])  # "Jane Roe | Northern Times"
    return None


def _is_prose(line: str) -> bool:
    """A line of the article's body: a long line, a full sentence of some length, or two
    sentences."""
    words = len(line.split())
    if words >= 20:
        return True
    return line.rstrip()[-1:] in '.!?…"”' and (words >= 8 or bool(_SENTENCE_END.search(line)))


# Name lines and date lines are read among the first lines of the header only.
_HEADER_LINES = 6


def _header(text: str) -> tuple[list[str], list[str]]:
    """The first non-blank lines of `text` (a slice of its start) and, of them, the header:
    the lines before the first line of prose."""
    head = [line for line in text[:_END_CHARS].splitlines() if line.strip()]
    header: list[str] = []
    for line in head[:12]:
        if _is_prose(line):
            break
        header.append(line)
    return head, header


def publisher_from(text: str) -> str | None:
    """Who published the article, as a line of it names it (see the module docstring):
    a credit line in the header, else a name line in the header, else a credit line among
    the last lines; None when no line names one."""
    # Only the ends are read: a credit line is short and near one of them.
    head, header = _header(text)
    for line in header:
        if name := credited_publisher(line):
            return name
    # The first line is the headline (the classifier keeps it as a claim).
    for line in header[1:_HEADER_LINES]:
        if name := name_line_publisher(line):
            return name
    if len(text) <= _END_CHARS:
        tail = head[len(header) :]
    else:  # the first line of the slice may be cut: left out
        tail = [line for line in text[-_END_CHARS:].splitlines()[1:] if line.strip()]
    for line in reversed(tail[-6:]):
        if name := credited_publisher(line):
            return name
    return None


def published_from(text: str) -> str | None:
    """The date (ISO 8601) the article's header gives: a line of its own among the first
    lines ("March 5, 2025", "Published: 4 mars 2025"), or the date on a credit or name line
    ("Radio Veldmoor, 4 March 2025"), or on a byline that names only the author ("By Jane
    Roe | March 4, 2025"); None when the header gives none."""
    for line in _header(text)[1][:_HEADER_LINES]:
        if date := date_line(line):
            return date
        found = find_date(_strip(line))
        if found and (
            credited_publisher(line) or name_line_publisher(line) or _author_only(found[1])
        ):
            return found[0].isoformat()
    return None


def _author_only(rest: str) -> bool:
    """Whether `rest` (a line with its date cut out) is a byline naming only its author:
    "By Jane Roe | ", "Par Élodie Marchand, publié le"."""
    m = _BYLINE.match(rest.strip())
    if m is None:
        return False
    person, *others = _PARTS.split(m.group("rest"))
    return leading_name(person, limit=6) == person and all(is_date_only(p) for p in others)


def headline_from(text: str) -> str | None:
    """The first non-blank line when it reads as a headline: short, no sentence-final stop,
    and not a credit line."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if credited_publisher(line):
            continue
        words = line.split()
        if len(words) > 25 or len(line) > 200 or _HEADLINE_END.search(line):
            return None
        if line[0].islower():
            return None
        return line
    return None


# A sentence ends at a stop (and closing quotes) before a space and a capital or a figure.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def first_sentence(text: str) -> str:
    """The first sentence of the first line of prose (credit lines skipped), on one line.
    A stop after a short capitalised word ("Mr.", "U.S.") does not end it."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or credited_publisher(line):
            continue
        for m in _SENTENCE_END.finditer(line):
            words = line[: m.start()].split()
            last = words[-1] if words else ""  # a line may start with its stop
            if len(last.replace(".", "")) <= 3 and last[:1].isupper():
                continue  # an abbreviation or an initial
            return line[: m.start() + 1]
        return line
    return ""


def shortened(text: str, limit: int = TITLE_LENGTH) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when over `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"


def title_from(text: str) -> str | None:
    """The article's title as its text gives it: the headline, else its first sentence
    shortened; None for a text with no words."""
    headline = headline_from(text)
    if headline is not None:
        return headline
    sentence = first_sentence(text)
    return shortened(sentence) if sentence else None
