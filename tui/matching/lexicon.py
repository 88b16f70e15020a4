"""Words that news reports use interchangeably, folded to one form before matching.

Outlets rarely copy each other word for word: one writes "Russian troops", another
"soldiers from Russia"; one "retake", another "reclaim". These groups are general news
vocabulary (conflict, politics, disasters, economy, reporting), not any one story's. Each
group folds to its first word. Demonyms fold to their country, so "Ukrainian forces" and
"Ukraine's forces" share a word. Folding happens after stemming, on both sides alike.
"""

from __future__ import annotations

from functools import lru_cache

# country / place, then its adjective and demonym forms
PLACES = """
afghanistan afghan afghans
america american americans us usa u.s
australia australian australians
belarus belarusian belarusians
brazil brazilian brazilians
britain british briton britons uk u.k
canada canadian canadians
china chinese
egypt egyptian egyptians
europe european europeans eu
france french
georgia georgian georgians
germany german germans
india indian indians
iran iranian iranians
iraq iraqi iraqis
israel israeli israelis
italy italian italians
japan japanese
jordan jordanian jordanians
korea korean koreans
lebanon lebanese
mexico mexican mexicans
nigeria nigerian nigerians
pakistan pakistani pakistanis
palestine palestinian palestinians
poland polish pole poles
russia russian russians
saudi saudis
spain spanish spaniard spaniards
sudan sudanese
syria syrian syrians
taiwan taiwanese
turkey turkish turk turks
ukraine ukrainian ukrainians
venezuela venezuelan venezuelans
yemen yemeni yemenis
"""

# Synonym groups of general news vocabulary; the first word is the folded form.
SYNONYMS = """
troop soldier force fighter personnel servicemen
army military
attack assault strike raid offensive
invasion incursion invade incursions
retake reclaim regain recapture
capture seize occupy
amass assemble mobilise mobilize gather muster
deploy dispatch station
kill slay
dead death fatality
injure wound hurt
casualty loss
arrest detain apprehend
say state tell
claim allege assert
report reported
announce unveil
reveal disclose
warn warning caution
support aid assistance help backing
negotiation talk negotiate
agreement deal accord pact treaty
ceasefire truce armistice
leader head chief
president presidential
government administration
official authority
lawmaker legislator parliamentarian mp
election vote poll ballot
protest demonstration rally
increase rise climb grow surge jump
decrease fall drop decline plunge slump
cut reduce slash
buy purchase acquire
company firm
job position post
quake earthquake
blaze wildfire fire
flood flooding deluge
storm hurricane typhoon cyclone
evacuate flee
resident inhabitant
child children kid
people person
plan intend
begin start launch
end finish conclude
resume restart
territory land ground
"""


def _stemmed(word: str) -> str:
    from tui.matching.normalise import stem

    return stem(word)


@lru_cache(maxsize=1)
def folding() -> dict[str, str]:
    """Stemmed word -> folded form (itself stemmed)."""
    table: dict[str, str] = {}
    for block in (PLACES, SYNONYMS):
        for line in block.strip().splitlines():
            words = line.split()
            head = _stemmed(words[0].replace(".", ""))
            for word in words:
                table.setdefault(_stemmed(word.replace(".", "")), head)
    return table


def fold(token: str) -> str:
    return folding().get(token, token)
