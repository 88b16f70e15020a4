"""Who a sentence says its claim comes from, and where it says so.

Five shapes cover most news attribution: "according to X", "reported by X", the inverted
quote tag ('..." said X'), a subject before a reporting verb ("X said", "X last week
claimed", "X, head of Y, confirmed", "X told Y") and a subject whose clause ends in
", saying ...". A trailing "– X" after a quotation counts too. Each candidate phrase must
name a source (`tui.claims.source_phrase`): a pronoun, a count, an adverb, a thing that
cannot speak or a clause names none, and the sentence then has no source ("").

The source is returned as the noun phrase the sentence uses, minus leading articles, and
with it the spans of the sentence that say who said it: the source, its apposition, the
verb of saying and the audience ("told Reuters"). They identify the speaker, not the claim,
so matching leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.claims.apposition import apposed_subject, opens_apposition
from tui.claims.attribution_words import (
    AUDIENCE_STOPS,
    BE_FORMS,
    CLAUSE_WORDS,
    DOING_OBJECTS,
    DOING_VERBS,
    EVIDENCE_WORDS,
    NEGATIONS,
    NOUN_MARKERS,
    PAST_VERBS,
    SKIP_BEFORE_VERB,
    SPEECH_VERBS,
    TAG_VERBS,
    VERB_WORDS,
    clean,
    occurrences,
    tokens,
)
from tui.claims.source_phrase import Frame, source_words

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    spans: tuple[Span, ...]  # in the sentence: source, apposition, verb of saying, audience


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_BY = re.compile(
    r"\b(?:reported|published|cited|quoted|announced|confirmed|estimated|claimed|stated|"
    r"revised|disputed|denied|contested|disclosed|revealed|released|compiled|given|"
    r"provided|projected|predicted|forecast)\s+by\s+"
)
# What every match of _BY contains; found quickly (it opens with a literal word).
_BY_CUE = re.compile(_BY.pattern.removeprefix(r"\b"))
_TAG = "(?:" + "|".join(sorted(TAG_VERBS)) + ")"
# '..." said X' after a quotation; after a bare comma only when X ends the sentence
# ("The bridge is unsafe, said the inspector."), not in "X, said the cracks were ...".
# (A pattern that opens with a character class is searched much faster.)
_INVERTED = re.compile(rf"[”\"’']\s*(?P<verb>{_TAG})\s+(?!that\b|in\b|on\b)")
# X may carry its own apposition: "The bridge is unsafe, said Jane Roe, a city engineer."
_INVERTED_COMMA = re.compile(
    rf",\s*(?P<verb>{_TAG})\s+(?!that\b|in\b|on\b)(?=[^,;:\"“”]{{1,80}}"
    r"(?:,\s*(?:a|an|the|who|whose|one|its|his|her|their)\s[^,;:\"“”]{1,80})?[.!?]?$)"
)
_SAYING = re.compile(r",\s+(?:saying|adding|noting|warning|arguing|insisting|stressing)\b")
_DASH_TAIL = re.compile(r"[”\"’]\s*[–—―-]{1,2}\s*(?P<who>[A-Z][^.!?”\"]{1,80})\s*$")
_DASH_LINE = re.compile(r"^[–—―-]{1,2}\s*(?P<who>[A-Z][^,.!?”\"]{1,80})(?:,[^.!?]*)?$")
# A full stop ends the phrase only at the end of the sentence: "Prof. Otieno" goes on.
_NP_END = re.compile(
    r"[,;:!?()”“\"]|\.(?=\W*$)|\s[–—]\s|\s(?:that|who|which|in an?|on|after|when|as)\s"
)
_REST_APPOSED = re.compile(r",\s*(?P<rest>[^,;:\"“”]{1,80}?)[.!?]?\s*$")
_LETTERS = re.compile(r"[a-z]+")
_CUE_WORDS = frozenset({"according", "by", "saying", "adding", "noting", "warning"}) | (
    TAG_VERBS | VERB_WORDS | EVIDENCE_WORDS
)


def _phrase_after(text: str, pos: int) -> tuple[str, int] | None:
    """The source named by the phrase starting at `pos`, and where it ends."""
    m = _NP_END.search(text, pos)
    found = tokens(text, pos, m.start() if m else len(text))
    kept = source_words([w for w, _, _ in found], frame=Frame.SPEECH)
    if kept is None:
        return None
    first, last = found[kept[0]], found[kept[1] - 1]
    source = clean(text[first[1] : last[2]])
    return (source, last[2]) if source else None


def _after_shapes(text: str, cues: frozenset[str]) -> list[tuple[int, Attribution]]:
    """Candidates whose source follows its cue: according to, by, the inverted tag."""
    found: list[tuple[int, Attribution]] = []
    shapes = (
        (_ACCORDING, {"according"}),
        (_BY, {"by"}),
        (_INVERTED, TAG_VERBS),
        (_INVERTED_COMMA, TAG_VERBS),
    )
    for pattern, needed in shapes:
        if not cues & needed:
            continue
        if pattern is _BY and not _BY_CUE.search(text):
            continue
        for m in pattern.finditer(text):
            phrase = _phrase_after(text, m.end())
            if phrase is None:
                continue
            source, end = phrase
            if "verb" in pattern.groupindex:  # the inverted tag: '..." said X, a spokesman.'
                start = m.start("verb")
                rest = _REST_APPOSED.match(text, end)
                if rest and _describes_speaker(rest["rest"]):
                    end = len(text.rstrip(" \t\n.!?"))
            else:
                start = m.start()
            found.append((m.start(), Attribution(source, ((start, end),))))
            break
    return found


def _describes_speaker(rest: str) -> bool:
    """Whether what ends the sentence after an inverted tag's speaker is about the speaker
    ("a spokesman for Y", "who lives nearby", "34"), not about the claim ("which ...")."""
    return opens_apposition(rest) and rest.split()[0].casefold() != "which"


def _audience_end(text: str, end: int) -> int:
    """Where the audience of "told" ends: "told the BBC", "told Reuters by telephone"."""
    found = tokens(text, end, min(len(text), end + 120))
    stop = end
    for k, (word, _, word_end) in enumerate(found):
        low = word.casefold()
        if (
            not word[0].isalnum()
            or low in AUDIENCE_STOPS
            or (k and low in {"the", "a", "an"})
            or k >= 5
        ):
            break
        stop = word_end
    return stop


def _subject_before(text: str, start: int, end: int, evidence: bool) -> Attribution | None:
    """The source that is the subject of the verb at text[start:end], or None."""
    verb = text[start:end].casefold()
    frame = Frame.EVIDENCE if evidence else Frame.SPEECH if verb in SPEECH_VERBS else Frame.VERB
    if verb in DOING_VERBS:
        nxt = [w.casefold() for w, _, _ in tokens(text, end, min(len(text), end + 40))[:2]]
        if nxt and (nxt[0] in DOING_OBJECTS or nxt[-1] in DOING_OBJECTS):
            return None  # "claimed victory", "showed pictures of": a deed, not a statement
    if text.startswith(" by ", end):
        return None  # passive: "the amount claimed by Ukraine" is the "by" shape's
    found = tokens(text, max(0, start - 160), start)
    if found and (found[-1][0].casefold() in NOUN_MARKERS or found[-1][0].endswith("'s")):
        return None  # "these claims", "the company's reports": a noun
    before_verb = found[-1][2] if found else start
    while found and (
        found[-1][0].casefold() in SKIP_BEFORE_VERB
        or (verb.endswith("ing") and found[-1][0].casefold() in BE_FORMS)
        or (found[-1][0].islower() and found[-1][0].endswith("ly") and len(found[-1][0]) > 4)
    ):
        found.pop()
    if found and found[-1][0].casefold() in BE_FORMS | NEGATIONS | {"to"}:
        return None  # "was said", "did not say", "declined to say": no one asserts it
    if found and found[-1][0] == ",":
        # "Kovalenko, head of the centre, confirmed": skip the apposition back to the name.
        found.pop()
        while found and found[-1][0] not in {",", ";", ":", "(", "“", "”", '"'}:
            found.pop()
        if not found or found[-1][0] != ",":
            return None
        found.pop()
    words: list[tuple[str, int, int]] = []
    for token in reversed(found):
        low = token[0].casefold()
        if not token[0][0].isalnum() or (low in CLAUSE_WORDS and not token[0].isupper()):
            if low == "and" and words and _joins_nouns(found, len(words)):
                words.insert(0, token)  # "Ukraine and Russia said", "sources and allies"
                continue
            if low == "who" and words:
                return _relative(text, found, words, (before_verb, end), frame, verb)
            break
        words.insert(0, token)
        if len(words) > 8:
            return None
    return _as_subject(text, words, end, frame, verb)


def _as_subject(
    text: str, words: list[tuple[str, int, int]], end: int, frame: Frame, verb: str
) -> Attribution | None:
    while words and words[0][0].casefold() == "and":
        words = words[1:]
    if not words:
        return None
    opens = not text[: words[0][1]].strip(" \t\n\"“‘'(")
    kept = source_words([w for w, _, _ in words], opens_sentence=opens, frame=frame)
    if kept is None:
        return None
    source = clean(text[words[kept[0]][1] : words[kept[1] - 1][2]])
    if not source:
        return None
    if verb in {"told", "tells", "tell"}:
        end = _audience_end(text, end)
    return Attribution(source, ((words[0][1], end),))


def _relative(
    text: str,
    found: list[tuple[str, int, int]],
    clause: list[tuple[str, int, int]],
    ends: tuple[int, int],
    frame: Frame,
    verb: str,
) -> Attribution | None:
    """ "An engineer who worked at the plant told ...": the engineer, described."""
    before = found[: len(found) - len(clause) - 1]
    antecedent: list[tuple[str, int, int]] = []
    for token in reversed(before):
        if not token[0][0].isalnum() or token[0].casefold() in CLAUSE_WORDS:
            break
        antecedent.insert(0, token)
    clause_end, end = ends  # the relative clause's, and the verb's
    found_source = _as_subject(text, antecedent, end, frame, verb)
    described = text[antecedent[0][1] : clause_end] if found_source else ""
    if found_source is None or len(described.split()) > 10:
        return found_source
    described = clean(described)
    return Attribution(described or found_source.source, found_source.spans)


def _joins_nouns(found: list[tuple[str, int, int]], taken: int) -> bool:
    """Whether the "and" before the last `taken` tokens joins two nouns (not two clauses)."""
    index = len(found) - taken - 2
    if index < 0:
        return False
    word = found[index][0]
    return word[:1].isupper() or (word.isalpha() and word.endswith("s") and len(word) > 3)


def _main_subject(text: str, upto: int) -> Attribution | None:
    """The subject of a sentence's main verb: "The ministry welcomed the move, saying ..."."""
    found = tokens(text, 0, upto)
    for k, (word, _, _) in enumerate(found[:9]):
        low = word.casefold()
        if not word[0].isalnum():
            return None
        if k and word.islower() and (low.endswith("ed") or low in PAST_VERBS):
            if found[k - 1][0].casefold() in NOUN_MARKERS:
                continue  # "a leaked memo": an adjective
            return _as_subject(text, found[:k], found[k - 1][2], Frame.VERB, "")
    return None


def _verb_shape(text: str, verbs: frozenset[str], evidence: bool) -> list[tuple[int, Attribution]]:
    """The first candidate whose source is the subject of one of the verbs."""
    for start, end in occurrences(text, verbs) if verbs else ():
        if text[start].isupper():
            continue  # "the United States", "Daily Reports": part of a name
        found = _subject_before(text, start, end, evidence)
        if found:
            return [(start, found)]
    return []


def _locate(text: str, cues: frozenset[str]) -> Attribution | None:
    if text.count(",") >= 2 and cues & VERB_WORDS:
        apposed = apposed_subject(text, cues & VERB_WORDS)
        if apposed:
            source, start, end = apposed
            return Attribution(source, ((start, end),))  # it opens the sentence
    candidates = _after_shapes(text, cues) + _verb_shape(text, cues & VERB_WORDS, False)
    tail = _dash_tail(text)
    if tail:
        candidates.append(tail)
    if not candidates:
        # Verbs of finding name a source only when nothing else in the sentence does.
        candidates = _verb_shape(text, cues & EVIDENCE_WORDS, True)
    if not candidates and cues & {"saying", "adding", "noting", "warning"}:
        m = _SAYING.search(text)
        subject = _main_subject(text, m.start()) if m else None
        if subject:
            candidates.append((0, subject))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _dash_tail(text: str) -> tuple[int, Attribution] | None:
    tail = _DASH_TAIL.search(text)
    if not tail:
        return None
    who = _checked(tail["who"])
    return (tail.start(), Attribution(who, ((tail.start() + 1, len(text)),))) if who else None


def _checked(phrase: str) -> str:
    """A phrase standing alone as a source, cleaned, or ""."""
    found = tokens(phrase, 0, len(phrase))
    kept = source_words([w for w, _, _ in found])
    if kept is None:
        return ""
    return clean(phrase[found[kept[0]][1] : found[kept[1] - 1][2]])


# Segmenting an article asks for each sentence's source, and its claims' match tokens,
# computed right after, ask again for the spans: a cache that holds an article's sentences.
@lru_cache(maxsize=4096)
def find_source(text: str) -> Attribution | None:
    """The source the sentence names for its claim and where, or None."""
    cues = frozenset(_LETTERS.findall(text.lower())) & _CUE_WORDS
    if not cues:
        tail = _dash_tail(text)
        return tail[1] if tail else None
    return _locate(text, cues)


def find_attribution(text: str, words: frozenset[str] | None = None) -> str:
    """The source the sentence names for its claim, or "". `words`: its lower-case words,
    if known (a sentence with no cue word is answered without reading it further)."""
    if words is not None and not words & _CUE_WORDS:
        tail = _dash_tail(text)  # the only shape without a cue word
        return tail[1].source if tail else ""
    found = find_source(text)
    return found.source if found else ""


def attribution_spans(text: str) -> tuple[Span, ...]:
    """Where the sentence says who its claim comes from (source, apposition, verb of
    saying, audience): words that identify the speaker, not what was said."""
    found = find_source(text)
    return found.spans if found else ()


def dash_source(line: str) -> str:
    """The source on a line of its own that only credits a quotation: "— Jane Doe, mayor"."""
    m = _DASH_LINE.match(line.strip())
    return _checked(m["who"]) if m else ""
