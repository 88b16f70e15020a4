"""Whether a noun phrase can name a source, and which of its words do.

A source is a person, an organisation, an office, an outlet, a document or a group: a proper
name ("Zelenskyy", "US Geological Survey", "Pentagon") or a phrase whose head noun names
someone who can speak ("officials", "a doctor at the clinic", "the ministry", "local
media") or a document whose owner or identity the phrase gives ("the minutes", "company
figures", "a leaked memo"). Never a pronoun ("I hope they can be", "it"), a quantity
("At least 50 people", "Dozens"), an adverb ("shortly"), a common noun that cannot speak
("quake", "pictures") or a clause ("he seeks stable relations with").

`source_words` reads a candidate phrase as a whole: a count in front of a role noun is
left out ("Two witnesses" -> "witnesses"), and so are adverbs and time phrases after it
("the bank at 10 a.m." -> "the bank").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import lru_cache

from tui.claims.attribution_words import PAST_VERBS
from tui.support.wordsets import wordset


class Frame(Enum):
    """What a candidate phrase was found with, which says how much its words must prove."""

    SPEECH = "speech"  # "according to X", "by X", "X said", "X told": speech and only speech
    VERB = "verb"  # a verb that reports speech but has other senses ("X claimed", "X added")
    EVIDENCE = "evidence"  # a verb of finding or showing: its subject may be a thing


_NUMBER = re.compile(r"[\d.,]+")
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.?|p\.m\.?)$")

# People by role, groups and crowds (singular; plurals are folded). Journalism style guides'
# usual attributions; words ending like agent nouns ("-er", "-ist", ...) need no entry.
_PEOPLE = wordset(
    """official spokesman spokeswoman spokesperson representative minister secretary president
    premier chancellor governor mayor senator lawmaker legislator mp deputy ambassador envoy
    diplomat consul commissioner chair chairman chairwoman chairperson director chief head
    leader boss executive ceo cfo coo founder owner general colonel captain lieutenant
    sergeant admiral marshal sheriff police policeman policewoman detective prosecutor
    attorney lawyer counsel solicitor judge justice magistrate jury witness victim survivor
    resident villager local citizen neighbour neighbor relative parent mother father son
    daughter wife husband brother sister friend family colleague passenger pilot crew staff
    member volunteer rescuer firefighter paramedic doctor nurse physician surgeon medic
    scientist expert analyst economist academic professor student activist candidate voter
    observer source insider aide adviser advisor negotiator mediator steward trader investor
    shareholder banker broker forecaster journalist correspondent editor columnist
    commentator authority authorities clergy priest imam rabbi bishop pope coach player
    referee spokespeople staffer whistleblower agent guard ranger coroner veteran refugee
    migrant fan eyewitness defendant plaintiff applicant claimant petitioner appellant
    suspect accused nominee delegate emissary liaison chef farmer fisherman hostage captive
    prisoner inmate detainee ally partner monk nun tenant landlord homeowner shopkeeper
    motorist cyclist pedestrian teenager man woman boy girl child mom mum dad grandmother
    grandfather widow widower side"""
)
# Organisations, offices, institutions and outlets.
_BODIES = wordset(
    """ministry department office bureau agency service council committee commission board
    panel government administration cabinet parliament congress senate assembly court
    tribunal army military navy force forces brigade battalion regiment unit union
    association federation chamber company firm group bank institute institution university
    college hospital clinic school centre center foundation organisation organization party
    coalition alliance campaign team club league network observatory embassy consulate
    mission delegation presidency pentagon kremlin palace secretariat inspectorate regulator
    watchdog authority operator airline carrier insurer utility manufacturer maker producer
    retailer lender fund charity ngo society guild syndicate cooperative consortium
    conglomerate corporation corp inc ltd plc subsidiary prosecution defence defense
    intelligence media press newspaper paper broadcaster station channel outlet magazine
    website daily weekly tabloid journal radio television tv newswire wire blog podcast
    publication legislature junta regime state city county municipality province region
    district town village community monarchy"""
)
# Documents and data: a source when the phrase says whose or which ("the minutes", "company
# figures", "a leaked memo"), not bare ("according to estimates", "Reports indicate").
_DOCUMENTS = wordset(
    """report study survey statement document filing memo memorandum letter minutes ruling
    judgment judgement verdict indictment complaint lawsuit affidavit transcript record data
    figure statistic census poll analysis assessment audit review inquiry investigation
    finding research tally count forecast projection bulletin release communique
    announcement declaration notice order decree estimate estimation calculation model
    modelling modeling readings reading log logs chart map tables table filings testimony
    submission dossier paper papers cable email emails message post tweet note notes summary
    account accounts budget prospectus guidance outlook spreadsheet database register
    registry index evaluation"""
)
# Words ending like agent nouns that name no one.
_NOT_AGENTS = wordset(
    """water number matter letter another other either neither whether together however later
    earlier never ever after over under rather further order power paper center centre
    disaster river border corner winter summer weather thunder error factor sector floor
    door color colour flavor flavour favour favor honor honour labour labor rumor rumour
    tumor tumour percent event moment incident accident element content amount agreement
    payment investment development environment equipment treatment management settlement
    arrangement movement argument comment component segment shipment achievement requirement
    tournament ancient recent current different urgent silent violent present absent intent
    extent talent torrent descent consent dissent"""
)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "eer", "ant", "ent", "man", "woman", "person")
_PRONOUNS = wordset(
    """i me he him she it we us you they them this that these those there here someone
    somebody anyone anybody everyone everybody no-one nobody none something anything
    everything nothing who whom whoever which what one ones itself himself herself
    themselves others"""
)
_POSSESSIVES = wordset("his her its their our my your")
_QUANTITIES = wordset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    dozen dozens scores score several many few fewer most some all both each every any
    numerous countless multiple various half least more less nearly almost about around
    roughly approximately some over under up to at than handful number couple lot
    lots majority minority rest"""
)
# A determiner that says which one: "the statement", "this report".
_DEFINITE = wordset("the this that these those")
_ARTICLES = wordset("the a an")
_AUXILIARIES = wordset(
    """is are was were be been being am has have had having will would could should can
    may might must shall do does did isn't wasn't weren't aren't hasn't haven't hadn't
    won't wouldn't couldn't can't didn't doesn't don't"""
)
# Words after the head that end the source: "the bank at 10 a.m.", "Reuters by telephone",
# "the bank's press office shortly after", "the coast guard to 13".
_ADJUNCT_WORDS = wordset(
    """yesterday today tonight tomorrow later earlier now then again also still already
    previously recently once first last this next when after before during since until
    while as because though although if following amid despite via through
    across over against"""
)
# What a preposition opens when it starts a time phrase: "on Friday", "at noon".
_TIME_WORDS = wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december noon midnight dawn dusk night
    morning afternoon evening weekend week month year time day"""
)
_LY_NOUNS = wordset("daily weekly monthly quarterly yearly family ally rally assembly supply")
# After the head, a phrase that says more about the same source: "analysts at Nordbank".
_POSTMODIFIERS = wordset(
    """of at for from in with on to by near inside outside within close familiar involved
    based working responsible under among representing"""
)


def _bare(word: str) -> str:
    word = word.strip('.,;:!?"“”‘’()[]')
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word


def _singular(word: str) -> tuple[str, ...]:
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        forms.append(word[:-1])
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("people"):
        forms.append(word[:-6] + "person")
    return tuple(forms)


def _in(word: str, words: frozenset[str]) -> bool:
    return any(form in words for form in _singular(word))


@lru_cache(maxsize=8192)
def _kind(word: str) -> str:
    """What a lower-case head noun names: "document", "agent" or "" (neither)."""
    if _in(word, _DOCUMENTS):
        return "document"
    return "agent" if _is_agent(word) else ""


_AGENTS = _PEOPLE | _BODIES


def _is_pronoun(word: str) -> bool:
    """A pronoun as written: "it", "They", "I", but not "US" or "IT"."""
    return word.casefold() in _PRONOUNS and not (word.isupper() and len(word) > 1)


def _is_agent(word: str) -> bool:
    """A lower-case noun that names who speaks: in the lists or formed like one."""
    if _in(word, _AGENTS):
        return True
    if not word.isalpha() or len(word) < 5 or _in(word, _NOT_AGENTS):
        return False
    return any(form.endswith(_AGENT_ENDINGS) for form in _singular(word))


def _is_time(words: Sequence[str], k: int) -> bool:
    """Whether `words[k]` (a preposition) opens a time phrase: "at 10 a.m.", "on Friday"."""
    following = words[k + 1 : k + 3]
    if not following:
        return False
    nxt = following[0].casefold()
    if nxt in _ARTICLES | {"this", "last", "next"} and len(following) > 1:
        nxt = following[1].casefold()
    if _NUMBER.fullmatch(nxt) or _CLOCK.match(nxt):
        return True  # "at 10 a.m.", "in 2019"; not "in the 95th Brigade"
    return _bare(nxt) in _TIME_WORDS or (words[k].casefold() == "on" and nxt[:1].isdigit())


def _adjunct_at(words: Sequence[str], k: int) -> bool:
    """Whether the phrase's words from `k` on are an adverb or a time phrase, not a name."""
    word = words[k]
    low = _bare(word).casefold()
    if word[:1].isupper():
        return False
    if low in _ADJUNCT_WORDS:
        return True
    if low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS:
        return True
    if low in {"at", "on", "in", "to", "by"}:
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if low == "to":  # "revised by the coast guard to 13"
            return nxt[:1].isdigit()
        if low == "by":  # "Reuters by telephone", not "a tally by Reuters"
            return nxt[:1].islower() and nxt.casefold() not in _ARTICLES
        return _is_time(words, k)
    return False


def _strip_count(words: Sequence[str], i: int, j: int) -> int:
    """The first word after a leading count: "Two witnesses", "Dozens of villagers",
    "At least 50 people", "one of the survivors"."""
    start = i
    while i < j:
        low = _bare(words[i]).casefold()
        if low[:1].isdigit() or low in _QUANTITIES:
            i += 1
        elif low in {"a", "an"} and i + 1 < j and _bare(words[i + 1]).casefold() in _QUANTITIES:
            i += 1  # "a few", "a dozen", "a handful of"
        elif low in {"of", "the"} and i > start:
            i += 1  # "dozens of", "one of the"
        else:
            break
    return i


def _conjuncts(words: Sequence[str], i: int, j: int) -> list[tuple[int, int]]:
    parts, start = [], i
    for k in range(i, j):
        if words[k].casefold() in {"and", "or"}:
            parts.append((start, k))
            start = k + 1
    parts.append((start, j))
    return parts


def _participle(word: str) -> bool:
    return word.islower() and len(word) > 4 and word.endswith(("ed", "ing"))


def _head_end(words: Sequence[str], i: int, j: int) -> int:
    """Where the head of words[i:j] ends: before the first phrase about it, if any
    ("analysts at Nordbank", "people familiar with the matter")."""
    for k in range(i + 1, j):
        word = words[k]
        if word in _POSTMODIFIERS and word.islower():
            return k
        if _participle(word) and k + 1 < j and not words[k - 1].endswith("ly"):
            return k  # "officials briefed on", not "market pricing" or "newly elected"
    return j


def _names_someone(
    words: Sequence[str], i: int, j: int, opens_sentence: bool, frame: Frame
) -> bool:
    """Whether words[i:j] (one conjunct, no leading count) names a source."""
    if i >= j:
        return False
    first = words[i].casefold()
    determiner = first if first in _ARTICLES | _DEFINITE | _POSSESSIVES else ""
    if determiner:
        i += 1
    if i >= j:
        return False
    # The head: the last word before a phrase that says more about it ("analysts at ...").
    end = _head_end(words, i, j)
    head = _bare(words[end - 1])
    low = head.casefold()
    modified = end - 1 > i or end < j  # "company figures", "the head of the agency"
    if not head or _is_pronoun(head) or low in _QUANTITIES or low[:1].isdigit():
        return False
    if _is_pronoun(words[i]):
        return False
    if low == "people" or low == "person":  # a count, unless described: "local people"
        return modified
    kind = _kind(low)
    if kind == "document":
        return bool(modified or determiner in _DEFINITE | _POSSESSIVES)
    if kind == "agent":
        return True
    if head[:1].isupper() and not (head.isupper() and len(head) == 1):
        # A proper name; one word opening the sentence is capitalised anyway, so with a
        # verb of finding ("Pictures showed") it must be a known kind of source.
        alone = opens_sentence and i == 0 and end - 1 == 0
        return not (alone and frame is Frame.EVIDENCE) and low not in _TIME_WORDS
    # An unknown noun, vouched for by a frame that only reports speech: "according to the
    # prefecture", "the tribunal said" (not "market pricing", nor a bare "sources").
    return (
        frame is Frame.SPEECH
        and bool(determiner or modified)
        and low.isalpha()
        and not low.endswith(("ing", "ly"))
    )


def source_words(
    words: Sequence[str], *, opens_sentence: bool = False, frame: Frame = Frame.VERB
) -> tuple[int, int] | None:
    """The words of a candidate phrase that name its source, as (first, end) indexes into
    `words`, or None when it names none. `opens_sentence`: the phrase starts the sentence
    (so its first word is capitalised whatever it is); `frame`: what it was found with."""
    j = len(words)
    for k in range(1, j):
        if _adjunct_at(words, k):
            j = k
            break
    while j and not _bare(words[j - 1]):
        j -= 1
    i = _strip_count(words, 0, j)
    if i >= j:
        return None
    # A verb makes it a clause ("he seeks", "toll rose"), not "Will Smith" or "the May poll".
    if any(w in _AUXILIARIES or w in PAST_VERBS for w in words[i:j]):
        return None
    if opens_sentence and words[i].casefold() in _AUXILIARIES:
        return None  # a question: "Has the ministry said ...?"
    if _is_pronoun(words[i]) and words[i].casefold() not in _POSSESSIVES:
        return None
    if any(_NUMBER.fullmatch(w) for w in words[i:j]):  # a figure belongs to the claim
        return None
    for start, end in _conjuncts(words, i, j):
        if not _names_someone(words, start, end, opens_sentence and start == 0, frame):
            return None
    return i, j
