"""What each block of an article is: claim text, a heading, page furniture or reader comments.

Rules look at a line's shape and its place on the page, never at particular strings of one
site: the headline is the first line; a reader-comment section starts at a comment counter
or a "Leave a comment" line and runs to the end; a "Sources:"/"Related" label starts a list
of references; credits, bylines, metadata, navigation, share and subscribe prompts,
datelines, copyright lines, images and wire credits are furniture, and so are the lines that
name the publisher (`tui.corpus.masthead`, which reads the outlet from them: "Published by
...", the outlet's name under the headline); short unpunctuated lines between paragraphs are
headings. Bullet items that read as sentences ("At a Glance" boxes)
stay claims: they state the article's main facts in full sentences, and other outlets repeat
exactly those facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.claims.segmentation import Block, Marker
from tui.corpus.masthead import credited_publisher, name_line_publisher
from tui.support.wordsets import wordset

CLAIM, HEADING, BOILERPLATE, COMMENT = "claim", "heading", "boilerplate", "comment"

_I = re.IGNORECASE


# "5 Comments", "Comments (12)", "Leave a Reply", "Join the discussion", "12 thoughts on ..."
_COMMENTS_START = re.compile(
    r"^(?:\d[\d,.]*k?\s+(?:comments?|responses?|replies|reactions|thoughts\b.*)"
    r"|(?:reader\s+|user\s+)?comments?\s*(?:\(\d+\)|:)?|(?:show|view|load|read|see)\s+"
    r"(?:all\s+)?(?:\d+\s+)?comments|(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)"
    r"|join\s+the\s+(?:discussion|conversation|debate)|what\s+do\s+you\s+think\??|"
    r"discussion\s*(?:\(\d+\))?)\s*:?$",
    _I,
)
# A label that opens a list of references or links rather than prose.
_LIST_LABEL = re.compile(
    r"^(?:sources?|references?|notes|footnotes|citations|bibliography|further\s+reading|"
    r"see\s+also|related(?:\s+\w+){0,2}|read\s+(?:more|also|next)|more\s+(?:on|from|about)\b.*|"
    r"recommended(?:\s+\w+)?|you\s+(?:may|might)\s+also\s+like|trending(?:\s+now)?|"
    r"most\s+(?:read|popular|viewed)|popular\s+(?:posts|stories)|tags?|topics?|filed\s+under|"
    r"latest(?:\s+news)?|share\s+this(?:\s+\w+)?)\s*:?$",
    _I,
)
# "Related: ...", "Read more: ...", "Photo: ...", "Title: ..." — a furniture label then content.
_LABELLED = re.compile(
    r"^(?:image|photo|photograph|picture|video|graphic|illustration|credit|caption|file\s+photo|"
    r"source|sources|title|headline|author|authors|byline|by|date|dated|published|updated|"
    r"posted|last\s+updated|category|categories|tags?|topics?|section|filed\s+under|"
    r"reading\s+time|written\s+by|reporting\s+by|editing\s+by|edited\s+by|additional\s+reporting|"
    r"related|read\s+(?:more|also|next)|see\s+also|watch|listen|advertisement|sponsored|"
    r"contact|email|follow)(?:\s+(?:source|credit|by))?\s*[:|]",
    _I,
)
_CREDIT = re.compile(
    r"\((?:photo|image|picture|credit|file|video|illustration)\b[^)]*\)\s*$|getty\s+images|"
    r"\bap\s+photo\b|shutterstock|\bvia\s+reuters\b|/\s*(?:reuters|afp|ap|epa)\b|©|"
    r"\b(?:copyright|all\s+rights\s+reserved)\b",
    _I,
)
# Substrings one of which every credit contains: a cheap test before the regex.
_CREDIT_CUES = ("photo", "image", "picture", "credit", "file", "video", "illustration",
                "getty", "ap ", "shutterstock", "reuters", "afp", "epa", "©", "copyright",
                "rights reserved")  # fmt: skip
# First letters of the lines that may credit a publisher (tui.corpus.masthead).
_CREDIT_INITIALS = frozenset("©CcPpAaBb")
_DIGIT = re.compile(r"\d")
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by)\s+[A-Z]", _I)
# A Markdown image, perhaps linked: a picture on the page whatever its alt text says.
_MD_IMAGE = re.compile(r"(?:\s*\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?)+\s*")
# "(Reporting by Ana Lima in Porto; Editing by Tom Reed)": a wire story's production credits.
_CREDIT_PART = re.compile(
    r"(?:(?:additional|further)\s+)?(?:reporting|writing|written|editing|edited|compiled|"
    r"research|graphics|photography|photos|production|produced|translation|translated|"
    r"fact-checking|video)(?:\s+(?:and|&)\s+[a-z-]+)?\s+by\s+(?P<names>\S.*)",
    _I,
)
# Lower-case words a list of names may hold: "Ana Lima and Rui Sá in Porto", "Jornal do Norte".
_NAME_JOINERS = wordset(
    "and & in at from of the with da de del della der di do dos das du van von la le al el bin"
)
# Last word of a staff credit: "Jornal do Norte staff", "Tom Blake, Chief Foreign Reporter".
_STAFF_ROLES = wordset(
    "staff reporter correspondent writer editor columnist contributor desk bureau newsroom"
)
_ROLE_CUE = re.compile("|".join(sorted(_STAFF_ROLES)))
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")
_EMPHASIS = "*_ "
_NAVIGATION = re.compile(
    r"(?:previous|next|prev|older|newer)\s*(?:article|post|story|page|item)|"
    r"(?:skip\s+to|back\s+to|go\s+to|return\s+to|jump\s+to)\b",
    _I,
)
# Short interface prompts: "Share on Facebook", "Subscribe", "Exit mobile version".
_PROMPT = re.compile(
    r"^(?:share|tweet|email|e-mail|print|save|bookmark|subscribe|sign\s+(?:up|in)|log\s*in|"
    r"login|register|follow|like|reply|read\s+more|continue\s+reading|click|tap|watch|listen|"
    r"download|load|show|view|see\s+more|advertisement|advert|ad|sponsored|exit|close|open|"
    r"menu|search|home|top|cookie|accept|manage|copy\s+link|report|comment|more)\b",
    _I,
)
_COUNTER = re.compile(
    r"^\d[\d,.]*\s*[km]?\s+(?:shares?|views?|likes?|comments?|reads?|min(?:ute)?s?(?:\s+read)?|"
    r"hours?\s+ago|days?\s+ago|seconds?\s+ago)$",
    _I,
)
_DATE_WORD = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|"
    r"(?:utc|gmt|est|edt|cet|et|pt|bst|ist)|published|updated|posted|on|at|"
    r"[,|:/.\-–—•·()]",
    _I,
)
_VERB_CUE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|"
    r"can|could|may|might|must|said|says|say|told|made|took|gave|came|went|won|lost|left|"
    r"became|began|saw|fell|rose|met|led|held|sent|set|hit|put|kept|got|\w+n't|"
    # Irregular past tenses: news prose is in the past, captions in the present.
    r"paid|bought|brought|built|caught|chose|drove|fought|found|flew|fled|forgot|froze|grew|"
    r"heard|hid|knew|laid|meant|ran|rang|sank|sat|shot|shut|sold|spent|spoke|stood|stole|"
    r"struck|swore|taught|thought|threw|understood|woke|wrote|broke|drew|felt|fed|hung|lent|"
    r"rode|shook|sought|stuck|swept|tore|withdrew|overtook|undertook|upheld)\b",
    _I,
)
# An -ed word not right after an article: "troops advanced", not "a destroyed building".
_PARTICIPLE = re.compile(r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b[a-z]{3,}ed\b")
_PERSONAL = re.compile(r"\b(?:i|we|you|me|us|our|my|your|nobody|no one|it|this|that)\b", _I)
_FINAL = ".!?…\"'”’)]"
_SHORT_WORDS = 14


def _words(text: str) -> list[str]:
    return text.split()


def _has_verb(text: str) -> bool:
    """A finite-verb cue. The first word is skipped: captions open with "Pictured", "Seen"."""
    parts = text.split(None, 1)
    rest = parts[1] if len(parts) > 1 else ""
    return bool(_VERB_CUE.search(rest) or _PARTICIPLE.search(rest))


def _is_date_line(text: str) -> bool:
    if len(text) > 80 or not _DIGIT.search(text):
        return False
    return not _DATE_WORD.sub("", text).strip()


def _name_only(text: str) -> bool:
    """One to four capitalised words and nothing else: a person's or an outlet's name."""
    words = _words(text)
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "").isalpha()
        for w in words
    )


def _names_only(words: Sequence[str]) -> bool:
    """Capitalised names, joined by "and", "in", particles: no verb, no prose."""
    return bool(words) and all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in words)


def _wire_credits(line: str) -> bool:
    """Whether the line only credits who reported, wrote and edited the story."""
    inner = line.strip()
    if inner[:1] in "([" and inner[-1:] in ")]":
        inner = inner[1:-1]
    for part in inner.rstrip(" .").split(";"):
        m = _CREDIT_PART.fullmatch(part.strip())
        if not m or not _names_only(m.group("names").replace(",", " ").split()):
            return False
    return True


def _dated(part: str) -> tuple[str, bool]:
    """The part of a byline before a trailing date ("X staff, 3 May 2025"), and whether it
    had one (or is one)."""
    if _is_date_line(part) or _COUNTER.match(part):
        return "", True
    pieces = part.split(",")
    for i in range(1, len(pieces)):
        if _is_date_line(",".join(pieces[i:]).strip()):
            return ",".join(pieces[:i]), True
    return part, False


def _staff_byline(line: str) -> bool:
    """An outlet's or a reporter's credit with a role, "Harbour Times staff | 3 May 2025" or
    "Ana Lima, Senior Correspondent": the role ends the credit, every other word is a name.
    Without a date the name and the role must stand apart by a comma (a headline in title
    case may end in "Staff")."""
    parts = [p for p in _BYLINE_SEPARATOR.split(line) if p]
    if not 1 <= len(parts) <= 4 or len(line.split()) > 20:
        return False
    credits, dated = [], False
    for part in parts:
        credit, has_date = _dated(part.strip())
        dated = dated or has_date
        if credit.strip():
            credits.append(credit.strip())
    if len(credits) != 1:
        return False
    words = credits[0].replace(",", " ").split()
    if words and words[0].casefold() == "by":
        words = words[1:]
    if len(words) < 2 or len(words) > 10 or words[-1].casefold() not in _STAFF_ROLES:
        return False
    return (dated or "," in credits[0]) and _names_only(words[:-1])


def furniture(text: str, line_text: str, n_words: int | None = None) -> bool:
    """Page furniture wherever it stands on the page. `line_text` is the whole line;
    `n_words` is `len(text.split())` when the caller has it."""
    if _MD_IMAGE.fullmatch(line_text):
        return True
    # Emphasis does not change what a line is: "*By Jane Doe*", "**Photo:** Reuters".
    text, line_text = text.strip(_EMPHASIS) or text, line_text.strip(_EMPHASIS) or line_text
    if _NAVIGATION.match(line_text) or _LABELLED.match(line_text):
        return True
    if len(text) > 300:
        return False  # a paragraph of prose; the rules below are for short lines
    if _COMMENTS_START.match(line_text) or _LIST_LABEL.match(line_text):
        return True
    if line_text[:1] in _CREDIT_INITIALS and credited_publisher(line_text):
        return True  # "Published by ...", "By Jane Roe, Harbour Media Group": the outlet's line
    low = text.casefold()
    if any(cue in low for cue in _CREDIT_CUES) and _CREDIT.search(text):
        return True
    words = len(text.split()) if n_words is None else n_words
    if words <= 12 and (_COUNTER.match(text) or _is_date_line(text)):
        return True
    if (
        _BYLINE.match(text)
        and words <= 12
        and not (_VERB_CUE.search(text) or _PARTICIPLE.search(text))  # "... by X revealed"
    ):
        return True
    line_low = low if line_text == text else line_text.casefold()
    if " by " in line_low and _wire_credits(line_text):
        return True
    if _ROLE_CUE.search(line_low) and _staff_byline(line_text):
        return True  # the role words are a cheap test first: most lines hold none
    unpunctuated = text[-1] not in ".!?…"
    return words <= 6 and unpunctuated and bool(_PROMPT.match(text)) and not _has_verb(text)


def _is_heading_shape(text: str, block: Block, words: int) -> bool:
    if block.marker is Marker.HEADING:
        return True
    if not words or words > _SHORT_WORDS or len(text) > 120:
        return False
    if text.endswith(":") and words <= 8:
        return True  # "At a glance:", "Key points:"
    return text[-1] not in _FINAL and not text[0].islower()


def _is_body(block: Block, text: str, words: int) -> bool:
    """Prose: several sentences, one long punctuated sentence, or a list item that is a
    full sentence (an "At a glance" box is part of the story, not of the page around it)."""
    if block.marker in (Marker.BULLET, Marker.NUMBER):
        return words >= 5 and text[-1] in ".!?…"
    return len(block.sentences) >= 2 or (words >= 20 and text[-1] in _FINAL)


def classify_blocks(text: str, blocks: Sequence[Block], line_texts: Sequence[str]) -> list[str]:
    """One kind per block. `line_texts` holds each block's full line (marker included)."""
    kinds = [CLAIM] * len(blocks)
    texts = [text[b.start : b.end] for b in blocks]
    counts = [len(t.split()) for t in texts]
    body = [i for i, b in enumerate(blocks) if _is_body(b, texts[i], counts[i])]
    first_body = body[0] if body else len(blocks)
    last_body = body[-1] if body else -1
    headline = next(
        (i for i, t in enumerate(texts) if not furniture(t, line_texts[i], counts[i])), None
    )
    headline_key = _key(texts[headline]) if headline is not None else ""
    # The longest word of the headline: a unit without it cannot repeat the headline.
    headline_cue = max(headline_key.split(), key=len, default="")
    in_list = False
    in_comments = False
    for i, (block, unit) in enumerate(zip(blocks, texts, strict=True)):
        line = line_texts[i]
        if in_comments:
            kinds[i] = BOILERPLATE if furniture(unit, line, counts[i]) else COMMENT
            continue
        if i == headline:
            continue  # the headline is a claim: outlets repeat headlines
        if i > 0 and _COMMENTS_START.match(line) and i > first_body:
            kinds[i], in_comments = BOILERPLATE, True
            continue
        if _LIST_LABEL.match(line):
            kinds[i], in_list = BOILERPLATE, True
            continue
        if in_list and (block.marker in (Marker.BULLET, Marker.NUMBER) or not block.blank_before):
            kinds[i] = BOILERPLATE
            continue
        in_list = False
        if furniture(unit, line, counts[i]) or _repeats(unit, headline_key, headline_cue):
            kinds[i] = BOILERPLATE
            continue
        kinds[i] = _by_position(block, unit, counts[i], i, first_body, last_body)
    return kinds


def _by_position(
    block: Block, unit: str, words: int, i: int, first_body: int, last_body: int
) -> str:
    """Headings, captions and name lines, told apart by where they stand. `words` is the
    unit's word count."""
    header = i < first_body
    trailer = i > last_body
    if block.marker in (Marker.BULLET, Marker.NUMBER):
        # A list item is a claim when it reads as a sentence; link lists and menus are not.
        sentence = words >= 5 and (unit[-1] in _FINAL or _has_verb(unit))
        return CLAIM if sentence else BOILERPLATE
    if header and name_line_publisher(unit):
        return BOILERPLATE  # the outlet's name under the headline: "Harbour Media Group"
    if _is_heading_shape(unit, block, words):
        if (header or trailer) and _name_only(unit) and words <= 3:
            return BOILERPLATE  # a byline name or an outlet's name
        if trailer and words <= 4:
            return BOILERPLATE  # stray interface text after the article
        return HEADING
    if (
        header
        and len(block.sentences) == 1
        and words <= 15
        and unit[-1] in _FINAL
        and not _has_verb(unit)
    ):
        return BOILERPLATE  # a photo caption: a short verbless line above the story
    if (
        block.blank_before
        and block.blank_after
        and len(block.sentences) == 1
        and 4 <= words <= 10
        and unit[-1] == "."
        and not _has_verb(unit)
        and not _PERSONAL.search(unit)
    ):
        return BOILERPLATE  # a caption between paragraphs: "A cyclist rides past City Hall."
    return CLAIM


_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _repeats(unit: str, headline_key: str, headline_cue: str) -> bool:
    """The headline again, perhaps wrapped in a label or markup ("Title: **...**").
    `headline_cue` is a word of the headline key, which a copy must contain."""
    if not headline_key or len(unit) > 2 * len(headline_key) + 40:
        return False  # far longer than the headline: cannot be a copy of it
    low = unit.casefold()
    if headline_cue not in low:
        return False
    key = " ".join(_WORD.findall(low))
    return headline_key in key and len(key) <= len(headline_key) + 20
