"""A subject with comma-delimited phrases about it, before its verb of saying.

"The bakery owner, Mrs. Ana Lima, said ...", "Critics, including the mayor, said ...",
'"The building swayed," Leyla Arslan, a teacher, told Reuters': the subject opens the
sentence (or follows a quotation), one or two phrases about it follow, then the verb. It is
read before the other shapes, so the words after the verb are never taken for the source
(the inverted "Y, said X" shape).
"""

from __future__ import annotations

from tui.claims.attribution_words import (
    SKIP_BEFORE_VERB,
    SPEECH_VERBS,
    VERB_WORDS,
    clean,
    occurrences,
)
from tui.claims.source_phrase import Frame, source_words
from tui.support.wordsets import wordset

_SENTENCE_OPENERS = wordset(
    """in on at after before during since by for from with under over amid despite following
    until through across among between within without against into about around near when
    if as because although though while once unless whereas however meanwhile yesterday
    today tonight overall still yet also now then last next earlier later instead indeed
    moreover furthermore separately elsewhere nevertheless nonetheless finally thus therefore
    so but and or nor yes no according asked"""
)
_APPOSITION_OPENERS = wordset(
    """the a an his her its their our one another both each who whose which including
    in at from of for with on by after during aged"""
)
_PREPOSITIONS = wordset("of for at in with to from on")
_NOUN_MARKERS = wordset(
    """the a an these those this that such his her their its our your my any no of all
    both many some other"""
)
_CLAUSE_WORDS = wordset(
    """that which who whom but while as because when if after before since although though
    so where whereas than"""
)
# Lower-case words inside a name: "Maria da Silva", "Jornal do Norte", "Ursula von der Leyen".
_NAME_PARTICLES = wordset("da de del della der di do dos das du van von la le al el bin ibn")
_APPOSED_VERBS = VERB_WORDS - {"reporting"}
_QUOTES = '"“”'


def opens_apposition(chunk: str) -> bool:
    """Whether a comma-delimited phrase reads as one about the subject before it: a name, an
    age, "the ...", "who ...", "including ...", "speaking in ...", "head of ..."."""
    words = chunk.split()
    if not words:
        return False
    first = words[0]
    low = first.casefold()
    if first[0].isupper() or first[0].isdigit() or low in _APPOSITION_OPENERS:
        return True
    if len(low) >= 5 and low.isalpha() and low.endswith(("ing", "ed")):
        return True  # a participle phrase: "speaking in Lisbon", "based in Porto"
    return len(words) > 1 and words[1].casefold() in _PREPOSITIONS


def _introduces(chunk: str, adverbs: bool = True) -> bool:
    """Whether a sentence's first comma-delimited phrase sets the scene rather than naming
    the subject: "On Monday", "However", "Speaking in Lisbon", "Unusually" (`adverbs`)."""
    words = chunk.casefold().split()
    if not words or words[0] in _SENTENCE_OPENERS:
        return bool(words)
    first = words[0]
    if len(words) > 1 and len(first) >= 5 and first.endswith(("ing", "ed")):
        return words[1] in _PREPOSITIONS | _NOUN_MARKERS | {"about", "by"}
    return adverbs and len(words) == 1 and first.endswith("ly")


def is_name(phrase: str) -> bool:
    """Capitalised words (a title, a person's or an organisation's name), nothing else."""
    words = [w.strip(".,'’") for w in phrase.split()]
    return (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words if w)
    )


def _start_after_quote(text: str, start: int) -> int | None:
    """Where the subject's part of the sentence begins: after a quotation that ends before
    the verb ('"...," Leyla Arslan, a teacher, told'), else at 0; None when quotation marks
    or other punctuation stand between."""
    close = max(text.rfind(q, 0, start) for q in _QUOTES)
    base = 0
    if close > 0 and any(q in text[:close] for q in '"“'):
        base = close + 1
        while base < start and text[base] in " ,":
            base += 1
    if any(c in text[base:start] for c in ';:()"“”'):
        return None
    return base


def _chunks(text: str, base: int, stop: int) -> list[tuple[str, int]]:
    """The comma-delimited phrases of text[base:stop], stripped, with their offsets."""
    out, pos = [], base
    for part in text[base:stop].split(","):
        lead = len(part) - len(part.lstrip())
        out.append((part.strip(), pos + lead))
        pos += len(part) + 1
    return out


def _subject_source(subject: str, opens: bool, verb: str) -> str:
    words = subject.split()
    frame = Frame.SPEECH if verb in SPEECH_VERBS else Frame.VERB
    kept = source_words(words, opens_sentence=opens, frame=frame)
    return clean(" ".join(words[kept[0] : kept[1]])) if kept else ""


def apposed_subject(text: str, verbs: frozenset[str]) -> tuple[str, int, int] | None:
    """The source of "Subject, apposition[, apposition], said ..." with the span from the
    subject to the verb, or None. A described subject with a name in apposition gives the
    name: "John Smith" for "The company's chief executive, John Smith, said"."""
    for start, end in occurrences(text, verbs & _APPOSED_VERBS):
        if text[start].isupper():
            continue
        base = _start_after_quote(text, start)
        if base is None:
            return None
        if text.count(",", base, start) < 2:
            continue  # no room for a subject and an apposition before this verb
        prefix = text[base:start].split()
        while prefix and prefix[-1].casefold() in SKIP_BEFORE_VERB:
            prefix.pop()
        if not prefix or not prefix[-1].endswith(","):
            continue  # this verb does not follow a comma; a later one may
        chunks = _chunks(text, base, text.rindex(",", base, start))
        introduced = len(chunks) > 2 and _introduces(chunks[0][0])
        if introduced:
            chunks = chunks[1:]  # "On Monday, the minister, speaking in Lisbon, said"
        if not 2 <= len(chunks) <= 3:
            return None
        (subject, subject_start), appositions = chunks[0], [c for c, _ in chunks[1:]]
        words = subject.split()
        if (
            not words
            or len(words) > 8
            or not (introduced or base or words[0][:1].isupper())
            or _introduces(subject, adverbs=False)
            or any(w.casefold() in _CLAUSE_WORDS for w in words)
            or not all(opens_apposition(a) for a in appositions)
        ):
            return None
        source = _subject_source(subject, not (introduced or base), text[start:end].casefold())
        if not source:
            return None
        if not is_name(source):
            name = next((a for a in appositions if is_name(a)), "")
            if name:
                source = clean(name)
        return source, subject_start, end
    return None
