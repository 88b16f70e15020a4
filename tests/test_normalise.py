"""Normalisation: the words the matcher compares."""

from __future__ import annotations

from tui.matching.normalise import is_content, lemma, stem, tokens


def content_words(text: str) -> list[str]:
    """The normalised content words of `text`, in order (repeats kept)."""
    return [t for t in tokens(text) if is_content(t)]


def test_number_formats_are_written_one_way() -> None:
    assert content_words("50,000 troops") == content_words("50000 troops")
    assert content_words("1.5 million people") == content_words("1500000 people")
    assert content_words("$430bn") == content_words("$430 billion")
    assert "1376" in content_words("approximately 1,376 square kilometers")


def test_case_quotes_and_possessives_are_ignored() -> None:
    assert content_words("Ukraine’s “daring” incursion") == content_words(
        'ukraine\'s "daring" INCURSION'
    )


def test_stopwords_go_but_negations_stay() -> None:
    words = content_words("The troops did not advance, officials said.")
    assert "the" not in words and "said" not in words
    assert "not" in words
    assert "not" in content_words("They didn't advance")


def test_light_stemming_is_consistent() -> None:
    assert stem("troops") == stem("troop")
    assert stem("casualties") == stem("casualty")
    assert stem("launched") == stem("launching") == "launch"
    assert stem("stopped") == "stop"
    assert stem("class") == "class"  # not a plural
    assert stem("was") == "was"


def test_stopwords_are_not_stemmed_into_content_words() -> None:
    assert "doe" not in content_words("It does matter")
    assert tokens("does") == ["does"]


def test_irregular_forms_meet_their_dictionary_form() -> None:
    # Suffix trimming alone leaves these apart.
    assert content_words("Rebels struck the city and fled") == content_words(
        "Rebels strike the city and flee"
    )
    assert content_words("using drones") == content_words("used drones")
    assert stem("struck") != stem("strike")


def test_lemmas_leave_names_and_short_words_alone() -> None:
    assert lemma("zelenskyy") == "zelenskyy"  # not in the dictionary: as given
    assert lemma("us") == "us"  # the country, not "we"
    assert "us" in content_words("US officials")


def test_the_us_still_folds_to_its_country() -> None:
    from tui.matching.scoring import match_tokens

    assert match_tokens("US officials") == match_tokens("American officials")
