"""Attribution: who a sentence says its claim comes from, and that matching leaves it out."""

from __future__ import annotations

import pytest

from tui.claims.attribution import attribution_spans, dash_source, find_attribution
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.matching.matcher import Tier, match_claims, similarity
from tui.matching.scoring import match_tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops hold the line, Zelensky said on Telegram.", "Zelensky"),
        ("According to US officials, the aid was critical.", "US officials"),
        ("The estimate was reported by The New York Times.", "The New York Times"),
        ("Pentagon last week claimed that 10,000 troops were there.", "Pentagon"),
        ("“There’s no other option,” said one drone unit commander.", "drone unit commander"),
        (
            "Andrii Kovalenko, head of the centre, confirmed the fighting.",
            "Andrii Kovalenko",
        ),
        ("Kyiv officials suggested the pause played a part.", "Kyiv officials"),
        ("The bridge is unsafe, said the chief inspector.", "chief inspector"),
        ('"We are ready," said Prof. Samuel Otieno, who led the trial.', "Prof. Samuel Otieno"),
        ("Side effects were mild, the study found.", "study"),
        ("Ukraine and Russia said talks would resume.", "Ukraine and Russia"),
        (
            "“Russia lost 1,500 soldiers a day.” – British Armed Forces chief Tony Radakin",
            "British Armed Forces chief Tony Radakin",
        ),
        ("Malaria killed 608,000 people, according to the WHO.", "WHO"),
        ("Officials stressed that the water was safe to drink.", "Officials"),
        ("The minister cautioned that prices could rise again.", "minister"),
    ],
)
def test_named_sources(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reports indicate that Ukraine is preparing a counteroffensive.",  # vague: no source
        "He said the team would seek approval.",  # a pronoun names no one
        "Both sides have dismissed these claims.",  # "claims" is a noun here
        "A reported 50,000 troops are preparing an assault.",  # adjective, no subject
        "The war went on through the winter.",
        "Losses were far worse than initially reported.",
        # Verbs of doing, not saying: the subject acted, it is not a source.
        "The governor declared a state of emergency on Monday.",
        "The company recalled 10,000 cars.",
        "Firefighters responded to the blaze within minutes.",
    ],
)
def test_no_named_source(text: str) -> None:
    assert find_attribution(text) == ""


def test_a_reporting_verb_wins_over_a_verb_of_finding() -> None:
    text = "The bridge closed after inspectors found cracks, city officials said."
    assert find_attribution(text) == "city officials"


def test_dash_line_credits_a_quotation() -> None:
    assert dash_source("— Rosa Delgado, council member for District 4") == "Rosa Delgado"
    assert dash_source("– Tony Radakin") == "Tony Radakin"
    assert dash_source("Rosa Delgado spoke.") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A described subject with a name in apposition: the name is the source.
        ("The shop's manager, Ms. Rosa Lind, said thieves took every laptop.", "Ms. Rosa Lind"),
        ("The union's general secretary, Karl Berg, said talks had collapsed.", "Karl Berg"),
        ("Our reporter in Nairobi, Amina da Costa, said roads were closed.", "Amina da Costa"),
        # A named subject keeps its name; the apposition only describes it.
        ("Oskar Vale, a retired judge, warned the law was unworkable.", "Oskar Vale"),
        ("Farmers, including several in the north, said yields fell by half.", "Farmers"),
        ("The governor, speaking on local radio, said 60 homes had burned.", "governor"),
        ("The regulator, in a statement, told lenders to raise their reserves.", "regulator"),
        ("Lena Ortiz, 41, from Valencia, said: “The water came in minutes.”", "Lena Ortiz"),
        ("The coach, who joined in May, also said injuries hurt the team.", "coach"),
        # A scene-setting phrase before the subject is not the subject.
        ("On Sunday, the police chief, citing CCTV footage, said two men fled.", "police chief"),
        ("Speaking in Paris, the envoy, a career diplomat, said a deal was close.", "envoy"),
    ],
)
def test_subject_with_apposition_before_the_verb(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port authority said cargo volumes fell 8 percent.", "port authority"),
        ("Cargo volumes fell 8 percent, the port authority said.", "port authority"),
        ("Cargo volumes fell 8 percent, said the port authority.", "port authority"),
        ("Cargo volumes fell, according to the port authority.", "port authority"),
        ("Cargo volumes fell, said Ines Moreau, a port spokeswoman.", "Ines Moreau"),
        ("In June, exports slumped, said the trade ministry.", "trade ministry"),
        ("Prices rose, wages fell, said the statistics office.", "statistics office"),
        ("Residents, many of them elderly, were moved, officials said.", "officials"),
    ],
)
def test_shapes_the_apposition_rule_leaves_alone(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ward's head nurse, Mr. Tomas Berg, said he had not slept in days.", "Mr. Tomas Berg"),
        ("The museum, founded in 1901 by Dr. Ana Pires, holds 40,000 objects.", ""),
        # Too many commas to read the subject; still, the claim is not taken for a source.
        ("The mayor, Ana Reis, 52, a lawyer, said she would resign in May.", ""),
        ("The dam held, said it was never at risk.", ""),
    ],
)
def test_content_after_the_verb_is_never_the_source(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Pronoun fragments, counts, adverbs, things that cannot speak, clauses.
        "“I hope they can be found before dark.”",
        "Her body was found near the river on Friday.",
        "At least 50 people said the water rose within minutes.",
        "Dozens claimed the warnings had come too late.",
        "The storm claimed at least 24 lives.",
        "Rebels claimed responsibility for the attack.",
        "Pictures showed a bridge torn in two.",
        "The army posted a video of the strike.",
        "It strains ties as he seeks stable relations with the United States.",
        "Shortly after the blast, a second explosion was reported.",
        "It was said at the time that the mine was safe.",
        # Speech that attributes nothing: declined, did not say, could not confirm.
        "She declined to say whether the dam had held.",
        "The ministry has not said how many people died.",
        "Officials could not independently confirm the figure.",
        # Whose estimates or pricing the sentence does not say.
        "According to estimates, the harvest fell by a third.",
        "According to market pricing, a cut in June is likely.",
        "Reports indicate that the port has reopened.",
    ],
)
def test_phrases_that_name_no_one_are_not_sources(text: str) -> None:
    assert find_attribution(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People by role, groups, offices, outlets, documents, names.
        ("Pentagon officials said the strike had hit its target.", "Pentagon officials"),
        ("The ward was full, a doctor at a clinic in Oradea said.", "doctor at a clinic in Oradea"),
        ("Two witnesses told AFP they heard a blast.", "witnesses"),
        ("Dozens of villagers said the road was cut.", "villagers"),
        ("People familiar with the talks said a deal was near.", "People familiar with the talks"),
        ("Prices rose 4 percent, according to official data.", "official data"),
        ("Three members voted against, the minutes showed.", "minutes"),
        ("According to the Vella prefecture, 11 people died.", "Vella prefecture"),
        (
            "An engineer who worked at the dam told the paper it leaked.",
            "engineer who worked at the dam",
        ),
        ("Water levels fell overnight, her office said.", "her office"),
        # The source ends where its adjuncts begin.
        ("The cut was announced by the bank at 10 a.m. on Friday.", "bank"),
        ("It was confirmed by the harbour master shortly after noon.", "harbour master"),
        ("The toll was later revised by the coast guard to 13.", "coast guard"),
        # "X told Y": the speaker, never the audience.
        ('"The hall shook," Ada Moss, a teacher, told Reuters by telephone.', "Ada Moss"),
        ('"We will not pay," the firm\'s finance chief, Li Wen, said in an email.', "Li Wen"),
        # "..., saying": the main clause's subject.
        ("The ministry rejected the figures, saying they were inflated.", "ministry"),
    ],
)
def test_sources_are_people_groups_offices_and_documents(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The toll rose to 24, the agency's spokesman, Ali Demir, said.",
            "the agency's spokesman, Ali Demir, said",
        ),
        (
            '"People panicked," said Ali Demir, spokesman for the agency.',
            "said Ali Demir, spokesman for the agency",
        ),
        ("Two witnesses told the BBC that the hotel fell.", "Two witnesses told the BBC"),
        ("The quake struck at dawn, according to the USGS.", "according to the USGS"),
        ("The figure was revised by the coast guard to 13.", "revised by the coast guard"),
    ],
)
def test_spans_cover_who_said_it(text: str, said: str) -> None:
    assert [text[s:e] for s, e in attribution_spans(text)] == [said]


def test_no_spans_without_a_source() -> None:
    assert attribution_spans("He said the dam would hold.") == ()
    assert attribution_spans("The dam held through the night.") == ()


# Who said it is not what was said: the matcher leaves the attribution out.
SPOKESMAN_A = (
    '"People panicked and ran into the streets in their nightclothes," said Tomas Ferrand,'
    " a spokesman for the National Emergency Agency."
)
SPOKESMAN_B = (
    '"We have recorded 24 dead so far," National Emergency Agency spokesman Tomas Ferrand'
    " told a news conference in the capital."
)
FACT_A = (
    "The river burst its banks before dawn and flooded about 300 homes in the lower town,"
    " the regional fire service said."
)
FACT_B = (
    "According to Mayor Ilse Brandt, the river burst its banks before dawn and flooded about"
    " 300 homes in the lower town."
)


def _claim(article: str, text: str) -> Unit:
    return Unit(f"{article}:0", article, text, 0, len(text), Kind.CLAIM, 0)


def _tier(a: str, b: str) -> Tier | None:
    result = match_claims([_claim("a", a), _claim("b", b)], MatchSettings())
    return next((m.tier for m in result.matches), None)


def test_one_speaker_stating_two_facts_is_not_a_match() -> None:
    assert find_attribution(SPOKESMAN_A) == "Tomas Ferrand"
    assert find_attribution(SPOKESMAN_B) == "National Emergency Agency spokesman Tomas Ferrand"
    assert _tier(SPOKESMAN_A, SPOKESMAN_B) is None
    assert similarity(SPOKESMAN_A, SPOKESMAN_B) < 10


def test_one_fact_from_two_speakers_still_matches() -> None:
    assert find_attribution(FACT_A) == "regional fire service"
    assert find_attribution(FACT_B) == "Mayor Ilse Brandt"
    assert _tier(FACT_A, FACT_B) is Tier.MATCH


def test_the_speaker_stands_in_the_match_tokens_as_one_token() -> None:
    bare = FACT_A.split(", the regional")[0] + "."
    (speaker,) = match_tokens(FACT_A) - match_tokens(bare)
    assert speaker.startswith("@")
    assert not match_tokens(FACT_A) & match_tokens("the regional fire service")
    # The same words from two speakers are the same claim; other words, another claim.
    assert similarity(FACT_A, FACT_B) == 100
    assert speaker not in match_tokens(FACT_A.replace("300", "400"))
    assert similarity("Officials said so.", "Officials said no.") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The repair budget was cut in 2022, council records show.", "council records"),
        ("Council records show the repair budget was cut in 2022.", "Council records"),
        (
            "Traffic reached 30,000 vehicles a day, data from the ministry show.",
            "data from the ministry",
        ),
        ("Police records show 12 arrests in the district.", "Police records"),
    ],
)
def test_records_and_data_that_show_are_sources(text: str, expected: str) -> None:
    # The plural present ("records show") as well as "records showed" / "the data shows".
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Crowds came to the air show on Sunday.",  # a noun
        "They show no sign of stopping.",  # a pronoun names no one
        "Photos show the bridge lying in the river.",  # pictures show a scene, not a finding
        "Organisers will show the film twice.",  # a deed: showing something
    ],
)
def test_show_that_names_no_source(text: str) -> None:
    assert find_attribution(text) == ""
