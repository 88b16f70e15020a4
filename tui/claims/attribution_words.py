"""The words attribution is read with: verbs of saying and finding, what may stand between a
subject and its verb, and the small helpers (tokens with offsets, whole-word occurrences,
cleaning a phrase for display) that the shapes in `tui.claims.attribution` share."""

from __future__ import annotations

import re

from tui.support.wordsets import wordset

# Verbs of saying: their subject, or the phrase after them, is the claim's source.
VERB_WORDS = wordset(
    """said says say told tells claimed claims claim stated states reported reports
    reporting announced announces confirmed confirms warned warns disclosed discloses revealed
    reveals added adds noted notes estimated estimates insisted insists denied denies argued
    argues wrote writes tweeted posted suggested suggests alleged alleges asserted asserts
    acknowledged acknowledges admitted admits explained explains indicated indicates indicate
    predicted predicts testified assessed assesses contended contends cautioned cautions
    stressed stresses emphasised emphasized emphasises emphasizes replied replies projected
    projects forecast forecasts promised promises pledged pledges vowed vows warn tell
    note argue insist deny predict caution stress allege assert acknowledge admit explain
    suggest confirm announce reveal disclose estimate"""
)
# Verbs that only ever report speech: their subject needs no other proof of being a source.
SPEECH_VERBS = wordset(
    """said says say told tells tell stated wrote writes tweeted testified replied replies
    insisted insists alleged alleges asserted asserts announced announces warned warns"""
)
# Verbs of finding or showing: their subject may be a document or data ("the minutes
# showed"); they name a source only when no verb of saying does.
EVIDENCE_WORDS = wordset("found finds show showed shows concluded concludes")
# Verbs that put the speaker after a quotation: '"...," said the minister'.
TAG_VERBS = wordset("said says added wrote asked explained noted warned claimed insisted")
# After these verbs an object like "victory" or "pictures" makes the verb a deed.
DOING_VERBS = wordset("claimed claims claim show showed shows posted")
DOING_OBJECTS = wordset(
    """responsibility victory credit lives life title picture pictures image images footage
    video videos photo photos photograph photographs clip clips film"""
)
# Words between a subject and its verb that are not part of the subject.
SKIP_BEFORE_VERB = wordset(
    """has have had will would also recently reportedly previously earlier later last this
    week month year weeks months years ago on yesterday today publicly repeatedly once again
    already allegedly officially separately initially monday tuesday wednesday thursday
    friday saturday sunday even now then first"""
)
# Before a verb of saying: a passive ("was said"), a negation ("did not say") or an
# infinitive ("declined to say"), none of which asserts the claim.
BE_FORMS = wordset("is are was were be been being am")
NEGATIONS = wordset(
    """not never cannot can't didn't doesn't don't won't wouldn't couldn't hasn't haven't
    hadn't isn't wasn't weren't aren't"""
)
CLAUSE_WORDS = wordset(
    """that which who whom but while as because when if after before since although though
    so where whereas and than"""
)
# Before an ambiguous word ("these claims", "the reports") it is a noun, not a verb.
NOUN_MARKERS = wordset(
    """the a an these those this that such his her their its our your my any no of all
    both many some other"""
)
# Irregular past tenses: the main verb of "The ministry put the toll at 24, saying ...".
PAST_VERBS = wordset(
    """said told gave made took put held kept sent led met won lost left cut set hit struck
    spoke wrote sought brought bought fought thought began ran saw rose fell drew drove grew
    knew threw shook broke chose became came went got paid laid sold let shut spent stood"""
)
# What ends the audience of "told": "told Reuters by telephone", "told the BBC that".
AUDIENCE_STOPS = wordset(
    """that which who by in on at after before during when while as about to for with from
    outside inside near this last yesterday today earlier later and but if because"""
)
_DETERMINERS = wordset("the a an one some another two several even now also")
_VAGUE = wordset(
    """he she they it we i you this that these those there which who some many others
    it's someone anyone people"""
)
_TOKEN = re.compile(r"[\w’'&.-]+|[,;:()“”\"]")
MAX_WORDS = 8


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words and punctuation marks of text[start:end], with their offsets."""
    return [(m[0], *m.span()) for m in _TOKEN.finditer(text, start, end)]


def clean(phrase: str) -> str:
    """A source phrase as shown: without leading articles or trailing punctuation, "" when
    it is too long or vague to name anyone."""
    words = phrase.split()
    while words and words[0].casefold() in _DETERMINERS:
        # Keep "The" that opens a proper name ("The New York Times").
        if words[0] == "The" and len(words) > 1 and words[1][:1].isupper():
            break
        words = words[1:]
    while words and not words[-1][-1:].isalnum():
        words[-1] = words[-1][:-1]
        if not words[-1]:
            words.pop()
    if not words or len(words) > MAX_WORDS:
        return ""
    if all(
        (w.casefold() in _VAGUE and not w.isupper()) or w.casefold() in _DETERMINERS for w in words
    ):
        return ""
    return " ".join(words)


def occurrences(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Where the given lower-case words stand as whole words (str.find beats a big regex)."""
    found = []
    low = text.lower()
    for word in words:
        start = low.find(word)
        while start >= 0:
            end = start + len(word)
            before = low[start - 1] if start else " "
            after = low[end] if end < len(low) else " "
            if not before.isalnum() and not after.isalnum():
                found.append((start, end))
            start = low.find(word, end)
    return sorted(found)
