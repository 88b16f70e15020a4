"""What the top and bottom of an article say about it when no metadata does: its title and
who published it.

Title: the first line when it reads as a headline (short, no sentence-final stop);
otherwise the first sentence, cut at a word boundary with an ellipsis.

Publisher: a line that names who published the article, of one of these shapes (rules of
shape, not a list of outlets):

- a copyright line: "© 2024 Northern Times. All rights reserved.", "Copyright 2023 Harbour
  Media Group Ltd";
- a publisher line: "Published by Harbour Media", "Publisher: Northern Times";
- a byline that names the outlet after the person: "By Jane Roe, Harbour Media Group",
  "By Jane Roe | Northern Times", "By Jane Roe for the BBC"; after a comma or a bar the
  name must end in a word that names a publication ("Times", "Media", "News", "Group",
  "Ltd"), so a place or a role ("By Jane Roe, Kyiv", "..., Senior Correspondent") is not
  taken for one;
- in the header (under the headline, before the first paragraph of prose), a line that is
  only such a name: "ICARO Media Group", "Harbour Times staff".

The claim classifier (`tui.claims.unit_kinds`) calls each of these lines page furniture,
using the same predicates, so the line that names the outlet is never offered as a claim.
"""

from __future__ import annotations

import re

from tui.support.wordsets import wordset

TITLE_LENGTH = 80
_END_CHARS = 4000
_HEADLINE_END = re.compile(r"[.:;,]\s*$")
_EMPHASIS = "*_# "

# The last word of a publication's name (before a corporate suffix).
_PUBLICATION_WORDS = wordset(
    "media group news times post press herald tribune journal gazette daily weekly network "
    "networks broadcasting broadcaster radio television tv agency publishing publications "
    "publishers publisher magazine chronicle telegraph observer courier mail express star "
    "globe standard review today wire dispatch bulletin record inquirer independent guardian "
    "monitor examiner sentinel register report insider newspaper newspapers newsroom channel "
    "service"
)
_CORPORATE = wordset("ltd ltd. inc inc. llc corp corp. co co. plc gmbh ag limited company")
# Words a publication's name may hold in lower case: "Jornal do Norte", "News of the World".
_JOINERS = wordset("of the and & de da do dos das del della di du la le van von al el")
# Trailing words that make an outlet's name a credit: "Harbour Times staff", "Daily Mail
# Reporter".
_STAFF = wordset("staff newsroom desk team reporter reporters correspondent writer editor")
_CALENDAR = wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday updated"
)
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
_BYLINE = re.compile(r"^by\s+(?P<rest>\S.*)$", re.I)
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
        if not (word[:1].isupper() or (words and word.casefold() in _JOINERS)):
            break
        if not all(ch.isalnum() or ch in "&'’.-" for ch in word):
            break
        words.append(word)
        if ends or len(words) > limit:
            break
    while words and words[-1].casefold() in _JOINERS:
        words.pop()
    if not words or len(words) > limit:
        return None
    if all(w.casefold().rstrip(".") in _CALENDAR for w in words):
        return None  # "Published: March 3, 2024" names a date, not a publisher
    return " ".join(words)


def _publication(name: str | None) -> str | None:
    """`name` when it ends like a publication's name ("Northern Times", "Harbour Media Group
    Ltd"), without a trailing "staff"; else None."""
    if name is None:
        return None
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in _STAFF:
        words.pop()
    core = list(words)
    while len(core) > 1 and core[-1].casefold() in _CORPORATE:
        core.pop()
    if core[-1].casefold() in _PUBLICATION_WORDS:
        return " ".join(words)
    return None


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
    if first in "Bb" and (m := _BYLINE.match(line)) and len(line.split()) <= 14:
        person, *others = _PARTS.split(m.group("rest").rstrip("."))
        person, *publisher = _FOR.split(person, maxsplit=1)
        if leading_name(person, limit=12) != person:
            return None  # "By the end of 2024, Harbour Media Group had ..." is a sentence
        if publisher:
            name = leading_name(publisher[0])
            return name if name == publisher[0] else None  # "By Jane Roe for the BBC"
        for part in others:
            if leading_name(part) == part and (name := _publication(part)):
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
    ("ICARO Media Group", "Harbour Times staff"); None otherwise. Only a header line
    counts: further down, such a line is a heading."""
    words = _strip(line).rstrip(".").split()
    if not words or len(words) > 7:
        return None
    core = words[:-1] if words[-1] in _STAFF else words  # "Harbour Times staff"
    name = " ".join(core)
    return _publication(name) if core and leading_name(name, limit=7) == name else None


def _is_prose(line: str) -> bool:
    """A line of the article's body: a long line, a full sentence of some length, or two
    sentences."""
    words = len(line.split())
    if words >= 20:
        return True
    return line.rstrip()[-1:] in '.!?…"”' and (words >= 8 or bool(_SENTENCE_END.search(line)))


def publisher_from(text: str) -> str | None:
    """Who published the article, as a line of it names it (see the module docstring):
    a credit line in the header, else a name line in the header, else a credit line among
    the last lines; None when no line names one."""
    # Only the ends are read: a credit line is short and near one of them.
    head = [line for line in text[:_END_CHARS].splitlines() if line.strip()]
    header: list[str] = []
    for line in head[:12]:
        if _is_prose(line):
            break
        header.append(line)
    for line in header:
        if name := credited_publisher(line):
            return name
    # The first line is the headline (the classifier keeps it as a claim).
    for line in header[1:]:
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
